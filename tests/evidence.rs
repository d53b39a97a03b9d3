use crate::support::*;
use vigil::evidence::*;
use vigil::incident::IncidentInput;
use vigil::protocol::AnswerInput;
use vigil::Error;

/// Deterministic pseudo-random bytes (xorshift), so sizes and contents vary.
pub fn bytes(n: usize, seed: u64) -> Vec<u8> {
    let mut x = seed | 1;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

fn sha(b: &[u8]) -> String {
    vigil::crypto::to_hex(&vigil::crypto::sha256(b))
}

fn go(_: &IngestProgress) -> bool {
    true
}

fn add_file(
    ws: &mut vigil::workspace::UnlockedWorkspace,
    case: &str,
    path: &std::path::Path,
    kind: ExhibitKind,
) -> Exhibit {
    ws.add_exhibit(case, &ExhibitInput::new(kind, "item"), Some(path), &mut go)
        .unwrap()
}

#[test]
fn files_of_every_size_round_trip_with_their_sha256() {
    let (w, mut ws, _) = new_ws();
    ws.create_case(&new_case("E-1", "x")).unwrap();
    let out = w.dir.parent().unwrap().join("out");
    std::fs::create_dir(&out).unwrap();
    let sizes = [
        0,
        1,
        CHUNK_SIZE - 1,
        CHUNK_SIZE,
        CHUNK_SIZE + 1,
        2 * CHUNK_SIZE + 123,
    ];
    for (k, size) in sizes.into_iter().enumerate() {
        let data = bytes(size, k as u64 + 7);
        let src = w.dir.parent().unwrap().join(format!("f{k}.bin"));
        std::fs::write(&src, &data).unwrap();
        let e = add_file(&mut ws, "E-1", &src, ExhibitKind::Document);
        let f = e.file.as_ref().unwrap();
        assert_eq!(
            (f.size as usize, f.sha256.clone()),
            (size, sha(&data)),
            "size {size}"
        );
        assert_eq!(f.name, format!("f{k}.bin"));
        assert_eq!(e.custody.len(), 1);
        assert_eq!(e.custody[0].kind, CustodyKind::Intake);
        assert_eq!(e.custody[0].hash_check, Some(HashCheck::Matched));
        assert_eq!(e.custody[0].hash_seen.as_deref(), Some(f.sha256.as_str()));
        let r = ws.export_exhibit("E-1", &e.number, &out).unwrap();
        let written = std::fs::read(&r.path).unwrap();
        assert_eq!(written, data, "size {size}");
        assert_eq!(r.sha256, sha(&written));
        // A range read, as the preview does, across a chunk boundary.
        if size > CHUNK_SIZE + 10 {
            let (part, total, _) = ws
                .read_exhibit_range("E-1", &e.id, CHUNK_SIZE as u64 - 10, 20)
                .unwrap();
            assert_eq!(total as usize, size);
            assert_eq!(part, data[CHUNK_SIZE - 10..CHUNK_SIZE + 10]);
        }
    }
    let list = ws.list_exhibits("E-1", None).unwrap();
    let numbers: Vec<_> = list.iter().map(|e| e.number.as_str()).collect();
    assert_eq!(
        numbers,
        ["E-1-E001", "E-1-E002", "E-1-E003", "E-1-E004", "E-1-E005", "E-1-E006"]
    );
    let r = ws.verify_case("E-1").unwrap();
    assert!(r.ok, "{:?}", failed_checks(&r));
    assert_eq!(r.exhibits.len(), sizes.len());
    assert!(r.exhibits.iter().all(|e| e.ok && e.found == e.recorded));
    // A second export does not overwrite the first.
    let again = ws.export_exhibit("E-1", "E-1-E002", &out).unwrap();
    assert!(again.path.ends_with("f1 (2).bin"), "{}", again.path);
}

#[test]
fn a_chunk_changed_behind_the_app_is_named_by_verify_and_at_custody() {
    let (w, mut ws, _) = new_ws();
    ws.create_case(&new_case("E-2", "x")).unwrap();
    let src = w.dir.parent().unwrap().join("voicemail.wav");
    std::fs::write(&src, bytes(3 * CHUNK_SIZE, 3)).unwrap();
    let good = add_file(&mut ws, "E-2", &src, ExhibitKind::Audio);
    let bad = add_file(&mut ws, "E-2", &src, ExhibitKind::Audio);
    {
        let raw = ws.raw_case_connection("E-2").unwrap();
        let n = raw
            .execute(
                "UPDATE exhibit_chunk SET data = zeroblob(length(data)) WHERE exhibit_id = ?1 AND n = 1",
                [&bad.id],
            )
            .unwrap();
        assert_eq!(n, 1);
    }
    let r = ws.verify_case("E-2").unwrap();
    assert!(!r.ok);
    assert_eq!(failed_checks(&r), ["Attached files unchanged"]);
    let detail = &r.checks.iter().find(|c| !c.ok).unwrap().detail;
    assert!(
        detail.contains(&bad.number) && !detail.contains(&good.number),
        "{detail}"
    );
    let per: Vec<_> = r
        .exhibits
        .iter()
        .map(|e| (e.number.clone(), e.ok))
        .collect();
    assert_eq!(
        per,
        [(good.number.clone(), true), (bad.number.clone(), false)]
    );
    // The next custody event records the mismatch; the export refuses.
    let mut t = CustodyInput::new(CustodyKind::Transfer);
    t.to = "Digital forensics lab".into();
    t.purpose = "Examination".into();
    let e = ws.record_custody("E-2", &bad.number, &t).unwrap();
    assert_eq!(
        e.custody.last().unwrap().hash_check,
        Some(HashCheck::Mismatch)
    );
    let out = w.dir.parent().unwrap().join("out");
    std::fs::create_dir(&out).unwrap();
    assert!(matches!(
        ws.export_exhibit("E-2", &bad.number, &out),
        Err(Error::Tampered { .. })
    ));
    assert_eq!(
        std::fs::read_dir(&out).unwrap().count(),
        0,
        "no partial export left"
    );
    // A missing chunk is named as such.
    {
        let raw = ws.raw_case_connection("E-2").unwrap();
        raw.execute(
            "DELETE FROM exhibit_chunk WHERE exhibit_id = ?1 AND n = 2",
            [&good.id],
        )
        .unwrap();
    }
    let r = ws.verify_case("E-2").unwrap();
    let g = r.exhibits.iter().find(|e| e.number == good.number).unwrap();
    assert!(!g.ok && g.detail.contains("damaged"), "{}", g.detail);
}

#[test]
fn a_cancelled_ingest_leaves_nothing_and_the_case_verifies() {
    let (w, mut ws, _) = new_ws();
    ws.create_case(&new_case("E-3", "x")).unwrap();
    let src = w.dir.parent().unwrap().join("video.mp4");
    std::fs::write(&src, bytes(5 * CHUNK_SIZE, 11)).unwrap();
    let events_before = ws.case_detail("E-3").unwrap().audit_events;
    let mut seen = Vec::new();
    let mut cancel_after_two = |p: &IngestProgress| {
        seen.push(p.done);
        p.done < 2 * CHUNK_SIZE as u64
    };
    let r = ws.add_exhibit(
        "E-3",
        &ExhibitInput::new(ExhibitKind::Video, "Doorbell video"),
        Some(&src),
        &mut cancel_after_two,
    );
    assert!(matches!(r, Err(Error::Cancelled)), "{r:?}");
    assert_eq!(seen, [0, CHUNK_SIZE as u64, 2 * CHUNK_SIZE as u64]);
    assert!(ws.list_exhibits("E-3", None).unwrap().is_empty());
    assert_eq!(ws.case_detail("E-3").unwrap().audit_events, events_before);
    let raw = ws.raw_case_connection("E-3").unwrap();
    let chunks: i64 = raw
        .query_row("SELECT count(*) FROM exhibit_chunk", [], |r| r.get(0))
        .unwrap();
    assert_eq!(chunks, 0);
    drop(raw);
    assert!(ws.verify_case("E-3").unwrap().ok);
    // The next exhibit gets the first number.
    let e = add_file(&mut ws, "E-3", &src, ExhibitKind::Video);
    assert_eq!(e.number, "E-3-E001");
}

#[test]
fn custody_is_append_only_and_deletion_needs_a_reason_and_no_custody() {
    let (w, mut ws, _) = new_ws();
    ws.create_case(&new_case("E-4", "x")).unwrap();
    let src = w.dir.parent().unwrap().join("shot.png");
    std::fs::write(&src, b"\x89PNG\r\n\x1a\nnot really").unwrap();
    let shot = add_file(&mut ws, "E-4", &src, ExhibitKind::Screenshot);
    assert_eq!(shot.file.as_ref().unwrap().media_type, "image/png");
    assert_eq!(shot.file.as_ref().unwrap().preview, PreviewKind::Image);
    assert_eq!(
        shot.gaps.len(),
        4,
        "an unchecked screenshot shows every capture gap"
    );

    let mut tracker = ExhibitInput::new(ExhibitKind::Tracker, "GPS tracker from the victim's car");
    tracker.physical = true;
    tracker.stored_at = "Property room, locker 14".into();
    tracker.collected = "3/14/2026 9:30 pm".into();
    tracker.tz = Some("America/Chicago".into());
    let tracker = ws.add_exhibit("E-4", &tracker, None, &mut go).unwrap();
    assert!(tracker.file.is_none());
    assert_eq!(tracker.custody[0].hash_check, None);
    assert_eq!(tracker.custody[0].at, "2026-03-15T02:30:00Z");

    let mut lab = CustodyInput::new(CustodyKind::LabSubmission);
    lab.to = "State crime lab".into();
    lab.purpose = "Extract location history".into();
    let t = ws.record_custody("E-4", &tracker.number, &lab).unwrap();
    assert_eq!(t.custody.len(), 2);
    assert!(!t.deletable);

    // The stored events cannot be edited or removed behind the app.
    {
        let raw = ws.raw_case_connection("E-4").unwrap();
        assert!(raw
            .execute("UPDATE custody_event SET to_party = 'x'", [])
            .is_err());
        assert!(raw
            .execute("DELETE FROM custody_event WHERE kind = 'labSubmission'", [])
            .is_err());
    }
    // A correction is a new event naming the one it corrects.
    let mut fix = CustodyInput::new(CustodyKind::LabSubmission);
    fix.to = "Regional crime lab".into();
    fix.purpose = "Extract location history".into();
    fix.corrects = Some(t.custody[1].id.clone());
    let t = ws.record_custody("E-4", &tracker.number, &fix).unwrap();
    assert_eq!(t.custody.len(), 3);
    assert_eq!(
        t.custody[2].corrects.as_deref(),
        Some(t.custody[1].id.as_str())
    );

    assert!(matches!(
        ws.delete_exhibit("E-4", &tracker.number, "entered twice"),
        Err(Error::Validation { .. })
    ));
    assert!(matches!(
        ws.delete_exhibit("E-4", &shot.number, "  "),
        Err(Error::Validation { .. })
    ));
    ws.delete_exhibit("E-4", &shot.number, "same screenshot entered twice")
        .unwrap();
    assert_eq!(ws.list_exhibits("E-4", None).unwrap().len(), 1);
    let r = ws.verify_case("E-4").unwrap();
    assert!(r.ok, "{:?}", r.checks);
}

#[test]
fn a_redacted_copy_is_a_derived_exhibit_and_the_original_stays_as_it_was() {
    let (w, mut ws, _) = new_ws();
    ws.create_case(&new_case("E-5", "x")).unwrap();
    let src = w.dir.parent().unwrap().join("texts.png");
    let original_bytes = bytes(1000, 5);
    std::fs::write(&src, &original_bytes).unwrap();
    let original = add_file(&mut ws, "E-5", &src, ExhibitKind::Screenshot);
    let red = w.dir.parent().unwrap().join("texts-redacted.png");
    std::fs::write(&red, bytes(900, 6)).unwrap();
    let mut d = ExhibitInput::new(ExhibitKind::Derived, "Texts, victim's address redacted");
    d.derived_from = Some(original.id.clone());
    assert!(
        matches!(
            ws.add_exhibit("E-5", &d, Some(&red), &mut go),
            Err(Error::Validation { .. })
        ),
        "what was done must be said"
    );
    d.derivation = "Victim's home address blacked out for discovery".into();
    let derived = ws.add_exhibit("E-5", &d, Some(&red), &mut go).unwrap();
    let o = ws.get_exhibit("E-5", &original.number).unwrap();
    assert_eq!(o.derived, std::slice::from_ref(&derived.number));
    assert_eq!(o.file.as_ref().unwrap().sha256, sha(&original_bytes));
    assert!(!o.deletable, "an original with derived copies stays");
    assert!(ws
        .delete_exhibit("E-5", &original.number, "mistake")
        .is_err());
}

#[test]
fn exhibits_link_incidents_people_and_the_protocol() {
    let (w, mut ws, _) = new_ws();
    ws.create_case(&new_case("E-6", "x")).unwrap();
    let inc = ws
        .add_incident(
            "E-6",
            &IncidentInput::quick("3/20/2026 08:15", "texts", "Texts all night"),
        )
        .unwrap();
    let src = w.dir.parent().unwrap().join("shot.png");
    std::fs::write(&src, b"\x89PNG\r\n\x1a\n").unwrap();
    let mut i = ExhibitInput::new(ExhibitKind::Screenshot, "Texts of 20 March");
    i.incident_ids = vec![inc.id.clone()];
    i.checklist = CaptureChecklist {
        sender_visible: Some(true),
        time_visible: Some(true),
        original_kept: Some(true),
        device: "Victim's phone".into(),
    };
    let e = ws.add_exhibit("E-6", &i, Some(&src), &mut go).unwrap();
    assert!(e.gaps.is_empty());
    assert_eq!(ws.list_exhibits("E-6", Some(&inc.id)).unwrap().len(), 1);
    // Unknown links are refused.
    let mut bad = i.clone();
    bad.incident_ids = vec!["nope".into()];
    assert!(ws.add_exhibit("E-6", &bad, Some(&src), &mut go).is_err());
    // A linked incident cannot be deleted from under its exhibit.
    let err = ws.delete_incident("E-6", &inc.id).unwrap_err();
    assert!(err.to_string().contains(&e.number), "{err}");

    // The protocol's evidence item counts linked exhibits, not a tick.
    let before = ws.protocol_view("E-6").unwrap();
    let open = |v: &vigil::protocol::ProtocolView| {
        v.status
            .omissions
            .iter()
            .any(|o| o.item_id == "recordEvidenceItems")
    };
    assert!(open(&before));
    let tick = AnswerInput {
        value: "done".into(),
        values: vec![],
        note: String::new(),
    };
    assert!(ws.answer_item("E-6", "recordEvidenceItems", &tick).is_err());
    let link = AnswerInput {
        value: String::new(),
        values: vec![e.id.clone()],
        note: String::new(),
    };
    let after = ws.answer_item("E-6", "recordEvidenceItems", &link).unwrap();
    assert!(!open(&after));
    assert_eq!(after.status.answered, before.status.answered + 1);
    let ghost = AnswerInput {
        value: String::new(),
        values: vec!["no-such".into()],
        note: String::new(),
    };
    assert!(ws
        .answer_item("E-6", "recordEvidenceItems", &ghost)
        .is_err());
}

#[test]
fn exhibit_numbers_follow_the_agency_format_and_stay_unique() {
    let (w, mut ws, _) = new_ws();
    ws.create_case(&new_case("E-7", "x")).unwrap();
    assert!(ws.set_exhibit_number_format("no sequence").is_err());
    ws.set_exhibit_number_format("EX-{n:02}").unwrap();
    let mut p = ExhibitInput::new(ExhibitKind::PhysicalItem, "Flowers left on the car");
    p.physical = true;
    let a = ws.add_exhibit("E-7", &p, None, &mut go).unwrap();
    assert_eq!(a.number, "EX-01");
    let mut own = p.clone();
    own.number = "EX-02".into();
    ws.add_exhibit("E-7", &own, None, &mut go).unwrap();
    assert!(matches!(
        ws.add_exhibit("E-7", &own, None, &mut go),
        Err(Error::AlreadyExists { .. })
    ));
    // The automatic number skips one taken by hand.
    assert_eq!(
        ws.add_exhibit("E-7", &p, None, &mut go).unwrap().number,
        "EX-03"
    );
    // A physical item with a file, or a file exhibit without one, is refused.
    let src = w.dir.parent().unwrap().join("a.txt");
    std::fs::write(&src, "x").unwrap();
    assert!(ws.add_exhibit("E-7", &p, Some(&src), &mut go).is_err());
    let digital = ExhibitInput::new(ExhibitKind::Document, "Letter");
    assert!(ws.add_exhibit("E-7", &digital, None, &mut go).is_err());
    // A missing file changes nothing.
    let missing = w.dir.parent().unwrap().join("missing.txt");
    assert!(ws
        .add_exhibit("E-7", &digital, Some(&missing), &mut go)
        .is_err());
    assert_eq!(ws.list_exhibits("E-7", None).unwrap().len(), 3);
}
