//! Synthetic incidents for load tests and benchmarks (not the trainer's demo
//! case). Deterministic: the same seed gives the same incidents.

use crate::incident::{Attribution, FearLevel, IncidentInput, IncidentSource, Method, PlaceType};

/// `n` incidents spread over about `n / 4` days from 1 Jan 2025, cycling
/// through the given categories.
pub fn incidents(n: usize, categories: &[&str], seed: u64) -> Vec<IncidentInput> {
    let mut state = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut next = move || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as usize
    };
    let start = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap_or_default();
    const PLACES: [&str; 5] = [
        "outside home",
        "car park at work",
        "bus stop on Elm Road",
        "gym",
        "online",
    ];
    const WORDS: [&str; 6] = [
        "You can't hide from me",
        "I just want to talk",
        "I know where you are",
        "",
        "",
        "Answer me",
    ];
    (0..n)
        .map(|k| {
            let day = start + chrono::Duration::days((k / 4 + next() % 3) as i64);
            let hour = 7 + next() % 15;
            let minute = next() % 60;
            let mut i = IncidentInput::quick(
                &format!("{day} {hour:02}:{minute:02}"),
                categories[k % categories.len().max(1)],
                &format!("Synthetic incident {k}: contact reported by the victim, details recorded for load testing."),
            );
            i.tz = Some("UTC".into());
            i.method = Method::ALL[next() % Method::ALL.len()];
            i.place_type = PlaceType::ALL[next() % PlaceType::ALL.len()];
            i.location_text = PLACES[next() % PLACES.len()].to_string();
            i.suspect_words = WORDS[next() % WORDS.len()].to_string();
            i.fear_level = FearLevel::ALL[next() % FearLevel::ALL.len()];
            i.attribution = Attribution::ALL[next() % Attribution::ALL.len()];
            i.source = IncidentSource::VictimLog;
            i.tags = vec![format!("batch-{}", k % 7)];
            i
        })
        .collect()
}
