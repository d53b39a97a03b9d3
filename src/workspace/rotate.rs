//! Rotating the workspace key (`passphrase change --rotate`).
//!
//! A new workspace key replaces the old one everywhere it is used: the key
//! file's two envelopes (with a new recovery key), the workspace database
//! (copied under the new key), the case-key wrapping in the register and in
//! every sidecar. Case files keep their own keys and are not rewritten.
//!
//! Crash safety: everything new is written beside the old first
//! (`workspace.db.next-<key id>`, a second entry in each sidecar); the
//! **commit point is the atomic replacement of the key file**. At every
//! unlock, [`finish`] looks at which key the key file holds: the new one puts
//! its database in place; the old one discards what the cut-off rotation
//! left. Either way the unlock then drops sidecar entries of any other key
//! (in `backfill_sidecars`, which reads each sidecar anyway). A kill at any instant
//! therefore leaves either the old passphrase working or the new one, never
//! neither.

use super::{
    envelope, passphrase_envelope, recovery_aad, recovery_kek, sidecar, write_keyring,
    UnlockedWorkspace, WorkspaceKey, DB_FILE,
};
use crate::crypto::{self, KdfParams};
use crate::secret::{Passphrase, RecoveryKey, SecretKey};
use crate::store::{self, registry, FileKind, Mode};
use crate::{fsutil, Error, Result};
use rusqlite::Connection;
use std::path::{Path, PathBuf};

const NEXT_PREFIX: &str = "workspace.db.next-";

/// Where a rotation to the key with `key_id` builds the new database.
fn next_path(dir: &Path, key_id: &str) -> PathBuf {
    dir.join(format!("{NEXT_PREFIX}{key_id}"))
}

/// Steps of a rotation, for tests that cut it off after each one.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RotateStep {
    /// The new database exists beside the old.
    RegisterCopied,
    /// Every sidecar also holds its key under the new workspace key.
    SidecarsWritten,
    /// The key file names the new key (the commit point).
    KeyFileWritten,
}

/// Completes or discards a rotation cut off by a crash, for the key the
/// key file now holds. Runs at every unlock, before the database is opened.
pub(super) fn finish(dir: &Path, wkey: &WorkspaceKey) -> Result<()> {
    let id = wkey.id();
    let mine = next_path(dir, &id);
    if mine.exists() {
        // Committed: the old database (and any log of it) gives way.
        let db = dir.join(DB_FILE);
        for ext in ["-wal", "-shm", "-journal"] {
            let _ = std::fs::remove_file(dir.join(format!("{DB_FILE}{ext}")));
        }
        fsutil::rename_durable(&mine, &db)?;
    }
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(NEXT_PREFIX) && !name.ends_with("-wal") && !name.ends_with("-shm") {
            // Not committed: what it built is discarded.
            fsutil::remove_db_files(&entry.path());
        }
    }
    Ok(())
}

impl UnlockedWorkspace {
    /// Changes the passphrase **and** the workspace key: the workspace
    /// database is re-encrypted, every case key re-wrapped, and a new
    /// recovery key issued (returned; show it once). The old key file, old
    /// passphrase and old recovery key open nothing made from now on.
    pub fn rotate_key(
        &mut self,
        current: Option<&Passphrase>,
        new: &Passphrase,
        kdf: KdfParams,
    ) -> Result<RecoveryKey> {
        self.rotate_key_until(current, new, kdf, None)?
            .ok_or(Error::Crypto("the key rotation stopped before its end"))
    }

    /// [`rotate_key`](Self::rotate_key), stopping after `stop` as a crash
    /// would (the workspace must then be dropped). For crash tests.
    #[doc(hidden)]
    pub fn rotate_key_until(
        &mut self,
        current: Option<&Passphrase>,
        new: &Passphrase,
        kdf: KdfParams,
        stop: Option<RotateStep>,
    ) -> Result<Option<RecoveryKey>> {
        let mut keyring = self.check_new_passphrase(current, new)?;
        let id = self.id.clone();
        let new_key = WorkspaceKey::random()?;
        let recovery = RecoveryKey::random()?;
        let recovery_env = envelope(
            &crypto::wrap(
                &recovery_kek(&recovery, &id),
                &new_key.0,
                &recovery_aad(&id),
            )?,
            None,
            None,
        );
        keyring.passphrase = passphrase_envelope(&new_key, new, kdf, &id)?;
        keyring.recovery = recovery_env.clone();
        let keys = registry::list(&self.db)?
            .into_iter()
            .map(|r| self.case_key(&r).map(|k| (r, k)))
            .collect::<Result<Vec<(registry::RegistryRow, SecretKey)>>>()?;

        // 1. The register under the new key, beside the current one.
        let next = next_path(&self.dir, &new_key.id());
        fsutil::remove_db_files(&next);
        let copied = (|| {
            store::export_encrypted(
                &self.db,
                &next,
                &new_key.db_key(),
                None,
                FileKind::Workspace,
                |c| Ok(c.execute_batch("PRAGMA export.journal_mode = DELETE;")?),
            )?;
            let mut conn = store::open(
                &next,
                &new_key.db_key(),
                None,
                FileKind::Workspace,
                Mode::Import,
            )?;
            store::write_tx(&mut conn, &next, |tx| {
                for (row, key) in &keys {
                    let w =
                        crypto::wrap(&new_key.wrap_kek(), key, &super::case_key_aad(&row.case_id))?;
                    registry::set_wrapped_key(tx, &row.case_id, &w.nonce, &w.ciphertext)?;
                }
                Ok(())
            })?;
            conn.close().map_err(|(_, e)| store::map_err(&next, e))?;
            fsutil::sync_file(&next)
        })();
        if let Err(e) = copied {
            fsutil::remove_db_files(&next);
            return Err(e);
        }
        if stop == Some(RotateStep::RegisterCopied) {
            return Ok(None);
        }

        // 2. Each sidecar gains its case key under the new workspace key.
        let cases = self.cases_dir();
        let sidecars = keys.iter().try_for_each(|(row, key)| {
            let path = cases.join(&row.file_name);
            if !path.exists() {
                return Ok(());
            }
            let e = sidecar::entry(&new_key, &row.case_id, key, &recovery_env)?;
            sidecar::upsert(&path, &id, &row.case_id, e)
        });
        if let Err(e) = sidecars {
            let _ = finish(&self.dir, &self.key);
            return Err(e);
        }
        if stop == Some(RotateStep::SidecarsWritten) {
            return Ok(None);
        }

        // 3. The commit point: the key file names the new key.
        if let Err(e) = write_keyring(&self.dir, &keyring) {
            let _ = finish(&self.dir, &self.key);
            return Err(e);
        }
        if stop == Some(RotateStep::KeyFileWritten) {
            return Ok(None);
        }

        // 4. The new database takes the old one's place.
        let old = std::mem::replace(
            &mut self.db,
            Connection::open_in_memory().map_err(Error::Storage)?,
        );
        let _ = old.close();
        self.key = new_key;
        self.recovery_env = recovery_env;
        self.by_recovery = false;
        finish(&self.dir, &self.key)?;
        self.db = store::open(
            &self.dir.join(DB_FILE),
            &self.key.db_key(),
            None,
            FileKind::Workspace,
            Mode::Existing,
        )?;
        Ok(Some(recovery))
    }
}
