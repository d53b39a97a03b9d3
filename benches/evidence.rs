//! `cargo bench --bench evidence` (part of `make bench`): ingest throughput
//! of attachments (read + SHA-256 + SQLCipher encryption + durable commit)
//! against a stock `sha256sum` of the same file in the same run, peak memory
//! during a 1 GiB ingest, and the re-hash and export rates.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use std::io::Write;
use std::path::Path;
use std::process::Command;
use std::time::Instant;
use vigil::case::NewCase;
use vigil::crypto::KdfParams;
use vigil::evidence::{ExhibitInput, ExhibitKind};
use vigil::secret::Passphrase;
use vigil::workspace::{self, Profile};

const MIB: u64 = 1024 * 1024;

/// Writes `size` bytes of pseudo-random data (incompressible, like video).
fn make_file(path: &Path, size: u64) {
    let mut f = std::io::BufWriter::with_capacity(4 << 20, std::fs::File::create(path).unwrap());
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut buf = vec![0u8; MIB as usize];
    for _ in 0..size / MIB {
        for c in buf.chunks_exact_mut(8) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            c.copy_from_slice(&x.to_le_bytes());
        }
        f.write_all(&buf).unwrap();
    }
    f.flush().unwrap();
}

/// Peak resident memory of this process since the last reset (Linux).
fn peak_rss_mib() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn reset_peak_rss() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn rate(bytes: u64, secs: f64) -> String {
    format!("{:>7.1} MB/s", bytes as f64 / 1e6 / secs)
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
    let (mut ws, _) = workspace::create(&dir, &pass, Some(&profile), KdfParams::MINIMUM).unwrap();
    ws.create_case(&NewCase {
        number: "B-1".into(),
        title: "bench".into(),
        opened_on: None,
        assigned_investigator: None,
        agency_reports: vec![],
    })
    .unwrap();

    println!("Vigil evidence benchmark (release build; files of pseudo-random bytes)");
    println!("  size      sha256sum       ingest (hash+encrypt+commit)  peak RSS during ingest");
    for size in [100 * MIB, 1024 * MIB] {
        let file = tmp.path().join(format!("evidence-{}.bin", size / MIB));
        make_file(&file, size);
        // Warm the page cache the same way for both readers.
        let t = Instant::now();
        let out = Command::new("sha256sum").arg(&file).output().unwrap();
        let sum_secs = t.elapsed().as_secs_f64();
        let stock = String::from_utf8_lossy(&out.stdout)
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_string();
        let t = Instant::now();
        Command::new("sha256sum").arg(&file).output().unwrap();
        let sum_secs = sum_secs.min(t.elapsed().as_secs_f64());

        reset_peak_rss();
        let before = peak_rss_mib().unwrap_or(0.0);
        let t = Instant::now();
        let e = ws
            .add_exhibit(
                "B-1",
                &ExhibitInput::new(ExhibitKind::Video, "bench"),
                Some(&file),
                &mut |_| true,
            )
            .unwrap();
        let ingest_secs = t.elapsed().as_secs_f64();
        let peak = peak_rss_mib().unwrap_or(0.0);
        assert_eq!(
            e.file.as_ref().unwrap().sha256,
            stock,
            "hash agrees with sha256sum"
        );
        println!(
            "  {:>5} MiB  {}  {}  ({:.2} s)         {:.0} MiB (before: {:.0} MiB)",
            size / MIB,
            rate(size, sum_secs),
            rate(size, ingest_secs),
            ingest_secs,
            peak,
            before
        );
        if size == 1024 * MIB {
            let t = Instant::now();
            let r = ws.verify_case("B-1").unwrap();
            assert!(r.ok);
            let secs = t.elapsed().as_secs_f64();
            println!(
                "  verify (re-hash of every attachment, {} MiB): {} ({secs:.2} s)",
                (100 + 1024),
                rate(size + 100 * MIB, secs)
            );
            let out_dir = tmp.path().join("export");
            std::fs::create_dir(&out_dir).unwrap();
            let t = Instant::now();
            ws.export_exhibit("B-1", &e.id, &out_dir).unwrap();
            let secs = t.elapsed().as_secs_f64();
            println!(
                "  export of the 1 GiB original (hash-checked, fsynced): {} ({secs:.2} s)",
                rate(size, secs)
            );
        }
        std::fs::remove_file(&file).unwrap();
    }
}
