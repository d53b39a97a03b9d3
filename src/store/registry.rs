//! SQL of the workspace database: profile, settings and the case register.

use crate::case::CaseStatus;
use crate::workspace::Profile;
use crate::Result;
use rusqlite::{params, Connection, OptionalExtension};

/// One row of the case register.
#[derive(Debug, Clone)]
pub(crate) struct RegistryRow {
    pub case_id: String,
    pub number: String,
    pub file_name: String,
    pub key_nonce: Vec<u8>,
    pub wrapped_key: Vec<u8>,
    pub title: String,
    pub status: CaseStatus,
    pub read_only: bool,
    pub chain_seq: i64,
    pub chain_head: String,
    pub last_activity: String,
}

pub(crate) fn profile(conn: &Connection) -> Result<Option<Profile>> {
    Ok(conn
        .query_row(
            "SELECT name, badge, unit, agency FROM profile WHERE id = 1",
            [],
            |r| {
                Ok(Profile {
                    name: r.get(0)?,
                    badge: r.get(1)?,
                    unit: r.get(2)?,
                    agency: r.get(3)?,
                })
            },
        )
        .optional()?)
}

pub(crate) fn set_profile(conn: &Connection, p: &Profile) -> Result<()> {
    conn.execute(
        "INSERT INTO profile (id, name, badge, unit, agency, updated_at) VALUES (1, ?1, ?2, ?3, ?4, ?5)
         ON CONFLICT(id) DO UPDATE SET name = ?1, badge = ?2, unit = ?3, agency = ?4, updated_at = ?5",
        params![p.name, p.badge, p.unit, p.agency, crate::now_rfc3339()],
    )?;
    Ok(())
}

pub(crate) fn setting(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?)
}

pub(crate) fn set_setting(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = ?2",
        params![key, value],
    )?;
    Ok(())
}

const COLUMNS: &str =
    "case_id, number, file_name, key_nonce, wrapped_key, title, status, read_only,
                       chain_seq, chain_head, last_activity";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<RegistryRow> {
    let status: String = r.get(6)?;
    Ok(RegistryRow {
        case_id: r.get(0)?,
        number: r.get(1)?,
        file_name: r.get(2)?,
        key_nonce: r.get(3)?,
        wrapped_key: r.get(4)?,
        title: r.get(5)?,
        status: CaseStatus::parse(&status).unwrap_or(CaseStatus::Active),
        read_only: r.get(7)?,
        chain_seq: r.get(8)?,
        chain_head: r.get(9)?,
        last_activity: r.get(10)?,
    })
}

pub(crate) fn list(conn: &Connection) -> Result<Vec<RegistryRow>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM case_registry ORDER BY last_activity DESC, number"
    ))?;
    let rows = stmt
        .query_map([], row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub(crate) fn find_by_number(conn: &Connection, number: &str) -> Result<Option<RegistryRow>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM case_registry WHERE number = ?1"
    ))?;
    Ok(stmt.query_row([number], row).optional()?)
}

pub(crate) fn exists(
    conn: &Connection,
    case_id: &str,
    number: &str,
    file_name: &str,
) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS(SELECT 1 FROM case_registry WHERE case_id = ?1 OR number = ?2 OR file_name = ?3)",
        params![case_id, number, file_name],
        |r| r.get(0),
    )?)
}

pub(crate) fn insert(conn: &Connection, r: &RegistryRow) -> Result<()> {
    conn.execute(
        &format!(
            "INSERT INTO case_registry ({COLUMNS}, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
        ),
        params![
            r.case_id,
            r.number,
            r.file_name,
            r.key_nonce,
            r.wrapped_key,
            r.title,
            r.status.as_str(),
            r.read_only,
            r.chain_seq,
            r.chain_head,
            r.last_activity,
            crate::now_rfc3339(),
        ],
    )?;
    Ok(())
}

/// Records the new chain head and the cached list fields after a case write.
pub(crate) fn update_after_write(
    conn: &Connection,
    case_id: &str,
    title: &str,
    status: CaseStatus,
    chain_seq: i64,
    chain_head: &str,
    last_activity: &str,
) -> Result<()> {
    conn.execute(
        "UPDATE case_registry SET title = ?2, status = ?3, chain_seq = ?4, chain_head = ?5, last_activity = ?6
         WHERE case_id = ?1",
        params![case_id, title, status.as_str(), chain_seq, chain_head, last_activity],
    )?;
    Ok(())
}

/// Replaces a case key's wrapping (after the workspace key changed).
pub(crate) fn set_wrapped_key(
    conn: &Connection,
    case_id: &str,
    nonce: &[u8],
    wrapped: &[u8],
) -> Result<()> {
    conn.execute(
        "UPDATE case_registry SET key_nonce = ?2, wrapped_key = ?3 WHERE case_id = ?1",
        params![case_id, nonce, wrapped],
    )?;
    Ok(())
}

/// Removes a case from the register (a training case being reset).
pub(crate) fn remove(conn: &Connection, case_id: &str) -> Result<()> {
    conn.execute("DELETE FROM case_registry WHERE case_id = ?1", [case_id])?;
    Ok(())
}
