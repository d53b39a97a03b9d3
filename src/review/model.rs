//! Supervisor review's plain-data types (also the wire types).

use crate::management::DueItem;
use crate::packet::PacketVerifyReport;
use crate::person::word_enum;
use serde::{Deserialize, Serialize};

word_enum!(
    /// What the supervisor decided.
    Decision {
        /// Fit to go to the prosecutor.
        Approve = "approve",
        /// Back to the investigator with points to address.
        Return = "return",
    }
);

word_enum!(
    /// Where a comment points.
    AnchorKind {
        /// A section of the packet (by its bookmark title).
        Section = "section",
        /// A page of the packet.
        Page = "page",
        /// An incident in the case.
        Incident = "incident",
        /// An exhibit.
        Exhibit = "exhibit",
        /// A person.
        Person = "person",
        /// A protocol item.
        Item = "item",
    }
);

word_enum!(
    /// A checklist answer.
    CheckAnswer {
        /// Met.
        Yes = "yes",
        /// Not met.
        No = "no",
        /// Does not apply to this case.
        NotApplicable = "na",
        /// Not looked at.
        Open = "open",
    }
);

word_enum!(
    /// How far this workspace trusts the certificate that signed something.
    TrustState {
        /// A certificate this workspace trusts (its fingerprint was confirmed).
        Trusted = "trusted",
        /// A certificate this workspace has never trusted.
        Unknown = "unknown",
        /// Another certificate than the one trusted for the same person:
        /// someone else's key, or a key the investigator has since replaced.
        Conflict = "conflict",
        /// The signature itself does not hold, so nobody can be named.
        Unsigned = "unsigned",
    }
);

/// What a comment points at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Anchor {
    /// Kind.
    pub kind: AnchorKind,
    /// Section title, page number, or the record's id (or number for exhibits).
    pub target: String,
    /// How it reads to a person ("Exhibit EX-3", "Page 4").
    #[serde(default)]
    pub label: String,
}

/// A comment as the supervisor writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CommentInput {
    /// Where it points; `None` for the packet as a whole.
    #[serde(default)]
    pub anchor: Option<Anchor>,
    /// The comment.
    pub text: String,
}

/// A comment in a signed review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Comment {
    /// "1", "2", … in the review.
    pub id: String,
    /// Where it points.
    pub anchor: Option<Anchor>,
    /// The comment.
    pub text: String,
}

/// One checklist answer in a review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CheckResult {
    /// Checklist item id.
    pub id: String,
    /// Its text (copied, so the review reads on its own).
    pub label: String,
    /// The answer.
    pub answer: CheckAnswer,
    /// A note.
    #[serde(default)]
    pub note: String,
}

/// An answer as the supervisor gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CheckInput {
    /// Checklist item id.
    pub id: String,
    /// The answer.
    pub answer: CheckAnswer,
    /// A note.
    #[serde(default)]
    pub note: String,
}

/// The decision as the supervisor makes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct DecisionInput {
    /// Approve or return.
    pub decision: Decision,
    /// Overall remarks (the reasons, for a return).
    #[serde(default)]
    pub summary: String,
    /// Comments.
    #[serde(default)]
    pub comments: Vec<CommentInput>,
    /// Checklist answers (items not given count as open).
    #[serde(default)]
    pub checklist: Vec<CheckInput>,
}

/// A person named by a certificate.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Named {
    /// Name (CN).
    pub name: String,
    /// Badge (serialNumber).
    pub badge: String,
    /// Unit (OU).
    pub unit: String,
    /// Agency (O).
    pub agency: String,
}

/// The signed content of a review file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Review {
    /// Random id of this review.
    pub id: String,
    /// SHA-256 of the packet file reviewed.
    pub packet_sha256: String,
    /// Its file name when reviewed.
    pub packet_file: String,
    /// The case, from the packet's manifest.
    pub case_id: String,
    /// Case number.
    pub case_number: String,
    /// Which copy.
    pub profile: String,
    /// When the packet was signed.
    pub packet_signed_at: Option<String>,
    /// The packet's audit-chain position.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub chain_seq: i64,
    /// The packet's signer.
    pub packet_signer: Named,
    /// Fingerprint of the packet signer's certificate.
    pub packet_signer_fingerprint: String,
    /// Approve or return.
    pub decision: Decision,
    /// Overall remarks.
    pub summary: String,
    /// Comments, numbered.
    pub comments: Vec<Comment>,
    /// The checklist, with its id and version.
    pub checklist_id: String,
    /// Checklist version.
    pub checklist_version: u32,
    /// Answers.
    pub checklist: Vec<CheckResult>,
    /// The reviewer (from the workspace profile).
    pub reviewer: Named,
    /// Fingerprint of the reviewer's certificate (the one that signs).
    pub reviewer_fingerprint: String,
    /// When decided (RFC 3339 UTC).
    pub decided_at: String,
}

/// A review file read and checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct VerifiedReview {
    /// What it says.
    pub review: Review,
    /// SHA-256 of the review file.
    pub file_sha256: String,
    /// The reviewer's certificate, as this workspace sees it.
    pub reviewer_trust: SignerTrust,
}

/// A certificate this workspace trusts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct TrustedSigner {
    /// SHA-256 of the certificate, hex.
    pub fingerprint: String,
    /// Grouped for reading aloud.
    pub grouped: String,
    /// The certificate's subject.
    pub subject: String,
    /// Who it names.
    pub named: Named,
    /// When it was trusted.
    pub trusted_at: String,
    /// By whom.
    pub trusted_by: String,
}

/// Who signed, and whether this workspace trusts them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SignerTrust {
    /// Trusted, unknown, conflicting, or no valid signature.
    pub state: TrustState,
    /// Who the certificate names.
    pub named: Named,
    /// Its fingerprint (hex; empty when unsigned).
    pub fingerprint: String,
    /// Grouped in fours for reading aloud.
    pub grouped: String,
    /// For a conflict: the fingerprints trusted for the same person.
    pub trusted_fingerprints: Vec<String>,
    /// In words, for the banner.
    pub message: String,
}

/// One line of the completeness dashboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct DashboardLine {
    /// Stable key ("protocol", "elements", …).
    pub key: String,
    /// What is looked at.
    pub title: String,
    /// Nothing to address.
    pub ok: bool,
    /// In a sentence.
    pub summary: String,
    /// What is open, one per line.
    pub items: Vec<String>,
}

/// The completeness dashboard of a case copy.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Dashboard {
    /// Case number.
    pub case_number: String,
    /// Title.
    pub title: String,
    /// A read-only review copy (the usual case on a supervisor's laptop).
    pub review_copy: bool,
    /// The lines, in a fixed order.
    pub lines: Vec<DashboardLine>,
    /// Lines with something to address.
    pub open: u32,
    /// The packet's chain head contradicts this copy's history (not merely
    /// newer than the copy).
    pub packet_conflict: bool,
}

/// A packet opened for review.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PacketReview {
    /// The file's name.
    pub file: String,
    /// SHA-256 of the file.
    pub sha256: String,
    /// Size in bytes.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub size: u64,
    /// What verifying it found (also against the case copy when here).
    pub report: PacketVerifyReport,
    /// Who signed, and whether they are trusted.
    pub trust: SignerTrust,
    /// Nothing stands in the way of approving.
    pub approvable: bool,
    /// Why not, in words (empty when approvable).
    pub blockers: Vec<String>,
    /// The dashboard, when the case copy is in this workspace.
    pub dashboard: Option<Dashboard>,
    /// Reviews this workspace already signed for this very file.
    pub earlier: Vec<ReviewRecord>,
}

/// One line of the register of reviews.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ReviewRecord {
    /// Review id.
    pub id: String,
    /// Case number.
    pub case_number: String,
    /// Approve or return.
    pub decision: Decision,
    /// When.
    pub decided_at: String,
    /// The packet's SHA-256.
    pub packet_sha256: String,
    /// The packet's signer.
    pub packet_signer: String,
    /// Comments in it.
    pub comments: u32,
}

/// A signed review written to a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ReviewWritten {
    /// Where.
    pub path: String,
    /// SHA-256 of the file.
    pub sha256: String,
    /// What it says.
    pub review: Review,
}

/// A point of a returned review on the investigator's side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ReviewPoint {
    /// The comment.
    pub comment: Comment,
    /// Ticked off.
    pub done: bool,
    /// When and by whom it was ticked.
    pub done_note: String,
}

/// A review applied to a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct AppliedReview {
    /// What the review says.
    pub review: Review,
    /// When it was applied here.
    pub applied_at: String,
    /// By whom.
    pub applied_by: String,
    /// SHA-256 of the review file.
    pub file_sha256: String,
    /// Its points (every comment), with their state.
    pub points: Vec<ReviewPoint>,
    /// Points still open.
    pub open: u32,
}

/// A minute of a unit case review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Minute {
    /// Id.
    pub id: String,
    /// When.
    pub at: String,
    /// By whom.
    pub by: String,
    /// What was said.
    pub text: String,
    /// Actions agreed.
    pub actions: Vec<String>,
}

/// One case on the unit review agenda.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct AgendaCase {
    /// Case number.
    pub case_number: String,
    /// Title.
    pub title: String,
    /// Status.
    pub status: crate::case::CaseStatus,
    /// A read-only review copy.
    pub review_copy: bool,
    /// The latest risk level judged, if any.
    pub risk_level: Option<String>,
    /// The level at the last review, if it differed or was unknown.
    pub risk_at_last_review: Option<String>,
    /// When the case was last reviewed here (a decision or a minute).
    pub last_reviewed: Option<String>,
    /// Incidents recorded since then (all, if never reviewed).
    pub new_incidents: u32,
    /// Overdue items.
    pub overdue: Vec<DueItem>,
    /// Minutes, newest first.
    pub minutes: Vec<Minute>,
    /// The latest decision on a packet of this case, if any.
    pub last_decision: Option<ReviewRecord>,
}

/// The unit review agenda.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Agenda {
    /// As of (YYYY-MM-DD).
    pub today: String,
    /// Cases, most pressing first (overdue, then risk, then new incidents).
    pub cases: Vec<AgendaCase>,
}
