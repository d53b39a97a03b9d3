//! Supervisor review: a packet chosen in the native dialog is held in
//! memory (served to pdf.js at `vexhibit://localhost/review-packet`), checked
//! and decided on; review files are picked and applied to a case.

use crate::error::{CmdResult, CommandError};
use crate::state::AppState;
use std::path::PathBuf;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;
use vigil::review::*;

fn local(p: Option<tauri_plugin_dialog::FilePath>) -> CmdResult<Option<PathBuf>> {
    p.map(|p| {
        p.into_path()
            .map_err(|_| CommandError::internal("The chosen location is not a local file."))
    })
    .transpose()
}

fn read(path: &std::path::Path) -> CmdResult<Vec<u8>> {
    Ok(std::fs::read(path).map_err(|e| vigil::Error::Io {
        path: path.to_path_buf(),
        source: e,
    })?)
}

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// Asks for a packet (native dialog), checks it and keeps it in memory for
/// the viewer. `None` if the dialog was cancelled.
#[tauri::command(async)]
pub fn review_pick_packet<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CmdResult<Option<PacketReview>> {
    let picked = app
        .dialog()
        .file()
        .set_title("Review a packet")
        .add_filter("Case packet", &["pdf"])
        .blocking_pick_file();
    let Some(path) = local(picked)? else {
        return Ok(None);
    };
    let bytes = read(&path)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let review = state.with(|ws| Ok(ws.open_packet_review(&bytes, &name, today())?))?;
    state.set_review_packet(Some((name, bytes)));
    Ok(Some(review))
}

fn held(state: &AppState) -> CmdResult<(String, Vec<u8>)> {
    state.review_packet().ok_or_else(|| CommandError {
        kind: crate::error::ErrorKind::NotFound,
        message: "No packet is open for review: choose one with Review a packet.".into(),
    })
}

/// The packet under review, checked again (after trusting its signer).
#[tauri::command(async)]
pub fn review_reopen(state: State<'_, AppState>) -> CmdResult<PacketReview> {
    let (name, bytes) = held(&state)?;
    state.with(|ws| Ok(ws.open_packet_review(&bytes, &name, today())?))
}

/// Trusts the signer of the packet under review once the supervisor has
/// typed the fingerprint they were given; returns the review checked again.
#[tauri::command(async)]
pub fn review_trust_signer(state: State<'_, AppState>, heard: String) -> CmdResult<PacketReview> {
    let (name, bytes) = held(&state)?;
    state.with(|ws| {
        ws.trust_signer(&bytes, &heard)?;
        Ok(ws.open_packet_review(&bytes, &name, today())?)
    })
}

/// Drops the packet under review.
#[tauri::command]
pub fn review_close(state: State<'_, AppState>) {
    state.set_review_packet(None);
}

/// The review checklist in use.
#[tauri::command(async)]
pub fn review_checklist(state: State<'_, AppState>) -> CmdResult<Checklist> {
    state.with(|ws| Ok(ws.review_checklist()?))
}

/// Asks where to save the review file (native dialog), then signs and
/// writes the decision. `None` if the dialog was cancelled.
#[tauri::command(async)]
pub fn review_decide<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    input: DecisionInput,
) -> CmdResult<Option<ReviewWritten>> {
    let (name, bytes) = held(&state)?;
    let suggested = format!(
        "{}-{}.json",
        name.trim_end_matches(".pdf"),
        if input.decision == Decision::Approve {
            "approved"
        } else {
            "returned"
        }
    );
    let picked = app
        .dialog()
        .file()
        .set_title("Save the signed review")
        .set_file_name(suggested)
        .add_filter("Review", &["json"])
        .blocking_save_file();
    let Some(out) = local(picked)? else {
        return Ok(None);
    };
    state.with(|ws| Ok(Some(ws.decide_review(&bytes, &name, &input, &out)?)))
}

/// The reviews this workspace signed.
#[tauri::command(async)]
pub fn review_register(state: State<'_, AppState>) -> CmdResult<Vec<ReviewRecord>> {
    state.with(|ws| Ok(ws.review_register()?))
}

/// The certificates this workspace trusts.
#[tauri::command(async)]
pub fn trusted_signers(state: State<'_, AppState>) -> CmdResult<Vec<TrustedSigner>> {
    state.with(|ws| Ok(ws.trusted_signers()?))
}

/// Stops trusting a certificate.
#[tauri::command(async)]
pub fn remove_signer(
    state: State<'_, AppState>,
    fingerprint: String,
) -> CmdResult<Vec<TrustedSigner>> {
    state.with(|ws| {
        ws.remove_signer(&fingerprint)?;
        Ok(ws.trusted_signers()?)
    })
}

/// Asks for a review file (native dialog) and applies it to case `number`.
/// `None` if the dialog was cancelled.
#[tauri::command(async)]
pub fn apply_review<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    number: String,
) -> CmdResult<Option<AppliedReview>> {
    let picked = app
        .dialog()
        .file()
        .set_title("Apply a review")
        .add_filter("Review", &["json"])
        .blocking_pick_file();
    let Some(path) = local(picked)? else {
        return Ok(None);
    };
    let bytes = read(&path)?;
    state.with(|ws| Ok(Some(ws.apply_review(&number, &bytes)?)))
}

/// The reviews applied to a case.
#[tauri::command(async)]
pub fn case_reviews(state: State<'_, AppState>, number: String) -> CmdResult<Vec<AppliedReview>> {
    state.with(|ws| Ok(ws.case_reviews(&number)?))
}

/// Ticks a point off (or back on).
#[tauri::command(async, rename_all = "camelCase")]
pub fn tick_review_point(
    state: State<'_, AppState>,
    number: String,
    review_id: String,
    point: String,
    done: bool,
) -> CmdResult<Vec<AppliedReview>> {
    state.with(|ws| Ok(ws.tick_review_point(&number, &review_id, &point, done)?))
}

/// The unit review agenda.
#[tauri::command(async)]
pub fn review_agenda(state: State<'_, AppState>) -> CmdResult<Agenda> {
    state.with(|ws| Ok(ws.review_agenda(today())?))
}

/// Records a minute of a unit case review.
#[tauri::command(async)]
pub fn add_minute(
    state: State<'_, AppState>,
    number: String,
    text: String,
    actions: Vec<String>,
) -> CmdResult<Agenda> {
    state.with(|ws| {
        ws.add_minute(&number, &text, &actions)?;
        Ok(ws.review_agenda(today())?)
    })
}
