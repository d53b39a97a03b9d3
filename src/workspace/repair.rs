//! Rebuilding the register (`workspace.db`) from the case files, and taking
//! back case files the register does not list.
//!
//! Each case file is opened with the key in its sidecar, checked page by
//! page (`cipher_integrity_check`), structurally (`integrity_check`) and
//! along its audit chain before it is registered; a file that fails is
//! reported and left where it is, untouched.

use super::{
    authenticate, open_register, rotate, sidecar, summary, write_attempts, Attempts, Credential,
    Register, UnlockedWorkspace, DB_FILE,
};
use crate::case::{CaseSummary, HandoverMode};
use crate::store::{self, audit, cases, registry, FileKind, Mode};
use crate::{crypto, fsutil, Error, Result};
use serde::Serialize;
use std::path::Path;

/// What happened to one case file during a repair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum RepairOutcome {
    /// Checked and entered in the register.
    Registered,
    /// Already in the register; left as it was.
    AlreadyRegistered,
    /// Not taken in; `detail` says why. The file was not changed.
    Refused,
}

/// One case file found by a repair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RepairedCase {
    /// The file in `cases/`.
    pub file_name: String,
    /// The case number, when the file could be read.
    pub number: Option<String>,
    /// What happened.
    pub outcome: RepairOutcome,
    /// Why, for a refusal.
    pub detail: Option<String>,
}

/// What `repair` found and did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RepairReport {
    /// True when the register was rebuilt (it was missing or damaged).
    pub rebuilt: bool,
    /// Where the damaged register was moved, if there was one.
    pub set_aside: Option<String>,
    /// Every case file found, with its outcome.
    pub cases: Vec<RepairedCase>,
    /// What the user should know or do next.
    pub notes: Vec<String>,
}

/// A case file in `cases/` that the register does not list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct UnregisteredCase {
    /// The file in `cases/`.
    pub file_name: String,
    /// True when this workspace holds its key (adopting checks it fully).
    pub adoptable: bool,
    /// Why it cannot be adopted, when it cannot.
    pub reason: Option<String>,
}

/// Unlocks `dir` and mends its register: a missing or damaged
/// `workspace.db` is set aside and rebuilt from the case files; a sound one
/// is kept. Either way, every case file the register lacks is checked and
/// taken in, and each is reported.
pub fn repair(dir: &Path, credential: Credential<'_>) -> Result<(UnlockedWorkspace, RepairReport)> {
    let mut auth = authenticate(dir, credential)?;
    rotate::finish(dir, &auth.wkey)?;
    let mut notes = Vec::new();
    let (reg, rebuilt, set_aside) = match open_register(dir, &auth.wkey).and_then(|r| sound(dir, r))
    {
        Ok(reg) => (reg, false, None),
        Err(Error::WorkspaceDamaged { detail, .. }) => {
            let aside = set_aside(dir)?;
            let db = store::open(
                &dir.join(DB_FILE),
                &auth.wkey.db_key(),
                None,
                FileKind::Workspace,
                Mode::Create,
            )?;
            notes.push(format!(
                "The register was rebuilt (what was found: {detail}). The investigator's profile, the settings, the agency's taxonomy and statute choices and the packet signing key were kept only there: set the profile again; the next packet export makes a new signing key with a new fingerprint."
            ));
            let reg = Register {
                db,
                profile: None,
                taxonomy: crate::taxonomy::Taxonomy::default_taxonomy(),
                rows: Vec::new(),
            };
            (reg, true, aside)
        }
        Err(e) => return Err(e),
    };
    if std::mem::take(&mut auth.attempts).failures > 0 {
        write_attempts(dir, &Attempts::default())?;
    }
    let mut ws = UnlockedWorkspace::assemble(dir, auth, reg.db, reg.profile, reg.taxonomy);
    let mut found: Vec<RepairedCase> = reg
        .rows
        .iter()
        .map(|r| RepairedCase {
            file_name: r.file_name.clone(),
            number: Some(r.number.clone()),
            outcome: RepairOutcome::AlreadyRegistered,
            detail: None,
        })
        .collect();
    for u in ws.unregistered_cases()? {
        found.push(match ws.adopt_case(&u.file_name) {
            Ok(s) => RepairedCase {
                file_name: u.file_name,
                number: Some(s.number),
                outcome: RepairOutcome::Registered,
                detail: None,
            },
            Err(e) => RepairedCase {
                file_name: u.file_name,
                number: None,
                outcome: RepairOutcome::Refused,
                detail: Some(e.to_string()),
            },
        });
    }
    found.sort_by(|a, b| a.file_name.cmp(&b.file_name));
    let rows = registry::list(&ws.db)?;
    notes.extend(crate::anchor::check(&ws.id, &rows));
    notes.extend(ws.backfill_sidecars(&rows));
    Ok((
        ws,
        RepairReport {
            rebuilt,
            set_aside,
            cases: found,
            notes,
        },
    ))
}

/// Writes a new key file when it was lost, from the recovery key and the
/// copy of the recovery envelope each case's sidecar carries. The workspace
/// keeps its key (so the same recovery key goes on working); `new` becomes
/// its passphrase. Run [`repair`] next to rebuild the register if needed.
pub fn restore_key_file(
    dir: &Path,
    rk: &crate::secret::RecoveryKey,
    new: &crate::secret::Passphrase,
    kdf: crypto::KdfParams,
) -> Result<()> {
    if super::exists(dir) {
        return Err(Error::WorkspaceExists {
            dir: dir.to_path_buf(),
        });
    }
    let a = crate::passphrase::assess(new, &[]);
    if !a.acceptable {
        return Err(Error::validation("new passphrase", a.problems.join(" ")));
    }
    let cases = dir.join(super::CASES_DIR);
    let entries = std::fs::read_dir(&cases).map_err(|e| Error::io(&cases, e))?;
    let mut seen_sidecar = false;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        let Some(case_file) = name.strip_suffix(sidecar::SUFFIX) else {
            continue;
        };
        let Ok(Some(sc)) = sidecar::read(&cases.join(case_file)) else {
            continue;
        };
        seen_sidecar = true;
        let wid = &sc.workspace_id;
        for env in sc.recovery_envelopes() {
            let Some(w) = super::wrapped_from(env) else {
                continue;
            };
            let Some(key) =
                crypto::unwrap(&super::recovery_kek(rk, wid), &w, &super::recovery_aad(wid))
            else {
                continue;
            };
            let wkey = super::WorkspaceKey(key);
            let keyring = super::Keyring {
                format: super::KEYRING_FORMAT.into(),
                version: super::KEYRING_VERSION,
                workspace_id: wid.clone(),
                created_at: crate::now_rfc3339(),
                passphrase: super::passphrase_envelope(&wkey, new, kdf, wid)?,
                recovery: env.clone(),
                checksum: None,
            };
            return super::write_keyring(dir, &keyring);
        }
    }
    Err(if seen_sidecar {
        Error::WrongRecoveryKey
    } else {
        Error::NotFound {
            kind: "case key sidecar in",
            id: cases.display().to_string(),
        }
    })
}

/// The register passes SQLite's structural check (its pages' authentication
/// was checked when it was opened).
fn sound(dir: &Path, reg: Register) -> Result<Register> {
    let damaged = |detail: String| Error::WorkspaceDamaged {
        path: dir.join(DB_FILE),
        detail,
    };
    let structure = cases::integrity(&reg.db).map_err(|e| damaged(e.to_string()))?;
    if structure != ["ok"] {
        return Err(damaged(format!(
            "SQLite found {} problem(s) in its structure",
            structure.len()
        )));
    }
    Ok(reg)
}

/// Moves a damaged `workspace.db` (and its log) aside, kept for inspection.
fn set_aside(dir: &Path) -> Result<Option<String>> {
    let db = dir.join(DB_FILE);
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S");
    let aside_name = format!("{DB_FILE}.damaged-{stamp}");
    let mut moved = None;
    for ext in ["", "-wal"] {
        let from = dir.join(format!("{DB_FILE}{ext}"));
        if from.exists() {
            let to = dir.join(format!("{aside_name}{ext}"));
            fsutil::rename_durable(&from, &to)?;
            if ext.is_empty() {
                moved = Some(to.display().to_string());
            }
        }
    }
    fsutil::remove_db_files(&db);
    Ok(moved)
}

impl UnlockedWorkspace {
    /// Case files in `cases/` that the register does not list (after an
    /// older `workspace.db` was put back, or a repair).
    pub fn unregistered_cases(&self) -> Result<Vec<UnregisteredCase>> {
        let dir = self.cases_dir();
        let known: std::collections::HashSet<String> = registry::list(&self.db)?
            .into_iter()
            .map(|r| r.file_name)
            .collect();
        let entries = std::fs::read_dir(&dir).map_err(|e| Error::io(&dir, e))?;
        let mut out = Vec::new();
        for entry in entries.flatten() {
            let Some(name) = entry.file_name().to_str().map(str::to_string) else {
                continue;
            };
            if name.starts_with('.') || !name.ends_with(".vigil") || known.contains(&name) {
                continue;
            }
            let reason = self
                .why_not_adoptable(&name, sidecar::read(&entry.path()))
                .err();
            out.push(UnregisteredCase {
                file_name: name,
                adoptable: reason.is_none(),
                reason,
            });
        }
        out.sort_by(|a, b| a.file_name.cmp(&b.file_name));
        Ok(out)
    }

    /// The sidecar of an unregistered case file, if this workspace can
    /// open it; else why not, in words.
    fn why_not_adoptable(
        &self,
        name: &str,
        read: Result<Option<sidecar::Sidecar>>,
    ) -> std::result::Result<sidecar::Sidecar, String> {
        match read {
            Ok(Some(s)) if s.workspace_id != self.id => Err(
                "it belongs to another workspace; ask for a sealed handover copy and receive it"
                    .to_string(),
            ),
            Ok(Some(s)) if !s.has(&self.key.id()) => {
                Err("its key sidecar is not wrapped under this workspace's key".to_string())
            }
            Ok(Some(s)) => Ok(s),
            Ok(None) => Err(format!(
                "its key sidecar ({name}{}) is missing, so no key for it is left in this workspace",
                sidecar::SUFFIX
            )),
            Err(e) => Err(e.to_string()),
        }
    }

    /// Takes a case file the register does not list back into it, after the
    /// same checks as receiving a handover file (pages, structure, audit
    /// chain). The adoption is recorded in the case's audit chain.
    pub fn adopt_case(&mut self, file_name: &str) -> Result<CaseSummary> {
        let file_name = file_name.trim();
        let path = self.cases_dir().join(file_name);
        let listed = !file_name.starts_with('.')
            && file_name.ends_with(".vigil")
            && !file_name.contains(['/', '\\'])
            && path.is_file()
            && registry::list(&self.db)?
                .iter()
                .all(|r| r.file_name != file_name);
        if !listed {
            return Err(Error::NotFound {
                kind: "unregistered case file",
                id: file_name.to_string(),
            });
        }
        let sc = self
            .why_not_adoptable(file_name, sidecar::read(&path))
            .map_err(|reason| Error::validation("case file", reason))?;
        let key = sc.case_key(&self.key).ok_or_else(|| Error::Corrupt {
            path: sidecar::path_for(&path),
            detail: "the case key in it does not unwrap with this workspace's key".into(),
        })?;
        // Read-only: nothing is written to a file before it passes its checks.
        let conn = store::open(&path, &key, None, FileKind::Case, Mode::ReadOnly)?;
        let damaged = |detail: String| Error::Corrupt {
            path: path.clone(),
            detail,
        };
        let bad = cases::cipher_integrity(&conn)?;
        if !bad.is_empty() {
            return Err(damaged(format!(
                "{} page(s) fail their authentication check",
                bad.len()
            )));
        }
        if cases::integrity(&conn)? != ["ok"] {
            return Err(damaged("SQLite found problems in its structure".into()));
        }
        let header = cases::read_header(&conn)?
            .ok_or_else(|| damaged("the case header is missing".into()))?;
        if header.case_id != sc.case_id {
            return Err(damaged(
                "its key sidecar belongs to a different case".into(),
            ));
        }
        let chain = audit::verify(&conn)?;
        if let Some(bad) = chain.first_bad {
            return Err(Error::Tampered {
                number: header.number,
                detail: format!("audit event {bad} does not match its hash"),
            });
        }
        self.check_realm(cases::training_mark(&conn)?.is_some(), &header.number)?;
        let read_only =
            cases::read_handover(&conn)?.is_some_and(|h| h.mode == HandoverMode::Review);
        drop(conn);
        if registry::find_by_number(&self.db, &header.number)?.is_some() {
            return Err(Error::AlreadyExists {
                kind: "case",
                id: header.number,
            });
        }
        let wrapped = crypto::wrap(
            &self.key.wrap_kek(),
            &key,
            &super::case_key_aad(&header.case_id),
        )?;
        let row = registry::RegistryRow {
            case_id: header.case_id.clone(),
            number: header.number.clone(),
            file_name: file_name.to_string(),
            key_nonce: wrapped.nonce,
            wrapped_key: wrapped.ciphertext,
            title: header.title.clone(),
            status: header.status,
            read_only,
            chain_seq: chain.head.seq,
            chain_head: chain.head.hash,
            last_activity: crate::now_rfc3339(),
        };
        let db_path = self.dir.join(DB_FILE);
        store::write_tx(&mut self.db, &db_path, |tx| registry::insert(tx, &row))?;
        self.custody(
            &header.number,
            "case.adopt",
            serde_json::json!({ "file": file_name }),
        )?;
        Ok(summary(self.row(&header.number)?))
    }
}
