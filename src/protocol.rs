//! The guided protocol: a versioned, agency-editable definition (stages →
//! steps → items) and, per case, the answers given, the progress and the
//! omissions. Nothing blocks an officer from working out of order; the
//! omissions panel shows what is still open.

use crate::person::{word_enum, PersonRole};
use crate::{Error, Result};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

word_enum!(
    /// Whether a step or item must be done before moving on.
    Requirement {
        /// Must not be skipped.
        Required = "required",
        /// Should be done; shown as an omission when open.
        Recommended = "recommended",
        /// Do when it applies.
        Optional = "optional",
    }
);

word_enum!(
    /// What kind of answer an item takes.
    ItemKind {
        /// Yes, no or unknown.
        YesNo = "yesNo",
        /// Free text.
        Text = "text",
        /// One of the options.
        Choice = "choice",
        /// Any of the options.
        Checklist = "checklist",
        /// A date.
        Date = "date",
        /// A number.
        Number = "number",
        /// A person record (linked or created).
        Person = "person",
        /// Incident records (linked or created).
        Incidents = "incidents",
        /// A task that creates a record.
        Action = "action",
    }
);

word_enum!(
    /// The record an action item creates.
    RecordKind {
        /// An incident.
        Incident = "incident",
        /// A person.
        Person = "person",
        /// An evidence item.
        Evidence = "evidence",
        /// A protective order.
        ProtectiveOrder = "protectiveOrder",
        /// A referral or management-plan item.
        Referral = "referral",
        /// A risk assessment.
        RiskAssessment = "riskAssessment",
        /// A preservation letter, subpoena or warrant.
        LegalProcess = "legalProcess",
    }
);

/// One question, checklist or action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ProtocolItem {
    /// Id, stable across versions.
    pub id: String,
    /// Kind of answer.
    pub kind: ItemKind,
    /// The question or task.
    pub text: String,
    /// Help.
    pub help: String,
    /// Requirement (defaults to the step's).
    pub requirement: Requirement,
    /// Options for choice and checklist items.
    pub options: Vec<String>,
    /// Role for person items.
    pub role: Option<PersonRole>,
    /// Record an action creates.
    pub record: Option<RecordKind>,
}

/// One step of a stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ProtocolStep {
    /// Id.
    pub id: String,
    /// Label.
    pub label: String,
    /// Requirement for moving on.
    pub requirement: Requirement,
    /// What to do.
    pub guidance: String,
    /// Why it matters.
    pub why: String,
    /// Items.
    pub items: Vec<ProtocolItem>,
}

/// One stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ProtocolStage {
    /// Id.
    pub id: String,
    /// Label.
    pub label: String,
    /// One sentence.
    pub summary: String,
    /// Steps.
    pub steps: Vec<ProtocolStep>,
}

/// A protocol definition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Protocol {
    /// Id.
    pub id: String,
    /// Version.
    pub version: u32,
    /// Label.
    pub label: String,
    /// Description.
    pub description: String,
    /// Stages, in order.
    pub stages: Vec<ProtocolStage>,
}

/// An answer as given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct AnswerInput {
    /// yes/no/unknown, text, the chosen option, a date (YYYY-MM-DD) or a number.
    pub value: String,
    /// Ticked options, or linked person/incident ids, or created record ids.
    pub values: Vec<String>,
    /// A note.
    pub note: String,
}

/// A stored answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Answer {
    /// Item.
    pub item_id: String,
    /// Protocol version it was given under.
    pub version: u32,
    /// Value.
    pub value: String,
    /// Values.
    pub values: Vec<String>,
    /// Note.
    pub note: String,
    /// When.
    pub answered_at: String,
    /// Who.
    pub answered_by: String,
}

impl Answer {
    /// Whether anything was answered.
    pub fn is_given(&self) -> bool {
        !self.value.trim().is_empty() || !self.values.is_empty()
    }
}

/// Progress of one stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct StageProgress {
    /// Stage.
    pub stage_id: String,
    /// Label.
    pub label: String,
    /// Items answered.
    pub answered: u32,
    /// Items.
    pub total: u32,
    /// Required items still open.
    pub required_open: u32,
    /// Recommended items still open.
    pub recommended_open: u32,
}

/// An open required or recommended item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Omission {
    /// Stage.
    pub stage_id: String,
    /// Step.
    pub step_id: String,
    /// Step label.
    pub step_label: String,
    /// Item.
    pub item_id: String,
    /// Its text.
    pub text: String,
    /// Required or recommended.
    pub requirement: Requirement,
}

/// Where a case stands in its protocol.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ProtocolStatus {
    /// Protocol id.
    pub protocol_id: String,
    /// Version this case follows.
    pub version: u32,
    /// A newer version in the workspace, if any.
    pub newer_version: Option<u32>,
    /// Items answered.
    pub answered: u32,
    /// Items.
    pub total: u32,
    /// Per stage.
    pub stages: Vec<StageProgress>,
    /// Open required and recommended items, in protocol order.
    pub omissions: Vec<Omission>,
    /// First step with an open required or recommended item.
    pub next_step: Option<String>,
    /// Answers to items this version no longer has.
    pub orphaned: Vec<Answer>,
}

/// The protocol of a case, its answers and where it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ProtocolView {
    /// The definition the case follows.
    pub protocol: Protocol,
    /// Answers by item.
    pub answers: Vec<Answer>,
    /// Progress and omissions.
    pub status: ProtocolStatus,
}

/// The protocol shipped with Vigil.
pub const DEFAULT_TOML: &str = include_str!("../assets/protocols/default.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawItem {
    id: toml::Spanned<String>,
    kind: toml::Spanned<String>,
    text: String,
    #[serde(default)]
    help: String,
    requirement: Option<toml::Spanned<String>>,
    #[serde(default)]
    options: Vec<String>,
    role: Option<toml::Spanned<String>>,
    record: Option<toml::Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStep {
    id: toml::Spanned<String>,
    label: String,
    requirement: toml::Spanned<String>,
    guidance: String,
    why: String,
    #[serde(default)]
    item: Vec<RawItem>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStage {
    id: toml::Spanned<String>,
    label: String,
    #[serde(default)]
    summary: String,
    #[serde(default)]
    step: Vec<RawStep>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    id: String,
    version: u32,
    label: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    stage: Vec<RawStage>,
}

use crate::definition::valid_id;

impl Protocol {
    /// The default protocol.
    pub fn default_protocol() -> Result<Protocol> {
        Protocol::parse(DEFAULT_TOML, "default.toml")
    }

    /// Parses and checks a definition; `file` names it in errors.
    pub fn parse(text: &str, file: &str) -> Result<Protocol> {
        let src = crate::definition::Source { text, file };
        let bad = |offset: usize, field: &str, reason: String| src.bad(offset, field, reason);
        let raw: Raw = src.toml()?;
        if !valid_id(&raw.id) {
            return Err(bad(0, "id", "use letters, digits, - and _".into()));
        }
        if raw.stage.is_empty() {
            return Err(bad(0, "stage", "define at least one [[stage]]".into()));
        }
        let word = |s: &toml::Spanned<String>, field: &str, words: Vec<&str>| -> Result<()> {
            if words.contains(&s.get_ref().as_str()) {
                Ok(())
            } else {
                Err(bad(
                    s.span().start,
                    field,
                    format!(
                        "\u{201c}{}\u{201d} is not one of: {}",
                        s.get_ref(),
                        words.join(", ")
                    ),
                ))
            }
        };
        let mut stage_ids = HashSet::new();
        let mut ids = HashSet::new();
        let mut stages = Vec::new();
        for st in raw.stage {
            if !valid_id(st.id.get_ref()) || !stage_ids.insert(st.id.get_ref().clone()) {
                return Err(bad(
                    st.id.span().start,
                    "stage.id",
                    format!(
                        "\u{201c}{}\u{201d} is invalid or used twice",
                        st.id.get_ref()
                    ),
                ));
            }
            let mut steps = Vec::new();
            for sp in st.step {
                if !valid_id(sp.id.get_ref()) || !ids.insert(sp.id.get_ref().clone()) {
                    return Err(bad(
                        sp.id.span().start,
                        "step.id",
                        format!(
                            "\u{201c}{}\u{201d} is invalid or used twice",
                            sp.id.get_ref()
                        ),
                    ));
                }
                word(
                    &sp.requirement,
                    "step.requirement",
                    <Requirement as crate::person::Word>::words(),
                )?;
                let step_req =
                    Requirement::parse(sp.requirement.get_ref()).unwrap_or(Requirement::Optional);
                let mut items = Vec::new();
                for it in sp.item {
                    if !valid_id(it.id.get_ref()) || !ids.insert(it.id.get_ref().clone()) {
                        return Err(bad(
                            it.id.span().start,
                            "item.id",
                            format!(
                                "\u{201c}{}\u{201d} is invalid or used twice",
                                it.id.get_ref()
                            ),
                        ));
                    }
                    word(
                        &it.kind,
                        "item.kind",
                        <ItemKind as crate::person::Word>::words(),
                    )?;
                    let kind = ItemKind::parse(it.kind.get_ref()).unwrap_or(ItemKind::Text);
                    let requirement = match &it.requirement {
                        Some(r) => {
                            word(
                                r,
                                "item.requirement",
                                <Requirement as crate::person::Word>::words(),
                            )?;
                            Requirement::parse(r.get_ref()).unwrap_or(step_req)
                        }
                        None => step_req,
                    };
                    if matches!(kind, ItemKind::Choice | ItemKind::Checklist)
                        && it.options.is_empty()
                    {
                        return Err(bad(
                            it.kind.span().start,
                            "item.options",
                            "a choice or checklist needs options".into(),
                        ));
                    }
                    let role = match &it.role {
                        Some(r) => {
                            word(r, "item.role", <PersonRole as crate::person::Word>::words())?;
                            PersonRole::parse(r.get_ref())
                        }
                        None => None,
                    };
                    let record = match &it.record {
                        Some(r) => {
                            word(
                                r,
                                "item.record",
                                <RecordKind as crate::person::Word>::words(),
                            )?;
                            RecordKind::parse(r.get_ref())
                        }
                        None if kind == ItemKind::Action => {
                            return Err(bad(
                                it.kind.span().start,
                                "item.record",
                                "an action needs the record it creates".into(),
                            ))
                        }
                        None => None,
                    };
                    items.push(ProtocolItem {
                        id: it.id.into_inner(),
                        kind,
                        text: it.text,
                        help: it.help,
                        requirement,
                        options: it.options,
                        role,
                        record,
                    });
                }
                steps.push(ProtocolStep {
                    id: sp.id.into_inner(),
                    label: sp.label,
                    requirement: step_req,
                    guidance: sp.guidance,
                    why: sp.why,
                    items,
                });
            }
            stages.push(ProtocolStage {
                id: st.id.into_inner(),
                label: st.label,
                summary: st.summary,
                steps,
            });
        }
        Ok(Protocol {
            id: raw.id,
            version: raw.version,
            label: raw.label,
            description: raw.description,
            stages,
        })
    }

    /// An item by id, with its stage and step.
    pub fn item(&self, id: &str) -> Option<(&ProtocolStage, &ProtocolStep, &ProtocolItem)> {
        self.stages.iter().find_map(|st| {
            st.steps
                .iter()
                .find_map(|sp| sp.items.iter().find(|i| i.id == id).map(|i| (st, sp, i)))
        })
    }

    /// Progress and omissions for `answers`.
    pub fn status(&self, answers: &[Answer], newer_version: Option<u32>) -> ProtocolStatus {
        let given: HashMap<&str, &Answer> = answers
            .iter()
            .filter(|a| a.is_given())
            .map(|a| (a.item_id.as_str(), a))
            .collect();
        let mut stages = Vec::new();
        let mut omissions = Vec::new();
        let (mut answered, mut total) = (0, 0);
        let mut next_step = None;
        for st in &self.stages {
            let mut p = StageProgress {
                stage_id: st.id.clone(),
                label: st.label.clone(),
                answered: 0,
                total: 0,
                required_open: 0,
                recommended_open: 0,
            };
            for sp in &st.steps {
                for it in &sp.items {
                    p.total += 1;
                    if given.contains_key(it.id.as_str()) {
                        p.answered += 1;
                        continue;
                    }
                    match it.requirement {
                        Requirement::Required => p.required_open += 1,
                        Requirement::Recommended => p.recommended_open += 1,
                        Requirement::Optional => continue,
                    }
                    next_step.get_or_insert_with(|| sp.id.clone());
                    omissions.push(Omission {
                        stage_id: st.id.clone(),
                        step_id: sp.id.clone(),
                        step_label: sp.label.clone(),
                        item_id: it.id.clone(),
                        text: it.text.clone(),
                        requirement: it.requirement,
                    });
                }
            }
            answered += p.answered;
            total += p.total;
            stages.push(p);
        }
        let orphaned = answers
            .iter()
            .filter(|a| self.item(&a.item_id).is_none())
            .cloned()
            .collect();
        ProtocolStatus {
            protocol_id: self.id.clone(),
            version: self.version,
            newer_version,
            answered,
            total,
            stages,
            omissions,
            next_step,
            orphaned,
        }
    }
}

/// Checks an answer against its item's kind.
pub(crate) fn validate_answer(item: &ProtocolItem, a: &AnswerInput) -> Result<AnswerInput> {
    let value = a.value.trim().to_string();
    let values: Vec<String> = a
        .values
        .iter()
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
        .collect();
    let bad = |reason: &str| Error::validation("answer", reason.to_string());
    match item.kind {
        ItemKind::YesNo
            if !value.is_empty() && !["yes", "no", "unknown"].contains(&value.as_str()) =>
        {
            return Err(bad("answer yes, no or unknown"))
        }
        ItemKind::Choice if !value.is_empty() && !item.options.contains(&value) => {
            return Err(bad("choose one of the options"))
        }
        ItemKind::Checklist if values.iter().any(|v| !item.options.contains(v)) => {
            return Err(bad("tick only listed options"))
        }
        ItemKind::Date if !value.is_empty() && value.parse::<chrono::NaiveDate>().is_err() => {
            return Err(bad("give the date as YYYY-MM-DD"))
        }
        ItemKind::Number if !value.is_empty() && value.parse::<f64>().is_err() => {
            return Err(bad("give a number"))
        }
        _ => {}
    }
    if a.note.chars().count() > 20_000 || value.chars().count() > 50_000 {
        return Err(bad("the answer is too long"));
    }
    Ok(AnswerInput {
        value,
        values,
        note: a.note.trim().to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = r#"
id = "p"
version = 2
label = "P"
[[stage]]
id = "s1"
label = "S1"
[[stage.step]]
id = "a"
label = "A"
requirement = "required"
guidance = "g"
why = "w"
[[stage.step.item]]
id = "safe"
kind = "yesNo"
text = "Safe?"
[[stage.step.item]]
id = "note"
kind = "text"
text = "Note"
requirement = "optional"
[[stage.step]]
id = "b"
label = "B"
requirement = "recommended"
guidance = "g"
why = "w"
[[stage.step.item]]
id = "changes"
kind = "checklist"
text = "Changes"
options = ["moved", "new number"]
"#;

    fn answer(id: &str, value: &str) -> Answer {
        Answer {
            item_id: id.into(),
            version: 2,
            value: value.into(),
            values: vec![],
            note: String::new(),
            answered_at: String::new(),
            answered_by: String::new(),
        }
    }

    #[test]
    fn the_shipped_protocol_loads() {
        let p = Protocol::default_protocol().unwrap();
        assert!(p.stages.len() >= 8, "{}", p.stages.len());
        assert!(p
            .stages
            .iter()
            .any(|s| s.label.to_lowercase().contains("preliminary")));
    }

    #[test]
    fn progress_and_omissions_follow_the_answers() {
        let p = Protocol::parse(SMALL, "small.toml").unwrap();
        let s = p.status(&[], None);
        assert_eq!((s.answered, s.total), (0, 3));
        assert_eq!(
            s.omissions
                .iter()
                .map(|o| o.item_id.as_str())
                .collect::<Vec<_>>(),
            ["safe", "changes"],
            "optional items are not omissions"
        );
        assert_eq!(s.next_step.as_deref(), Some("a"));
        let s = p.status(&[answer("safe", "yes"), answer("gone", "x")], None);
        assert_eq!(s.omissions.len(), 1);
        assert_eq!(
            s.next_step.as_deref(),
            Some("b"),
            "working out of order is allowed; next is the first open step"
        );
        assert_eq!(s.orphaned.len(), 1);
        assert_eq!(s.stages[0].required_open, 0);
        assert_eq!(s.stages[0].recommended_open, 1);
    }

    #[test]
    fn answers_are_checked_against_their_kind() {
        let p = Protocol::parse(SMALL, "small.toml").unwrap();
        let (_, _, safe) = p.item("safe").unwrap();
        assert!(validate_answer(
            safe,
            &AnswerInput {
                value: "maybe".into(),
                ..Default::default()
            }
        )
        .is_err());
        assert!(validate_answer(
            safe,
            &AnswerInput {
                value: "unknown".into(),
                ..Default::default()
            }
        )
        .is_ok());
        let (_, _, ch) = p.item("changes").unwrap();
        assert!(validate_answer(
            ch,
            &AnswerInput {
                values: vec!["moved".into()],
                ..Default::default()
            }
        )
        .is_ok());
        assert!(validate_answer(
            ch,
            &AnswerInput {
                values: vec!["flew away".into()],
                ..Default::default()
            }
        )
        .is_err());
    }

    fn err(text: &str) -> (usize, String) {
        match Protocol::parse(text, "agency.toml") {
            Err(Error::BadDefinition { line, field, .. }) => (line, field),
            other => panic!("expected an error, got {other:?}"),
        }
    }

    #[test]
    fn malformed_definitions_name_line_and_field() {
        assert_eq!(
            err(&SMALL.replace("kind = \"yesNo\"", "kind = \"maybe\"")),
            (16, "item.kind".into())
        );
        assert_eq!(
            err(&SMALL.replace("id = \"note\"", "id = \"safe\"")),
            (19, "item.id".into())
        );
        assert_eq!(
            err(&SMALL.replace("requirement = \"recommended\"", "requirement = \"nice\"")).1,
            "step.requirement"
        );
        assert_eq!(
            err(&SMALL.replace("options = [\"moved\", \"new number\"]", "")).1,
            "item.options"
        );
        assert_eq!(err(&SMALL.replace("version = 2", "version = \"two\"")).0, 3);
    }
}
