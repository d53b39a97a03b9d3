//! Application state: the one unlocked workspace (or none), and what the
//! auto-lock watcher needs.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::{SystemTime, UNIX_EPOCH};
use vigil::workspace::UnlockedWorkspace;

use crate::error::{CmdResult, CommandError};

/// Managed by Tauri; registered once in [`crate::builder`].
pub struct AppState {
    /// The workspace folder this window works on.
    dir: Mutex<PathBuf>,
    /// The folder the window was started with (the real workspace).
    home: PathBuf,
    /// `Some` while unlocked. Taking it out drops every key (zeroized).
    workspace: Mutex<Option<UnlockedWorkspace>>,
    /// Wall-clock seconds of the last user input, for the idle lock. Wall
    /// clock on purpose: time asleep counts as idle.
    last_activity: AtomicU64,
    /// Idle minutes before locking.
    pub idle_minutes: AtomicU32,
    /// A victim's log being previewed before import (in memory only).
    import: Mutex<Option<vigil::import::ImportFile>>,
    /// Evidence files chosen in the native dialog or dropped on the window,
    /// waiting to be added (paths stay here, never in the web view).
    pending_files: Mutex<Vec<PathBuf>>,
    /// Set to stop the running long task (an evidence ingest or a packet export).
    cancel: AtomicBool,
    /// The last packet preview (in memory only).
    packet_preview: Mutex<Option<Vec<u8>>>,
    /// The packet under supervisor review: (file name, bytes), in memory only.
    review_packet: Mutex<Option<(String, Vec<u8>)>>,
}

/// A chosen or dropped file, as the web view sees it: name and size only.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct PendingFile {
    /// File name.
    pub name: String,
    /// Size in bytes (None for something that is not a readable file).
    #[ts(type = "number | null")]
    pub size: Option<u64>,
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
            home: dir.clone(),
            dir: Mutex::new(dir),
            workspace: Mutex::new(None),
            last_activity: AtomicU64::new(wall_secs()),
            idle_minutes: AtomicU32::new(15),
            import: Mutex::new(None),
            pending_files: Mutex::new(Vec::new()),
            cancel: AtomicBool::new(false),
            packet_preview: Mutex::new(None),
            review_packet: Mutex::new(None),
        }
    }

    /// The workspace folder this window works in.
    pub fn dir(&self) -> PathBuf {
        self.dir.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// The folder the window was started with.
    pub fn home(&self) -> PathBuf {
        self.home.clone()
    }

    /// Moves this window to another workspace folder (the training demo).
    pub fn set_dir(&self, dir: PathBuf) {
        *self.dir.lock().unwrap_or_else(|p| p.into_inner()) = dir;
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
        self.set_pending_files(Vec::new());
        self.set_packet_preview(None);
        self.set_review_packet(None);
        self.request_cancel();
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

    /// Replaces the files waiting to be added; returns what the UI may see.
    pub fn set_pending_files(&self, paths: Vec<PathBuf>) -> Vec<PendingFile> {
        *self.pending_files.lock().unwrap_or_else(|p| p.into_inner()) = paths;
        self.pending_files()
    }

    /// Names and sizes of the files waiting to be added.
    pub fn pending_files(&self) -> Vec<PendingFile> {
        self.pending_files
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .iter()
            .map(|p| PendingFile {
                name: p
                    .file_name()
                    .map(|n| n.to_string_lossy().to_string())
                    .unwrap_or_default(),
                size: std::fs::metadata(p)
                    .ok()
                    .filter(|m| m.is_file())
                    .map(|m| m.len()),
            })
            .collect()
    }

    /// Takes the files waiting to be added.
    pub fn take_pending_paths(&self) -> Vec<PathBuf> {
        std::mem::take(&mut *self.pending_files.lock().unwrap_or_else(|p| p.into_inner()))
    }

    /// Keeps (or drops) the packet preview.
    pub fn set_packet_preview(&self, bytes: Option<Vec<u8>>) {
        *self
            .packet_preview
            .lock()
            .unwrap_or_else(|p| p.into_inner()) = bytes;
    }

    /// The packet preview's bytes.
    pub fn packet_preview(&self) -> Option<Vec<u8>> {
        self.packet_preview
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// Keeps (or drops) the packet under review.
    pub fn set_review_packet(&self, packet: Option<(String, Vec<u8>)>) {
        *self.review_packet.lock().unwrap_or_else(|p| p.into_inner()) = packet;
    }

    /// The packet under review.
    pub fn review_packet(&self) -> Option<(String, Vec<u8>)> {
        self.review_packet
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// Asks the running long task to stop.
    pub fn request_cancel(&self) {
        self.cancel.store(true, Ordering::SeqCst);
    }

    /// Clears a previous cancel before a new long task.
    pub fn reset_cancel(&self) {
        self.cancel.store(false, Ordering::SeqCst);
    }

    /// Whether the user asked to stop.
    pub fn cancel_requested(&self) -> bool {
        self.cancel.load(Ordering::SeqCst)
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
