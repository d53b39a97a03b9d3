use crate::support::*;
use vigil::case::{AgencyReport, CaseHeaderPatch, CaseStatus, NewCase};
use vigil::Error;

#[test]
fn a_case_is_one_encrypted_file_named_after_its_number() {
    let (w, mut ws, _) = new_ws();
    let s = ws
        .create_case(&NewCase {
            number: "TMU 26/041".into(),
            title: "Following and messages".into(),
            opened_on: Some("2026-03-02".parse().unwrap()),
            assigned_investigator: Some("Det. K. Osei".into()),
            agency_reports: vec![AgencyReport {
                agency: "Harlow County SO".into(),
                number: "HC-77".into(),
            }],
        })
        .unwrap();
    assert_eq!(s.status, CaseStatus::Active);
    let path = w.dir.join("cases").join("TMU_26_041.vigil");
    assert!(path.is_file());
    let head = std::fs::read(&path).unwrap();
    assert!(
        !head.starts_with(b"SQLite format 3"),
        "the case file must be encrypted"
    );
    let d = ws.open_case("TMU 26/041").unwrap();
    assert_eq!(d.header.assigned_investigator, "Det. K. Osei");
    assert_eq!(d.header.opened_on.to_string(), "2026-03-02");
    assert_eq!(d.header.agency_reports[0].number, "HC-77");
    assert_eq!(d.file_name, "TMU_26_041.vigil");
}

#[test]
fn each_case_has_its_own_key() {
    let (_w, mut ws, _) = new_ws();
    ws.create_case(&new_case("A-1", "One")).unwrap();
    ws.create_case(&new_case("A-2", "Two")).unwrap();
    // Swap the files: each is unreadable with the other's key.
    let p1 = ws.case_file_path("A-1").unwrap();
    let p2 = ws.case_file_path("A-2").unwrap();
    ws.close_case("A-1").unwrap();
    ws.close_case("A-2").unwrap();
    let tmp = p1.with_extension("swap");
    std::fs::rename(&p1, &tmp).unwrap();
    std::fs::rename(&p2, &p1).unwrap();
    std::fs::rename(&tmp, &p2).unwrap();
    assert!(matches!(
        ws.open_case("A-1"),
        Err(Error::WrongKeyOrNotCaseFile { .. })
    ));
}

#[test]
fn duplicate_and_invalid_numbers_are_refused() {
    let (_w, mut ws, _) = new_ws();
    ws.create_case(&new_case("26-9", "x")).unwrap();
    assert!(matches!(
        ws.create_case(&new_case("26-9", "y")),
        Err(Error::AlreadyExists { .. })
    ));
    assert!(matches!(
        ws.create_case(&new_case("", "y")),
        Err(Error::Validation {
            field: "case number",
            ..
        })
    ));
    assert!(matches!(
        ws.create_case(&new_case("26-10", " ")),
        Err(Error::Validation { field: "title", .. })
    ));
    assert!(matches!(
        ws.create_case(&new_case("a<b", "t")),
        Err(Error::Validation { .. })
    ));
    assert_eq!(ws.list_cases().unwrap().len(), 1);
}

#[test]
fn editing_the_header_is_kept_and_audited() {
    let (w, mut ws, _) = new_ws();
    ws.create_case(&new_case("26-5", "Old title")).unwrap();
    let before = ws.case_detail("26-5").unwrap().audit_events;
    let d = ws
        .update_case(
            "26-5",
            &CaseHeaderPatch {
                title: "New title".into(),
                opened_on: "2026-01-15".parse().unwrap(),
                assigned_investigator: "Det. R. Lang".into(),
                agency_reports: vec![],
            },
        )
        .unwrap();
    assert_eq!(d.header.title, "New title");
    assert_eq!(d.audit_events, before + 1);
    drop(ws);
    let ws = unlock(&w.dir);
    let list = ws.list_cases().unwrap();
    assert_eq!(
        list[0].title, "New title",
        "the case list shows the new title"
    );
}

#[test]
fn missing_case_is_not_found() {
    let (_w, mut ws, _) = new_ws();
    assert!(matches!(ws.open_case("nope"), Err(Error::NotFound { .. })));
}

/// Puts `bytes` in place of the case file (with no WAL left behind).
fn replace_case_file(w: &Ws, number: &str, bytes: &[u8]) -> vigil::workspace::UnlockedWorkspace {
    let mut ws = unlock(&w.dir);
    let path = ws.case_file_path(number).unwrap();
    drop(ws);
    std::fs::write(&path, bytes).unwrap();
    ws = unlock(&w.dir);
    ws
}

#[test]
fn a_plain_text_file_in_place_of_a_case_is_not_a_vigil_file() {
    let (w, mut ws, _) = new_ws();
    ws.create_case(&new_case("26-7", "x")).unwrap();
    drop(ws);
    let mut ws = replace_case_file(&w, "26-7", b"Meeting notes, Tuesday\nnothing here\n");
    assert!(matches!(
        ws.open_case("26-7"),
        Err(Error::NotVigilFile { .. })
    ));
}

#[test]
fn a_foreign_sqlite_database_is_not_a_vigil_file() {
    let (w, mut ws, _) = new_ws();
    ws.create_case(&new_case("26-8", "x")).unwrap();
    drop(ws);
    let tmp = tempfile::tempdir().unwrap();
    let foreign = tmp.path().join("other.db");
    {
        let c = rusqlite::Connection::open(&foreign).unwrap();
        c.execute_batch("CREATE TABLE contacts(name TEXT); INSERT INTO contacts VALUES ('x');")
            .unwrap();
    }
    let mut ws = replace_case_file(&w, "26-8", &std::fs::read(&foreign).unwrap());
    let e = ws.open_case("26-8").unwrap_err();
    assert!(matches!(e, Error::NotVigilFile { .. }), "{e:?}");
    assert!(e.to_string().contains("not a Vigil file"));
}

#[test]
fn a_truncated_case_file_is_reported_as_damaged() {
    let (w, mut ws, _) = new_ws();
    ws.create_case(&new_case("26-11", "x")).unwrap();
    let path = ws.case_file_path("26-11").unwrap();
    drop(ws);
    let bytes = std::fs::read(&path).unwrap();
    let mut ws = replace_case_file(&w, "26-11", &bytes[..bytes.len() / 2 + 100]);
    let e = ws.open_case("26-11").unwrap_err();
    assert!(matches!(e, Error::Corrupt { .. }), "{e:?}");
    assert!(e.to_string().contains("cut off"), "{e}");
}

#[test]
fn a_case_file_from_a_newer_vigil_is_refused_naming_both_versions() {
    let (_w, mut ws, _) = new_ws();
    ws.create_case(&new_case("26-12", "x")).unwrap();
    {
        let raw = ws.raw_case_connection("26-12").unwrap();
        raw.pragma_update(None, "user_version", 99).unwrap();
    }
    let e = ws.open_case("26-12").unwrap_err();
    match &e {
        Error::NewerFormat {
            found, supported, ..
        } => {
            assert_eq!(*found, 99);
            assert_eq!(*supported, vigil::CASE_SCHEMA_VERSION);
        }
        other => panic!("expected NewerFormat, got {other:?}"),
    }
    assert!(e.to_string().contains("99") && e.to_string().contains("update Vigil"));
}
