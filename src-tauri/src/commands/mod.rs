//! `#[tauri::command]` adapters: take state, call one core function, map the
//! error. No SQL, no rules, no layout here.

pub mod case;
pub mod evidence;
pub mod incident;
pub mod management;
pub mod packet;
pub mod people;
pub mod review;
pub mod training;
pub mod workspace;
