//! Crash trials: a real `vigil dev writer` process (single incidents, bulk
//! imports of 50, exhibits with their files, case-header edits) is killed
//! with SIGKILL at random moments. After each kill: the workspace unlocks;
//! every write the child acknowledged (it prints `ack …` only after commit)
//! is there; nothing unacknowledged is half there (a bulk import is all 50
//! or none); page authentication, SQLite's structure, the audit chain and
//! the records all verify.
//!
//! `VIGIL_CRASH_TRIALS=N` (default 60 in `make test`; `make crash-trials`
//! runs 10,000), `VIGIL_CRASH_SEED` replays a run.

use crate::cli::{stderr, Cli};
use crate::support::{count_from_env, Rng};
use std::collections::HashSet;
use std::io::Read;
use vigil::incident::IncidentFilter;
use vigil::workspace::{self, Credential};

const CASE: &str = "CR-1";

#[derive(Default)]
struct Acked {
    incidents: HashSet<String>,
    exhibits: Vec<(String, String)>,
    bulks: usize,
    singles: usize,
    titles: usize,
}

#[test]
fn a_writer_killed_at_random_moments_loses_no_acknowledged_write() {
    let trials = count_from_env("VIGIL_CRASH_TRIALS", 60);
    let (mut rng, seed) = Rng::from_env("VIGIL_CRASH_SEED", "crash-trial");
    let cli = Cli::new();
    cli.init();
    let o = cli.run(&["case", "new", "--number", CASE, "--title", "crash trials"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let scratch = cli.dir.join("..").join("scratch");
    let pass = vigil::secret::Passphrase::new(crate::support::PASS.into());
    let mut acked = Acked::default();
    let mut writes_seen = 0usize;
    // Incidents after the previous trial, acknowledged or not (a write the
    // kill interrupted after its commit stays, whole).
    let mut known_total = 0usize;
    let mut unacknowledged = 0usize;
    for trial in 0..trials {
        let mut child = cli
            .cmd()
            .args(["dev", "writer", CASE, "--seed"])
            .arg((rng.next() | 1).to_string())
            .arg("--scratch")
            .arg(&scratch)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Past the unlock (about 0.1 s) and into the writes, at varying depth.
        let delay = 60 + rng.next() % 500;
        std::thread::sleep(std::time::Duration::from_millis(delay));
        let _ = child.kill(); // SIGKILL on Unix
        let _ = child.wait();
        let mut out = String::new();
        child
            .stdout
            .take()
            .unwrap()
            .read_to_string(&mut out)
            .unwrap();
        // Only whole lines: a line cut by the kill was not acknowledged.
        let complete = match out.rfind('\n') {
            Some(i) => &out[..=i],
            None => "",
        };
        let acked_before = acked.incidents.len();
        for line in complete.lines() {
            writes_seen += 1;
            let mut parts = line.splitn(3, ' ');
            match (parts.next(), parts.next(), parts.next()) {
                (Some("ack"), Some("incident"), Some(id)) => {
                    acked.incidents.insert(id.to_string());
                    acked.singles += 1;
                }
                (Some("ack"), Some("bulk"), Some(ids)) => {
                    acked.incidents.extend(ids.split(',').map(str::to_string));
                    acked.bulks += 1;
                }
                (Some("ack"), Some("exhibit"), Some(rest)) => {
                    let (n, sha) = rest.split_once(' ').unwrap();
                    acked.exhibits.push((n.to_string(), sha.to_string()));
                }
                (Some("ack"), Some("title"), Some(_)) => acked.titles += 1,
                _ => panic!("trial {trial}: unexpected output {line:?}"),
            }
        }

        // The checks, with the library, as the next session would.
        let (mut ws, _) = workspace::unlock(&cli.dir, Credential::Passphrase(&pass))
            .unwrap_or_else(|e| {
                panic!("seed {seed}, trial {trial}: the workspace does not unlock: {e}")
            });
        let r = ws.verify_case(CASE).unwrap();
        assert!(
            r.ok,
            "seed {seed}, trial {trial}: verify failed: {:?}",
            crate::support::failed_checks(&r)
        );
        let total = ws
            .list_incidents(CASE, &IncidentFilter::default(), 0, 1)
            .unwrap()
            .total as usize;
        // At most one unacknowledged write (the one the kill interrupted
        // after its commit) may be there, and whole: 0, 1 or 50 incidents.
        let expected = known_total + (acked.incidents.len() - acked_before);
        let extra = total.checked_sub(expected).unwrap_or_else(|| {
            panic!("seed {seed}, trial {trial}: {total} incidents, at least {expected} expected")
        });
        assert!(
            [0, 1, 50].contains(&extra),
            "seed {seed}, trial {trial}: {extra} incidents beyond the acknowledged ones"
        );
        unacknowledged += usize::from(extra > 0);
        known_total = total;
        if trial % 10 == 9 || trial + 1 == trials {
            // Every acknowledged incident by id (a sample each time, all at the end).
            let ids: Vec<&String> = acked.incidents.iter().collect();
            let step = if trial + 1 == trials {
                1
            } else {
                (ids.len() / 50).max(1)
            };
            for id in ids.iter().step_by(step) {
                ws.get_incident(CASE, id).unwrap_or_else(|e| {
                    panic!("seed {seed}, trial {trial}: acknowledged incident {id} is missing: {e}")
                });
            }
        }
        let exhibits = ws.list_exhibits(CASE, None).unwrap();
        assert!(
            exhibits.len() <= acked.exhibits.len() + trial + 1,
            "seed {seed}, trial {trial}: more exhibits than writes"
        );
        for (number, sha) in &acked.exhibits {
            let e = ws.get_exhibit(CASE, number).unwrap_or_else(|err| {
                panic!(
                    "seed {seed}, trial {trial}: acknowledged exhibit {number} is missing: {err}"
                )
            });
            assert_eq!(e.file.map(|f| f.sha256).as_deref(), Some(sha.as_str()));
        }
        drop(ws);
    }
    eprintln!(
        "crash trials: {trials} kills, {writes_seen} acknowledged writes ({} single incidents, {} bulk imports of 50, {} exhibits, {} header edits), 0 lost; {unacknowledged} kills fell between a commit and its acknowledgement (the write was there, whole)",
        acked.singles,
        acked.bulks,
        acked.exhibits.len(),
        acked.titles
    );
    assert!(
        writes_seen > 0,
        "the writer never got to write: the delays are too short"
    );
}
