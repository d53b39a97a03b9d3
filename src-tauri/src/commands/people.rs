//! People and their identifiers.

use crate::error::CmdResult;
use crate::state::AppState;
use tauri::State;
use vigil::person::{IdentifierHit, Person, PersonInput};

#[tauri::command(async)]
pub fn list_people(state: State<'_, AppState>, number: String) -> CmdResult<Vec<Person>> {
    state.with(|ws| Ok(ws.list_people(&number)?))
}

#[tauri::command(async)]
pub fn save_person(
    state: State<'_, AppState>,
    number: String,
    id: Option<String>,
    person: PersonInput,
) -> CmdResult<Person> {
    state.with(|ws| Ok(ws.save_person(&number, id.as_deref(), &person)?))
}

#[tauri::command(async)]
pub fn delete_person(state: State<'_, AppState>, number: String, id: String) -> CmdResult<()> {
    state.with(|ws| Ok(ws.delete_person(&number, &id)?))
}

#[tauri::command(async)]
pub fn search_identifiers(
    state: State<'_, AppState>,
    number: String,
    query: String,
) -> CmdResult<Vec<IdentifierHit>> {
    state.with(|ws| Ok(ws.search_identifiers(&number, &query)?))
}

/// One confidential value in clear (an audited event in the case).
#[tauri::command(async)]
pub fn reveal_identifier(
    state: State<'_, AppState>,
    number: String,
    person_id: String,
    identifier_id: String,
) -> CmdResult<String> {
    state.with(|ws| Ok(ws.reveal_identifier(&number, &person_id, &identifier_id)?))
}
