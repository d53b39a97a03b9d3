use crate::support::*;
use std::path::Path;
use std::process::{Command, Output};

pub(crate) struct Cli {
    _tmp: tempfile::TempDir,
    pub(crate) dir: std::path::PathBuf,
    pub(crate) pass_file: std::path::PathBuf,
}

impl Cli {
    pub(crate) fn new() -> Cli {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("ws");
        let pass_file = tmp.path().join("pass.txt");
        std::fs::write(&pass_file, format!("{PASS}\n")).unwrap();
        Cli {
            _tmp: tmp,
            dir,
            pass_file,
        }
    }

    pub(crate) fn cmd(&self) -> Command {
        self.cmd_in(&self.dir, &self.pass_file)
    }

    /// The CLI on another workspace, with another passphrase file.
    pub(crate) fn cmd_in(&self, dir: &Path, pass_file: &Path) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_vigil"));
        c.arg("--workspace")
            .arg(dir)
            .arg("--passphrase-file")
            .arg(pass_file);
        for v in [
            "VIGIL_PASSPHRASE",
            "VIGIL_WORKSPACE",
            "VIGIL_RECOVERY_KEY",
            "VIGIL_HANDOVER_PASSPHRASE",
            "VIGIL_NEW_PASSPHRASE",
        ] {
            c.env_remove(v);
        }
        c
    }

    pub(crate) fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().unwrap()
    }

    pub(crate) fn init(&self) -> String {
        let o = self.run(&[
            "init",
            "--name",
            "Dana Reyes",
            "--badge",
            "4471",
            "--unit",
            "TMU",
            "--agency",
            "Eastfield PD",
            "--unlock-ms",
            "50",
        ]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8(o.stdout).unwrap().trim().to_string()
    }
}

pub(crate) fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

#[test]
fn init_runs_unattended_and_prints_the_recovery_key_once() {
    let cli = Cli::new();
    let rk = cli.init();
    assert!(rk.starts_with("VGL2-") && !rk.contains('\n'), "{rk}");
    assert!(vigil::secret::RecoveryKey::parse(&rk).is_ok());
    let again = cli.run(&["init"]);
    assert_eq!(again.status.code(), Some(11));
    assert!(stderr(&again).contains("already exists"));
}

#[test]
fn case_commands_with_stable_json() {
    let cli = Cli::new();
    cli.init();
    let o = cli.run(&[
        "case",
        "new",
        "--number",
        "26-100",
        "--title",
        "Texts and drive-bys",
        "--opened-on",
        "2026-05-04",
        "--report",
        "Harlow SO=HS-1",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = cli.run(&["case", "list", "--json"]);
    assert!(o.status.success());
    let list: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let first = &list[0];
    let mut keys: Vec<_> = first.as_object().unwrap().keys().cloned().collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "caseId",
            "lastActivity",
            "number",
            "readOnly",
            "status",
            "title"
        ]
    );
    assert_eq!(first["number"], "26-100");
    assert_eq!(first["status"], "active");

    let o = cli.run(&["case", "show", "26-100", "--json"]);
    let d: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(d["header"]["openedOn"], "2026-05-04");
    assert_eq!(d["header"]["agencyReports"][0]["agency"], "Harlow SO");
    assert_eq!(d["header"]["assignedInvestigator"], "Dana Reyes");

    let o = cli.run(&["case", "edit", "26-100", "--title", "Renamed"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = cli.run(&["case", "verify", "26-100", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let r: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(r["ok"], true);
    assert!(r["checks"].as_array().unwrap().len() >= 6);

    let o = cli.run(&["case", "show", "nope"]);
    assert_eq!(o.status.code(), Some(13));
}

#[test]
fn wrong_passphrase_exits_3_and_never_echoes_it() {
    let cli = Cli::new();
    cli.init();
    let o = cli
        .cmd()
        .args(["case", "list"])
        .env("VIGIL_PASSPHRASE", "ignored")
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "the file option wins over the environment"
    );
    let bad = cli._tmp.path().join("bad.txt");
    std::fs::write(&bad, "Typo river 7 copper").unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_vigil"))
        .args(["--workspace"])
        .arg(&cli.dir)
        .arg("--passphrase-file")
        .arg(&bad)
        .args(["case", "list"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(3));
    let err = stderr(&o);
    assert!(err.contains("passphrase is not correct"), "{err}");
    assert!(
        !err.contains("Typo river"),
        "the typed passphrase must never be printed"
    );
    // The next successful unlock warns about it.
    let o = cli.run(&["case", "list"]);
    assert!(
        stderr(&o).contains("1 failed unlock attempt"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn verify_exits_15_on_a_tampered_case() {
    let cli = Cli::new();
    cli.init();
    assert!(cli
        .run(&["case", "new", "--number", "T-1", "--title", "x"])
        .status
        .success());
    {
        let mut ws = unlock(&cli.dir);
        let raw = ws.raw_case_connection("T-1").unwrap();
        raw.execute("UPDATE case_header SET assigned_investigator = 'x'", [])
            .unwrap();
    }
    let o = cli.run(&["case", "verify", "T-1"]);
    assert_eq!(o.status.code(), Some(15));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("FAILED") && out.contains("[FAIL] Records match the audit trail"),
        "{out}"
    );
}

#[test]
fn seal_and_receive_between_two_workspaces() {
    let a = Cli::new();
    a.init();
    assert!(a
        .run(&["case", "new", "--number", "H-1", "--title", "Handover"])
        .status
        .success());
    let out = a._tmp.path().join("H-1.vigil");
    let hp = a._tmp.path().join("hp.txt");
    std::fs::write(&hp, "Blue kettle 58 north\n").unwrap();
    let o = a
        .cmd()
        .args(["case", "seal", "H-1", "--review", "--out"])
        .arg(&out)
        .arg("--handover-passphrase-file")
        .arg(&hp)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let printed = String::from_utf8_lossy(&o.stdout).to_string();
    assert!(
        printed.starts_with(&vigil::crypto::sha256_file(&out).unwrap()),
        "{printed}"
    );

    let b = Cli::new();
    b.init();
    let o = b
        .cmd()
        .args(["case", "receive"])
        .arg(&out)
        .env("VIGIL_HANDOVER_PASSPHRASE", "Blue kettle 58 north")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("read-only review copy"));
    let o = b.run(&["case", "edit", "H-1", "--title", "x"]);
    assert_eq!(o.status.code(), Some(14));
    let o = b
        .cmd()
        .args(["case", "receive"])
        .arg(&out)
        .env("VIGIL_HANDOVER_PASSPHRASE", "Wrong kettle 1 x")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(4));
}

#[test]
fn clear_exit_codes_for_bad_files_and_missing_workspace() {
    let cli = Cli::new();
    let o = cli.run(&["case", "list"]);
    assert_eq!(o.status.code(), Some(11));
    assert!(stderr(&o).contains("no Vigil workspace"));
    cli.init();
    let text = cli._tmp.path().join("notes.vigil");
    std::fs::write(&text, "plain text\n").unwrap();
    let o = cli
        .cmd()
        .args(["case", "receive"])
        .arg(&text)
        .env("VIGIL_HANDOVER_PASSPHRASE", "Blue kettle 58 north")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(5), "{}", stderr(&o));
    assert!(stderr(&o).contains("not a Vigil file"));
    let o = cli.run(&["case", "new", "--number", "", "--title", "x"]);
    assert_eq!(o.status.code(), Some(12));
    assert!(cli
        .run(&["case", "new", "--number", "B-1", "--title", "x"])
        .status
        .success());
    let gone = cli._tmp.path().join("no-such-photo.jpg");
    let o = cli.run(&[
        "evidence",
        "add",
        "B-1",
        gone.to_str().unwrap(),
        "--kind",
        "photo",
        "--description",
        "x",
    ]);
    assert_ne!(o.status.code(), Some(0));
    let said = stderr(&o);
    assert!(
        said.contains("no-such-photo.jpg could not be accessed"),
        "{said}"
    );
    assert_eq!(
        said.matches("No such file or directory").count(),
        1,
        "the reason is said once: {said}"
    );
    let o = cli.run(&["case", "frobnicate"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn a_workspace_open_elsewhere_exits_9() {
    let cli = Cli::new();
    cli.init();
    let _held = unlock(&cli.dir);
    let o = cli.run(&["case", "list"]);
    assert_eq!(o.status.code(), Some(9), "{}", stderr(&o));
    assert!(stderr(&o).contains("in use"));
}

#[test]
fn recovery_key_file_unlocks_and_resets_the_passphrase() {
    let cli = Cli::new();
    let rk = cli.init();
    let rk_file = cli._tmp.path().join("rk.txt");
    std::fs::write(&rk_file, &rk).unwrap();
    let new_file = cli._tmp.path().join("new.txt");
    std::fs::write(&new_file, "Harbour light 42 amber\n").unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_vigil"))
        .arg("--workspace")
        .arg(&cli.dir)
        .arg("--recovery-key-file")
        .arg(&rk_file)
        .args([
            "passphrase",
            "change",
            "--unlock-ms",
            "50",
            "--new-passphrase-file",
        ])
        .arg(&new_file)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let o = cli.run(&["case", "list"]);
    assert_eq!(
        o.status.code(),
        Some(3),
        "the old passphrase no longer works"
    );
    let o = Command::new(env!("CARGO_BIN_EXE_vigil"))
        .arg("--workspace")
        .arg(&cli.dir)
        .arg("--passphrase-file")
        .arg(&new_file)
        .args(["case", "list"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn a_killed_writer_never_leaves_an_unreadable_case() {
    // Kill the CLI at varying moments while it edits a case; after each kill
    // the case must open and verify.
    let cli = Cli::new();
    cli.init();
    assert!(cli
        .run(&["case", "new", "--number", "K-1", "--title", "start"])
        .status
        .success());
    for i in 0..12u64 {
        let mut child = cli
            .cmd()
            .args(["case", "edit", "K-1", "--title", &format!("edit {i}")])
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20 + i * 9));
        let _ = child.kill();
        let _ = child.wait();
        let o = cli.run(&["case", "verify", "K-1"]);
        assert_eq!(
            o.status.code(),
            Some(0),
            "after kill {i}: {}{}",
            String::from_utf8_lossy(&o.stdout),
            stderr(&o)
        );
    }
    assert!(Path::new(&cli.dir.join("cases/K-1.vigil")).is_file());
}

#[test]
fn incidents_people_import_and_export_from_the_command_line() {
    let cli = Cli::new();
    cli.init();
    assert!(cli
        .run(&["case", "new", "--number", "C-1", "--title", "x"])
        .status
        .success());
    let o = cli.run(&[
        "person",
        "add",
        "C-1",
        "--role",
        "victim",
        "--name",
        "Alex",
        "--relationship",
        "self",
        "--confidential",
        "address=12 Hidden Lane",
        "--id",
        "phone=555-0101",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = cli.run(&["person", "list", "C-1", "--json"]);
    let people: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let ids = people[0]["identifiers"].as_array().unwrap();
    let by_kind = |k: &str| ids.iter().find(|i| i["kind"] == k).unwrap()["value"].clone();
    assert_eq!(
        by_kind("address"),
        "(confidential)",
        "masked unless --reveal"
    );
    assert_eq!(by_kind("phone"), "555-0101");
    let o = cli.run(&["person", "list", "C-1", "--json", "--reveal"]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("12 Hidden Lane"));
    let o = cli.run(&["person", "add", "C-1", "--role", "boss", "--name", "x"]);
    assert_eq!(o.status.code(), Some(2), "bad role is a usage error");

    let o = cli.run(&[
        "incident",
        "add",
        "C-1",
        "--when",
        "3/14/2026 9:30 pm",
        "--category",
        "texts",
        "--narrative",
        "forty texts",
        "--tz",
        "America/Chicago",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = cli.run(&[
        "incident",
        "add",
        "C-1",
        "--when",
        "someday",
        "--category",
        "texts",
    ]);
    assert_eq!(o.status.code(), Some(12));
    assert!(stderr(&o).contains("when"), "{}", stderr(&o));

    let good = cli._tmp.path().join("log.csv");
    std::fs::write(&good, "Date,Time,Description,Location\n3/1/2026,9pm,called 12 times,home\n3/2/2026,,\"left a note, unsigned\",car\n").unwrap();
    let bad = cli._tmp.path().join("bad.csv");
    std::fs::write(&bad, "Date,Time,Description,Location\n3/1/2026,9pm,called,home\nsoon,,note,car\n3/3/2026,,,car\n").unwrap();
    let o = cli
        .cmd()
        .args(["incident", "import", "C-1"])
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(12));
    let err = stderr(&o);
    assert!(err.contains("line 3") && err.contains("line 4"), "{err}");
    let o = cli
        .cmd()
        .args(["incident", "import", "C-1", "--dry-run"])
        .arg(&good)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let listed = cli.run(&["incident", "list", "C-1", "--json"]);
    let rows: serde_json::Value = serde_json::from_slice(&listed.stdout).unwrap();
    assert_eq!(
        rows.as_array().unwrap().len(),
        1,
        "a dry run and a refused file write nothing"
    );
    let o = cli
        .cmd()
        .args(["incident", "import", "C-1", "--tz", "America/Chicago"])
        .arg(&good)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("Imported 2 incidents"));

    let o = cli.run(&["incident", "export", "C-1", "--format", "csv"]);
    assert!(o.status.success());
    let csv_text = String::from_utf8(o.stdout).unwrap();
    assert_eq!(
        csv::Reader::from_reader(csv_text.as_bytes())
            .records()
            .count(),
        3
    );
    assert!(csv_text.contains("left a note, unsigned"));
    let o = cli.run(&["incident", "export", "C-1", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 3);
    assert_eq!(cli.run(&["case", "verify", "C-1"]).status.code(), Some(0));

    // Vigil's own exports import back into another case, CSV and JSON.
    for (k, text) in [("csv", csv_text.clone()), ("json", v.to_string())] {
        let file = cli._tmp.path().join(format!("chronology.{k}"));
        std::fs::write(&file, text).unwrap();
        let target = format!("C-{k}");
        assert!(cli
            .run(&["case", "new", "--number", &target, "--title", "x"])
            .status
            .success());
        let o = cli.run(&["incident", "import", &target, file.to_str().unwrap()]);
        assert!(o.status.success(), "{k}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("Imported 3 incidents"),
            "{}",
            stderr(&o)
        );
        let o = cli.run(&["incident", "export", &target, "--format", "csv"]);
        let again = String::from_utf8(o.stdout).unwrap();
        assert!(again.contains("left a note, unsigned"), "{k}");
    }
}

#[test]
fn a_malformed_taxonomy_names_the_file_line_and_field() {
    let cli = Cli::new();
    let f = cli._tmp.path().join("agency.toml");
    std::fs::write(&f, "id = \"a\"\nversion = 1\nlabel = \"A\"\ndefault_category = \"x\"\n[[group]]\nid = \"g\"\nlabel = \"G\"\ncolor = \"#123456\"\n[[category]]\nid = \"x\"\ngroup = \"missing\"\nlabel = \"X\"\n").unwrap();
    let o = cli
        .cmd()
        .args(["taxonomy", "validate"])
        .arg(&f)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(12));
    let err = stderr(&o);
    assert!(
        err.contains("agency.toml, line 11, field category.group"),
        "{err}"
    );
    let shipped =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/taxonomy/default.toml");
    let o = cli
        .cmd()
        .args(["taxonomy", "validate"])
        .arg(&shipped)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn protocol_risk_status_and_due_from_the_command_line() {
    let cli = Cli::new();
    cli.init();
    assert!(cli
        .run(&["case", "new", "--number", "W-1", "--title", "x"])
        .status
        .success());
    let shipped =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/protocols/default.toml");
    let o = cli
        .cmd()
        .args(["protocol", "validate"])
        .arg(&shipped)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let bad = cli._tmp.path().join("bad.toml");
    std::fs::write(&bad, "id = \"p\"\nversion = 1\nlabel = \"P\"\n[[stage]]\nid = \"s\"\nlabel = \"S\"\n[[stage.step]]\nid = \"a\"\nlabel = \"A\"\nrequirement = \"must\"\nguidance = \"g\"\nwhy = \"w\"\n").unwrap();
    let o = cli
        .cmd()
        .args(["protocol", "validate"])
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(12));
    assert!(
        stderr(&o).contains("bad.toml, line 10, field step.requirement"),
        "{}",
        stderr(&o)
    );

    // An agency protocol, made the workspace's before the case starts following one.
    let agency = cli._tmp.path().join("agency.toml");
    std::fs::write(&agency, "id = \"agency\"\nversion = 1\nlabel = \"Agency\"\n[[stage]]\nid = \"patrol\"\nlabel = \"Patrol\"\n[[stage.step]]\nid = \"safety\"\nlabel = \"Safety\"\nrequirement = \"required\"\nguidance = \"g\"\nwhy = \"w\"\n[[stage.step.item]]\nid = \"safeNow\"\nkind = \"yesNo\"\ntext = \"Is the victim safe now?\"\n[[stage.step.item]]\nid = \"toldToStop\"\nkind = \"date\"\ntext = \"When was the suspect told to stop?\"\n").unwrap();
    let o = cli
        .cmd()
        .args(["protocol", "use"])
        .arg(&agency)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let omissions = |cli: &Cli| -> Vec<String> {
        let o = cli.run(&["protocol", "show", "W-1", "--json"]);
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        v["omissions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["itemId"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(omissions(&cli), ["safeNow", "toldToStop"]);
    assert_eq!(
        cli.run(&["protocol", "answer", "W-1", "safeNow", "perhaps"])
            .status
            .code(),
        Some(12)
    );
    assert!(cli
        .run(&["protocol", "answer", "W-1", "safeNow", "yes"])
        .status
        .success());
    assert_eq!(omissions(&cli), ["toldToStop"]);
    let text = String::from_utf8(cli.run(&["protocol", "show", "W-1"]).stdout).unwrap();
    assert!(text.contains("1 required open"), "{text}");

    let o = cli.run(&[
        "risk",
        "add",
        "W-1",
        "--level",
        "high",
        "--reasons",
        "Threats and approaches to the home",
        "--factor",
        "threats=present",
        "--date",
        "2026-03-01",
        "--instrument",
        "Agency screen:2:elevated",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        cli.run(&[
            "risk",
            "add",
            "W-1",
            "--level",
            "high",
            "--reasons",
            "x",
            "--factor",
            "notAFactor=present"
        ])
        .status
        .code(),
        Some(12)
    );
    let o = cli.run(&["risk", "list", "W-1", "--json"]);
    let h: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(h["assessments"][0]["nextReview"], "2026-03-08");

    let o = cli.run(&["case", "status", "W-1", "--to", "closed"]);
    assert_eq!(o.status.code(), Some(12), "closing needs a reason");
    let o = cli.run(&["case", "status", "W-1", "--to", "referred"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = cli.run(&["due", "--json"]);
    let due: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(due[0]["kind"], "reassessment");
    assert_eq!(
        due[0]["overdue"], true,
        "a review due in March 2026 is overdue now"
    );
    assert_eq!(cli.run(&["case", "verify", "W-1"]).status.code(), Some(0));
}

// ---- evidence ---------------------------------------------------------------

fn sha256sum(path: &Path) -> String {
    let o = Command::new("sha256sum").arg(path).output().unwrap();
    assert!(o.status.success());
    String::from_utf8_lossy(&o.stdout)
        .split_whitespace()
        .next()
        .unwrap()
        .to_string()
}

fn exhibits(cli: &Cli, case: &str) -> Vec<serde_json::Value> {
    let o = cli.run(&["evidence", "list", case, "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_slice::<serde_json::Value>(&o.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn evidence_from_the_command_line_checks_out_with_a_stock_sha256sum() {
    let cli = Cli::new();
    cli.init();
    assert!(cli
        .run(&["case", "new", "--number", "EV-1", "--title", "x"])
        .status
        .success());
    let tmp = cli.dir.parent().unwrap();
    let shot = tmp.join("texts 14 March.png");
    std::fs::write(&shot, crate::evidence::bytes(300_000, 9)).unwrap();
    let vm = tmp.join("voicemail.wav");
    std::fs::write(&vm, crate::evidence::bytes(2_500_000, 10)).unwrap();
    let o = cli.run(&[
        "evidence",
        "add",
        "EV-1",
        shot.to_str().unwrap(),
        vm.to_str().unwrap(),
        "--kind",
        "screenshot",
        "--description",
        "What the victim sent us",
        "--sender-visible",
        "yes",
        "--time-visible",
        "yes",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("capture gap"), "{}", stderr(&o));
    let o = cli.run(&[
        "evidence",
        "add",
        "EV-1",
        "--physical",
        "--kind",
        "tracker",
        "--description",
        "GPS tracker found under the victim's car",
        "--stored-at",
        "Property room, locker 14",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let list = exhibits(&cli, "EV-1");
    assert_eq!(list.len(), 3);
    assert_eq!(list[0]["number"], "EV-1-E001");
    assert_eq!(list[0]["sha256"], sha256sum(&shot));
    assert_eq!(list[1]["sha256"], sha256sum(&vm));
    assert_eq!(list[2]["physical"], true);

    // Custody of the tracker to the lab, and a transfer of the voicemail.
    let o = cli.run(&[
        "evidence",
        "custody",
        "EV-1",
        "EV-1-E003",
        "--event",
        "labSubmission",
        "--to",
        "State crime lab",
        "--purpose",
        "Download location history",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = cli.run(&[
        "evidence",
        "custody",
        "EV-1",
        "EV-1-E002",
        "--event",
        "transfer",
        "--to",
        "Lab",
    ]);
    assert_eq!(
        o.status.code(),
        Some(12),
        "a transfer without a purpose is refused"
    );
    let o = cli.run(&[
        "evidence",
        "custody",
        "EV-1",
        "EV-1-E002",
        "--event",
        "transfer",
        "--to",
        "Audio lab",
        "--purpose",
        "Enhancement",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("matched"), "{}", stderr(&o));
    let o = cli.run(&["evidence", "show", "EV-1", "EV-1-E002", "--json"]);
    let shown: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(shown["custody"].as_array().unwrap().len(), 2);
    assert_eq!(shown["custody"][1]["hashCheck"], "matched");
    let o = cli.run(&["evidence", "show", "EV-1", "EV-1-E003"]);
    let text = String::from_utf8_lossy(&o.stdout).to_string();
    assert!(
        text.contains("labSubmission") && text.contains("State crime lab"),
        "{text}"
    );

    // Export writes the original bytes; a stock sha256sum agrees.
    let out = tmp.join("export");
    std::fs::create_dir(&out).unwrap();
    let o = cli.run(&[
        "evidence",
        "export",
        "EV-1",
        "EV-1-E002",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let exported = out.join("voicemail.wav");
    assert_eq!(sha256sum(&exported), list[1]["sha256"].as_str().unwrap());
    // Deleting after custody is refused; verify lists each exhibit's check.
    let o = cli.run(&["evidence", "delete", "EV-1", "EV-1-E003", "--reason", "x"]);
    assert_eq!(o.status.code(), Some(12));
    let o = cli.run(&["case", "verify", "EV-1", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let r: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let checks = r["exhibits"].as_array().unwrap();
    assert_eq!(checks.len(), 2);
    assert!(checks
        .iter()
        .all(|c| c["ok"] == true && c["found"] == c["recorded"]));
}

#[test]
fn a_killed_ingest_never_leaves_a_partial_exhibit() {
    let cli = Cli::new();
    cli.init();
    assert!(cli
        .run(&["case", "new", "--number", "EK-1", "--title", "x"])
        .status
        .success());
    let big = cli.dir.parent().unwrap().join("video.mp4");
    let data = crate::evidence::bytes(48 * 1024 * 1024, 4);
    std::fs::write(&big, &data).unwrap();
    let want = sha256sum(&big);
    let add = || {
        cli.cmd()
            .args([
                "evidence",
                "add",
                "EK-1",
                big.to_str().unwrap(),
                "--kind",
                "video",
                "--description",
                "Doorbell",
            ])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap()
    };
    // One whole ingest gives this machine's pace; the kills then land from
    // a ninth to eight ninths of the way through one.
    let started = std::time::Instant::now();
    assert!(add().wait().unwrap().success());
    let whole = started.elapsed();
    let mut listed = 1;
    for i in 0..8u32 {
        let mut child = add();
        std::thread::sleep(whole * (1 + i) / 9);
        let _ = child.kill();
        let _ = child.wait();
        // A kill can land after the commit: the exhibit is then whole.
        let list = exhibits(&cli, "EK-1");
        assert!(
            list.len() == listed || list.len() == listed + 1,
            "after kill {i}: {} listed, {listed} before",
            list.len()
        );
        listed = list.len();
        for e in &list {
            assert_eq!(e["sha256"], want.as_str(), "after kill {i}");
        }
        let o = cli.run(&["case", "verify", "EK-1"]);
        assert_eq!(
            o.status.code(),
            Some(0),
            "after kill {i}: {}",
            String::from_utf8_lossy(&o.stdout)
        );
    }
    assert!(listed < 9, "at least one ingest must have been cut off");
}

/// A real full disk: a small tmpfs mounted for the test (needs root, as the
/// test machines run).
#[test]
fn a_full_disk_during_ingest_says_so_and_leaves_nothing() {
    struct Mount(std::path::PathBuf);
    impl Drop for Mount {
        fn drop(&mut self) {
            let _ = Command::new("umount").arg("-l").arg(&self.0).status();
        }
    }
    let tmp = tempfile::tempdir().unwrap();
    let mnt = tmp.path().join("small");
    std::fs::create_dir(&mnt).unwrap();
    let ok = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=6m", "tmpfs"])
        .arg(&mnt)
        .status()
        .unwrap();
    assert!(ok.success(), "mounting a tmpfs needs root");
    let _m = Mount(mnt.clone());
    let pass = tmp.path().join("pass.txt");
    std::fs::write(&pass, format!("{PASS}\n")).unwrap();
    let ws = mnt.join("ws");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_vigil"))
            .arg("--workspace")
            .arg(&ws)
            .arg("--passphrase-file")
            .arg(&pass)
            .args(args)
            .env_remove("VIGIL_PASSPHRASE")
            .env_remove("VIGIL_RECOVERY_KEY")
            .output()
            .unwrap()
    };
    let o = run(&[
        "init",
        "--unlock-ms",
        "50",
        "--name",
        "Dana Reyes",
        "--badge",
        "4471",
        "--unit",
        "TMU",
        "--agency",
        "Eastfield PD",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = run(&["case", "new", "--number", "F-1", "--title", "x"]);
    assert!(o.status.success(), "{}", stderr(&o));
    // 9 MiB goes through the write-ahead log, 20 MiB straight into the file.
    for mib in [9, 20] {
        let big = tmp.path().join(format!("big{mib}.bin"));
        std::fs::write(&big, crate::evidence::bytes(mib * 1024 * 1024, 2)).unwrap();
        let o = run(&[
            "evidence",
            "add",
            "F-1",
            big.to_str().unwrap(),
            "--kind",
            "video",
            "--description",
            "Too big",
        ]);
        assert_eq!(o.status.code(), Some(8), "{mib} MiB: {}", stderr(&o));
        assert!(stderr(&o).contains("is full"), "{mib} MiB: {}", stderr(&o));
        let o = run(&["evidence", "list", "F-1", "--json"]);
        assert!(o.status.success(), "{mib} MiB: {}", stderr(&o));
        assert_eq!(
            serde_json::from_slice::<serde_json::Value>(&o.stdout).unwrap(),
            serde_json::json!([])
        );
        let o = run(&["case", "verify", "F-1"]);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{mib} MiB: {}",
            String::from_utf8_lossy(&o.stdout)
        );
    }
    // The space was given back: a small exhibit goes in.
    let small = tmp.path().join("note.txt");
    std::fs::write(&small, "Left on the windscreen").unwrap();
    let o = run(&[
        "evidence",
        "add",
        "F-1",
        small.to_str().unwrap(),
        "--kind",
        "document",
        "--description",
        "Note",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let names: Vec<String> = std::fs::read_dir(ws.join("cases"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    assert!(
        names.iter().all(|n| n.starts_with("F-1.vigil")),
        "{names:?}"
    );
}

// ---- the case packet ----------------------------------------------------------

#[test]
fn packet_export_and_verify_from_the_command_line() {
    let cli = Cli::new();
    cli.init();
    assert!(cli
        .run(&["case", "new", "--number", "PK-1", "--title", "Zoë's case"])
        .status
        .success());
    let o = cli.run(&["statute", "list", "--json"]);
    let list: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(list
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["id"] == "uk-pha-1997-s4a"));
    let o = cli.run(&["case", "charge", "PK-1", "--statute", "us-18-usc-2261a"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = cli.run(&["case", "elements", "PK-1", "--json"]);
    let m: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(m["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .any(|g| g["code"] == "fewActs"));
    let o = cli.run(&["case", "elements", "PK-1"]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("NOT SUPPORTED"));
    let tmp = cli.dir.parent().unwrap();
    let note = tmp.join("note.jpg");
    std::fs::write(&note, crate::evidence::bytes(50_000, 3)).unwrap();
    let o = cli.run(&[
        "evidence",
        "add",
        "PK-1",
        note.to_str().unwrap(),
        "--kind",
        "photo",
        "--description",
        "Note",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = tmp.join("packet.pdf");
    let o = cli.run(&[
        "packet",
        "export",
        "PK-1",
        "--profile",
        "discovery",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let printed = String::from_utf8_lossy(&o.stdout)
        .split_whitespace()
        .next()
        .unwrap()
        .to_string();
    assert_eq!(printed, sha256sum(&out), "the printed hash is the file's");
    // Refuses to overwrite without --force.
    let o = cli.run(&[
        "packet",
        "export",
        "PK-1",
        "--profile",
        "discovery",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(13));
    let o = cli.run(&["packet", "verify", out.to_str().unwrap(), "--json"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let r: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(r["checks"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["name"] == "Matches the case in this workspace" && c["ok"] == true));
    // Without the workspace the file is still checked on its own.
    let o = Command::new(env!("CARGO_BIN_EXE_vigil"))
        .args(["packet", "verify", "--no-workspace", out.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // One changed byte fails, with exit code 15 and the check named.
    let mut bytes = std::fs::read(&out).unwrap();
    let at = bytes.len() / 4;
    bytes[at] ^= 0x20;
    let bad = tmp.join("bad.pdf");
    std::fs::write(&bad, &bytes).unwrap();
    let o = cli.run(&["packet", "verify", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(15));
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("[FAIL] Signature"),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    // The manifest, taken out with a stock tool, names the exhibit's hash;
    // the exported original gives the same with sha256sum.
    let manifest = tmp.join("manifest.json");
    let o = Command::new("pdfdetach")
        .args([
            "-save",
            "1",
            "-o",
            manifest.to_str().unwrap(),
            out.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let m: serde_json::Value = serde_json::from_slice(&std::fs::read(&manifest).unwrap()).unwrap();
    assert_eq!(m["profile"], "discovery");
    let dir = tmp.join("exported");
    std::fs::create_dir(&dir).unwrap();
    assert!(cli
        .run(&[
            "evidence",
            "export",
            "PK-1",
            "PK-1-E001",
            "--out",
            dir.to_str().unwrap()
        ])
        .status
        .success());
    assert_eq!(
        m["exhibits"][0]["sha256"],
        sha256sum(&dir.join("note.jpg")).as_str()
    );
    // The export is in the case's history.
    let o = cli.run(&["packet", "history", "PK-1", "--json"]);
    let h: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(h[0]["sha256"], printed.as_str());
    assert_eq!(h[0]["profile"], "discovery");
}

#[test]
fn a_malformed_statute_profile_is_refused_naming_line_and_field() {
    let cli = Cli::new();
    cli.init();
    let f = cli.dir.parent().unwrap().join("agency-statute.toml");
    std::fs::write(&f, "id = \"agency-1\"\nversion = 1\nlabel = \"Local stalking ordinance\"\n\n[[element]]\nid = \"acts\"\nkind = \"pattern\"\nlabel = \"Acts\"\ntext = \"Two or more acts\"\n").unwrap();
    let o = cli.run(&["statute", "validate", f.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(12));
    let e = stderr(&o);
    assert!(
        e.contains("agency-statute.toml, line 7, field element.kind"),
        "{e}"
    );
    std::fs::write(&f, "id = \"agency-1\"\nversion = 1\nlabel = \"Local stalking ordinance\"\n\n[[element]]\nid = \"acts\"\nkind = \"courseOfConduct\"\nlabel = \"Acts\"\ntext = \"Two or more acts\"\n").unwrap();
    let o = cli.run(&["statute", "use", f.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = cli.run(&["statute", "show", "agency-1"]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("Local stalking ordinance"));
}

// ---- hardening findings ---------------------------------------------------------

#[test]
fn importing_the_same_log_twice_needs_allow_duplicate_file() {
    let cli = Cli::new();
    cli.init();
    assert!(cli
        .run(&["case", "new", "--number", "D-1", "--title", "x"])
        .status
        .success());
    let log = cli.dir.parent().unwrap().join("log.csv");
    std::fs::write(&log, "Date,Time,Description,Location\n3/1/2026,9pm,called 12 times,home\n3/2/2026,,left a note,car\n").unwrap();
    let import = |extra: &[&str]| {
        let mut args = vec![
            "incident",
            "import",
            "D-1",
            log.to_str().unwrap(),
            "--tz",
            "America/Chicago",
        ];
        args.extend_from_slice(extra);
        cli.run(&args)
    };
    assert!(import(&[]).status.success());
    let o = import(&[]);
    assert_eq!(o.status.code(), Some(12));
    assert!(
        stderr(&o).contains("already imported") && stderr(&o).contains("--allow-duplicate-file"),
        "{}",
        stderr(&o)
    );
    let count = || {
        let o = cli.run(&["incident", "list", "D-1", "--json"]);
        serde_json::from_slice::<serde_json::Value>(&o.stdout)
            .unwrap()
            .as_array()
            .unwrap()
            .len()
    };
    assert_eq!(count(), 2, "nothing was added by the refused import");
    assert!(import(&["--allow-duplicate-file"]).status.success());
    assert_eq!(count(), 4);
}

#[test]
fn incident_list_prints_every_incident_beyond_ten_thousand_and_the_total() {
    let cli = Cli::new();
    cli.init();
    let o = cli.run(&["dev", "seed", "T-1", "--incidents", "10050"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = cli.run(&["incident", "list", "T-1", "--json"]);
    assert!(o.status.success());
    let rows: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 10_050);
    assert!(stderr(&o).contains("10050 incident(s)"), "{}", stderr(&o));
    let o = cli.run(&["incident", "list", "T-1"]);
    assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 10_050);
}

#[test]
fn restoring_the_whole_workspace_folder_from_an_older_copy_is_reported() {
    let cli = Cli::new();
    cli.init();
    let anchors = cli.dir.parent().unwrap().join("anchors");
    let run = |args: &[&str]| {
        cli.cmd()
            .env("VIGIL_ANCHOR_DIR", &anchors)
            .args(args)
            .output()
            .unwrap()
    };
    assert!(run(&["case", "new", "--number", "R-1", "--title", "x"])
        .status
        .success());
    // A backup of the whole folder, then more work.
    let backup = cli.dir.parent().unwrap().join("backup");
    assert!(Command::new("cp")
        .arg("-a")
        .arg(&cli.dir)
        .arg(&backup)
        .status()
        .unwrap()
        .success());
    for t in ["a", "b", "c"] {
        assert!(run(&["case", "edit", "R-1", "--title", t]).status.success());
    }
    let o = run(&["case", "list"]);
    assert!(!stderr(&o).contains("older copy"), "{}", stderr(&o));
    // The folder is put back as it was: case file and register together.
    std::fs::remove_dir_all(&cli.dir).unwrap();
    assert!(Command::new("cp")
        .arg("-a")
        .arg(&backup)
        .arg(&cli.dir)
        .status()
        .unwrap()
        .success());
    let o = run(&["case", "list"]);
    assert!(o.status.success());
    let e = stderr(&o);
    assert!(e.contains("case R-1") && e.contains("older copy"), "{e}");
    // Said once; the anchor then follows the workspace.
    let o = run(&["case", "list"]);
    assert!(!stderr(&o).contains("older copy"), "{}", stderr(&o));
}

#[test]
fn a_damaged_page_anywhere_in_a_case_file_never_gives_a_raw_database_error() {
    let cli = Cli::new();
    cli.init();
    let o = cli.run(&["dev", "seed", "DP-1", "--incidents", "400"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let file = cli.dir.join("cases/DP-1.vigil");
    // Settle the write-ahead log into the file so every page is there.
    assert!(cli.run(&["case", "verify", "DP-1"]).status.success());
    let good = std::fs::read(&file).unwrap();
    let pages = good.len() / 4096;
    assert!(pages > 20, "{pages}");
    for page in (1..pages).step_by(pages / 10) {
        let mut bytes = good.clone();
        bytes[page * 4096 + 2000] ^= 0x40;
        std::fs::write(&file, &bytes).unwrap();
        for args in [
            &["incident", "list", "DP-1", "--json"][..],
            &["person", "list", "DP-1"][..],
            &["case", "verify", "DP-1"][..],
        ] {
            let o = cli.run(args);
            let code = o.status.code();
            assert_ne!(code, Some(1), "page {page}, {args:?}: {}", stderr(&o));
            assert!(
                !stderr(&o).contains("database error"),
                "page {page}, {args:?}: {}",
                stderr(&o)
            );
            if code != Some(0) {
                assert!(
                    matches!(code, Some(7) | Some(15)),
                    "page {page}, {args:?}: {code:?} {}",
                    stderr(&o)
                );
            }
        }
    }
    std::fs::write(&file, &good).unwrap();
    assert!(cli.run(&["case", "verify", "DP-1"]).status.success());
}

/// `case show` (and every other command that writes) refuses a case file
/// with a damaged page, wherever it is, and writes nothing into it.
#[test]
fn nothing_is_written_to_a_case_file_with_a_damaged_page() {
    let cli = Cli::new();
    cli.init();
    let o = cli.run(&["dev", "seed", "DW-1", "--incidents", "300"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let file = cli.dir.join("cases/DW-1.vigil");
    assert!(cli.run(&["case", "verify", "DW-1"]).status.success());
    let good = std::fs::read(&file).unwrap();
    let pages = good.len() / 4096;
    for page in (1..pages).step_by((pages / 8).max(1)) {
        let mut bytes = good.clone();
        bytes[page * 4096 + 1500] ^= 0x08;
        std::fs::write(&file, &bytes).unwrap();
        for args in [
            &["case", "show", "DW-1"][..],
            &["case", "edit", "DW-1", "--title", "changed"][..],
        ] {
            let o = cli.run(args);
            assert_eq!(
                o.status.code(),
                Some(7),
                "page {page}, {args:?}: {}",
                stderr(&o)
            );
            assert!(stderr(&o).contains("nothing was written"), "{}", stderr(&o));
            assert_eq!(
                std::fs::read(&file).unwrap(),
                bytes,
                "page {page}, {args:?}: file changed"
            );
            let wal = cli.dir.join("cases/DW-1.vigil-wal");
            assert!(
                std::fs::metadata(&wal)
                    .map(|m| m.len() == 0)
                    .unwrap_or(true),
                "page {page}: nothing waits in the log either"
            );
        }
    }
    std::fs::write(&file, &good).unwrap();
    assert!(cli.run(&["case", "show", "DW-1"]).status.success());
}

#[test]
fn review_from_the_command_line_round_trips_between_investigator_and_supervisor() {
    let a = Cli::new();
    a.init();
    assert!(a
        .run(&["case", "new", "--number", "RV-1", "--title", "Review me"])
        .status
        .success());
    let tmp = a._tmp.path();
    let pdf = tmp.join("rv1.pdf");
    let o = a.run(&[
        "packet",
        "export",
        "RV-1",
        "--profile",
        "prosecutor",
        "--out",
        pdf.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));

    let b = Cli::new();
    let o = b.run(&[
        "init",
        "--name",
        "Sam Ortiz",
        "--badge",
        "210",
        "--unit",
        "TMU",
        "--agency",
        "Eastfield PD",
        "--unlock-ms",
        "50",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    // Unknown signer: open says so; approving is refused with exit 17.
    let o = b.run(&["review", "open", pdf.to_str().unwrap(), "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let r: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(r["trust"]["state"], "unknown");
    assert_eq!(r["trust"]["named"]["name"], "Dana Reyes");
    let grouped = r["trust"]["grouped"].as_str().unwrap().to_string();
    let review = tmp.join("review.json");
    let o = b.run(&[
        "review",
        "decide",
        pdf.to_str().unwrap(),
        "--approve",
        "--out",
        review.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(17), "{}", stderr(&o));
    assert!(!review.exists());
    // Trusted once the fingerprint as read out is typed.
    let heard: String = grouped.split(' ').take(4).collect::<Vec<_>>().join(" ");
    let o = b.run(&[
        "signer",
        "trust",
        pdf.to_str().unwrap(),
        "--fingerprint",
        &heard,
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = b.run(&["signer", "list"]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("Dana Reyes"));
    let o = b.run(&["review", "open", pdf.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&o.stdout).to_string();
    assert!(text.contains("a signer this workspace trusts"), "{text}");
    // Return with an anchored comment and a checklist answer.
    let o = b.run(&[
        "review",
        "decide",
        pdf.to_str().unwrap(),
        "--return",
        "--summary",
        "Not yet",
        "--comment",
        "page:1=Cover lacks the charges sought",
        "--comment",
        "Add the victim's statement",
        "--check",
        "elements=no",
        "--out",
        review.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = b.run(&["review", "register", "--json"]);
    let reg: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(reg[0]["decision"], "return");
    assert_eq!(reg[0]["comments"], 2);

    // On A: applied, points listed and ticked.
    let o = a.run(&["review", "apply", "RV-1", review.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = String::from_utf8_lossy(&o.stdout).to_string();
    assert!(text.contains("RETURNED by Sam Ortiz"), "{text}");
    assert!(text.contains("2 point(s) to address"), "{text}");
    assert!(
        text.contains("(Page 1) Cover lacks the charges sought"),
        "{text}"
    );
    let o = a.run(&["review", "apply", "RV-1", review.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(13), "applied twice: {}", stderr(&o));
    let id = {
        let o = a.run(&["review", "points", "RV-1", "--json"]);
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        v[0]["review"]["id"].as_str().unwrap().to_string()
    };
    let o = a.run(&["review", "tick", "RV-1", &id[..8], "2"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("[x] 2."));
    // A review file edited by hand is refused (exit 17), nothing applied.
    let edited = tmp.join("edited.json");
    let t = std::fs::read_to_string(&review)
        .unwrap()
        .replace("Not yet", "Fine");
    std::fs::write(&edited, t).unwrap();
    let o = a.run(&["review", "apply", "RV-1", edited.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(17));
    assert!(
        stderr(&o).contains("changed after it was signed"),
        "{}",
        stderr(&o)
    );
    // A changed packet fails review open with exit 15.
    let mut bytes = std::fs::read(&pdf).unwrap();
    let at = bytes.len() / 2;
    bytes[at] ^= 1;
    let bad = tmp.join("bad.pdf");
    std::fs::write(&bad, bytes).unwrap();
    let o = b.run(&["review", "open", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(15));
    // The agenda and a minute.
    let o = b.run(&["review", "agenda", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = b.run(&["review", "checklist", "show"]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("elements"));
    let bad_list = tmp.join("list.toml");
    std::fs::write(
        &bad_list,
        "id = \"x\"\nversion = 1\ntitle = \"T\"\n[[item]]\nid = \"a\"\n",
    )
    .unwrap();
    let o = b.run(&[
        "review",
        "checklist",
        "validate",
        bad_list.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(12));
    assert!(stderr(&o).contains("list.toml, line"), "{}", stderr(&o));
}
