//! The case-key sidecar: `cases/<number>.vigil.key`, next to each case file.
//!
//! The register in `workspace.db` is the everyday home of each case key. The
//! sidecar holds the same key wrapped the same way (under a sub-key of the
//! workspace key, the case id as associated data) plus a copy of the
//! workspace key's recovery envelope, so a case file can be opened without
//! `workspace.db`: with the key file and the passphrase or recovery key, or
//! with the recovery key alone. It holds nothing the key file does not
//! already protect to the same strength, and no case content.
//!
//! Each entry is tagged with the id of the workspace key that wraps it, so a
//! key rotation can add the new entry before its commit point and drop the
//! old one after.

use super::{Envelope, WorkspaceKey};
use crate::crypto::{self, Wrapped};
use crate::secret::SecretKey;
use crate::{fsutil, Error, Result};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

const FORMAT: &str = "vigil-case-key";
const VERSION: u32 = 1;
pub(crate) const SUFFIX: &str = ".key";

#[derive(Serialize, Deserialize, Clone)]
pub(crate) struct Entry {
    /// Which workspace key wraps `case_key` (see [`WorkspaceKey::id`]).
    pub key_id: String,
    pub nonce: String,
    pub ciphertext: String,
    /// The workspace key under the recovery key, as in the key file.
    pub recovery: Envelope,
}

#[derive(Serialize, Deserialize, Clone)]
pub(crate) struct Sidecar {
    format: String,
    version: u32,
    pub workspace_id: String,
    pub case_id: String,
    pub entries: Vec<Entry>,
    #[serde(default)]
    checksum: String,
}

impl Sidecar {
    fn compute_checksum(&self) -> Result<String> {
        let fields = serde_json::json!({
            "format": self.format,
            "version": self.version,
            "workspace_id": self.workspace_id,
            "case_id": self.case_id,
            "entries": self.entries,
        });
        let bytes = serde_json::to_vec(&fields).map_err(|_| Error::Crypto("sidecar encoding"))?;
        Ok(crypto::to_hex(&crypto::sha256(&bytes)))
    }

    /// The case key, if an entry is wrapped under `wkey`.
    pub(crate) fn case_key(&self, wkey: &WorkspaceKey) -> Option<SecretKey> {
        let id = wkey.id();
        let e = self.entries.iter().find(|e| e.key_id == id)?;
        let w = Wrapped {
            nonce: data_encoding::HEXLOWER.decode(e.nonce.as_bytes()).ok()?,
            ciphertext: data_encoding::HEXLOWER
                .decode(e.ciphertext.as_bytes())
                .ok()?,
        };
        crypto::unwrap(&wkey.wrap_kek(), &w, &super::case_key_aad(&self.case_id))
    }

    /// True when an entry is wrapped under the key with this id.
    pub(crate) fn has(&self, key_id: &str) -> bool {
        self.entries.iter().any(|e| e.key_id == key_id)
    }

    /// The recovery envelopes it carries (one per workspace key it knows).
    pub(crate) fn recovery_envelopes(&self) -> impl Iterator<Item = &Envelope> {
        self.entries.iter().map(|e| &e.recovery)
    }
}

/// Where the sidecar of `case_path` lives.
pub(crate) fn path_for(case_path: &Path) -> PathBuf {
    let mut p = case_path.as_os_str().to_owned();
    p.push(SUFFIX);
    PathBuf::from(p)
}

/// One entry: `case_key` wrapped under `wkey`, with `recovery`.
pub(crate) fn entry(
    wkey: &WorkspaceKey,
    case_id: &str,
    case_key: &SecretKey,
    recovery: &Envelope,
) -> Result<Entry> {
    let w = crypto::wrap(&wkey.wrap_kek(), case_key, &super::case_key_aad(case_id))?;
    Ok(Entry {
        key_id: wkey.id(),
        nonce: crypto::to_hex(&w.nonce),
        ciphertext: crypto::to_hex(&w.ciphertext),
        recovery: recovery.clone(),
    })
}

/// A new sidecar with one entry.
pub(crate) fn new(workspace_id: &str, case_id: &str, entry: Entry) -> Sidecar {
    Sidecar {
        format: FORMAT.into(),
        version: VERSION,
        workspace_id: workspace_id.into(),
        case_id: case_id.into(),
        entries: vec![entry],
        checksum: String::new(),
    }
}

/// Reads the sidecar of `case_path`: `Ok(None)` when there is none.
pub(crate) fn read(case_path: &Path) -> Result<Option<Sidecar>> {
    let path = path_for(case_path);
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Error::io(&path, e)),
    };
    let damaged = |detail: &str| Error::Corrupt {
        path: path.clone(),
        detail: detail.into(),
    };
    let s: Sidecar =
        serde_json::from_slice(&bytes).map_err(|_| damaged("it is not a readable key sidecar"))?;
    if s.format != FORMAT {
        return Err(damaged("it is not a Vigil case-key sidecar"));
    }
    if s.version > VERSION {
        return Err(Error::NewerFormat {
            path,
            found: s.version.into(),
            supported: VERSION.into(),
        });
    }
    if s.checksum != s.compute_checksum()? {
        return Err(damaged(
            "its checksum does not match its content, so it was damaged or edited",
        ));
    }
    Ok(Some(s))
}

/// Writes the sidecar of `case_path` atomically (owner-only).
pub(crate) fn write(case_path: &Path, s: &Sidecar) -> Result<()> {
    let mut s = s.clone();
    s.checksum = s.compute_checksum()?;
    let bytes = serde_json::to_vec_pretty(&s).map_err(|_| Error::Crypto("sidecar encoding"))?;
    fsutil::write_atomic(&path_for(case_path), &bytes)
}

/// Adds (or replaces) the entry for `entry.key_id` and keeps the others.
pub(crate) fn upsert(case_path: &Path, workspace_id: &str, case_id: &str, e: Entry) -> Result<()> {
    let mut s = match read(case_path) {
        Ok(Some(s)) if s.workspace_id == workspace_id && s.case_id == case_id => s,
        // Missing, damaged or another workspace's: start afresh.
        _ => new(workspace_id, case_id, e.clone()),
    };
    s.entries.retain(|x| x.key_id != e.key_id);
    s.entries.push(e);
    write(case_path, &s)
}

/// Rewrites `s` with only the entry wrapped under `key_id` (after a key
/// rotation), if it has that entry and others.
pub(crate) fn keep_only(case_path: &Path, mut s: Sidecar, key_id: &str) -> Result<()> {
    if s.entries.iter().any(|e| e.key_id != key_id) && s.has(key_id) {
        s.entries.retain(|e| e.key_id == key_id);
        write(case_path, &s)?;
    }
    Ok(())
}
