use crate::support::*;
use vigil::case::{CaseHeaderPatch, HandoverMode};
use vigil::secret::Passphrase;
use vigil::Error;

const HANDOVER: &str = "Blue kettle 58 north";

fn hp() -> Passphrase {
    Passphrase::new(HANDOVER.into())
}

#[test]
fn a_sealed_case_is_received_intact_in_another_workspace() {
    let (_a, mut alice, _) = new_ws();
    alice
        .create_case(&new_case("26-30", "Handover test"))
        .unwrap();
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("26-30-transfer.vigil");
    let sealed = alice
        .seal_case("26-30", &out, &hp(), HandoverMode::Transfer, false)
        .unwrap();
    assert_eq!(sealed.sha256.len(), 64);
    assert_eq!(sealed.bytes, std::fs::metadata(&out).unwrap().len());
    // One self-contained file: no journal or WAL beside it, no temp files.
    let names: Vec<_> = std::fs::read_dir(out_dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");

    let (_b, mut bob, _) = new_ws();
    let s = bob.receive_case(&out, &hp()).unwrap();
    assert_eq!(s.number, "26-30");
    assert!(!s.read_only);
    let d = bob.open_case("26-30").unwrap();
    assert_eq!(d.header.title, "Handover test");
    assert_eq!(d.handover.unwrap().mode, HandoverMode::Transfer);
    let r = bob.verify_case("26-30").unwrap();
    assert!(r.ok, "{:?}", r.checks);
    // The receiver can work on a transferred case.
    bob.update_case(
        "26-30",
        &CaseHeaderPatch {
            title: "Continued".into(),
            opened_on: d.header.opened_on,
            assigned_investigator: "Sgt. B".into(),
            agency_reports: vec![],
        },
    )
    .unwrap();
    // The original file is unchanged by receiving it.
    assert_eq!(vigil::crypto::sha256_file(&out).unwrap(), sealed.sha256);
}

#[test]
fn a_review_copy_opens_read_only() {
    let (_a, mut alice, _) = new_ws();
    alice.create_case(&new_case("26-31", "For review")).unwrap();
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("review.vigil");
    alice
        .seal_case("26-31", &out, &hp(), HandoverMode::Review, false)
        .unwrap();
    let (_s, mut sup, _) = new_ws();
    let s = sup.receive_case(&out, &hp()).unwrap();
    assert!(s.read_only);
    let d = sup.open_case("26-31").unwrap();
    assert!(d.read_only);
    let e = sup
        .update_case(
            "26-31",
            &CaseHeaderPatch {
                title: "x".into(),
                opened_on: d.header.opened_on,
                assigned_investigator: "x".into(),
                agency_reports: vec![],
            },
        )
        .unwrap_err();
    assert!(matches!(e, Error::ReadOnlyCase { .. }));
    assert!(sup.verify_case("26-31").unwrap().ok);
}

#[test]
fn the_wrong_handover_passphrase_receives_nothing() {
    let (_a, mut alice, _) = new_ws();
    alice.create_case(&new_case("26-32", "x")).unwrap();
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("h.vigil");
    alice
        .seal_case("26-32", &out, &hp(), HandoverMode::Transfer, false)
        .unwrap();
    let (b, mut bob, _) = new_ws();
    let e = bob
        .receive_case(&out, &Passphrase::new("Wrong kettle 58 south".into()))
        .unwrap_err();
    assert!(
        matches!(e, Error::WrongKeyOrNotCaseFile { ref path } if path == &out),
        "{e:?}"
    );
    assert!(bob.list_cases().unwrap().is_empty());
    assert!(
        files_under(&b.dir.join("cases")).is_empty(),
        "no file may be left behind"
    );
}

#[test]
fn receiving_a_case_twice_is_refused() {
    let (_a, mut alice, _) = new_ws();
    alice.create_case(&new_case("26-33", "x")).unwrap();
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("h.vigil");
    alice
        .seal_case("26-33", &out, &hp(), HandoverMode::Transfer, false)
        .unwrap();
    let (_b, mut bob, _) = new_ws();
    bob.receive_case(&out, &hp()).unwrap();
    assert!(matches!(
        bob.receive_case(&out, &hp()),
        Err(Error::AlreadyExists { .. })
    ));
    // Sealing over an existing file needs an explicit overwrite.
    assert!(matches!(
        alice.seal_case("26-33", &out, &hp(), HandoverMode::Transfer, false),
        Err(Error::AlreadyExists { .. })
    ));
}

#[test]
fn non_case_files_are_refused_on_receive() {
    let (_b, mut bob, _) = new_ws();
    let tmp = tempfile::tempdir().unwrap();
    let text = tmp.path().join("notes.vigil");
    std::fs::write(&text, "just some text\n").unwrap();
    assert!(matches!(
        bob.receive_case(&text, &hp()),
        Err(Error::NotVigilFile { .. })
    ));
    let empty = tmp.path().join("empty.vigil");
    std::fs::write(&empty, b"").unwrap();
    assert!(matches!(
        bob.receive_case(&empty, &hp()),
        Err(Error::Corrupt { .. })
    ));
    let random = tmp.path().join("random.vigil");
    let mut bytes = vec![0u8; 8192];
    vigil::crypto::fill_random(&mut bytes).unwrap();
    std::fs::write(&random, &bytes).unwrap();
    assert!(matches!(
        bob.receive_case(&random, &hp()),
        Err(Error::WrongKeyOrNotCaseFile { .. })
    ));
}

#[test]
fn a_weak_handover_passphrase_is_refused() {
    let (_a, mut alice, _) = new_ws();
    alice.create_case(&new_case("26-34", "x")).unwrap();
    let out_dir = tempfile::tempdir().unwrap();
    let e = alice
        .seal_case(
            "26-34",
            &out_dir.path().join("h.vigil"),
            &Passphrase::new("1234".into()),
            HandoverMode::Transfer,
            false,
        )
        .unwrap_err();
    assert!(matches!(
        e,
        Error::Validation {
            field: "handover passphrase",
            ..
        }
    ));
}

// ---- hardening findings --------------------------------------------------------

#[test]
fn a_review_copy_sealed_again_stays_read_only_across_workspaces() {
    let (_a, mut alice, _) = new_ws();
    alice
        .create_case(&new_case("26-40", "Review only"))
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("review.vigil");
    alice
        .seal_case("26-40", &first, &hp(), HandoverMode::Review, false)
        .unwrap();
    let (_b, mut bob, _) = new_ws();
    assert!(bob.receive_case(&first, &hp()).unwrap().read_only);
    // Bob asks for a transfer copy of his read-only copy: he gets a review copy.
    let second = dir.path().join("again.vigil");
    let r = bob
        .seal_case("26-40", &second, &hp(), HandoverMode::Transfer, false)
        .unwrap();
    assert_eq!(r.mode, HandoverMode::Review);
    let (_c, mut carol, _) = new_ws();
    let s = carol.receive_case(&second, &hp()).unwrap();
    assert!(s.read_only, "still read-only in a third workspace");
    let opened_on = carol.case_detail("26-40").unwrap().header.opened_on;
    assert!(matches!(
        carol.update_case(
            "26-40",
            &CaseHeaderPatch {
                title: "changed".into(),
                opened_on,
                assigned_investigator: "x".into(),
                agency_reports: vec![],
            },
        ),
        Err(Error::ReadOnlyCase { .. })
    ));
}

#[test]
fn a_failed_seal_leaves_no_seal_event_in_the_case() {
    let (_a, mut alice, _) = new_ws();
    alice.create_case(&new_case("26-41", "x")).unwrap();
    let before = alice.case_detail("26-41").unwrap().audit_events;
    let missing = std::path::Path::new("/nonexistent-folder-for-vigil/sealed.vigil");
    assert!(alice
        .seal_case("26-41", missing, &hp(), HandoverMode::Transfer, false)
        .is_err());
    assert_eq!(alice.case_detail("26-41").unwrap().audit_events, before);
    let dir = tempfile::tempdir().unwrap();
    alice
        .seal_case(
            "26-41",
            &dir.path().join("ok.vigil"),
            &hp(),
            HandoverMode::Transfer,
            false,
        )
        .unwrap();
    assert_eq!(alice.case_detail("26-41").unwrap().audit_events, before + 1);
}

/// Case files, the key file, handover files and exports are the owner's only.
#[cfg(unix)]
#[test]
fn files_are_created_for_the_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let (w, mut ws, _) = new_ws();
    ws.create_case(&new_case("26-42", "x")).unwrap();
    ws.open_case("26-42").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let sealed = dir.path().join("h.vigil");
    ws.seal_case("26-42", &sealed, &hp(), HandoverMode::Transfer, false)
        .unwrap();
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&w.dir), 0o700);
    assert_eq!(mode(&w.dir.join("cases")), 0o700);
    for f in files_under(&w.dir) {
        if f.extension().is_some_and(|e| e == "lock") {
            continue;
        }
        assert_eq!(mode(&f), 0o600, "{}", f.display());
    }
    assert_eq!(mode(&sealed), 0o600);
}

#[test]
fn a_sealed_file_with_any_page_flipped_or_pages_appended_is_refused() {
    let (_a, mut alice, _) = new_ws();
    alice.create_case(&new_case("26-43", "Flip test")).unwrap();
    for k in 0..40 {
        alice
            .add_incident(
                "26-43",
                &vigil::incident::IncidentInput::quick(
                    "3/1/2026",
                    "texts",
                    &format!("Incident {k} {}", "x".repeat(300)),
                ),
            )
            .unwrap();
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sealed.vigil");
    alice
        .seal_case("26-43", &out, &hp(), HandoverMode::Transfer, false)
        .unwrap();
    let good = std::fs::read(&out).unwrap();
    let pages = good.len() / 4096;
    assert!(pages >= 8, "{pages} pages");
    let (_b, mut bob, _) = new_ws();
    let bad = dir.path().join("bad.vigil");
    // Every page would cost one Argon2 derivation each; twelve spread over the
    // file (first, last and between) cover the header, tables and indexes.
    let sample: Vec<usize> = (0..12).map(|i| i * (pages - 1) / 11).collect();
    for page in sample {
        let mut bytes = good.clone();
        bytes[page * 4096 + 100 + (page * 37) % 3000] ^= 0x01;
        std::fs::write(&bad, &bytes).unwrap();
        let r = bob.receive_case(&bad, &hp());
        assert!(r.is_err(), "a flip in page {page} was accepted");
    }
    let mut padded = good.clone();
    padded.extend(std::iter::repeat_n(0x5a, 4096 * 2));
    std::fs::write(&bad, &padded).unwrap();
    match bob.receive_case(&bad, &hp()) {
        Err(e @ Error::Corrupt { .. }) => assert_eq!(e.exit_code(), 7),
        other => panic!("appended pages: {other:?}"),
    }
    assert!(bob.list_cases().unwrap().is_empty(), "nothing was taken in");
    std::fs::write(&bad, &good).unwrap();
    assert!(bob.receive_case(&bad, &hp()).is_ok());
}
