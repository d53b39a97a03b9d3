//! The rollback anchor: each case's last audit-chain position, kept outside
//! the workspace folder (in the user's configuration folder, or
//! `$VIGIL_ANCHOR_DIR`). Restoring the whole folder from an older copy rolls
//! the case files and the register back together, which the register cannot
//! see; the anchor can. At unlock, a case the anchor knows further than the
//! register is reported once, then the anchor follows the workspace.
//!
//! Limit: someone with the user's account can roll the anchor back too; the
//! OS keyring would raise that bar and is not used yet.

use crate::fsutil;
use crate::store::registry::RegistryRow;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::PathBuf;

#[derive(Serialize, Deserialize, Default)]
struct Anchors {
    cases: BTreeMap<String, Anchor>,
}

#[derive(Serialize, Deserialize, Clone)]
struct Anchor {
    number: String,
    seq: i64,
    head: String,
}

/// The anchor file of a workspace, if the platform has a place for it.
pub(crate) fn path(workspace_id: &str) -> Option<PathBuf> {
    let dir = match std::env::var_os("VIGIL_ANCHOR_DIR") {
        Some(d) => PathBuf::from(d),
        None => directories::ProjectDirs::from("org", "Vigil", "Vigil")?
            .config_dir()
            .join("anchors"),
    };
    Some(dir.join(format!("{workspace_id}.json")))
}

fn read(path: &PathBuf) -> Anchors {
    std::fs::read(path)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default()
}

/// Records a case's position (best effort: an anchor that cannot be written
/// must not stop casework).
pub(crate) fn record(workspace_id: &str, case_id: &str, number: &str, seq: i64, head: &str) {
    let Some(p) = path(workspace_id) else { return };
    let mut a = read(&p);
    a.cases.insert(
        case_id.to_string(),
        Anchor {
            number: number.to_string(),
            seq,
            head: head.to_string(),
        },
    );
    if let Some(dir) = p.parent() {
        if std::fs::create_dir_all(dir).is_ok() {
            fsutil::owner_only(dir);
        }
    }
    if let Ok(bytes) = serde_json::to_vec(&a) {
        // Replaced by rename, not synced: this runs after every write to a
        // case, and losing the last position in a crash only under-reports.
        let tmp = p.with_extension("json.tmp");
        if std::fs::write(&tmp, &bytes).is_ok() {
            fsutil::owner_only(&tmp);
            let _ = std::fs::rename(&tmp, &p);
        }
    }
}

/// Compares the register with the anchor: one warning per case the anchor
/// knows further (or that is gone). Then the anchor follows the register.
pub(crate) fn check(workspace_id: &str, rows: &[RegistryRow]) -> Vec<String> {
    let Some(p) = path(workspace_id) else {
        return Vec::new();
    };
    let a = read(&p);
    let mut warnings = Vec::new();
    for (case_id, anchor) in &a.cases {
        match rows.iter().find(|r| &r.case_id == case_id) {
            Some(r) if r.chain_seq < anchor.seq => warnings.push(format!(
                "case {}: this computer last recorded audit event {}, but the workspace holds only {}; the workspace folder may have been restored from an older copy, so recent work may be missing",
                anchor.number, anchor.seq, r.chain_seq
            )),
            None => warnings.push(format!(
                "case {} was in this workspace (audit event {}) but is no longer in its register; the workspace folder may have been restored from an older copy",
                anchor.number, anchor.seq
            )),
            _ => {}
        }
    }
    if !warnings.is_empty() || a.cases.len() != rows.len() {
        let fresh = Anchors {
            cases: rows
                .iter()
                .map(|r| {
                    (
                        r.case_id.clone(),
                        Anchor {
                            number: r.number.clone(),
                            seq: r.chain_seq,
                            head: r.chain_head.clone(),
                        },
                    )
                })
                .collect(),
        };
        if let Ok(bytes) = serde_json::to_vec(&fresh) {
            let _ = fsutil::write_atomic(&p, &bytes);
        }
    }
    warnings
}
