//! `verify`: every integrity check on one case file, each reported.

use crate::case::{VerifyCheck, VerifyReport};
use crate::store::{audit, cases, migrate, registry::RegistryRow};
use rusqlite::Connection;

fn check(name: &str, ok: bool, detail: impl Into<String>) -> VerifyCheck {
    VerifyCheck {
        name: name.to_string(),
        ok,
        detail: detail.into(),
    }
}

/// The report for a file that does not open with its own key: damaged or
/// replaced. Every other check cannot run and is reported as failed.
pub(crate) fn unopenable(row: &RegistryRow, why: &crate::Error) -> VerifyReport {
    let first = match why {
        crate::Error::Corrupt { detail, .. } => format!("the file is damaged: {detail}"),
        other => other.to_string(),
    };
    let mut checks = vec![check("Key and file type", false, first)];
    for name in [
        "Page authentication",
        "Database structure",
        "Audit chain",
        "Matches this workspace's record",
    ] {
        checks.push(check(name, false, "could not run: the file does not open"));
    }
    VerifyReport {
        number: row.number.clone(),
        ok: false,
        event_count: 0,
        chain_head: String::new(),
        checks,
        exhibits: Vec::new(),
    }
}

/// Runs the checks on an open, keyed connection. Never fails: a check that
/// cannot run is reported as failed with the reason.
pub(crate) fn run(conn: &Connection, row: &RegistryRow, supported: i64) -> VerifyReport {
    let mut checks = vec![check(
        "Key and file type",
        true,
        "the file opens with its key and is a Vigil case file",
    )];

    match migrate::user_version(conn) {
        Ok(v) => checks.push(check(
            "Format version",
            v <= supported,
            format!("version {v}; this Vigil reads up to version {supported}"),
        )),
        Err(e) => checks.push(check("Format version", false, format!("unreadable: {e}"))),
    }

    match cases::cipher_integrity(conn) {
        Ok(rows) if rows.is_empty() => checks.push(check(
            "Page authentication",
            true,
            "every encrypted page passes its HMAC check",
        )),
        Ok(rows) => checks.push(check(
            "Page authentication",
            false,
            format!(
                "{} page(s) fail their HMAC check: the file was damaged or altered",
                rows.len()
            ),
        )),
        Err(e) => checks.push(check(
            "Page authentication",
            false,
            format!("could not run: {e}"),
        )),
    }

    match cases::integrity(conn) {
        Ok(rows) if rows == ["ok"] => checks.push(check(
            "Database structure",
            true,
            "SQLite integrity check: ok",
        )),
        Ok(rows) => checks.push(check(
            "Database structure",
            false,
            format!("SQLite integrity check found {} problem(s)", rows.len()),
        )),
        Err(e) => checks.push(check(
            "Database structure",
            false,
            format!("could not run: {e}"),
        )),
    }

    let mut event_count = 0;
    let mut chain_head = String::new();
    match audit::verify(conn) {
        Ok(c) => {
            event_count = c.events;
            chain_head = c.head.hash.clone();
            match c.first_bad {
                None => checks.push(check(
                    "Audit chain",
                    c.events > 0,
                    if c.events > 0 {
                        format!("{} events; each hash links to the one before", c.events)
                    } else {
                        "the audit trail is empty".to_string()
                    },
                )),
                Some(bad) => checks.push(check(
                    "Audit chain",
                    false,
                    format!("event {bad} does not match its hash: the history was altered"),
                )),
            }
            match crate::workspace::check_against_register(conn, row, &c.head) {
                Ok(()) if c.head.seq == row.chain_seq => checks.push(check(
                    "Matches this workspace's record",
                    true,
                    format!("the file ends at event {}, as this workspace last recorded", c.head.seq),
                )),
                Ok(()) => checks.push(check(
                    "Matches this workspace's record",
                    true,
                    format!(
                        "the file continues the history this workspace recorded (event {}) with {} later event(s)",
                        row.chain_seq,
                        c.head.seq - row.chain_seq
                    ),
                )),
                Err(crate::Error::Tampered { detail, .. }) => {
                    checks.push(check("Matches this workspace's record", false, detail))
                }
                Err(e) => checks.push(check("Matches this workspace's record", false, format!("could not run: {e}"))),
            }
        }
        Err(e) => checks.push(check(
            "Audit chain",
            false,
            format!("could not be read: {e}"),
        )),
    }

    checks.push(records_check(conn));

    let exhibits = match crate::evidence::check_attachments(conn) {
        Ok(list) => {
            let bad: Vec<&str> = list
                .iter()
                .filter(|e| !e.ok)
                .map(|e| e.number.as_str())
                .collect();
            checks.push(if bad.is_empty() {
                check(
                    "Attached files unchanged",
                    true,
                    format!(
                        "{} file(s) hash to the SHA-256 recorded at intake",
                        list.len()
                    ),
                )
            } else {
                check(
                    "Attached files unchanged",
                    false,
                    format!(
                        "changed or damaged since intake: exhibit {}",
                        bad.join(", ")
                    ),
                )
            });
            list
        }
        Err(e) => {
            checks.push(check(
                "Attached files unchanged",
                false,
                format!("could not run: {e}"),
            ));
            Vec::new()
        }
    };

    VerifyReport {
        number: row.number.clone(),
        ok: checks.iter().all(|c| c.ok),
        event_count,
        chain_head,
        checks,
        exhibits,
    }
}

/// Each audited record must be in the state its last audit event describes;
/// a record edited outside Vigil is not.
fn records_check(conn: &Connection) -> VerifyCheck {
    const NAME: &str = "Records match the audit trail";
    let latest = match audit::latest_state_hashes(conn) {
        Ok(l) => l,
        Err(e) => return check(NAME, false, format!("could not run: {e}")),
    };
    let mut mismatched = Vec::new();
    for (entity, id, action, expected) in &latest {
        let current = match cases::entity_state_hash(conn, entity, id) {
            Ok(c) => c,
            Err(e) => return check(NAME, false, format!("could not read {entity}: {e}")),
        };
        let ok = if action.ends_with(".delete") {
            current.is_none()
        } else {
            current.as_deref() == Some(expected.as_str())
        };
        if !ok {
            mismatched.push(entity.clone());
        }
    }
    let header_audited = latest.iter().any(|(e, ..)| e == cases::HEADER_ENTITY);
    if !header_audited {
        mismatched.push("case header (no audit event)".to_string());
    }
    if mismatched.is_empty() {
        check(
            NAME,
            true,
            format!("{} record(s) are exactly as last recorded", latest.len()),
        )
    } else {
        check(
            NAME,
            false,
            format!(
                "changed outside Vigil since their last audit event: {}",
                mismatched.join(", ")
            ),
        )
    }
}
