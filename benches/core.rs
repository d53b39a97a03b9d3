//! `cargo bench` (or `make bench`): prints the figures that matter to a user
//! at the keyboard. Speed goals live here, never in tests.
//!
//! - unlock: Argon2id at the calibrated cost, plus opening the workspace;
//! - case open with the raw key, including the audit-chain checks;
//! - the SQLCipher tax: one insert/query workload on plain SQLite and on
//!   SQLCipher (raw key), same pragmas, as a ratio.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use rusqlite::Connection;
use std::time::{Duration, Instant};
use vigil::case::NewCase;
use vigil::crypto::KdfParams;
use vigil::secret::Passphrase;
use vigil::workspace::{self, Credential, Profile};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn workload(conn: &Connection, rows: i64) -> Duration {
    let start = Instant::now();
    conn.execute_batch(
        "CREATE TABLE IF NOT EXISTS incident (id INTEGER PRIMARY KEY, at TEXT NOT NULL, category TEXT NOT NULL, narrative TEXT NOT NULL);
         CREATE INDEX IF NOT EXISTS incident_at ON incident(at);",
    )
    .unwrap();
    let tx = conn.unchecked_transaction().unwrap();
    {
        let mut ins = tx
            .prepare("INSERT INTO incident (at, category, narrative) VALUES (?1, ?2, ?3)")
            .unwrap();
        for i in 0..rows {
            let at = format!(
                "2026-{:02}-{:02}T{:02}:00:00Z",
                1 + i % 12,
                1 + i % 28,
                i % 24
            );
            ins.execute(rusqlite::params![
                at,
                ["call", "text", "drive-by", "gift"][(i % 4) as usize],
                format!("narrative {i} {}", "x".repeat(120))
            ])
            .unwrap();
        }
    }
    tx.commit().unwrap();
    let mut q = conn
        .prepare("SELECT narrative FROM incident WHERE id = ?1")
        .unwrap();
    for i in 0..rows / 10 {
        let _: String = q.query_row([1 + (i * 7919) % rows], |r| r.get(0)).unwrap();
    }
    let _: i64 = conn
        .query_row(
            "SELECT count(*) FROM incident WHERE category = 'text' AND narrative LIKE '%9%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let _: Vec<String> = conn
        .prepare("SELECT at FROM incident ORDER BY at DESC LIMIT 200")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    start.elapsed()
}

fn open_db(path: &std::path::Path, key: Option<&str>) -> Connection {
    let c = Connection::open(path).unwrap();
    if let Some(k) = key {
        c.pragma_update(None, "key", k).unwrap();
    }
    c.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA temp_store = MEMORY;",
    )
    .unwrap();
    c
}

/// Issue-3 figures: import 10,000 incidents, open a 10,000-incident case and
/// list its first page, filter it, save one incident durably.
fn timeline_figures(tmp: &std::path::Path, pass: &Passphrase, profile: &Profile) {
    use vigil::import::ImportFile;
    use vigil::incident::{IncidentFilter, IncidentInput};
    let dir = tmp.join("ws-timeline");
    let (mut ws, _) = workspace::create(&dir, pass, Some(profile), KdfParams::MINIMUM).unwrap();
    ws.create_case(&NewCase {
        number: "T-1".into(),
        title: "timeline".into(),
        opened_on: None,
        assigned_investigator: None,
        agency_reports: vec![],
    })
    .unwrap();
    let mut csv = String::from(
        "Date,Time,Description,Location,Witnesses,Police contacted,Officer,Badge #,Report #\n",
    );
    for i in 0..10_000 {
        let day =
            chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + chrono::Duration::days(i / 8);
        csv.push_str(&format!(
            "{},{}:{:02} PM,\"Message {i}: he wrote again, \"\"pick up\"\"\",home,,No,,,\n",
            day.format("%m/%d/%Y"),
            1 + i % 11,
            i % 60
        ));
    }
    let file = ImportFile::from_text("log.csv", &csv);
    let t = Instant::now();
    let r = ws
        .import_incidents("T-1", &file, None, Some("America/Chicago"))
        .unwrap();
    println!(
        "  import of {} incidents from CSV (one transaction):  {}",
        r.imported,
        ms(t.elapsed())
    );
    drop(ws);

    let (mut ws, _) = workspace::unlock(&dir, Credential::Passphrase(pass)).unwrap();
    let t = Instant::now();
    let page = ws
        .list_incidents("T-1", &IncidentFilter::default(), 0, 200)
        .unwrap();
    println!(
        "  open 10,000-incident case + first page of 200:        {}",
        ms(t.elapsed())
    );
    assert_eq!(page.total, 10_000);
    let filters = [
        IncidentFilter {
            text: "pick up".into(),
            ..Default::default()
        },
        IncidentFilter {
            groups: vec!["unclassified".into()],
            from: Some("2024-06-01".into()),
            to: Some("2025-06-01".into()),
            ..Default::default()
        },
    ];
    for f in &filters {
        let times: Vec<Duration> = (0..5)
            .map(|_| {
                let t = Instant::now();
                ws.list_incidents("T-1", f, 0, 200).unwrap();
                t.elapsed()
            })
            .collect();
        println!(
            "  filter over 10,000 (count + first page), median:      {}  [{}]",
            ms(median(times)),
            if f.text.is_empty() {
                "group + dates"
            } else {
                "text"
            }
        );
    }
    let t = Instant::now();
    ws.incident_histogram(
        "T-1",
        &IncidentFilter::default(),
        Some(vigil::incident::Bucket::Week),
    )
    .unwrap();
    println!(
        "  weekly chart data over 10,000:                        {}",
        ms(t.elapsed())
    );
    let saves: Vec<Duration> = (0..20)
        .map(|i| {
            let t = Instant::now();
            ws.add_incident(
                "T-1",
                &IncidentInput::quick(&format!("2026-03-{:02} 10:00", 1 + i), "texts", "one more"),
            )
            .unwrap();
            t.elapsed()
        })
        .collect();
    println!(
        "  single incident save (durable, synchronous=FULL):     {}",
        ms(median(saves))
    );
    let t = Instant::now();
    let v = ws.verify_case("T-1").unwrap();
    println!(
        "  verify a 10,020-incident case:                        {}  ({})",
        ms(t.elapsed()),
        if v.ok { "intact" } else { "FAILED" }
    );
}

fn main() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("ws");
    let pass = Passphrase::new("Lantern river 7 copper".into());
    let profile = Profile {
        name: "Bench".into(),
        badge: "1".into(),
        unit: "U".into(),
        agency: "A".into(),
    };

    println!("Vigil core benchmark");
    let kdf = KdfParams::calibrate(Duration::from_millis(500)).unwrap();
    println!(
        "  Argon2id calibrated for ~500 ms: m = {} MiB, t = {}, p = {}",
        kdf.m_kib / 1024,
        kdf.t,
        kdf.p
    );
    let (mut ws, _rk) = workspace::create(&dir, &pass, Some(&profile), kdf).unwrap();
    ws.create_case(&NewCase {
        number: "B-1".into(),
        title: "bench".into(),
        opened_on: None,
        assigned_investigator: None,
        agency_reports: vec![],
    })
    .unwrap();
    drop(ws);

    let unlocks: Vec<Duration> = (0..5)
        .map(|_| {
            let t = Instant::now();
            let (ws, _) = workspace::unlock(&dir, Credential::Passphrase(&pass)).unwrap();
            let d = t.elapsed();
            drop(ws);
            d
        })
        .collect();
    println!(
        "  unlock (KDF + workspace open), median of 5:        {}",
        ms(median(unlocks))
    );

    let (mut ws, _) = workspace::unlock(&dir, Credential::Passphrase(&pass)).unwrap();
    let opens: Vec<Duration> = (0..20)
        .map(|_| {
            ws.close_case("B-1").unwrap();
            let t = Instant::now();
            ws.case_detail("B-1").unwrap();
            t.elapsed()
        })
        .collect();
    println!(
        "  case open with raw key (incl. chain checks), median: {}",
        ms(median(opens))
    );
    drop(ws);

    timeline_figures(tmp.path(), &pass, &profile);

    let rows = 20_000;
    let key = "x'000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f'";
    let mut plain = vec![];
    let mut cipher = vec![];
    for round in 0..3 {
        let p = tmp.path().join(format!("plain{round}.db"));
        let c = tmp.path().join(format!("cipher{round}.db"));
        plain.push(workload(&open_db(&p, None), rows));
        cipher.push(workload(&open_db(&c, Some(key)), rows));
    }
    let (p, c) = (median(plain), median(cipher));
    println!(
        "  workload ({rows} inserts in one transaction, {} point reads, scan, sorted page):",
        rows / 10
    );
    println!("    plain SQLite:            {}", ms(p));
    println!("    SQLCipher (raw key):     {}", ms(c));
    println!(
        "    SQLCipher tax:           {:.2}x",
        c.as_secs_f64() / p.as_secs_f64()
    );
}
