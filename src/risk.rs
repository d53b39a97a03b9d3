//! Risk assessment with our own, agency-editable factor checklist.
//!
//! Each factor is rated present / partly / absent / unknown with its source
//! and date; the assessor records a judged level and reasons. No score is
//! computed: structured judgement, not prediction. Results of external
//! instruments are kept by name, version, date, assessor and level only.

use crate::person::word_enum;
use crate::{Error, Result};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

word_enum!(
    /// How a factor applies.
    Rating {
        /// Present.
        Present = "present",
        /// Partly or possibly present.
        Partly = "partly",
        /// Absent.
        Absent = "absent",
        /// Not known.
        Unknown = "unknown",
    }
);

word_enum!(
    /// The assessor's judged level.
    RiskLevel {
        /// Low.
        Low = "low",
        /// Moderate.
        Moderate = "moderate",
        /// High.
        High = "high",
        /// Imminent.
        Imminent = "imminent",
    }
);

impl RiskLevel {
    /// Days until the next reassessment by default.
    pub fn review_days(self) -> i64 {
        match self {
            RiskLevel::Imminent => 1,
            RiskLevel::High => 7,
            RiskLevel::Moderate => 30,
            RiskLevel::Low => 90,
        }
    }
}

/// A factor of the checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RiskFactor {
    /// Id.
    pub id: String,
    /// Group (relationship, conduct, suspect, victim).
    pub group: String,
    /// Label.
    pub label: String,
    /// What to look for.
    pub description: String,
}

/// A stalker type, described in our words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Typology {
    /// Id.
    pub id: String,
    /// Label.
    pub label: String,
    /// Description.
    pub description: String,
}

/// The checklist and typology.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RiskCatalog {
    /// Id.
    pub id: String,
    /// Version.
    pub version: u32,
    /// Label.
    pub label: String,
    /// Factors.
    pub factors: Vec<RiskFactor>,
    /// Typology.
    pub typologies: Vec<Typology>,
}

/// The file's shape: `[[factor]]` and `[[typology]]` tables.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCatalog {
    id: String,
    version: u32,
    label: String,
    #[serde(default)]
    factor: Vec<RiskFactor>,
    #[serde(default)]
    typology: Vec<Typology>,
}

/// The shipped checklist.
pub const DEFAULT_TOML: &str = include_str!("../assets/risk/factors.toml");

impl RiskCatalog {
    /// The shipped checklist.
    pub fn default_catalog() -> Result<RiskCatalog> {
        RiskCatalog::parse(DEFAULT_TOML, "factors.toml")
    }

    /// Parses and checks a checklist file.
    pub fn parse(text: &str, file: &str) -> Result<RiskCatalog> {
        let raw: RawCatalog = toml::from_str(text).map_err(|e| Error::BadDefinition {
            file: file.to_string(),
            line: text[..e.span().map(|s| s.start).unwrap_or(0).min(text.len())]
                .matches('\n')
                .count()
                + 1,
            field: String::new(),
            reason: e.message().to_string(),
        })?;
        let c = RiskCatalog {
            id: raw.id,
            version: raw.version,
            label: raw.label,
            factors: raw.factor,
            typologies: raw.typology,
        };
        let mut seen = HashSet::new();
        for f in &c.factors {
            if !seen.insert(f.id.clone()) {
                // The line of the id's second appearance.
                let quoted = format!("\"{}\"", f.id);
                let line = text
                    .lines()
                    .enumerate()
                    .filter(|(_, l)| l.trim_start().starts_with("id") && l.contains(&quoted))
                    .nth(1)
                    .map(|(i, _)| i + 1)
                    .unwrap_or(1);
                return Err(Error::BadDefinition {
                    file: file.into(),
                    line,
                    field: "factor.id".into(),
                    reason: format!("{} is used twice", f.id),
                });
            }
        }
        Ok(c)
    }
}

/// One factor's rating.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct FactorRating {
    /// Factor id.
    pub factor_id: String,
    /// Rating.
    pub rating: Rating,
    /// Where it comes from (victim, records, witness, …).
    pub source: String,
    /// When it was learned (YYYY-MM-DD or "").
    pub date: String,
}

/// The result of an external instrument, without its items.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ExternalInstrument {
    /// Instrument name.
    pub name: String,
    /// Its version.
    pub version: String,
    /// Date.
    pub date: String,
    /// Who used it.
    pub assessor: String,
    /// The level or result it gave.
    pub level: String,
}

/// An assessment as entered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RiskAssessmentInput {
    /// Date of the assessment (YYYY-MM-DD).
    pub assessed_on: String,
    /// Judged level.
    pub level: RiskLevel,
    /// Reasons for the judgement.
    pub reasons: String,
    /// Stalker type, if judged.
    pub typology: Option<String>,
    /// Factor ratings.
    pub factors: Vec<FactorRating>,
    /// External instruments' results.
    pub instruments: Vec<ExternalInstrument>,
    /// Next review date (YYYY-MM-DD); by level when absent.
    pub next_review: Option<String>,
}

/// A stored assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RiskAssessment {
    /// Id.
    pub id: String,
    /// Who assessed.
    pub assessor: String,
    /// What was entered.
    pub input: RiskAssessmentInput,
    /// Next review (given or by level).
    pub next_review: String,
    /// Recorded at.
    pub created_at: String,
}

/// A factor whose rating changed between the last two assessments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct FactorChange {
    /// Factor id.
    pub factor_id: String,
    /// Rating before.
    pub from: Option<Rating>,
    /// Rating now.
    pub to: Option<Rating>,
}

/// Every assessment of a case, newest first, and what changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RiskHistory {
    /// Assessments, newest first.
    pub assessments: Vec<RiskAssessment>,
    /// Factors whose rating changed from the previous assessment to the latest.
    pub changes: Vec<FactorChange>,
}

impl RiskAssessmentInput {
    pub(crate) fn validated(&self, catalog: &RiskCatalog) -> Result<(RiskAssessmentInput, String)> {
        let on: chrono::NaiveDate = self
            .assessed_on
            .trim()
            .parse()
            .map_err(|_| Error::validation("assessment date", "give the date as YYYY-MM-DD"))?;
        if self.reasons.trim().is_empty() {
            return Err(Error::validation(
                "reasons",
                "say why you judged this level",
            ));
        }
        if let Some(t) = self.typology.as_ref().filter(|t| !t.is_empty()) {
            if !catalog.typologies.iter().any(|x| &x.id == t) {
                return Err(Error::validation("typology", "choose a type from the list"));
            }
        }
        let mut seen = HashSet::new();
        for f in &self.factors {
            if !catalog.factors.iter().any(|x| x.id == f.factor_id) {
                return Err(Error::validation(
                    "factors",
                    "a factor is not on the checklist",
                ));
            }
            if !seen.insert(f.factor_id.clone()) {
                return Err(Error::validation("factors", "a factor is rated twice"));
            }
        }
        for i in &self.instruments {
            if i.name.trim().is_empty() || i.level.trim().is_empty() {
                return Err(Error::validation(
                    "external instrument",
                    "give its name and the level it gave",
                ));
            }
        }
        let next = match self.next_review.as_ref().filter(|d| !d.trim().is_empty()) {
            Some(d) => d
                .trim()
                .parse::<chrono::NaiveDate>()
                .map_err(|_| Error::validation("next review", "give the date as YYYY-MM-DD"))?,
            None => on + chrono::Duration::days(self.level.review_days()),
        };
        let mut input = self.clone();
        input.assessed_on = on.to_string();
        input.reasons = self.reasons.trim().to_string();
        input.typology = self.typology.clone().filter(|t| !t.is_empty());
        Ok((input, next.to_string()))
    }
}

/// Factors whose rating differs between `older` and `newer`.
pub fn changes(older: &RiskAssessment, newer: &RiskAssessment) -> Vec<FactorChange> {
    let get = |a: &RiskAssessment, id: &str| {
        a.input
            .factors
            .iter()
            .find(|f| f.factor_id == id)
            .map(|f| f.rating)
    };
    let mut ids: Vec<&str> = older
        .input
        .factors
        .iter()
        .chain(&newer.input.factors)
        .map(|f| f.factor_id.as_str())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids.into_iter()
        .filter_map(|id| {
            let (from, to) = (get(older, id), get(newer, id));
            (from != to).then(|| FactorChange {
                factor_id: id.to_string(),
                from,
                to,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_factor_id_used_twice_is_named_on_its_second_line() {
        // Found by fuzzing: this error said line 0.
        let text = DEFAULT_TOML.replacen("id = \"threats\"", "id = \"priorIntimate\"", 1);
        match RiskCatalog::parse(&text, "f.toml") {
            Err(Error::BadDefinition { line, field, .. }) => {
                assert_eq!(field, "factor.id");
                let expect = text
                    .lines()
                    .position(|l| {
                        l.contains("id = \"priorIntimate\"") && l.trim_start().starts_with("id")
                    })
                    .unwrap();
                let second = text
                    .lines()
                    .enumerate()
                    .filter(|(_, l)| l.trim_start().starts_with("id = \"priorIntimate\""))
                    .nth(1)
                    .unwrap()
                    .0;
                assert!(line > expect);
                assert_eq!(line, second + 1);
            }
            other => panic!("{other:?}"),
        }
    }

    use super::*;

    #[test]
    fn the_shipped_checklist_loads_with_five_types() {
        let c = RiskCatalog::default_catalog().unwrap();
        assert!(c.factors.len() >= 15, "{}", c.factors.len());
        assert_eq!(c.typologies.len(), 5);
    }
}
