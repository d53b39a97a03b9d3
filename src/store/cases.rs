//! SQL of the case file's own tables (header, handover stamp).

use crate::case::{AgencyReport, CaseHeader, CaseStatus, HandoverInfo, HandoverMode};
use crate::{Error, Result};
use rusqlite::{params, Connection, OptionalExtension};

/// The entity name of the header in the audit chain.
pub(crate) const HEADER_ENTITY: &str = "case";

pub(crate) fn insert_header(conn: &Connection, h: &CaseHeader) -> Result<()> {
    conn.execute(
        "INSERT INTO case_header (id, case_id, number, title, opened_on, assigned_investigator,
            agency_reports, status, created_at, updated_at)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            h.case_id,
            h.number,
            h.title,
            h.opened_on.to_string(),
            h.assigned_investigator,
            reports_json(&h.agency_reports)?,
            h.status.as_str(),
            h.created_at.to_rfc3339(),
            h.updated_at.to_rfc3339(),
        ],
    )?;
    Ok(())
}

pub(crate) fn update_header(conn: &Connection, h: &CaseHeader) -> Result<()> {
    conn.execute(
        "UPDATE case_header SET title = ?1, opened_on = ?2, assigned_investigator = ?3,
            agency_reports = ?4, status = ?5, updated_at = ?6 WHERE id = 1",
        params![
            h.title,
            h.opened_on.to_string(),
            h.assigned_investigator,
            reports_json(&h.agency_reports)?,
            h.status.as_str(),
            h.updated_at.to_rfc3339(),
        ],
    )?;
    Ok(())
}

fn reports_json(r: &[AgencyReport]) -> Result<String> {
    serde_json::to_string(r).map_err(|_| Error::Crypto("report list encoding"))
}

/// Reads the header; `None` if the row is missing (a damaged file).
pub(crate) fn read_header(conn: &Connection) -> Result<Option<CaseHeader>> {
    let raw = conn
        .query_row(
            "SELECT case_id, number, title, opened_on, assigned_investigator, agency_reports, status,
                    created_at, updated_at FROM case_header WHERE id = 1",
            [],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, String>(6)?,
                    r.get::<_, String>(7)?,
                    r.get::<_, String>(8)?,
                ))
            },
        )
        .optional()?;
    let Some((case_id, number, title, opened, inv, reports, status, created, updated)) = raw else {
        return Ok(None);
    };
    let bad = |what: &str| Error::Corrupt {
        path: Default::default(),
        detail: format!("unreadable {what} in the case header"),
    };
    Ok(Some(CaseHeader {
        case_id,
        number,
        title,
        opened_on: opened.parse().map_err(|_| bad("opening date"))?,
        assigned_investigator: inv,
        agency_reports: serde_json::from_str(&reports).map_err(|_| bad("report numbers"))?,
        status: CaseStatus::parse(&status).ok_or_else(|| bad("status"))?,
        created_at: parse_time(&created).ok_or_else(|| bad("creation time"))?,
        updated_at: parse_time(&updated).ok_or_else(|| bad("update time"))?,
    }))
}

pub(crate) fn parse_time(s: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    chrono::DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|t| t.with_timezone(&chrono::Utc))
}

/// The header's state hash for the audit chain: SHA-256 of its JSON.
pub(crate) fn header_state_hash(h: &CaseHeader) -> Result<String> {
    let bytes = serde_json::to_vec(h).map_err(|_| Error::Crypto("header encoding"))?;
    Ok(crate::crypto::to_hex(&crate::crypto::sha256(&bytes)))
}

/// The current state hash of an audited entity, or `None` when it no longer
/// exists. Each table that is audited answers here.
pub(crate) fn entity_state_hash(
    conn: &Connection,
    entity: &str,
    entity_id: &str,
) -> Result<Option<String>> {
    match entity {
        HEADER_ENTITY => read_header(conn)?
            .map(|h| header_state_hash(&h))
            .transpose(),
        super::people::ENTITY => super::people::state_hash(conn, entity_id),
        super::incidents::ENTITY => super::incidents::state_hash(conn, entity_id),
        super::evidence::ENTITY => super::evidence::state_hash(conn, entity_id),
        super::packet::STATUTES | super::packet::ELEMENTS | super::packet::INFO => {
            super::packet::state_hash(conn, entity, entity_id)
        }
        other => super::manage::state_hash(conn, other, entity_id),
    }
}

pub(crate) fn write_handover(conn: &Connection, schema: &str, info: &HandoverInfo) -> Result<()> {
    conn.execute(
        &format!("INSERT OR REPLACE INTO {schema}.handover (id, mode, sealed_at, sealed_by) VALUES (1, ?1, ?2, ?3)"),
        params![info.mode.as_str(), info.sealed_at, info.sealed_by],
    )?;
    Ok(())
}

pub(crate) fn read_handover(conn: &Connection) -> Result<Option<HandoverInfo>> {
    let row = conn
        .query_row(
            "SELECT mode, sealed_at, sealed_by FROM handover WHERE id = 1",
            [],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            },
        )
        .optional()?;
    Ok(row.and_then(|(mode, sealed_at, sealed_by)| {
        Some(HandoverInfo {
            mode: HandoverMode::parse(&mode)?,
            sealed_at,
            sealed_by,
        })
    }))
}

/// The training mark: `Some(scenario id)` ("" for free practice) for a case
/// made in a training workspace, `None` for a real case (also for files
/// older than the mark's table).
pub(crate) fn training_mark(conn: &Connection) -> Result<Option<String>> {
    let has_table: bool = conn.query_row(
        "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'training_mark'",
        [],
        |r| r.get(0),
    )?;
    if !has_table {
        return Ok(None);
    }
    Ok(conn
        .query_row("SELECT scenario FROM training_mark WHERE id = 1", [], |r| {
            r.get(0)
        })
        .optional()?)
}

/// Marks a new case as training (in the transaction that writes its header).
pub(crate) fn insert_training_mark(conn: &Connection, scenario: &str, now: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO training_mark (id, scenario, marked_at) VALUES (1, ?1, ?2)",
        params![scenario, now],
    )?;
    Ok(())
}

/// SQLCipher's page-level check: one row per failing page.
pub(crate) fn cipher_integrity(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare("PRAGMA cipher_integrity_check")?;
    let rows = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// SQLite's structural check: `["ok"]` when sound.
pub(crate) fn integrity(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare("PRAGMA integrity_check")?;
    let rows = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Pages in the database, by SQLite's count.
pub(crate) fn page_count(conn: &Connection) -> Result<u64> {
    Ok(conn
        .query_row("PRAGMA page_count", [], |r| r.get::<_, i64>(0))?
        .max(0) as u64)
}
