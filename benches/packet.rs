//! `cargo bench --bench packet` (part of `make bench`): the case packet.
//!
//! - the chronology of 9,000 incidents with wrapped narratives: time and
//!   peak memory of the whole export (read, lay out, draw, sign, write);
//! - the same rows typeset by Typst (PyPI `typst`), when installed, and the ratio;
//! - 1,000 incidents and 200 photo exhibits: time and file size.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use std::process::Command;
use std::time::Instant;
use vigil::case::NewCase;
use vigil::crypto::KdfParams;
use vigil::evidence::{ExhibitInput, ExhibitKind};
use vigil::packet::{PacketOptions, PacketProfile, PacketSection};
use vigil::secret::Passphrase;
use vigil::workspace::{self, Profile, UnlockedWorkspace};

fn peak_rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map(|kb| kb / 1024.0)
        .unwrap_or(0.0)
}

fn seed(ws: &mut UnlockedWorkspace, number: &str, n: usize) {
    ws.create_case(&NewCase {
        number: number.into(),
        title: format!("Benchmark case of {n} incidents"),
        opened_on: None,
        assigned_investigator: None,
        agency_reports: vec![],
    })
    .unwrap();
    let cats: Vec<String> = ws
        .taxonomy()
        .categories
        .iter()
        .map(|c| c.id.clone())
        .collect();
    let cats: Vec<&str> = cats.iter().map(String::as_str).collect();
    for chunk in vigil::seed::incidents(n, &cats, 7).chunks(5_000) {
        ws.add_incidents_bulk(number, chunk).unwrap();
    }
    ws.set_case_statutes(number, &["us-ca-pc-646.9".into()])
        .unwrap();
}

fn typst_figures(
    rows: &[(String, String, String)],
    dir: &std::path::Path,
) -> Option<(f64, f64, usize)> {
    let has = Command::new("python3")
        .args(["-c", "import typst"])
        .output()
        .ok()?
        .status
        .success();
    if !has {
        return None;
    }
    let esc = |s: &str| s.replace('\\', "\\\\").replace('"', "\\\"");
    let mut src = String::from("#set page(paper: \"us-letter\", margin: 0.75in)\n#set text(size: 8pt)\n= Chronology\n#table(columns: (1.2fr, 1fr, 4fr), table.header[*When*][*Category*][*What happened*],\n");
    // Cells as Typst string literals: nothing in them is markup.
    for (w, c, n) in rows {
        src.push_str(&format!(
            "\"{}\", \"{}\", \"{}\",\n",
            esc(w),
            esc(c),
            esc(n)
        ));
    }
    src.push_str(")\n");
    let file = dir.join("chronology.typ");
    std::fs::write(&file, src).unwrap();
    let out = Command::new("/usr/bin/time")
        .args([
            "-f",
            "%e %M",
            "python3",
            "-c",
            &format!(
                "import typst; typst.compile({:?}, output={:?})",
                file.display().to_string(),
                dir.join("t.pdf").display().to_string()
            ),
        ])
        .output()
        .ok()?;
    let err = String::from_utf8_lossy(&out.stderr);
    let last = err.lines().last()?;
    let mut it = last.split_whitespace();
    let secs: f64 = it.next()?.parse().ok()?;
    let kb: f64 = it.next()?.parse().ok()?;
    let pages = Command::new("pdfinfo")
        .arg(dir.join("t.pdf"))
        .output()
        .ok()
        .and_then(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .find_map(|l| l.strip_prefix("Pages:").and_then(|p| p.trim().parse().ok()))
        })?;
    Some((secs, kb / 1024.0, pages))
}

fn main() {
    let tmp = tempfile::tempdir().unwrap();
    let profile = Profile {
        name: "Bench".into(),
        badge: "1".into(),
        unit: "U".into(),
        agency: "A".into(),
    };
    let pass = Passphrase::new("Lantern river 7 copper".into());
    let (mut ws, _) = workspace::create(
        &tmp.path().join("ws"),
        &pass,
        Some(&profile),
        KdfParams::MINIMUM,
    )
    .unwrap();
    println!("Vigil packet benchmark (release build)");
    seed(&mut ws, "B-9000", 9_000);
    ws.signing_identity().unwrap();
    let chrono_only = PacketOptions {
        sections: vec![PacketSection::Chronology],
        ..PacketOptions::new(PacketProfile::Prosecutor)
    };
    let full = PacketOptions::new(PacketProfile::Prosecutor);
    for (label, opts) in [("chronology only", &chrono_only), ("every section", &full)] {
        let mut times = Vec::new();
        let mut peak = 0.0f64;
        let mut report = None;
        for round in 0..3 {
            let _ = std::fs::write("/proc/self/clear_refs", "5");
            let t = Instant::now();
            let out = tmp.path().join(format!("p{round}.pdf"));
            let job = ws.packet_job("B-9000", opts).unwrap();
            let read = t.elapsed().as_secs_f64();
            let packet = job.render(&mut |_| true).unwrap();
            let made = t.elapsed().as_secs_f64();
            let r = ws.record_packet("B-9000", &packet, &out).unwrap();
            times.push(t.elapsed().as_secs_f64());
            if round == 0 {
                println!("    (round 1: read the case {read:.2} s, lay out + draw + sign {:.2} s, write {:.2} s)", made - read, times[0] - made);
            }
            peak = peak.max(peak_rss_mib());
            report = Some(r);
        }
        times.sort_by(|a, b| a.total_cmp(b));
        let r = report.unwrap();
        println!(
            "  9,000 incidents, {label}: {:.2} s (median of 3), {} pages, {:.1} MB, peak RSS {:.0} MiB",
            times[1],
            r.pages,
            r.bytes as f64 / 1e6,
            peak
        );
        if label == "chronology only" {
            let incidents: Vec<(String, String, String)> = (0..9_000)
                .map(|k| (format!("2025-01-{:02} 10:00", 1 + k % 28), "Texts and messages".into(), format!("Synthetic incident {k}: contact reported by the victim, details recorded for load testing. Suspect's words: I know where you are")))
                .collect();
            match typst_figures(&incidents, tmp.path()) {
                Some((secs, mib, pages)) => println!(
                    "  Typst 0.15 (PyPI typst), same 9,000 rows: {secs:.2} s, {pages} pages, peak RSS {mib:.0} MiB — Vigil is {:.1}x faster, {:.1}x less memory",
                    secs / times[1],
                    mib / peak.max(1.0)
                ),
                None => println!("  Typst comparison skipped: `pip install typst` and /usr/bin/time are needed"),
            }
        }
    }

    // 1,000 incidents and 200 photo exhibits.
    seed(&mut ws, "B-1000", 1_000);
    let mut x: u32 = 7;
    for k in 0..200 {
        let img = image::RgbImage::from_fn(1600, 1200, |i, j| {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            image::Rgb([
                (i / 7 + k) as u8,
                (j / 5) as u8,
                ((x >> 16) & 0x3f) as u8 + 90,
            ])
        });
        let path = tmp.path().join(format!("photo{k}.jpg"));
        img.save_with_format(&path, image::ImageFormat::Jpeg)
            .unwrap();
        ws.add_exhibit(
            "B-1000",
            &ExhibitInput::new(ExhibitKind::Photo, &format!("Photo {k}")),
            Some(&path),
            &mut |_| true,
        )
        .unwrap();
        std::fs::remove_file(&path).unwrap();
    }
    let mut times = Vec::new();
    let mut report = None;
    for round in 0..3 {
        let t = Instant::now();
        let r = ws
            .export_packet(
                "B-1000",
                &full,
                &tmp.path().join(format!("photos{round}.pdf")),
                &mut |_| true,
            )
            .unwrap();
        times.push(t.elapsed().as_secs_f64());
        report = Some(r);
    }
    times.sort_by(|a, b| a.total_cmp(b));
    let r = report.unwrap();
    println!(
        "  1,000 incidents + 200 photo exhibits (1600x1200 JPEG), every section: {:.2} s (median of 3), {} pages, {:.1} MB",
        times[1],
        r.pages,
        r.bytes as f64 / 1e6
    );
}
