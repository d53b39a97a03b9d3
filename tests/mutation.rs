//! Mutation-tested verify: damaged copies of a realistic case, every kind of
//! damage a disk, a copy or a person with the key can do; `case verify` must
//! report each one, naming the check that failed, and never panic.
//!
//! `VIGIL_MUTATIONS=N` sets the copies per kind (default 15, seven kinds);
//! `VIGIL_MUTATION_SEED` replays a run. The detection table is printed.

use crate::evidence::bytes;
use crate::people::person;
use crate::support::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use vigil::evidence::{ExhibitInput, ExhibitKind, IngestProgress};
use vigil::person::PersonRole;
use vigil::workspace::{self, Credential};

const CASE: &str = "MUT-1";
const PAGE: usize = 4096;

/// A realistic case: people, 200 incidents, an exhibit with its file.
fn fixture(dir: &Path) {
    let (ws_dir, mut ws) = {
        let (w, ws, _) = new_ws();
        (w, ws)
    };
    ws.create_case(&new_case(CASE, "Mutation fixture")).unwrap();
    ws.save_person(CASE, None, &person(PersonRole::Victim, "Alex Moreno", &[]))
        .unwrap();
    ws.save_person(CASE, None, &person(PersonRole::Suspect, "Jordan Pike", &[]))
        .unwrap();
    let cats = ["calls", "texts", "following", "watching", "orderServed"];
    ws.add_incidents_bulk(CASE, &vigil::seed::incidents(200, &cats, 11))
        .unwrap();
    let file = ws_dir._tmp.path().join("voicemail.bin");
    std::fs::write(&file, bytes(150_000, 5)).unwrap();
    let mut go = |_: &IngestProgress| true;
    ws.add_exhibit(
        CASE,
        &ExhibitInput::new(ExhibitKind::Audio, "Voicemail"),
        Some(&file),
        &mut go,
    )
    .unwrap();
    assert!(ws.verify_case(CASE).unwrap().ok);
    drop(ws);
    copy_dir(&ws_dir.dir, dir);
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let p = e.path();
        if p.is_dir() {
            copy_dir(&p, &to.join(e.file_name()));
        } else if !e.file_name().to_string_lossy().ends_with(".lock") {
            std::fs::copy(&p, to.join(e.file_name())).unwrap();
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    ByteFlip,
    Truncation,
    PageSwap,
    ForeignPage,
    AuditRowDuplicated,
    AuditRowDeleted,
    RecordEdited,
}

/// The checks that may rightly name each kind of damage.
fn expected(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::ByteFlip | Kind::PageSwap | Kind::ForeignPage => &[
            "Key and file type",
            "Page authentication",
            "Database structure",
        ],
        Kind::Truncation => &[
            "Key and file type",
            "Page authentication",
            "Database structure",
            "Matches this workspace's record",
            "Audit chain",
        ],
        Kind::AuditRowDuplicated | Kind::AuditRowDeleted => {
            &["Audit chain", "Matches this workspace's record"]
        }
        Kind::RecordEdited => &["Records match the audit trail"],
    }
}

/// Damages the case file of the workspace in `dir`.
fn damage(dir: &Path, kind: Kind, rng: &mut Rng, foreign: &[u8]) {
    let file: PathBuf = dir.join("cases").join(format!("{CASE}.vigil"));
    let mut b = std::fs::read(&file).unwrap();
    let pages = b.len() / PAGE;
    match kind {
        Kind::ByteFlip => {
            let at = rng.below(b.len());
            b[at] ^= 1 + rng.below(255) as u8;
        }
        Kind::Truncation => {
            // Whole pages or a ragged end, never to nothing.
            let keep = 1 + rng.below(pages - 1);
            let ragged = if rng.below(2) == 0 {
                0
            } else {
                1 + rng.below(PAGE - 1)
            };
            b.truncate(keep * PAGE + ragged);
        }
        Kind::PageSwap => {
            let x = 1 + rng.below(pages - 1);
            let mut y = 1 + rng.below(pages - 1);
            if y == x {
                y = if x + 1 < pages { x + 1 } else { x - 1 };
            }
            let px: Vec<u8> = b[x * PAGE..(x + 1) * PAGE].to_vec();
            let py: Vec<u8> = b[y * PAGE..(y + 1) * PAGE].to_vec();
            b[x * PAGE..(x + 1) * PAGE].copy_from_slice(&py);
            b[y * PAGE..(y + 1) * PAGE].copy_from_slice(&px);
        }
        Kind::ForeignPage => {
            let x = 1 + rng.below(pages - 1);
            let f = 1 + rng.below(foreign.len() / PAGE - 1);
            b[x * PAGE..(x + 1) * PAGE].copy_from_slice(&foreign[f * PAGE..(f + 1) * PAGE]);
        }
        Kind::AuditRowDuplicated | Kind::AuditRowDeleted | Kind::RecordEdited => {
            // With the key, through raw SQL, as a person with the unlocked
            // workspace could.
            let mut ws = workspace::unlock(dir, Credential::Passphrase(&pass()))
                .unwrap()
                .0;
            let raw = ws.raw_case_connection(CASE).unwrap();
            let count: i64 = raw
                .query_row("SELECT count(*) FROM audit_event", [], |r| r.get(0))
                .unwrap();
            let seq = 1 + rng.below(count as usize) as i64;
            let sql = match kind {
                Kind::AuditRowDuplicated => format!(
                    "DROP TRIGGER IF EXISTS audit_event_no_update;
                     INSERT INTO audit_event (seq, at, actor, action, entity, entity_id, change_hash, detail, hash)
                     SELECT {n}, at, actor, action, entity, entity_id, change_hash, detail, hash FROM audit_event WHERE seq = {seq};",
                    n = count + 1
                ),
                Kind::AuditRowDeleted => format!(
                    "DROP TRIGGER IF EXISTS audit_event_no_delete; DELETE FROM audit_event WHERE seq = {seq};"
                ),
                _ => {
                    let n = rng.below(200);
                    format!(
                        "UPDATE incident SET narrative = narrative || ' (edited)' WHERE rowid = (SELECT rowid FROM incident ORDER BY rowid LIMIT 1 OFFSET {n});"
                    )
                }
            };
            raw.execute_batch(&sql).unwrap();
            drop(raw);
            drop(ws);
            return;
        }
    }
    std::fs::write(&file, &b).unwrap();
}

#[test]
fn verify_reports_every_damaged_copy_naming_the_check() {
    let per_kind = count_from_env("VIGIL_MUTATIONS", 15);
    let (mut rng, seed) = Rng::from_env("VIGIL_MUTATION_SEED", "mutation");
    let tmp = tempfile::tempdir().unwrap();
    let template = tmp.path().join("template");
    fixture(&template);
    let foreign = {
        let other = tmp.path().join("other");
        fixture(&other);
        std::fs::read(other.join("cases").join(format!("{CASE}.vigil"))).unwrap()
    };
    let kinds = [
        Kind::ByteFlip,
        Kind::Truncation,
        Kind::PageSwap,
        Kind::ForeignPage,
        Kind::AuditRowDuplicated,
        Kind::AuditRowDeleted,
        Kind::RecordEdited,
    ];
    let mut table: BTreeMap<Kind, (usize, usize, BTreeMap<String, usize>)> = BTreeMap::new();
    let mut misses = Vec::new();
    for kind in kinds {
        for i in 0..per_kind {
            let dir = tmp.path().join(format!("{kind:?}-{i}"));
            copy_dir(&template, &dir);
            damage(&dir, kind, &mut rng, &foreign);
            let mut ws = workspace::unlock(&dir, Credential::Passphrase(&pass()))
                .unwrap()
                .0;
            let named: Vec<String> = match ws.verify_case(CASE) {
                Ok(r) => failed_checks(&r),
                Err(e) => vec![format!(
                    "error instead of a report: exit {} {e}",
                    e.exit_code()
                )],
            };
            let row = table.entry(kind).or_default();
            row.0 += 1;
            let right = named.iter().any(|n| expected(kind).contains(&n.as_str()));
            if right {
                row.1 += 1;
            } else {
                misses.push(format!("{kind:?} #{i}: {named:?}"));
            }
            for n in named {
                *row.2.entry(n).or_default() += 1;
            }
            drop(ws);
            let _ = std::fs::remove_dir_all(&dir);
        }
    }
    eprintln!("\n  damage                 copies  detected  checks that failed");
    for (kind, (n, ok, names)) in &table {
        let names: Vec<String> = names.iter().map(|(k, v)| format!("{k} ×{v}")).collect();
        eprintln!(
            "  {:<22} {n:>6}  {ok:>8}  {}",
            format!("{kind:?}"),
            names.join("; ")
        );
    }
    assert!(
        misses.is_empty(),
        "seed {seed}: not reported as expected: {misses:#?}"
    );
}
