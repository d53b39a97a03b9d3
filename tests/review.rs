//! Supervisor review across workspaces: an investigator (A) exports a
//! packet, a supervisor (B) checks, trusts, returns and approves it, and A
//! applies the signed review files.

use crate::packet::{fixture, run};
use crate::support::*;
use std::path::Path;
use vigil::case::HandoverMode;
use vigil::packet::*;
use vigil::review::*;
use vigil::secret::Passphrase;
use vigil::workspace::{Profile, UnlockedWorkspace};
use vigil::Error;

fn supervisor() -> Profile {
    Profile {
        name: "Sam Ortiz".into(),
        badge: "210".into(),
        unit: "Threat Management".into(),
        agency: "Eastfield PD".into(),
    }
}

fn today() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}

fn export(ws: &mut UnlockedWorkspace, number: &str, out: &Path) -> Vec<u8> {
    ws.export_packet(
        number,
        &PacketOptions::new(PacketProfile::Prosecutor),
        out,
        &mut |_| true,
    )
    .unwrap();
    std::fs::read(out).unwrap()
}

fn fingerprint_of(ws: &mut UnlockedWorkspace) -> String {
    ws.signing_identity().unwrap().fingerprint
}

fn decision(d: Decision, summary: &str, comments: Vec<CommentInput>) -> DecisionInput {
    DecisionInput {
        decision: d,
        summary: summary.into(),
        comments,
        checklist: vec![],
    }
}

fn comment(kind: Option<AnchorKind>, target: &str, text: &str) -> CommentInput {
    CommentInput {
        anchor: kind.map(|kind| Anchor {
            kind,
            target: target.into(),
            label: String::new(),
        }),
        text: text.into(),
    }
}

fn refused<T: std::fmt::Debug>(r: vigil::Result<T>) -> String {
    match r {
        Err(Error::ReviewRefused { reason }) => reason,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn an_unknown_signer_is_flagged_until_the_fingerprint_is_confirmed() {
    let (wa, mut a, _) = new_ws();
    fixture(&mut a, &wa.dir, "26-500");
    let pdf = wa.dir.join("packet.pdf");
    let bytes = export(&mut a, "26-500", &pdf);
    let fp = fingerprint_of(&mut a);

    let (wb, mut b, _) = new_ws();
    b.set_profile(&supervisor()).unwrap();
    let r = b.open_packet_review(&bytes, "packet.pdf", today()).unwrap();
    assert!(r.report.ok, "{:?}", r.report.checks);
    assert_eq!(r.trust.state, TrustState::Unknown);
    assert_eq!(r.trust.named.name, "Dana Reyes");
    assert_eq!(r.trust.named.badge, "4471");
    assert_eq!(r.trust.fingerprint, fp);
    assert!(!r.approvable);
    assert!(
        r.trust.message.contains("does not trust"),
        "{}",
        r.trust.message
    );
    assert!(r.dashboard.is_none(), "no case copy in B");
    // Grouped for reading aloud: sixteen groups of four.
    assert_eq!(r.trust.grouped.split(' ').count(), 16);

    // Approving an untrusted signer's packet is refused.
    let out = wb.dir.join("review.json");
    let why = refused(b.decide_review(
        &bytes,
        "packet.pdf",
        &decision(Decision::Approve, "", vec![]),
        &out,
    ));
    assert!(why.contains("not trusted"), "{why}");
    assert!(!out.exists(), "no review file for a refused decision");

    // Too little of the fingerprint, then a wrong one, then the right one as read out.
    assert!(matches!(
        b.trust_signer(&bytes, "3F2A 91C0"),
        Err(Error::Validation { .. })
    ));
    let mut wrong = fp.clone();
    wrong.replace_range(0..1, if fp.starts_with('0') { "1" } else { "0" });
    let why = refused(b.trust_signer(&bytes, &wrong));
    assert!(why.contains("does not match"), "{why}");
    assert!(b.trusted_signers().unwrap().is_empty());
    let heard = r
        .trust
        .grouped
        .split(' ')
        .take(5)
        .collect::<Vec<_>>()
        .join(" ");
    let t = b.trust_signer(&bytes, &heard.to_lowercase()).unwrap();
    assert_eq!(t.fingerprint, fp);
    assert_eq!(t.named.name, "Dana Reyes");

    let r = b.open_packet_review(&bytes, "packet.pdf", today()).unwrap();
    assert_eq!(r.trust.state, TrustState::Trusted);
    assert!(r.approvable, "{:?}", r.blockers);

    // Removed: unknown again.
    b.remove_signer(&fp[..12]).unwrap();
    let r = b.open_packet_review(&bytes, "packet.pdf", today()).unwrap();
    assert_eq!(r.trust.state, TrustState::Unknown);
}

#[test]
fn a_changed_packet_an_impostor_key_and_an_edited_review_are_refused() {
    let (wa, mut a, _) = new_ws();
    fixture(&mut a, &wa.dir, "26-501");
    let bytes = export(&mut a, "26-501", &wa.dir.join("p.pdf"));
    let (wb, mut b, _) = new_ws();
    b.set_profile(&supervisor()).unwrap();
    b.trust_signer(&bytes, &fingerprint_of(&mut a)).unwrap();

    // One changed byte inside the signed range.
    let mut changed = bytes.clone();
    let at = changed.len() / 3;
    changed[at] ^= 0x20;
    let r = b.open_packet_review(&changed, "p.pdf", today()).unwrap();
    assert!(!r.report.ok);
    assert!(!r.approvable);
    let why = refused(b.decide_review(
        &changed,
        "p.pdf",
        &decision(Decision::Return, "Please resend", vec![]),
        &wb.dir.join("r.json"),
    ));
    assert!(why.contains("cannot be reviewed"), "{why}");

    // Another workspace whose investigator has the same name signs with its own key.
    let (wc, mut c, _) = new_ws();
    fixture(&mut c, &wc.dir, "26-501");
    let forged = export(&mut c, "26-501", &wc.dir.join("p.pdf"));
    let r = b.open_packet_review(&forged, "p.pdf", today()).unwrap();
    assert!(r.report.ok, "the forgery is self-consistent");
    assert_eq!(r.trust.state, TrustState::Conflict);
    assert!(
        r.trust.message.starts_with("WARNING"),
        "{}",
        r.trust.message
    );
    assert_eq!(r.trust.trusted_fingerprints, vec![fingerprint_of(&mut a)]);
    let why = refused(b.decide_review(
        &forged,
        "p.pdf",
        &decision(Decision::Approve, "", vec![]),
        &wb.dir.join("r.json"),
    ));
    assert!(why.contains("another key"), "{why}");

    // A genuine return, then edited by hand: A refuses it.
    let out = wb.dir.join("return.json");
    b.decide_review(
        &bytes,
        "p.pdf",
        &decision(
            Decision::Return,
            "Two gaps",
            vec![comment(None, "", "Add the victim statement")],
        ),
        &out,
    )
    .unwrap();
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("\"decision\": \"return\""), "{text}");
    let approve = text.replace("\"decision\": \"return\"", "\"decision\": \"approve\"");
    let why = refused(a.apply_review("26-501", approve.as_bytes()));
    assert!(why.contains("changed after it was signed"), "{why}");
    let reworded = text.replace("Add the victim statement", "Nothing to add");
    refused(a.apply_review("26-501", reworded.as_bytes()));
    let extra = text.replacen(
        "\"summary\"",
        "\"approvedBy\": \"Chief\",\n    \"summary\"",
        1,
    );
    refused(a.apply_review("26-501", extra.as_bytes()));
    // Nothing was written by the refusals.
    assert!(a.case_reviews("26-501").unwrap().is_empty());

    // The same review does not fit another case, even one with the same number elsewhere.
    let why = refused(c.apply_review("26-501", text.as_bytes()));
    assert!(why.contains("not for case"), "{why}");
    // Not a review file at all.
    refused(a.apply_review("26-501", b"%PDF-1.7 nothing"));
    // The genuine file applies.
    let applied = a.apply_review("26-501", text.as_bytes()).unwrap();
    assert_eq!(applied.open, 1);
}

#[test]
fn return_apply_reexport_approve_and_the_approval_is_on_the_next_packet() {
    let (wa, mut a, _) = new_ws();
    fixture(&mut a, &wa.dir, "26-502");
    let first = export(&mut a, "26-502", &wa.dir.join("first.pdf"));
    // The review copy goes to the supervisor with the packet.
    let hp = Passphrase::new("Orchard window 42 brass".into());
    let copy = wa.dir.join("26-502-review.vigil");
    a.seal_case("26-502", &copy, &hp, HandoverMode::Review, false)
        .unwrap();

    let (wb, mut b, _) = new_ws();
    b.set_profile(&supervisor()).unwrap();
    b.trust_signer(&first, &fingerprint_of(&mut a)).unwrap();
    assert!(b.receive_case(&copy, &hp).unwrap().read_only);

    // The dashboard is computed from the copy; the packet's chain head is in it.
    let r = b.open_packet_review(&first, "first.pdf", today()).unwrap();
    let d = r.dashboard.expect("the copy is here");
    assert!(d.review_copy);
    let chain = d.lines.iter().find(|l| l.key == "chain").unwrap();
    assert!(chain.ok, "{chain:?}");
    let custody = d.lines.iter().find(|l| l.key == "custody").unwrap();
    assert!(!custody.ok, "the fixture's photo has only its intake");
    assert!(custody.items[0].contains("no custody event after intake"));
    let keys: Vec<&str> = d.lines.iter().map(|l| l.key.as_str()).collect();
    for k in [
        "protocol",
        "elements",
        "reassessment",
        "plan",
        "custody",
        "orders",
        "preservation",
        "chain",
    ] {
        assert!(keys.contains(&k), "{k} missing from {keys:?}");
    }
    assert_eq!(d.open as usize, d.lines.iter().filter(|l| !l.ok).count());

    // Return with two anchored comments and a checklist answer.
    let exhibit = a.list_exhibits("26-502", None).unwrap()[0].number.clone();
    let returned = wb.dir.join("return.json");
    let mut input = decision(
        Decision::Return,
        "Not ready for referral",
        vec![
            comment(
                Some(AnchorKind::Exhibit),
                &exhibit,
                "Record where the photo is stored",
            ),
            comment(
                Some(AnchorKind::Page),
                "2",
                "Summary misses the order violation",
            ),
        ],
    );
    input.checklist = vec![CheckInput {
        id: "exhibits".into(),
        answer: CheckAnswer::No,
        note: "custody".into(),
    }];
    // A page that is not in the packet is refused.
    let mut bad = input.clone();
    bad.comments[1].anchor.as_mut().unwrap().target = "999".into();
    assert!(matches!(
        b.decide_review(&first, "first.pdf", &bad, &returned),
        Err(Error::Validation { .. })
    ));
    let w = b
        .decide_review(&first, "first.pdf", &input, &returned)
        .unwrap();
    assert_eq!(w.review.comments.len(), 2);
    assert_eq!(
        w.review.comments[0].anchor.as_ref().unwrap().label,
        format!("Exhibit {exhibit}")
    );
    assert_eq!(w.review.reviewer.name, "Sam Ortiz");
    let ex = w
        .review
        .checklist
        .iter()
        .find(|c| c.id == "exhibits")
        .unwrap();
    assert_eq!(ex.answer, CheckAnswer::No);
    assert!(w
        .review
        .checklist
        .iter()
        .filter(|c| c.id != "exhibits")
        .all(|c| c.answer == CheckAnswer::Open));
    // Approving with a "no" is refused.
    let mut yes_no = input.clone();
    yes_no.decision = Decision::Approve;
    refused(b.decide_review(&first, "first.pdf", &yes_no, &wb.dir.join("x.json")));
    // A return needs reasons.
    assert!(matches!(
        b.decide_review(
            &first,
            "first.pdf",
            &decision(Decision::Return, " ", vec![]),
            &wb.dir.join("y.json")
        ),
        Err(Error::Validation { .. })
    ));
    assert_eq!(b.review_register().unwrap().len(), 1);
    assert_eq!(
        b.open_packet_review(&first, "first.pdf", today())
            .unwrap()
            .earlier
            .len(),
        1
    );

    // On A: applied into the audit chain, two points open; not twice.
    let file = std::fs::read(&returned).unwrap();
    let applied = a.apply_review("26-502", &file).unwrap();
    assert_eq!(applied.open, 2);
    assert_eq!(applied.review.decision, Decision::Return);
    assert!(matches!(
        a.apply_review("26-502", &file),
        Err(Error::AlreadyExists { .. })
    ));
    let verify = a.verify_case("26-502").unwrap();
    assert!(verify.ok, "{:?}", failed_checks(&verify));
    let list = a
        .tick_review_point("26-502", &applied.review.id, "1", true)
        .unwrap();
    assert_eq!(list[0].open, 1);
    assert!(list[0].points[0].done);
    assert!(list[0].points[0].done_note.contains("addressed"));
    assert!(matches!(
        a.tick_review_point("26-502", &applied.review.id, "9", true),
        Err(Error::NotFound { .. })
    ));

    // Re-export, approve, apply: the next packet lists the approval.
    let second_path = wa.dir.join("second.pdf");
    let second = export(&mut a, "26-502", &second_path);
    let approved = wb.dir.join("approve.json");
    let w = b
        .decide_review(
            &second,
            "second.pdf",
            &decision(Decision::Approve, "Ready", vec![]),
            &approved,
        )
        .unwrap();
    // The copy in B is older than the new packet: the chain line says so.
    let r = b
        .open_packet_review(&second, "second.pdf", today())
        .unwrap();
    assert!(
        !r.dashboard
            .unwrap()
            .lines
            .iter()
            .find(|l| l.key == "chain")
            .unwrap()
            .ok
    );
    a.apply_review("26-502", &std::fs::read(&approved).unwrap())
        .unwrap();
    let third = wa.dir.join("third.pdf");
    export(&mut a, "26-502", &third);
    let (ok, text) = run("pdftotext", &[third.to_str().unwrap(), "-"]);
    assert!(ok, "{text}");
    assert!(text.contains("Supervisor approvals"), "{text}");
    assert!(text.contains("Sam Ortiz"), "{text}");
    // The hash may wrap in the table: compare without white space.
    let flat: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    assert!(
        flat.contains(&w.review.packet_sha256),
        "the approved packet's SHA-256 is listed"
    );
    let first_pages = run("pdftotext", &[second_path.to_str().unwrap(), "-"]).1;
    assert!(
        first_pages.contains("No supervisor has approved"),
        "the packet before approval says none"
    );

    // The agenda in B: the case, when it was last reviewed, and minutes.
    let agenda = b.review_agenda(today()).unwrap();
    let c = agenda
        .cases
        .iter()
        .find(|c| c.case_number == "26-502")
        .unwrap();
    assert!(c.review_copy);
    assert!(c.last_reviewed.is_some());
    assert_eq!(
        c.last_decision.as_ref().unwrap().decision,
        Decision::Approve
    );
    assert_eq!(
        c.new_incidents, 0,
        "nothing recorded in the copy since the review"
    );
    b.add_minute(
        "26-502",
        "Discussed referral timing",
        &["Call the prosecutor".into()],
    )
    .unwrap();
    let agenda = b.review_agenda(today()).unwrap();
    let c = agenda
        .cases
        .iter()
        .find(|c| c.case_number == "26-502")
        .unwrap();
    assert_eq!(c.minutes.len(), 1);
    assert_eq!(
        c.minutes[0].actions,
        vec!["Call the prosecutor".to_string()]
    );
}

#[test]
fn the_register_survives_locking_and_the_checklist_is_agency_data() {
    let (wb, mut b, _) = new_ws();
    assert_eq!(b.review_checklist().unwrap().id, "default");
    let bad =
        "id = \"unit\"\nversion = 1\ntitle = \"Ours\"\n[[item]]\nid = \"1x\"\nlabel = \"Q\"\n";
    match b.use_review_checklist(bad, "ours.toml") {
        Err(Error::BadDefinition { line, field, .. }) => {
            assert_eq!((line, field.as_str()), (5, "item.id"))
        }
        other => panic!("{other:?}"),
    }
    let good = "id = \"unit\"\nversion = 2\ntitle = \"Ours\"\n[[item]]\nid = \"q1\"\nlabel = \"Is it ready?\"\n";
    b.use_review_checklist(good, "ours.toml").unwrap();
    drop(b);
    let b = unlock(&wb.dir);
    let c = b.review_checklist().unwrap();
    assert_eq!((c.id.as_str(), c.version, c.items.len()), ("unit", 2, 1));
}
