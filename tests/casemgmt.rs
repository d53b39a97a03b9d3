use crate::people::person;
use crate::support::*;
use vigil::case::CaseStatus;
use vigil::incident::{IncidentFilter, IncidentInput};
use vigil::management::*;
use vigil::person::PersonRole;
use vigil::protocol::AnswerInput;
use vigil::risk::*;
use vigil::Error;

const V1: &str = r#"
id = "agency-stalking"
version = 1
label = "Agency protocol"
[[stage]]
id = "patrol"
label = "Patrol preliminary investigation"
[[stage.step]]
id = "safety"
label = "Safety"
requirement = "required"
guidance = "Make sure the victim is safe."
why = "Safety first."
[[stage.step.item]]
id = "safeNow"
kind = "yesNo"
text = "Is the victim safe now?"
[[stage.step.item]]
id = "suspect"
kind = "person"
role = "suspect"
text = "Who is the suspect?"
[[stage.step.item]]
id = "earlier"
kind = "incidents"
text = "Earlier incidents the victim describes"
[[stage.step]]
id = "changes"
label = "What the victim changed"
requirement = "recommended"
guidance = "Ask what they changed."
why = "It shows the effect on the victim."
[[stage.step.item]]
id = "changed"
kind = "checklist"
text = "Changes"
options = ["moved", "new number", "new locks"]
[[stage.step.item]]
id = "oldItem"
kind = "text"
text = "An item version 2 drops"
"#;

fn answer(value: &str) -> AnswerInput {
    AnswerInput {
        value: value.into(),
        values: vec![],
        note: String::new(),
    }
}

#[test]
fn answers_shrink_the_omissions_and_link_real_records() {
    let (_w, mut ws, _) = new_ws();
    ws.use_protocol(V1, "agency.toml").unwrap();
    ws.create_case(&new_case("M-1", "x")).unwrap();
    let v = ws.protocol_view("M-1").unwrap();
    assert_eq!(v.status.omissions.len(), 5);
    assert_eq!(v.status.next_step.as_deref(), Some("safety"));
    let v = ws.answer_item("M-1", "safeNow", &answer("yes")).unwrap();
    assert_eq!(v.status.omissions.len(), 4);
    // Record answers must name this case's records.
    let bogus = AnswerInput {
        values: vec!["no-such-person".into()],
        ..Default::default()
    };
    assert!(matches!(
        ws.answer_item("M-1", "suspect", &bogus),
        Err(Error::Validation { .. })
    ));
    let s = ws
        .save_person(
            "M-1",
            None,
            &person(PersonRole::Suspect, "Jordan Pike", &[]),
        )
        .unwrap();
    let a = ws
        .add_incident(
            "M-1",
            &IncidentInput::quick("2/1/2026", "calls", "first call"),
        )
        .unwrap();
    let b = ws
        .add_incident("M-1", &IncidentInput::quick("2/3/2026", "texts", "texts"))
        .unwrap();
    ws.answer_item(
        "M-1",
        "suspect",
        &AnswerInput {
            values: vec![s.id],
            ..Default::default()
        },
    )
    .unwrap();
    let v = ws
        .answer_item(
            "M-1",
            "earlier",
            &AnswerInput {
                values: vec![a.id, b.id],
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(v.status.stages[0].required_open, 0);
    assert_eq!(v.status.next_step.as_deref(), Some("changes"));
    assert!(matches!(
        ws.answer_item("M-1", "safeNow", &answer("perhaps")),
        Err(Error::Validation { .. })
    ));
    assert!(matches!(
        ws.answer_item("M-1", "nope", &answer("yes")),
        Err(Error::NotFound { .. })
    ));
    assert!(
        ws.verify_case("M-1").unwrap().ok,
        "answers are audited records"
    );
}

#[test]
fn a_newer_protocol_never_changes_a_case_silently() {
    let (_w, mut ws, _) = new_ws();
    ws.use_protocol(V1, "agency.toml").unwrap();
    ws.create_case(&new_case("M-2", "x")).unwrap();
    ws.answer_item("M-2", "safeNow", &answer("no")).unwrap();
    ws.answer_item("M-2", "oldItem", &answer("kept")).unwrap();
    let v2 = V1.replace("version = 1", "version = 2").replace(
        "[[stage.step.item]]\nid = \"oldItem\"\nkind = \"text\"\ntext = \"An item version 2 drops\"\n",
        "[[stage.step.item]]\nid = \"told\"\nkind = \"date\"\ntext = \"When was the suspect told to stop?\"\n",
    );
    ws.use_protocol(&v2, "agency-v2.toml").unwrap();
    let v = ws.protocol_view("M-2").unwrap();
    assert_eq!(v.protocol.version, 1, "the case keeps its version");
    assert_eq!(v.status.newer_version, Some(2));
    assert!(v.protocol.item("oldItem").is_some());
    let v = ws.upgrade_protocol("M-2").unwrap();
    assert_eq!(v.protocol.version, 2);
    let safe = v.answers.iter().find(|a| a.item_id == "safeNow").unwrap();
    assert_eq!(
        (safe.value.as_str(), safe.version),
        ("no", 1),
        "answers keep the version they were given under"
    );
    assert_eq!(
        v.status.orphaned.len(),
        1,
        "the dropped item's answer is kept and shown"
    );
    assert!(v.status.omissions.iter().any(|o| o.item_id == "told"));
    // A new case starts on version 2.
    ws.create_case(&new_case("M-3", "y")).unwrap();
    assert_eq!(ws.protocol_view("M-3").unwrap().protocol.version, 2);
    assert!(ws.verify_case("M-2").unwrap().ok);
}

#[test]
fn the_shipped_protocol_covers_the_patrol_preliminary_investigation() {
    let (_w, mut ws, _) = new_ws();
    ws.create_case(&new_case("M-4", "x")).unwrap();
    let v = ws.protocol_view("M-4").unwrap();
    let labels: Vec<String> = v
        .protocol
        .stages
        .iter()
        .map(|s| s.label.to_lowercase())
        .collect();
    assert!(
        labels.iter().any(|l| l.contains("preliminary")),
        "{labels:?}"
    );
    assert!(
        labels.iter().any(|l| l.contains("prosecutor")),
        "{labels:?}"
    );
    assert!(v
        .status
        .omissions
        .iter()
        .any(|o| o.requirement == vigil::protocol::Requirement::Required));
}

fn assessment(on: &str, level: RiskLevel, factors: &[(&str, Rating)]) -> RiskAssessmentInput {
    RiskAssessmentInput {
        assessed_on: on.into(),
        level,
        reasons: "Threats after separation and approach to the home".into(),
        typology: Some("rejected".into()),
        factors: factors
            .iter()
            .map(|(f, r)| FactorRating {
                factor_id: f.to_string(),
                rating: *r,
                source: "victim".into(),
                date: on.into(),
            })
            .collect(),
        instruments: vec![ExternalInstrument {
            name: "Agency screen".into(),
            version: "2".into(),
            date: on.into(),
            assessor: "Det. Reyes".into(),
            level: "high".into(),
        }],
        next_review: None,
    }
}

#[test]
fn reassessments_are_kept_with_the_factors_that_changed() {
    let (_w, mut ws, _) = new_ws();
    ws.create_case(&new_case("R-1", "x")).unwrap();
    let cat = ws.risk_catalog().unwrap();
    let (f1, f2) = (cat.factors[0].id.clone(), cat.factors[1].id.clone());
    ws.add_risk_assessment(
        "R-1",
        &assessment(
            "2026-03-01",
            RiskLevel::Moderate,
            &[(&f1, Rating::Present), (&f2, Rating::Unknown)],
        ),
    )
    .unwrap();
    let h = ws
        .add_risk_assessment(
            "R-1",
            &assessment(
                "2026-03-10",
                RiskLevel::High,
                &[(&f1, Rating::Present), (&f2, Rating::Present)],
            ),
        )
        .unwrap();
    assert_eq!(h.assessments.len(), 2);
    assert_eq!(
        h.assessments[0].input.level,
        RiskLevel::High,
        "newest first"
    );
    assert_eq!(
        h.assessments[0].next_review, "2026-03-17",
        "high risk: review within a week"
    );
    assert_eq!(h.changes.len(), 1);
    assert_eq!(h.changes[0].factor_id, f2);
    let mut bad = assessment("2026-03-11", RiskLevel::Low, &[]);
    bad.reasons = " ".into();
    assert!(matches!(
        ws.add_risk_assessment("R-1", &bad),
        Err(Error::Validation {
            field: "reasons",
            ..
        })
    ));
    let mut bad = assessment(
        "2026-03-11",
        RiskLevel::Low,
        &[("notAFactor", Rating::Present)],
    );
    bad.reasons = "x".into();
    assert!(ws.add_risk_assessment("R-1", &bad).is_err());
    // An agency checklist replaces the shipped one; a malformed one is refused.
    let agency = "id = \"agency-risk\"\nversion = 1\nlabel = \"A\"\n[[factor]]\nid = \"notAFactor\"\ngroup = \"conduct\"\nlabel = \"Agency factor\"\ndescription = \"d\"\n";
    assert!(matches!(
        ws.use_risk_catalog("id = 1", "bad.toml"),
        Err(Error::BadDefinition { .. })
    ));
    ws.use_risk_catalog(agency, "agency.toml").unwrap();
    assert_eq!(ws.risk_catalog().unwrap().id, "agency-risk");
    bad.typology = None; // this agency's file defines no types
    assert!(ws.add_risk_assessment("R-1", &bad).is_ok());
    assert!(ws.verify_case("R-1").unwrap().ok);
}

#[test]
fn status_moves_need_reasons_where_it_matters_and_are_kept() {
    let (_w, mut ws, _) = new_ws();
    ws.create_case(&new_case("S-1", "x")).unwrap();
    ws.change_status("S-1", CaseStatus::Referred, "").unwrap();
    assert!(matches!(
        ws.change_status("S-1", CaseStatus::Declined, ""),
        Err(Error::Validation {
            field: "reason",
            ..
        })
    ));
    ws.change_status(
        "S-1",
        CaseStatus::Returned,
        "Get the carrier's records for the blocked calls",
    )
    .unwrap();
    assert!(
        ws.change_status("S-1", CaseStatus::Dormant, "x").is_err(),
        "not a move from returned"
    );
    ws.change_status("S-1", CaseStatus::Active, "").unwrap();
    ws.change_status(
        "S-1",
        CaseStatus::Closed,
        "Suspect moved abroad; victim informed",
    )
    .unwrap();
    let d = ws
        .change_status("S-1", CaseStatus::Active, "New messages after his return")
        .unwrap();
    assert_eq!(d.header.status, CaseStatus::Active);
    let h = ws.status_history("S-1").unwrap();
    assert_eq!(h.len(), 5);
    assert_eq!(h[0].reason, "New messages after his return");
    assert_eq!(
        ws.list_cases().unwrap()[0].status,
        CaseStatus::Active,
        "the case list follows"
    );
    assert!(ws.verify_case("S-1").unwrap().ok);
}

#[test]
fn incidents_during_an_order_in_force_are_marked_as_violations() {
    let (_w, mut ws, _) = new_ws();
    ws.create_case(&new_case("O-1", "x")).unwrap();
    let mut before = IncidentInput::quick("2026-02-01 10:00", "texts", "before");
    before.tz = Some("UTC".into());
    let mut during = IncidentInput::quick("2026-02-20 10:00", "texts", "during");
    during.tz = Some("UTC".into());
    let mut after = IncidentInput::quick("2026-04-02 10:00", "texts", "after");
    after.tz = Some("UTC".into());
    let mut served = IncidentInput::quick("2026-02-10 09:00", "orderServed", "order served");
    served.tz = Some("UTC".into());
    ws.add_incidents_bulk("O-1", &[before, during, after, served])
        .unwrap();
    ws.save_order(
        "O-1",
        None,
        &OrderInput {
            kind: OrderKind::Civil,
            court: "County Superior Court".into(),
            issued_on: "2026-02-05".into(),
            served_on: Some("2026-02-10".into()),
            expires_on: Some("2026-04-01".into()),
            terms: "No contact; stay 100 yards away".into(),
        },
    )
    .unwrap();
    let rows = ws
        .list_incidents("O-1", &IncidentFilter::default(), 0, 10)
        .unwrap()
        .rows;
    let flagged: Vec<(&str, bool)> = rows
        .iter()
        .map(|r| (r.excerpt.as_str(), r.order_violation))
        .collect();
    assert_eq!(
        flagged,
        [
            ("before", false),
            ("order served", false),
            ("during", true),
            ("after", false)
        ]
    );
    let bad = OrderInput {
        kind: OrderKind::Civil,
        court: "c".into(),
        issued_on: "2026-02-05".into(),
        served_on: None,
        expires_on: Some("2026-01-01".into()),
        terms: String::new(),
    };
    assert!(ws.save_order("O-1", None, &bad).is_err());
}

#[test]
fn the_due_list_spans_the_workspace() {
    let (_w, mut ws, _) = new_ws();
    ws.create_case(&new_case("D-1", "First")).unwrap();
    ws.create_case(&new_case("D-2", "Second")).unwrap();
    let today: chrono::NaiveDate = "2026-05-01".parse().unwrap();
    ws.add_risk_assessment("D-1", &assessment("2026-04-28", RiskLevel::High, &[]))
        .unwrap();
    let letter = ws
        .save_legal(
            "D-2",
            None,
            &LegalInput {
                kind: LegalKind::Preservation,
                provider: "Mobile carrier".into(),
                reference: "PR-7".into(),
                sent_on: "2026-02-10".into(),
                expires_on: None,
                returned_on: None,
                status: LegalStatus::Sent,
                notes: String::new(),
            },
        )
        .unwrap();
    assert_eq!(
        letter[0].input.expires_on.as_deref(),
        Some("2026-05-11"),
        "90 days"
    );
    ws.save_order(
        "D-2",
        None,
        &OrderInput {
            kind: OrderKind::Temporary,
            court: "c".into(),
            issued_on: "2026-04-20".into(),
            served_on: None,
            expires_on: Some("2026-05-20".into()),
            terms: String::new(),
        },
    )
    .unwrap();
    ws.save_plan_item(
        "D-1",
        None,
        &PlanInput {
            kind: PlanKind::MentalHealth,
            owner: "County crisis team".into(),
            start_on: "2026-04-01".into(),
            due_on: Some("2026-04-15".into()),
            status: PlanStatus::Awaiting,
            outcome: String::new(),
        },
    )
    .unwrap();
    ws.save_plan_item(
        "D-1",
        None,
        &PlanInput {
            kind: PlanKind::Advocate,
            owner: "Advocate".into(),
            start_on: "2026-04-01".into(),
            due_on: Some("2026-04-02".into()),
            status: PlanStatus::Done,
            outcome: "Safety plan made".into(),
        },
    )
    .unwrap();
    let due = ws.due_list(today).unwrap();
    let got: Vec<(&str, DueKind, &str, bool)> = due
        .iter()
        .map(|d| (d.case_number.as_str(), d.kind, d.due_on.as_str(), d.overdue))
        .collect();
    assert_eq!(
        got,
        [
            ("D-1", DueKind::ReferralAwaiting, "2026-04-15", true),
            ("D-1", DueKind::Reassessment, "2026-05-05", false),
            ("D-2", DueKind::PreservationExpiring, "2026-05-11", false),
            ("D-2", DueKind::OrderExpiring, "2026-05-20", false),
        ]
    );
}

#[test]
fn a_review_copy_cannot_be_managed() {
    let (_a, mut alice, _) = new_ws();
    alice.create_case(&new_case("RO-1", "x")).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("r.vigil");
    alice
        .seal_case(
            "RO-1",
            &out,
            &vigil::secret::Passphrase::new("Blue kettle 58 north".into()),
            vigil::case::HandoverMode::Review,
            false,
        )
        .unwrap();
    let (_b, mut sup, _) = new_ws();
    sup.receive_case(
        &out,
        &vigil::secret::Passphrase::new("Blue kettle 58 north".into()),
    )
    .unwrap();
    assert!(matches!(
        sup.change_status("RO-1", CaseStatus::Closed, "x"),
        Err(Error::ReadOnlyCase { .. })
    ));
    assert!(
        sup.protocol_view("RO-1").is_ok(),
        "reading the protocol of a review copy works"
    );
}

#[test]
fn renewing_a_preservation_letter_extends_the_same_record() {
    let (_w, mut ws, _) = new_ws();
    ws.create_case(&new_case("L-9", "x")).unwrap();
    let sent = ws
        .save_legal(
            "L-9",
            None,
            &LegalInput {
                kind: LegalKind::Preservation,
                provider: "Platform".into(),
                reference: String::new(),
                sent_on: "2026-02-10".into(),
                expires_on: None,
                returned_on: None,
                status: LegalStatus::Sent,
                notes: String::new(),
            },
        )
        .unwrap();
    let renewed = ws
        .renew_legal("L-9", &sent[0].id, "2026-05-02".parse().unwrap())
        .unwrap();
    assert_eq!(renewed.len(), 1, "not listed twice");
    assert_eq!(
        renewed[0].input.expires_on.as_deref(),
        Some("2026-08-09"),
        "90 more days from the old expiry"
    );
    assert_eq!(renewed[0].input.status, LegalStatus::Renewed);
    assert!(renewed[0].input.notes.contains("Renewed on 2026-05-02"));
    let due = ws.due_list("2026-05-02".parse().unwrap()).unwrap();
    assert!(
        due.iter().all(|d| d.kind != DueKind::PreservationExpiring),
        "no longer due within 30 days"
    );
    assert!(ws.verify_case("L-9").unwrap().ok);
}
