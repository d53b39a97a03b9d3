use crate::support::*;
use vigil::import::{ImportField, ImportFile};
use vigil::incident::{IncidentFilter, IncidentSource};
use vigil::Error;

const SPARC: &str = "\u{feff}Date,Time,Description,Location,Witness(es),Police Contacted?,Officer's Name,Badge #,Police Report #\n\
3/2/2026,9:30 PM,\"Texts all evening: \"\"answer me\"\", \"\"I know you're home\"\"\",Home,,No,,,\n\
3/5/2026,,\"Car parked across the street,\nengine running\",\"Home, Elm St\",Mrs Ortiz (neighbour),Yes,Ofc. Ruiz,812,26-1183\n\
early March 2026,,Flowers left at work with no card,Work,,,,,\n";

#[test]
fn a_sparc_log_is_imported_with_its_hash_and_lines() {
    let (_w, mut ws, _) = new_ws();
    ws.create_case(&new_case("L-1", "x")).unwrap();
    let file = ImportFile::from_text("log.csv", SPARC);
    let p = ws
        .import_preview(&file, None, Some("America/Chicago"))
        .unwrap();
    assert_eq!(p.problem_count, 0, "{:?}", p.rows);
    let fields: Vec<_> = p.columns.iter().map(|c| c.field).collect();
    assert_eq!(
        fields[..4],
        [
            Some(ImportField::Date),
            Some(ImportField::Time),
            Some(ImportField::Description),
            Some(ImportField::Location)
        ]
    );
    let r = ws
        .import_incidents("L-1", &file, None, Some("America/Chicago"))
        .unwrap();
    assert_eq!(r.imported, 3);
    assert_eq!(
        r.sha256,
        vigil::crypto::to_hex(&vigil::crypto::sha256(SPARC.as_bytes()))
    );
    let page = ws
        .list_incidents("L-1", &IncidentFilter::default(), 0, 10)
        .unwrap();
    assert_eq!(page.total, 3);
    let flowers = page
        .rows
        .iter()
        .find(|r| r.excerpt.starts_with("Flowers"))
        .unwrap();
    assert_eq!(flowers.source, IncidentSource::VictimLog);
    let full = ws.get_incident("L-1", &flowers.id).unwrap();
    assert_eq!(full.source_sha256.as_deref(), Some(r.sha256.as_str()));
    assert_eq!(
        full.source_line,
        Some(5),
        "the quoted newline makes row 2 span two lines"
    );
    assert_eq!(full.input.category, "unclassified");
    let car = page
        .rows
        .iter()
        .find(|r| r.excerpt.starts_with("Car parked"))
        .unwrap();
    let car = ws.get_incident("L-1", &car.id).unwrap();
    let rep = car.input.reported_to.unwrap();
    assert_eq!(
        (
            rep.officer.as_str(),
            rep.badge.as_str(),
            rep.report_number.as_str()
        ),
        ("Ofc. Ruiz", "812", "26-1183")
    );
    assert!(car.input.narrative.contains("Mrs Ortiz"));
    assert!(ws.verify_case("L-1").unwrap().ok);
}

#[test]
fn one_bad_row_refuses_the_whole_file_naming_the_line() {
    let (_w, mut ws, _) = new_ws();
    ws.create_case(&new_case("L-2", "x")).unwrap();
    let text =
        "Date,Description\n3/1/2026,one\n3/2/2026,two\nthe 31st of Febtober,three\n3/4/2026,four\n";
    let file = ImportFile::from_text("log.csv", text);
    let events = ws.case_detail("L-2").unwrap().audit_events;
    match ws.import_incidents("L-2", &file, None, None) {
        Err(Error::BadImport { problems, .. }) => {
            assert_eq!(problems.len(), 1);
            assert_eq!(problems[0].0, 4);
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(
        ws.list_incidents("L-2", &IncidentFilter::default(), 0, 10)
            .unwrap()
            .total,
        0,
        "all or nothing"
    );
    assert_eq!(ws.case_detail("L-2").unwrap().audit_events, events);
    // Fixed file imports.
    let fixed = ImportFile::from_text("log.csv", &text.replace("the 31st of Febtober", "3/3/2026"));
    assert_eq!(
        ws.import_incidents("L-2", &fixed, None, None)
            .unwrap()
            .imported,
        4
    );
}

#[test]
fn a_user_mapping_fixes_unrecognised_headers() {
    let (_w, mut ws, _) = new_ws();
    ws.create_case(&new_case("L-3", "x")).unwrap();
    let text = "Quand;Quoi;Où\n2026-03-01;appel;travail\n2026-03-02;message;maison\n";
    let file = ImportFile::from_text("journal.csv", text);
    let p = ws
        .import_preview(&file, None, Some("Europe/Paris"))
        .unwrap();
    assert!(
        p.problem_count > 0,
        "nothing is recognised without a mapping"
    );
    let mapping = [
        Some(ImportField::Date),
        Some(ImportField::Description),
        Some(ImportField::Location),
    ];
    let p = ws
        .import_preview(&file, Some(&mapping), Some("Europe/Paris"))
        .unwrap();
    assert_eq!(p.problem_count, 0);
    assert_eq!(
        ws.import_incidents("L-3", &file, Some(&mapping), Some("Europe/Paris"))
            .unwrap()
            .imported,
        2
    );
}

#[test]
fn a_file_is_read_from_disk_and_hashed_as_stored() {
    let (_w, mut ws, _) = new_ws();
    ws.create_case(&new_case("L-4", "x")).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("victim log.csv");
    std::fs::write(&path, SPARC).unwrap();
    let file = ImportFile::read(&path).unwrap();
    assert_eq!(file.sha256(), vigil::crypto::sha256_file(&path).unwrap());
    assert_eq!(
        ws.import_incidents("L-4", &file, None, None)
            .unwrap()
            .imported,
        3
    );
}

#[test]
fn the_chronology_exports_as_csv_and_json() {
    let (_w, mut ws, _) = new_ws();
    ws.create_case(&new_case("L-5", "x")).unwrap();
    ws.import_incidents(
        "L-5",
        &ImportFile::from_text("log.csv", SPARC),
        None,
        Some("America/Chicago"),
    )
    .unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let csv_path = tmp.path().join("chronology.csv");
    let r = ws
        .export_incidents("L-5", vigil::ExportFormat::Csv, &csv_path)
        .unwrap();
    assert_eq!(r.rows, 3);
    let text = std::fs::read_to_string(&csv_path).unwrap();
    assert!(text.starts_with("when,from_utc,"));
    assert_eq!(
        csv::Reader::from_reader(text.as_bytes()).records().count(),
        3
    );
    assert!(text.contains("Not yet classified"));
    let json_path = tmp.path().join("chronology.json");
    ws.export_incidents("L-5", vigil::ExportFormat::Json, &json_path)
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&json_path).unwrap()).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 3);
    assert_eq!(v[0]["input"]["source"], "victimLog");
    // Exports are recorded in the chain.
    assert!(ws.verify_case("L-5").unwrap().ok);
}

/// Vigil's own chronology export imports back, CSV and JSON, with every
/// field the import knows: the time at its precision and zone, category,
/// narrative, suspect's words, location, witnesses, suspect, report numbers.
#[test]
fn the_chronology_export_imports_back_field_for_field() {
    use crate::people::person;
    use vigil::incident::{IncidentInput, ReportedTo};
    use vigil::person::PersonRole;
    let (_w, mut ws, _) = new_ws();
    let people = |ws: &mut vigil::workspace::UnlockedWorkspace, n: &str| {
        let w = ws
            .save_person(n, None, &person(PersonRole::Witness, "Sam Lee", &[]))
            .unwrap();
        let s = ws
            .save_person(n, None, &person(PersonRole::Suspect, "Jordan Pike", &[]))
            .unwrap();
        (w.id, s.id)
    };
    ws.create_case(&new_case("RT-1", "source")).unwrap();
    let (witness, suspect) = people(&mut ws, "RT-1");
    let mut exact = IncidentInput::quick(
        "3/14/2026 9:30 pm",
        "texts",
        "Texts, \"answer me\",\nall evening",
    );
    exact.tz = Some("America/Chicago".into());
    exact.suspect_words = "I know you're home".into();
    exact.location_text = "Home, Elm St".into();
    exact.witness_ids = vec![witness];
    exact.suspect_id = Some(suspect);
    exact.reported_to = Some(ReportedTo {
        agency: "Eastfield PD".into(),
        officer: "Ofc. Ruiz".into(),
        badge: "812".into(),
        report_number: "26-1183".into(),
    });
    let mut approx = IncidentInput::quick("early March 2026", "lettersGifts", "Flowers at work");
    approx.tz = Some("Europe/London".into());
    let mut day = IncidentInput::quick("3/20/2026", "calls", "Eleven calls");
    day.tz = Some("Asia/Tokyo".into());
    for i in [&exact, &approx, &day] {
        ws.add_incident("RT-1", i).unwrap();
    }
    let original = ws
        .list_incidents("RT-1", &IncidentFilter::default(), 0, 10)
        .unwrap()
        .rows;
    let tmp = tempfile::tempdir().unwrap();
    for (k, format) in [
        ("csv", vigil::ExportFormat::Csv),
        ("json", vigil::ExportFormat::Json),
    ] {
        let path = tmp.path().join(format!("chronology.{k}"));
        ws.export_incidents("RT-1", format, &path).unwrap();
        let target = format!("RT-{k}");
        ws.create_case(&new_case(&target, "target")).unwrap();
        people(&mut ws, &target);
        let r = ws
            .import_incidents(&target, &ImportFile::read(&path).unwrap(), None, None)
            .unwrap_or_else(|e| panic!("{k}: {e}"));
        assert_eq!(r.imported, 3, "{k}");
        let back = ws
            .list_incidents(&target, &IncidentFilter::default(), 0, 10)
            .unwrap()
            .rows;
        for (a, b) in original.iter().zip(&back) {
            let a = ws.get_incident("RT-1", &a.id).unwrap();
            let b = ws.get_incident(&target, &b.id).unwrap();
            assert_eq!(b.occurred, a.occurred, "{k}: time, precision and zone");
            let (ai, bi) = (&a.input, &b.input);
            assert_eq!(bi.category, ai.category, "{k}");
            assert_eq!(bi.narrative, ai.narrative, "{k}");
            assert_eq!(bi.suspect_words, ai.suspect_words, "{k}");
            assert_eq!(bi.location_text, ai.location_text, "{k}");
            assert_eq!(bi.reported_to, ai.reported_to, "{k}");
            assert_eq!(
                bi.witness_ids.len(),
                ai.witness_ids.len(),
                "{k}: witnesses linked"
            );
            assert_eq!(
                bi.suspect_id.is_some(),
                ai.suspect_id.is_some(),
                "{k}: suspect linked"
            );
        }
        // Into a case without those people, the names stay in the narrative.
        let bare = format!("RT-{k}-bare");
        ws.create_case(&new_case(&bare, "bare")).unwrap();
        ws.import_incidents(&bare, &ImportFile::read(&path).unwrap(), None, None)
            .unwrap();
        let rows = ws
            .list_incidents(&bare, &IncidentFilter::default(), 0, 10)
            .unwrap()
            .rows;
        let with_people = rows
            .iter()
            .map(|r| ws.get_incident(&bare, &r.id).unwrap())
            .find(|i| i.input.suspect_words == "I know you're home")
            .unwrap();
        assert!(with_people
            .input
            .narrative
            .contains("Witnesses named in the log: Sam Lee"));
        assert!(with_people
            .input
            .narrative
            .contains("Suspect named in the log: Jordan Pike"));
    }
}

#[test]
fn a_time_zone_column_is_a_time_zone_not_the_time() {
    let f = ImportFile::from_text(
        "log.csv",
        "date,time,time_zone,description\n3/14/2026,9:30 pm,Asia/Tokyo,texts\n3/15/2026,,Mars/Olympus,calls\n",
    );
    let (_w, ws, _) = new_ws();
    let p = ws
        .import_preview(&f, None, Some("America/Chicago"))
        .unwrap();
    let fields: Vec<_> = p.columns.iter().map(|c| c.field).collect();
    assert_eq!(
        fields,
        [
            Some(ImportField::Date),
            Some(ImportField::Time),
            Some(ImportField::TimeZone),
            Some(ImportField::Description)
        ]
    );
    assert_eq!(p.rows[0].occurred.as_ref().unwrap().tz, "Asia/Tokyo");
    assert_eq!(
        p.rows[0].occurred.as_ref().unwrap().from,
        "2026-03-14T12:30:00Z"
    );
    assert!(
        p.rows[1].problems[0].contains("IANA"),
        "{:?}",
        p.rows[1].problems
    );
}
