//! Exhibits, attached files and custody events as plain data.

use crate::incident::text as validate_text;
use crate::person::word_enum;
use crate::when::When;
use crate::{Error, Result};
use serde::{Deserialize, Serialize};

word_enum!(
    /// What an exhibit is.
    ExhibitKind {
        /// A screenshot of a message, post or profile.
        Screenshot = "screenshot",
        /// Messages exported from a phone or an account.
        MessageExport = "messageExport",
        /// A voicemail or other recording.
        Audio = "audio",
        /// A call log.
        CallLog = "callLog",
        /// A photograph.
        Photo = "photo",
        /// A video.
        Video = "video",
        /// A letter, note or other document.
        Document = "document",
        /// A physical object (gift, note, package).
        PhysicalItem = "physicalItem",
        /// A forensic extraction of a device.
        DeviceExtraction = "deviceExtraction",
        /// A tracker or GPS device.
        Tracker = "tracker",
        /// Records returned by a provider under legal process.
        ProviderReturn = "providerReturn",
        /// A redacted, cropped or converted version of another exhibit.
        Derived = "derived",
        /// Anything else.
        Other = "other",
    }
);

impl ExhibitKind {
    /// Kinds for which the capture checklist applies.
    pub fn needs_capture_checklist(self) -> bool {
        matches!(
            self,
            ExhibitKind::Screenshot | ExhibitKind::MessageExport | ExhibitKind::CallLog
        )
    }
}

word_enum!(
    /// Where an exhibit came from.
    EvidenceSource {
        /// The victim handed it over.
        Victim = "victim",
        /// An officer collected it.
        Officer = "officer",
        /// A provider returned it under legal process.
        ProviderReturn = "providerReturn",
        /// Another agency.
        OtherAgency = "otherAgency",
        /// A witness.
        Witness = "witness",
        /// Anything else.
        Other = "other",
    }
);

word_enum!(
    /// A custody event.
    CustodyKind {
        /// Taken into the case (recorded automatically, with the hash).
        Intake = "intake",
        /// Handed from one person or place to another.
        Transfer = "transfer",
        /// Taken out for examination.
        CheckOut = "checkOut",
        /// Returned after examination.
        CheckIn = "checkIn",
        /// Submitted to a laboratory.
        LabSubmission = "labSubmission",
        /// Returned to its owner.
        ReturnToOwner = "returnToOwner",
        /// Destroyed, with authority.
        Destruction = "destruction",
    }
);

word_enum!(
    /// The hash of a digital exhibit re-checked at a custody event.
    HashCheck {
        /// The stored bytes still hash to the intake SHA-256.
        Matched = "matched",
        /// They do not.
        Mismatch = "mismatch",
    }
);

word_enum!(
    /// How the app can show an attached file.
    PreviewKind {
        /// An image the web view shows.
        Image = "image",
        /// Audio the web view can play.
        Audio = "audio",
        /// Video the web view can play.
        Video = "video",
        /// A PDF document.
        Pdf = "pdf",
        /// Plain text.
        Text = "text",
        /// No preview: export the file to view it.
        None = "none",
    }
);

/// The capture checklist for screenshots and messages. `None` = not checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", default)]
pub struct CaptureChecklist {
    /// The sender's number or handle can be read.
    pub sender_visible: Option<bool>,
    /// The date and time can be read.
    pub time_visible: Option<bool>,
    /// The unedited original is kept (on the device or as exported).
    pub original_kept: Option<bool>,
    /// The device it came from ("" = not recorded).
    pub device: String,
}

impl CaptureChecklist {
    /// What is missing, in words, for a kind that needs the checklist.
    pub fn gaps(&self, kind: ExhibitKind) -> Vec<String> {
        if !kind.needs_capture_checklist() {
            return Vec::new();
        }
        let mut g = Vec::new();
        if self.sender_visible != Some(true) {
            g.push("sender's number or handle not confirmed visible".to_string());
        }
        if self.time_visible != Some(true) {
            g.push("date and time not confirmed visible".to_string());
        }
        if self.original_kept != Some(true) {
            g.push("unedited original not confirmed kept".to_string());
        }
        if self.device.trim().is_empty() {
            g.push("device it came from not recorded".to_string());
        }
        g
    }
}

/// An exhibit as entered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ExhibitInput {
    /// Exhibit number; empty = the next one in the agency's format.
    pub number: String,
    /// What it is, in words.
    pub description: String,
    /// Kind.
    pub kind: ExhibitKind,
    /// Where it came from.
    pub source: EvidenceSource,
    /// Which agency, witness or provider ("" = not given).
    pub source_detail: String,
    /// The legal-process record it was returned under.
    pub legal_id: Option<String>,
    /// Who collected it.
    pub collected_by: String,
    /// When it was collected, as said ("" = not given).
    pub collected: String,
    /// IANA zone it was recorded in (None = this computer's).
    pub tz: Option<String>,
    /// Where it was collected.
    pub collected_where: String,
    /// Storage location (physical items).
    pub stored_at: String,
    /// A physical item (no attached file).
    pub physical: bool,
    /// Incidents it concerns.
    pub incident_ids: Vec<String>,
    /// People it concerns.
    pub person_ids: Vec<String>,
    /// Capture checklist (screenshots, messages, call logs).
    pub checklist: CaptureChecklist,
    /// Notes.
    pub notes: String,
    /// The exhibit this one was made from (kind "derived").
    pub derived_from: Option<String>,
    /// What was done to the original (redacted, cropped, converted…).
    pub derivation: String,
}

impl ExhibitInput {
    /// A minimal input, for tests and the CLI.
    pub fn new(kind: ExhibitKind, description: &str) -> ExhibitInput {
        ExhibitInput {
            number: String::new(),
            description: description.to_string(),
            kind,
            source: EvidenceSource::Victim,
            source_detail: String::new(),
            legal_id: None,
            collected_by: String::new(),
            collected: String::new(),
            tz: None,
            collected_where: String::new(),
            stored_at: String::new(),
            physical: false,
            incident_ids: Vec::new(),
            person_ids: Vec::new(),
            checklist: CaptureChecklist::default(),
            notes: String::new(),
            derived_from: None,
            derivation: String::new(),
        }
    }

    /// Trims and checks every field; parses the collection time.
    pub(crate) fn validated(&self) -> Result<(ExhibitInput, Option<When>)> {
        let opt = |s: &Option<String>| {
            s.as_ref()
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        let ids = |v: &[String]| {
            let mut out: Vec<String> = v
                .iter()
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect();
            out.sort();
            out.dedup();
            out
        };
        let number = self.number.trim().to_string();
        if number.chars().count() > 64 || number.chars().any(char::is_control) {
            return Err(Error::validation(
                "exhibit number",
                "use at most 64 printable characters",
            ));
        }
        let i = ExhibitInput {
            number,
            description: validate_text("description", &self.description, 2_000)?,
            kind: self.kind,
            source: self.source,
            source_detail: validate_text("source detail", &self.source_detail, 200)?,
            legal_id: opt(&self.legal_id),
            collected_by: validate_text("collected by", &self.collected_by, 120)?,
            collected: validate_text("collected", &self.collected, 200)?,
            tz: opt(&self.tz),
            collected_where: validate_text("collected where", &self.collected_where, 500)?,
            stored_at: validate_text("stored at", &self.stored_at, 500)?,
            physical: self.physical,
            incident_ids: ids(&self.incident_ids),
            person_ids: ids(&self.person_ids),
            checklist: CaptureChecklist {
                device: validate_text("device", &self.checklist.device, 200)?,
                ..self.checklist.clone()
            },
            notes: validate_text("notes", &self.notes, 20_000)?,
            derived_from: opt(&self.derived_from),
            derivation: validate_text("what was done", &self.derivation, 2_000)?,
        };
        if i.description.is_empty() {
            return Err(Error::validation("description", "say what the exhibit is"));
        }
        if i.kind == ExhibitKind::Derived {
            if i.derived_from.is_none() {
                return Err(Error::validation(
                    "derived from",
                    "a derived exhibit names the original it was made from",
                ));
            }
            if i.derivation.is_empty() {
                return Err(Error::validation(
                    "what was done",
                    "say what was done to the original (redacted, cropped, converted…)",
                ));
            }
        } else if i.derived_from.is_some() {
            return Err(Error::validation(
                "kind",
                "an exhibit made from another one has the kind \"derived\"",
            ));
        }
        if i.physical && i.kind == ExhibitKind::Derived {
            return Err(Error::validation(
                "kind",
                "a derived exhibit is a file, not a physical item",
            ));
        }
        if i.source == EvidenceSource::ProviderReturn && i.legal_id.is_none() {
            return Err(Error::validation(
                "legal process",
                "a provider return names the preservation letter, subpoena or warrant it came under",
            ));
        }
        let when = if i.collected.is_empty() {
            None
        } else {
            Some(
                crate::when::parse(&i.collected, i.tz.as_deref())
                    .map_err(|e| Error::validation("collected", e))?,
            )
        };
        Ok((i, when))
    }
}

/// The file attached to a digital exhibit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct AttachedFile {
    /// The file's own name when it was taken in.
    pub name: String,
    /// Size in bytes.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub size: i64,
    /// Detected type (MIME).
    pub media_type: String,
    /// SHA-256 of the bytes, computed while taking them in.
    pub sha256: String,
    /// The file's own last-modified time (RFC 3339 UTC), if the system gave one.
    pub modified: Option<String>,
    /// How the app can show it.
    pub preview: PreviewKind,
    /// Why there is no preview, when there is none.
    pub preview_note: String,
}

/// One custody event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CustodyEvent {
    /// Id.
    pub id: String,
    /// Position in this exhibit's chain (1 = intake).
    pub seq: u32,
    /// Kind.
    pub kind: CustodyKind,
    /// When it happened (RFC 3339 UTC).
    pub at: String,
    /// When it was recorded.
    pub recorded_at: String,
    /// Who did it.
    pub by_whom: String,
    /// From whom or where.
    pub from: String,
    /// To whom or where.
    pub to: String,
    /// Where.
    pub place: String,
    /// Why.
    pub purpose: String,
    /// Authority (destruction, release).
    pub authority: String,
    /// The hash re-check for digital items.
    pub hash_check: Option<HashCheck>,
    /// The SHA-256 found at that moment.
    pub hash_seen: Option<String>,
    /// The event this one corrects.
    pub corrects: Option<String>,
    /// Note.
    pub note: String,
}

/// A custody event as entered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CustodyInput {
    /// Kind (not intake: that one is automatic).
    pub kind: CustodyKind,
    /// When, as said ("" = now).
    pub at: String,
    /// IANA zone for `at`.
    pub tz: Option<String>,
    /// Who ("" = this workspace's investigator).
    pub by_whom: String,
    /// From whom or where.
    pub from: String,
    /// To whom or where.
    pub to: String,
    /// Where.
    pub place: String,
    /// Why.
    pub purpose: String,
    /// Authority (required for destruction).
    pub authority: String,
    /// The event this one corrects.
    pub corrects: Option<String>,
    /// Note.
    pub note: String,
}

impl CustodyInput {
    /// An event of `kind` with nothing else filled in.
    pub fn new(kind: CustodyKind) -> CustodyInput {
        CustodyInput {
            kind,
            at: String::new(),
            tz: None,
            by_whom: String::new(),
            from: String::new(),
            to: String::new(),
            place: String::new(),
            purpose: String::new(),
            authority: String::new(),
            corrects: None,
            note: String::new(),
        }
    }

    pub(crate) fn validated(&self) -> Result<(CustodyInput, String)> {
        let c = CustodyInput {
            kind: self.kind,
            at: validate_text("when", &self.at, 200)?,
            tz: self.tz.clone(),
            by_whom: validate_text("by", &self.by_whom, 120)?,
            from: validate_text("from", &self.from, 200)?,
            to: validate_text("to", &self.to, 200)?,
            place: validate_text("where", &self.place, 200)?,
            purpose: validate_text("purpose", &self.purpose, 500)?,
            authority: validate_text("authority", &self.authority, 500)?,
            corrects: self
                .corrects
                .as_ref()
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty()),
            note: validate_text("note", &self.note, 5_000)?,
        };
        let need = |field: &'static str, v: &str, why: &str| {
            if v.is_empty() {
                Err(Error::validation(field, why.to_string()))
            } else {
                Ok(())
            }
        };
        match c.kind {
            CustodyKind::Intake => {
                return Err(Error::validation(
                    "custody event",
                    "intake is recorded when the exhibit is added",
                ))
            }
            CustodyKind::Transfer => {
                need("to", &c.to, "say who or where it went to")?;
                need("purpose", &c.purpose, "say why it was transferred")?;
            }
            CustodyKind::CheckOut => need("purpose", &c.purpose, "say why it was taken out")?,
            CustodyKind::CheckIn => {}
            CustodyKind::LabSubmission => {
                need("to", &c.to, "name the laboratory")?;
                need("purpose", &c.purpose, "say what examination was asked for")?;
            }
            CustodyKind::ReturnToOwner => need("to", &c.to, "name who it was returned to")?,
            CustodyKind::Destruction => need(
                "authority",
                &c.authority,
                "name the authority for destroying it",
            )?,
        }
        let at = if c.at.is_empty() {
            crate::now_rfc3339()
        } else {
            crate::when::parse(&c.at, c.tz.as_deref())
                .map_err(|e| Error::validation("when", e))?
                .from
        };
        Ok((c, at))
    }
}

/// A stored exhibit with its file, links and custody.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Exhibit {
    /// Id.
    pub id: String,
    /// Exhibit number.
    pub number: String,
    /// What was entered (with the number as stored).
    pub input: ExhibitInput,
    /// Parsed collection time.
    pub collected: Option<When>,
    /// The attached file (None for physical items).
    pub file: Option<AttachedFile>,
    /// Custody events, oldest first.
    pub custody: Vec<CustodyEvent>,
    /// Capture-checklist gaps, in words.
    pub gaps: Vec<String>,
    /// Exhibits derived from this one (their numbers).
    pub derived: Vec<String>,
    /// Whether it may still be deleted (no custody event after intake).
    pub deletable: bool,
    /// Created (RFC 3339 UTC).
    pub created_at: String,
    /// Last changed.
    pub updated_at: String,
}

/// One line of the register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ExhibitRow {
    /// Id.
    pub id: String,
    /// Exhibit number.
    pub number: String,
    /// Kind.
    pub kind: ExhibitKind,
    /// Description.
    pub description: String,
    /// Physical item.
    pub physical: bool,
    /// SHA-256 of the attached file.
    pub sha256: Option<String>,
    /// Size of the attached file.
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub size: Option<i64>,
    /// Detected type.
    pub media_type: Option<String>,
    /// Linked incidents.
    pub incident_ids: Vec<String>,
    /// Custody events recorded.
    pub custody_count: u32,
    /// Capture-checklist gaps.
    pub gap_count: u32,
    /// Collected (display, in the recording zone).
    pub collected: String,
}

/// `verify`'s re-hash of one attached file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ExhibitCheck {
    /// Exhibit number.
    pub number: String,
    /// The SHA-256 recorded at intake.
    pub recorded: String,
    /// The SHA-256 of the bytes now stored ("" when they could not be read).
    pub found: String,
    /// They agree, and every chunk is present.
    pub ok: bool,
    /// In words.
    pub detail: String,
}

/// Formats an exhibit number from the agency's pattern.
pub fn format_number(pattern: &str, case_number: &str, n: u32) -> String {
    let mut out = String::new();
    let mut rest = pattern;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        let Some(end) = after.find('}') else {
            out.push_str(after);
            return out;
        };
        let field = &after[1..end];
        match field {
            "case" => out.push_str(case_number),
            "n" => out.push_str(&n.to_string()),
            f if f.starts_with("n:") => {
                let width: usize = f[2..].trim_start_matches('0').parse().unwrap_or(0);
                out.push_str(&format!("{n:0width$}"));
            }
            other => {
                out.push('{');
                out.push_str(other);
                out.push('}');
            }
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

/// Checks an agency's exhibit number pattern.
pub fn validate_number_format(pattern: &str) -> Result<String> {
    let p = pattern.trim();
    if p.is_empty() || p.chars().count() > 64 {
        return Err(Error::validation(
            "exhibit number format",
            "use 1 to 64 characters",
        ));
    }
    // The sequence must change the number, or every exhibit would get the same one.
    if format_number(p, "X", 1) == format_number(p, "X", 2) {
        return Err(Error::validation(
            "exhibit number format",
            "include {n} (or {n:03} for three digits) where the exhibit's sequence goes",
        ));
    }
    let sample = format_number(p, "X", 1);
    if sample.contains('{') || sample.contains('}') {
        return Err(Error::validation(
            "exhibit number format",
            "only {case}, {n} and {n:0W} can appear in braces",
        ));
    }
    Ok(p.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_the_agency_pattern() {
        assert_eq!(format_number(DEFAULT, "2026-0042", 7), "2026-0042-E007");
        assert_eq!(format_number("EX{n}", "C", 12), "EX12");
        assert_eq!(format_number("{case}/{n:02}", "C-1", 3), "C-1/03");
        assert!(validate_number_format("{case}-E{n:03}").is_ok());
        assert!(validate_number_format("E{n}").is_ok());
        assert!(validate_number_format("{case}-E").is_err());
        assert!(validate_number_format("{case}-{x}-{n}").is_err());
    }
    const DEFAULT: &str = super::super::DEFAULT_NUMBER_FORMAT;

    #[test]
    fn the_checklist_names_each_gap_for_screenshots_only() {
        let c = CaptureChecklist {
            sender_visible: Some(true),
            time_visible: None,
            original_kept: Some(false),
            device: String::new(),
        };
        assert_eq!(c.gaps(ExhibitKind::Screenshot).len(), 3);
        assert!(c.gaps(ExhibitKind::Tracker).is_empty());
    }

    #[test]
    fn custody_events_need_what_makes_them_accountable() {
        let mut t = CustodyInput::new(CustodyKind::Transfer);
        assert!(t.validated().is_err());
        t.to = "Lab".into();
        t.purpose = "Examination".into();
        assert!(t.validated().is_ok());
        assert!(CustodyInput::new(CustodyKind::Destruction)
            .validated()
            .is_err());
        assert!(CustodyInput::new(CustodyKind::Intake).validated().is_err());
        assert!(CustodyInput::new(CustodyKind::CheckIn).validated().is_ok());
    }
}
