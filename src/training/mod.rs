//! Training mode: a workspace that can never be mistaken for a real one,
//! fictional scenarios loaded as cases, a presenter's walk through the
//! protocol for the projector, and each trainee's debrief against the
//! scenario's answer key.
//!
//! - A training workspace is made by [`create_demo`] with the fixed
//!   passphrase [`DEMO_PASSPHRASE`] (a class must open it without secrets).
//!   Its database says so (a setting), and a plain `TRAINING.txt` beside it
//!   lets the locked window say so too.
//! - Every case made in it carries a training mark (`training_mark`, a table
//!   whose row cannot be changed or deleted), written with the case header.
//!   A real workspace refuses a marked file and a training workspace refuses
//!   an unmarked one; every packet of a marked case is the training copy.

pub mod scenario;

pub use scenario::{
    AnswerKey, Scenario, ScenarioIncident, ScenarioPerson, ScriptedAnswer, TeachingPoints,
};

use crate::case::{CaseSummary, NewCase};
use crate::crypto::KdfParams;
use crate::packet::layout::{Block, Cell};
use crate::packet::{ElementKind, Paper, Statute};
use crate::person::{IdentifierInput, IdentifierKind, PersonInput, PersonRole, Relationship};
use crate::protocol::AnswerInput;
use crate::risk::{FactorRating, Rating, RiskAssessmentInput, RiskLevel};
use crate::secret::Passphrase;
use crate::store::registry;
use crate::workspace::{self, Credential, Profile, UnlockedWorkspace};
use crate::{fsutil, Error, Result};
use serde::Serialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The passphrase of every training workspace: printed on the first-start
/// screen, in `vigil demo` and in the README. Training data is fictional.
pub const DEMO_PASSPHRASE: &str = "Practice harbour lantern 7";
/// The plain marker beside a training workspace.
pub const MARKER_FILE: &str = "TRAINING.txt";
/// The watermark of every training document.
pub const WATERMARK: &str = "TRAINING — NOT EVIDENCE";
const SETTING: &str = "training.workspace";

/// True when `dir` is marked as a training workspace (readable while locked).
pub fn is_training_dir(dir: &Path) -> bool {
    dir.join(MARKER_FILE).is_file()
}

/// Where `vigil demo` and "Open a training demo" keep the training
/// workspace: beside the real one, never inside it.
pub fn default_dir(real: &Path) -> PathBuf {
    let name = real
        .file_name()
        .map(|n| format!("{}-training", n.to_string_lossy()))
        .unwrap_or_else(|| "training".into());
    real.with_file_name(name)
}

/// The trainee's profile in a new training workspace.
fn trainee() -> Profile {
    Profile {
        name: "Trainee".into(),
        badge: "T-0".into(),
        unit: "Stalking protocol class".into(),
        agency: "Training (fictional)".into(),
    }
}

/// Opens the training workspace in `dir`, making it (with every shipped
/// scenario loaded as a case) when there is none. A real workspace there is
/// refused: training never writes into one.
pub fn create_demo(dir: &Path, kdf: KdfParams) -> Result<UnlockedWorkspace> {
    let pass = Passphrase::new(DEMO_PASSPHRASE.to_string());
    if workspace::exists(dir) {
        let (ws, _) =
            workspace::unlock(dir, Credential::Passphrase(&pass)).map_err(|e| match e {
                Error::WrongPassphrase => separation(format!(
                "{} holds a real workspace, not a training one: choose another folder for the demo",
                dir.display()
            )),
                other => other,
            })?;
        if !ws.is_training() {
            return Err(separation(format!(
                "{} holds a real workspace, not a training one: choose another folder for the demo",
                dir.display()
            )));
        }
        return Ok(ws);
    }
    let (mut ws, _recovery) = workspace::create(dir, &pass, Some(&trainee()), kdf)?;
    ws.set_setting(SETTING, "1")?;
    fsutil::write_atomic(
        &dir.join(MARKER_FILE),
        format!(
            "This folder is a Vigil TRAINING workspace. Everything in it is fictional and none of it is evidence.\nPassphrase: {DEMO_PASSPHRASE}\n"
        )
        .as_bytes(),
    )?;
    for s in ws.training_scenarios()? {
        ws.load_scenario(&s.id)?;
    }
    Ok(ws)
}

pub(crate) fn separation(reason: String) -> Error {
    Error::TrainingSeparation { reason }
}

/// A scenario as listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ScenarioSummary {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Stage.
    pub stage: String,
    /// Its case number.
    pub case_number: String,
    /// The fiction statement.
    pub fictional: String,
    /// What the class sees first.
    pub summary: String,
    /// Learning objectives.
    pub objectives: Vec<String>,
    /// Where the victim's own log waits to be imported, if the scenario has one.
    pub log_path: Option<String>,
}

/// The folder of a training workspace where victims' logs are put for import.
pub const LOG_DIR: &str = "victim-logs";

impl From<&Scenario> for ScenarioSummary {
    fn from(s: &Scenario) -> Self {
        ScenarioSummary {
            id: s.id.clone(),
            title: s.title.clone(),
            stage: s.stage.clone(),
            case_number: s.case_number.clone(),
            fictional: s.fictional.clone(),
            summary: s.summary.clone(),
            objectives: s.objectives.clone(),
            log_path: None,
        }
    }
}

/// One question on the projector, with the victim's scripted answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PresenterQuestion {
    /// Protocol item.
    pub item_id: String,
    /// The question.
    pub text: String,
    /// How to ask it.
    pub help: String,
    /// What the victim says when asked (none: not part of this story).
    pub says: Option<String>,
    /// Incidents this question brings out (their narratives).
    pub reveals: Vec<String>,
}

/// One step of the presenter's walk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PresenterStep {
    /// Stage label.
    pub stage: String,
    /// Step id.
    pub step_id: String,
    /// Step label.
    pub label: String,
    /// What to do.
    pub guidance: String,
    /// Why it matters.
    pub why: String,
    /// Questions of the step the story answers.
    pub questions: Vec<PresenterQuestion>,
    /// The scenario's teaching points here.
    pub teaching: Vec<String>,
}

/// The presenter's walk through a scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Presentation {
    /// The scenario.
    pub scenario: ScenarioSummary,
    /// Steps in protocol order.
    pub steps: Vec<PresenterStep>,
}

/// One thing of the answer key, found or missed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct DebriefLine {
    /// What.
    pub label: String,
    /// Found by the trainee.
    pub found: bool,
    /// Why it matters (for what was missed).
    pub why: String,
}

/// One area of the debrief.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct DebriefArea {
    /// "incidents", "items", "riskFactors", "elements".
    pub key: String,
    /// Title.
    pub title: String,
    /// Found.
    pub found: u32,
    /// In the key.
    pub total: u32,
    /// Each.
    pub lines: Vec<DebriefLine>,
}

/// A trainee's case against the scenario's answer key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Debrief {
    /// Case number.
    pub case_number: String,
    /// The scenario.
    pub scenario: ScenarioSummary,
    /// Areas with something in the key.
    pub areas: Vec<DebriefArea>,
    /// Found overall.
    pub found: u32,
    /// In the key overall.
    pub total: u32,
    /// Found / total, in whole per cent (100 for an empty key).
    pub percent: u32,
}

fn person_input(p: &ScenarioPerson) -> PersonInput {
    let mut identifiers = Vec::new();
    for (kind, value) in [
        (IdentifierKind::Phone, &p.phone),
        (IdentifierKind::Email, &p.email),
    ] {
        if !value.is_empty() {
            identifiers.push(IdentifierInput {
                kind,
                value: value.clone(),
                label: String::new(),
                confidential: false,
                keep: None,
            });
        }
    }
    PersonInput {
        role: PersonRole::parse(&p.role).unwrap_or(PersonRole::ThirdParty),
        name: p.name.clone(),
        relationship: Relationship::parse(&p.relationship).unwrap_or(Relationship::Unknown),
        notes: p.notes.clone(),
        identifiers,
    }
}

impl UnlockedWorkspace {
    /// True for a training workspace.
    pub fn is_training(&self) -> bool {
        registry::setting(&self.db, SETTING)
            .ok()
            .flatten()
            .is_some_and(|v| v == "1")
    }

    fn scenario_context_parts(
        &self,
    ) -> Result<(
        crate::protocol::Protocol,
        crate::risk::RiskCatalog,
        Vec<Statute>,
    )> {
        Ok((
            self.workspace_protocol()?,
            self.risk_catalog()?,
            self.statutes()?,
        ))
    }

    /// Checks a scenario file against this workspace's protocol, taxonomy,
    /// risk factors and statutes.
    pub fn validate_scenario(&self, text: &str, file: &str) -> Result<Scenario> {
        let (protocol, risk, statutes) = self.scenario_context_parts()?;
        Scenario::parse(
            text,
            file,
            &scenario::Context {
                protocol: &protocol,
                taxonomy: &self.taxonomy,
                risk: &risk,
                statutes: &statutes,
            },
        )
    }

    /// The scenarios shipped with Vigil.
    pub fn training_scenarios(&self) -> Result<Vec<Scenario>> {
        scenario::SHIPPED
            .iter()
            .map(|(name, text)| self.validate_scenario(text, name))
            .collect()
    }

    /// The scenarios as listed, with where each victim's log waits.
    pub fn scenario_summaries(&self) -> Result<Vec<ScenarioSummary>> {
        Ok(self
            .training_scenarios()?
            .iter()
            .map(|s| self.summary_of_scenario(s))
            .collect())
    }

    fn summary_of_scenario(&self, s: &Scenario) -> ScenarioSummary {
        let mut out = ScenarioSummary::from(s);
        out.log_path = s
            .log
            .as_ref()
            .map(|(name, _)| self.dir().join(LOG_DIR).join(name).display().to_string());
        out
    }

    /// One scenario by id.
    pub fn scenario(&self, id: &str) -> Result<Scenario> {
        self.training_scenarios()?
            .into_iter()
            .find(|s| s.id == id)
            .ok_or_else(|| Error::NotFound {
                kind: "scenario",
                id: id.to_string(),
            })
    }

    /// The scenario a training case was loaded from (None for a real case or
    /// free practice).
    pub fn case_scenario(&mut self, number: &str) -> Result<Option<String>> {
        let mark = crate::store::cases::training_mark(&self.case(number)?.conn)?;
        Ok(mark.filter(|s| !s.is_empty()))
    }

    /// The victim's scripted answers for a scenario's case, for a trainee
    /// who asks the question on their own laptop (empty for any other case).
    pub fn victim_script(&mut self, number: &str) -> Result<Vec<ScriptedAnswer>> {
        match self.case_scenario(number)? {
            Some(id) => Ok(self.scenario(&id)?.answers),
            None => Ok(Vec::new()),
        }
    }

    fn require_training(&self) -> Result<()> {
        if self.is_training() {
            Ok(())
        } else {
            Err(separation(
                "scenarios load only into a training workspace (vigil demo), never a real one"
                    .into(),
            ))
        }
    }

    /// Loads a scenario as a case at its starting point: people, the
    /// incidents already recorded. Training workspaces only.
    pub fn load_scenario(&mut self, id: &str) -> Result<CaseSummary> {
        self.require_training()?;
        let s = self.scenario(id)?;
        let summary = self.create_case_marked(
            &NewCase {
                number: s.case_number.clone(),
                title: s.case_title.clone(),
                opened_on: None,
                assigned_investigator: None,
                agency_reports: vec![],
            },
            Some(&s.id),
        )?;
        let mut ids: HashMap<String, String> = HashMap::new();
        for p in &s.people {
            let saved = self.save_person(&s.case_number, None, &person_input(p))?;
            ids.insert(p.key.clone(), saved.id);
        }
        for i in s.incidents.iter().filter(|i| i.recorded) {
            self.add_scenario_incident(&s, i, &ids)?;
        }
        // The victim's own log, for the trainee to import (fictional data,
        // so a plain file beside the workspace is fine).
        if let Some((name, text)) = &s.log {
            let dir = self.dir().join(LOG_DIR);
            std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
            fsutil::write_atomic(&dir.join(name), text.as_bytes())?;
        }
        Ok(summary)
    }

    fn add_scenario_incident(
        &mut self,
        s: &Scenario,
        i: &ScenarioIncident,
        people: &HashMap<String, String>,
    ) -> Result<String> {
        let mut input = crate::incident::IncidentInput::quick(&i.when, &i.category, &i.narrative);
        input.tz = Some(s.time_zone.clone());
        input.suspect_id = people.get(&i.suspect).cloned();
        input.victim_words = i.victim_words.clone();
        Ok(self.add_incident(&s.case_number, &input)?.id)
    }

    /// Puts a scenario's case back to its start (the presenter's reset):
    /// the case file is removed and the scenario loaded again. Only a
    /// training case loaded from a scenario, in a training workspace.
    pub fn reset_scenario(&mut self, number: &str) -> Result<CaseSummary> {
        self.require_training()?;
        let Some(id) = self.case_scenario(number)? else {
            return Err(Error::validation(
                "case",
                "only a case loaded from a scenario can be reset",
            ));
        };
        self.discard_training_case(number)?;
        self.load_scenario(&id)
    }

    /// The presenter's walk: the protocol steps the scenario teaches or
    /// answers, in protocol order, with "why it matters", the questions and
    /// the victim's scripted answers.
    pub fn presentation(&self, scenario_id: &str) -> Result<Presentation> {
        let s = self.scenario(scenario_id)?;
        let protocol = self.workspace_protocol()?;
        let mut steps = Vec::new();
        for stage in &protocol.stages {
            for step in &stage.steps {
                let teaching: Vec<String> = s
                    .teaching
                    .iter()
                    .filter(|t| t.step == step.id)
                    .flat_map(|t| t.points.clone())
                    .collect();
                let questions: Vec<PresenterQuestion> = step
                    .items
                    .iter()
                    .filter(|it| {
                        s.answers.iter().any(|a| a.item == it.id)
                            || s.incidents.iter().any(|i| i.revealed_by == it.id)
                    })
                    .map(|it| PresenterQuestion {
                        item_id: it.id.clone(),
                        text: it.text.clone(),
                        help: it.help.clone(),
                        says: s
                            .answers
                            .iter()
                            .find(|a| a.item == it.id)
                            .map(|a| a.says.clone()),
                        reveals: s
                            .incidents
                            .iter()
                            .filter(|i| i.revealed_by == it.id)
                            .map(|i| format!("{} — {}", i.when, i.narrative))
                            .collect(),
                    })
                    .collect();
                if teaching.is_empty() && questions.is_empty() {
                    continue;
                }
                steps.push(PresenterStep {
                    stage: stage.label.clone(),
                    step_id: step.id.clone(),
                    label: step.label.clone(),
                    guidance: step.guidance.clone(),
                    why: step.why.clone(),
                    questions,
                    teaching,
                });
            }
        }
        Ok(Presentation {
            scenario: self.summary_of_scenario(&s),
            steps,
        })
    }

    /// What the trainee found in case `number` against its scenario's key.
    pub fn debrief(&mut self, number: &str) -> Result<Debrief> {
        let Some(id) = self.case_scenario(number)? else {
            return Err(Error::validation(
                "case",
                "a debrief needs a training case loaded from a scenario",
            ));
        };
        let s = self.scenario(&id)?;
        let protocol = self.workspace_protocol()?;
        let mut areas = Vec::new();

        // Incidents the trainee had to find: one in the case with the same
        // category on the same day counts.
        let recorded: Vec<(String, String)> =
            crate::store::incidents::all(&self.case(number)?.conn)?
                .into_iter()
                .map(|i| {
                    (
                        i.input.category.clone(),
                        crate::when::local_date(&i.occurred.from, &s.time_zone)
                            .map(|d| d.to_string())
                            .unwrap_or_default(),
                    )
                })
                .collect();
        let lines: Vec<DebriefLine> = s
            .incidents
            .iter()
            .filter(|i| !i.recorded)
            .map(|i| DebriefLine {
                label: format!(
                    "{} ({}): {}",
                    self.taxonomy
                        .category(&i.category)
                        .map(|c| c.label.clone())
                        .unwrap_or_else(|| i.category.clone()),
                    i.date,
                    i.narrative
                ),
                found: recorded
                    .iter()
                    .any(|(c, d)| c == &i.category && d == &i.date),
                why: i.why.clone(),
            })
            .collect();
        areas.push(area("incidents", "Incidents discovered", lines));

        let answers = self.protocol_view(number)?.answers;
        let lines = s
            .key
            .items
            .iter()
            .map(|id| {
                let (_, step, item) = protocol
                    .item(id)
                    .map(|(a, b, c)| (a.label.clone(), b.clone(), c.clone()))
                    .ok_or(Error::NotFound {
                        kind: "protocol item",
                        id: id.clone(),
                    })?;
                Ok(DebriefLine {
                    label: format!("{}: {}", step.label, item.text),
                    found: answers.iter().any(|a| &a.item_id == id && a.is_given()),
                    why: step.why.clone(),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        areas.push(area("items", "Required protocol items answered", lines));

        let catalog = self.risk_catalog()?;
        let latest = self.risk_history(number)?.assessments.into_iter().next();
        let lines = s
            .key
            .risk_factors
            .iter()
            .map(|id| {
                let f = catalog.factors.iter().find(|f| &f.id == id);
                DebriefLine {
                    label: f.map(|f| f.label.clone()).unwrap_or_else(|| id.clone()),
                    found: latest.as_ref().is_some_and(|r| {
                        r.input.factors.iter().any(|x| {
                            &x.factor_id == id
                                && matches!(x.rating, Rating::Present | Rating::Partly)
                        })
                    }),
                    why: f.map(|f| f.description.clone()).unwrap_or_default(),
                }
            })
            .collect();
        areas.push(area("riskFactors", "Risk factors identified", lines));

        if !s.key.elements.is_empty() {
            let matrix = self.elements_matrix(number)?;
            let statute = self.statute(&s.statute)?;
            let lines = s
                .key
                .elements
                .iter()
                .map(|eid| {
                    let el = statute.elements.iter().find(|e| &e.id == eid);
                    DebriefLine {
                        label: el.map(|e| e.label.clone()).unwrap_or_else(|| eid.clone()),
                        found: matrix.rows.iter().any(|r| {
                            r.statute_id == s.statute
                                && &r.element.id == eid
                                && (!r.incidents.is_empty() || !r.exhibits.is_empty())
                        }),
                        why: el.map(|e| e.text.clone()).unwrap_or_default(),
                    }
                })
                .collect();
            areas.push(area("elements", "Offence elements supported", lines));
        }
        areas.retain(|a| a.total > 0);
        let found: u32 = areas.iter().map(|a| a.found).sum();
        let total: u32 = areas.iter().map(|a| a.total).sum();
        Ok(Debrief {
            case_number: number.to_string(),
            scenario: self.summary_of_scenario(&s),
            percent: (found * 100).checked_div(total).unwrap_or(100),
            found,
            total,
            areas,
        })
    }

    /// The debrief as a short PDF in the training profile (watermarked on
    /// every page), written to `out`.
    pub fn debrief_pdf(&mut self, number: &str, out: &Path) -> Result<Debrief> {
        let d = self.debrief(number)?;
        let mut b = vec![Block::Section(format!("Debrief: {}", d.scenario.title))];
        b.push(Block::note(d.scenario.fictional.clone()));
        b.push(Block::Fields(vec![
            ("Case".into(), d.case_number.clone()),
            ("Trainee".into(), self.actor()),
            (
                "Found".into(),
                format!("{} of {} ({}%)", d.found, d.total, d.percent),
            ),
        ]));
        b.push(Block::Heading {
            text: "Learning objectives".into(),
            outline: false,
        });
        for o in &d.scenario.objectives {
            b.push(Block::para(format!("• {o}")));
        }
        for a in &d.areas {
            b.push(Block::Heading {
                text: format!("{} — {} of {}", a.title, a.found, a.total),
                outline: false,
            });
            let rows = a
                .lines
                .iter()
                .map(|l| {
                    vec![
                        Cell::bold(if l.found { "Found" } else { "Missed" }),
                        Cell::text(l.label.clone()),
                        Cell::text(if l.found {
                            String::new()
                        } else {
                            l.why.clone()
                        }),
                    ]
                })
                .collect();
            b.push(Block::Table {
                cols: vec![
                    ("".into(), 0.12),
                    ("What".into(), 0.44),
                    ("Why it matters (when missed)".into(), 0.44),
                ],
                rows,
                size: 8.5,
            });
        }
        let paper = self.paper().unwrap_or(Paper::Letter);
        let bytes = crate::packet::report::simple_pdf(
            &format!("Training debrief {}", d.case_number),
            &format!("Training debrief — case {}", d.case_number),
            WATERMARK,
            Some(WATERMARK),
            paper,
            &b,
        )?;
        fsutil::write_atomic(out, &bytes)?;
        Ok(d)
    }

    /// A scripted run that does everything the scenario's key asks: finds
    /// every hidden incident, gives every scripted answer, assesses the key's
    /// risk factors as present, charges the statute and links the elements.
    /// For the tests that prove each key can be met (100%).
    #[doc(hidden)]
    pub fn complete_scenario(&mut self, number: &str) -> Result<Debrief> {
        let id = self.case_scenario(number)?.ok_or(Error::NotFound {
            kind: "scenario case",
            id: number.to_string(),
        })?;
        let s = self.scenario(&id)?;
        let people: HashMap<String, String> = {
            let list = self.list_people(number)?;
            s.people
                .iter()
                .filter_map(|p| {
                    list.iter()
                        .find(|x| x.name == p.name)
                        .map(|x| (p.key.clone(), x.id.clone()))
                })
                .collect()
        };
        for i in s.incidents.iter().filter(|i| !i.recorded) {
            self.add_scenario_incident(&s, i, &people)?;
        }
        for a in &s.answers {
            self.answer_item(
                number,
                &a.item,
                &AnswerInput {
                    value: a.value.clone(),
                    values: a.values.clone(),
                    note: String::new(),
                },
            )?;
        }
        if !s.key.risk_factors.is_empty() {
            let today = chrono::Local::now().date_naive().to_string();
            self.add_risk_assessment(
                number,
                &RiskAssessmentInput {
                    assessed_on: today.clone(),
                    level: RiskLevel::High,
                    reasons: "Scripted run of the answer key".into(),
                    typology: None,
                    factors: s
                        .key
                        .risk_factors
                        .iter()
                        .map(|f| FactorRating {
                            factor_id: f.clone(),
                            rating: Rating::Present,
                            source: "Victim interview".into(),
                            date: today.clone(),
                        })
                        .collect(),
                    instruments: vec![],
                    next_review: None,
                },
            )?;
        }
        if !s.key.elements.is_empty() {
            self.set_case_statutes(number, std::slice::from_ref(&s.statute))?;
            let statute = self.statute(&s.statute)?;
            let kinds: Vec<ElementKind> = statute
                .elements
                .iter()
                .filter(|e| s.key.elements.contains(&e.id))
                .map(|e| e.kind)
                .collect();
            let ids: Vec<String> = crate::store::incidents::all(&self.case(number)?.conn)?
                .into_iter()
                .map(|i| i.id)
                .collect();
            for id in ids {
                self.set_element_links(number, "incident", &id, &kinds)?;
            }
        }
        self.debrief(number)
    }
}

fn area(key: &str, title: &str, lines: Vec<DebriefLine>) -> DebriefArea {
    DebriefArea {
        key: key.into(),
        title: title.into(),
        found: lines.iter().filter(|l| l.found).count() as u32,
        total: lines.len() as u32,
        lines,
    }
}

/// Checks a scenario file against Vigil's own protocol, taxonomy, risk
/// factors and statutes (no workspace needed).
pub fn validate_with_defaults(text: &str, file: &str) -> Result<Scenario> {
    let protocol = crate::protocol::Protocol::default_protocol()?;
    let taxonomy = crate::taxonomy::Taxonomy::default_taxonomy();
    let risk = crate::risk::RiskCatalog::default_catalog()?;
    let statutes = crate::packet::statute::SHIPPED
        .iter()
        .map(|(name, t)| Statute::parse(t, name))
        .collect::<Result<Vec<_>>>()?;
    Scenario::parse(
        text,
        file,
        &scenario::Context {
            protocol: &protocol,
            taxonomy: &taxonomy,
            risk: &risk,
            statutes: &statutes,
        },
    )
}
