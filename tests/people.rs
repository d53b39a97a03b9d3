use crate::support::*;
use vigil::person::*;
use vigil::Error;

pub fn person(role: PersonRole, name: &str, ids: &[(IdentifierKind, &str, bool)]) -> PersonInput {
    PersonInput {
        role,
        name: name.into(),
        relationship: if role == PersonRole::Victim {
            Relationship::SelfVictim
        } else {
            Relationship::ExPartner
        },
        notes: String::new(),
        identifiers: ids
            .iter()
            .map(|(kind, value, confidential)| IdentifierInput {
                kind: *kind,
                value: value.to_string(),
                label: String::new(),
                confidential: *confidential,
                keep: None,
            })
            .collect(),
    }
}

#[test]
fn people_with_identifiers_are_kept_and_searchable() {
    let (w, mut ws, _) = new_ws();
    ws.create_case(&new_case("P-1", "x")).unwrap();
    let victim = ws
        .save_person(
            "P-1",
            None,
            &person(
                PersonRole::Victim,
                "Alex Moreno",
                &[
                    (IdentifierKind::Address, "12 Hidden Lane", true),
                    (IdentifierKind::Phone, "(555) 010-7788", false),
                ],
            ),
        )
        .unwrap();
    let suspect = ws
        .save_person(
            "P-1",
            None,
            &person(
                PersonRole::Suspect,
                "Jordan Pike",
                &[
                    (IdentifierKind::Phone, "+1 555-010-9911", false),
                    (IdentifierKind::Vehicle, "Grey Civic 7KQX221", false),
                ],
            ),
        )
        .unwrap();
    assert_eq!(victim.identifiers.len(), 2);
    assert!(victim.identifiers[0].confidential);
    // Phones match by digits whatever the punctuation.
    let hits = ws.search_identifiers("P-1", "5550109911").unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].person_id, suspect.id);
    let hits = ws.search_identifiers("P-1", "7kqx").unwrap();
    assert_eq!(hits[0].identifier.kind, IdentifierKind::Vehicle);
    drop(ws);
    let mut ws = unlock(&w.dir);
    let people = ws.list_people("P-1").unwrap();
    assert_eq!(
        people.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
        ["Alex Moreno", "Jordan Pike"],
        "victims first"
    );
    let r = ws.verify_case("P-1").unwrap();
    assert!(r.ok, "{:?}", r.checks);
}

#[test]
fn editing_and_deleting_people_is_audited_and_guarded() {
    let (_w, mut ws, _) = new_ws();
    ws.create_case(&new_case("P-2", "x")).unwrap();
    let s = ws
        .save_person("P-2", None, &person(PersonRole::Suspect, "J. Pike", &[]))
        .unwrap();
    let mut edit = person(
        PersonRole::Suspect,
        "Jordan Pike",
        &[(IdentifierKind::Email, "jp@example.org", false)],
    );
    edit.notes = "Uses several accounts".into();
    let s2 = ws.save_person("P-2", Some(&s.id), &edit).unwrap();
    assert_eq!(s2.name, "Jordan Pike");
    assert_eq!(s2.identifiers[0].value, "jp@example.org");
    // Linked to an incident: deletion is refused with a reason.
    let mut i = vigil::incident::IncidentInput::quick("3/1/2026", "texts", "texted 14 times");
    i.suspect_id = Some(s.id.clone());
    ws.add_incident("P-2", &i).unwrap();
    assert!(matches!(
        ws.delete_person("P-2", &s.id),
        Err(Error::Validation { .. })
    ));
    let w = ws
        .save_person("P-2", None, &person(PersonRole::Witness, "Neighbour", &[]))
        .unwrap();
    ws.delete_person("P-2", &w.id).unwrap();
    assert_eq!(ws.list_people("P-2").unwrap().len(), 1);
    assert!(
        ws.verify_case("P-2").unwrap().ok,
        "deletions are recorded in the chain"
    );
    assert!(matches!(
        ws.save_person("P-2", None, &person(PersonRole::Witness, " ", &[])),
        Err(Error::Validation { field: "name", .. })
    ));
}

#[test]
fn a_person_edited_outside_vigil_fails_verification() {
    let (_w, mut ws, _) = new_ws();
    ws.create_case(&new_case("P-3", "x")).unwrap();
    ws.save_person(
        "P-3",
        None,
        &person(
            PersonRole::Victim,
            "Alex",
            &[(IdentifierKind::Address, "12 Hidden Lane", true)],
        ),
    )
    .unwrap();
    {
        let raw = ws.raw_case_connection("P-3").unwrap();
        raw.execute("UPDATE identifier SET confidential = 0", [])
            .unwrap();
    }
    let r = ws.verify_case("P-3").unwrap();
    assert!(!r.ok);
    let c = r
        .checks
        .iter()
        .find(|c| c.name == "Records match the audit trail")
        .unwrap();
    assert!(c.detail.contains("person"), "{}", c.detail);
}

#[test]
fn a_person_named_in_a_protocol_answer_cannot_be_deleted() {
    let (_w, mut ws, _) = new_ws();
    ws.create_case(&new_case("P-9", "x")).unwrap();
    let s = ws
        .save_person("P-9", None, &person(PersonRole::Suspect, "Named", &[]))
        .unwrap();
    ws.answer_item(
        "P-9",
        "callSuspect",
        &vigil::protocol::AnswerInput {
            value: String::new(),
            values: vec![s.id.clone()],
            note: String::new(),
        },
    )
    .unwrap();
    let e = ws.delete_person("P-9", &s.id).unwrap_err();
    assert!(e.to_string().contains("callSuspect"), "{e}");
    ws.answer_item(
        "P-9",
        "callSuspect",
        &vigil::protocol::AnswerInput {
            value: String::new(),
            values: vec![],
            note: String::new(),
        },
    )
    .unwrap();
    ws.delete_person("P-9", &s.id).unwrap();
}

/// Confidential values stay in the core: every read the UI makes masks
/// them; one value comes out only through an audited reveal; an edit that
/// never saw the value keeps it.
#[test]
fn confidential_values_are_masked_in_the_core_and_revealed_one_at_a_time_with_an_audit_event() {
    let (_w, mut ws, _) = new_ws();
    ws.create_case(&new_case("P-9", "x")).unwrap();
    let input = person(
        PersonRole::Victim,
        "Alex Moreno",
        &[
            (IdentifierKind::Address, "12 Hidden Lane", true),
            (IdentifierKind::Phone, "555-010-7788", false),
        ],
    );
    let saved = ws.save_person("P-9", None, &input).unwrap();
    let shown = |p: &Person| serde_json::to_string(p).unwrap();
    assert!(!shown(&saved).contains("Hidden"), "save returns it masked");
    let listed = ws.list_people("P-9").unwrap();
    assert!(!shown(&listed[0]).contains("Hidden"), "list masks it");
    let addr = &listed[0].identifiers[0];
    assert!(addr.masked && addr.value.is_empty());
    assert_eq!(listed[0].identifiers[1].value, "555-010-7788");
    assert!(!listed[0].identifiers[1].masked);

    // Search: the whole value finds it (masked); a part of it does not.
    let hits = ws.search_identifiers("P-9", "12 hidden lane").unwrap();
    assert_eq!(hits.len(), 1);
    assert!(hits[0].identifier.masked && hits[0].identifier.value.is_empty());
    assert!(ws.search_identifiers("P-9", "hidden").unwrap().is_empty());

    let before = ws.case_detail("P-9").unwrap().audit_events;
    let value = ws.reveal_identifier("P-9", &saved.id, &addr.id).unwrap();
    assert_eq!(value, "12 Hidden Lane");
    assert_eq!(ws.case_detail("P-9").unwrap().audit_events, before + 1);
    // Revealing a value that is not confidential is not an event.
    ws.reveal_identifier("P-9", &saved.id, &listed[0].identifiers[1].id)
        .unwrap();
    assert_eq!(ws.case_detail("P-9").unwrap().audit_events, before + 1);

    // An edit sends the masked value back as "keep": the stored value stays.
    let mut edit = input.clone();
    edit.name = "Alex M. Moreno".into();
    edit.identifiers[0].value = String::new();
    edit.identifiers[0].keep = Some(addr.id.clone());
    let edited = ws.save_person("P-9", Some(&saved.id), &edit).unwrap();
    assert_eq!(edited.name, "Alex M. Moreno");
    let new_addr = &edited.identifiers[0];
    assert!(new_addr.masked);
    assert_eq!(
        ws.reveal_identifier("P-9", &saved.id, &new_addr.id)
            .unwrap(),
        "12 Hidden Lane"
    );
    // Keeping a value that is not this person's is refused.
    let mut bad = edit.clone();
    bad.identifiers[0].keep = Some("no-such-identifier".into());
    assert!(matches!(
        ws.save_person("P-9", Some(&saved.id), &bad),
        Err(Error::Validation { .. })
    ));
    let r = ws.verify_case("P-9").unwrap();
    assert!(r.ok, "{:?}", failed_checks(&r));
}
