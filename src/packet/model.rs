//! The packet's plain-data types (also the wire types).

use super::statute::{ElementKind, Statute, StatuteElement};
use crate::person::word_enum;
use serde::{Deserialize, Serialize};

word_enum!(
    /// Which copy of the packet, and so what it withholds.
    PacketProfile {
        /// The prosecutor's full copy.
        Prosecutor = "prosecutor",
        /// The defence-discovery copy: confidential identifiers, addresses,
        /// the victim's contact details and the safety plan withheld.
        Discovery = "discovery",
        /// The supervisor's review copy (full).
        Supervisor = "supervisor",
        /// For training: "TRAINING — NOT EVIDENCE" on every page.
        Training = "training",
    }
);

impl PacketProfile {
    /// The label printed on every page.
    pub fn copy_label(self) -> &'static str {
        match self {
            PacketProfile::Prosecutor => "PROSECUTOR COPY",
            PacketProfile::Discovery => "DEFENCE DISCOVERY COPY",
            PacketProfile::Supervisor => "SUPERVISOR REVIEW COPY",
            PacketProfile::Training => "TRAINING — NOT EVIDENCE",
        }
    }
}

word_enum!(
    /// Paper size.
    Paper {
        /// US Letter (the default).
        Letter = "letter",
        /// A4.
        A4 = "a4",
    }
);

/// The packet's own narrative fields, written by the investigator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", default)]
pub struct PacketInfo {
    /// Charges sought.
    pub charges: String,
    /// The suspect's custody status.
    pub custody: String,
    /// Victim-safety alert for the cover sheet.
    pub safety_alert: String,
    /// One-page summary: who, relationship, duration, pattern, current risk, the ask.
    pub summary: String,
    /// Relationship history and context.
    pub relationship: String,
    /// Recommended charges, release conditions and order terms.
    pub recommendations: String,
}

/// A record supporting an element.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Support {
    /// "incident" or "exhibit".
    pub record: String,
    /// Its id.
    pub id: String,
    /// Its label (date and category, or the exhibit number).
    pub label: String,
    /// Linked by hand (true) or found from the record's own data (false).
    pub linked: bool,
}

/// One row of the elements matrix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ElementRow {
    /// The statute.
    pub statute_id: String,
    /// The element.
    pub element: StatuteElement,
    /// Incidents supporting it.
    pub incidents: Vec<Support>,
    /// Exhibits supporting it.
    pub exhibits: Vec<Support>,
}

word_enum!(
    /// How serious a gap is.
    GapLevel {
        /// An element is unproven as things stand.
        Serious = "serious",
        /// Proof is thin.
        Warning = "warning",
    }
);

/// A gap in the proof.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Gap {
    /// Stable code (e.g. "fewActs").
    pub code: String,
    /// Level.
    pub level: GapLevel,
    /// In words.
    pub message: String,
    /// The statute concerned, if one.
    pub statute_id: Option<String>,
    /// The element concerned, if one.
    pub element_id: Option<String>,
}

/// The elements matrix of a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ElementsMatrix {
    /// The statutes the case is charged under.
    pub statutes: Vec<Statute>,
    /// Element × supporting records.
    pub rows: Vec<ElementRow>,
    /// Gap warnings.
    pub gaps: Vec<Gap>,
    /// Element kinds linked by hand, per record id.
    pub links: Vec<ElementLink>,
}

/// Element kinds linked to one record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ElementLink {
    /// "incident" or "exhibit".
    pub record: String,
    /// Its id.
    pub id: String,
    /// The element kinds.
    pub elements: Vec<ElementKind>,
}

word_enum!(
    /// Optional sections of the packet (cover, contents and the integrity
    /// page are always there).
    PacketSection {
        /// One-page summary.
        Summary = "summary",
        /// Parties.
        Parties = "parties",
        /// Relationship history.
        Relationship = "relationship",
        /// Chronology.
        Chronology = "chronology",
        /// Incidents per week.
        Chart = "chart",
        /// Elements matrix and gaps.
        Elements = "elements",
        /// Exhibit index.
        Exhibits = "exhibits",
        /// Witnesses.
        Witnesses = "witnesses",
        /// Victim impact.
        Impact = "impact",
        /// Prior reports.
        PriorReports = "priorReports",
        /// Protective orders and violations.
        Orders = "orders",
        /// Suspect contact and warnings.
        Warnings = "warnings",
        /// Legal process.
        Legal = "legal",
        /// Risk and management.
        Risk = "risk",
        /// Recommended charges and conditions.
        Recommendations = "recommendations",
        /// Photo exhibits at full page.
        Photos = "photos",
    }
);

/// What to export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PacketOptions {
    /// Which copy.
    pub profile: PacketProfile,
    /// Sections to include (empty = all; empty sections are skipped anyway).
    pub sections: Vec<PacketSection>,
    /// Statutes to show (empty = those the case is charged under).
    pub statutes: Vec<String>,
    /// Paper (None = the workspace's setting).
    pub paper: Option<Paper>,
}

impl PacketOptions {
    /// Every section, in a profile.
    pub fn new(profile: PacketProfile) -> PacketOptions {
        PacketOptions {
            profile,
            sections: Vec::new(),
            statutes: Vec::new(),
            paper: None,
        }
    }
}

/// One exhibit in the manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ManifestExhibit {
    /// Exhibit number.
    pub number: String,
    /// SHA-256 of the file (None for physical items).
    pub sha256: Option<String>,
    /// Size.
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub size: Option<i64>,
}

/// `manifest.json`, embedded in every packet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Manifest {
    /// "vigil-packet".
    pub format: String,
    /// 1.
    pub version: u32,
    /// Case number.
    pub case_number: String,
    /// Case id.
    pub case_id: String,
    /// Which copy.
    pub profile: PacketProfile,
    /// When (RFC 3339 UTC).
    pub exported_at: String,
    /// By whom.
    pub exported_by: String,
    /// The case's audit chain: events and head hash at export.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub chain_seq: i64,
    /// Head hash.
    pub chain_head: String,
    /// SHA-256 of the signer's certificate.
    pub certificate_sha256: String,
    /// Statutes shown.
    pub statutes: Vec<String>,
    /// Incidents in the chronology.
    pub incidents: u32,
    /// Every exhibit.
    pub exhibits: Vec<ManifestExhibit>,
    /// What this copy withholds, and why.
    pub withheld: Vec<String>,
    /// Pages.
    pub pages: u32,
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PacketReport {
    /// The file.
    pub path: String,
    /// SHA-256 of the file.
    pub sha256: String,
    /// Pages.
    pub pages: u32,
    /// Size.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub bytes: u64,
    /// Which copy.
    pub profile: PacketProfile,
}

/// One export in the case's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PacketExport {
    /// When.
    pub at: String,
    /// By whom.
    pub by: String,
    /// Which copy.
    pub profile: String,
    /// Pages.
    pub pages: u32,
    /// File name.
    pub file: String,
    /// SHA-256 of the file.
    pub sha256: String,
}

/// One check of `packet verify`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PacketCheck {
    /// What was checked.
    pub name: String,
    /// Passed.
    pub ok: bool,
    /// In words.
    pub detail: String,
}

/// The result of checking a packet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PacketVerifyReport {
    /// Every check passed.
    pub ok: bool,
    /// The checks.
    pub checks: Vec<PacketCheck>,
    /// The signer's certificate.
    pub signer: Option<super::sign::SignerInfoSummary>,
    /// When it was signed.
    pub signed_at: Option<String>,
    /// The embedded manifest.
    pub manifest: Option<Manifest>,
}

/// Progress of an export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PacketProgress {
    /// What is being done.
    pub stage: String,
    /// 0–100.
    pub percent: u32,
}
