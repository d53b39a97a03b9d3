//! Training mode: the shipped scenarios, their answer keys, the presenter's
//! walk, debriefs, and the wall between training and real work.

use crate::packet::run;
use crate::support::*;
use std::path::Path;
use vigil::case::HandoverMode;
use vigil::crypto::KdfParams;
use vigil::packet::*;
use vigil::secret::Passphrase;
use vigil::training::{self, Scenario};
use vigil::workspace::UnlockedWorkspace;
use vigil::Error;

fn demo(dir: &Path) -> UnlockedWorkspace {
    training::create_demo(dir, KdfParams::MINIMUM).unwrap()
}

fn hp() -> Passphrase {
    Passphrase::new("Orchard window 42 brass".into())
}

fn separated<T: std::fmt::Debug>(r: vigil::Result<T>) -> String {
    match r {
        Err(Error::TrainingSeparation { reason }) => reason,
        other => panic!("expected training/real separation, got {other:?}"),
    }
}

fn every_page_says_training(pdf: &Path) {
    let (_, info) = run("pdfinfo", &[pdf.to_str().unwrap()]);
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert!(pages >= 1);
    for page in 1..=pages {
        let n = page.to_string();
        let (_, text) = run(
            "pdftotext",
            &["-f", &n, "-l", &n, pdf.to_str().unwrap(), "-"],
        );
        assert!(
            text.contains(training::WATERMARK),
            "page {page} of {}: {text}",
            pdf.display()
        );
    }
}

#[test]
fn every_shipped_scenario_is_fictional_valid_and_its_key_can_be_met() {
    let tmp = tempfile::tempdir().unwrap();
    let mut ws = demo(&tmp.path().join("training"));
    assert!(ws.is_training());
    let scenarios = ws.training_scenarios().unwrap();
    assert!(scenarios.len() >= 3);
    let stages: Vec<&str> = scenarios.iter().map(|s| s.stage.as_str()).collect();
    for st in ["patrol", "investigation", "referral"] {
        assert!(stages.contains(&st), "no {st} scenario in {stages:?}");
    }
    for s in &scenarios {
        assert!(
            s.fictional.to_lowercase().contains("invented")
                || s.fictional.to_lowercase().contains("fictional"),
            "{}",
            s.fictional
        );
        for p in &s.people {
            assert!(
                p.phone.is_empty() || training::scenario::fictional_phone(&p.phone),
                "{}",
                p.phone
            );
        }
        // Loaded at its start: the recorded incidents only.
        let start = ws
            .list_incidents(&s.case_number, &Default::default(), 0, 1000)
            .unwrap()
            .total;
        assert_eq!(
            start as usize,
            s.incidents.iter().filter(|i| i.recorded).count(),
            "{}",
            s.id
        );
        let before = ws.debrief(&s.case_number).unwrap();
        assert!(before.total > 0, "{} has an empty key", s.id);
        assert!(
            before.percent < 100,
            "{}: nothing done yet, yet {}%",
            s.id,
            before.percent
        );
        // The presenter's walk has steps with why-it-matters text.
        let p = ws.presentation(&s.id).unwrap();
        assert!(p.steps.len() >= 3, "{}: {} steps", s.id, p.steps.len());
        assert!(p.steps.iter().all(|st| !st.why.is_empty()));
        assert!(p
            .steps
            .iter()
            .any(|st| st.questions.iter().any(|q| q.says.is_some())));
        // A scripted run that does everything the key asks reaches 100%.
        let after = ws.complete_scenario(&s.case_number).unwrap();
        let missed: Vec<String> = after
            .areas
            .iter()
            .flat_map(|a| a.lines.iter().filter(|l| !l.found).map(|l| l.label.clone()))
            .collect();
        assert_eq!(after.percent, 100, "{}: missed {missed:?}", s.id);
        assert_eq!(after.found, after.total);
    }
}

#[test]
fn a_broken_scenario_names_its_file_line_and_field() {
    let text = vigil::training::scenario::SHIPPED[0].1;
    assert!(training::validate_with_defaults(text, "01.toml").is_ok());
    // An unknown category, on the line where it stands.
    let (line_no, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.trim_start().starts_with("category ="))
        .unwrap();
    let broken = text.replacen(line, "category = \"notACategory\"", 1);
    match training::validate_with_defaults(&broken, "mine.toml") {
        Err(Error::BadDefinition {
            file,
            line,
            field,
            reason,
        }) => {
            assert_eq!(file, "mine.toml");
            assert_eq!(line, line_no + 1, "{reason}");
            assert_eq!(field, "incident.category");
        }
        other => panic!("{other:?}"),
    }
    // A real-looking phone number is refused.
    let (_, phone_line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.trim_start().starts_with("phone ="))
        .unwrap();
    let broken = text.replacen(phone_line, "phone = \"312-555-7788\"", 1);
    match training::validate_with_defaults(&broken, "mine.toml") {
        Err(Error::BadDefinition { field, .. }) => assert_eq!(field, "person.phone"),
        other => panic!("{other:?}"),
    }
    // A key item without a scripted answer cannot be met; one listed twice is a slip.
    let parsed = training::validate_with_defaults(text, "01.toml").unwrap();
    let protocol = vigil::protocol::Protocol::default_protocol().unwrap();
    let unanswered = protocol
        .stages
        .iter()
        .flat_map(|s| s.steps.iter())
        .flat_map(|s| s.items.iter())
        .find(|i| !parsed.answers.iter().any(|a| a.item == i.id))
        .unwrap()
        .id
        .clone();
    let broken = text.replacen("items = [", &format!("items = [\"{unanswered}\", "), 1);
    match training::validate_with_defaults(&broken, "mine.toml") {
        Err(Error::BadDefinition { field, reason, .. }) => {
            assert_eq!(field, "key.items");
            assert!(reason.contains("no scripted answer"), "{reason}");
        }
        other => panic!("{other:?}"),
    }
    let first = parsed.key.items[0].clone();
    let broken = text.replacen("items = [", &format!("items = [\"{first}\", "), 1);
    match training::validate_with_defaults(&broken, "mine.toml") {
        Err(Error::BadDefinition { field, reason, .. }) => {
            assert_eq!(field, "key.items");
            assert!(reason.contains("twice"), "{reason}");
        }
        other => panic!("{other:?}"),
    }
    // Not TOML at all.
    assert!(matches!(
        training::validate_with_defaults("id = ", "x.toml"),
        Err(Error::BadDefinition { .. })
    ));
}

#[test]
fn training_and_real_work_never_mix() {
    let tmp = tempfile::tempdir().unwrap();
    let mut train = demo(&tmp.path().join("training"));
    let (wr, mut real, _) = new_ws();

    // A real case never enters the training workspace.
    real.create_case(&new_case("R-1", "Real case")).unwrap();
    let real_file = tmp.path().join("real.vigil");
    real.seal_case("R-1", &real_file, &hp(), HandoverMode::Transfer, false)
        .unwrap();
    let why = separated(train.receive_case(&real_file, &hp()));
    assert!(why.contains("real case file"), "{why}");

    // A training case never enters the real workspace.
    let number = train.training_scenarios().unwrap()[0].case_number.clone();
    let train_file = tmp.path().join("train.vigil");
    train
        .seal_case(&number, &train_file, &hp(), HandoverMode::Transfer, false)
        .unwrap();
    let why = separated(real.receive_case(&train_file, &hp()));
    assert!(why.contains("TRAINING"), "{why}");
    assert!(real
        .list_cases()
        .unwrap()
        .iter()
        .all(|c| c.number != number));

    // Scenarios load only into a training workspace.
    let id = train.training_scenarios().unwrap()[0].id.clone();
    separated(real.load_scenario(&id));
    // The demo never takes over a real workspace's folder.
    drop(real);
    separated(training::create_demo(&wr.dir, KdfParams::MINIMUM));

    // A case made by hand in a training workspace is a training case too.
    train
        .create_case(&new_case("PRACTICE-1", "Free practice"))
        .unwrap();
    let practice = tmp.path().join("practice.vigil");
    train
        .seal_case(
            "PRACTICE-1",
            &practice,
            &hp(),
            HandoverMode::Transfer,
            false,
        )
        .unwrap();
    let mut real = unlock(&wr.dir);
    separated(real.receive_case(&practice, &hp()));

    // The mark cannot be removed or changed, even through SQL.
    let conn = train.raw_case_connection(&number).unwrap();
    assert!(conn.execute("DELETE FROM training_mark", []).is_err());
    assert!(conn
        .execute("UPDATE training_mark SET scenario = 'x'", [])
        .is_err());
    drop(conn);
    assert!(train.case_scenario(&number).unwrap().is_some());
    // A real case is never removed by a reset.
    assert!(real.reset_scenario("R-1").is_err());
    assert!(real.list_cases().unwrap().iter().any(|c| c.number == "R-1"));
}

#[test]
fn every_training_packet_and_debrief_is_watermarked_whatever_copy_is_asked_for() {
    let tmp = tempfile::tempdir().unwrap();
    let mut ws = demo(&tmp.path().join("training"));
    let referral: Scenario = ws
        .training_scenarios()
        .unwrap()
        .into_iter()
        .find(|s| s.stage == "referral")
        .unwrap();
    let out = tmp.path().join("asked-prosecutor.pdf");
    let r = ws
        .export_packet(
            &referral.case_number,
            &PacketOptions::new(PacketProfile::Prosecutor),
            &out,
            &mut |_| true,
        )
        .unwrap();
    assert_eq!(r.profile, PacketProfile::Training);
    every_page_says_training(&out);
    let v = ws.verify_packet(&out).unwrap();
    assert_eq!(v.manifest.unwrap().profile, PacketProfile::Training);

    let pdf = tmp.path().join("debrief.pdf");
    let d = ws.debrief_pdf(&referral.case_number, &pdf).unwrap();
    every_page_says_training(&pdf);
    let (_, text) = run("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    assert!(
        text.contains(&format!("{} of {}", d.found, d.total)),
        "{text}"
    );
    assert!(text.contains("Missed"), "{text}");
    let (ok, check) = run("qpdf", &["--check", pdf.to_str().unwrap()]);
    assert!(ok, "{check}");
}

#[test]
fn a_reset_puts_the_scenario_back_to_its_start() {
    let tmp = tempfile::tempdir().unwrap();
    let mut ws = demo(&tmp.path().join("training"));
    let s = ws.training_scenarios().unwrap().remove(0);
    let count = |ws: &mut UnlockedWorkspace| {
        ws.list_incidents(&s.case_number, &Default::default(), 0, 1000)
            .unwrap()
            .total
    };
    let start = count(&mut ws);
    ws.complete_scenario(&s.case_number).unwrap();
    assert!(count(&mut ws) > start);
    ws.reset_scenario(&s.case_number).unwrap();
    assert_eq!(count(&mut ws), start);
    assert!(ws.debrief(&s.case_number).unwrap().percent < 100);
    let v = ws.verify_case(&s.case_number).unwrap();
    assert!(v.ok, "{:?}", failed_checks(&v));
    // It survives locking: the register and the file agree.
    let dir = ws.dir().to_path_buf();
    drop(ws);
    let mut again = training::create_demo(&dir, KdfParams::MINIMUM).unwrap();
    assert_eq!(
        again
            .list_incidents(&s.case_number, &Default::default(), 0, 1000)
            .unwrap()
            .total,
        start
    );
}

#[test]
fn the_victims_log_waits_beside_the_workspace_and_its_import_counts_in_the_debrief() {
    let tmp = tempfile::tempdir().unwrap();
    let mut ws = demo(&tmp.path().join("training"));
    let s = ws
        .scenario_summaries()
        .unwrap()
        .into_iter()
        .find(|s| s.log_path.is_some())
        .expect("a scenario with a victim's log");
    let path = std::path::PathBuf::from(s.log_path.clone().unwrap());
    assert!(path.starts_with(ws.dir()), "{}", path.display());
    let count_found = |ws: &mut UnlockedWorkspace| {
        ws.debrief(&s.case_number)
            .unwrap()
            .areas
            .iter()
            .find(|a| a.key == "incidents")
            .unwrap()
            .found
    };
    let before = count_found(&mut ws);
    let file = vigil::import::ImportFile::read(&path).unwrap();
    let r = ws
        .import_incidents(&s.case_number, &file, None, None)
        .unwrap();
    assert!(r.imported >= 2, "{r:?}");
    let after = count_found(&mut ws);
    assert!(after >= before + 2, "before {before}, after {after}");

    // A log that would not import is refused when the scenario is checked.
    let text = vigil::training::scenario::SHIPPED
        .iter()
        .find(|(_, t)| t.contains("[log]"))
        .unwrap()
        .1;
    let broken = text.replacen(",showingUp,", ",notACategory,", 1);
    match training::validate_with_defaults(&broken, "log.toml") {
        Err(Error::BadDefinition { field, .. }) => assert_eq!(field, "log.text"),
        other => panic!("{other:?}"),
    }
}
