//! Training mode: the demo workspace, scenarios, the presenter's walk,
//! reset and debriefs.

use super::workspace::{set_title, status_of, AppStatus};
use crate::error::{CmdResult, CommandError};
use crate::state::AppState;
use std::sync::atomic::Ordering;
use std::time::Duration;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;
use vigil::case::CaseSummary;
use vigil::crypto::KdfParams;
use vigil::training::{self, Debrief, Presentation, ScenarioSummary};

/// Opens the training workspace beside the real one (making it, with every
/// scenario, the first time) and moves this window to it.
#[tauri::command(async)]
pub fn open_training_demo<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CmdResult<AppStatus> {
    let here = state.dir();
    let dir = if training::is_training_dir(&here) {
        here
    } else {
        training::default_dir(&state.home())
    };
    state.lock();
    let kdf = KdfParams::calibrate(Duration::from_millis(250))?;
    let ws = training::create_demo(&dir, kdf)?;
    state
        .idle_minutes
        .store(ws.settings()?.idle_minutes, Ordering::Relaxed);
    state.set_dir(dir);
    state.set(ws);
    set_title(&app, true);
    Ok(status_of(&state))
}

/// Locks the training workspace and returns the window to the real one.
#[tauri::command]
pub fn leave_training<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> AppStatus {
    state.lock();
    state.set_dir(state.home());
    let status = status_of(&state);
    set_title(&app, status.training);
    status
}

/// The scenarios, each with its case number.
#[tauri::command(async)]
pub fn training_scenarios(state: State<'_, AppState>) -> CmdResult<Vec<ScenarioSummary>> {
    state.with(|ws| Ok(ws.scenario_summaries()?))
}

/// The presenter's walk through a scenario.
#[tauri::command(async, rename_all = "camelCase")]
pub fn presentation(state: State<'_, AppState>, scenario_id: String) -> CmdResult<Presentation> {
    state.with(|ws| Ok(ws.presentation(&scenario_id)?))
}

/// Puts a scenario's case back to its start.
#[tauri::command(async)]
pub fn reset_scenario(state: State<'_, AppState>, number: String) -> CmdResult<CaseSummary> {
    state.with(|ws| Ok(ws.reset_scenario(&number)?))
}

/// The victim's scripted answers for a scenario's case (empty otherwise).
#[tauri::command(async)]
pub fn victim_script(
    state: State<'_, AppState>,
    number: String,
) -> CmdResult<Vec<training::ScriptedAnswer>> {
    state.with(|ws| Ok(ws.victim_script(&number)?))
}

/// A trainee's case against the answer key.
#[tauri::command(async)]
pub fn debrief(state: State<'_, AppState>, number: String) -> CmdResult<Debrief> {
    state.with(|ws| Ok(ws.debrief(&number)?))
}

/// Asks where to save (native dialog) and writes the debrief PDF (training
/// copy). The path written, or `None` if the dialog was cancelled.
#[tauri::command(async)]
pub fn export_debrief<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    number: String,
) -> CmdResult<Option<String>> {
    let picked = app
        .dialog()
        .file()
        .set_title("Save the debrief")
        .set_file_name(format!(
            "{}-debrief.pdf",
            vigil::case::file_name_for(&number).trim_end_matches(".vigil")
        ))
        .add_filter("PDF", &["pdf"])
        .blocking_save_file();
    let Some(path) = picked else { return Ok(None) };
    let path = path
        .into_path()
        .map_err(|_| CommandError::internal("The chosen location is not a local file."))?;
    state.with(|ws| {
        ws.debrief_pdf(&number, &path)?;
        Ok(Some(path.display().to_string()))
    })
}
