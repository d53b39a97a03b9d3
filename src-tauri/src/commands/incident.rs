//! Incidents, the timeline, import of victims' logs and export.

use crate::error::{CmdResult, CommandError};
use crate::state::AppState;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;
use vigil::import::{ImportField, ImportFile, ImportPreview, ImportResult};
use vigil::incident::*;
use vigil::taxonomy::Taxonomy;
use vigil::when::WhenParse;
use vigil::{ExportFormat, ExportReport};

#[tauri::command(async)]
pub fn get_taxonomy(state: State<'_, AppState>) -> CmdResult<Taxonomy> {
    state.with(|ws| Ok(ws.taxonomy().clone()))
}

#[tauri::command]
pub fn parse_when(text: String, tz: Option<String>) -> WhenParse {
    vigil::when::preview(&text, tz.as_deref())
}

#[tauri::command(async)]
pub fn add_incident(
    state: State<'_, AppState>,
    number: String,
    incident: IncidentInput,
) -> CmdResult<Incident> {
    state.with(|ws| Ok(ws.add_incident(&number, &incident)?))
}

#[tauri::command(async)]
pub fn update_incident(
    state: State<'_, AppState>,
    number: String,
    id: String,
    incident: IncidentInput,
) -> CmdResult<Incident> {
    state.with(|ws| Ok(ws.update_incident(&number, &id, &incident)?))
}

#[tauri::command(async)]
pub fn delete_incident(state: State<'_, AppState>, number: String, id: String) -> CmdResult<()> {
    state.with(|ws| Ok(ws.delete_incident(&number, &id)?))
}

#[tauri::command(async)]
pub fn get_incident(state: State<'_, AppState>, number: String, id: String) -> CmdResult<Incident> {
    state.with(|ws| Ok(ws.get_incident(&number, &id)?))
}

#[tauri::command(async)]
pub fn list_incidents(
    state: State<'_, AppState>,
    number: String,
    filter: IncidentFilter,
    offset: i64,
    limit: i64,
) -> CmdResult<IncidentPage> {
    state.with(|ws| Ok(ws.list_incidents(&number, &filter, offset, limit)?))
}

#[tauri::command(async)]
pub fn incident_histogram(
    state: State<'_, AppState>,
    number: String,
    filter: IncidentFilter,
    bucket: Option<Bucket>,
) -> CmdResult<Histogram> {
    state.with(|ws| Ok(ws.incident_histogram(&number, &filter, bucket)?))
}

#[tauri::command(async)]
pub fn list_tags(state: State<'_, AppState>, number: String) -> CmdResult<Vec<String>> {
    state.with(|ws| Ok(ws.list_tags(&number)?))
}

/// Shows the native open dialog, keeps the file's bytes in memory (never a
/// path from the web view) and returns the preview. `None` if cancelled.
#[tauri::command(async)]
pub fn import_pick_file<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CmdResult<Option<ImportPreview>> {
    let picked = app
        .dialog()
        .file()
        .add_filter("Spreadsheet (CSV)", &["csv", "txt", "tsv"])
        .blocking_pick_file();
    let Some(path) = picked else { return Ok(None) };
    let path = path
        .into_path()
        .map_err(|_| CommandError::internal("The chosen file is not a local file."))?;
    let file = ImportFile::read(&path)?;
    state
        .with(|ws| Ok(Some(ws.import_preview(&file, None, None)?)))
        .inspect(|_| state.set_import(Some(file)))
}

/// Takes pasted text (CSV, or tab-separated from a spreadsheet) as the file to import.
#[tauri::command(async)]
pub fn import_from_text(
    state: State<'_, AppState>,
    text: String,
    name: String,
) -> CmdResult<ImportPreview> {
    let file = ImportFile::from_text(&name, &text);
    let preview = state.with(|ws| Ok(ws.import_preview(&file, None, None)?))?;
    state.set_import(Some(file));
    Ok(preview)
}

fn pending<T>(state: &AppState, f: impl FnOnce(&ImportFile) -> CmdResult<T>) -> CmdResult<T> {
    state.with_import(|file| match file {
        Some(file) => f(file),
        None => Err(CommandError {
            kind: crate::error::ErrorKind::Validation,
            message: "Choose a file or paste a log first.".into(),
        }),
    })
}

/// Re-checks the pending file with the user's column mapping.
#[tauri::command(async)]
pub fn import_preview(
    state: State<'_, AppState>,
    mapping: Vec<Option<ImportField>>,
) -> CmdResult<ImportPreview> {
    pending(&state, |file| {
        state.with(|ws| Ok(ws.import_preview(file, Some(&mapping), None)?))
    })
}

/// Imports the pending file into the case: every row or none.
#[tauri::command(async)]
pub fn import_commit(
    state: State<'_, AppState>,
    number: String,
    mapping: Vec<Option<ImportField>>,
) -> CmdResult<ImportResult> {
    let result = pending(&state, |file| {
        state.with(|ws| Ok(ws.import_incidents(&number, file, Some(&mapping), None)?))
    })?;
    state.set_import(None);
    Ok(result)
}

#[tauri::command]
pub fn import_cancel(state: State<'_, AppState>) {
    state.set_import(None);
}

/// Asks where to save (native dialog) and writes the chronology. `None` if cancelled.
#[tauri::command(async)]
pub fn export_incidents<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    number: String,
    format: ExportFormat,
) -> CmdResult<Option<ExportReport>> {
    let (ext, label) = match format {
        ExportFormat::Csv => ("csv", "CSV"),
        ExportFormat::Json => ("json", "JSON"),
    };
    let name = format!(
        "{}-chronology.{ext}",
        vigil::case::file_name_for(&number).trim_end_matches(".vigil")
    );
    let picked = app
        .dialog()
        .file()
        .set_file_name(name)
        .add_filter(label, &[ext])
        .blocking_save_file();
    let Some(path) = picked else { return Ok(None) };
    let path = path
        .into_path()
        .map_err(|_| CommandError::internal("The chosen location is not a local file."))?;
    state.with(|ws| Ok(Some(ws.export_incidents(&number, format, &path)?)))
}
