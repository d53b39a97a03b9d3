//! SQL of the packet's data: chosen statutes, element links, packet fields.

use crate::Result;
use rusqlite::{params, Connection, OptionalExtension};

/// Audit entities.
pub(crate) const STATUTES: &str = "statutes";
pub(crate) const ELEMENTS: &str = "elements";
pub(crate) const INFO: &str = "packetinfo";

pub(crate) fn state_hash(conn: &Connection, entity: &str, id: &str) -> Result<Option<String>> {
    match entity {
        // One record for the case's whole choice of statutes.
        STATUTES => {
            let rows = super::rowhash::rows_json(
                conn,
                "SELECT statute_id, position, version, definition, chosen_at FROM case_statute WHERE ?1 = 'case' ORDER BY position",
                id,
            )?;
            let bytes =
                serde_json::to_vec(&rows).map_err(|_| crate::Error::Crypto("record encoding"))?;
            Ok(Some(crate::crypto::to_hex(&crate::crypto::sha256(&bytes))))
        }
        // id = "<record kind>:<record id>"
        ELEMENTS => {
            let (kind, rid) = id.split_once(':').unwrap_or(("", id));
            let rows = super::rowhash::rows_json(
                conn,
                &format!(
                    "SELECT element FROM element_link WHERE record_kind = '{}' AND record_id = ?1 ORDER BY element",
                    if kind == "exhibit" { "exhibit" } else { "incident" }
                ),
                rid,
            )?;
            let bytes =
                serde_json::to_vec(&rows).map_err(|_| crate::Error::Crypto("record encoding"))?;
            Ok(Some(crate::crypto::to_hex(&crate::crypto::sha256(&bytes))))
        }
        INFO => super::rowhash::record_hash(
            conn,
            "SELECT * FROM packet_info WHERE ?1 = 'case' AND id = 1",
            &[],
            id,
        ),
        _ => Ok(None),
    }
}

/// (statute id, definition) in order.
pub(crate) fn statutes(conn: &Connection) -> Result<Vec<(String, String)>> {
    let mut s =
        conn.prepare_cached("SELECT statute_id, definition FROM case_statute ORDER BY position")?;
    let rows = s
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub(crate) fn set_statutes(
    conn: &Connection,
    list: &[(String, u32, String)],
    now: &str,
) -> Result<()> {
    conn.execute("DELETE FROM case_statute", [])?;
    for (i, (id, version, def)) in list.iter().enumerate() {
        conn.execute(
            "INSERT INTO case_statute (statute_id, position, version, definition, chosen_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![id, i as i64, version, def, now],
        )?;
    }
    Ok(())
}

/// Every link: (record kind, record id, element kind).
pub(crate) fn links(conn: &Connection) -> Result<Vec<(String, String, String)>> {
    let mut s = conn.prepare_cached("SELECT record_kind, record_id, element FROM element_link ORDER BY record_kind, record_id, element")?;
    let rows = s
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub(crate) fn set_links(
    conn: &Connection,
    kind: &str,
    id: &str,
    elements: &[String],
) -> Result<()> {
    conn.execute(
        "DELETE FROM element_link WHERE record_kind = ?1 AND record_id = ?2",
        params![kind, id],
    )?;
    for e in elements {
        conn.execute(
            "INSERT INTO element_link (record_kind, record_id, element) VALUES (?1, ?2, ?3)",
            params![kind, id, e],
        )?;
    }
    Ok(())
}

/// The packet fields, if set.
pub(crate) fn info(conn: &Connection) -> Result<Option<[String; 6]>> {
    Ok(conn
        .query_row(
            "SELECT charges, custody, safety_alert, summary, relationship, recommendations FROM packet_info WHERE id = 1",
            [],
            |r| Ok([r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?]),
        )
        .optional()?)
}

pub(crate) fn set_info(conn: &Connection, v: &[String; 6], now: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO packet_info (id, charges, custody, safety_alert, summary, relationship, recommendations, updated_at)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT(id) DO UPDATE SET charges = ?1, custody = ?2, safety_alert = ?3, summary = ?4,
            relationship = ?5, recommendations = ?6, updated_at = ?7",
        params![v[0], v[1], v[2], v[3], v[4], v[5], now],
    )?;
    Ok(())
}

/// Packet exports recorded in the audit trail: (at, actor, detail JSON).
pub(crate) fn exports(conn: &Connection) -> Result<Vec<(String, String, String)>> {
    let mut s = conn.prepare_cached("SELECT at, actor, detail FROM audit_event WHERE action = 'packet.export' ORDER BY seq DESC")?;
    let rows = s
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}
