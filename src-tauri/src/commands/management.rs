//! The protocol wizard, risk assessments and case management.

use crate::error::CmdResult;
use crate::state::AppState;
use serde::Serialize;
use tauri::State;
use vigil::case::{CaseDetail, CaseStatus};
use vigil::management::*;
use vigil::protocol::{AnswerInput, ProtocolView};
use vigil::risk::{RiskAssessmentInput, RiskCatalog, RiskHistory};

/// A status the case can move to next.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct StatusOption {
    /// The status.
    pub status: CaseStatus,
    /// Whether a reason must be given.
    pub needs_reason: bool,
}

#[tauri::command(async)]
pub fn get_protocol(state: State<'_, AppState>, number: String) -> CmdResult<ProtocolView> {
    state.with(|ws| Ok(ws.protocol_view(&number)?))
}

#[tauri::command(async, rename_all = "camelCase")]
pub fn answer_item(
    state: State<'_, AppState>,
    number: String,
    item_id: String,
    answer: AnswerInput,
) -> CmdResult<ProtocolView> {
    state.with(|ws| Ok(ws.answer_item(&number, &item_id, &answer)?))
}

#[tauri::command(async)]
pub fn upgrade_protocol(state: State<'_, AppState>, number: String) -> CmdResult<ProtocolView> {
    state.with(|ws| Ok(ws.upgrade_protocol(&number)?))
}

#[tauri::command(async)]
pub fn get_risk_catalog(state: State<'_, AppState>) -> CmdResult<RiskCatalog> {
    state.with(|ws| Ok(ws.risk_catalog()?))
}

#[tauri::command(async)]
pub fn risk_history(state: State<'_, AppState>, number: String) -> CmdResult<RiskHistory> {
    state.with(|ws| Ok(ws.risk_history(&number)?))
}

#[tauri::command(async)]
pub fn add_risk_assessment(
    state: State<'_, AppState>,
    number: String,
    assessment: RiskAssessmentInput,
) -> CmdResult<RiskHistory> {
    state.with(|ws| Ok(ws.add_risk_assessment(&number, &assessment)?))
}

#[tauri::command(async)]
pub fn status_options(state: State<'_, AppState>, number: String) -> CmdResult<Vec<StatusOption>> {
    let from = state.with(|ws| Ok(ws.case_detail(&number)?.header.status))?;
    Ok(allowed_next(from)
        .iter()
        .map(|s| StatusOption {
            status: *s,
            needs_reason: needs_reason(from, *s),
        })
        .collect())
}

#[tauri::command(async)]
pub fn change_status(
    state: State<'_, AppState>,
    number: String,
    to: CaseStatus,
    reason: String,
) -> CmdResult<CaseDetail> {
    state.with(|ws| Ok(ws.change_status(&number, to, &reason)?))
}

#[tauri::command(async)]
pub fn status_history(state: State<'_, AppState>, number: String) -> CmdResult<Vec<StatusChange>> {
    state.with(|ws| Ok(ws.status_history(&number)?))
}

#[tauri::command(async)]
pub fn list_orders(state: State<'_, AppState>, number: String) -> CmdResult<Vec<ProtectiveOrder>> {
    state.with(|ws| Ok(ws.list_orders(&number)?))
}

#[tauri::command(async)]
pub fn save_order(
    state: State<'_, AppState>,
    number: String,
    id: Option<String>,
    order: OrderInput,
) -> CmdResult<Vec<ProtectiveOrder>> {
    state.with(|ws| Ok(ws.save_order(&number, id.as_deref(), &order)?))
}

#[tauri::command(async)]
pub fn list_legal(state: State<'_, AppState>, number: String) -> CmdResult<Vec<LegalProcess>> {
    state.with(|ws| Ok(ws.list_legal(&number)?))
}

#[tauri::command(async)]
pub fn save_legal(
    state: State<'_, AppState>,
    number: String,
    id: Option<String>,
    legal: LegalInput,
) -> CmdResult<Vec<LegalProcess>> {
    state.with(|ws| Ok(ws.save_legal(&number, id.as_deref(), &legal)?))
}

#[tauri::command(async)]
pub fn renew_legal(
    state: State<'_, AppState>,
    number: String,
    id: String,
) -> CmdResult<Vec<LegalProcess>> {
    state.with(|ws| Ok(ws.renew_legal(&number, &id, chrono::Local::now().date_naive())?))
}

#[tauri::command(async)]
pub fn list_plan(state: State<'_, AppState>, number: String) -> CmdResult<Vec<PlanItem>> {
    state.with(|ws| Ok(ws.list_plan(&number)?))
}

#[tauri::command(async)]
pub fn save_plan_item(
    state: State<'_, AppState>,
    number: String,
    id: Option<String>,
    item: PlanInput,
) -> CmdResult<Vec<PlanItem>> {
    state.with(|ws| Ok(ws.save_plan_item(&number, id.as_deref(), &item)?))
}

#[tauri::command(async)]
pub fn due_list(state: State<'_, AppState>) -> CmdResult<Vec<DueItem>> {
    state.with(|ws| Ok(ws.due_list(chrono::Local::now().date_naive())?))
}
