//! The evidence register. Files reach the core as paths given by the native
//! file dialog or a drop on the window, kept in the shell's state: the web
//! view never names a path and never carries a file's bytes over IPC.
//! Previews are served from memory by the `vexhibit:` protocol (`preview.rs`).

use crate::error::{CmdResult, CommandError};
use crate::state::{AppState, PendingFile};
use serde::Serialize;
use tauri::{AppHandle, Emitter, Runtime, State};
use tauri_plugin_dialog::DialogExt;
use vigil::evidence::*;

/// Progress of adding files, sent as the `evidence-progress` event.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct IngestEvent {
    /// 1-based position of the file being taken in.
    pub index: u32,
    /// Files in this batch.
    pub count: u32,
    /// The file's name.
    pub file: String,
    /// Bytes of this file taken in.
    #[ts(type = "number")]
    pub done: u64,
    /// This file's size.
    #[ts(type = "number")]
    pub total: u64,
}

/// What adding a batch did.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct AddExhibitsResult {
    /// The exhibits added (each file is its own exhibit and transaction).
    pub added: Vec<Exhibit>,
    /// The user cancelled; the file in progress left nothing behind.
    pub cancelled: bool,
}

#[tauri::command(async)]
pub fn list_exhibits(
    state: State<'_, AppState>,
    number: String,
    incident: Option<String>,
) -> CmdResult<Vec<ExhibitRow>> {
    state.with(|ws| Ok(ws.list_exhibits(&number, incident.as_deref())?))
}

#[tauri::command(async)]
pub fn get_exhibit(
    state: State<'_, AppState>,
    number: String,
    exhibit: String,
) -> CmdResult<Exhibit> {
    state.with(|ws| Ok(ws.get_exhibit(&number, &exhibit)?))
}

/// Opens the native file dialog (several files at once) and keeps the
/// choice for `add_exhibits`. Returns the files' names and sizes.
#[tauri::command(async)]
pub fn pick_evidence_files<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CmdResult<Vec<PendingFile>> {
    let picked = app
        .dialog()
        .file()
        .set_title("Attach evidence files")
        .blocking_pick_files();
    let paths = picked
        .unwrap_or_default()
        .into_iter()
        .filter_map(|p| p.into_path().ok())
        .collect();
    Ok(state.set_pending_files(paths))
}

/// Files dropped on the window and not yet added.
#[tauri::command]
pub fn pending_evidence_files(state: State<'_, AppState>) -> Vec<PendingFile> {
    state.pending_files()
}

/// Forgets the chosen or dropped files.
#[tauri::command]
pub fn clear_evidence_files(state: State<'_, AppState>) {
    state.set_pending_files(Vec::new());
}

/// Asks the running ingest to stop; the file in progress leaves nothing.
#[tauri::command]
pub fn cancel_ingest(state: State<'_, AppState>) {
    state.request_cancel();
}

/// Adds one exhibit per chosen file (or one physical item), with progress
/// events and cancel.
#[tauri::command(async)]
pub fn add_exhibits<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    number: String,
    input: ExhibitInput,
) -> CmdResult<AddExhibitsResult> {
    let files = if input.physical {
        Vec::new()
    } else {
        state.take_pending_paths()
    };
    if !input.physical && files.is_empty() {
        return Err(CommandError {
            kind: crate::error::ErrorKind::Validation,
            message: "Choose or drop the files to attach first.".into(),
        });
    }
    state.reset_cancel();
    let count = files.len().max(1) as u32;
    let targets: Vec<Option<std::path::PathBuf>> = if input.physical {
        vec![None]
    } else {
        files.into_iter().map(Some).collect()
    };
    let mut added = Vec::new();
    for (k, path) in targets.into_iter().enumerate() {
        let mut one = input.clone();
        if count > 1 {
            if let Some(p) = &path {
                let name = p
                    .file_name()
                    .map(|n| n.to_string_lossy().to_string())
                    .unwrap_or_default();
                one.description = format!("{} ({name})", input.description.trim());
            }
        }
        let mut last = std::time::Instant::now();
        let mut progress = |p: &IngestProgress| {
            let first_or_last = p.done == 0 || p.done == p.total;
            if first_or_last || last.elapsed().as_millis() >= 80 {
                last = std::time::Instant::now();
                let _ = app.emit(
                    "evidence-progress",
                    IngestEvent {
                        index: k as u32 + 1,
                        count,
                        file: p.file.clone(),
                        done: p.done,
                        total: p.total,
                    },
                );
            }
            !state.cancel_requested()
        };
        match state.with(|ws| Ok(ws.add_exhibit(&number, &one, path.as_deref(), &mut progress)?)) {
            Ok(e) => added.push(e),
            Err(e) if e.kind == crate::error::ErrorKind::Cancelled => {
                return Ok(AddExhibitsResult {
                    added,
                    cancelled: true,
                })
            }
            Err(e) if added.is_empty() => return Err(e),
            Err(e) => {
                return Err(CommandError {
                    message: format!(
                        "{} ({} file(s) before it were added.)",
                        e.message,
                        added.len()
                    ),
                    ..e
                })
            }
        }
    }
    Ok(AddExhibitsResult {
        added,
        cancelled: false,
    })
}

#[tauri::command(async)]
pub fn update_exhibit(
    state: State<'_, AppState>,
    number: String,
    exhibit: String,
    input: ExhibitInput,
) -> CmdResult<Exhibit> {
    state.with(|ws| Ok(ws.update_exhibit(&number, &exhibit, &input)?))
}

#[tauri::command(async)]
pub fn record_custody(
    state: State<'_, AppState>,
    number: String,
    exhibit: String,
    input: CustodyInput,
) -> CmdResult<Exhibit> {
    state.with(|ws| Ok(ws.record_custody(&number, &exhibit, &input)?))
}

#[tauri::command(async)]
pub fn delete_exhibit(
    state: State<'_, AppState>,
    number: String,
    exhibit: String,
    reason: String,
) -> CmdResult<()> {
    state.with(|ws| Ok(ws.delete_exhibit(&number, &exhibit, &reason)?))
}

/// Asks for a folder (native dialog) and writes the original file there,
/// unencrypted. `None` if cancelled.
#[tauri::command(async)]
pub fn export_exhibit<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    number: String,
    exhibit: String,
) -> CmdResult<Option<ExportedExhibit>> {
    let picked = app
        .dialog()
        .file()
        .set_title("Export the original file (unencrypted) to…")
        .blocking_pick_folder();
    let Some(dir) = picked else { return Ok(None) };
    let dir = dir
        .into_path()
        .map_err(|_| CommandError::internal("The chosen folder is not a local folder."))?;
    state.with(|ws| Ok(Some(ws.export_exhibit(&number, &exhibit, &dir)?)))
}

#[tauri::command(async)]
pub fn get_exhibit_format(state: State<'_, AppState>) -> CmdResult<String> {
    state.with(|ws| Ok(ws.exhibit_number_format()?))
}

#[tauri::command(async)]
pub fn set_exhibit_format(state: State<'_, AppState>, pattern: String) -> CmdResult<String> {
    state.with(|ws| Ok(ws.set_exhibit_number_format(&pattern)?))
}
