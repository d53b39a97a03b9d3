//! The case header and the plain-data types around a case file.

use crate::{Error, Result};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Where a case is in its life. Transitions and their rules come with case
/// management; this issue only records the status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum CaseStatus {
    /// Reported, not yet looked at.
    Reported,
    /// Patrol preliminary investigation.
    Preliminary,
    /// Assigned to an investigator.
    Assigned,
    /// Active investigation.
    Active,
    /// Referred to the prosecutor.
    Referred,
    /// Charges filed.
    Filed,
    /// Prosecutor declined.
    Declined,
    /// Returned for more investigation.
    Returned,
    /// Monitoring (orders, supervision).
    Monitoring,
    /// Dormant until a reassessment date.
    Dormant,
    /// Closed.
    Closed,
}

impl CaseStatus {
    /// The stored word.
    pub fn as_str(self) -> &'static str {
        match self {
            CaseStatus::Reported => "reported",
            CaseStatus::Preliminary => "preliminary",
            CaseStatus::Assigned => "assigned",
            CaseStatus::Active => "active",
            CaseStatus::Referred => "referred",
            CaseStatus::Filed => "filed",
            CaseStatus::Declined => "declined",
            CaseStatus::Returned => "returned",
            CaseStatus::Monitoring => "monitoring",
            CaseStatus::Dormant => "dormant",
            CaseStatus::Closed => "closed",
        }
    }

    /// Parses the stored word.
    pub fn parse(s: &str) -> Option<Self> {
        use CaseStatus::*;
        [
            Reported,
            Preliminary,
            Assigned,
            Active,
            Referred,
            Filed,
            Declined,
            Returned,
            Monitoring,
            Dormant,
            Closed,
        ]
        .into_iter()
        .find(|c| c.as_str() == s)
    }
}

/// Another agency's report number for this matter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct AgencyReport {
    /// Agency name.
    pub agency: String,
    /// Its report number.
    pub number: String,
}

/// The header of a case file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CaseHeader {
    /// Random identifier, stable across renames and handovers.
    pub case_id: String,
    /// The agency's case number.
    pub number: String,
    /// Short title.
    pub title: String,
    /// Date the case was opened.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub opened_on: NaiveDate,
    /// Assigned investigator.
    pub assigned_investigator: String,
    /// Report numbers of this and other agencies.
    pub agency_reports: Vec<AgencyReport>,
    /// Status.
    pub status: CaseStatus,
    /// When the file was created.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub created_at: DateTime<Utc>,
    /// When the header last changed.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub updated_at: DateTime<Utc>,
}

/// What the user gives to create a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct NewCase {
    /// Case number (required; also names the file).
    pub number: String,
    /// Title (required).
    pub title: String,
    /// Opening date; today when absent.
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub opened_on: Option<NaiveDate>,
    /// Assigned investigator; the workspace's investigator when absent.
    pub assigned_investigator: Option<String>,
    /// Report numbers.
    pub agency_reports: Vec<AgencyReport>,
}

/// An edit of the header (the case number is the case's identity and stays).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CaseHeaderPatch {
    /// Title.
    pub title: String,
    /// Opening date.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub opened_on: NaiveDate,
    /// Assigned investigator.
    pub assigned_investigator: String,
    /// Report numbers.
    pub agency_reports: Vec<AgencyReport>,
}

/// One line of the case list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CaseSummary {
    /// Random identifier.
    pub case_id: String,
    /// Case number.
    pub number: String,
    /// Title.
    pub title: String,
    /// Status.
    pub status: CaseStatus,
    /// A received review copy that cannot be edited.
    pub read_only: bool,
    /// Time of the last audited event (RFC 3339, UTC).
    pub last_activity: String,
}

/// How a case was handed over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum HandoverMode {
    /// The recipient takes the case over and can edit it.
    Transfer,
    /// A supervisor's review copy: opens read-only.
    Review,
}

impl HandoverMode {
    /// The stored word.
    pub fn as_str(self) -> &'static str {
        match self {
            HandoverMode::Transfer => "transfer",
            HandoverMode::Review => "review",
        }
    }
    /// Parses the stored word.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "transfer" => Some(HandoverMode::Transfer),
            "review" => Some(HandoverMode::Review),
            _ => None,
        }
    }
}

/// The handover stamp of a received file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct HandoverInfo {
    /// Transfer or review.
    pub mode: HandoverMode,
    /// When it was sealed (RFC 3339, UTC).
    pub sealed_at: String,
    /// Who sealed it.
    pub sealed_by: String,
}

/// An open case, for the overview page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CaseDetail {
    /// The header.
    pub header: CaseHeader,
    /// A read-only review copy.
    pub read_only: bool,
    /// Present when the case was received from someone.
    pub handover: Option<HandoverInfo>,
    /// Number of audit events.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub audit_events: i64,
    /// Time of the last audited event.
    pub last_activity: String,
    /// File name under `cases/`.
    pub file_name: String,
}

/// One check of `verify`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct VerifyCheck {
    /// What was checked.
    pub name: String,
    /// Passed.
    pub ok: bool,
    /// What was found.
    pub detail: String,
}

/// The result of verifying a case file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct VerifyReport {
    /// Case number.
    pub number: String,
    /// Every check passed.
    pub ok: bool,
    /// Audit events in the file.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub event_count: i64,
    /// Hash of the last audit event.
    pub chain_head: String,
    /// Each check.
    pub checks: Vec<VerifyCheck>,
    /// The re-hash of each attached file, by exhibit number.
    pub exhibits: Vec<crate::evidence::ExhibitCheck>,
}

/// What `seal` wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SealReport {
    /// The handover file.
    pub path: String,
    /// Its SHA-256, to tell the recipient by another channel.
    pub sha256: String,
    /// Its size.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub bytes: u64,
    /// Transfer or review.
    pub mode: HandoverMode,
}

/// Longest case number accepted.
const MAX_NUMBER_LEN: usize = 64;

/// Checks a case number: 1–64 characters, letters, digits, spaces and
/// `- _ . / #`, starting with a letter or digit.
pub fn validate_number(number: &str) -> Result<&str> {
    let n = number.trim();
    if n.is_empty() {
        return Err(Error::validation("case number", "enter the case number"));
    }
    if n.chars().count() > MAX_NUMBER_LEN {
        return Err(Error::validation(
            "case number",
            format!("use at most {MAX_NUMBER_LEN} characters"),
        ));
    }
    if !n.chars().next().is_some_and(char::is_alphanumeric) {
        return Err(Error::validation(
            "case number",
            "start with a letter or digit",
        ));
    }
    if let Some(bad) = n
        .chars()
        .find(|c| !(c.is_alphanumeric() || " -_./#".contains(*c)))
    {
        return Err(Error::validation(
            "case number",
            format!("the character \u{201c}{bad}\u{201d} is not allowed; use letters, digits, spaces and - _ . / #"),
        ));
    }
    Ok(n)
}

/// The file name for a case number: unsafe characters become `_`, so the
/// name is valid on Windows, macOS and Linux.
pub fn file_name_for(number: &str) -> String {
    let mut out = String::with_capacity(number.len() + 6);
    for c in number.trim().chars() {
        if c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.' {
            out.push(c);
        } else if !out.ends_with('_') {
            out.push('_');
        }
    }
    let mut base = out.trim_matches(|c| c == '.' || c == '_').to_string();
    // Windows reserves some device names.
    const RESERVED: &[&str] = &[
        "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "LPT1", "LPT2", "LPT3",
    ];
    if base.is_empty() || RESERVED.contains(&base.to_ascii_uppercase().as_str()) {
        base = format!("case_{base}");
    }
    format!("{base}.vigil")
}

pub(crate) fn validate_text(field: &'static str, value: &str, max: usize) -> Result<String> {
    let v = value.trim();
    if v.is_empty() {
        return Err(Error::validation(field, "this field is required"));
    }
    if v.chars().count() > max {
        return Err(Error::validation(
            field,
            format!("use at most {max} characters"),
        ));
    }
    Ok(v.to_string())
}

pub(crate) fn clean_reports(reports: &[AgencyReport]) -> Result<Vec<AgencyReport>> {
    reports
        .iter()
        .filter(|r| !(r.agency.trim().is_empty() && r.number.trim().is_empty()))
        .map(|r| {
            Ok(AgencyReport {
                agency: validate_text("agency of a report number", &r.agency, 120)?,
                number: validate_text("report number", &r.number, 64)?,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_safe_everywhere() {
        assert_eq!(file_name_for("2026-00417"), "2026-00417.vigil");
        assert_eq!(file_name_for("TMU 26/041 #3"), "TMU_26_041_3.vigil");
        assert_eq!(file_name_for("../etc"), "etc.vigil");
        assert_eq!(file_name_for("con"), "case_con.vigil");
    }

    #[test]
    fn case_numbers_are_validated_with_reasons() {
        assert!(validate_number("2026-00417").is_ok());
        assert!(validate_number("  ").is_err());
        assert!(validate_number("../x").is_err());
        assert!(validate_number("A<B").is_err());
        assert_eq!(validate_number(" 26-1 ").unwrap(), "26-1");
    }

    #[test]
    fn status_words_round_trip() {
        for s in ["reported", "active", "closed", "monitoring"] {
            assert_eq!(CaseStatus::parse(s).unwrap().as_str(), s);
        }
        assert!(CaseStatus::parse("bogus").is_none());
    }
}
