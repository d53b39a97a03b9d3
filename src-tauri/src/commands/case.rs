//! Cases: list, create, open, edit, verify, hand over, receive.

use crate::error::{CmdResult, CommandError};
use crate::state::AppState;
use std::path::PathBuf;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;
use vigil::case::*;
use vigil::secret::Passphrase;

#[tauri::command(async)]
pub fn list_cases(state: State<'_, AppState>) -> CmdResult<Vec<CaseSummary>> {
    state.with(|ws| Ok(ws.list_cases()?))
}

#[tauri::command(async, rename_all = "camelCase")]
pub fn create_case(state: State<'_, AppState>, case: NewCase) -> CmdResult<CaseSummary> {
    state.with(|ws| Ok(ws.create_case(&case)?))
}

#[tauri::command(async)]
pub fn open_case(state: State<'_, AppState>, number: String) -> CmdResult<CaseDetail> {
    state.with(|ws| Ok(ws.open_case(&number)?))
}

#[tauri::command(async)]
pub fn update_case(
    state: State<'_, AppState>,
    number: String,
    patch: CaseHeaderPatch,
) -> CmdResult<CaseDetail> {
    state.with(|ws| Ok(ws.update_case(&number, &patch)?))
}

#[tauri::command(async)]
pub fn verify_case(state: State<'_, AppState>, number: String) -> CmdResult<VerifyReport> {
    state.with(|ws| Ok(ws.verify_case(&number)?))
}

fn picked(path: Option<tauri_plugin_dialog::FilePath>) -> CmdResult<Option<PathBuf>> {
    path.map(|p| {
        p.into_path()
            .map_err(|_| CommandError::internal("The chosen location is not a local file."))
    })
    .transpose()
}

/// Asks where to save (native dialog), then seals. `None` if the user cancelled.
#[tauri::command(async, rename_all = "camelCase")]
pub fn seal_case<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    number: String,
    handover_passphrase: String,
    mode: HandoverMode,
) -> CmdResult<Option<SealReport>> {
    let hp = Passphrase::new(handover_passphrase);
    let suggested = format!(
        "{}-{}.vigil",
        vigil::case::file_name_for(&number).trim_end_matches(".vigil"),
        mode.as_str()
    );
    let Some(out) = picked(
        app.dialog()
            .file()
            .set_file_name(suggested)
            .add_filter("Vigil handover file", &["vigil"])
            .blocking_save_file(),
    )?
    else {
        return Ok(None);
    };
    // The native dialog already asked before replacing a file.
    state.with(|ws| Ok(Some(ws.seal_case(&number, &out, &hp, mode, true)?)))
}

/// Asks which file to take in (native dialog), then receives it. `None` if cancelled.
#[tauri::command(async, rename_all = "camelCase")]
pub fn receive_case<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    handover_passphrase: String,
) -> CmdResult<Option<CaseSummary>> {
    let hp = Passphrase::new(handover_passphrase);
    let Some(file) = picked(
        app.dialog()
            .file()
            .add_filter("Vigil handover file", &["vigil"])
            .blocking_pick_file(),
    )?
    else {
        return Ok(None);
    };
    state.with(|ws| Ok(Some(ws.receive_case(&file, &hp)?)))
}
