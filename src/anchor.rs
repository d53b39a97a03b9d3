//! The rollback anchor: each case's last audit-chain position, kept outside
//! the workspace folder (in the user's configuration folder, or
//! `$VIGIL_ANCHOR_DIR`). Restoring the whole folder from an older copy rolls
//! the case files and the register back together, which the register cannot
//! see; the anchor can. At unlock, a case the anchor knows further than the
//! register is reported once, then the anchor follows the workspace.
//!
//! The anchor file carries a **generation**, raised at every unlock and lock;
//! the same number is kept in the OS keyring (Secret Service on Linux,
//! Credential Manager on Windows, Keychain on macOS) where there is one. An
//! anchor file older than the keyring's number was itself put back from a
//! copy, and that is reported too. The keyring holds one small number per
//! workspace (Windows limits an entry to 2.5 KB), is written twice per session
//! (never on the hot path) and is skipped when `$VIGIL_ANCHOR_DIR` or
//! `$VIGIL_NO_KEYRING` is set (tests, portable use).
//!
//! Limit: someone with the user's account can still edit both the file and
//! the keyring entry on purpose; this catches restored copies, not a
//! determined insider.

use crate::fsutil;
use crate::store::registry::RegistryRow;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::PathBuf;

#[derive(Serialize, Deserialize, Default)]
struct Anchors {
    /// Raised at every unlock and lock; also kept in the OS keyring.
    #[serde(default)]
    generation: u64,
    cases: BTreeMap<String, Anchor>,
}

/// A place outside the folder for the anchor file's generation.
pub(crate) trait GenerationStore {
    fn get(&self, workspace_id: &str) -> Option<u64>;
    fn set(&self, workspace_id: &str, generation: u64);
}

/// The OS keyring, where the platform has one.
pub(crate) struct OsKeyring;

const KEYRING_SERVICE: &str = "Vigil rollback anchor";

#[cfg(any(target_os = "linux", target_os = "windows", target_os = "macos"))]
impl GenerationStore for OsKeyring {
    fn get(&self, workspace_id: &str) -> Option<u64> {
        keyring::Entry::new(KEYRING_SERVICE, workspace_id)
            .ok()?
            .get_password()
            .ok()?
            .trim()
            .parse()
            .ok()
    }
    fn set(&self, workspace_id: &str, generation: u64) {
        if let Ok(e) = keyring::Entry::new(KEYRING_SERVICE, workspace_id) {
            // Best effort: no keyring (a headless machine) is not an error.
            let _ = e.set_password(&generation.to_string());
        }
    }
}

#[cfg(not(any(target_os = "linux", target_os = "windows", target_os = "macos")))]
impl GenerationStore for OsKeyring {
    fn get(&self, _: &str) -> Option<u64> {
        None
    }
    fn set(&self, _: &str, _: u64) {}
}

/// No keyring (tests and portable use).
pub(crate) struct NoKeyring;

impl GenerationStore for NoKeyring {
    fn get(&self, _: &str) -> Option<u64> {
        None
    }
    fn set(&self, _: &str, _: u64) {}
}

/// The keyring to use in this process.
pub(crate) fn keyring() -> &'static dyn GenerationStore {
    let off = std::env::var_os("VIGIL_ANCHOR_DIR").is_some()
        || std::env::var_os("VIGIL_NO_KEYRING").is_some();
    if off {
        &NoKeyring
    } else {
        &OsKeyring
    }
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
/// knows further (or that is gone), and one if the anchor file is older than
/// the keyring remembers. Then the anchor follows the register and both
/// generations move on.
pub(crate) fn check(workspace_id: &str, rows: &[RegistryRow]) -> Vec<String> {
    check_with(workspace_id, rows, keyring())
}

pub(crate) fn check_with(
    workspace_id: &str,
    rows: &[RegistryRow],
    keyring: &dyn GenerationStore,
) -> Vec<String> {
    let Some(p) = path(workspace_id) else {
        return Vec::new();
    };
    let a = read(&p);
    let mut warnings = Vec::new();
    let kept = keyring.get(workspace_id);
    if let Some(k) = kept.filter(|k| *k > a.generation) {
        warnings.push(format!(
            "this computer's record of the cases' last positions is older than the keyring remembers (generation {} against {k}): it was restored from an older copy, and the workspace folder may have been too",
            a.generation
        ));
    }
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
    let fresh = Anchors {
        generation: a.generation.max(kept.unwrap_or(0)) + 1,
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
        if fsutil::write_atomic(&p, &bytes).is_ok() {
            keyring.set(workspace_id, fresh.generation);
        }
    }
    warnings
}

/// At lock: the anchor file's generation moves on, and the keyring follows.
pub(crate) fn seal(workspace_id: &str) {
    seal_with(workspace_id, keyring());
}

pub(crate) fn seal_with(workspace_id: &str, keyring: &dyn GenerationStore) {
    let Some(p) = path(workspace_id) else { return };
    let mut a = read(&p);
    a.generation = a.generation.max(keyring.get(workspace_id).unwrap_or(0)) + 1;
    if let Ok(bytes) = serde_json::to_vec(&a) {
        if fsutil::write_atomic(&p, &bytes).is_ok() {
            keyring.set(workspace_id, a.generation);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;
    use std::collections::HashMap;

    #[derive(Default)]
    struct MemoryKeyring(RefCell<HashMap<String, u64>>);

    impl GenerationStore for MemoryKeyring {
        fn get(&self, id: &str) -> Option<u64> {
            self.0.borrow().get(id).copied()
        }
        fn set(&self, id: &str, g: u64) {
            self.0.borrow_mut().insert(id.to_string(), g);
        }
    }

    fn row(seq: i64) -> RegistryRow {
        RegistryRow {
            case_id: "c1".into(),
            number: "A-1".into(),
            file_name: "A-1.vigil".into(),
            key_nonce: vec![],
            wrapped_key: vec![],
            title: String::new(),
            status: crate::case::CaseStatus::Active,
            read_only: false,
            chain_seq: seq,
            chain_head: "h".into(),
            last_activity: String::new(),
        }
    }

    /// The folder and the anchor file both restored from an older copy: the
    /// keyring's generation gives it away.
    #[test]
    fn an_anchor_file_put_back_from_a_copy_is_caught_by_the_keyring() {
        let id = format!("anchor-test-{}", crate::crypto::random_id().unwrap());
        let kr = MemoryKeyring::default();
        let p = path(&id).unwrap();
        assert!(check_with(&id, &[row(1)], &kr).is_empty(), "first unlock");
        record(&id, "c1", "A-1", 2, "h2");
        seal_with(&id, &kr);
        let backup = std::fs::read(&p).unwrap();
        // A later session moves on.
        assert!(check_with(&id, &[row(2)], &kr).is_empty());
        record(&id, "c1", "A-1", 5, "h5");
        seal_with(&id, &kr);
        // Restore the folder (register at 2) and the anchor file (at 2) together.
        std::fs::write(&p, &backup).unwrap();
        let w = check_with(&id, &[row(2)], &kr);
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(w[0].contains("older than the keyring remembers"), "{w:?}");
        // Said once; then the record follows the workspace.
        assert!(check_with(&id, &[row(2)], &kr).is_empty());
        // Without a keyring the same restore goes unseen (the documented limit).
        std::fs::write(&p, &backup).unwrap();
        assert!(check_with(&id, &[row(2)], &NoKeyring).is_empty());
        let _ = std::fs::remove_file(&p);
    }
}
