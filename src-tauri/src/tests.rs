//! Shell tests: generated bindings are current, and commands work through
//! Tauri's IPC on the mock runtime against a real workspace.

use super::*;
use serde_json::{json, Value};
use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, INVOKE_KEY};
use tauri::Manager;
use ts_rs::TS;

/// Writes every wire type to `ui/src/ipc/bindings/`. `make test` then runs
/// `git diff --exit-code` on that folder, so a Rust change that is not
/// reflected in the committed TypeScript fails the build.
#[test]
fn export_typescript_bindings() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/ipc/bindings");
    let cfg = ts_rs::Config::new()
        .with_out_dir(&dir)
        .with_large_int("number");
    macro_rules! export { ($($t:ty),* $(,)?) => { $( <$t>::export_all(&cfg).unwrap(); )* } }
    export!(
        commands::workspace::AppStatus,
        commands::workspace::WorkspaceCreated,
        error::CommandError,
        error::ErrorKind,
        vigil::passphrase::PassphraseAssessment,
        vigil::workspace::Profile,
        vigil::workspace::Settings,
        vigil::workspace::UnlockReport,
        vigil::workspace::RepairOutcome,
        vigil::workspace::RepairedCase,
        vigil::workspace::RepairReport,
        vigil::workspace::UnregisteredCase,
        vigil::case::CaseStatus,
        vigil::case::AgencyReport,
        vigil::case::CaseHeader,
        vigil::case::NewCase,
        vigil::case::CaseHeaderPatch,
        vigil::case::CaseSummary,
        vigil::case::CaseDetail,
        vigil::case::HandoverMode,
        vigil::case::HandoverInfo,
        vigil::case::VerifyCheck,
        vigil::case::VerifyReport,
        vigil::case::SealReport,
        vigil::person::PersonRole,
        vigil::person::Relationship,
        vigil::person::IdentifierKind,
        vigil::person::Identifier,
        vigil::person::IdentifierInput,
        vigil::person::Person,
        vigil::person::PersonInput,
        vigil::person::IdentifierHit,
        vigil::when::Precision,
        vigil::when::When,
        vigil::when::WhenParse,
        vigil::taxonomy::Taxonomy,
        vigil::taxonomy::TaxonomyGroup,
        vigil::taxonomy::TaxonomyCategory,
        vigil::incident::Attribution,
        vigil::incident::PlaceType,
        vigil::incident::FearLevel,
        vigil::incident::Method,
        vigil::incident::IncidentSource,
        vigil::incident::ReportedTo,
        vigil::incident::IncidentInput,
        vigil::incident::Incident,
        vigil::incident::IncidentSummary,
        vigil::incident::IncidentFilter,
        vigil::incident::IncidentPage,
        vigil::incident::Bucket,
        vigil::incident::HistogramBar,
        vigil::incident::MarkGroup,
        vigil::incident::Histogram,
        vigil::import::ImportField,
        vigil::import::ImportColumn,
        vigil::import::ImportRowPreview,
        vigil::import::ImportPreview,
        vigil::import::ImportResult,
        vigil::ExportFormat,
        vigil::ExportReport,
        commands::management::StatusOption,
        vigil::protocol::Requirement,
        vigil::protocol::ItemKind,
        vigil::protocol::RecordKind,
        vigil::protocol::ProtocolItem,
        vigil::protocol::ProtocolStep,
        vigil::protocol::ProtocolStage,
        vigil::protocol::Protocol,
        vigil::protocol::AnswerInput,
        vigil::protocol::Answer,
        vigil::protocol::StageProgress,
        vigil::protocol::Omission,
        vigil::protocol::ProtocolStatus,
        vigil::protocol::ProtocolView,
        vigil::risk::Rating,
        vigil::risk::RiskLevel,
        vigil::risk::RiskFactor,
        vigil::risk::Typology,
        vigil::risk::RiskCatalog,
        vigil::risk::FactorRating,
        vigil::risk::ExternalInstrument,
        vigil::risk::RiskAssessmentInput,
        vigil::risk::RiskAssessment,
        vigil::risk::FactorChange,
        vigil::risk::RiskHistory,
        vigil::management::StatusChange,
        vigil::management::OrderKind,
        vigil::management::OrderInput,
        vigil::management::ProtectiveOrder,
        vigil::management::LegalKind,
        vigil::management::LegalStatus,
        vigil::management::LegalInput,
        vigil::management::LegalProcess,
        vigil::management::PlanKind,
        vigil::management::PlanStatus,
        vigil::management::PlanInput,
        vigil::management::PlanItem,
        vigil::management::DueKind,
        vigil::management::DueItem,
        vigil::evidence::ExhibitKind,
        vigil::evidence::EvidenceSource,
        vigil::evidence::CustodyKind,
        vigil::evidence::HashCheck,
        vigil::evidence::PreviewKind,
        vigil::evidence::CaptureChecklist,
        vigil::evidence::ExhibitInput,
        vigil::evidence::AttachedFile,
        vigil::evidence::CustodyEvent,
        vigil::evidence::CustodyInput,
        vigil::evidence::Exhibit,
        vigil::evidence::ExhibitRow,
        vigil::evidence::ExhibitCheck,
        vigil::evidence::ExportedExhibit,
        vigil::evidence::IngestProgress,
        commands::evidence::IngestEvent,
        commands::evidence::AddExhibitsResult,
        state::PendingFile,
        vigil::packet::ElementKind,
        vigil::packet::StatuteElement,
        vigil::packet::Statute,
        vigil::packet::PacketProfile,
        vigil::packet::Paper,
        vigil::packet::PacketInfo,
        vigil::packet::Support,
        vigil::packet::ElementRow,
        vigil::packet::GapLevel,
        vigil::packet::Gap,
        vigil::packet::ElementsMatrix,
        vigil::packet::ElementLink,
        vigil::packet::PacketSection,
        vigil::packet::PacketOptions,
        vigil::packet::ManifestExhibit,
        vigil::packet::Manifest,
        vigil::packet::PacketReport,
        vigil::packet::PacketExport,
        vigil::packet::PacketCheck,
        vigil::packet::PacketVerifyReport,
        vigil::packet::PacketProgress,
        vigil::packet::sign::SignerInfoSummary,
        vigil::review::Decision,
        vigil::review::AnchorKind,
        vigil::review::CheckAnswer,
        vigil::review::TrustState,
        vigil::review::Anchor,
        vigil::review::CommentInput,
        vigil::review::Comment,
        vigil::review::CheckResult,
        vigil::review::CheckInput,
        vigil::review::DecisionInput,
        vigil::review::Named,
        vigil::review::Review,
        vigil::review::VerifiedReview,
        vigil::review::TrustedSigner,
        vigil::review::SignerTrust,
        vigil::review::DashboardLine,
        vigil::review::Dashboard,
        vigil::review::PacketReview,
        vigil::review::ReviewRecord,
        vigil::review::ReviewWritten,
        vigil::review::ReviewPoint,
        vigil::review::AppliedReview,
        vigil::review::Minute,
        vigil::review::AgendaCase,
        vigil::review::Agenda,
        vigil::review::Checklist,
        vigil::review::ChecklistItem,
        vigil::training::ScenarioSummary,
        vigil::training::ScriptedAnswer,
        vigil::training::PresenterQuestion,
        vigil::training::PresenterStep,
        vigil::training::Presentation,
        vigil::training::DebriefLine,
        vigil::training::DebriefArea,
        vigil::training::Debrief,
    );
}

fn invoke(
    wv: &tauri::WebviewWindow<tauri::test::MockRuntime>,
    cmd: &str,
    body: Value,
) -> Result<Value, Value> {
    let req = tauri::webview::InvokeRequest {
        cmd: cmd.into(),
        callback: tauri::ipc::CallbackFn(0),
        error: tauri::ipc::CallbackFn(1),
        url: "tauri://localhost".parse().unwrap(),
        body: tauri::ipc::InvokeBody::Json(body),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    get_ipc_response(wv, req).map(|r| r.deserialize::<Value>().unwrap())
}

#[test]
fn commands_over_ipc_set_up_unlock_and_create_a_case() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("ws");
    let app = builder(mock_builder(), dir.clone())
        .build(mock_context(noop_assets()))
        .unwrap();
    let wv = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();

    let status = invoke(&wv, "app_status", json!({})).unwrap();
    assert_eq!(status["workspaceExists"], false);
    assert_eq!(status["unlocked"], false);

    // Locked: case commands refuse with a kind the UI can act on.
    let err = invoke(&wv, "list_cases", json!({})).unwrap_err();
    assert_eq!(err["kind"], "workspaceLocked");

    let weak = invoke(
        &wv,
        "assess_passphrase",
        json!({"passphrase": "short", "profile": null}),
    )
    .unwrap();
    assert_eq!(weak["acceptable"], false);
    assert!(!weak["problems"].as_array().unwrap().is_empty());

    let profile =
        json!({"name": "Dana Reyes", "badge": "4471", "unit": "TMU", "agency": "Eastfield PD"});
    let created = invoke(
        &wv,
        "create_workspace",
        json!({"profile": profile, "passphrase": "Lantern river 7 copper"}),
    )
    .unwrap();
    assert!(created["recoveryKey"]
        .as_str()
        .unwrap()
        .starts_with("VGL2-"));

    let summary = invoke(
        &wv,
        "create_case",
        json!({"case": {"number": "26-0001", "title": "Harassment of a shop owner", "openedOn": null,
                        "assignedInvestigator": null, "agencyReports": [{"agency": "County SO", "number": "SO-9"}]}}),
    )
    .unwrap();
    assert_eq!(summary["number"], "26-0001");
    let detail = invoke(&wv, "open_case", json!({"number": "26-0001"})).unwrap();
    assert_eq!(detail["header"]["assignedInvestigator"], "Dana Reyes");
    assert_eq!(detail["header"]["agencyReports"][0]["number"], "SO-9");

    let dup = invoke(
        &wv,
        "create_case",
        json!({"case": {"number": "26-0001", "title": "x", "openedOn": null, "assignedInvestigator": null, "agencyReports": []}}),
    )
    .unwrap_err();
    assert_eq!(dup["kind"], "alreadyExists");

    let report = invoke(&wv, "verify_case", json!({"number": "26-0001"})).unwrap();
    assert_eq!(report["ok"], true, "{report}");

    // Lock drops the workspace; a wrong passphrase is reported as such.
    app.state::<state::AppState>().lock();
    let err = invoke(
        &wv,
        "unlock_workspace",
        json!({"passphrase": "Wrong river 7 copper"}),
    )
    .unwrap_err();
    assert_eq!(err["kind"], "wrongPassphrase");
    let report = invoke(
        &wv,
        "unlock_workspace",
        json!({"passphrase": "Lantern river 7 copper"}),
    )
    .unwrap();
    assert_eq!(report["failedAttempts"], 1);
    let list = invoke(&wv, "list_cases", json!({})).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
}

/// An app on a fresh workspace (with a profile) holding one case.
fn app_with_case(
    number: &str,
) -> (
    tempfile::TempDir,
    tauri::App<tauri::test::MockRuntime>,
    tauri::WebviewWindow<tauri::test::MockRuntime>,
) {
    let tmp = tempfile::tempdir().unwrap();
    let app = builder(mock_builder(), tmp.path().join("ws"))
        .build(mock_context(noop_assets()))
        .unwrap();
    let wv = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    invoke(
        &wv,
        "create_workspace",
        json!({"profile": {"name": "Dana Reyes", "badge": "4471", "unit": "TMU", "agency": "Eastfield PD"},
               "passphrase": "Lantern river 7 copper"}),
    )
    .unwrap();
    invoke(
        &wv,
        "create_case",
        json!({"case": {"number": number, "title": "x", "openedOn": null, "assignedInvestigator": null, "agencyReports": []}}),
    )
    .unwrap();
    (tmp, app, wv)
}

/// Evidence over IPC: files chosen in the shell (never named by the web
/// view) become exhibits; custody is recorded; the preview protocol serves
/// the bytes from memory with ranges.
#[test]
fn evidence_is_added_from_shell_held_paths_and_previewed_by_range() {
    let (tmp, app, wv) = app_with_case("26-7");
    let input = json!({"number": "", "description": "Voicemail of 3 March", "kind": "audio", "source": "victim",
        "sourceDetail": "", "legalId": null, "collectedBy": "", "collected": "", "tz": null, "collectedWhere": "",
        "storedAt": "", "physical": false, "incidentIds": [], "personIds": [],
        "checklist": {"senderVisible": null, "timeVisible": null, "originalKept": null, "device": ""},
        "notes": "", "derivedFrom": null, "derivation": ""});
    // Nothing chosen yet: refused.
    let err = invoke(
        &wv,
        "add_exhibits",
        json!({"number": "26-7", "input": input}),
    )
    .unwrap_err();
    assert_eq!(err["kind"], "validation");
    let src = tmp.path().join("voicemail.wav");
    let mut wav = b"RIFF\0\0\0\0WAVEfmt ".to_vec();
    wav.extend((0..5000u32).map(|i| (i % 251) as u8));
    std::fs::write(&src, &wav).unwrap();
    let state = app.state::<state::AppState>();
    let pending = state.set_pending_files(vec![src.clone()]);
    assert_eq!(pending[0].name, "voicemail.wav");
    assert_eq!(pending[0].size, Some(wav.len() as u64));
    let r = invoke(
        &wv,
        "add_exhibits",
        json!({"number": "26-7", "input": input}),
    )
    .unwrap();
    assert_eq!(r["cancelled"], false);
    let e = &r["added"][0];
    assert_eq!(e["number"], "26-7-E001");
    assert_eq!(e["file"]["mediaType"], "audio/wav");
    assert_eq!(e["file"]["preview"], "audio");
    assert_eq!(
        e["file"]["sha256"],
        vigil::crypto::to_hex(&vigil::crypto::sha256(&wav))
    );
    assert!(state.pending_files().is_empty(), "the paths are used once");
    let id = e["id"].as_str().unwrap().to_string();

    let req = |range: Option<&str>| {
        let mut b =
            tauri::http::Request::builder().uri(format!("vexhibit://localhost/26-7%2F{id}"));
        if let Some(r) = range {
            b = b.header("Range", r);
        }
        preview::handle(&state, &b.body(Vec::new()).unwrap())
    };
    let whole = req(None);
    assert_eq!(whole.status(), 200);
    assert_eq!(whole.body(), &wav);
    assert_eq!(whole.headers()["cache-control"], "no-store");
    let part = req(Some("bytes=4-11"));
    assert_eq!(part.status(), 206);
    assert_eq!(part.body(), &wav[4..12]);
    assert_eq!(
        part.headers()["content-range"],
        format!("bytes 4-11/{}", wav.len()).as_str()
    );
    assert_eq!(req(Some("bytes=999999-")).status(), 416);

    let custody = json!({"kind": "transfer", "at": "", "tz": null, "byWhom": "", "from": "Det. Reyes",
        "to": "Digital forensics", "place": "", "purpose": "Enhance the audio", "authority": "", "corrects": null, "note": ""});
    let e = invoke(
        &wv,
        "record_custody",
        json!({"number": "26-7", "exhibit": "26-7-E001", "input": custody}),
    )
    .unwrap();
    assert_eq!(e["custody"][1]["hashCheck"], "matched");
    let list = invoke(
        &wv,
        "list_exhibits",
        json!({"number": "26-7", "incident": null}),
    )
    .unwrap();
    assert_eq!(list[0]["custodyCount"], 2);

    // Locked: the preview protocol serves nothing.
    state.lock();
    assert_eq!(req(None).status(), 404);
}

/// The packet over IPC: statutes chosen, the matrix with its gaps, and a
/// preview made outside the workspace lock and served from memory.
#[test]
fn packet_matrix_and_preview_over_ipc() {
    let (_tmp, app, wv) = app_with_case("26-9");
    let statutes = invoke(&wv, "list_statutes", json!({})).unwrap();
    assert!(statutes.as_array().unwrap().len() >= 5);
    let m = invoke(
        &wv,
        "set_case_statutes",
        json!({"number": "26-9", "ids": ["us-ca-pc-646.9"]}),
    )
    .unwrap();
    assert_eq!(m["statutes"][0]["id"], "us-ca-pc-646.9");
    let codes: Vec<&str> = m["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["code"].as_str().unwrap())
        .collect();
    assert!(
        codes.contains(&"fewActs") && codes.contains(&"noThreat"),
        "{codes:?}"
    );
    let opts = json!({"profile": "discovery", "sections": [], "statutes": [], "paper": null});
    let pages = invoke(
        &wv,
        "preview_packet",
        json!({"number": "26-9", "options": opts}),
    )
    .unwrap();
    assert!(pages.as_u64().unwrap() >= 3);
    let state = app.state::<state::AppState>();
    let req = tauri::http::Request::builder()
        .uri("vexhibit://localhost/packet-preview")
        .body(Vec::new())
        .unwrap();
    let r = preview::handle(&state, &req);
    assert_eq!(r.status(), 200);
    assert!(r.body().starts_with(b"%PDF-"));
    let history = invoke(&wv, "packet_history", json!({"number": "26-9"})).unwrap();
    assert_eq!(history, json!([]), "a preview is not an export");
}

/// A confidential value never crosses IPC unless revealed one at a time.
#[test]
fn confidential_values_cross_ipc_only_when_revealed() {
    let (_tmp, _app, wv) = app_with_case("26-11");
    let secret = "12 Hidden Lane";
    let person = json!({"role": "victim", "name": "Alex", "relationship": "self", "notes": "",
        "identifiers": [{"kind": "address", "value": secret, "label": "", "confidential": true}]});
    let saved = invoke(
        &wv,
        "save_person",
        json!({"number": "26-11", "id": null, "person": person}),
    )
    .unwrap();
    assert!(!saved.to_string().contains(secret), "{saved}");
    let listed = invoke(&wv, "list_people", json!({"number": "26-11"})).unwrap();
    assert!(!listed.to_string().contains(secret), "{listed}");
    let hits = invoke(
        &wv,
        "search_identifiers",
        json!({"number": "26-11", "query": secret}),
    )
    .unwrap();
    assert_eq!(hits.as_array().unwrap().len(), 1);
    assert!(!hits.to_string().contains(secret), "{hits}");
    let ident = &listed[0]["identifiers"][0];
    assert_eq!(ident["masked"], true);
    let value = invoke(
        &wv,
        "reveal_identifier",
        json!({"number": "26-11", "personId": listed[0]["id"], "identifierId": ident["id"]}),
    )
    .unwrap();
    assert_eq!(value, secret);
}

/// A private D-Bus daemon for one test (killed on drop).
#[cfg(target_os = "linux")]
struct Bus {
    child: std::process::Child,
    address: String,
}

#[cfg(target_os = "linux")]
impl Bus {
    fn start() -> Bus {
        use std::io::BufRead;
        let mut child = std::process::Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--print-address=1"])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("dbus-daemon (Debian package dbus-daemon) is installed by make test");
        let mut line = String::new();
        std::io::BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        Bus {
            child,
            address: line.trim().to_string(),
        }
    }

    fn send(&self, path: &str, member: &str, args: &[&str]) {
        let st = std::process::Command::new("dbus-send")
            .arg(format!("--bus={}", self.address))
            .args(["--type=signal", path, member])
            .args(args)
            .status()
            .unwrap();
        assert!(st.success());
    }
}

#[cfg(target_os = "linux")]
impl Drop for Bus {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The screen locking (any of the screen savers) or logind asking to lock
/// or to sleep reaches the watcher; a screen saver turning off does not.
#[cfg(target_os = "linux")]
#[test]
fn screen_lock_and_sleep_signals_are_heard_on_the_bus() {
    use crate::screenlock::{run, subscribe_session, subscribe_system, Signal};
    let bus = Bus::start();
    let (tx, rx) = std::sync::mpsc::channel::<Signal>();
    for system in [false, true] {
        let conn = dbus::blocking::Connection::new_address(&bus.address).unwrap();
        let tx = tx.clone();
        let f = move |s: Signal| {
            let _ = tx.send(s);
        };
        if system {
            subscribe_system(&conn, f).unwrap();
        } else {
            subscribe_session(&conn, f).unwrap();
        }
        std::thread::spawn(move || run(conn));
    }
    let wait = || rx.recv_timeout(std::time::Duration::from_secs(5)).ok();
    bus.send(
        "/org/freedesktop/ScreenSaver",
        "org.freedesktop.ScreenSaver.ActiveChanged",
        &["boolean:false"],
    );
    bus.send(
        "/org/gnome/ScreenSaver",
        "org.gnome.ScreenSaver.ActiveChanged",
        &["boolean:true"],
    );
    assert_eq!(
        wait(),
        Some(Signal::ScreenLocked),
        "false was ignored, true heard"
    );
    bus.send(
        "/org/freedesktop/login1/session/_31",
        "org.freedesktop.login1.Session.Lock",
        &[],
    );
    assert_eq!(wait(), Some(Signal::SessionLock));
    bus.send(
        "/org/freedesktop/login1",
        "org.freedesktop.login1.Manager.PrepareForSleep",
        &["boolean:true"],
    );
    assert_eq!(wait(), Some(Signal::Sleep));
    assert!(rx
        .recv_timeout(std::time::Duration::from_millis(300))
        .is_err());
}

/// A screen-lock signal locks an unlocked workspace in the app.
#[cfg(target_os = "linux")]
#[test]
fn the_app_locks_when_the_screen_locks() {
    let (_tmp, app, wv) = app_with_case("26-12");
    assert_eq!(
        invoke(&wv, "app_status", json!({})).unwrap()["unlocked"],
        true
    );
    let bus = Bus::start();
    let conn = dbus::blocking::Connection::new_address(&bus.address).unwrap();
    crate::screenlock::subscribe_session(&conn, crate::screenlock::locker(app.handle().clone()))
        .unwrap();
    std::thread::spawn(move || crate::screenlock::run(conn));
    bus.send(
        "/org/freedesktop/ScreenSaver",
        "org.freedesktop.ScreenSaver.ActiveChanged",
        &["boolean:true"],
    );
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while invoke(&wv, "app_status", json!({})).unwrap()["unlocked"] == true {
        assert!(
            std::time::Instant::now() < deadline,
            "still unlocked after the screen locked"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

#[test]
fn workspace_dir_comes_from_the_command_line_first() {
    let d = workspace_dir_from(["--workspace".to_string(), "/x/y".to_string()]);
    assert_eq!(d, PathBuf::from("/x/y"));
    let d = workspace_dir_from(["--workspace=/a".to_string()]);
    assert_eq!(d, PathBuf::from("/a"));
}

/// The shell must never load or call anything remote: no http(s) URL in the
/// app config, the capabilities or the bundled UI (the IPC origin Tauri uses
/// on some platforms is local), and no HTTP plugin.
#[test]
fn no_remote_url_in_config_capabilities_or_ui() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![
        root.join("tauri.conf.json"),
        root.join("Cargo.toml"),
        root.join("../ui/index.html"),
    ];
    for dir in [
        root.join("capabilities"),
        root.join("../ui/dist"),
        root.join("../ui/dist/assets"),
    ] {
        for e in std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e} (build the UI first)", dir.display()))
        {
            let p = e.unwrap().path();
            if p.is_file() {
                files.push(p);
            }
        }
    }
    assert!(
        files
            .iter()
            .any(|f| f.extension().is_some_and(|e| e == "js")),
        "the built UI bundle must be checked"
    );
    // The IPC origin is local; React's minified error text names its docs
    // page as plain text (never requested, and the CSP would block it).
    // The exhibit preview protocol's origin on Windows is local too.
    let allowed = [
        "http://ipc.localhost",
        "http://vexhibit.localhost",
        "https://react.dev/errors/",
    ];
    for f in &files {
        let text = String::from_utf8_lossy(&std::fs::read(f).unwrap()).to_string();
        for scheme in ["http://", "https://", "ws://", "wss://"] {
            for (i, _) in text.match_indices(scheme) {
                let rest = &text[i..];
                let url: String = rest
                    .chars()
                    .take_while(|c| !c.is_whitespace() && !"\"'`)<>;,".contains(*c))
                    .collect();
                // XML namespaces (inline SVG; XFA and XMP in pdf.js) are
                // identifiers, licence texts name their source, and pdf.js
                // builds a URL only for documents that carry links: none of
                // these is ever requested, and the CSP would refuse it.
                let namespace = [
                    "http://www.w3.org/",
                    "http://www.xfa.org/schema/",
                    "http://ns.adobe.com/",
                    "http://www.apache.org/licenses/",
                    "https://github.com/zloirock/core-js",
                    "http://${",
                ]
                .iter()
                .any(|p| url.starts_with(p));
                assert!(
                    allowed.contains(&url.as_str()) || namespace,
                    "{} contains a remote URL: {url}",
                    f.display()
                );
            }
        }
        assert!(
            !text.contains("tauri-plugin-http"),
            "{} pulls in the HTTP plugin",
            f.display()
        );
    }
    let conf: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("tauri.conf.json")).unwrap())
            .unwrap();
    let csp = &conf["app"]["security"]["csp"];
    assert_eq!(csp["default-src"], "'self'");
    assert!(
        !csp.to_string().contains("unsafe-eval"),
        "the CSP must not allow eval"
    );
    assert!(
        conf["build"].get("devUrl").is_none(),
        "no dev server URL is shipped"
    );
}
