//! The case packet. The export reads the case under the workspace lock
//! (fast), makes and signs the PDF outside it (so other commands and the
//! window stay live), then writes the file and its audit event under the
//! lock again. Progress arrives as `packet-progress` events; cancel stops it.

use crate::error::{CmdResult, CommandError, ErrorKind};
use crate::state::AppState;
use tauri::{AppHandle, Emitter, Runtime, State};
use tauri_plugin_dialog::DialogExt;
use vigil::packet::*;

#[tauri::command(async)]
pub fn list_statutes(state: State<'_, AppState>) -> CmdResult<Vec<Statute>> {
    state.with(|ws| Ok(ws.statutes()?))
}

#[tauri::command(async)]
pub fn elements_matrix(state: State<'_, AppState>, number: String) -> CmdResult<ElementsMatrix> {
    state.with(|ws| Ok(ws.elements_matrix(&number)?))
}

#[tauri::command(async)]
pub fn set_case_statutes(
    state: State<'_, AppState>,
    number: String,
    ids: Vec<String>,
) -> CmdResult<ElementsMatrix> {
    state.with(|ws| Ok(ws.set_case_statutes(&number, &ids)?))
}

#[tauri::command(async)]
pub fn set_element_links(
    state: State<'_, AppState>,
    number: String,
    record: String,
    id: String,
    elements: Vec<ElementKind>,
) -> CmdResult<ElementsMatrix> {
    state.with(|ws| Ok(ws.set_element_links(&number, &record, &id, &elements)?))
}

#[tauri::command(async)]
pub fn get_packet_info(state: State<'_, AppState>, number: String) -> CmdResult<PacketInfo> {
    state.with(|ws| Ok(ws.packet_info(&number)?))
}

#[tauri::command(async)]
pub fn save_packet_info(
    state: State<'_, AppState>,
    number: String,
    info: PacketInfo,
) -> CmdResult<PacketInfo> {
    state.with(|ws| Ok(ws.save_packet_info(&number, &info)?))
}

#[tauri::command(async)]
pub fn packet_history(state: State<'_, AppState>, number: String) -> CmdResult<Vec<PacketExport>> {
    state.with(|ws| Ok(ws.packet_history(&number)?))
}

#[tauri::command(async)]
pub fn signing_identity(state: State<'_, AppState>) -> CmdResult<sign::SignerInfoSummary> {
    state.with(|ws| Ok(ws.signing_identity()?))
}

/// Asks the running export to stop.
#[tauri::command]
pub fn cancel_packet(state: State<'_, AppState>) {
    state.request_cancel();
}

fn render<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
    number: &str,
    options: &PacketOptions,
) -> CmdResult<RenderedPacket> {
    state.reset_cancel();
    let job = state.with(|ws| Ok(ws.packet_job(number, options)?))?;
    let mut progress = |p: &PacketProgress| {
        let _ = app.emit("packet-progress", p.clone());
        !state.cancel_requested()
    };
    Ok(job.render(&mut progress)?)
}

/// Makes the packet in memory for the preview (served at
/// `vexhibit://localhost/packet-preview`); returns its page count.
#[tauri::command(async)]
pub fn preview_packet<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    number: String,
    options: PacketOptions,
) -> CmdResult<u32> {
    let p = render(&app, &state, &number, &options)?;
    state.set_packet_preview(Some(p.bytes));
    Ok(p.pages)
}

/// Asks where to save (native dialog), makes, signs and writes the packet.
/// `None` if the dialog was cancelled.
#[tauri::command(async)]
pub fn export_packet<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    number: String,
    options: PacketOptions,
) -> CmdResult<Option<PacketReport>> {
    let name = format!(
        "{}-packet-{}.pdf",
        vigil::case::file_name_for(&number).trim_end_matches(".vigil"),
        options.profile.as_str()
    );
    let picked = app
        .dialog()
        .file()
        .set_title("Save the case packet")
        .set_file_name(name)
        .add_filter("PDF", &["pdf"])
        .blocking_save_file();
    let Some(path) = picked else { return Ok(None) };
    let path = path.into_path().map_err(|_| CommandError {
        kind: ErrorKind::Internal,
        message: "The chosen location is not a local file.".into(),
    })?;
    let packet = render(&app, &state, &number, &options)?;
    state.with(|ws| Ok(Some(ws.record_packet(&number, &packet, &path)?)))
}
