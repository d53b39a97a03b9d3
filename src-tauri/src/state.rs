//! Application state: the one unlocked workspace (or none), and what the
//! auto-lock watcher needs.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::{SystemTime, UNIX_EPOCH};
use vigil::workspace::UnlockedWorkspace;

use crate::error::{CmdResult, CommandError};

/// Managed by Tauri; registered once in [`crate::builder`].
pub struct AppState {
    /// The workspace folder this window works on.
    pub dir: PathBuf,
    /// `Some` while unlocked. Taking it out drops every key (zeroized).
    workspace: Mutex<Option<UnlockedWorkspace>>,
    /// Wall-clock seconds of the last user input, for the idle lock. Wall
    /// clock on purpose: time asleep counts as idle.
    last_activity: AtomicU64,
    /// Idle minutes before locking.
    pub idle_minutes: AtomicU32,
    /// A victim's log being previewed before import (in memory only).
    import: Mutex<Option<vigil::import::ImportFile>>,
}

pub(crate) fn wall_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

impl AppState {
    /// State for the workspace in `dir`, locked.
    pub fn new(dir: PathBuf) -> Self {
        AppState {
            dir,
            workspace: Mutex::new(None),
            last_activity: AtomicU64::new(wall_secs()),
            idle_minutes: AtomicU32::new(15),
            import: Mutex::new(None),
        }
    }

    fn guard(&self) -> MutexGuard<'_, Option<UnlockedWorkspace>> {
        // A panic while holding the lock must not brick the app: the data
        // behind it is still consistent (every write is a transaction).
        self.workspace.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Runs `f` on the unlocked workspace, or fails with "locked".
    pub fn with<T>(&self, f: impl FnOnce(&mut UnlockedWorkspace) -> CmdResult<T>) -> CmdResult<T> {
        let mut g = self.guard();
        let ws = g.as_mut().ok_or_else(CommandError::locked)?;
        f(ws)
    }

    /// Installs a freshly unlocked workspace.
    pub fn set(&self, ws: UnlockedWorkspace) {
        self.touch();
        *self.guard() = Some(ws);
    }

    /// Locks: drops the workspace, its connections and keys. Returns whether
    /// anything was unlocked.
    pub fn lock(&self) -> bool {
        self.set_import(None);
        self.guard().take().is_some()
    }

    /// Replaces the pending import.
    pub fn set_import(&self, file: Option<vigil::import::ImportFile>) {
        *self.import.lock().unwrap_or_else(|p| p.into_inner()) = file;
    }

    /// Runs `f` on the pending import.
    pub fn with_import<T>(&self, f: impl FnOnce(Option<&vigil::import::ImportFile>) -> T) -> T {
        let g = self.import.lock().unwrap_or_else(|p| p.into_inner());
        f(g.as_ref())
    }

    /// True while unlocked.
    pub fn is_unlocked(&self) -> bool {
        self.guard().is_some()
    }

    /// Records user activity now.
    pub fn touch(&self) {
        self.last_activity.store(wall_secs(), Ordering::Relaxed);
    }

    /// Seconds since the last user activity (wall clock).
    pub fn idle_secs(&self) -> u64 {
        wall_secs().saturating_sub(self.last_activity.load(Ordering::Relaxed))
    }
}
