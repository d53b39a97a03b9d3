//! `vigil dev writer`: a writer that never stops, for crash trials.
//!
//! It performs real writes and prints one line per write **after it
//! committed**; a harness kills it at random moments and checks that every
//! acknowledged write is there. The mix of writes:
//! - `writes`: one incident (`ack incident ID`), a bulk import of 50
//!   (`ack bulk ID,ID,…`), an exhibit with its file (`ack exhibit NUMBER
//!   SHA256`), a case-header edit (`ack title TITLE`), at random;
//! - `packet`: an incident, then a signed packet exported to the scratch
//!   folder (`ack packet FILE SHA256`), over and over;
//! - `rotate`: an incident, then a passphrase change with a new workspace
//!   key (`ack rotate N`, N rotations so far; the current and the new
//!   passphrase swap after each);
//! - `migrate`: the unlock (which migrates an old workspace; `ack unlocked`),
//!   the case's opening (which migrates an old case file; `ack migrated`),
//!   then incidents.

use anyhow::Context;
use std::io::Write;
use std::path::Path;
use vigil::case::CaseHeaderPatch;
use vigil::evidence::{ExhibitInput, ExhibitKind, IngestProgress};
use vigil::incident::IncidentInput;
use vigil::packet::{PacketOptions, PacketProfile};
use vigil::secret::Passphrase;
use vigil::workspace::UnlockedWorkspace;

/// What a crash-trial writer writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Mix {
    /// Incidents, bulk imports, exhibits and header edits.
    Writes,
    /// Incidents and packet exports.
    Packet,
    /// Incidents and passphrase changes with key rotation.
    Rotate,
    /// An old workspace's migration, then incidents.
    Migrate,
}

/// The passphrases a `rotate` writer swaps between.
pub struct Rotation {
    /// The passphrase the workspace has now.
    pub current: Passphrase,
    /// The one the next rotation sets.
    pub next: Passphrase,
}

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

fn one_incident(ws: &mut UnlockedWorkspace, number: &str, n: u64) -> anyhow::Result<()> {
    let i = ws.add_incident(
        number,
        &IncidentInput::quick(
            "3/14/2026 9:30 pm",
            "calls",
            &format!("crash-trial write {n}"),
        ),
    )?;
    ack(&format!("ack incident {}", i.id))
}

/// Writes until killed. `scratch` holds the exhibit files and packets it
/// makes; `rotation` is needed by the `rotate` mix.
pub fn writer(
    ws: &mut UnlockedWorkspace,
    number: &str,
    seed: u64,
    scratch: &Path,
    mix: Mix,
    rotation: Option<Rotation>,
) -> anyhow::Result<()> {
    std::fs::create_dir_all(scratch).with_context(|| format!("creating {}", scratch.display()))?;
    match mix {
        Mix::Writes => mixed_writes(ws, number, seed, scratch),
        Mix::Packet => {
            for n in 0u64.. {
                one_incident(ws, number, n)?;
                let out = scratch.join(format!("packet-{seed}-{n}.pdf"));
                let mut go = |_: &vigil::packet::PacketProgress| true;
                let r = ws.export_packet(
                    number,
                    &PacketOptions::new(PacketProfile::Prosecutor),
                    &out,
                    &mut go,
                )?;
                let name = out.file_name().unwrap_or_default().to_string_lossy();
                ack(&format!("ack packet {name} {}", r.sha256))?;
            }
            Ok(())
        }
        Mix::Rotate => {
            let mut r =
                rotation.context("the rotate mix needs the current and the new passphrase")?;
            for n in 1u64.. {
                one_incident(ws, number, n)?;
                ws.rotate_key(Some(&r.current), &r.next, vigil::crypto::KdfParams::MINIMUM)?;
                std::mem::swap(&mut r.current, &mut r.next);
                ack(&format!("ack rotate {n}"))?;
            }
            Ok(())
        }
        Mix::Migrate => {
            ack("ack unlocked")?;
            ws.open_case(number)?;
            ack("ack migrated")?;
            for n in 0u64.. {
                one_incident(ws, number, n)?;
            }
            Ok(())
        }
    }
}

fn mixed_writes(
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
    let cats: Vec<String> = ws
        .taxonomy()
        .categories
        .iter()
        .map(|c| c.id.clone())
        .collect();
    let cats: Vec<&str> = cats.iter().map(String::as_str).collect();
    for n in 0u64.. {
        match rnd() % 4 {
            0 => one_incident(ws, number, n)?,
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
