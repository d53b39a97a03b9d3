//! Property tests (proptest): formats Vigil writes come back unchanged, and
//! the time parser reads back any time written the usual way.

use crate::support::*;
use proptest::prelude::*;
use vigil::incident::IncidentInput;
use vigil::ExportFormat;

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases: crate::support::count_from_env("VIGIL_PROPTEST_CASES", cases as usize) as u32,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config(256))]

    /// "M/D/YYYY h:mm am" in a zone reads back as that local date and time.
    #[test]
    fn a_written_time_reads_back(y in 2000i32..2040, m in 1u32..=12, d in 1u32..=28, h in 0u32..24, min in 0u32..60) {
        let (h12, ampm) = match h { 0 => (12, "am"), 1..=11 => (h, "am"), 12 => (12, "pm"), _ => (h - 12, "pm") };
        let text = format!("{m}/{d}/{y} {h12}:{min:02} {ampm}");
        let w = vigil::when::parse(&text, Some("America/Chicago")).unwrap();
        let local = chrono::DateTime::parse_from_rfc3339(&w.from)
            .unwrap()
            .with_timezone(&"America/Chicago".parse::<chrono_tz::Tz>().unwrap());
        use chrono::{Datelike, Timelike};
        // The hour skipped at the spring change reads as the hour after.
        prop_assert_eq!((local.year(), local.month(), local.day(), local.minute()), (y, m, d, min));
        prop_assert!(local.hour() == h || local.hour() == h + 1, "{} gave {}", text, w.from);
    }
}

proptest! {
    #![proptest_config(config(16))]

    /// Narratives and suspects' words with commas, quotes, new lines and any
    /// script survive the CSV export and its import into another case.
    #[test]
    fn the_chronology_csv_round_trips(texts in proptest::collection::vec(("[ -~À-ÿ\u{0400}-\u{04ff}一-龥\n\",;]{1,60}", "[ -~é\"]{0,30}"), 1..6)) {
        let (w, mut ws, _) = new_ws();
        ws.create_case(&new_case("RT-1", "Round trip")).unwrap();
        ws.create_case(&new_case("RT-2", "Round trip back")).unwrap();
        let mut want = Vec::new();
        for (i, (narrative, words)) in texts.iter().enumerate() {
            let narrative = narrative.trim();
            prop_assume!(!narrative.is_empty());
            let mut inc = IncidentInput::quick(&format!("3/{}/2026 9:15 pm", i + 1), "texts", narrative);
            inc.tz = Some("America/Chicago".into());
            inc.suspect_words = words.trim().to_string();
            let saved = ws.add_incident("RT-1", &inc).unwrap();
            want.push((saved.input.narrative.clone(), saved.input.suspect_words.clone(), saved.occurred.from.clone()));
        }
        let out = w.dir.parent().unwrap().join("rt.csv");
        ws.export_incidents("RT-1", ExportFormat::Csv, &out).unwrap();
        let file = vigil::import::ImportFile::read(&out).unwrap();
        ws.import_incidents("RT-2", &file, None, None).unwrap();
        let page = ws.list_incidents("RT-2", &Default::default(), 0, 100).unwrap();
        let mut got = Vec::new();
        for s in &page.rows {
            let i = ws.get_incident("RT-2", &s.id).unwrap();
            got.push((i.input.narrative, i.input.suspect_words, i.occurred.from));
        }
        want.sort();
        got.sort();
        prop_assert_eq!(got, want);
    }
}
