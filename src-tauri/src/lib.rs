//! Vigil's desktop shell: Tauri wiring over the `vigil` core.
//!
//! **Architecture invariant:** commands are adapters (state → one core call →
//! error mapping). This crate is the only one that knows Tauri or the wire
//! format; the core knows neither.

pub mod autolock;
pub mod commands;
pub mod error;
pub mod preview;
pub mod screenlock;
pub mod state;

use std::path::PathBuf;

/// The workspace folder: `--workspace DIR` on the command line, else
/// `$VIGIL_WORKSPACE`, else the platform's data folder.
pub fn workspace_dir_from(args: impl IntoIterator<Item = String>) -> PathBuf {
    let mut args = args.into_iter();
    while let Some(a) = args.next() {
        if a == "--workspace" {
            if let Some(d) = args.next() {
                return PathBuf::from(d);
            }
        } else if let Some(d) = a.strip_prefix("--workspace=") {
            return PathBuf::from(d);
        }
    }
    if let Some(d) = std::env::var_os("VIGIL_WORKSPACE") {
        return PathBuf::from(d);
    }
    vigil::workspace::default_dir().unwrap_or_else(|_| PathBuf::from("vigil-workspace"))
}

/// Registers state, plugins and commands on a builder (also used by tests
/// with the mock runtime).
pub fn builder<R: tauri::Runtime>(b: tauri::Builder<R>, dir: PathBuf) -> tauri::Builder<R> {
    use commands::{
        case, evidence, incident, management, packet, people, review, training, workspace,
    };
    b.manage(state::AppState::new(dir))
        .register_asynchronous_uri_scheme_protocol(preview::SCHEME, preview::protocol)
        .on_window_event(on_window_event)
        .invoke_handler(tauri::generate_handler![
            workspace::app_status,
            workspace::assess_passphrase,
            workspace::create_workspace,
            workspace::unlock_workspace,
            workspace::unlock_with_recovery_key,
            workspace::lock_workspace,
            workspace::touch,
            workspace::save_profile,
            workspace::get_settings,
            workspace::save_settings,
            workspace::change_passphrase,
            workspace::repair_workspace,
            workspace::list_unregistered_cases,
            workspace::adopt_case,
            case::list_cases,
            case::create_case,
            case::open_case,
            case::update_case,
            case::verify_case,
            case::seal_case,
            case::receive_case,
            people::list_people,
            people::save_person,
            people::delete_person,
            people::search_identifiers,
            people::reveal_identifier,
            incident::get_taxonomy,
            incident::parse_when,
            incident::add_incident,
            incident::update_incident,
            incident::delete_incident,
            incident::get_incident,
            incident::list_incidents,
            incident::incident_histogram,
            incident::list_tags,
            incident::import_pick_file,
            incident::import_from_text,
            incident::import_preview,
            incident::import_commit,
            incident::import_cancel,
            incident::export_incidents,
            management::get_protocol,
            management::answer_item,
            management::upgrade_protocol,
            management::get_risk_catalog,
            management::risk_history,
            management::add_risk_assessment,
            management::status_options,
            management::change_status,
            management::status_history,
            management::list_orders,
            management::save_order,
            management::list_legal,
            management::save_legal,
            management::renew_legal,
            management::list_plan,
            management::save_plan_item,
            management::due_list,
            evidence::list_exhibits,
            evidence::get_exhibit,
            evidence::pick_evidence_files,
            evidence::pending_evidence_files,
            evidence::clear_evidence_files,
            evidence::cancel_ingest,
            evidence::add_exhibits,
            evidence::update_exhibit,
            evidence::record_custody,
            evidence::delete_exhibit,
            evidence::export_exhibit,
            evidence::get_exhibit_format,
            evidence::set_exhibit_format,
            packet::list_statutes,
            packet::elements_matrix,
            packet::set_case_statutes,
            packet::set_element_links,
            packet::get_packet_info,
            packet::save_packet_info,
            packet::packet_history,
            packet::signing_identity,
            packet::cancel_packet,
            packet::preview_packet,
            packet::export_packet,
            review::review_pick_packet,
            review::review_reopen,
            review::review_trust_signer,
            review::review_close,
            review::review_checklist,
            review::review_decide,
            review::review_register,
            review::trusted_signers,
            review::remove_signer,
            review::apply_review,
            review::case_reviews,
            review::tick_review_point,
            review::review_agenda,
            review::add_minute,
            training::open_training_demo,
            training::leave_training,
            training::training_scenarios,
            training::presentation,
            training::reset_scenario,
            training::debrief,
            training::victim_script,
            training::export_debrief,
        ])
}

/// Files dropped on the window: their paths stay in the shell; the web view
/// is told their names and sizes (`files-dropped`) and offers to add them.
fn on_window_event<R: tauri::Runtime>(w: &tauri::Window<R>, e: &tauri::WindowEvent) {
    use tauri::{Emitter, Manager};
    if let tauri::WindowEvent::DragDrop(tauri::DragDropEvent::Drop { paths, .. }) = e {
        let state = w.state::<state::AppState>();
        if !state.is_unlocked() {
            return;
        }
        let files = state.set_pending_files(paths.clone());
        let _ = w.emit("files-dropped", files);
    }
}

/// A form-and-list app needs neither GPU compositing nor a browser's
/// caches. WebKitGTK composites with OpenGL by default; where there is no
/// GPU (a virtual display, many agency laptops' remote sessions) that is
/// Mesa's software renderer, which doubles the web view's memory and keeps
/// what it took. Drawing without compositing and caching as a document
/// viewer takes a fifth off the app's memory at the start and half off what
/// a 10,000-incident timeline adds (figures in `make bench-ui`).
fn lean_web_view(app: &tauri::App) {
    #[cfg(target_os = "linux")]
    {
        use tauri::Manager;
        use webkit2gtk::{
            CacheModel, HardwareAccelerationPolicy, SettingsExt, WebContextExt, WebViewExt,
        };
        for w in app.webview_windows().values() {
            let _ = w.with_webview(|v| {
                let view = v.inner();
                if let Some(settings) = WebViewExt::settings(&view) {
                    // VIGIL_WEBVIEW_GPU=1 gives WebKit its default back
                    // (for a machine where drawing in software is slow).
                    if std::env::var_os("VIGIL_WEBVIEW_GPU").is_none() {
                        settings
                            .set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
                    }
                }
                if let Some(context) = view.context() {
                    context.set_cache_model(CacheModel::DocumentViewer);
                }
            });
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = app;
}

/// The web view's JavaScript engine (JavaScriptCore, in WebKit's own
/// process, which inherits this environment) runs without its top
/// optimising tier, FTL. The UI's scripts are light, since the core does
/// the work; with FTL the web view kept about 20 MB more after a
/// 10,000-incident timeline and ten searches (`make bench-ui`, after
/// leaving the case: +92–109 MB over the unlock screen with it, +69–86 MB
/// without, same timings). Setting `JSC_useFTLJIT` yourself wins.
fn lean_script_engine() {
    #[cfg(target_os = "linux")]
    if std::env::var_os("JSC_useFTLJIT").is_none() {
        // The one place the environment is written: first thing in `run`,
        // before any thread exists, and WebKit's web process reads its
        // engine's options from nowhere else.
        #[allow(clippy::disallowed_methods)]
        std::env::set_var("JSC_useFTLJIT", "false");
    }
}

/// Runs the app.
pub fn run() {
    lean_script_engine();
    let dir = workspace_dir_from(std::env::args().skip(1));
    let app = builder(tauri::Builder::default(), dir)
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            lean_web_view(app);
            autolock::spawn(app.handle().clone());
            screenlock::spawn(app.handle().clone());
            Ok(())
        })
        .build(tauri::generate_context!());
    match app {
        Ok(app) => app.run(|_, _| {}),
        Err(e) => {
            // No case content can be in a start-up error.
            eprintln!("Vigil could not start: {e}");
            std::process::exit(1);
        }
    }
}

#[cfg(test)]
mod tests;
