//! `vigil dev writer`: a writer that never stops, for crash trials.
//!
//! It performs a random mix of real writes (one incident, a bulk import of
//! 50, an exhibit with its file, a case-header edit) and prints one line per
//! write **after it committed**: `ack incident ID`, `ack bulk ID,ID,…`,
//! `ack exhibit NUMBER SHA256`, `ack title TITLE`. A harness kills it at
//! random moments and checks that every acknowledged write is there.

use anyhow::Context;
use std::io::Write;
use std::path::Path;
use vigil::case::CaseHeaderPatch;
use vigil::evidence::{ExhibitInput, ExhibitKind, IngestProgress};
use vigil::incident::IncidentInput;
use vigil::workspace::UnlockedWorkspace;

fn ack(line: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{line}")?;
    out.flush()?;
    Ok(())
}

/// Every category id of the workspace's taxonomy (synthetic incidents cycle through them).
pub fn category_ids(ws: &UnlockedWorkspace) -> Vec<String> {
    ws.taxonomy()
        .categories
        .iter()
        .map(|c| c.id.clone())
        .collect()
}

/// Writes until killed. `scratch` holds the exhibit files it makes.
pub fn writer(
    ws: &mut UnlockedWorkspace,
    number: &str,
    seed: u64,
    scratch: &Path,
) -> anyhow::Result<()> {
    let mut x = seed | 1;
    let mut rnd = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    std::fs::create_dir_all(scratch).with_context(|| format!("creating {}", scratch.display()))?;
    let cats: Vec<String> = ws
        .taxonomy()
        .categories
        .iter()
        .map(|c| c.id.clone())
        .collect();
    let cats: Vec<&str> = cats.iter().map(String::as_str).collect();
    for n in 0u64.. {
        match rnd() % 4 {
            0 => {
                let i = ws.add_incident(
                    number,
                    &IncidentInput::quick(
                        "3/14/2026 9:30 pm",
                        "calls",
                        &format!("crash-trial write {n}"),
                    ),
                )?;
                ack(&format!("ack incident {}", i.id))?;
            }
            1 => {
                let ids =
                    ws.add_incidents_bulk(number, &vigil::seed::incidents(50, &cats, rnd()))?;
                ack(&format!("ack bulk {}", ids.join(",")))?;
            }
            2 => {
                let size = (rnd() % 262_144) as usize + 1;
                let mut bytes = vec![0u8; size];
                for b in bytes.iter_mut() {
                    *b = rnd() as u8;
                }
                let file = scratch.join(format!("exhibit-{seed}-{n}.bin"));
                std::fs::write(&file, &bytes)?;
                let mut go = |_: &IngestProgress| true;
                let e = ws.add_exhibit(
                    number,
                    &ExhibitInput::new(ExhibitKind::Other, "crash-trial file"),
                    Some(&file),
                    &mut go,
                )?;
                let _ = std::fs::remove_file(&file);
                ack(&format!(
                    "ack exhibit {} {}",
                    e.number,
                    e.file.map(|f| f.sha256).unwrap_or_default()
                ))?;
            }
            _ => {
                let h = ws.case_detail(number)?.header;
                let title = format!("crash-trial title {n}-{}", rnd() % 1000);
                ws.update_case(
                    number,
                    &CaseHeaderPatch {
                        title: title.clone(),
                        opened_on: h.opened_on,
                        assigned_investigator: h.assigned_investigator,
                        agency_reports: h.agency_reports,
                    },
                )?;
                ack(&format!("ack title {title}"))?;
            }
        }
    }
    Ok(())
}
