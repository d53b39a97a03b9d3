//! No single file loses every case: the register rebuilt from the case files
//! and their key sidecars, unregistered files adopted, the workspace key
//! rotated with a crash possible at every step.

use crate::support::*;
use std::path::Path;
use vigil::case::HandoverMode;
use vigil::crypto::KdfParams;
use vigil::incident::{IncidentFilter, IncidentInput};
use vigil::secret::Passphrase;
use vigil::workspace::{self, Credential, RepairOutcome, RotateStep, UnlockedWorkspace};
use vigil::Error;

const NEW_PASS: &str = "Harbor lamp 42 violet";

fn new_pass() -> Passphrase {
    Passphrase::new(NEW_PASS.into())
}

/// A workspace with two cases holding incidents; returns their numbers.
fn two_cases(ws: &mut UnlockedWorkspace) -> [&'static str; 2] {
    for (n, count) in [("R-1", 3), ("R-2", 2)] {
        ws.create_case(&new_case(n, "repair test")).unwrap();
        for i in 0..count {
            ws.add_incident(
                n,
                &IncidentInput::quick(&format!("3/{}/2026 10:00", i + 1), "calls", "call"),
            )
            .unwrap();
        }
    }
    ["R-1", "R-2"]
}

fn incidents(ws: &mut UnlockedWorkspace, n: &str) -> i64 {
    ws.list_incidents(n, &IncidentFilter::default(), 0, 100)
        .unwrap()
        .total
}

fn remove_register(dir: &Path) {
    for ext in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(dir.join(format!("workspace.db{ext}")));
    }
}

fn all_checks_pass(ws: &mut UnlockedWorkspace, n: &str) {
    let r = ws.verify_case(n).unwrap();
    assert!(failed_checks(&r).is_empty(), "{n}: {:?}", failed_checks(&r));
}

#[test]
fn deleting_workspace_db_loses_no_case() {
    let (w, mut ws, _) = new_ws();
    let cases = two_cases(&mut ws);
    let events_before = ws.case_detail("R-1").unwrap().audit_events;
    drop(ws);
    remove_register(&w.dir);

    let err = workspace::unlock(&w.dir, Credential::Passphrase(&pass())).unwrap_err();
    assert!(matches!(err, Error::WorkspaceDamaged { .. }), "{err:?}");
    assert_eq!(err.exit_code(), 7);
    assert!(err.to_string().contains("vigil workspace repair"), "{err}");

    let (mut ws, report) = workspace::repair(&w.dir, Credential::Passphrase(&pass())).unwrap();
    assert!(report.rebuilt);
    assert_eq!(report.cases.len(), 2);
    assert!(report
        .cases
        .iter()
        .all(|c| c.outcome == RepairOutcome::Registered));
    assert!(report.notes.iter().any(|n| n.contains("profile")));
    let mut listed: Vec<String> = ws
        .list_cases()
        .unwrap()
        .into_iter()
        .map(|c| c.number)
        .collect();
    listed.sort();
    assert_eq!(listed, cases);
    assert_eq!(incidents(&mut ws, "R-1"), 3);
    assert_eq!(incidents(&mut ws, "R-2"), 2);
    // The adoption is in each case's own chain.
    assert_eq!(
        ws.case_detail("R-1").unwrap().audit_events,
        events_before + 1
    );
    for n in cases {
        all_checks_pass(&mut ws, n);
    }
    drop(ws);
    // And the workspace unlocks normally afterwards.
    let mut ws = unlock(&w.dir);
    assert_eq!(incidents(&mut ws, "R-2"), 2);
}

#[test]
fn a_damaged_page_in_workspace_db_is_set_aside_and_rebuilt() {
    let (w, mut ws, _) = new_ws();
    two_cases(&mut ws);
    drop(ws);
    let db = w.dir.join("workspace.db");
    let mut bytes = std::fs::read(&db).unwrap();
    assert!(bytes.len() >= 3 * 4096);
    for b in &mut bytes[4096 + 100..4096 + 140] {
        *b ^= 0x5a;
    }
    std::fs::write(&db, &bytes).unwrap();

    let err = workspace::unlock(&w.dir, Credential::Passphrase(&pass())).unwrap_err();
    assert_eq!(err.exit_code(), 7, "{err}");
    let (mut ws, report) = workspace::repair(&w.dir, Credential::Passphrase(&pass())).unwrap();
    assert!(report.rebuilt);
    let aside = report.set_aside.expect("the damaged register is kept");
    assert_eq!(std::fs::read(&aside).unwrap(), bytes, "kept as it was");
    assert_eq!(incidents(&mut ws, "R-1"), 3);
}

#[test]
fn a_sound_register_is_kept_by_repair() {
    let (w, mut ws, _) = new_ws();
    two_cases(&mut ws);
    drop(ws);
    let (mut ws, report) = workspace::repair(&w.dir, Credential::Passphrase(&pass())).unwrap();
    assert!(!report.rebuilt);
    assert!(report.set_aside.is_none());
    assert!(report
        .cases
        .iter()
        .all(|c| c.outcome == RepairOutcome::AlreadyRegistered));
    assert_eq!(ws.profile().unwrap().name, "Dana Reyes", "profile kept");
    assert_eq!(incidents(&mut ws, "R-2"), 2);
}

#[test]
fn the_recovery_key_alone_brings_back_cases_after_losing_key_file_and_register() {
    let (w, mut ws, rk) = new_ws();
    two_cases(&mut ws);
    drop(ws);
    remove_register(&w.dir);
    std::fs::remove_file(w.dir.join("vigil-workspace.json")).unwrap();

    // A wrong recovery key is refused and writes nothing.
    let (_o, _other_ws, other) = new_ws();
    let err =
        workspace::restore_key_file(&w.dir, &other, &new_pass(), KdfParams::MINIMUM).unwrap_err();
    assert!(matches!(err, Error::WrongRecoveryKey), "{err:?}");
    assert!(!workspace::exists(&w.dir));

    workspace::restore_key_file(&w.dir, &rk, &new_pass(), KdfParams::MINIMUM).unwrap();
    let (mut ws, report) = workspace::repair(&w.dir, Credential::RecoveryKey(&rk)).unwrap();
    assert!(report.rebuilt);
    assert_eq!(incidents(&mut ws, "R-1"), 3);
    drop(ws);
    // The new passphrase now unlocks, and so does the same recovery key.
    let (mut ws, _) = workspace::unlock(&w.dir, Credential::Passphrase(&new_pass())).unwrap();
    all_checks_pass(&mut ws, "R-2");
    drop(ws);
    workspace::unlock(&w.dir, Credential::RecoveryKey(&rk)).unwrap();
}

#[test]
fn cases_newer_than_a_restored_register_are_listed_and_adopted() {
    let (w, mut ws, _) = new_ws();
    ws.create_case(&new_case("A-1", "older")).unwrap();
    drop(ws);
    let backup = w.dir.join("..").join("register-backup.db");
    std::fs::copy(w.dir.join("workspace.db"), &backup).unwrap();

    let mut ws = unlock(&w.dir);
    ws.create_case(&new_case("B-2", "newer")).unwrap();
    ws.add_incident("B-2", &IncidentInput::quick("3/1/2026", "calls", "c"))
        .unwrap();
    drop(ws);
    remove_register(&w.dir);
    std::fs::copy(&backup, w.dir.join("workspace.db")).unwrap();

    let mut ws = unlock(&w.dir);
    assert_eq!(ws.list_cases().unwrap().len(), 1);
    let unregistered = ws.unregistered_cases().unwrap();
    assert_eq!(unregistered.len(), 1);
    assert_eq!(unregistered[0].file_name, "B-2.vigil");
    assert!(unregistered[0].adoptable, "{:?}", unregistered[0].reason);
    // Making a case with that number says what to do instead.
    let err = ws.create_case(&new_case("B-2", "again")).unwrap_err();
    assert!(
        err.to_string().contains("vigil case adopt B-2.vigil"),
        "{err}"
    );

    let s = ws.adopt_case("B-2.vigil").unwrap();
    assert_eq!(s.number, "B-2");
    assert!(ws.unregistered_cases().unwrap().is_empty());
    assert_eq!(incidents(&mut ws, "B-2"), 1);
    all_checks_pass(&mut ws, "B-2");
}

fn sha(path: &Path) -> String {
    vigil::crypto::sha256_file(path).unwrap()
}

#[test]
fn adopt_refuses_a_damaged_or_foreign_file_and_changes_nothing() {
    let (w, mut ws, _) = new_ws();
    two_cases(&mut ws);
    ws.close_case("R-1").unwrap();
    ws.close_case("R-2").unwrap();
    drop(ws);
    // one page damaged.
    let r1 = w.dir.join("cases/R-1.vigil");
    let mut bytes = std::fs::read(&r1).unwrap();
    let n = bytes.len();
    bytes[n - 2000] ^= 0xff;
    std::fs::write(&r1, &bytes).unwrap();
    let before = sha(&r1);
    // A case file and sidecar from another workspace.
    let (o, mut other, _) = new_ws();
    other.create_case(&new_case("F-9", "foreign")).unwrap();
    drop(other);
    for f in ["F-9.vigil", "F-9.vigil.key"] {
        std::fs::copy(o.dir.join("cases").join(f), w.dir.join("cases").join(f)).unwrap();
    }
    remove_register(&w.dir);

    let (mut ws, report) = workspace::repair(&w.dir, Credential::Passphrase(&pass())).unwrap();
    let outcome = |f: &str| {
        report
            .cases
            .iter()
            .find(|c| c.file_name == f)
            .unwrap_or_else(|| panic!("{f} reported"))
            .clone()
    };
    assert_eq!(outcome("R-2.vigil").outcome, RepairOutcome::Registered);
    let r1_report = outcome("R-1.vigil");
    assert_eq!(r1_report.outcome, RepairOutcome::Refused);
    assert!(
        r1_report.detail.as_deref().unwrap().contains("damaged"),
        "{r1_report:?}"
    );
    let f9 = outcome("F-9.vigil");
    assert_eq!(f9.outcome, RepairOutcome::Refused);
    assert!(
        f9.detail.as_deref().unwrap().contains("another workspace"),
        "{f9:?}"
    );
    assert_eq!(sha(&r1), before, "a refused file is not written to");
    let left: Vec<_> = ws
        .unregistered_cases()
        .unwrap()
        .into_iter()
        .map(|u| u.file_name)
        .collect();
    assert_eq!(left, ["F-9.vigil", "R-1.vigil"]);
    assert!(matches!(
        ws.adopt_case("R-1.vigil"),
        Err(Error::Corrupt { .. })
    ));
    assert_eq!(sha(&r1), before);
}

#[test]
fn a_review_copy_stays_read_only_after_the_register_is_rebuilt() {
    let (_a, mut alice, _) = new_ws();
    alice.create_case(&new_case("RV-1", "review")).unwrap();
    let out_dir = tempfile::tempdir().unwrap();
    let sealed = out_dir.path().join("rv.vigil");
    let hp = Passphrase::new("Blue kettle 58 north".into());
    alice
        .seal_case("RV-1", &sealed, &hp, HandoverMode::Review, false)
        .unwrap();
    let (b, mut bob, _) = new_ws();
    assert!(bob.receive_case(&sealed, &hp).unwrap().read_only);
    drop(bob);
    remove_register(&b.dir);
    let (mut bob, _) = workspace::repair(&b.dir, Credential::Passphrase(&pass())).unwrap();
    let s = bob.list_cases().unwrap();
    assert!(s[0].read_only, "still a review copy");
    assert!(matches!(
        bob.update_case(
            "RV-1",
            &vigil::case::CaseHeaderPatch {
                title: "changed".into(),
                opened_on: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
                assigned_investigator: "X".into(),
                agency_reports: vec![],
            }
        ),
        Err(Error::ReadOnlyCase { .. })
    ));
}

#[test]
fn sidecars_are_written_for_cases_made_before_they_existed() {
    let (w, mut ws, _) = new_ws();
    two_cases(&mut ws);
    drop(ws);
    let side = w.dir.join("cases/R-1.vigil.key");
    assert!(side.is_file());
    std::fs::remove_file(&side).unwrap();
    drop(unlock(&w.dir));
    assert!(side.is_file(), "unlock writes the missing sidecar");
    let text = std::fs::read_to_string(&side).unwrap();
    assert!(
        !text.contains("repair test"),
        "no case content in a sidecar"
    );
}

fn sidecar_entries(dir: &Path, case: &str) -> usize {
    let text = std::fs::read_to_string(dir.join(format!("cases/{case}.vigil.key"))).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["entries"].as_array().unwrap().len()
}

#[test]
fn rotating_the_key_shuts_out_the_old_key_file_passphrase_and_recovery_key() {
    let (w, mut ws, old_rk) = new_ws();
    two_cases(&mut ws);
    let old_keyfile = std::fs::read(w.dir.join("vigil-workspace.json")).unwrap();
    let new_rk = ws
        .rotate_key(Some(&pass()), &new_pass(), KdfParams::MINIMUM)
        .unwrap();
    // Works on in the same session, and a case made after the rotation.
    ws.create_case(&new_case("R-3", "after")).unwrap();
    assert_eq!(incidents(&mut ws, "R-1"), 3);
    drop(ws);

    assert!(matches!(
        workspace::unlock(&w.dir, Credential::Passphrase(&pass())),
        Err(Error::WrongPassphrase)
    ));
    assert!(matches!(
        workspace::unlock(&w.dir, Credential::RecoveryKey(&old_rk)),
        Err(Error::WrongRecoveryKey)
    ));
    let (mut ws, _) = workspace::unlock(&w.dir, Credential::Passphrase(&new_pass())).unwrap();
    for n in ["R-1", "R-2", "R-3"] {
        all_checks_pass(&mut ws, n);
        assert_eq!(sidecar_entries(&w.dir, n), 1);
    }
    drop(ws);
    workspace::unlock(&w.dir, Credential::RecoveryKey(&new_rk)).unwrap();

    // A copy of the folder with the old key file put back: the old
    // passphrase opens neither the register nor any case's sidecar.
    let copy = tempfile::tempdir().unwrap();
    let cdir = copy.path().join("ws");
    std::fs::create_dir_all(cdir.join("cases")).unwrap();
    for f in files_under(&w.dir) {
        let rel = f.strip_prefix(&w.dir).unwrap();
        std::fs::copy(&f, cdir.join(rel)).unwrap();
    }
    std::fs::write(cdir.join("vigil-workspace.json"), &old_keyfile).unwrap();
    let err = workspace::unlock(&cdir, Credential::Passphrase(&pass())).unwrap_err();
    assert!(matches!(err, Error::WorkspaceDamaged { .. }), "{err:?}");
    let (_ws, report) = workspace::repair(&cdir, Credential::Passphrase(&pass())).unwrap();
    assert!(report
        .cases
        .iter()
        .all(|c| c.outcome == RepairOutcome::Refused));
}

#[test]
fn a_rotation_cut_off_after_any_step_leaves_the_old_or_the_new_key_whole() {
    for (step, committed) in [
        (RotateStep::RegisterCopied, false),
        (RotateStep::SidecarsWritten, false),
        (RotateStep::KeyFileWritten, true),
    ] {
        let (w, mut ws, _) = new_ws();
        two_cases(&mut ws);
        let out = ws
            .rotate_key_until(Some(&pass()), &new_pass(), KdfParams::MINIMUM, Some(step))
            .unwrap();
        assert!(out.is_none());
        drop(ws); // the "crash"
        let (works, refused) = if committed {
            (new_pass(), pass())
        } else {
            (pass(), new_pass())
        };
        assert!(
            matches!(
                workspace::unlock(&w.dir, Credential::Passphrase(&refused)),
                Err(Error::WrongPassphrase)
            ),
            "{step:?}"
        );
        let (mut ws, _) = workspace::unlock(&w.dir, Credential::Passphrase(&works))
            .unwrap_or_else(|e| panic!("{step:?}: {e}"));
        for n in ["R-1", "R-2"] {
            all_checks_pass(&mut ws, n);
            assert_eq!(sidecar_entries(&w.dir, n), 1, "{step:?}");
        }
        assert_eq!(incidents(&mut ws, "R-1"), 3);
        let leftovers: Vec<_> = std::fs::read_dir(&w.dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
            .filter(|n| n.contains(".next-"))
            .collect();
        assert!(leftovers.is_empty(), "{step:?}: {leftovers:?}");
    }
}

/// The CLI as a user runs it: unlock says what to do, repair reports each
/// file, `case list` names unregistered files, `case adopt` takes one back.
#[test]
fn repair_and_adopt_from_the_command_line() {
    use crate::cli::{stderr, Cli};
    let cli = Cli::new();
    cli.init();
    for n in ["K-1", "K-2"] {
        assert!(cli
            .run(&["case", "new", "--number", n, "--title", "t"])
            .status
            .success());
    }
    let db = cli.dir.join("workspace.db");
    let backup = cli.dir.join("..").join("older.db");
    std::fs::copy(&db, &backup).unwrap();
    assert!(cli
        .run(&["case", "new", "--number", "K-3", "--title", "t"])
        .status
        .success());
    remove_register(&cli.dir);
    std::fs::copy(&backup, &db).unwrap();
    let o = cli.run(&["case", "list"]);
    assert!(o.status.success());
    assert!(
        stderr(&o).contains("K-3.vigil: take it back with `vigil case adopt K-3.vigil`"),
        "{}",
        stderr(&o)
    );
    let o = cli.run(&["case", "adopt", "K-3.vigil"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(cli.run(&["case", "verify", "K-3"]).status.success());

    remove_register(&cli.dir);
    let o = cli.run(&["case", "list"]);
    assert_eq!(o.status.code(), Some(7));
    assert!(
        stderr(&o).contains("vigil workspace repair"),
        "{}",
        stderr(&o)
    );
    let o = cli.run(&["workspace", "repair", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let r: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(r["rebuilt"], true);
    let registered: Vec<&str> = r["cases"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["outcome"] == "registered")
        .map(|c| c["number"].as_str().unwrap())
        .collect();
    assert_eq!(registered, ["K-1", "K-2", "K-3"]);
    // A damaged case file is named, and the exit code says not all came back.
    let k2 = cli.dir.join("cases/K-2.vigil");
    let mut bytes = std::fs::read(&k2).unwrap();
    let n = bytes.len();
    bytes[n - 1000] ^= 0x01;
    std::fs::write(&k2, &bytes).unwrap();
    remove_register(&cli.dir);
    let o = cli.run(&["workspace", "repair"]);
    assert_eq!(o.status.code(), Some(15), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("NOT TAKEN    K-2.vigil"), "{out}");
    assert!(out.contains("registered   K-1.vigil"), "{out}");
}

/// `passphrase change --rotate` killed at moments spread over its run:
/// afterwards exactly one of the two passphrases unlocks, every case
/// verifies, and nothing of the cut-off rotation is left.
#[test]
fn a_killed_key_rotation_leaves_the_old_or_the_new_passphrase_working() {
    use crate::cli::{stderr, Cli};
    let cli = Cli::new();
    cli.init();
    for n in ["Q-1", "Q-2", "Q-3"] {
        assert!(cli
            .run(&["case", "new", "--number", n, "--title", "t"])
            .status
            .success());
    }
    // The CLI reads the workspace passphrase from `cli.pass_file`; the
    // rotation's new one from `new_file`.
    let passes = [PASS, NEW_PASS];
    let new_file = cli.dir.join("..").join("new-pass.txt");
    let with = |pass: &str, args: &[&str]| {
        std::fs::write(&cli.pass_file, format!("{pass}\n")).unwrap();
        cli.run(args)
    };
    let mut current = 0usize;
    let mut outcomes = [0u32; 2];
    for i in 0..14u64 {
        let next = 1 - current;
        std::fs::write(&cli.pass_file, format!("{}\n", passes[current])).unwrap();
        std::fs::write(&new_file, format!("{}\n", passes[next])).unwrap();
        let mut child = cli
            .cmd()
            .args(["passphrase", "change", "--rotate", "--unlock-ms", "50"])
            .arg("--new-passphrase-file")
            .arg(&new_file)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(30 + 45 * i));
        let _ = child.kill();
        let _ = child.wait();
        let old = with(passes[current], &["case", "verify", "Q-2"]);
        let new = with(passes[next], &["case", "verify", "Q-2"]);
        let (ok, refused) = match (old.status.code(), new.status.code()) {
            (Some(0), Some(3)) => (old, new),
            (Some(3), Some(0)) => {
                current = next;
                (new, old)
            }
            _ => panic!(
                "after kill {i}: old {:?} {} / new {:?} {}",
                old.status.code(),
                stderr(&old),
                new.status.code(),
                stderr(&new)
            ),
        };
        assert!(stderr(&refused).contains("passphrase is not correct"));
        assert!(String::from_utf8_lossy(&ok.stdout).contains("ok"), "{i}");
        outcomes[usize::from(current == next)] += 1;
        for n in ["Q-1", "Q-3"] {
            let o = with(passes[current], &["case", "verify", n]);
            assert_eq!(
                o.status.code(),
                Some(0),
                "after kill {i}, {n}: {}",
                stderr(&o)
            );
        }
        let leftovers: Vec<_> = [cli.dir.clone(), cli.dir.join("cases")]
            .iter()
            .flat_map(|d| std::fs::read_dir(d).unwrap())
            .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
            .filter(|n| n.contains(".next-") || n.contains(".tmp-"))
            .collect();
        assert!(leftovers.is_empty(), "after kill {i}: {leftovers:?}");
    }
    eprintln!("rotations kept old/new: {outcomes:?}");
}

/// What a write killed before its rename leaves (a hidden partial key file,
/// sidecar or received case) is gone after the next unlock, even when that
/// unlock writes none of those files again; other files are left alone.
#[test]
fn the_next_unlock_clears_what_killed_writes_left() {
    use crate::cli::{stderr, Cli};
    let cli = Cli::new();
    cli.init();
    assert!(cli
        .run(&["case", "new", "--number", "L-1", "--title", "t"])
        .status
        .success());
    let cases = cli.dir.join("cases");
    let planted = [
        cli.dir.join(".vigil-workspace.json.tmp-727098bb8758"),
        cli.dir.join(".unlock-attempts.json.tmp-0123456789ab"),
        cases.join(".L-1.vigil.key.tmp-abcdef012345"),
        cases.join(".received.incoming-00112233aabb"),
        cases.join(".received.incoming-00112233aabb-journal"),
    ];
    let kept = [cli.dir.join("notes.txt"), cases.join(".keep-me")];
    for p in planted.iter().chain(&kept) {
        std::fs::write(p, b"half written").unwrap();
    }
    let o = cli.run(&["case", "verify", "L-1"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    for p in &planted {
        assert!(!p.exists(), "{} is still there", p.display());
    }
    for p in &kept {
        assert!(p.exists(), "{} was removed", p.display());
    }
}
