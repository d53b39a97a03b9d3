use crate::support::*;
use vigil::Error;

#[test]
fn a_fresh_case_verifies_clean() {
    let (_w, mut ws, _) = new_ws();
    ws.create_case(&new_case("26-20", "x")).unwrap();
    ws.open_case("26-20").unwrap();
    let r = ws.verify_case("26-20").unwrap();
    assert!(r.ok, "{:?}", r.checks);
    assert_eq!(r.event_count, 2, "create + open");
    assert_eq!(r.chain_head.len(), 64);
    let names: Vec<_> = r.checks.iter().map(|c| c.name.as_str()).collect();
    for n in [
        "Page authentication",
        "Database structure",
        "Format version",
        "Audit chain",
        "Records match the audit trail",
        "Matches this workspace's record",
    ] {
        assert!(names.contains(&n), "missing check {n}");
    }
}

#[test]
fn a_record_edited_outside_vigil_fails_verification() {
    let (_w, mut ws, _) = new_ws();
    ws.create_case(&new_case("26-21", "Original title"))
        .unwrap();
    {
        let raw = ws.raw_case_connection("26-21").unwrap();
        raw.execute(
            "UPDATE case_header SET title = 'Edited behind the app' WHERE id = 1",
            [],
        )
        .unwrap();
    }
    let r = ws.verify_case("26-21").unwrap();
    assert!(!r.ok);
    assert_eq!(failed_checks(&r), ["Records match the audit trail"]);
}

#[test]
fn an_edited_audit_event_breaks_the_chain() {
    let (_w, mut ws, _) = new_ws();
    ws.create_case(&new_case("26-22", "x")).unwrap();
    ws.open_case("26-22").unwrap();
    {
        let raw = ws.raw_case_connection("26-22").unwrap();
        raw.execute_batch(
            "DROP TRIGGER audit_event_no_update;
             UPDATE audit_event SET actor = 'someone else' WHERE seq = 1;",
        )
        .unwrap();
    }
    let r = ws.verify_case("26-22").unwrap();
    assert!(!r.ok);
    let chain = r.checks.iter().find(|c| c.name == "Audit chain").unwrap();
    assert!(!chain.ok);
    assert!(chain.detail.contains("event 1"), "{}", chain.detail);
    // Opening refuses a tampered file outright.
    assert!(matches!(ws.open_case("26-22"), Err(Error::Tampered { .. })));
}

#[test]
fn audit_events_cannot_be_changed_through_sql_by_mistake() {
    let (_w, mut ws, _) = new_ws();
    ws.create_case(&new_case("26-23", "x")).unwrap();
    let raw = ws.raw_case_connection("26-23").unwrap();
    assert!(raw.execute("DELETE FROM audit_event", []).is_err());
    assert!(raw
        .execute("UPDATE audit_event SET actor = 'x'", [])
        .is_err());
}

#[test]
fn a_case_file_rolled_back_to_an_older_copy_is_detected() {
    let (w, mut ws, _) = new_ws();
    ws.create_case(&new_case("26-24", "First version")).unwrap();
    let path = ws.case_file_path("26-24").unwrap();
    drop(ws); // closes the file (its write-ahead log is folded in)
    let old_copy = std::fs::read(&path).unwrap();

    let mut ws = unlock(&w.dir);
    ws.open_case("26-24").unwrap();
    ws.update_case(
        "26-24",
        &vigil::case::CaseHeaderPatch {
            title: "Second version".into(),
            opened_on: "2026-02-02".parse().unwrap(),
            assigned_investigator: "Dana Reyes".into(),
            agency_reports: vec![],
        },
    )
    .unwrap();
    drop(ws);

    std::fs::write(&path, &old_copy).unwrap();
    let mut ws = unlock(&w.dir);
    let e = ws.open_case("26-24").unwrap_err();
    assert!(matches!(e, Error::Tampered { .. }), "{e:?}");
    assert!(e.to_string().contains("older copy"), "{e}");
    let r = ws.verify_case("26-24").unwrap();
    assert_eq!(failed_checks(&r), ["Matches this workspace's record"]);
}

#[test]
fn a_write_cut_off_before_the_workspace_learned_of_it_is_accepted() {
    // The case file commits first, then the workspace register. If the app
    // dies between the two, the file is ahead of the register: that is a
    // continuation of the recorded history, not tampering.
    let (w, mut ws, _) = new_ws();
    ws.create_case(&new_case("26-25", "x")).unwrap();
    let db = w.dir.join("workspace.db");
    drop(ws);
    let register_before = std::fs::read(&db).unwrap();
    let mut ws = unlock(&w.dir);
    ws.open_case("26-25").unwrap();
    drop(ws);
    // Put back the register as it was before the open was recorded.
    for ext in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{ext}", db.display()));
    }
    std::fs::write(&db, register_before).unwrap();
    let mut ws = unlock(&w.dir);
    let r = ws.verify_case("26-25").unwrap();
    assert!(r.ok, "{:?}", r.checks);
    assert!(ws.open_case("26-25").is_ok());
}
