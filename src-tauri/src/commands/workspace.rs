//! Unlocking, locking, profile and settings.

use crate::error::CmdResult;
use crate::state::AppState;
use serde::Serialize;
use std::sync::atomic::Ordering;
use std::time::Duration;
use tauri::{AppHandle, Emitter, Manager, Runtime, State};
use vigil::case::CaseSummary;
use vigil::crypto::KdfParams;
use vigil::passphrase::PassphraseAssessment;
use vigil::secret::{Passphrase, RecoveryKey};
use vigil::workspace::{
    self, Credential, Profile, RepairReport, Settings, UnlockReport, UnregisteredCase,
};

/// What the UI needs to choose its first screen.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct AppStatus {
    /// The workspace folder.
    pub workspace_dir: String,
    /// A workspace has been set up there.
    pub workspace_exists: bool,
    /// It is unlocked in this window.
    pub unlocked: bool,
    /// Unlocked, but the investigator's profile is not filled in yet.
    pub needs_profile: bool,
    /// Idle minutes before auto-lock.
    pub idle_minutes: u32,
    /// The investigator's profile, while unlocked.
    pub profile: Option<Profile>,
    /// Unlocked with the recovery key: the UI should offer a new passphrase,
    /// and changing it needs no current passphrase.
    pub unlocked_by_recovery_key: bool,
    /// This window works in a training workspace (fictional cases only).
    pub training: bool,
    /// The fixed passphrase of training workspaces, to print for a class.
    pub demo_passphrase: String,
}

/// Shown once after set-up.
#[derive(Debug, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct WorkspaceCreated {
    /// The printable recovery key.
    pub recovery_key: String,
}

/// How long unlocking should take on this machine.
const UNLOCK_TARGET: Duration = Duration::from_millis(500);

/// Says TRAINING in the window's title when the window works in a training
/// workspace.
pub fn set_title<R: Runtime>(app: &AppHandle<R>, training: bool) {
    if let Some(w) = app.get_webview_window("main") {
        let _ = w.set_title(if training {
            "Vigil — TRAINING (fictional cases, not evidence)"
        } else {
            "Vigil"
        });
    }
}

#[tauri::command]
pub fn app_status<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> AppStatus {
    let status = status_of(&state);
    set_title(&app, status.training);
    status
}

pub(crate) fn status_of(state: &AppState) -> AppStatus {
    let (unlocked, profile, by_recovery, ws_training) = state
        .with(|ws| {
            Ok((
                true,
                ws.profile().cloned(),
                ws.unlocked_by_recovery_key(),
                ws.is_training(),
            ))
        })
        .unwrap_or((false, None, false, false));
    AppStatus {
        training: ws_training || vigil::training::is_training_dir(&state.dir()),
        demo_passphrase: vigil::training::DEMO_PASSPHRASE.to_string(),
        workspace_dir: state.dir().display().to_string(),
        workspace_exists: workspace::exists(&state.dir()),
        unlocked,
        needs_profile: unlocked && profile.is_none(),
        idle_minutes: state.idle_minutes.load(Ordering::Relaxed),
        profile,
        unlocked_by_recovery_key: by_recovery,
    }
}

#[tauri::command]
pub fn assess_passphrase(passphrase: String, profile: Option<Profile>) -> PassphraseAssessment {
    let p = Passphrase::new(passphrase);
    let parts: Vec<&str> = profile
        .as_ref()
        .map(|p| vec![&*p.name, &*p.badge, &*p.unit, &*p.agency])
        .unwrap_or_default();
    vigil::passphrase::assess(&p, &parts)
}

fn after_unlock(state: &AppState, ws: workspace::UnlockedWorkspace) -> CmdResult<()> {
    let minutes = ws.settings()?.idle_minutes;
    state.idle_minutes.store(minutes, Ordering::Relaxed);
    state.set(ws);
    Ok(())
}

#[tauri::command(async)]
pub fn create_workspace(
    state: State<'_, AppState>,
    profile: Profile,
    passphrase: String,
) -> CmdResult<WorkspaceCreated> {
    let p = Passphrase::new(passphrase);
    let kdf = KdfParams::calibrate(UNLOCK_TARGET)?;
    let (ws, rk) = workspace::create(&state.dir(), &p, Some(&profile), kdf)?;
    after_unlock(&state, ws)?;
    Ok(WorkspaceCreated {
        recovery_key: rk.to_printable().to_string(),
    })
}

#[tauri::command(async)]
pub fn unlock_workspace(state: State<'_, AppState>, passphrase: String) -> CmdResult<UnlockReport> {
    let p = Passphrase::new(passphrase);
    let (ws, report) = workspace::unlock(&state.dir(), Credential::Passphrase(&p))?;
    after_unlock(&state, ws)?;
    Ok(report)
}

#[tauri::command(async)]
pub fn unlock_with_recovery_key(
    state: State<'_, AppState>,
    recovery_key: String,
) -> CmdResult<UnlockReport> {
    let text = zeroize::Zeroizing::new(recovery_key);
    let rk = RecoveryKey::parse(&text)?;
    let (ws, report) = workspace::unlock(&state.dir(), Credential::RecoveryKey(&rk))?;
    after_unlock(&state, ws)?;
    Ok(report)
}

/// Locks and reloads the web view so no case content stays in its memory.
pub fn lock_now<R: Runtime>(app: &AppHandle<R>) {
    let state = app.state::<AppState>();
    if state.lock() {
        let _ = app.emit("vigil://locked", ());
    }
    if let Some(w) = app.get_webview_window("main") {
        let _ = w.reload();
    }
}

#[tauri::command]
pub fn lock_workspace<R: Runtime>(app: AppHandle<R>) {
    lock_now(&app);
}

#[tauri::command]
pub fn touch(state: State<'_, AppState>) {
    state.touch();
}

#[tauri::command(async)]
pub fn save_profile(state: State<'_, AppState>, profile: Profile) -> CmdResult<Profile> {
    state.with(|ws| Ok(ws.set_profile(&profile)?))
}

#[tauri::command(async)]
pub fn get_settings(state: State<'_, AppState>) -> CmdResult<Settings> {
    state.with(|ws| Ok(ws.settings()?))
}

#[tauri::command(async)]
pub fn save_settings(state: State<'_, AppState>, settings: Settings) -> CmdResult<Settings> {
    let saved = state.with(|ws| Ok(ws.save_settings(&settings)?))?;
    state
        .idle_minutes
        .store(saved.idle_minutes, Ordering::Relaxed);
    Ok(saved)
}

/// Changes the passphrase; with `rotate`, also replaces the workspace key and
/// returns the new recovery key (to be shown once).
#[tauri::command(async)]
pub fn change_passphrase(
    state: State<'_, AppState>,
    current: String,
    next: String,
    rotate: bool,
) -> CmdResult<Option<String>> {
    let current = Passphrase::new(current);
    let next = Passphrase::new(next);
    let kdf = KdfParams::calibrate(UNLOCK_TARGET)?;
    state.with(|ws| {
        let cur = if ws.unlocked_by_recovery_key() {
            None
        } else {
            Some(&current)
        };
        if rotate {
            let rk = ws.rotate_key(cur, &next, kdf)?;
            Ok(Some(rk.to_printable().to_string()))
        } else {
            ws.change_passphrase(cur, &next, kdf)?;
            Ok(None)
        }
    })
}

/// Unlocks and mends the register (rebuilt from the case files when it is
/// missing or damaged), with the passphrase or, when `recovery` is set, the
/// recovery key.
#[tauri::command(async)]
pub fn repair_workspace(
    state: State<'_, AppState>,
    secret: String,
    recovery: bool,
) -> CmdResult<RepairReport> {
    let text = zeroize::Zeroizing::new(secret);
    let (ws, report) = if recovery {
        let rk = RecoveryKey::parse(&text)?;
        workspace::repair(&state.dir(), Credential::RecoveryKey(&rk))?
    } else {
        let p = Passphrase::new(text.to_string());
        workspace::repair(&state.dir(), Credential::Passphrase(&p))?
    };
    after_unlock(&state, ws)?;
    Ok(report)
}

/// Case files in the cases folder that the register does not list.
#[tauri::command(async)]
pub fn list_unregistered_cases(state: State<'_, AppState>) -> CmdResult<Vec<UnregisteredCase>> {
    state.with(|ws| Ok(ws.unregistered_cases()?))
}

/// Checks an unregistered case file and takes it back into the register.
#[tauri::command(async)]
pub fn adopt_case(state: State<'_, AppState>, file_name: String) -> CmdResult<CaseSummary> {
    state.with(|ws| Ok(ws.adopt_case(&file_name)?))
}
