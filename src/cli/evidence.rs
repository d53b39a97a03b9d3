//! `vigil evidence …`: the evidence register from the command line.

use clap::Subcommand;
use std::io::IsTerminal;
use std::path::PathBuf;
use vigil::evidence::*;
use vigil::workspace::UnlockedWorkspace;

fn yes_no(s: &str) -> Result<bool, String> {
    match s {
        "yes" | "y" | "true" => Ok(true),
        "no" | "n" | "false" => Ok(false),
        _ => Err("use yes or no".into()),
    }
}

/// The evidence register.
#[derive(Subcommand)]
pub enum EvidenceCommand {
    /// Add exhibits: each FILE becomes one exhibit, taken into the case file
    /// (encrypted) with its SHA-256; or, with --physical, one physical item.
    Add {
        /// Case number.
        number: String,
        /// Files to attach (one exhibit each).
        files: Vec<PathBuf>,
        /// Kind of exhibit.
        #[arg(long, value_parser = crate::parse_word::<ExhibitKind>)]
        kind: ExhibitKind,
        /// What it is.
        #[arg(long)]
        description: String,
        /// Exhibit number (default: the next in the workspace's format).
        #[arg(long = "exhibit-number")]
        exhibit_number: Option<String>,
        /// A physical item (no file).
        #[arg(long)]
        physical: bool,
        /// Where a physical item is stored.
        #[arg(long, default_value = "")]
        stored_at: String,
        /// Incident it concerns (repeatable).
        #[arg(long = "incident")]
        incidents: Vec<String>,
        /// Person it concerns (repeatable).
        #[arg(long = "person")]
        people: Vec<String>,
        /// Where it came from.
        #[arg(long, default_value = "victim", value_parser = crate::parse_word::<EvidenceSource>)]
        source: EvidenceSource,
        /// Which agency, witness or provider.
        #[arg(long, default_value = "")]
        source_detail: String,
        /// Legal-process record id (provider returns).
        #[arg(long)]
        legal: Option<String>,
        /// Who collected it (default: this workspace's investigator).
        #[arg(long, default_value = "")]
        collected_by: String,
        /// When it was collected ("3/14/2026 9:30 pm", "today").
        #[arg(long, default_value = "")]
        collected: String,
        /// Where it was collected.
        #[arg(long = "where", default_value = "")]
        collected_where: String,
        /// The original exhibit (for a redacted or cropped version).
        #[arg(long)]
        derived_from: Option<String>,
        /// What was done to the original.
        #[arg(long, default_value = "")]
        derivation: String,
        /// Capture checklist: sender's number or handle visible (yes/no).
        #[arg(long, value_parser = yes_no)]
        sender_visible: Option<bool>,
        /// Capture checklist: date and time visible (yes/no).
        #[arg(long, value_parser = yes_no)]
        time_visible: Option<bool>,
        /// Capture checklist: unedited original kept (yes/no).
        #[arg(long, value_parser = yes_no)]
        original_kept: Option<bool>,
        /// Capture checklist: the device it came from.
        #[arg(long, default_value = "")]
        device: String,
        /// Notes.
        #[arg(long, default_value = "")]
        notes: String,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// The register: number, kind, description, SHA-256, size, incidents, custody events.
    List {
        /// Case number.
        number: String,
        /// Only exhibits linked to this incident.
        #[arg(long)]
        incident: Option<String>,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// One exhibit with its file, links, checklist gaps and chain of custody.
    Show {
        /// Case number.
        number: String,
        /// Exhibit number or id.
        exhibit: String,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Record a custody event (the stored file's hash is re-checked and recorded).
    Custody {
        /// Case number.
        number: String,
        /// Exhibit number or id.
        exhibit: String,
        /// Event.
        #[arg(long, value_parser = crate::parse_word::<CustodyKind>)]
        event: CustodyKind,
        /// When ("" = now).
        #[arg(long, default_value = "")]
        at: String,
        /// Who (default: this workspace's investigator).
        #[arg(long = "by", default_value = "")]
        by_whom: String,
        /// From whom or where.
        #[arg(long, default_value = "")]
        from: String,
        /// To whom or where.
        #[arg(long, default_value = "")]
        to: String,
        /// Where it happened.
        #[arg(long, default_value = "")]
        place: String,
        /// Why.
        #[arg(long, default_value = "")]
        purpose: String,
        /// Authority (destruction).
        #[arg(long, default_value = "")]
        authority: String,
        /// Id of the event this one corrects.
        #[arg(long)]
        corrects: Option<String>,
        /// Note.
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Write an exhibit's original file, unencrypted, into a folder; its
    /// SHA-256 equals the one recorded at intake.
    Export {
        /// Case number.
        number: String,
        /// Exhibit number or id.
        exhibit: String,
        /// Folder to write into.
        #[arg(long)]
        out: PathBuf,
    },
    /// Delete an exhibit that has no custody event after intake.
    Delete {
        /// Case number.
        number: String,
        /// Exhibit number or id.
        exhibit: String,
        /// Why (kept in the audit trail).
        #[arg(long)]
        reason: String,
    },
    /// Show or set the workspace's exhibit number format, e.g. "{case}-E{n:03}".
    Format {
        /// New format.
        pattern: Option<String>,
    },
}

fn human_size(n: i64) -> String {
    let n = n as f64;
    match n {
        n if n >= 1e9 => format!("{:.2} GB", n / 1e9),
        n if n >= 1e6 => format!("{:.1} MB", n / 1e6),
        n if n >= 1e3 => format!("{:.1} kB", n / 1e3),
        n => format!("{n} B"),
    }
}

fn print_exhibit(e: &Exhibit) {
    outln!("Exhibit {}: {}", e.number, e.input.description);
    outln!("  kind:          {}", e.input.kind.as_str());
    outln!(
        "  source:        {}{}",
        e.input.source.as_str(),
        if e.input.source_detail.is_empty() {
            String::new()
        } else {
            format!(" ({})", e.input.source_detail)
        }
    );
    if let Some(w) = &e.collected {
        outln!("  collected:     {}", w.display);
    }
    if !e.input.collected_by.is_empty() {
        outln!("  collected by:  {}", e.input.collected_by);
    }
    if e.input.physical {
        outln!("  stored at:     {}", e.input.stored_at);
    }
    if let Some(f) = &e.file {
        outln!(
            "  file:          {} ({}, {})",
            f.name,
            f.media_type,
            human_size(f.size)
        );
        outln!("  sha256:        {}", f.sha256);
    }
    if let Some(o) = &e.input.derived_from {
        outln!("  derived from:  {o} ({})", e.input.derivation);
    }
    if !e.derived.is_empty() {
        outln!("  derived:       {}", e.derived.join(", "));
    }
    outln!("  incidents:     {}", e.input.incident_ids.join(", "));
    for g in &e.gaps {
        outln!("  GAP:           {g}");
    }
    outln!("  custody:");
    for c in &e.custody {
        let hash = match c.hash_check {
            Some(HashCheck::Matched) => " [hash matched]",
            Some(HashCheck::Mismatch) => " [HASH MISMATCH]",
            None => "",
        };
        let mut parts = vec![format!(
            "{:>3}. {} {} by {}",
            c.seq,
            c.at,
            c.kind.as_str(),
            c.by_whom
        )];
        if !c.from.is_empty() {
            parts.push(format!("from {}", c.from));
        }
        if !c.to.is_empty() {
            parts.push(format!("to {}", c.to));
        }
        if !c.purpose.is_empty() {
            parts.push(format!("for {}", c.purpose));
        }
        if !c.authority.is_empty() {
            parts.push(format!("authority {}", c.authority));
        }
        outln!("    {}{hash}", parts.join(", "));
    }
}

/// Runs one `vigil evidence` command.
pub fn run(ws: &mut UnlockedWorkspace, c: &EvidenceCommand) -> anyhow::Result<()> {
    match c {
        EvidenceCommand::Add {
            number,
            files,
            kind,
            description,
            exhibit_number,
            physical,
            stored_at,
            incidents,
            people,
            source,
            source_detail,
            legal,
            collected_by,
            collected,
            collected_where,
            derived_from,
            derivation,
            sender_visible,
            time_visible,
            original_kept,
            device,
            notes,
            json,
        } => {
            if *physical && !files.is_empty() {
                anyhow::bail!(vigil::Error::Validation {
                    field: "file",
                    reason: "a physical item has no attached file; drop --physical or the files"
                        .into()
                });
            }
            if !*physical && files.is_empty() {
                anyhow::bail!(vigil::Error::Validation {
                    field: "file",
                    reason: "name the files to attach, or use --physical".into()
                });
            }
            if exhibit_number.is_some() && files.len() > 1 {
                anyhow::bail!(vigil::Error::Validation {
                    field: "exhibit number",
                    reason: "give --exhibit-number with one file only".into()
                });
            }
            let base = ExhibitInput {
                number: exhibit_number.clone().unwrap_or_default(),
                source: *source,
                source_detail: source_detail.clone(),
                legal_id: legal.clone(),
                collected_by: collected_by.clone(),
                collected: collected.clone(),
                collected_where: collected_where.clone(),
                stored_at: stored_at.clone(),
                physical: *physical,
                incident_ids: incidents.clone(),
                person_ids: people.clone(),
                checklist: CaptureChecklist {
                    sender_visible: *sender_visible,
                    time_visible: *time_visible,
                    original_kept: *original_kept,
                    device: device.clone(),
                },
                notes: notes.clone(),
                derived_from: derived_from.clone(),
                derivation: derivation.clone(),
                ..ExhibitInput::new(*kind, description)
            };
            let show_progress = std::io::stderr().is_terminal();
            let mut added = Vec::new();
            let targets: Vec<Option<&PathBuf>> = if *physical {
                vec![None]
            } else {
                files.iter().map(Some).collect()
            };
            for f in targets {
                let mut input = base.clone();
                if files.len() > 1 {
                    if let Some(f) = f {
                        input.description = format!(
                            "{description} ({})",
                            f.file_name()
                                .map(|n| n.to_string_lossy())
                                .unwrap_or_default()
                        );
                    }
                }
                let mut last = std::time::Instant::now();
                let mut progress = |p: &IngestProgress| {
                    if show_progress && p.total > 0 && last.elapsed().as_millis() > 200 {
                        last = std::time::Instant::now();
                        eprint!("\r{}: {:>3}%", p.file, p.done * 100 / p.total);
                    }
                    true
                };
                let e = ws.add_exhibit(number, &input, f.map(|p| p.as_path()), &mut progress)?;
                if show_progress {
                    eprint!("\r\x1b[K");
                }
                if !*json {
                    match &e.file {
                        Some(file) => eprintln!(
                            "Added exhibit {}: {} ({}) sha256 {}",
                            e.number,
                            file.name,
                            human_size(file.size),
                            file.sha256
                        ),
                        None => eprintln!("Added exhibit {} (physical item)", e.number),
                    }
                    for g in &e.gaps {
                        eprintln!("  capture gap: {g}");
                    }
                }
                added.push(e);
            }
            if *json {
                crate::print_json(&added)?;
            }
        }
        EvidenceCommand::List {
            number,
            incident,
            json,
        } => {
            let list = ws.list_exhibits(number, incident.as_deref())?;
            if *json {
                crate::print_json(&list)?;
            } else if list.is_empty() {
                eprintln!("No exhibits yet. Add one with `vigil evidence add {number} FILE --kind K --description D`.");
            } else {
                for e in list {
                    outln!(
                        "{:<18} {:<16} {:>9}  {}  incidents:{} custody:{}{}  {}",
                        e.number,
                        e.kind.as_str(),
                        e.size.map(human_size).unwrap_or_else(|| "physical".into()),
                        e.sha256.as_deref().unwrap_or("-"),
                        e.incident_ids.len(),
                        e.custody_count,
                        if e.gap_count > 0 {
                            format!(" gaps:{}", e.gap_count)
                        } else {
                            String::new()
                        },
                        e.description
                    );
                }
            }
        }
        EvidenceCommand::Show {
            number,
            exhibit,
            json,
        } => {
            let e = ws.get_exhibit(number, exhibit)?;
            if *json {
                crate::print_json(&e)?;
            } else {
                print_exhibit(&e);
            }
        }
        EvidenceCommand::Custody {
            number,
            exhibit,
            event,
            at,
            by_whom,
            from,
            to,
            place,
            purpose,
            authority,
            corrects,
            note,
        } => {
            let input = CustodyInput {
                at: at.clone(),
                by_whom: by_whom.clone(),
                from: from.clone(),
                to: to.clone(),
                place: place.clone(),
                purpose: purpose.clone(),
                authority: authority.clone(),
                corrects: corrects.clone(),
                note: note.clone(),
                ..CustodyInput::new(*event)
            };
            let e = ws.record_custody(number, exhibit, &input)?;
            if let Some(last) = e.custody.last() {
                let check = match last.hash_check {
                    Some(HashCheck::Matched) => "; stored file re-hashed: matched",
                    Some(HashCheck::Mismatch) => {
                        "; stored file re-hashed: MISMATCH (run `vigil case verify`)"
                    }
                    None => "",
                };
                eprintln!(
                    "Recorded {} of {} (event {}){check}",
                    last.kind.as_str(),
                    e.number,
                    last.seq
                );
            }
        }
        EvidenceCommand::Export {
            number,
            exhibit,
            out,
        } => {
            let r = ws.export_exhibit(number, exhibit, out)?;
            eprintln!(
                "Exported {} to {} (unencrypted copy; keep it safe)",
                r.number, r.path
            );
            outln!("{}  {}", r.sha256, r.path);
        }
        EvidenceCommand::Delete {
            number,
            exhibit,
            reason,
        } => {
            ws.delete_exhibit(number, exhibit, reason)?;
            eprintln!("Deleted exhibit {exhibit}; the reason is kept in the audit trail");
        }
        EvidenceCommand::Format { pattern } => match pattern {
            Some(p) => {
                let p = ws.set_exhibit_number_format(p)?;
                eprintln!("Exhibit numbers now follow {p}");
            }
            None => outln!("{}", ws.exhibit_number_format()?),
        },
    }
    Ok(())
}
