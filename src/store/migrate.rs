//! Schema migrations on `PRAGMA user_version`.
//!
//! Migrations are embedded SQL, applied in order, each in one IMMEDIATE
//! transaction that also sets `user_version`. A file newer than this binary
//! is refused. Released migrations are never edited: a test pins their
//! SHA-256, so add a new file instead.

use crate::{Error, Result};
use rusqlite::Connection;
use std::path::Path;

/// One schema step.
#[derive(Debug)]
pub(crate) struct Migration {
    /// The `user_version` after this step (1, 2, …).
    pub version: i64,
    /// File name, for the checksum test.
    #[cfg_attr(not(test), allow(dead_code))]
    pub name: &'static str,
    /// The SQL.
    pub sql: &'static str,
}

/// Case-file migrations.
pub(crate) const CASE: &[Migration] = &[
    Migration {
        version: 1,
        name: "case/0001_init.sql",
        sql: include_str!("migrations/case/0001_init.sql"),
    },
    Migration {
        version: 2,
        name: "case/0002_people_incidents.sql",
        sql: include_str!("migrations/case/0002_people_incidents.sql"),
    },
    Migration {
        version: 3,
        name: "case/0003_protocol_risk_management.sql",
        sql: include_str!("migrations/case/0003_protocol_risk_management.sql"),
    },
    Migration {
        version: 4,
        name: "case/0004_evidence.sql",
        sql: include_str!("migrations/case/0004_evidence.sql"),
    },
    Migration {
        version: 5,
        name: "case/0005_packet.sql",
        sql: include_str!("migrations/case/0005_packet.sql"),
    },
    Migration {
        version: 6,
        name: "case/0006_training.sql",
        sql: include_str!("migrations/case/0006_training.sql"),
    },
];

/// Workspace-database migrations.
pub(crate) const WORKSPACE: &[Migration] = &[
    Migration {
        version: 1,
        name: "workspace/0001_init.sql",
        sql: include_str!("migrations/workspace/0001_init.sql"),
    },
    Migration {
        version: 2,
        name: "workspace/0002_review.sql",
        sql: include_str!("migrations/workspace/0002_review.sql"),
    },
];

/// The schema version this binary writes for case files.
pub const CASE_SCHEMA_VERSION: i64 = CASE.len() as i64;

pub(crate) fn user_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
}

pub(crate) fn check_not_newer(
    conn: &Connection,
    path: &Path,
    migrations: &[Migration],
) -> Result<i64> {
    let found = user_version(conn).map_err(|e| super::map_err(path, e))?;
    let supported = migrations.len() as i64;
    if found > supported {
        return Err(Error::NewerFormat {
            path: path.to_path_buf(),
            found,
            supported,
        });
    }
    Ok(found)
}

/// Brings `conn` to the latest version.
pub(crate) fn run(conn: &mut Connection, path: &Path, migrations: &[Migration]) -> Result<()> {
    let current = check_not_newer(conn, path, migrations)?;
    for m in migrations.iter().filter(|m| m.version > current) {
        super::write_tx(conn, path, |tx| {
            tx.execute_batch(m.sql)?;
            tx.pragma_update(None, "user_version", m.version)?;
            Ok(())
        })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Released migrations must never change: files in the field were made
    /// with them. If this fails, revert the edit and add a new migration.
    #[test]
    fn released_migrations_are_unchanged() {
        let pinned: &[(&str, &str)] = &[
            (
                "case/0001_init.sql",
                "cadbd44dac50f552f48cd18ec1825055f21d61d67af671c84b992776def69226",
            ),
            (
                "case/0002_people_incidents.sql",
                "cdd872b2859204cdfd4976a7ad14f495248e77e006da9ce2681be7a40188a326",
            ),
            (
                "case/0003_protocol_risk_management.sql",
                "75e952e8b16daaf81e61422a9996c9547671daa5ea332ab513ea9ab365eee9c2",
            ),
            (
                "case/0004_evidence.sql",
                "63b35ecc6c109443025612f8cbe840d9ba59c77a825a9c8f64aebf0a7160bf80",
            ),
            (
                "case/0005_packet.sql",
                "b65ca38f3f8f0353fb47a7dd64418728117f76648d047dca579eeffeb13c5fd7",
            ),
            (
                "case/0006_training.sql",
                "6240b2a1f996605f9402217f460f3fded73d962aa8e9103746ca235388514e4a",
            ),
            (
                "workspace/0001_init.sql",
                "8ed25b1e9983c3cd34d21050c278cf7ac5bf53b693080c673c8345882fbb606d",
            ),
            (
                "workspace/0002_review.sql",
                "6b427a1e72fed78f253f060d2b793e5430d5aa49a0218a6188e8443d26cb6484",
            ),
        ];
        // A new migration is pinned when it is released: add it here.
        assert_eq!(
            pinned.len(),
            CASE.len() + WORKSPACE.len(),
            "every migration must be pinned"
        );
        for (name, sum) in pinned {
            let m = CASE
                .iter()
                .chain(WORKSPACE)
                .find(|m| m.name == *name)
                .unwrap();
            assert_eq!(
                crate::crypto::to_hex(&crate::crypto::sha256(m.sql.as_bytes())),
                *sum,
                "{name} was edited"
            );
        }
    }

    #[test]
    fn versions_are_consecutive() {
        for set in [CASE, WORKSPACE] {
            for (i, m) in set.iter().enumerate() {
                assert_eq!(m.version, i as i64 + 1, "{}", m.name);
            }
        }
    }
}
