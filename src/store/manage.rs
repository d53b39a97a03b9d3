//! SQL of the protocol answers, risk assessments, status history, protective
//! orders, legal process and the management plan.

use crate::management::*;
use crate::protocol::{Answer, AnswerInput};
use crate::risk::{RiskAssessment, RiskAssessmentInput};
use crate::Result;
use rusqlite::{params, Connection, OptionalExtension};

/// Audit entity names and how each record is hashed.
pub(crate) const ANSWER: &str = "answer";
pub(crate) const RISK: &str = "risk";
pub(crate) const STATUS: &str = "status";
pub(crate) const ORDER: &str = "order";
pub(crate) const LEGAL: &str = "legal";
pub(crate) const PLAN: &str = "plan";
pub(crate) const PROTOCOL: &str = "protocol";

pub(crate) fn state_hash(conn: &Connection, entity: &str, id: &str) -> Result<Option<String>> {
    let sql = match entity {
        ANSWER => "SELECT * FROM protocol_answer WHERE item_id = ?1",
        RISK => "SELECT * FROM risk_assessment WHERE id = ?1",
        STATUS => "SELECT * FROM status_change WHERE id = ?1",
        ORDER => "SELECT * FROM protective_order WHERE id = ?1",
        LEGAL => "SELECT * FROM legal_process WHERE id = ?1",
        PLAN => "SELECT * FROM plan_item WHERE id = ?1",
        PROTOCOL => "SELECT protocol_id, version, definition, started_at FROM case_protocol WHERE protocol_id = ?1",
        _ => return Ok(None),
    };
    super::rowhash::record_hash(conn, sql, &[], id)
}

// ---- protocol -------------------------------------------------------------

/// (protocol id, version, definition text) the case follows.
pub(crate) fn case_protocol(conn: &Connection) -> Result<Option<(String, u32, String)>> {
    Ok(conn
        .query_row(
            "SELECT protocol_id, version, definition FROM case_protocol WHERE id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?)
}

pub(crate) fn set_case_protocol(
    conn: &Connection,
    id: &str,
    version: u32,
    definition: &str,
    now: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO case_protocol (id, protocol_id, version, definition, started_at) VALUES (1, ?1, ?2, ?3, ?4)
         ON CONFLICT(id) DO UPDATE SET protocol_id = ?1, version = ?2, definition = ?3, started_at = ?4",
        params![id, version, definition, now],
    )?;
    Ok(())
}

pub(crate) fn answers(conn: &Connection) -> Result<Vec<Answer>> {
    let mut stmt = conn.prepare_cached(
        "SELECT item_id, version, value, vals, note, answered_at, answered_by FROM protocol_answer ORDER BY answered_at, item_id",
    )?;
    let rows = stmt
        .query_map([], |r| {
            let vals: String = r.get(3)?;
            Ok(Answer {
                item_id: r.get(0)?,
                version: r.get(1)?,
                value: r.get(2)?,
                values: serde_json::from_str(&vals).unwrap_or_default(),
                note: r.get(4)?,
                answered_at: r.get(5)?,
                answered_by: r.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub(crate) fn set_answer(
    conn: &Connection,
    item: &str,
    version: u32,
    a: &AnswerInput,
    now: &str,
    by: &str,
) -> Result<()> {
    let vals = serde_json::to_string(&a.values).unwrap_or_else(|_| "[]".into());
    conn.execute(
        "INSERT INTO protocol_answer (item_id, version, value, vals, note, answered_at, answered_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT(item_id) DO UPDATE SET version = ?2, value = ?3, vals = ?4, note = ?5, answered_at = ?6, answered_by = ?7",
        params![item, version, a.value, vals, a.note, now, by],
    )?;
    Ok(())
}

// ---- risk -----------------------------------------------------------------

pub(crate) fn insert_risk(
    conn: &Connection,
    id: &str,
    assessor: &str,
    i: &RiskAssessmentInput,
    next: &str,
    now: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO risk_assessment (id, assessed_on, assessor, level, reasons, typology, factors, instruments, next_review, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            id,
            i.assessed_on,
            assessor,
            i.level.as_str(),
            i.reasons,
            i.typology,
            serde_json::to_string(&i.factors).unwrap_or_default(),
            serde_json::to_string(&i.instruments).unwrap_or_default(),
            next,
            now
        ],
    )?;
    Ok(())
}

pub(crate) fn risks(conn: &Connection) -> Result<Vec<RiskAssessment>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, assessed_on, assessor, level, reasons, typology, factors, instruments, next_review, created_at
         FROM risk_assessment ORDER BY assessed_on DESC, created_at DESC",
    )?;
    let rows = stmt
        .query_map([], |r| {
            let level: String = r.get(3)?;
            let factors: String = r.get(6)?;
            let instruments: String = r.get(7)?;
            let next: Option<String> = r.get(8)?;
            Ok(RiskAssessment {
                id: r.get(0)?,
                assessor: r.get(2)?,
                next_review: next.clone().unwrap_or_default(),
                created_at: r.get(9)?,
                input: RiskAssessmentInput {
                    assessed_on: r.get(1)?,
                    level: crate::risk::RiskLevel::parse(&level)
                        .unwrap_or(crate::risk::RiskLevel::Moderate),
                    reasons: r.get(4)?,
                    typology: r.get(5)?,
                    factors: serde_json::from_str(&factors).unwrap_or_default(),
                    instruments: serde_json::from_str(&instruments).unwrap_or_default(),
                    next_review: next,
                },
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

// ---- status ----------------------------------------------------------------

pub(crate) fn insert_status(conn: &Connection, c: &StatusChange) -> Result<()> {
    conn.execute(
        "INSERT INTO status_change (id, from_status, to_status, reason, changed_at, changed_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![c.id, c.from.as_str(), c.to.as_str(), c.reason, c.changed_at, c.changed_by],
    )?;
    Ok(())
}

pub(crate) fn statuses(conn: &Connection) -> Result<Vec<StatusChange>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, from_status, to_status, reason, changed_at, changed_by FROM status_change ORDER BY changed_at DESC",
    )?;
    let rows = stmt
        .query_map([], |r| {
            let (f, t): (String, String) = (r.get(1)?, r.get(2)?);
            Ok(StatusChange {
                id: r.get(0)?,
                from: crate::case::CaseStatus::parse(&f).unwrap_or(crate::case::CaseStatus::Active),
                to: crate::case::CaseStatus::parse(&t).unwrap_or(crate::case::CaseStatus::Active),
                reason: r.get(3)?,
                changed_at: r.get(4)?,
                changed_by: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub(crate) fn set_header_status(
    conn: &Connection,
    status: crate::case::CaseStatus,
    now: &str,
) -> Result<()> {
    conn.execute(
        "UPDATE case_header SET status = ?1, updated_at = ?2 WHERE id = 1",
        params![status.as_str(), now],
    )?;
    Ok(())
}

// ---- orders, legal process, plan -------------------------------------------

pub(crate) fn upsert_order(conn: &Connection, id: &str, o: &OrderInput, now: &str) -> Result<bool> {
    let n = conn.execute(
        "INSERT INTO protective_order (id, kind, court, issued_on, served_on, expires_on, terms, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)
         ON CONFLICT(id) DO UPDATE SET kind = ?2, court = ?3, issued_on = ?4, served_on = ?5, expires_on = ?6, terms = ?7, updated_at = ?8",
        params![id, o.kind.as_str(), o.court, o.issued_on, o.served_on, o.expires_on, o.terms, now],
    )?;
    Ok(n > 0)
}

pub(crate) fn orders(conn: &Connection) -> Result<Vec<ProtectiveOrder>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, kind, court, issued_on, served_on, expires_on, terms FROM protective_order ORDER BY issued_on",
    )?;
    let rows = stmt
        .query_map([], |r| {
            let kind: String = r.get(1)?;
            Ok(ProtectiveOrder {
                id: r.get(0)?,
                input: OrderInput {
                    kind: OrderKind::parse(&kind).unwrap_or(OrderKind::Other),
                    court: r.get(2)?,
                    issued_on: r.get(3)?,
                    served_on: r.get(4)?,
                    expires_on: r.get(5)?,
                    terms: r.get(6)?,
                },
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub(crate) fn upsert_legal(conn: &Connection, id: &str, l: &LegalInput, now: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO legal_process (id, kind, provider, reference, sent_on, expires_on, returned_on, status, notes, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)
         ON CONFLICT(id) DO UPDATE SET kind = ?2, provider = ?3, reference = ?4, sent_on = ?5, expires_on = ?6,
            returned_on = ?7, status = ?8, notes = ?9, updated_at = ?10",
        params![id, l.kind.as_str(), l.provider, l.reference, l.sent_on, l.expires_on, l.returned_on, l.status.as_str(), l.notes, now],
    )?;
    Ok(())
}

pub(crate) fn legal(conn: &Connection) -> Result<Vec<LegalProcess>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, kind, provider, reference, sent_on, expires_on, returned_on, status, notes FROM legal_process ORDER BY sent_on",
    )?;
    let rows = stmt
        .query_map([], |r| {
            let (kind, status): (String, String) = (r.get(1)?, r.get(7)?);
            Ok(LegalProcess {
                id: r.get(0)?,
                input: LegalInput {
                    kind: LegalKind::parse(&kind).unwrap_or(LegalKind::Other),
                    provider: r.get(2)?,
                    reference: r.get(3)?,
                    sent_on: r.get(4)?,
                    expires_on: r.get(5)?,
                    returned_on: r.get(6)?,
                    status: LegalStatus::parse(&status).unwrap_or(LegalStatus::Sent),
                    notes: r.get(8)?,
                },
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub(crate) fn upsert_plan(conn: &Connection, id: &str, p: &PlanInput, now: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO plan_item (id, kind, owner, start_on, due_on, status, outcome, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)
         ON CONFLICT(id) DO UPDATE SET kind = ?2, owner = ?3, start_on = ?4, due_on = ?5, status = ?6, outcome = ?7, updated_at = ?8",
        params![id, p.kind.as_str(), p.owner, p.start_on, p.due_on, p.status.as_str(), p.outcome, now],
    )?;
    Ok(())
}

pub(crate) fn plan(conn: &Connection) -> Result<Vec<PlanItem>> {
    let mut stmt =
        conn.prepare_cached("SELECT id, kind, owner, start_on, due_on, status, outcome FROM plan_item ORDER BY start_on")?;
    let rows = stmt
        .query_map([], |r| {
            let (kind, status): (String, String) = (r.get(1)?, r.get(5)?);
            Ok(PlanItem {
                id: r.get(0)?,
                input: PlanInput {
                    kind: PlanKind::parse(&kind).unwrap_or(PlanKind::Other),
                    owner: r.get(2)?,
                    start_on: r.get(3)?,
                    due_on: r.get(4)?,
                    status: PlanStatus::parse(&status).unwrap_or(PlanStatus::Planned),
                    outcome: r.get(6)?,
                },
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub(crate) fn exists(conn: &Connection, table: &str, id: &str) -> Result<bool> {
    Ok(conn.query_row(
        &format!("SELECT EXISTS(SELECT 1 FROM {table} WHERE id = ?1)"),
        [id],
        |r| r.get(0),
    )?)
}
