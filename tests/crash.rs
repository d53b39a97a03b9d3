//! Crash trials: a real `vigil dev writer` process is killed with SIGKILL at
//! a random moment, over and over. Each trial draws one kind of work:
//! - **writes**: single incidents, bulk imports of 50, exhibits with their
//!   files, case-header edits;
//! - **packet**: incidents and signed packet exports;
//! - **rotate**: incidents and passphrase changes with a new workspace key;
//! - **migrate**: a fresh copy of the first release's workspace, migrated by
//!   the unlock and by opening its case, then incidents.
//!
//! After each kill, as the next session would: the workspace unlocks (with
//! the passphrase of the last acknowledged rotation, or the next one when the
//! kill fell between the rotation's commit and its acknowledgement, never
//! both); the register passes SQLCipher's page check and SQLite's structural
//! check; the case passes every check of `case verify` (pages, structure,
//! audit chain, records); every write the child acknowledged (it prints
//! `ack …` only after commit) is there; nothing unacknowledged is half there
//! (a bulk import is all 50 or none, a packet file at its final name is whole
//! and verifies).
//!
//! `VIGIL_CRASH_TRIALS=N` (default 300 in `make test`; `make crash-trials`
//! runs 10,000), `VIGIL_CRASH_SEED` replays a run (the seed is printed).

use crate::cli::Cli;
use crate::support::{count_from_env, Rng, PASS};
use std::collections::{BTreeMap, HashSet};
use std::io::Read;
use std::path::PathBuf;
use std::process::Stdio;
use std::time::Duration;
use vigil::case::NewCase;
use vigil::incident::IncidentFilter;
use vigil::secret::Passphrase;
use vigil::workspace::{self, Credential, UnlockedWorkspace};

/// A case grows to this many incidents before the trials move to a new one
/// (so that a check stays quick however many trials run).
const CASE_LIMIT: usize = 1_500;
/// The packet trials' case is kept small: a packet is rendered per write.
const PACKET_CASE_LIMIT: usize = 120;
const ROTATED: &str = "Harbour copper 12 window";

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Kind {
    Writes,
    Packet,
    Rotate,
    Migrate,
}

impl Kind {
    fn draw(rng: &mut Rng) -> Kind {
        match rng.below(20) {
            0..=10 => Kind::Writes,
            11..=13 => Kind::Packet,
            14..=16 => Kind::Rotate,
            _ => Kind::Migrate,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Kind::Writes => "writes",
            Kind::Packet => "packet",
            Kind::Rotate => "rotate",
            Kind::Migrate => "migrate",
        }
    }
}

/// What one case has been through: the acknowledged records, the count seen.
struct Book {
    prefix: &'static str,
    serial: usize,
    number: String,
    incidents: HashSet<String>,
    exhibits: Vec<(String, String)>,
    known_total: usize,
    known_exhibits: usize,
}

impl Book {
    fn new(prefix: &'static str) -> Book {
        Book {
            prefix,
            serial: 1,
            number: format!("{prefix}-1"),
            incidents: HashSet::new(),
            exhibits: Vec::new(),
            known_total: 0,
            known_exhibits: 0,
        }
    }

    /// Every acknowledged record is there (`all`: each one; else a sample).
    fn check_acknowledged(&self, ws: &mut UnlockedWorkspace, all: bool, at: &str) {
        let ids: Vec<&String> = self.incidents.iter().collect();
        let step = if all { 1 } else { (ids.len() / 40).max(1) };
        for id in ids.iter().step_by(step) {
            ws.get_incident(&self.number, id).unwrap_or_else(|e| {
                panic!(
                    "{at}: acknowledged incident {id} of {} is missing: {e}",
                    self.number
                )
            });
        }
        for (number, sha) in &self.exhibits {
            let e = ws.get_exhibit(&self.number, number).unwrap_or_else(|err| {
                panic!("{at}: acknowledged exhibit {number} is missing: {err}")
            });
            assert_eq!(
                e.file.map(|f| f.sha256).as_deref(),
                Some(sha.as_str()),
                "{at}: exhibit {number}'s file changed"
            );
        }
    }

    /// Checks this trial's outcome: `before` acknowledged incidents before it;
    /// at most one unacknowledged write may be there, whole (0, 1 or 50
    /// incidents). Returns whether there was one.
    fn check_total(&mut self, ws: &mut UnlockedWorkspace, before: usize, at: &str) -> bool {
        let total = ws
            .list_incidents(&self.number, &IncidentFilter::default(), 0, 1)
            .unwrap()
            .total as usize;
        let expected = self.known_total + (self.incidents.len() - before);
        let extra = total.checked_sub(expected).unwrap_or_else(|| {
            panic!(
                "{at}: {total} incidents in {}, at least {expected} expected",
                self.number
            )
        });
        assert!(
            [0, 1, 50].contains(&extra),
            "{at}: {extra} incidents beyond the acknowledged ones in {}",
            self.number
        );
        self.known_total = total;
        extra > 0
    }

    /// Moves on to a new case once this one is full (after a full check).
    fn roll_over(
        &mut self,
        ws: &mut UnlockedWorkspace,
        limit: usize,
        seed_incidents: usize,
        at: &str,
    ) {
        if self.known_total < limit {
            return;
        }
        self.check_acknowledged(ws, true, at);
        self.serial += 1;
        self.number = format!("{}-{}", self.prefix, self.serial);
        self.incidents.clear();
        self.exhibits.clear();
        self.known_total = seed_incidents;
        self.known_exhibits = 0;
        create_case(ws, &self.number, seed_incidents);
    }
}

fn create_case(ws: &mut UnlockedWorkspace, number: &str, incidents: usize) {
    ws.create_case(&NewCase {
        number: number.into(),
        title: "crash trials".into(),
        opened_on: None,
        assigned_investigator: None,
        agency_reports: vec![],
    })
    .unwrap();
    if incidents > 0 {
        let cats = ws
            .taxonomy()
            .categories
            .iter()
            .map(|c| c.id.clone())
            .collect::<Vec<_>>();
        let cats: Vec<&str> = cats.iter().map(String::as_str).collect();
        ws.add_incidents_bulk(number, &vigil::seed::incidents(incidents, &cats, 7))
            .unwrap();
    }
}

/// Figures per kind of trial.
#[derive(Default)]
struct Tally {
    kills: usize,
    acknowledged: usize,
    /// Kills that fell after a commit and before its acknowledgement.
    between: usize,
    /// Time spent checking after the kills.
    checking: Duration,
}

/// The whole run's state.
struct Trials {
    cli: Cli,
    rng: Rng,
    seed: u64,
    scratch: PathBuf,
    /// The two passphrases rotations swap between; `live` is the one set now.
    passes: [Passphrase; 2],
    live: usize,
    next_file: PathBuf,
    fixture_pass: PathBuf,
    writes: Book,
    packet: Book,
    rotate: Book,
    tally: BTreeMap<Kind, Tally>,
    detail: BTreeMap<&'static str, usize>,
}

/// Runs `cmd`, kills it after `delay`, and returns the lines it completed.
fn run_and_kill(mut cmd: std::process::Command, delay: Duration) -> Vec<String> {
    CHECK_START.with(|c| c.set(None));
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(delay);
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
    CHECK_START.with(|c| c.set(Some(std::time::Instant::now())));
    complete.lines().map(str::to_string).collect()
}

/// Each acknowledgement as (what, the rest): `ack bulk ID,ID` → ("bulk", "ID,ID").
fn acks<'a>(lines: &'a [String], at: &str) -> Vec<(&'a str, &'a str)> {
    lines
        .iter()
        .map(|l| {
            let rest = l
                .strip_prefix("ack ")
                .unwrap_or_else(|| panic!("{at}: unexpected output {l:?}"));
            rest.split_once(' ').unwrap_or((rest, ""))
        })
        .collect()
}

thread_local! {
    /// When the last kill's checks began.
    static CHECK_START: std::cell::Cell<Option<std::time::Instant>> = const { std::cell::Cell::new(None) };
}

impl Trials {
    fn new() -> Trials {
        let (rng, seed) = Rng::from_env("VIGIL_CRASH_SEED", "crash-trial");
        let cli = Cli::new();
        cli.init();
        let scratch = cli.dir.join("..").join("scratch");
        std::fs::create_dir_all(&scratch).unwrap();
        let next_file = cli.dir.join("..").join("next.txt");
        let fixture_pass = cli.dir.join("..").join("fixture-pass.txt");
        std::fs::write(&fixture_pass, format!("{PASS}\n")).unwrap();
        let mut t = Trials {
            rng,
            seed,
            scratch,
            passes: [
                Passphrase::new(PASS.into()),
                Passphrase::new(ROTATED.into()),
            ],
            live: 0,
            next_file,
            fixture_pass,
            writes: Book::new("CR-W"),
            packet: Book::new("CR-P"),
            rotate: Book::new("CR-R"),
            tally: BTreeMap::new(),
            detail: BTreeMap::new(),
            cli,
        };
        t.write_pass_files();
        let mut ws = t.unlock();
        create_case(&mut ws, &t.writes.number, 0);
        create_case(&mut ws, &t.packet.number, 20);
        t.packet.known_total = 20;
        create_case(&mut ws, &t.rotate.number, 0);
        t
    }

    fn write_pass_files(&self) {
        let current = if self.live == 0 { PASS } else { ROTATED };
        let next = if self.live == 0 { ROTATED } else { PASS };
        std::fs::write(&self.cli.pass_file, format!("{current}\n")).unwrap();
        std::fs::write(&self.next_file, format!("{next}\n")).unwrap();
    }

    fn unlock(&self) -> UnlockedWorkspace {
        workspace::unlock(
            &self.cli.dir,
            Credential::Passphrase(&self.passes[self.live]),
        )
        .unwrap_or_else(|e| panic!("seed {}: the workspace does not unlock: {e}", self.seed))
        .0
    }

    fn count(&mut self, what: &'static str) {
        *self.detail.entry(what).or_default() += 1;
    }

    fn writer(&mut self, number: &str, mix: &str) -> std::process::Command {
        let mut c = self.cli.cmd();
        c.args(["dev", "writer", number, "--mix", mix, "--seed"])
            .arg((self.rng.next() | 1).to_string())
            .arg("--scratch")
            .arg(&self.scratch);
        c
    }

    fn run(&mut self, trials: usize) {
        for trial in 0..trials {
            let kind = Kind::draw(&mut self.rng);
            let at = format!("seed {}, trial {trial} ({})", self.seed, kind.name());
            let (acknowledged, between) = match kind {
                Kind::Writes => self.writes_trial(&at, trial + 1 == trials),
                Kind::Packet => self.packet_trial(&at),
                Kind::Rotate => self.rotate_trial(&at),
                Kind::Migrate => self.migrate_trial(&at, trial),
            };
            let t = self.tally.entry(kind).or_default();
            if let Some(start) = CHECK_START.with(|c| c.get()) {
                t.checking += start.elapsed();
            }
            t.kills += 1;
            t.acknowledged += acknowledged;
            t.between += usize::from(between);
            if (trial + 1) % 1_000 == 0 && trial + 1 < trials {
                eprintln!("  … {} of {trials} trials, 0 losses so far", trial + 1);
            }
        }
        // Every acknowledged record of every current case, one last time.
        let mut ws = self.unlock();
        for b in [&self.writes, &self.packet, &self.rotate] {
            b.check_acknowledged(&mut ws, true, "after the last trial");
        }
    }

    /// The checks every trial ends with, on the main workspace.
    fn check_workspace(&self, ws: &mut UnlockedWorkspace, number: &str, at: &str) {
        let problems = ws.check_register().unwrap();
        assert!(
            problems.is_empty(),
            "{at}: the register fails its checks: {problems:?}"
        );
        let r = ws.verify_case(number).unwrap();
        assert!(
            r.ok,
            "{at}: case {number} fails verify: {:?}",
            crate::support::failed_checks(&r)
        );
    }

    fn writes_trial(&mut self, at: &str, last: bool) -> (usize, bool) {
        let number = self.writes.number.clone();
        let cmd = self.writer(&number, "writes");
        let delay = 30 + self.rng.next() % 260;
        let lines = run_and_kill(cmd, Duration::from_millis(delay));
        let before = self.writes.incidents.len();
        let exhibits_before = self.writes.exhibits.len();
        for (what, rest) in acks(&lines, at) {
            match what {
                "incident" => {
                    self.writes.incidents.insert(rest.to_string());
                    self.count("single incidents");
                }
                "bulk" => {
                    self.writes
                        .incidents
                        .extend(rest.split(',').map(str::to_string));
                    self.count("bulk imports of 50");
                }
                "exhibit" => {
                    let (n, sha) = rest.split_once(' ').unwrap();
                    self.writes.exhibits.push((n.to_string(), sha.to_string()));
                    self.count("exhibits with a file");
                }
                "title" => self.count("header edits"),
                _ => panic!("{at}: unexpected acknowledgement {what} {rest}"),
            }
        }
        let mut ws = self.unlock();
        self.check_workspace(&mut ws, &number, at);
        let between_incident = self.writes.check_total(&mut ws, before, at);
        self.writes.check_acknowledged(&mut ws, last, at);
        let exhibits = ws.list_exhibits(&number, None).unwrap().len();
        let acked = self.writes.exhibits.len() - exhibits_before;
        let extra = exhibits
            .checked_sub(self.writes.known_exhibits + acked)
            .unwrap_or_else(|| panic!("{at}: {exhibits} exhibits, fewer than acknowledged"));
        assert!(
            extra <= 1,
            "{at}: {extra} exhibits beyond the acknowledged ones"
        );
        self.writes.known_exhibits = exhibits;
        let between = between_incident || extra > 0;
        self.writes.roll_over(&mut ws, CASE_LIMIT, 0, at);
        (lines.len(), between)
    }

    fn packet_trial(&mut self, at: &str) -> (usize, bool) {
        let number = self.packet.number.clone();
        let cmd = self.writer(&number, "packet");
        let delay = 60 + self.rng.next() % 500;
        let lines = run_and_kill(cmd, Duration::from_millis(delay));
        let before = self.packet.incidents.len();
        let mut packets = Vec::new();
        for (what, rest) in acks(&lines, at) {
            match what {
                "incident" => {
                    self.packet.incidents.insert(rest.to_string());
                }
                "packet" => {
                    let (file, sha) = rest.split_once(' ').unwrap();
                    packets.push((file.to_string(), sha.to_string()));
                    self.count("packets exported");
                }
                _ => panic!("{at}: unexpected acknowledgement {what} {rest}"),
            }
        }
        let mut ws = self.unlock();
        self.check_workspace(&mut ws, &number, at);
        let between_incident = self.packet.check_total(&mut ws, before, at);
        let history: HashSet<String> = ws
            .packet_history(&number)
            .unwrap()
            .into_iter()
            .map(|p| p.sha256)
            .collect();
        for (file, sha) in &packets {
            let bytes = std::fs::read(self.scratch.join(file))
                .unwrap_or_else(|e| panic!("{at}: acknowledged packet {file} is missing: {e}"));
            assert_eq!(
                &vigil::crypto::to_hex(&vigil::crypto::sha256(&bytes)),
                sha,
                "{at}: packet {file} changed"
            );
            assert!(
                history.contains(sha),
                "{at}: packet {file} is not in the case's history"
            );
            let r = ws.verify_packet_here(&bytes).unwrap();
            assert!(
                r.checks.iter().all(|c| c.ok),
                "{at}: acknowledged packet {file} fails: {:?}",
                r.checks
                    .iter()
                    .filter(|c| !c.ok)
                    .map(|c| &c.name)
                    .collect::<Vec<_>>()
            );
        }
        // Whatever else the kill left: a packet at its final name is whole;
        // a partial one only ever under its hidden temporary name.
        let mut between = between_incident;
        for entry in std::fs::read_dir(&self.scratch).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            if name.starts_with("packet-") && !packets.iter().any(|(f, _)| *f == name) {
                let bytes = std::fs::read(&path).unwrap();
                let r = vigil::packet::verify_packet_bytes(&bytes);
                assert!(r.ok, "{at}: unacknowledged packet {name} is not whole");
                between = true;
                self.count("packets written, not acknowledged");
            } else if name.starts_with(".packet-") {
                self.count("partial packets left under a temporary name");
            }
            if name.contains("packet-") {
                std::fs::remove_file(&path).unwrap();
            }
        }
        self.packet.roll_over(&mut ws, PACKET_CASE_LIMIT, 20, at);
        (lines.len(), between)
    }

    fn rotate_trial(&mut self, at: &str) -> (usize, bool) {
        let number = self.rotate.number.clone();
        let mut cmd = self.writer(&number, "rotate");
        cmd.arg("--next-passphrase-file").arg(&self.next_file);
        let delay = 60 + self.rng.next() % 800;
        let lines = run_and_kill(cmd, Duration::from_millis(delay));
        let before = self.rotate.incidents.len();
        let mut rotations = 0;
        for (what, rest) in acks(&lines, at) {
            match what {
                "incident" => {
                    self.rotate.incidents.insert(rest.to_string());
                }
                "rotate" => {
                    rotations += 1;
                    self.count("key rotations");
                }
                _ => panic!("{at}: unexpected acknowledgement {what} {rest}"),
            }
        }
        self.live = (self.live + rotations) % 2;
        // The acknowledged passphrase, or (a rotation committed but not
        // acknowledged) the next one; never both.
        let dir = self.cli.dir.clone();
        let acked = workspace::unlock(&dir, Credential::Passphrase(&self.passes[self.live]));
        let (mut ws, between_rotation) = match acked {
            Ok((ws, _)) => (ws, false),
            Err(first) => {
                let other = 1 - self.live;
                let ws = workspace::unlock(&dir, Credential::Passphrase(&self.passes[other]))
                    .unwrap_or_else(|e| {
                        panic!("{at}: neither passphrase unlocks ({first}; then {e})")
                    })
                    .0;
                self.live = other;
                self.count("rotations committed, not acknowledged");
                (ws, true)
            }
        };
        self.check_workspace(&mut ws, &number, at);
        // Every case still opens with its key under the live workspace key.
        for b in [&self.writes, &self.packet] {
            ws.case_detail(&b.number)
                .unwrap_or_else(|e| panic!("{at}: case {} no longer opens: {e}", b.number));
        }
        let between_incident = self.rotate.check_total(&mut ws, before, at);
        drop(ws);
        let stale = workspace::unlock(&dir, Credential::Passphrase(&self.passes[1 - self.live]));
        assert!(
            stale.is_err(),
            "{at}: the replaced passphrase still unlocks"
        );
        self.write_pass_files();
        let mut ws = self.unlock();
        self.rotate.roll_over(&mut ws, CASE_LIMIT, 0, at);
        (lines.len(), between_rotation || between_incident)
    }

    fn migrate_trial(&mut self, at: &str, trial: usize) -> (usize, bool) {
        let dir = self.scratch.join(format!("v1-{trial}"));
        crate::support::copy_v1_workspace(&dir);
        let mut cmd = self.cli.cmd_in(&dir, &self.fixture_pass);
        cmd.args(["dev", "writer", "2026-001", "--mix", "migrate", "--scratch"])
            .arg(&self.scratch);
        // The first release's key file asks for a slow key derivation: the
        // kill falls anywhere from before the unlock to after the migration.
        let delay = 20 + self.rng.next() % 700;
        let lines = run_and_kill(cmd, Duration::from_millis(delay));
        let mut incidents = Vec::new();
        let mut migrated = false;
        for (what, rest) in acks(&lines, at) {
            match what {
                "unlocked" => {}
                "migrated" => migrated = true,
                "incident" => incidents.push(rest.to_string()),
                _ => panic!("{at}: unexpected acknowledgement {what} {rest}"),
            }
        }
        self.count(if migrated {
            "migrations acknowledged"
        } else {
            "migrations cut off"
        });
        let pass = Passphrase::new(PASS.into());
        let mut ws = workspace::unlock(&dir, Credential::Passphrase(&pass))
            .unwrap_or_else(|e| panic!("{at}: the migrated workspace does not unlock: {e}"))
            .0;
        let problems = ws.check_register().unwrap();
        assert!(
            problems.is_empty(),
            "{at}: the register fails its checks: {problems:?}"
        );
        let d = ws
            .open_case("2026-001")
            .unwrap_or_else(|e| panic!("{at}: the old case does not open: {e}"));
        assert_eq!(
            d.header.title, "Test case",
            "{at}: the old case's header changed"
        );
        let r = ws.verify_case("2026-001").unwrap();
        assert!(
            r.ok,
            "{at}: the migrated case fails verify: {:?}",
            crate::support::failed_checks(&r)
        );
        let total = ws
            .list_incidents("2026-001", &IncidentFilter::default(), 0, 1)
            .unwrap()
            .total as usize;
        assert!(
            total == incidents.len() || total == incidents.len() + 1,
            "{at}: {total} incidents after {} acknowledged",
            incidents.len()
        );
        for id in &incidents {
            ws.get_incident("2026-001", id)
                .unwrap_or_else(|e| panic!("{at}: acknowledged incident {id} is missing: {e}"));
        }
        drop(ws);
        std::fs::remove_dir_all(&dir).unwrap();
        (lines.len(), total > incidents.len())
    }

    fn report(&self, trials: usize) -> String {
        let mut s = format!(
            "crash trials (seed {}): {trials} kills, 0 acknowledged writes lost, 0 half-written\n",
            self.seed
        );
        s.push_str("  kind      kills  acknowledged writes  killed between commit and ack  checks (mean)\n");
        for (kind, t) in &self.tally {
            s.push_str(&format!(
                "  {:<8} {:>6}  {:>19}  {:>29}  {:>10} ms\n",
                kind.name(),
                t.kills,
                t.acknowledged,
                t.between,
                t.checking.as_millis() / t.kills.max(1) as u128
            ));
        }
        for (what, n) in &self.detail {
            s.push_str(&format!("  {what}: {n}\n"));
        }
        s
    }
}

#[test]
fn a_writer_killed_at_random_moments_loses_no_acknowledged_write() {
    let trials = count_from_env("VIGIL_CRASH_TRIALS", 300);
    let mut t = Trials::new();
    t.run(trials);
    eprint!("{}", t.report(trials));
    let writes: usize = t.tally.values().map(|t| t.acknowledged).sum();
    assert!(
        writes > 0,
        "the writer never got to write: the delays are too short"
    );
}
