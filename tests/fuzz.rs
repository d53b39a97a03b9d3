//! The fuzz targets on the stable toolchain: every file of the seed corpus
//! (`fuzz/corpus/<target>/`) and every crash the fuzzer ever found
//! (`fuzz/regressions/<target>/`) is replayed, then seeded random mutations
//! of each seed (flips, truncations, insertions, spliced lines) are run.
//! A panic is a failure; the seed is printed so a run can be replayed.
//! Coverage-guided runs: `make fuzz` (cargo fuzz, nightly).

use crate::support::*;
use std::path::{Path, PathBuf};
use std::time::Instant;

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|r| r.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    out.sort();
    out
}

fn mutate(rng: &mut Rng, seed: &[u8], others: &[Vec<u8>]) -> Vec<u8> {
    let mut b = seed.to_vec();
    for _ in 0..1 + rng.below(4) {
        match rng.below(6) {
            0 if !b.is_empty() => {
                let i = rng.below(b.len());
                b[i] ^= 1 << rng.below(8);
            }
            1 if !b.is_empty() => {
                let n = rng.below(b.len());
                b.truncate(n);
            }
            2 => {
                let i = rng.below(b.len() + 1);
                let junk: &[&[u8]] = &[
                    b"\"",
                    b"\n",
                    b"=",
                    b"[[",
                    b"]]",
                    b",",
                    b"\0",
                    b"\xff\xfe",
                    b"{",
                    b"}",
                    b"9999999999999999999",
                    "é".as_bytes(),
                    b"\r\n",
                    b"#",
                ];
                let j = junk[rng.below(junk.len())];
                b.splice(i..i, j.iter().copied());
            }
            3 if !b.is_empty() => {
                // Delete a run.
                let i = rng.below(b.len());
                let n = rng.below(64).min(b.len() - i);
                b.drain(i..i + n);
            }
            4 if !others.is_empty() => {
                // Splice a piece of another seed in.
                let o = &others[rng.below(others.len())];
                if !o.is_empty() {
                    let a = rng.below(o.len());
                    let n = rng.below(256).min(o.len() - a);
                    let i = rng.below(b.len() + 1);
                    b.splice(i..i, o[a..a + n].iter().copied());
                }
            }
            _ if b.len() > 1 => {
                // Duplicate a run (repeated lines, doubled tables).
                let i = rng.below(b.len());
                let n = rng.below(128).min(b.len() - i);
                let piece = b[i..i + n].to_vec();
                b.splice(i..i, piece);
            }
            _ => b.push(rng.below(256) as u8),
        }
    }
    b
}

#[test]
fn every_parser_survives_its_corpus_its_regressions_and_mutations() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let per_seed = count_from_env("VIGIL_FUZZ_MUTATIONS", 300);
    let (mut rng, seed) = Rng::from_env("VIGIL_FUZZ_SEED", "fuzz mutations");
    let mut table = Vec::new();
    for (name, target) in vigil::fuzzing::TARGETS {
        let seeds: Vec<Vec<u8>> = files(&root.join("corpus").join(name))
            .iter()
            .map(|p| std::fs::read(p).unwrap())
            .collect();
        assert!(!seeds.is_empty(), "no seed corpus for {name}");
        let regressions = files(&root.join("regressions").join(name));
        let started = Instant::now();
        let mut runs = 0usize;
        for s in &seeds {
            target(s);
            runs += 1;
        }
        for p in &regressions {
            target(&std::fs::read(p).unwrap());
            runs += 1;
        }
        for s in &seeds {
            for _ in 0..per_seed {
                let m = mutate(&mut rng, s, &seeds);
                let r = std::panic::catch_unwind(|| target(&m));
                if r.is_err() {
                    let out = std::env::temp_dir().join(format!("vigil-fuzz-{name}-{seed}.bin"));
                    std::fs::write(&out, &m).unwrap();
                    panic!(
                        "{name} panicked on a mutation (seed {seed}); input saved to {}",
                        out.display()
                    );
                }
                runs += 1;
            }
        }
        table.push(format!(
            "{name:<18} {runs:>6} inputs ({} seeds, {} regressions) in {:.1} s",
            seeds.len(),
            regressions.len(),
            started.elapsed().as_secs_f64()
        ));
    }
    eprintln!("fuzz corpus replay, seed {seed}:\n{}", table.join("\n"));
}
