//! The workspace: a folder holding the key file, the workspace database and
//! one encrypted file per case.
//!
//! ```text
//! <workspace>/
//!   vigil-workspace.json   key envelopes (plaintext JSON, holds no case content)
//!   unlock-attempts.json   failed-unlock counter (plaintext, no content)
//!   workspace.lock         held while a process has the workspace unlocked
//!   workspace.db           SQLCipher: profile, settings, case register
//!   cases/<number>.vigil   SQLCipher: one case each, own random key
//! ```
//!
//! Key hierarchy: a random 256-bit workspace key is wrapped twice, under
//! Argon2id(passphrase) and under the recovery key. The workspace database is
//! keyed with a sub-key of it; each case key is random and stored wrapped
//! under another sub-key, in the register. Changing the passphrase rewraps
//! the workspace key only.

use crate::case::*;
use crate::crypto::{self, KdfParams, Wrapped};
use crate::secret::{Passphrase, RecoveryKey, SecretKey};
use crate::store::{self, audit, cases, registry, FileKind, Mode};
use crate::{fsutil, Error, Result};
use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

mod repair;
mod rotate;
pub(crate) mod sidecar;

pub use repair::{
    repair, restore_key_file, RepairOutcome, RepairReport, RepairedCase, UnregisteredCase,
};
pub use rotate::RotateStep;

const KEYRING_FILE: &str = "vigil-workspace.json";
const ATTEMPTS_FILE: &str = "unlock-attempts.json";
const LOCK_FILE: &str = "workspace.lock";
pub(crate) const DB_FILE: &str = "workspace.db";
const CASES_DIR: &str = "cases";
const KEYRING_FORMAT: &str = "vigil-workspace";
const KEYRING_VERSION: u32 = 1;

/// Failures allowed before each further attempt must wait.
pub const FREE_ATTEMPTS: u32 = 5;

/// The investigator using this workspace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Profile {
    /// Full name.
    pub name: String,
    /// Badge or ID number.
    pub badge: String,
    /// Unit.
    pub unit: String,
    /// Agency.
    pub agency: String,
}

impl Profile {
    fn validated(&self) -> Result<Profile> {
        Ok(Profile {
            name: validate_text("name", &self.name, 120)?,
            badge: validate_text("badge or ID", &self.badge, 40)?,
            unit: validate_text("unit", &self.unit, 120)?,
            agency: validate_text("agency", &self.agency, 120)?,
        })
    }

    fn parts(&self) -> [&str; 4] {
        [&self.name, &self.badge, &self.unit, &self.agency]
    }
}

/// Workspace settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    /// Lock after this many minutes without input (1–240).
    pub idle_minutes: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { idle_minutes: 15 }
    }
}

/// What a successful unlock reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct UnlockReport {
    /// Failed attempts since the previous successful unlock.
    pub failed_attempts: u32,
    /// First of them (RFC 3339, UTC).
    pub first_failed_at: Option<String>,
    /// Last of them.
    pub last_failed_at: Option<String>,
    /// The investigator's profile, if set.
    pub profile: Option<Profile>,
    /// Cases this computer knew further than the workspace now holds (the
    /// folder restored from an older copy), in words.
    pub warnings: Vec<String>,
}

/// How to unlock.
pub enum Credential<'a> {
    /// The workspace passphrase.
    Passphrase(&'a Passphrase),
    /// The recovery key shown at set-up.
    RecoveryKey(&'a RecoveryKey),
}

#[derive(Serialize, Deserialize, Clone)]
pub(crate) struct Envelope {
    #[serde(skip_serializing_if = "Option::is_none", default)]
    kdf: Option<KdfParams>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    salt: Option<String>,
    nonce: String,
    ciphertext: String,
}

#[derive(Serialize, Deserialize, Clone)]
struct Keyring {
    format: String,
    version: u32,
    workspace_id: String,
    created_at: String,
    passphrase: Envelope,
    recovery: Envelope,
    /// SHA-256 of the file's other fields: tells damage (exit 7, not counted
    /// as a failed attempt) from a wrong passphrase. Absent in files written
    /// before it existed; added at the next unlock.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    checksum: Option<String>,
}

impl Keyring {
    fn compute_checksum(&self) -> Result<String> {
        let fields = serde_json::json!({
            "format": self.format,
            "version": self.version,
            "workspace_id": self.workspace_id,
            "created_at": self.created_at,
            "passphrase": self.passphrase,
            "recovery": self.recovery,
        });
        let bytes = serde_json::to_vec(&fields).map_err(|_| Error::Crypto("keyring encoding"))?;
        Ok(crypto::to_hex(&crypto::sha256(&bytes)))
    }
}

#[derive(Serialize, Deserialize, Default)]
struct Attempts {
    failures: u32,
    first_failed_at: Option<String>,
    last_failed_at: Option<String>,
}

/// The platform's data folder for Vigil (e.g. `~/.local/share/vigil` on Linux,
/// `%APPDATA%\Vigil\Vigil\data` on Windows), plus `workspace`.
pub fn default_dir() -> Result<PathBuf> {
    directories::ProjectDirs::from("org", "Vigil", "Vigil")
        .map(|d| d.data_dir().join("workspace"))
        .ok_or_else(|| Error::validation("workspace", "no home folder found; pass --workspace"))
}

/// True when `dir` holds a workspace.
pub fn exists(dir: &Path) -> bool {
    dir.join(KEYRING_FILE).is_file()
}

/// How long the next attempt must wait after `failures` failures, the last at
/// `last`: nothing for the first five, then 30 s doubling up to 15 minutes.
pub fn lockout_remaining(
    failures: u32,
    last: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Option<Duration> {
    if failures < FREE_ATTEMPTS {
        return None;
    }
    let step = (failures - FREE_ATTEMPTS).min(5);
    let delay = (30u64 << step).min(900);
    let until = last + chrono::Duration::seconds(delay as i64);
    // A last failure "in the future" (a clock set back, or an edited file)
    // never makes anyone wait longer than the schedule's step.
    (until > now).then(|| {
        (until - now)
            .to_std()
            .unwrap_or_default()
            .min(Duration::from_secs(delay))
    })
}

fn wrapped_from(env: &Envelope) -> Option<Wrapped> {
    Some(Wrapped {
        nonce: data_encoding::HEXLOWER.decode(env.nonce.as_bytes()).ok()?,
        ciphertext: data_encoding::HEXLOWER
            .decode(env.ciphertext.as_bytes())
            .ok()?,
    })
}

fn envelope(w: &Wrapped, kdf: Option<KdfParams>, salt: Option<&[u8]>) -> Envelope {
    Envelope {
        kdf,
        salt: salt.map(crypto::to_hex),
        nonce: crypto::to_hex(&w.nonce),
        ciphertext: crypto::to_hex(&w.ciphertext),
    }
}

fn passphrase_aad(id: &str) -> Vec<u8> {
    format!("vigil/workspace-key/v1/passphrase/{id}").into_bytes()
}
fn recovery_aad(id: &str) -> Vec<u8> {
    format!("vigil/workspace-key/v1/recovery/{id}").into_bytes()
}
fn case_key_aad(case_id: &str) -> Vec<u8> {
    format!("vigil/case-key/v1/{case_id}").into_bytes()
}
fn recovery_kek(rk: &RecoveryKey, id: &str) -> SecretKey {
    crypto::subkey(rk.key(), &format!("vigil/recovery-kek/v1/{id}"))
}

fn passphrase_envelope(
    wkey: &WorkspaceKey,
    pass: &Passphrase,
    kdf: KdfParams,
    id: &str,
) -> Result<Envelope> {
    let mut salt = [0u8; 16];
    crypto::fill_random(&mut salt)?;
    let kek = crypto::derive_key(pass, &salt, kdf)?;
    let w = crypto::wrap(&kek, &wkey.0, &passphrase_aad(id))?;
    Ok(envelope(&w, Some(kdf), Some(&salt)))
}

fn read_keyring(dir: &Path) -> Result<Keyring> {
    let path = dir.join(KEYRING_FILE);
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Error::NoWorkspace {
                dir: dir.to_path_buf(),
            })
        }
        Err(e) => return Err(Error::io(&path, e)),
    };
    parse_keyring(&path, &bytes)
}

/// Checks a key file's bytes (format, version, checksum) the way unlocking
/// does, without a passphrase: for the fuzz target.
pub(crate) fn check_keyring_bytes(bytes: &[u8]) -> Result<()> {
    parse_keyring(Path::new(KEYRING_FILE), bytes).map(|_| ())
}

/// Reads a key file's bytes: its format, version and checksum.
fn parse_keyring(path: &Path, bytes: &[u8]) -> Result<Keyring> {
    let path = path.to_path_buf();
    let k: Keyring = serde_json::from_slice(bytes).map_err(|e| Error::BadKeyring {
        path: path.clone(),
        detail: format!("line {}", e.line()),
    })?;
    if k.format != KEYRING_FORMAT {
        return Err(Error::BadKeyring {
            path,
            detail: "unknown format".into(),
        });
    }
    if k.version > KEYRING_VERSION {
        return Err(Error::NewerFormat {
            path,
            found: k.version.into(),
            supported: KEYRING_VERSION.into(),
        });
    }
    if let Some(sum) = &k.checksum {
        if *sum != k.compute_checksum()? {
            return Err(Error::Corrupt {
                path,
                detail: "the key file's checksum does not match its content, so it was damaged or edited; this does not count as a wrong passphrase".into(),
            });
        }
    }
    Ok(k)
}

fn write_keyring(dir: &Path, k: &Keyring) -> Result<()> {
    let mut k = Keyring {
        checksum: None,
        ..k.clone()
    };
    k.checksum = Some(k.compute_checksum()?);
    let bytes = serde_json::to_vec_pretty(&k).map_err(|_| Error::Crypto("keyring encoding"))?;
    fsutil::write_atomic(&dir.join(KEYRING_FILE), &bytes)
}

fn read_attempts(dir: &Path) -> Attempts {
    std::fs::read(dir.join(ATTEMPTS_FILE))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default()
}

fn write_attempts(dir: &Path, a: &Attempts) -> Result<()> {
    let bytes = serde_json::to_vec(a).map_err(|_| Error::Crypto("attempts encoding"))?;
    fsutil::write_atomic(&dir.join(ATTEMPTS_FILE), &bytes)
}

fn acquire_lock(dir: &Path) -> Result<std::fs::File> {
    let path = dir.join(LOCK_FILE);
    let f = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| Error::io(&path, e))?;
    // The lock belongs to the open file, and a child process shares it from
    // its fork until its exec: when another thread of this process has just
    // started one (WebKit starting a helper, a test starting the CLI), a lock
    // released a moment ago can still look held. Wait briefly before saying
    // the workspace is in use.
    let deadline = std::time::Instant::now() + std::time::Duration::from_millis(750);
    loop {
        match f.try_lock() {
            Ok(()) => return Ok(f),
            Err(std::fs::TryLockError::WouldBlock) if std::time::Instant::now() < deadline => {
                std::thread::sleep(std::time::Duration::from_millis(25));
            }
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(Error::Locked {
                    path: dir.to_path_buf(),
                })
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(Error::io(&path, e)),
        }
    }
}

/// The workspace key: 256 random bits, from which the workspace database's
/// key and the case-key wrapping key are derived.
pub(crate) struct WorkspaceKey(SecretKey);

impl WorkspaceKey {
    fn random() -> Result<WorkspaceKey> {
        Ok(WorkspaceKey(SecretKey::random()?))
    }
    /// A short public name for this key (a hash of a sub-key), telling apart
    /// the keys before and after a rotation.
    pub(crate) fn id(&self) -> String {
        let k = crypto::subkey(&self.0, "vigil/key-id/v1");
        crypto::to_hex(&crypto::sha256(k.bytes()))[..16].to_string()
    }
    fn db_key(&self) -> SecretKey {
        crypto::subkey(&self.0, "vigil/workspace-db/v1")
    }
    pub(crate) fn wrap_kek(&self) -> SecretKey {
        crypto::subkey(&self.0, "vigil/case-key-wrap/v1")
    }
}

/// Creates a workspace in `dir` and unlocks it. Returns the recovery key,
/// which must be shown to the user once and is not stored anywhere.
pub fn create(
    dir: &Path,
    passphrase: &Passphrase,
    profile: Option<&Profile>,
    kdf: KdfParams,
) -> Result<(UnlockedWorkspace, RecoveryKey)> {
    if exists(dir) {
        return Err(Error::WorkspaceExists {
            dir: dir.to_path_buf(),
        });
    }
    let profile = profile.map(Profile::validated).transpose()?;
    let personal = profile.as_ref().map(|p| p.parts()).unwrap_or_default();
    let assessment = crate::passphrase::assess(passphrase, &personal);
    if !assessment.acceptable {
        return Err(Error::validation(
            "passphrase",
            assessment.problems.join(" "),
        ));
    }
    std::fs::create_dir_all(dir.join(CASES_DIR)).map_err(|e| Error::io(dir, e))?;
    fsutil::owner_only(dir);
    fsutil::owner_only(&dir.join(CASES_DIR));
    let lock = acquire_lock(dir)?;
    // A database left by a set-up that crashed before writing the key file
    // cannot be opened by anyone: set it aside.
    let db_path = dir.join(DB_FILE);
    if db_path.exists() {
        let aside = dir.join(format!(
            "{DB_FILE}.orphaned-{}",
            Utc::now().format("%Y%m%dT%H%M%S")
        ));
        std::fs::rename(&db_path, &aside).map_err(|e| Error::io(&db_path, e))?;
        fsutil::remove_db_files(&db_path);
    }
    let id = crypto::random_id()?;
    let wkey = WorkspaceKey::random()?;
    let recovery = RecoveryKey::random()?;
    let keyring = Keyring {
        format: KEYRING_FORMAT.into(),
        version: KEYRING_VERSION,
        workspace_id: id.clone(),
        created_at: crate::now_rfc3339(),
        passphrase: passphrase_envelope(&wkey, passphrase, kdf, &id)?,
        recovery: envelope(
            &crypto::wrap(&recovery_kek(&recovery, &id), &wkey.0, &recovery_aad(&id))?,
            None,
            None,
        ),
        checksum: None,
    };
    let db = store::open(
        &db_path,
        &wkey.db_key(),
        None,
        FileKind::Workspace,
        Mode::Create,
    )?;
    if let Some(p) = &profile {
        registry::set_profile(&db, p)?;
    }
    // The key file goes last: its presence is what makes the workspace exist.
    write_keyring(dir, &keyring)?;
    let ws = UnlockedWorkspace {
        dir: dir.to_path_buf(),
        id,
        key: wkey,
        recovery_env: keyring.recovery,
        db,
        profile,
        by_recovery: false,
        open: HashMap::new(),
        taxonomy: crate::taxonomy::Taxonomy::default_taxonomy(),
        _lock: lock,
    };
    Ok((ws, recovery))
}

/// What a right credential opens: the key file, the workspace lock and key.
struct Authenticated {
    keyring: Keyring,
    lock: std::fs::File,
    wkey: WorkspaceKey,
    by_recovery: bool,
    attempts: Attempts,
}

/// Checks the credential against the key file (with the lockout), holding
/// the workspace lock.
fn authenticate(dir: &Path, credential: Credential<'_>) -> Result<Authenticated> {
    let keyring = read_keyring(dir)?;
    let lock = acquire_lock(dir)?;
    let mut attempts = read_attempts(dir);
    let now = Utc::now();
    if let Some(last) = attempts
        .last_failed_at
        .as_deref()
        .and_then(cases::parse_time)
    {
        if let Some(wait) = lockout_remaining(attempts.failures, last, now) {
            return Err(Error::TooManyAttempts {
                failures: attempts.failures,
                retry_after_secs: wait.as_secs().max(1),
            });
        }
    }
    let id = &keyring.workspace_id;
    let (unwrapped, by_recovery) = match credential {
        Credential::Passphrase(p) => {
            let env = &keyring.passphrase;
            let (Some(kdf), Some(salt), Some(w)) = (
                env.kdf,
                env.salt
                    .as_deref()
                    .and_then(|s| data_encoding::HEXLOWER.decode(s.as_bytes()).ok()),
                wrapped_from(env),
            ) else {
                return Err(Error::BadKeyring {
                    path: dir.join(KEYRING_FILE),
                    detail: "passphrase envelope".into(),
                });
            };
            if !kdf.in_range() {
                return Err(Error::Corrupt {
                    path: dir.join(KEYRING_FILE),
                    detail: "its key-derivation parameters are out of range, so the key file was damaged or edited".into(),
                });
            }
            let kek = crypto::derive_key(p, &salt, kdf)?;
            (crypto::unwrap(&kek, &w, &passphrase_aad(id)), false)
        }
        Credential::RecoveryKey(rk) => {
            let Some(w) = wrapped_from(&keyring.recovery) else {
                return Err(Error::BadKeyring {
                    path: dir.join(KEYRING_FILE),
                    detail: "recovery envelope".into(),
                });
            };
            (
                crypto::unwrap(&recovery_kek(rk, id), &w, &recovery_aad(id)),
                true,
            )
        }
    };
    let Some(wkey) = unwrapped.map(WorkspaceKey) else {
        attempts.failures = attempts.failures.saturating_add(1);
        let stamp = crate::now_rfc3339();
        attempts
            .first_failed_at
            .get_or_insert_with(|| stamp.clone());
        attempts.last_failed_at = Some(stamp);
        write_attempts(dir, &attempts)?;
        return Err(if by_recovery {
            Error::WrongRecoveryKey
        } else {
            Error::WrongPassphrase
        });
    };
    if keyring.checksum.is_none() {
        // A key file from before checksums: give it one now.
        write_keyring(dir, &keyring)?;
    }
    Ok(Authenticated {
        keyring,
        lock,
        wkey,
        by_recovery,
        attempts,
    })
}

/// What the workspace database holds that unlocking needs.
struct Register {
    db: Connection,
    profile: Option<Profile>,
    taxonomy: crate::taxonomy::Taxonomy,
    rows: Vec<registry::RegistryRow>,
}

/// Opens `workspace.db` and reads it; damage or absence reads as
/// [`Error::WorkspaceDamaged`], which `repair` mends.
fn open_register(dir: &Path, wkey: &WorkspaceKey) -> Result<Register> {
    let path = dir.join(DB_FILE);
    let read = || -> Result<Register> {
        let db = store::open(
            &path,
            &wkey.db_key(),
            None,
            FileKind::Workspace,
            Mode::Existing,
        )?;
        let profile = registry::profile(&db)?;
        let taxonomy = crate::casework::load_taxonomy(&db)?;
        let rows = registry::list(&db)?;
        Ok(Register {
            db,
            profile,
            taxonomy,
            rows,
        })
    };
    read().map_err(|e| match damage_detail(&e) {
        Some(detail) => Error::WorkspaceDamaged { path, detail },
        None => e,
    })
}

/// When `e` means the workspace database is missing or damaged, what was found.
fn damage_detail(e: &Error) -> Option<String> {
    Some(match e {
        Error::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound => {
            "it is missing".to_string()
        }
        Error::Corrupt { detail, .. } => detail.clone(),
        // The key is right (it came from the key file), so "not a database"
        // means its first page is damaged.
        Error::WrongKeyOrNotCaseFile { .. } | Error::NotVigilFile { .. } => {
            "its first page is damaged or it was replaced".to_string()
        }
        Error::Storage(_) if e.exit_code() == 7 => "a page fails its check".to_string(),
        _ => return None,
    })
}

/// Unlocks the workspace in `dir`.
pub fn unlock(dir: &Path, credential: Credential<'_>) -> Result<(UnlockedWorkspace, UnlockReport)> {
    let mut auth = authenticate(dir, credential)?;
    rotate::finish(dir, &auth.wkey)?;
    // With the lock held no write here is under way: any hidden temp copy
    // is what a killed one left (a key file, a sidecar, a received case).
    fsutil::clear_leftovers(dir);
    fsutil::clear_leftovers(&dir.join(CASES_DIR));
    let reg = open_register(dir, &auth.wkey)?;
    let mut warnings = crate::anchor::check(&auth.keyring.workspace_id, &reg.rows);
    let report_attempts = std::mem::take(&mut auth.attempts);
    if report_attempts.failures > 0 {
        write_attempts(dir, &Attempts::default())?;
    }
    let ws = UnlockedWorkspace::assemble(dir, auth, reg.db, reg.profile, reg.taxonomy);
    warnings.extend(ws.backfill_sidecars(&reg.rows));
    let report = UnlockReport {
        failed_attempts: report_attempts.failures,
        first_failed_at: report_attempts.first_failed_at,
        last_failed_at: report_attempts.last_failed_at,
        profile: ws.profile.clone(),
        warnings,
    };
    Ok((ws, report))
}

pub(crate) struct OpenCase {
    pub(crate) row: registry::RegistryRow,
    pub(crate) path: PathBuf,
    pub(crate) conn: Connection,
}

/// An unlocked workspace. Dropping it closes every case file and zeroizes
/// every key; that is what "lock" means.
pub struct UnlockedWorkspace {
    dir: PathBuf,
    id: String,
    key: WorkspaceKey,
    /// The key file's recovery envelope, copied into each case's sidecar.
    recovery_env: Envelope,
    pub(crate) db: Connection,
    profile: Option<Profile>,
    by_recovery: bool,
    open: HashMap<String, OpenCase>,
    pub(crate) taxonomy: crate::taxonomy::Taxonomy,
    _lock: std::fs::File,
}

impl Drop for UnlockedWorkspace {
    fn drop(&mut self) {
        // Locking: the rollback anchor's generation moves on (and the OS
        // keyring's copy of it).
        crate::anchor::seal(&self.id);
    }
}

impl std::fmt::Debug for UnlockedWorkspace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UnlockedWorkspace")
            .field("dir", &self.dir)
            .finish_non_exhaustive()
    }
}

impl UnlockedWorkspace {
    fn assemble(
        dir: &Path,
        auth: Authenticated,
        db: Connection,
        profile: Option<Profile>,
        taxonomy: crate::taxonomy::Taxonomy,
    ) -> UnlockedWorkspace {
        UnlockedWorkspace {
            dir: dir.to_path_buf(),
            id: auth.keyring.workspace_id,
            key: auth.wkey,
            recovery_env: auth.keyring.recovery,
            db,
            profile,
            by_recovery: auth.by_recovery,
            open: HashMap::new(),
            taxonomy,
            _lock: auth.lock,
        }
    }

    /// Gives every registered case file a key sidecar under the current
    /// workspace key (cases made before sidecars existed), and drops the
    /// entries of other keys a rotation left. Returns a warning per sidecar
    /// that could not be written; unlocking goes on.
    fn backfill_sidecars(&self, rows: &[registry::RegistryRow]) -> Vec<String> {
        let key_id = self.key.id();
        let mut warnings = Vec::new();
        for row in rows {
            let path = self.cases_dir().join(&row.file_name);
            if !path.exists() {
                continue;
            }
            match sidecar::read(&path) {
                Ok(Some(s)) if s.has(&key_id) && s.case_id == row.case_id => {
                    if s.entries.len() > 1 {
                        // Left by a rotation (finished or discarded): only
                        // the current key's entry stays.
                        if let Err(e) = sidecar::keep_only(&path, s, &key_id) {
                            warnings.push(format!(
                                "the key sidecar of case {} keeps an entry of an older key ({e})",
                                row.number
                            ));
                        }
                    }
                    continue;
                }
                _ => {}
            }
            let written = self
                .case_key(row)
                .and_then(|k| self.write_sidecar(&path, &row.case_id, &k));
            if let Err(e) = written {
                warnings.push(format!(
                    "the key sidecar of case {} could not be written ({e}); the case opens normally, but could not be recovered without workspace.db",
                    row.number
                ));
            }
        }
        warnings
    }

    /// Writes (or refreshes) the key sidecar of a case file.
    fn write_sidecar(&self, case_path: &Path, case_id: &str, case_key: &SecretKey) -> Result<()> {
        let e = sidecar::entry(&self.key, case_id, case_key, &self.recovery_env)?;
        sidecar::upsert(case_path, &self.id, case_id, e)
    }

    /// The workspace folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The random workspace identifier.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The investigator's profile, if set.
    pub fn profile(&self) -> Option<&Profile> {
        self.profile.as_ref()
    }

    /// True when unlocked with the recovery key (the user should set a new passphrase).
    pub fn unlocked_by_recovery_key(&self) -> bool {
        self.by_recovery
    }

    /// Sets the investigator's profile.
    pub fn set_profile(&mut self, p: &Profile) -> Result<Profile> {
        let p = p.validated()?;
        let path = self.dir.join(DB_FILE);
        store::write_tx(&mut self.db, &path, |tx| registry::set_profile(tx, &p))?;
        self.profile = Some(p.clone());
        Ok(p)
    }

    /// Current settings.
    pub fn settings(&self) -> Result<Settings> {
        let idle = registry::setting(&self.db, "idle_minutes")?.and_then(|v| v.parse().ok());
        Ok(Settings {
            idle_minutes: idle.unwrap_or(Settings::default().idle_minutes),
        })
    }

    /// Saves settings.
    pub fn save_settings(&mut self, s: &Settings) -> Result<Settings> {
        if !(1..=240).contains(&s.idle_minutes) {
            return Err(Error::validation(
                "idle lock",
                "choose between 1 and 240 minutes",
            ));
        }
        self.set_setting("idle_minutes", &s.idle_minutes.to_string())?;
        self.settings()
    }

    /// Keeps training and real work apart: a case file marked as training may
    /// enter only a training workspace, an unmarked one only a real workspace.
    pub(crate) fn check_realm(&self, file_is_training: bool, number: &str) -> Result<()> {
        match (self.is_training(), file_is_training) {
            (false, true) => Err(crate::training::separation(format!(
                "case {number} is a TRAINING case file (fictional): a real workspace does not take it in. Open it in a training workspace (vigil demo)"
            ))),
            (true, false) => Err(crate::training::separation(format!(
                "case {number} is a real case file: a training workspace never takes real cases in. Receive it in your own workspace"
            ))),
            _ => Ok(()),
        }
    }

    /// Removes a training case from a training workspace (the presenter's
    /// reset): its register row, then its file and key sidecar. Real cases
    /// are never removed.
    pub(crate) fn discard_training_case(&mut self, number: &str) -> Result<()> {
        if !self.is_training() {
            return Err(crate::training::separation(
                "only a training workspace removes cases".into(),
            ));
        }
        let marked = cases::training_mark(&self.case(number)?.conn)?.is_some();
        if !marked {
            return Err(crate::training::separation(format!(
                "case {number} is not a training case and is never removed"
            )));
        }
        let row = self.row(number)?;
        let path = self.case_path(&row)?;
        // Close it before its file goes.
        self.open.remove(&row.case_id);
        let db_path = self.dir.join(DB_FILE);
        store::write_tx(&mut self.db, &db_path, |tx| {
            registry::remove(tx, &row.case_id)
        })?;
        fsutil::remove_db_files(&path);
        let _ = std::fs::remove_file(sidecar::path_for(&path));
        Ok(())
    }

    /// Stores one workspace setting (in its own transaction).
    pub(crate) fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        self.write_db(|tx| registry::set_setting(tx, key, value))
    }

    /// One write to the workspace database, in its own transaction.
    pub(crate) fn write_db<T>(
        &mut self,
        f: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T>,
    ) -> Result<T> {
        let path = self.dir.join(DB_FILE);
        store::write_tx(&mut self.db, &path, f)
    }

    /// Changes the workspace passphrase: rewraps the workspace key only; no
    /// case file is touched. `current` is required unless the workspace was
    /// unlocked with the recovery key.
    pub fn change_passphrase(
        &mut self,
        current: Option<&Passphrase>,
        new: &Passphrase,
        kdf: KdfParams,
    ) -> Result<()> {
        let mut keyring = self.check_new_passphrase(current, new)?;
        keyring.passphrase = passphrase_envelope(&self.key, new, kdf, &self.id)?;
        write_keyring(&self.dir, &keyring)?;
        self.by_recovery = false;
        Ok(())
    }

    /// Checks the current passphrase (not needed after a recovery-key
    /// unlock) and the new one's strength; returns the key file.
    fn check_new_passphrase(
        &self,
        current: Option<&Passphrase>,
        new: &Passphrase,
    ) -> Result<Keyring> {
        let keyring = read_keyring(&self.dir)?;
        match current {
            Some(cur) => {
                let env = &keyring.passphrase;
                let salt = env
                    .salt
                    .as_deref()
                    .and_then(|s| data_encoding::HEXLOWER.decode(s.as_bytes()).ok());
                let ok = match (env.kdf, salt, wrapped_from(env)) {
                    (Some(kdf), Some(salt), Some(w)) => crypto::unwrap(
                        &crypto::derive_key(cur, &salt, kdf)?,
                        &w,
                        &passphrase_aad(&self.id),
                    )
                    .is_some(),
                    _ => false,
                };
                if !ok {
                    return Err(Error::WrongPassphrase);
                }
            }
            None if self.by_recovery => {}
            None => {
                return Err(Error::validation(
                    "current passphrase",
                    "enter the current passphrase",
                ))
            }
        }
        let personal = self.profile.as_ref().map(|p| p.parts()).unwrap_or_default();
        let a = crate::passphrase::assess(new, &personal);
        if !a.acceptable {
            return Err(Error::validation("new passphrase", a.problems.join(" ")));
        }
        Ok(keyring)
    }

    /// Who the audit trail names for this session's actions.
    pub fn actor(&self) -> String {
        match &self.profile {
            Some(p) => format!("{} ({}, {})", p.name, p.badge, p.agency),
            None => format!(
                "unnamed investigator (workspace {})",
                &self.id[..8.min(self.id.len())]
            ),
        }
    }

    /// Every case in the workspace, most recently active first.
    pub fn list_cases(&self) -> Result<Vec<CaseSummary>> {
        Ok(registry::list(&self.db)?.into_iter().map(summary).collect())
    }

    /// Creates a case file with its own random key.
    pub fn create_case(&mut self, new: &NewCase) -> Result<CaseSummary> {
        // Every case of a training workspace is a training case (free
        // practice when not loaded from a scenario).
        let mark = self.is_training().then_some("");
        self.create_case_marked(new, mark)
    }

    /// [`create_case`](Self::create_case) with the training mark (`Some`)
    /// written in the same transaction as the header.
    pub(crate) fn create_case_marked(
        &mut self,
        new: &NewCase,
        training: Option<&str>,
    ) -> Result<CaseSummary> {
        let number = validate_number(&new.number)?.to_string();
        let title = validate_text("title", &new.title, 200)?;
        let investigator = match (&new.assigned_investigator, &self.profile) {
            (Some(i), _) if !i.trim().is_empty() => validate_text("assigned investigator", i, 120)?,
            (_, Some(p)) => p.name.clone(),
            _ => {
                return Err(Error::validation(
                    "assigned investigator",
                    "this field is required",
                ))
            }
        };
        let reports = clean_reports(&new.agency_reports)?;
        let file_name = file_name_for(&number);
        let case_id = crypto::random_id()?;
        if registry::exists(&self.db, &case_id, &number, &file_name)? {
            return Err(Error::AlreadyExists {
                kind: "case",
                id: number,
            });
        }
        let final_path = self.cases_dir().join(&file_name);
        if final_path.exists() {
            return Err(unregistered_file(file_name));
        }
        let now = Utc::now();
        let header = CaseHeader {
            case_id: case_id.clone(),
            number: number.clone(),
            title,
            opened_on: new
                .opened_on
                .unwrap_or_else(|| chrono::Local::now().date_naive()),
            assigned_investigator: investigator,
            agency_reports: reports,
            status: CaseStatus::Active,
            created_at: now,
            updated_at: now,
        };
        let key = SecretKey::random()?;
        let partial = final_path.with_file_name(format!(".{file_name}.partial"));
        fsutil::remove_db_files(&partial);
        let actor = self.actor();
        // A file half made (disk full, no permission) is removed, not left to take space.
        let head = (|| -> Result<audit::ChainHead> {
            let mut conn = store::open(&partial, &key, None, FileKind::Case, Mode::Create)?;
            let head = store::write_tx(&mut conn, &partial, |tx| {
                cases::insert_header(tx, &header)?;
                if let Some(scenario) = training {
                    cases::insert_training_mark(tx, scenario, &crate::now_rfc3339())?;
                }
                audit::append(
                    tx,
                    &audit::NewEvent {
                        actor: &actor,
                        action: "case.create",
                        entity: cases::HEADER_ENTITY,
                        entity_id: &case_id,
                        change_hash: cases::header_state_hash(&header)?,
                        detail: match training {
                            Some(s) => serde_json::json!({ "training": true, "scenario": s }),
                            None => serde_json::json!({}),
                        },
                    },
                )
            })?;
            conn.close().map_err(|(_, e)| store::map_err(&partial, e))?;
            Ok(head)
        })()
        .inspect_err(|_| fsutil::remove_db_files(&partial))?;
        let wrapped = crypto::wrap(&self.key.wrap_kek(), &key, &case_key_aad(&case_id))?;
        let row = registry::RegistryRow {
            case_id,
            number,
            file_name,
            key_nonce: wrapped.nonce,
            wrapped_key: wrapped.ciphertext,
            title: header.title.clone(),
            status: header.status,
            read_only: false,
            chain_seq: head.seq,
            chain_head: head.hash,
            last_activity: crate::now_rfc3339(),
        };
        self.register_new(&row, &key, &partial, &final_path)?;
        Ok(summary(row))
    }

    /// Puts a new case file in place: its key sidecar first, then its row in
    /// the register, then the file under its final name. A failure before
    /// the rename removes what was made.
    fn register_new(
        &mut self,
        row: &registry::RegistryRow,
        key: &SecretKey,
        partial: &Path,
        final_path: &Path,
    ) -> Result<()> {
        let db_path = self.dir.join(DB_FILE);
        let undo = |_: &Error| {
            fsutil::remove_db_files(partial);
            let _ = std::fs::remove_file(sidecar::path_for(final_path));
        };
        self.write_sidecar(final_path, &row.case_id, key)
            .inspect_err(undo)?;
        store::write_tx(&mut self.db, &db_path, |tx| registry::insert(tx, row))
            .inspect_err(undo)?;
        fsutil::rename_durable(partial, final_path)
    }

    fn cases_dir(&self) -> PathBuf {
        self.dir.join(CASES_DIR)
    }

    fn row(&self, number: &str) -> Result<registry::RegistryRow> {
        registry::find_by_number(&self.db, number.trim())?.ok_or_else(|| Error::NotFound {
            kind: "case",
            id: number.trim().to_string(),
        })
    }

    fn case_key(&self, row: &registry::RegistryRow) -> Result<SecretKey> {
        let w = Wrapped {
            nonce: row.key_nonce.clone(),
            ciphertext: row.wrapped_key.clone(),
        };
        crypto::unwrap(&self.key.wrap_kek(), &w, &case_key_aad(&row.case_id)).ok_or(Error::Crypto(
            "a case key in the workspace register does not unwrap",
        ))
    }

    /// Path of the case file, finishing a creation that was cut off between
    /// registering the case and moving its file into place.
    fn case_path(&self, row: &registry::RegistryRow) -> Result<PathBuf> {
        let path = self.cases_dir().join(&row.file_name);
        let partial = path.with_file_name(format!(".{}.partial", row.file_name));
        if !path.exists() && partial.exists() {
            fsutil::rename_durable(&partial, &path)?;
        }
        if !path.exists() {
            return Err(Error::NotFound {
                kind: "case file",
                id: row.file_name.clone(),
            });
        }
        Ok(path)
    }

    /// The open connection of a case, opening and checking it on first use.
    pub(crate) fn case(&mut self, number: &str) -> Result<&mut OpenCase> {
        let row = self.row(number)?;
        if !self.open.contains_key(&row.case_id) {
            let key = self.case_key(&row)?;
            let path = self.case_path(&row)?;
            let conn = store::open(&path, &key, None, FileKind::Case, Mode::Existing)?;
            let chain = audit::verify(&conn)?;
            if let Some(bad) = chain.first_bad {
                return Err(Error::Tampered {
                    number: row.number.clone(),
                    detail: format!("audit event {bad} does not match its hash"),
                });
            }
            check_against_register(&conn, &row, &chain.head)?;
            if chain.head.seq > row.chain_seq {
                // A write committed to the case but not yet to the register
                // (crash in between): catch the register up.
                let last = audit::last_at(&conn)?.unwrap_or_else(crate::now_rfc3339);
                registry::update_after_write(
                    &self.db,
                    &row.case_id,
                    &row.title,
                    row.status,
                    chain.head.seq,
                    &chain.head.hash,
                    &last,
                )?;
            }
            let row = self.row(number)?;
            self.open
                .insert(row.case_id.clone(), OpenCase { row, path, conn });
        }
        self.open.get_mut(&row.case_id).ok_or(Error::NotFound {
            kind: "case",
            id: number.to_string(),
        })
    }

    /// One audited write to a case: `f` runs inside an IMMEDIATE transaction
    /// and returns its result and the changes it made; one audit event per
    /// change is appended in the same transaction; then the register learns
    /// the new head. `custody_only` writes (open, seal, receive, export) are
    /// allowed on read-only review copies.
    pub(crate) fn write_case<T>(
        &mut self,
        number: &str,
        custody_only: bool,
        f: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<(T, Vec<Change>)>,
    ) -> Result<T> {
        let actor = self.actor();
        let oc = self.case(number)?;
        if oc.row.read_only && !custody_only {
            return Err(Error::ReadOnlyCase {
                number: oc.row.number.clone(),
            });
        }
        let path = oc.path.clone();
        let (out, head, header) = store::write_tx(&mut oc.conn, &path, |tx| {
            let (out, changes) = f(tx)?;
            let mut head = audit::head(tx)?;
            for c in changes {
                head = audit::append_after(
                    tx,
                    &head,
                    &audit::NewEvent {
                        actor: &actor,
                        action: &c.action,
                        entity: c.entity,
                        entity_id: &c.entity_id,
                        change_hash: c.change_hash,
                        detail: c.detail,
                    },
                )?;
            }
            let header = cases::read_header(tx)?;
            Ok((out, head, header))
        })?;
        let case_id = oc.row.case_id.clone();
        let (title, status) = match header {
            Some(h) => (h.title, h.status),
            None => (oc.row.title.clone(), oc.row.status),
        };
        oc.row.chain_seq = head.seq;
        oc.row.chain_head = head.hash.clone();
        oc.row.title = title.clone();
        oc.row.status = status;
        let number = oc.row.number.clone();
        let now = crate::now_rfc3339();
        let db_path = self.dir.join(DB_FILE);
        store::write_tx(&mut self.db, &db_path, |tx| {
            registry::update_after_write(tx, &case_id, &title, status, head.seq, &head.hash, &now)
        })?;
        crate::anchor::record(&self.id, &case_id, &number, head.seq, &head.hash);
        Ok(out)
    }

    /// A custody event on the case header (open, seal, receive, export).
    fn custody(&mut self, number: &str, action: &str, detail: serde_json::Value) -> Result<()> {
        self.write_case(number, true, |tx| {
            let id = cases::read_header(tx)?
                .map(|h| h.case_id)
                .unwrap_or_default();
            let hash = crypto::to_hex(&crypto::sha256(detail.to_string().as_bytes()));
            let change = Change {
                action: action.to_string(),
                entity: cases::HEADER_ENTITY,
                entity_id: id,
                change_hash: hash,
                detail,
            };
            Ok(((), vec![change]))
        })
    }

    /// Opens a case for viewing (an audited event) and returns its overview.
    pub fn open_case(&mut self, number: &str) -> Result<CaseDetail> {
        self.custody(number, "case.open", serde_json::json!({}))?;
        self.case_detail(number)
    }

    /// The overview of a case, without recording an event.
    pub fn case_detail(&mut self, number: &str) -> Result<CaseDetail> {
        let oc = self.case(number)?;
        let header = cases::read_header(&oc.conn)?.ok_or_else(|| Error::Corrupt {
            path: oc.path.clone(),
            detail: "the case header is missing".into(),
        })?;
        Ok(CaseDetail {
            header,
            read_only: oc.row.read_only,
            handover: cases::read_handover(&oc.conn)?,
            audit_events: audit::count(&oc.conn)?,
            last_activity: audit::last_at(&oc.conn)?.unwrap_or_default(),
            file_name: oc.row.file_name.clone(),
        })
    }

    /// Edits a case header.
    pub fn update_case(&mut self, number: &str, patch: &CaseHeaderPatch) -> Result<CaseDetail> {
        let title = validate_text("title", &patch.title, 200)?;
        let investigator =
            validate_text("assigned investigator", &patch.assigned_investigator, 120)?;
        let reports = clean_reports(&patch.agency_reports)?;
        let path = self.case(number)?.path.clone();
        self.write_case(number, false, |tx| {
            let mut h = cases::read_header(tx)?.ok_or(Error::Corrupt {
                path,
                detail: "the case header is missing".into(),
            })?;
            h.title = title;
            h.opened_on = patch.opened_on;
            h.assigned_investigator = investigator;
            h.agency_reports = reports;
            h.updated_at = Utc::now();
            cases::update_header(tx, &h)?;
            let hash = cases::header_state_hash(&h)?;
            Ok((
                (),
                vec![Change::new(
                    "case.update",
                    cases::HEADER_ENTITY,
                    &h.case_id,
                    hash,
                )],
            ))
        })?;
        self.case_detail(number)
    }

    /// Checks the register (`workspace.db`) page by page and structurally;
    /// returns what failed (nothing when it is sound).
    pub fn check_register(&self) -> Result<Vec<String>> {
        let mut problems = store::cases::cipher_integrity(&self.db)?;
        let structure = store::cases::integrity(&self.db)?;
        if structure != ["ok"] {
            problems.extend(structure);
        }
        Ok(problems)
    }

    /// Runs every integrity check on a case file and reports each.
    pub fn verify_case(&mut self, number: &str) -> Result<VerifyReport> {
        let row = self.row(number)?;
        let key = self.case_key(&row)?;
        let path = self.case_path(&row)?;
        // A fresh read-only connection: verification must see the file as it
        // is on disk and must not change it.
        self.open.remove(&row.case_id);
        match store::open(&path, &key, None, FileKind::Case, Mode::ReadOnly) {
            Ok(conn) => Ok(crate::verify::run(
                &conn,
                &row,
                crate::store::migrate::CASE_SCHEMA_VERSION,
            )),
            // A file that does not open with its own key is damaged or was
            // replaced: for verify that is the report's finding, not an error.
            Err(e @ (Error::WrongKeyOrNotCaseFile { .. } | Error::NotVigilFile { .. })) => {
                Ok(crate::verify::unopenable(&row, &e))
            }
            Err(e) if e.exit_code() == 7 => Ok(crate::verify::unopenable(&row, &e)),
            Err(e) => Err(e),
        }
    }

    /// Writes a self-contained handover copy of a case to `out`, encrypted
    /// with a key derived from `handover` (Argon2id, fixed parameters, salt in
    /// the file). The act is recorded in the case's audit chain first.
    pub fn seal_case(
        &mut self,
        number: &str,
        out: &Path,
        handover: &Passphrase,
        mode: HandoverMode,
        overwrite: bool,
    ) -> Result<SealReport> {
        let a = crate::passphrase::assess(handover, &[]);
        if !a.acceptable {
            return Err(Error::validation(
                "handover passphrase",
                a.problems.join(" "),
            ));
        }
        if out.exists() && !overwrite {
            return Err(Error::AlreadyExists {
                kind: "file",
                id: out.display().to_string(),
            });
        }
        let out_name = out
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        // A read-only review copy can only be handed on read-only.
        let mode = if self.case(number)?.row.read_only {
            HandoverMode::Review
        } else {
            mode
        };
        let mut salt = [0u8; 16];
        crypto::fill_random(&mut salt)?;
        let key = crypto::derive_key(handover, &salt, KdfParams::HANDOVER_V1)?;
        let info = HandoverInfo {
            mode,
            sealed_at: crate::now_rfc3339(),
            sealed_by: self.actor(),
        };
        let tmp = fsutil::temp_sibling(out, fsutil::Temp::Partial)?;
        let oc = self.case(number)?;
        let result =
            store::export_encrypted(&oc.conn, &tmp, &key, Some(&salt), FileKind::Case, |c| {
                cases::write_handover(c, "export", &info)?;
                c.execute_batch("PRAGMA export.journal_mode = DELETE;")?;
                Ok(())
            })
            .and_then(|()| fsutil::sync_file(&tmp))
            .and_then(|()| fsutil::rename_durable(&tmp, out));
        if let Err(e) = result {
            fsutil::remove_db_files(&tmp);
            return Err(e);
        }
        // Recorded only once the sealed file is complete.
        self.custody(
            number,
            "case.seal",
            serde_json::json!({ "mode": mode.as_str(), "file": out_name }),
        )?;
        let bytes = std::fs::metadata(out).map_err(|e| Error::io(out, e))?.len();
        Ok(SealReport {
            path: out.display().to_string(),
            sha256: crypto::sha256_file(out)?,
            bytes,
            mode,
        })
    }

    /// Takes a sealed handover file into this workspace under a new random key.
    pub fn receive_case(&mut self, file: &Path, handover: &Passphrase) -> Result<CaseSummary> {
        let salt = store::read_salt(file)?;
        let sealed_sha = crypto::sha256_file(file)?;
        let key = crypto::derive_key(handover, &salt, KdfParams::HANDOVER_V1)?;
        // Work on a private copy so the original is never changed.
        let incoming =
            fsutil::temp_sibling(&self.cases_dir().join("received"), fsutil::Temp::Incoming)?;
        std::fs::copy(file, &incoming).map_err(|e| Error::io(&incoming, e))?;
        let result = self.receive_from_copy(&incoming, &key, &salt, &sealed_sha);
        fsutil::remove_db_files(&incoming);
        // Name the user's file in messages, not the private copy.
        let path = file.to_path_buf();
        result.map_err(|e| match e {
            Error::WrongKeyOrNotCaseFile { .. } => Error::WrongKeyOrNotCaseFile { path },
            Error::NotVigilFile { .. } => Error::NotVigilFile { path },
            Error::Corrupt { detail, .. } => Error::Corrupt { path, detail },
            Error::NewerFormat {
                found, supported, ..
            } => Error::NewerFormat {
                path,
                found,
                supported,
            },
            other => other,
        })
    }

    fn receive_from_copy(
        &mut self,
        incoming: &Path,
        key: &SecretKey,
        salt: &[u8; 16],
        sealed_sha: &str,
    ) -> Result<CaseSummary> {
        let src = store::open(incoming, key, Some(salt), FileKind::Case, Mode::Import)?;
        // Every page's HMAC, SQLite's structure and the length against the
        // page count, before anything is taken in: a damaged or padded file
        // is refused whole.
        let damaged = |detail: String| Error::Corrupt {
            path: incoming.to_path_buf(),
            detail,
        };
        let bad_pages = cases::cipher_integrity(&src)
            .map_err(|e| damaged(format!("its pages cannot be checked ({e})")))?;
        if !bad_pages.is_empty() {
            return Err(damaged(format!(
                "{} page(s) fail their authentication check",
                bad_pages.len()
            )));
        }
        let structure = cases::integrity(&src)
            .map_err(|e| damaged(format!("its structure cannot be checked ({e})")))?;
        if structure != ["ok"] {
            return Err(damaged(format!(
                "SQLite found {} problem(s) in its structure",
                structure.len()
            )));
        }
        let pages = cases::page_count(&src)?;
        let len = std::fs::metadata(incoming)
            .map_err(|e| Error::io(incoming, e))?
            .len();
        if len != pages * store::PAGE_SIZE {
            return Err(damaged(format!(
                "it is {len} bytes long but holds {pages} pages of {} bytes: something was added or cut",
                store::PAGE_SIZE
            )));
        }
        let header = cases::read_header(&src)?.ok_or_else(|| Error::Corrupt {
            path: incoming.to_path_buf(),
            detail: "the case header is missing".into(),
        })?;
        let chain = audit::verify(&src)?;
        if let Some(bad) = chain.first_bad {
            return Err(Error::Tampered {
                number: header.number,
                detail: format!("audit event {bad} does not match its hash"),
            });
        }
        self.check_realm(cases::training_mark(&src)?.is_some(), &header.number)?;
        let handover = cases::read_handover(&src)?;
        let mode = handover
            .as_ref()
            .map(|h| h.mode)
            .unwrap_or(HandoverMode::Transfer);
        let file_name = file_name_for(&header.number);
        if registry::exists(&self.db, &header.case_id, &header.number, &file_name)? {
            return Err(Error::AlreadyExists {
                kind: "case",
                id: header.number,
            });
        }
        let final_path = self.cases_dir().join(&file_name);
        if final_path.exists() {
            return Err(unregistered_file(file_name));
        }
        let partial = final_path.with_file_name(format!(".{file_name}.partial"));
        fsutil::remove_db_files(&partial);
        let case_key = SecretKey::random()?;
        let exported =
            store::export_encrypted(&src, &partial, &case_key, None, FileKind::Case, |_| Ok(()));
        drop(src);
        if let Err(e) = exported {
            fsutil::remove_db_files(&partial);
            return Err(e);
        }
        let wrapped = crypto::wrap(
            &self.key.wrap_kek(),
            &case_key,
            &case_key_aad(&header.case_id),
        )?;
        let row = registry::RegistryRow {
            case_id: header.case_id.clone(),
            number: header.number.clone(),
            file_name,
            key_nonce: wrapped.nonce,
            wrapped_key: wrapped.ciphertext,
            title: header.title.clone(),
            status: header.status,
            read_only: mode == HandoverMode::Review,
            chain_seq: chain.head.seq,
            chain_head: chain.head.hash,
            last_activity: crate::now_rfc3339(),
        };
        self.register_new(&row, &case_key, &partial, &final_path)?;
        let detail = serde_json::json!({ "mode": mode.as_str(), "sha256": sealed_sha });
        self.custody(&header.number, "case.receive", detail)?;
        Ok(summary(self.row(&header.number)?))
    }

    /// A direct connection to a case file, for integrity tests and forensic
    /// tooling. Writes through it bypass the audit chain, which `verify`
    /// then reports.
    #[doc(hidden)]
    pub fn raw_case_connection(&mut self, number: &str) -> Result<Connection> {
        let row = self.row(number)?;
        let key = self.case_key(&row)?;
        let path = self.case_path(&row)?;
        self.open.remove(&row.case_id);
        store::open(&path, &key, None, FileKind::Case, Mode::Existing)
    }

    /// Path of a case file (the file itself is encrypted).
    pub fn case_file_path(&self, number: &str) -> Result<PathBuf> {
        let row = self.row(number)?;
        Ok(self.cases_dir().join(row.file_name))
    }

    /// Closes a case's connection (it reopens, with its checks, on next use).
    pub fn close_case(&mut self, number: &str) -> Result<()> {
        let row = self.row(number)?;
        self.open.remove(&row.case_id);
        Ok(())
    }
}

/// One audited change made inside a case write.
pub(crate) struct Change {
    pub action: String,
    pub entity: &'static str,
    pub entity_id: String,
    pub change_hash: String,
    pub detail: serde_json::Value,
}

impl Change {
    pub(crate) fn new(
        action: &str,
        entity: &'static str,
        entity_id: &str,
        change_hash: String,
    ) -> Change {
        Change {
            action: action.to_string(),
            entity,
            entity_id: entity_id.to_string(),
            change_hash,
            detail: serde_json::json!({}),
        }
    }
}

/// A case file with this name is in `cases/` but not in the register.
fn unregistered_file(file_name: String) -> Error {
    Error::AlreadyExists {
        kind: "case file",
        id: format!(
            "{file_name} (it is not in this workspace's register: `vigil case adopt {file_name}`, or Adopt in the case list, checks it and takes it back)"
        ),
    }
}

fn summary(r: registry::RegistryRow) -> CaseSummary {
    CaseSummary {
        case_id: r.case_id,
        number: r.number,
        title: r.title,
        status: r.status,
        read_only: r.read_only,
        last_activity: r.last_activity,
    }
}

/// The file's chain must contain the head the register last saw: fewer
/// events means an older copy was put back; a different hash means the
/// history was rewritten.
pub(crate) fn check_against_register(
    conn: &Connection,
    row: &registry::RegistryRow,
    head: &audit::ChainHead,
) -> Result<()> {
    if head.seq < row.chain_seq {
        return Err(Error::Tampered {
            number: row.number.clone(),
            detail: format!(
                "the file holds {} audit events but this workspace last saw {}: an older copy was put in its place",
                head.seq, row.chain_seq
            ),
        });
    }
    if audit::hash_at(conn, row.chain_seq)?.as_deref() != Some(row.chain_head.as_str()) {
        return Err(Error::Tampered {
            number: row.number.clone(),
            detail: format!(
                "audit event {} differs from the one this workspace recorded",
                row.chain_seq
            ),
        });
    }
    Ok(())
}
