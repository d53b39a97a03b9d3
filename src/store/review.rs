//! SQL of supervisor review in the workspace database: trusted signers, the
//! register of signed reviews, and unit-review minutes.

use crate::Result;
use rusqlite::{params, Connection, OptionalExtension};

/// A trusted certificate as stored.
pub(crate) struct SignerRow {
    pub fingerprint: String,
    pub subject: String,
    pub fields: [String; 4],
    pub trusted_at: String,
    pub trusted_by: String,
}

pub(crate) fn signers(conn: &Connection) -> Result<Vec<SignerRow>> {
    let mut s = conn.prepare_cached(
        "SELECT fingerprint, subject, name, badge, unit, agency, trusted_at, trusted_by
         FROM trusted_signer ORDER BY name, trusted_at",
    )?;
    let rows = s
        .query_map([], |r| {
            Ok(SignerRow {
                fingerprint: r.get(0)?,
                subject: r.get(1)?,
                fields: [r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?],
                trusted_at: r.get(6)?,
                trusted_by: r.get(7)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub(crate) fn add_signer(conn: &Connection, row: &SignerRow, cert_der: &[u8]) -> Result<()> {
    conn.execute(
        "INSERT INTO trusted_signer (fingerprint, subject, name, badge, unit, agency, certificate, trusted_at, trusted_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT(fingerprint) DO NOTHING",
        params![
            row.fingerprint,
            row.subject,
            row.fields[0],
            row.fields[1],
            row.fields[2],
            row.fields[3],
            cert_der,
            row.trusted_at,
            row.trusted_by
        ],
    )?;
    Ok(())
}

/// Removes a trusted certificate; false when there was none.
pub(crate) fn remove_signer(conn: &Connection, fingerprint: &str) -> Result<bool> {
    Ok(conn.execute(
        "DELETE FROM trusted_signer WHERE fingerprint = ?1",
        [fingerprint],
    )? > 0)
}

/// A signed review as kept in the register.
pub(crate) struct ReviewRow {
    pub id: String,
    pub packet_sha256: String,
    pub case_id: String,
    pub case_number: String,
    pub decision: String,
    pub decided_at: String,
    pub packet_signer: String,
    pub file: String,
}

fn review_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ReviewRow> {
    Ok(ReviewRow {
        id: r.get(0)?,
        packet_sha256: r.get(1)?,
        case_id: r.get(2)?,
        case_number: r.get(3)?,
        decision: r.get(4)?,
        decided_at: r.get(5)?,
        packet_signer: r.get(6)?,
        file: r.get(7)?,
    })
}

const REVIEW_COLS: &str =
    "id, packet_sha256, case_id, case_number, decision, decided_at, packet_signer, file";

pub(crate) fn add_review(conn: &Connection, r: &ReviewRow) -> Result<()> {
    conn.execute(
        &format!("INSERT INTO review ({REVIEW_COLS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"),
        params![
            r.id,
            r.packet_sha256,
            r.case_id,
            r.case_number,
            r.decision,
            r.decided_at,
            r.packet_signer,
            r.file
        ],
    )?;
    Ok(())
}

/// Every review, newest first.
pub(crate) fn reviews(conn: &Connection) -> Result<Vec<ReviewRow>> {
    let mut s = conn.prepare_cached(&format!(
        "SELECT {REVIEW_COLS} FROM review ORDER BY decided_at DESC, id"
    ))?;
    let rows = s
        .query_map([], review_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// The latest review of a case.
pub(crate) fn latest_review(conn: &Connection, case_id: &str) -> Result<Option<ReviewRow>> {
    Ok(conn
        .query_row(
            &format!("SELECT {REVIEW_COLS} FROM review WHERE case_id = ?1 ORDER BY decided_at DESC LIMIT 1"),
            [case_id],
            review_row,
        )
        .optional()?)
}

/// A minute as stored: (id, at, by, text, actions JSON).
pub(crate) type MinuteRow = (String, String, String, String, String);

pub(crate) fn add_minute(
    conn: &Connection,
    case_id: &str,
    case_number: &str,
    m: &MinuteRow,
) -> Result<()> {
    conn.execute(
        "INSERT INTO review_minute (id, case_id, case_number, at, by, text, actions) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![m.0, case_id, case_number, m.1, m.2, m.3, m.4],
    )?;
    Ok(())
}

/// Minutes of a case, newest first.
pub(crate) fn minutes(conn: &Connection, case_id: &str) -> Result<Vec<MinuteRow>> {
    let mut s = conn.prepare_cached(
        "SELECT id, at, by, text, actions FROM review_minute WHERE case_id = ?1 ORDER BY at DESC",
    )?;
    let rows = s
        .query_map([case_id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}
