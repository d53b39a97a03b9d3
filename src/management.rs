//! Case management: the status lifecycle, protective orders, the legal
//! process log, the management plan (referrals, warnings, orders), and the
//! due list across the workspace.

use crate::case::CaseStatus;
use crate::person::word_enum;
use crate::{Error, Result};
use serde::{Deserialize, Serialize};

/// Moves allowed from each status. Closed cases reopen to active.
pub fn allowed_next(from: CaseStatus) -> &'static [CaseStatus] {
    use CaseStatus::*;
    match from {
        Reported => &[Preliminary, Assigned, Closed],
        Preliminary => &[Assigned, Active, Closed],
        Assigned => &[Active, Closed],
        Active => &[Referred, Monitoring, Dormant, Closed],
        Referred => &[Filed, Declined, Returned],
        Filed => &[Monitoring, Closed],
        Declined => &[Active, Monitoring, Dormant, Closed],
        Returned => &[Active, Referred],
        Monitoring => &[Active, Dormant, Closed],
        Dormant => &[Active, Monitoring, Closed],
        Closed => &[Active],
    }
}

/// Whether a move needs a written reason: declining, returning, closing and reopening do.
pub fn needs_reason(from: CaseStatus, to: CaseStatus) -> bool {
    matches!(
        to,
        CaseStatus::Declined | CaseStatus::Returned | CaseStatus::Closed
    ) || from == CaseStatus::Closed
}

/// Checks a status change.
pub fn check_transition(from: CaseStatus, to: CaseStatus, reason: &str) -> Result<()> {
    if !allowed_next(from).contains(&to) {
        return Err(Error::validation(
            "status",
            format!(
                "a case that is {} can move to: {}",
                from.as_str(),
                allowed_next(from)
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ));
    }
    if needs_reason(from, to) && reason.trim().is_empty() {
        return Err(Error::validation(
            "reason",
            "give the reason for this change",
        ));
    }
    Ok(())
}

/// A recorded status change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct StatusChange {
    /// Id.
    pub id: String,
    /// From.
    pub from: CaseStatus,
    /// To.
    pub to: CaseStatus,
    /// Reason.
    pub reason: String,
    /// When.
    pub changed_at: String,
    /// Who.
    pub changed_by: String,
}

word_enum!(
    /// Kind of protective order.
    OrderKind {
        /// Emergency (hours or days).
        Emergency = "emergency",
        /// Temporary, pending a hearing.
        Temporary = "temporary",
        /// Civil (harassment, stalking, domestic violence).
        Civil = "civil",
        /// Criminal, e.g. a no-contact bail condition.
        Criminal = "criminal",
        /// After conviction.
        PostConviction = "postConviction",
        /// Other.
        Other = "other",
    }
);

/// A protective order as entered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct OrderInput {
    /// Kind.
    pub kind: OrderKind,
    /// Court.
    pub court: String,
    /// Issued (YYYY-MM-DD).
    pub issued_on: String,
    /// Served on the suspect (YYYY-MM-DD), if known.
    pub served_on: Option<String>,
    /// Expires (YYYY-MM-DD), if it does.
    pub expires_on: Option<String>,
    /// Terms (no contact, stay-away distance, weapons surrender, …).
    pub terms: String,
}

/// A stored protective order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ProtectiveOrder {
    /// Id.
    pub id: String,
    /// What was entered.
    pub input: OrderInput,
}

word_enum!(
    /// Kind of legal process.
    LegalKind {
        /// Preservation letter (90 days, renewable).
        Preservation = "preservation",
        /// Subpoena.
        Subpoena = "subpoena",
        /// Search warrant.
        Warrant = "warrant",
        /// Court order for records.
        CourtOrder = "courtOrder",
        /// Other.
        Other = "other",
    }
);

word_enum!(
    /// Where a piece of legal process stands.
    LegalStatus {
        /// Sent.
        Sent = "sent",
        /// Renewed.
        Renewed = "renewed",
        /// Records returned.
        Returned = "returned",
        /// Lapsed.
        Expired = "expired",
        /// Withdrawn.
        Withdrawn = "withdrawn",
    }
);

/// Legal process as entered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct LegalInput {
    /// Kind.
    pub kind: LegalKind,
    /// Provider or recipient (carrier, platform, bank, …).
    pub provider: String,
    /// Reference number.
    pub reference: String,
    /// Sent or served (YYYY-MM-DD).
    pub sent_on: String,
    /// Expiry; a preservation letter runs 90 days from sending when absent.
    pub expires_on: Option<String>,
    /// When records came back.
    pub returned_on: Option<String>,
    /// Status.
    pub status: LegalStatus,
    /// Notes.
    pub notes: String,
}

/// Stored legal process.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct LegalProcess {
    /// Id.
    pub id: String,
    /// What was entered (expiry filled in).
    pub input: LegalInput,
}

word_enum!(
    /// Kind of management-plan item.
    PlanKind {
        /// Victim advocate referral.
        Advocate = "advocate",
        /// Mental-health evaluation.
        MentalHealth = "mentalHealth",
        /// Social worker.
        SocialWorker = "socialWorker",
        /// Prosecutor consultation.
        ProsecutorConsult = "prosecutorConsult",
        /// Warning or knock-and-talk.
        Warning = "warning",
        /// Protective order application.
        ProtectiveOrder = "protectiveOrder",
        /// Monitoring or supervision.
        Monitoring = "monitoring",
        /// Other.
        Other = "other",
    }
);

word_enum!(
    /// Where a plan item stands.
    PlanStatus {
        /// Planned.
        Planned = "planned",
        /// Requested or referred.
        Requested = "requested",
        /// Waiting for an answer.
        Awaiting = "awaiting",
        /// Done.
        Done = "done",
        /// Declined.
        Declined = "declined",
    }
);

/// A plan item as entered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PlanInput {
    /// Kind.
    pub kind: PlanKind,
    /// Who owns it.
    pub owner: String,
    /// Started (YYYY-MM-DD).
    pub start_on: String,
    /// Answer or completion due (YYYY-MM-DD).
    pub due_on: Option<String>,
    /// Status.
    pub status: PlanStatus,
    /// Outcome.
    pub outcome: String,
}

/// A stored plan item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PlanItem {
    /// Id.
    pub id: String,
    /// What was entered.
    pub input: PlanInput,
}

word_enum!(
    /// What is due.
    DueKind {
        /// A risk reassessment.
        Reassessment = "reassessment",
        /// A preservation letter running out.
        PreservationExpiring = "preservationExpiring",
        /// A protective order running out.
        OrderExpiring = "orderExpiring",
        /// A referral waiting for an answer.
        ReferralAwaiting = "referralAwaiting",
    }
);

/// One line of the due list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct DueItem {
    /// Case number.
    pub case_number: String,
    /// Case title.
    pub case_title: String,
    /// What.
    pub kind: DueKind,
    /// In words.
    pub label: String,
    /// Due date (YYYY-MM-DD).
    pub due_on: String,
    /// Already past.
    pub overdue: bool,
}

/// How long a preservation request holds records, and each renewal adds.
pub const PRESERVATION_DAYS: i64 = 90;

/// How far ahead the due list looks, in days.
pub const DUE_HORIZON_DAYS: i64 = 30;

pub(crate) fn date(field: &'static str, s: &str) -> Result<String> {
    s.trim()
        .parse::<chrono::NaiveDate>()
        .map(|d| d.to_string())
        .map_err(|_| Error::validation(field, "give the date as YYYY-MM-DD"))
}

pub(crate) fn opt_date(field: &'static str, s: &Option<String>) -> Result<Option<String>> {
    s.as_ref()
        .filter(|s| !s.trim().is_empty())
        .map(|s| date(field, s))
        .transpose()
}

impl OrderInput {
    pub(crate) fn validated(&self) -> Result<OrderInput> {
        let issued = date("issued", &self.issued_on)?;
        let served = opt_date("served", &self.served_on)?;
        let expires = opt_date("expires", &self.expires_on)?;
        if expires.as_ref().is_some_and(|e| e < &issued) {
            return Err(Error::validation(
                "expires",
                "the order cannot expire before it was issued",
            ));
        }
        Ok(OrderInput {
            kind: self.kind,
            court: self.court.trim().into(),
            issued_on: issued,
            served_on: served,
            expires_on: expires,
            terms: self.terms.trim().into(),
        })
    }
}

impl LegalInput {
    pub(crate) fn validated(&self) -> Result<LegalInput> {
        if self.provider.trim().is_empty() {
            return Err(Error::validation(
                "provider",
                "name the provider or recipient",
            ));
        }
        let sent = date("sent", &self.sent_on)?;
        let mut expires = opt_date("expires", &self.expires_on)?;
        if expires.is_none() && self.kind == LegalKind::Preservation {
            // A preservation request holds records for 90 days unless renewed.
            let d: chrono::NaiveDate = sent
                .parse()
                .map_err(|_| Error::validation("sent", "give the date as YYYY-MM-DD"))?;
            expires = Some((d + chrono::Duration::days(PRESERVATION_DAYS)).to_string());
        }
        Ok(LegalInput {
            kind: self.kind,
            provider: self.provider.trim().into(),
            reference: self.reference.trim().into(),
            sent_on: sent,
            expires_on: expires,
            returned_on: opt_date("returned", &self.returned_on)?,
            status: self.status,
            notes: self.notes.trim().into(),
        })
    }
}

impl PlanInput {
    pub(crate) fn validated(&self) -> Result<PlanInput> {
        Ok(PlanInput {
            kind: self.kind,
            owner: crate::case::validate_text("owner", &self.owner, 200)?,
            start_on: date("start", &self.start_on)?,
            due_on: opt_date("due", &self.due_on)?,
            status: self.status,
            outcome: self.outcome.trim().into(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use CaseStatus::*;

    #[test]
    fn lifecycle_moves_and_reasons() {
        assert!(check_transition(Active, Referred, "").is_ok());
        assert!(
            check_transition(Referred, Declined, "").is_err(),
            "declining needs a reason"
        );
        assert!(check_transition(Referred, Declined, "insufficient evidence of fear").is_ok());
        assert!(check_transition(Referred, Returned, "get phone records").is_ok());
        assert!(check_transition(Active, Closed, "").is_err());
        assert!(
            check_transition(Closed, Active, "").is_err(),
            "reopening needs a reason"
        );
        assert!(check_transition(Closed, Active, "new contact after release").is_ok());
        assert!(
            check_transition(Reported, Filed, "x").is_err(),
            "no jumping to filed"
        );
    }

    #[test]
    fn preservation_letters_run_ninety_days() {
        let l = LegalInput {
            kind: LegalKind::Preservation,
            provider: "Carrier".into(),
            reference: "".into(),
            sent_on: "2026-01-10".into(),
            expires_on: None,
            returned_on: None,
            status: LegalStatus::Sent,
            notes: "".into(),
        };
        assert_eq!(
            l.validated().unwrap().expires_on.as_deref(),
            Some("2026-04-10")
        );
    }
}
