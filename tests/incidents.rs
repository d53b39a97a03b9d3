use crate::people::person;
use crate::support::*;
use vigil::incident::*;
use vigil::person::PersonRole;
use vigil::when::Precision;
use vigil::Error;

fn inc(when: &str, category: &str, narrative: &str) -> IncidentInput {
    let mut i = IncidentInput::quick(when, category, narrative);
    i.tz = Some("America/Chicago".into());
    i
}

#[test]
fn every_field_round_trips() {
    let (w, mut ws, _) = new_ws();
    ws.create_case(&new_case("I-1", "x")).unwrap();
    let suspect = ws
        .save_person(
            "I-1",
            None,
            &person(PersonRole::Suspect, "Jordan Pike", &[]),
        )
        .unwrap();
    let witness = ws
        .save_person("I-1", None, &person(PersonRole::Witness, "Sam Lee", &[]))
        .unwrap();
    let input = IncidentInput {
        occurred: "3/14/2026 9:30 pm".into(),
        discovered: "3/15/2026".into(),
        reported: "3/16/2026 10am".into(),
        tz: Some("America/Chicago".into()),
        category: "approach".into(),
        method: Method::InPerson,
        location_text: "Outside the victim's work, Elm Rd".into(),
        place_type: PlaceType::VictimWork,
        jurisdiction: "Eastfield".into(),
        narrative: "Waited by her car for 40 minutes.".into(),
        suspect_words: "You can't avoid me forever".into(),
        weapons: "none seen".into(),
        children_present: Some(false),
        suspect_id: Some(suspect.id.clone()),
        attribution: Attribution::Seen,
        witness_ids: vec![witness.id.clone()],
        fear_level: FearLevel::High,
        victim_words: "I was shaking".into(),
        victim_changes: "Now parks in the secured lot".into(),
        reported_to: Some(ReportedTo {
            agency: "Eastfield PD".into(),
            officer: "Ofc. Ruiz".into(),
            badge: "812".into(),
            report_number: "26-1183".into(),
        }),
        source: IncidentSource::VictimInterview,
        tags: vec!["Work".into(), "car".into(), "work".into()],
    };
    let saved = ws.add_incident("I-1", &input).unwrap();
    assert_eq!(saved.occurred.precision, Precision::Exact);
    assert_eq!(saved.occurred.from, "2026-03-15T02:30:00Z");
    assert_eq!(saved.occurred.tz, "America/Chicago");
    assert_eq!(saved.group, "lifeInvasion");
    assert_eq!(saved.input.tags, ["car", "work"], "tags are normalised");
    drop(ws);
    let mut ws = unlock(&w.dir);
    let again = ws.get_incident("I-1", &saved.id).unwrap();
    assert_eq!(again.input.suspect_words, input.suspect_words);
    assert_eq!(again.input.reported_to, input.reported_to);
    assert_eq!(again.input.witness_ids, [witness.id]);
    assert_eq!(again.input.children_present, Some(false));
    assert_eq!(again.discovered.unwrap().precision, Precision::Day);
    assert_eq!(again.reported.unwrap().precision, Precision::Exact);
    assert!(ws.verify_case("I-1").unwrap().ok);
}

#[test]
fn vague_times_keep_their_precision_and_sort_in_order() {
    let (_w, mut ws, _) = new_ws();
    ws.create_case(&new_case("I-2", "x")).unwrap();
    ws.add_incident("I-2", &inc("3/20/2026 08:15", "calls", "c"))
        .unwrap();
    ws.add_incident("I-2", &inc("early March 2026", "texts", "a"))
        .unwrap();
    ws.add_incident("I-2", &inc("March 2026", "lettersGifts", "b"))
        .unwrap();
    let page = ws
        .list_incidents("I-2", &IncidentFilter::default(), 0, 100)
        .unwrap();
    assert_eq!(page.total, 3);
    let p: Vec<_> = page
        .rows
        .iter()
        .map(|r| (r.excerpt.as_str(), r.precision))
        .collect();
    assert_eq!(
        p,
        [
            ("a", Precision::Approximate),
            ("b", Precision::Month),
            ("c", Precision::Exact)
        ]
    );
    assert_eq!(page.rows[0].display, "early Mar 2026 (approx.)");
}

#[test]
fn bad_input_is_refused_and_nothing_is_written() {
    let (_w, mut ws, _) = new_ws();
    ws.create_case(&new_case("I-3", "x")).unwrap();
    assert!(matches!(
        ws.add_incident("I-3", &inc("someday", "calls", "x")),
        Err(Error::Validation { field: "when", .. })
    ));
    assert!(matches!(
        ws.add_incident("I-3", &inc("3/1/2026", "nope", "x")),
        Err(Error::Validation {
            field: "category",
            ..
        })
    ));
    let mut i = inc("3/1/2026", "calls", "x");
    i.suspect_id = Some("not-a-person".into());
    assert!(matches!(
        ws.add_incident("I-3", &i),
        Err(Error::Validation {
            field: "suspect",
            ..
        })
    ));
    assert_eq!(
        ws.list_incidents("I-3", &IncidentFilter::default(), 0, 10)
            .unwrap()
            .total,
        0
    );
}

#[test]
fn edits_and_deletions_are_audited() {
    let (_w, mut ws, _) = new_ws();
    ws.create_case(&new_case("I-4", "x")).unwrap();
    let a = ws
        .add_incident("I-4", &inc("3/1/2026", "calls", "first"))
        .unwrap();
    let events = ws.case_detail("I-4").unwrap().audit_events;
    let mut edit = a.input.clone();
    edit.narrative = "first, corrected".into();
    let e = ws.update_incident("I-4", &a.id, &edit).unwrap();
    assert_eq!(e.input.narrative, "first, corrected");
    ws.delete_incident("I-4", &a.id).unwrap();
    assert_eq!(ws.case_detail("I-4").unwrap().audit_events, events + 2);
    assert!(matches!(
        ws.get_incident("I-4", &a.id),
        Err(Error::NotFound { .. })
    ));
    assert!(ws.verify_case("I-4").unwrap().ok);
}

#[test]
fn an_incident_edited_or_deleted_outside_vigil_fails_verification() {
    let (_w, mut ws, _) = new_ws();
    ws.create_case(&new_case("I-5", "x")).unwrap();
    ws.add_incident("I-5", &inc("3/1/2026", "threat", "said he would hurt her"))
        .unwrap();
    ws.add_incident("I-5", &inc("3/2/2026", "calls", "called"))
        .unwrap();
    {
        let raw = ws.raw_case_connection("I-5").unwrap();
        raw.execute("DELETE FROM incident WHERE category = 'threat'", [])
            .unwrap();
    }
    let r = ws.verify_case("I-5").unwrap();
    assert!(!r.ok, "a silently removed threat must be noticed");
}

#[test]
fn filters_by_group_category_person_dates_tag_and_text() {
    let (_w, mut ws, _) = new_ws();
    ws.create_case(&new_case("I-6", "x")).unwrap();
    let s = ws
        .save_person("I-6", None, &person(PersonRole::Suspect, "Jordan", &[]))
        .unwrap();
    let mut a = inc("1/5/2026", "following", "followed to the gym");
    a.suspect_id = Some(s.id.clone());
    a.tags = vec!["gym".into()];
    ws.add_incident("I-6", &a).unwrap();
    ws.add_incident("I-6", &inc("2/10/2026", "texts", "forty texts overnight"))
        .unwrap();
    ws.add_incident(
        "I-6",
        &inc("3/3/2026", "orderServed", "order served at his home"),
    )
    .unwrap();
    let count = |ws: &mut vigil::workspace::UnlockedWorkspace, f: IncidentFilter| {
        ws.list_incidents("I-6", &f, 0, 100).unwrap().total
    };
    assert_eq!(
        count(
            &mut ws,
            IncidentFilter {
                groups: vec!["surveillance".into()],
                ..Default::default()
            }
        ),
        1
    );
    assert_eq!(
        count(
            &mut ws,
            IncidentFilter {
                categories: vec!["texts".into(), "orderServed".into()],
                ..Default::default()
            }
        ),
        2
    );
    assert_eq!(
        count(
            &mut ws,
            IncidentFilter {
                person_id: Some(s.id.clone()),
                ..Default::default()
            }
        ),
        1
    );
    assert_eq!(
        count(
            &mut ws,
            IncidentFilter {
                from: Some("2026-02-01".into()),
                to: Some("2026-02-28".into()),
                ..Default::default()
            }
        ),
        1
    );
    assert_eq!(
        count(
            &mut ws,
            IncidentFilter {
                tag: Some("GYM".into()),
                ..Default::default()
            }
        ),
        1
    );
    assert_eq!(
        count(
            &mut ws,
            IncidentFilter {
                text: "TEXTS overnight".into(),
                ..Default::default()
            }
        ),
        1
    );
    assert_eq!(
        count(
            &mut ws,
            IncidentFilter {
                text: "100%".into(),
                ..Default::default()
            }
        ),
        0,
        "wildcards are literal"
    );
    assert_eq!(ws.list_tags("I-6").unwrap(), ["gym"]);
}

#[test]
fn the_chart_counts_per_week_by_group_and_marks_system_events() {
    let (_w, mut ws, _) = new_ws();
    ws.create_case(&new_case("I-7", "x")).unwrap();
    // Monday 2 March and Wednesday 4 March are one week; 18 March is two weeks on.
    ws.add_incident("I-7", &inc("3/2/2026 10:00", "calls", ""))
        .unwrap();
    ws.add_incident("I-7", &inc("3/4/2026 10:00", "following", ""))
        .unwrap();
    ws.add_incident("I-7", &inc("3/4/2026 11:00", "calls", ""))
        .unwrap();
    ws.add_incident("I-7", &inc("3/18/2026 09:00", "orderServed", ""))
        .unwrap();
    let h = ws
        .incident_histogram("I-7", &IncidentFilter::default(), Some(Bucket::Week))
        .unwrap();
    assert_eq!(h.bucket, Bucket::Week);
    assert!(h.preferred_kept);
    let starts: Vec<_> = h.bars.iter().map(|b| b.start.as_str()).collect();
    assert_eq!(
        starts,
        ["2026-03-02", "2026-03-09", "2026-03-16"],
        "the quiet week is kept"
    );
    assert_eq!(h.bars[0].counts.get("lifeInvasion"), Some(&2));
    assert_eq!(h.bars[0].counts.get("surveillance"), Some(&1));
    assert!(h.bars[1].counts.is_empty());
    // The court event is a mark, grouped in its week, not part of a bar.
    assert_eq!(h.bars[2].total, 0);
    assert_eq!(h.mark_total, 1);
    assert_eq!(h.bars[2].marks.len(), 1);
    assert_eq!(h.bars[2].marks[0].category, "orderServed");
    assert_eq!(h.bars[2].marks[0].count, 1);
    assert_eq!(h.bars[0].end, "2026-03-08");
    assert_eq!((h.total, h.max), (3, 3));
    let m = ws
        .incident_histogram("I-7", &IncidentFilter::default(), Some(Bucket::Month))
        .unwrap();
    assert_eq!(m.bars.len(), 1);
    assert_eq!(m.bars[0].total + m.mark_total, 4);
}

/// Seven years of incidents: the chart never has more than 120 bars; a day
/// bucket asked for gives way to months; marks are grouped per bar.
#[test]
fn the_chart_stays_within_120_bars_at_any_span() {
    let (_w, mut ws, _) = new_ws();
    ws.create_case(&new_case("I-8", "x")).unwrap();
    let mut inputs = Vec::new();
    for y in 2019..2026 {
        for m in 1..=12 {
            for d in [3, 17] {
                inputs.push(inc(&format!("{m}/{d}/{y} 10:00"), "calls", "c"));
            }
            inputs.push(inc(&format!("{m}/9/{y} 10:00"), "orderViolation", "v"));
            inputs.push(inc(&format!("{m}/10/{y} 10:00"), "orderViolation", "v"));
        }
    }
    ws.add_incidents_bulk("I-8", &inputs).unwrap();
    let h = ws
        .incident_histogram("I-8", &IncidentFilter::default(), Some(Bucket::Day))
        .unwrap();
    assert_eq!(h.bucket, Bucket::Month);
    assert!(!h.preferred_kept);
    assert_eq!(h.bars.len(), 84);
    assert!(h.bars.iter().all(|b| b.total == 2));
    assert!(h
        .bars
        .iter()
        .all(|b| b.marks.len() == 1 && b.marks[0].count == 2));
    assert_eq!(h.mark_total, 168);
    // Brushing one year of it: months fit, and weeks too.
    let year = IncidentFilter {
        from: Some("2022-01-01".into()),
        to: Some("2022-12-31".into()),
        ..Default::default()
    };
    let y = ws
        .incident_histogram("I-8", &year, Some(Bucket::Week))
        .unwrap();
    assert_eq!(y.bucket, Bucket::Week);
    assert_eq!(y.total, 24);
    assert!(y.bars.len() <= 53);
}

#[test]
fn a_schema_1_case_file_is_migrated_and_keeps_verifying() {
    // A workspace made by the first release (schema 1, no people or incidents).
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("ws");
    copy_v1_workspace(&dir);
    let mut ws = unlock(&dir);
    let d = ws.open_case("2026-001").unwrap();
    assert_eq!(d.header.title, "Test case");
    assert!(ws.verify_case("2026-001").unwrap().ok);
    ws.add_incident("2026-001", &inc("3/1/2026", "calls", "after the upgrade"))
        .unwrap();
    assert!(ws.verify_case("2026-001").unwrap().ok);
}
