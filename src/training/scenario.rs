//! Training scenarios as data (`assets/training/*.toml`): a fictional case at
//! one stage, the victim's scripted answers, the answer key and the teaching
//! points. Checked against the protocol, the taxonomy, the risk catalog and
//! the statutes; every mistake names its file, line and field.

use crate::packet::Statute;
use crate::protocol::{ItemKind, Protocol};
use crate::risk::RiskCatalog;
use crate::taxonomy::Taxonomy;
use crate::Result;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use toml::Spanned;

/// The scenarios shipped with Vigil: (file name, text).
pub const SHIPPED: &[(&str, &str)] = &[
    (
        "01-first-call.toml",
        include_str!("../../assets/training/01-first-call.toml"),
    ),
    (
        "02-mid-investigation.toml",
        include_str!("../../assets/training/02-mid-investigation.toml"),
    ),
    (
        "03-ready-for-referral.toml",
        include_str!("../../assets/training/03-ready-for-referral.toml"),
    ),
];

/// A person in a scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ScenarioPerson {
    /// Local key.
    pub key: String,
    /// Role word.
    pub role: String,
    /// Name (invented).
    pub name: String,
    /// Relationship word.
    pub relationship: String,
    /// Phone (555-0100 … 555-0199).
    pub phone: String,
    /// Email (example.com/.org/.net).
    pub email: String,
    /// Notes.
    pub notes: String,
}

/// An incident of the story.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ScenarioIncident {
    /// Local key.
    pub key: String,
    /// When, as the CLI takes it, in the scenario's zone.
    pub when: String,
    /// Its date (YYYY-MM-DD), for matching what a trainee records.
    pub date: String,
    /// Taxonomy category.
    pub category: String,
    /// What happened.
    pub narrative: String,
    /// Person key of the suspect.
    pub suspect: String,
    /// The victim's words.
    pub victim_words: String,
    /// In the case from the start; otherwise the trainee must find it.
    pub recorded: bool,
    /// The protocol item whose question brings it out.
    pub revealed_by: String,
    /// Why finding it matters.
    pub why: String,
}

/// The victim's scripted answer to one protocol item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ScriptedAnswer {
    /// Protocol item.
    pub item: String,
    /// What the victim says.
    pub says: String,
    /// The value to record.
    pub value: String,
    /// Ticked options.
    pub values: Vec<String>,
}

/// What a trainee should find.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct AnswerKey {
    /// Protocol items to answer.
    pub items: Vec<String>,
    /// Risk factors present.
    pub risk_factors: Vec<String>,
    /// Statute elements to support.
    pub elements: Vec<String>,
}

/// Teaching points for one protocol step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct TeachingPoints {
    /// Protocol step.
    pub step: String,
    /// The points.
    pub points: Vec<String>,
}

/// A training scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Scenario {
    /// Id.
    pub id: String,
    /// Version.
    pub version: u32,
    /// Title.
    pub title: String,
    /// patrol, investigation or referral.
    pub stage: String,
    /// The statement that it is all invented.
    pub fictional: String,
    /// What the class sees first.
    pub summary: String,
    /// Learning objectives.
    pub objectives: Vec<String>,
    /// Statute charged at referral.
    pub statute: String,
    /// Case number in the training workspace.
    pub case_number: String,
    /// Case title.
    pub case_title: String,
    /// Zone of every time.
    pub time_zone: String,
    /// People.
    pub people: Vec<ScenarioPerson>,
    /// Incidents.
    pub incidents: Vec<ScenarioIncident>,
    /// Scripted answers.
    pub answers: Vec<ScriptedAnswer>,
    /// The answer key.
    pub key: AnswerKey,
    /// Teaching points by step.
    pub teaching: Vec<TeachingPoints>,
    /// The victim's own log for the trainee to import: (file name, CSV).
    pub log: Option<(String, String)>,
}

/// Stages a scenario may start at.
pub const STAGES: &[&str] = &["patrol", "investigation", "referral"];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    id: Spanned<String>,
    version: u32,
    title: Spanned<String>,
    stage: Spanned<String>,
    fictional: Spanned<String>,
    summary: String,
    objectives: Spanned<Vec<String>>,
    #[serde(default)]
    statute: Option<Spanned<String>>,
    case: RawCase,
    #[serde(default)]
    person: Vec<RawPerson>,
    #[serde(default)]
    incident: Vec<RawIncident>,
    #[serde(default)]
    answer: Vec<RawAnswer>,
    key: RawKey,
    #[serde(default)]
    teaching: Vec<RawTeaching>,
    #[serde(default)]
    log: Option<RawLog>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLog {
    file_name: Spanned<String>,
    text: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCase {
    number: Spanned<String>,
    title: String,
    time_zone: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPerson {
    key: Spanned<String>,
    role: Spanned<String>,
    name: Spanned<String>,
    #[serde(default)]
    relationship: Option<Spanned<String>>,
    #[serde(default)]
    phone: Option<Spanned<String>>,
    #[serde(default)]
    email: Option<Spanned<String>>,
    #[serde(default)]
    notes: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIncident {
    key: Spanned<String>,
    when: Spanned<String>,
    category: Spanned<String>,
    narrative: String,
    #[serde(default)]
    suspect: Option<Spanned<String>>,
    #[serde(default)]
    victim_words: String,
    recorded: bool,
    #[serde(default)]
    revealed_by: Option<Spanned<String>>,
    why: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAnswer {
    item: Spanned<String>,
    says: String,
    #[serde(default)]
    value: Option<Spanned<String>>,
    #[serde(default)]
    values: Option<Spanned<Vec<String>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawKey {
    #[serde(default)]
    items: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    risk_factors: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    elements: Option<Spanned<Vec<String>>>,
}

/// A list given or not, with where it stands (0 when absent).
fn list(v: &Option<Spanned<Vec<String>>>) -> (Vec<String>, usize) {
    v.as_ref()
        .map(|s| (s.get_ref().clone(), s.span().start))
        .unwrap_or_default()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTeaching {
    step: Spanned<String>,
    points: Spanned<Vec<String>>,
}

fn valid_id(s: &str) -> bool {
    s.len() <= 64 && crate::definition::valid_id(s)
}

/// A phone number from the range kept for fiction (555-0100 to 555-0199).
pub fn fictional_phone(p: &str) -> bool {
    let digits: String = p.chars().filter(|c| c.is_ascii_digit()).collect();
    let local = digits.strip_prefix('1').unwrap_or(&digits);
    let local = if local.len() == 10 {
        &local[3..]
    } else {
        local
    };
    local.len() == 7 && local.starts_with("55501")
}

/// An email at a domain kept for examples.
pub fn fictional_email(e: &str) -> bool {
    let e = e.trim().to_lowercase();
    e.contains('@')
        && ["@example.com", "@example.org", "@example.net"]
            .iter()
            .any(|d| e.ends_with(d))
}

/// What a scenario is checked against.
pub struct Context<'a> {
    /// The protocol the training workspace follows.
    pub protocol: &'a Protocol,
    /// Incident categories.
    pub taxonomy: &'a Taxonomy,
    /// Risk factors.
    pub risk: &'a RiskCatalog,
    /// Statute profiles.
    pub statutes: &'a [Statute],
}

impl Scenario {
    /// Parses and checks a scenario; `file` names it in errors.
    pub fn parse(text: &str, file: &str, cx: &Context<'_>) -> Result<Scenario> {
        let src = crate::definition::Source { text, file };
        let bad = |offset: usize, field: &str, reason: String| src.bad(offset, field, reason);
        let raw: Raw = src.toml()?;
        let need = |s: &Spanned<String>, field: &str| -> Result<String> {
            let v = s.get_ref().trim();
            if v.is_empty() {
                Err(bad(s.span().start, field, "must not be empty".into()))
            } else {
                Ok(v.to_string())
            }
        };
        if !valid_id(raw.id.get_ref()) {
            return Err(bad(
                raw.id.span().start,
                "id",
                "use letters, digits, - and _, starting with a letter".into(),
            ));
        }
        if raw.version == 0 {
            return Err(bad(0, "version", "versions start at 1".into()));
        }
        let title = need(&raw.title, "title")?;
        if !STAGES.contains(&raw.stage.get_ref().as_str()) {
            return Err(bad(
                raw.stage.span().start,
                "stage",
                format!("use one of: {}", STAGES.join(", ")),
            ));
        }
        let fictional = need(&raw.fictional, "fictional")?;
        if raw.objectives.get_ref().iter().all(|o| o.trim().is_empty()) {
            return Err(bad(
                raw.objectives.span().start,
                "objectives",
                "give at least one learning objective".into(),
            ));
        }
        let statute = match &raw.statute {
            None => None,
            Some(s) => match cx.statutes.iter().find(|x| &x.id == s.get_ref()) {
                Some(st) => Some(st),
                None => {
                    return Err(bad(
                        s.span().start,
                        "statute",
                        format!("no statute profile \u{201c}{}\u{201d}", s.get_ref()),
                    ))
                }
            },
        };
        crate::case::validate_number(raw.case.number.get_ref())
            .map_err(|e| bad(raw.case.number.span().start, "case.number", e.to_string()))?;
        if raw
            .case
            .time_zone
            .get_ref()
            .parse::<chrono_tz::Tz>()
            .is_err()
        {
            return Err(bad(
                raw.case.time_zone.span().start,
                "case.time_zone",
                "use an IANA zone such as America/Chicago".into(),
            ));
        }

        let mut keys = HashSet::new();
        let mut people = Vec::new();
        for p in &raw.person {
            if !valid_id(p.key.get_ref()) || !keys.insert(p.key.get_ref().clone()) {
                return Err(bad(
                    p.key.span().start,
                    "person.key",
                    "give each person a distinct key (letters, digits, - and _)".into(),
                ));
            }
            if crate::person::PersonRole::parse(p.role.get_ref()).is_none() {
                return Err(bad(
                    p.role.span().start,
                    "person.role",
                    "use victim, suspect, witness or thirdParty".into(),
                ));
            }
            let relationship = match &p.relationship {
                Some(r) => {
                    if crate::person::Relationship::parse(r.get_ref()).is_none() {
                        return Err(bad(
                            r.span().start,
                            "person.relationship",
                            format!("\u{201c}{}\u{201d} is not a relationship word", r.get_ref()),
                        ));
                    }
                    r.get_ref().clone()
                }
                None => String::new(),
            };
            let phone = match &p.phone {
                Some(ph) if !fictional_phone(ph.get_ref()) => {
                    return Err(bad(
                        ph.span().start,
                        "person.phone",
                        "use a number from the range kept for fiction, 555-0100 to 555-0199".into(),
                    ))
                }
                Some(ph) => ph.get_ref().clone(),
                None => String::new(),
            };
            let email = match &p.email {
                Some(em) if !fictional_email(em.get_ref()) => {
                    return Err(bad(
                        em.span().start,
                        "person.email",
                        "use an address at example.com, example.org or example.net".into(),
                    ))
                }
                Some(em) => em.get_ref().clone(),
                None => String::new(),
            };
            people.push(ScenarioPerson {
                key: p.key.get_ref().clone(),
                role: p.role.get_ref().clone(),
                name: need(&p.name, "person.name")?,
                relationship,
                phone,
                email,
                notes: p.notes.trim().to_string(),
            });
        }
        if !people.iter().any(|p| p.role == "victim") {
            return Err(bad(0, "person", "a scenario needs a victim".into()));
        }

        let tz_name = raw.case.time_zone.get_ref().as_str();
        let mut incidents = Vec::new();
        let mut ikeys = HashSet::new();
        for i in &raw.incident {
            if !valid_id(i.key.get_ref()) || !ikeys.insert(i.key.get_ref().clone()) {
                return Err(bad(
                    i.key.span().start,
                    "incident.key",
                    "give each incident a distinct key".into(),
                ));
            }
            let when = crate::when::parse(i.when.get_ref(), Some(tz_name))
                .map_err(|e| bad(i.when.span().start, "incident.when", e))?;
            let date = crate::when::local_date(&when.from, tz_name)
                .map(|d| d.to_string())
                .unwrap_or_default();
            if cx.taxonomy.category(i.category.get_ref()).is_none() {
                return Err(bad(
                    i.category.span().start,
                    "incident.category",
                    format!(
                        "no category \u{201c}{}\u{201d} in the taxonomy",
                        i.category.get_ref()
                    ),
                ));
            }
            let suspect = match &i.suspect {
                Some(s) if !people.iter().any(|p| &p.key == s.get_ref()) => {
                    return Err(bad(
                        s.span().start,
                        "incident.suspect",
                        format!("no person with key \u{201c}{}\u{201d}", s.get_ref()),
                    ))
                }
                Some(s) => s.get_ref().clone(),
                None => String::new(),
            };
            let revealed_by =
                match (&i.revealed_by, i.recorded) {
                    (Some(r), _) => {
                        if cx.protocol.item(r.get_ref()).is_none() {
                            return Err(bad(
                                r.span().start,
                                "incident.revealed_by",
                                format!("no protocol item \u{201c}{}\u{201d}", r.get_ref()),
                            ));
                        }
                        r.get_ref().clone()
                    }
                    (None, false) => return Err(bad(
                        i.key.span().start,
                        "incident.revealed_by",
                        "an incident the trainee must find names the question that brings it out"
                            .into(),
                    )),
                    (None, true) => String::new(),
                };
            if i.narrative.trim().is_empty() || i.why.trim().is_empty() {
                return Err(bad(
                    i.key.span().start,
                    "incident",
                    "give each incident a narrative and a why".into(),
                ));
            }
            incidents.push(ScenarioIncident {
                key: i.key.get_ref().clone(),
                when: i.when.get_ref().clone(),
                date,
                category: i.category.get_ref().clone(),
                narrative: i.narrative.trim().to_string(),
                suspect,
                victim_words: i.victim_words.trim().to_string(),
                recorded: i.recorded,
                revealed_by,
                why: i.why.trim().to_string(),
            });
        }

        let mut answers = Vec::new();
        let mut answered = HashSet::new();
        for a in &raw.answer {
            let Some((_, _, item)) = cx.protocol.item(a.item.get_ref()) else {
                return Err(bad(
                    a.item.span().start,
                    "answer.item",
                    format!("no protocol item \u{201c}{}\u{201d}", a.item.get_ref()),
                ));
            };
            if !answered.insert(a.item.get_ref().clone()) {
                return Err(bad(
                    a.item.span().start,
                    "answer.item",
                    "this item is answered twice".into(),
                ));
            }
            if matches!(
                item.kind,
                ItemKind::Incidents | ItemKind::Person | ItemKind::Action
            ) {
                return Err(bad(
                    a.item.span().start,
                    "answer.item",
                    "items that link records are answered by the trainee's own records, not scripted".into(),
                ));
            }
            let (values, values_at) = list(&a.values);
            let (value, value_at) = a
                .value
                .as_ref()
                .map(|v| (v.get_ref().clone(), v.span().start))
                .unwrap_or((String::new(), a.item.span().start));
            let input = crate::protocol::AnswerInput {
                value,
                values,
                note: String::new(),
            };
            let checked = crate::protocol::validate_answer(item, &input).map_err(|e| {
                let at = if input.values.is_empty() {
                    value_at
                } else {
                    values_at
                };
                bad(at, "answer.value", e.to_string())
            })?;
            if !checked.value.is_empty() || !checked.values.is_empty() {
                // fine
            } else {
                return Err(bad(
                    a.item.span().start,
                    "answer.value",
                    "give the value to record".into(),
                ));
            }
            if a.says.trim().is_empty() {
                return Err(bad(
                    a.item.span().start,
                    "answer.says",
                    "write what the victim says".into(),
                ));
            }
            answers.push(ScriptedAnswer {
                item: a.item.get_ref().clone(),
                says: a.says.trim().to_string(),
                value: checked.value,
                values: checked.values,
            });
        }

        let (key_items, items_at) = list(&raw.key.items);
        let (key_factors, factors_at) = list(&raw.key.risk_factors);
        let (key_elements, elements_at) = list(&raw.key.elements);
        for (ids, at, field) in [
            (&key_items, items_at, "key.items"),
            (&key_factors, factors_at, "key.risk_factors"),
            (&key_elements, elements_at, "key.elements"),
        ] {
            let mut seen = HashSet::new();
            if let Some(dup) = ids.iter().find(|id| !seen.insert(id.as_str())) {
                return Err(bad(
                    at,
                    field,
                    format!("\u{201c}{dup}\u{201d} is listed twice"),
                ));
            }
        }
        for id in &key_items {
            if cx.protocol.item(id).is_none() {
                return Err(bad(
                    items_at,
                    "key.items",
                    format!("no protocol item \u{201c}{id}\u{201d}"),
                ));
            }
            if !answered.contains(id) {
                return Err(bad(
                    items_at,
                    "key.items",
                    format!("\u{201c}{id}\u{201d} is in the key but has no scripted answer, so no trainee could get it right"),
                ));
            }
        }
        for id in &key_factors {
            if !cx.risk.factors.iter().any(|f| &f.id == id) {
                return Err(bad(
                    factors_at,
                    "key.risk_factors",
                    format!("no risk factor \u{201c}{id}\u{201d}"),
                ));
            }
        }
        if !key_elements.is_empty() {
            let Some(st) = statute else {
                return Err(bad(
                    elements_at,
                    "key.elements",
                    "elements need the scenario's statute".into(),
                ));
            };
            for id in &key_elements {
                if !st.elements.iter().any(|e| &e.id == id) {
                    return Err(bad(
                        elements_at,
                        "key.elements",
                        format!("{} has no element \u{201c}{id}\u{201d}", st.id),
                    ));
                }
            }
        }
        let mut teaching = Vec::new();
        for t in &raw.teaching {
            if !cx
                .protocol
                .stages
                .iter()
                .flat_map(|s| s.steps.iter())
                .any(|s| &s.id == t.step.get_ref())
            {
                return Err(bad(
                    t.step.span().start,
                    "teaching.step",
                    format!("no protocol step \u{201c}{}\u{201d}", t.step.get_ref()),
                ));
            }
            if t.points.get_ref().iter().all(|p| p.trim().is_empty()) {
                return Err(bad(
                    t.points.span().start,
                    "teaching.points",
                    "give at least one teaching point".into(),
                ));
            }
            teaching.push(TeachingPoints {
                step: t.step.get_ref().clone(),
                points: t
                    .points
                    .get_ref()
                    .iter()
                    .map(|p| p.trim().to_string())
                    .filter(|p| !p.is_empty())
                    .collect(),
            });
        }

        let log = match &raw.log {
            None => None,
            Some(l) => {
                let name = l.file_name.get_ref().trim();
                let ok_name = name.ends_with(".csv")
                    && name.len() <= 80
                    && name
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c));
                if !ok_name {
                    return Err(bad(
                        l.file_name.span().start,
                        "log.file_name",
                        "a plain .csv file name (letters, digits, - _ .)".into(),
                    ));
                }
                // The log must import cleanly: the trainee's import is the exercise.
                let file = crate::import::ImportFile::from_text(name, l.text.get_ref());
                let preview = crate::import::preview(&file, None, cx.taxonomy, Some(tz_name))
                    .map_err(|e| bad(l.text.span().start, "log.text", e.to_string()))?;
                if let Some(r) = preview.rows.iter().find(|r| !r.problems.is_empty()) {
                    return Err(bad(
                        l.text.span().start,
                        "log.text",
                        format!(
                            "row {} of the log would not import: {}",
                            r.line,
                            r.problems.join("; ")
                        ),
                    ));
                }
                Some((name.to_string(), l.text.get_ref().clone()))
            }
        };

        Ok(Scenario {
            log,
            id: raw.id.get_ref().clone(),
            version: raw.version,
            title,
            stage: raw.stage.get_ref().clone(),
            fictional,
            summary: raw.summary.trim().to_string(),
            objectives: raw
                .objectives
                .get_ref()
                .iter()
                .map(|o| o.trim().to_string())
                .filter(|o| !o.is_empty())
                .collect(),
            statute: statute.map(|s| s.id.clone()).unwrap_or_default(),
            case_number: raw.case.number.get_ref().clone(),
            case_title: raw.case.title.trim().to_string(),
            time_zone: raw.case.time_zone.get_ref().clone(),
            people,
            incidents,
            answers,
            key: AnswerKey {
                items: key_items,
                risk_factors: key_factors,
                elements: key_elements,
            },
            teaching,
        })
    }
}
