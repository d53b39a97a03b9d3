use std::path::{Path, PathBuf};
use vigil::case::NewCase;
use vigil::crypto::KdfParams;
use vigil::secret::{Passphrase, RecoveryKey};
use vigil::workspace::{self, Credential, Profile, UnlockedWorkspace};

pub const PASS: &str = "Lantern river 7 copper";

pub fn pass() -> Passphrase {
    Passphrase::new(PASS.to_string())
}

pub fn profile() -> Profile {
    Profile {
        name: "Dana Reyes".into(),
        badge: "4471".into(),
        unit: "Threat Management".into(),
        agency: "Eastfield PD".into(),
    }
}

pub struct Ws {
    pub _tmp: tempfile::TempDir,
    pub dir: PathBuf,
}

/// A new workspace (minimum KDF cost, to keep tests quick) and its recovery key.
pub fn new_ws() -> (Ws, UnlockedWorkspace, RecoveryKey) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("workspace");
    let (ws, rk) = workspace::create(&dir, &pass(), Some(&profile()), KdfParams::MINIMUM).unwrap();
    (Ws { _tmp: tmp, dir }, ws, rk)
}

pub fn unlock(dir: &Path) -> UnlockedWorkspace {
    workspace::unlock(dir, Credential::Passphrase(&pass()))
        .unwrap()
        .0
}

/// A copy, in `dir`, of a workspace made by the first release (schema 1,
/// one case "2026-001" with no people or incidents; passphrase [`PASS`]).
pub fn copy_v1_workspace(dir: &Path) {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/workspace-v1");
    std::fs::create_dir_all(dir.join("cases")).unwrap();
    for f in [
        "vigil-workspace.json",
        "workspace.db",
        "cases/2026-001.vigil",
    ] {
        std::fs::copy(fixture.join(f), dir.join(f)).unwrap();
    }
}

pub fn new_case(number: &str, title: &str) -> NewCase {
    NewCase {
        number: number.into(),
        title: title.into(),
        opened_on: None,
        assigned_investigator: None,
        agency_reports: vec![],
    }
}

/// Every file under `dir`, recursively.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = vec![];
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out
}

/// Names of the checks a verify report failed.
pub fn failed_checks(r: &vigil::case::VerifyReport) -> Vec<String> {
    r.checks
        .iter()
        .filter(|c| !c.ok)
        .map(|c| c.name.clone())
        .collect()
}

/// A small seeded generator (xorshift64*) for the randomised trials.
pub struct Rng(pub u64);

impl Rng {
    /// The seed from `var` (to replay a run), else from the clock; printed.
    pub fn from_env(var: &str, what: &str) -> (Rng, u64) {
        let seed = std::env::var(var)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap()
                    .as_nanos() as u64
                    | 1
            });
        eprintln!("{what} seed {seed} ({var}={seed} replays it)");
        (Rng(seed), seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// A count from the environment (`VIGIL_CRASH_TRIALS` and the like), else `default`.
pub fn count_from_env(var: &str, default: usize) -> usize {
    std::env::var(var)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}
