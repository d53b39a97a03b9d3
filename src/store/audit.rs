//! The audit chain: every write to a case file appends one event, and each
//! event's hash covers the one before, `h_n = SHA-256(event_n ‖ h_{n-1})`.

use crate::crypto::{sha256, to_hex};
use crate::Result;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

/// Hash of "nothing before": 32 zero bytes.
pub(crate) const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Where a chain ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainHead {
    /// Number of the last event (0 for an empty chain).
    pub seq: i64,
    /// Hash of the last event (hex).
    pub hash: String,
}

/// One event to append.
pub(crate) struct NewEvent<'a> {
    pub actor: &'a str,
    pub action: &'a str,
    pub entity: &'a str,
    pub entity_id: &'a str,
    /// SHA-256 (hex) of the entity's state after the change, or of the
    /// action's details for events that change nothing (open, export).
    pub change_hash: String,
    pub detail: serde_json::Value,
}

/// The exact bytes hashed for an event. Field order is fixed by this struct.
#[derive(Serialize)]
struct Canonical<'a> {
    seq: i64,
    at: &'a str,
    actor: &'a str,
    action: &'a str,
    entity: &'a str,
    entity_id: &'a str,
    change_hash: &'a str,
    detail: &'a str,
}

fn event_hash(c: &Canonical<'_>, prev_hex: &str) -> Result<String> {
    let mut bytes = serde_json::to_vec(c).map_err(|_| crate::Error::Crypto("event encoding"))?;
    bytes.extend_from_slice(prev_hex.as_bytes());
    Ok(to_hex(&sha256(&bytes)))
}

/// The current head.
pub(crate) fn head(conn: &Connection) -> Result<ChainHead> {
    let row = conn
        .query_row(
            "SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1",
            [],
            |r| {
                Ok(ChainHead {
                    seq: r.get(0)?,
                    hash: r.get(1)?,
                })
            },
        )
        .optional()?;
    Ok(row.unwrap_or(ChainHead {
        seq: 0,
        hash: GENESIS.to_string(),
    }))
}

/// The stored hash of event `seq`, if it exists.
pub(crate) fn hash_at(conn: &Connection, seq: i64) -> Result<Option<String>> {
    if seq == 0 {
        return Ok(Some(GENESIS.to_string()));
    }
    Ok(conn
        .query_row("SELECT hash FROM audit_event WHERE seq = ?1", [seq], |r| {
            r.get(0)
        })
        .optional()?)
}

/// Appends `ev` after the current head, inside the caller's transaction.
pub(crate) fn append(conn: &Connection, ev: &NewEvent<'_>) -> Result<ChainHead> {
    append_after(conn, &head(conn)?, ev)
}

/// Appends `ev` after `prev`, which must be the current head (callers that
/// append many events in one transaction carry it along).
pub(crate) fn append_after(
    conn: &Connection,
    prev: &ChainHead,
    ev: &NewEvent<'_>,
) -> Result<ChainHead> {
    let seq = prev.seq + 1;
    let at = crate::now_rfc3339();
    let detail = ev.detail.to_string();
    let c = Canonical {
        seq,
        at: &at,
        actor: ev.actor,
        action: ev.action,
        entity: ev.entity,
        entity_id: ev.entity_id,
        change_hash: &ev.change_hash,
        detail: &detail,
    };
    let hash = event_hash(&c, &prev.hash)?;
    conn.prepare_cached(
        "INSERT INTO audit_event (seq, at, actor, action, entity, entity_id, change_hash, detail, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![seq, at, ev.actor, ev.action, ev.entity, ev.entity_id, ev.change_hash, detail, hash])?;
    Ok(ChainHead { seq, hash })
}

/// Result of walking the chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ChainCheck {
    pub events: i64,
    pub head: ChainHead,
    /// First event whose hash or numbering does not match, if any.
    pub first_bad: Option<i64>,
}

/// Recomputes every hash from the start.
pub(crate) fn verify(conn: &Connection) -> Result<ChainCheck> {
    let mut stmt = conn.prepare(
        "SELECT seq, at, actor, action, entity, entity_id, change_hash, detail, hash
         FROM audit_event ORDER BY seq",
    )?;
    let mut rows = stmt.query([])?;
    let mut prev = GENESIS.to_string();
    let mut expected_seq = 1;
    let mut events = 0;
    let mut first_bad = None;
    let mut last = ChainHead {
        seq: 0,
        hash: GENESIS.to_string(),
    };
    while let Some(r) = rows.next()? {
        let seq: i64 = r.get(0)?;
        let (at, actor, action, entity, entity_id, change_hash, detail, stored): (
            String,
            String,
            String,
            String,
            String,
            String,
            String,
            String,
        ) = (
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get(4)?,
            r.get(5)?,
            r.get(6)?,
            r.get(7)?,
            r.get(8)?,
        );
        let c = Canonical {
            seq,
            at: &at,
            actor: &actor,
            action: &action,
            entity: &entity,
            entity_id: &entity_id,
            change_hash: &change_hash,
            detail: &detail,
        };
        let computed = event_hash(&c, &prev)?;
        if first_bad.is_none() && (seq != expected_seq || computed != stored) {
            first_bad = Some(seq);
        }
        events += 1;
        expected_seq = seq + 1;
        prev = stored.clone();
        last = ChainHead { seq, hash: stored };
    }
    Ok(ChainCheck {
        events,
        head: last,
        first_bad,
    })
}

/// For each entity, the change hash of its latest state-changing event
/// (actions ending in `.create`, `.update` or `.delete`).
pub(crate) fn latest_state_hashes(
    conn: &Connection,
) -> Result<Vec<(String, String, String, String)>> {
    let mut stmt = conn.prepare(
        "SELECT entity, entity_id, action, change_hash FROM audit_event
         WHERE seq IN (SELECT max(seq) FROM audit_event
                       WHERE action LIKE '%.create' OR action LIKE '%.update' OR action LIKE '%.delete'
                       GROUP BY entity, entity_id)
         ORDER BY seq",
    )?;
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// One event as read back: (seq, at, actor, action, entity id, detail JSON).
pub(crate) type EventRow = (i64, String, String, String, String, String);

/// The events whose action is one of `actions`, oldest first.
pub(crate) fn events_of(conn: &Connection, actions: &[&str]) -> Result<Vec<EventRow>> {
    let marks = vec!["?"; actions.len()].join(", ");
    let mut stmt = conn.prepare(&format!(
        "SELECT seq, at, actor, action, entity_id, detail FROM audit_event WHERE action IN ({marks}) ORDER BY seq"
    ))?;
    let rows = stmt
        .query_map(rusqlite::params_from_iter(actions.iter()), |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Number of events.
pub(crate) fn count(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM audit_event", [], |r| r.get(0))?)
}

/// Time of the last event, if any.
pub(crate) fn last_at(conn: &Connection) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT at FROM audit_event ORDER BY seq DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .optional()?)
}
