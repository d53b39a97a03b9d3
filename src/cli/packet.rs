//! `vigil packet …`, `vigil statute …` and `vigil case elements|charge|link`:
//! the prosecutor's packet from the command line.

use clap::Subcommand;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use vigil::packet::*;
use vigil::workspace::UnlockedWorkspace;

/// The case packet.
#[derive(Subcommand)]
pub enum PacketCommand {
    /// Make, sign and write the case packet (PDF).
    Export {
        /// Case number.
        number: String,
        /// Which copy: prosecutor, discovery, supervisor, training.
        #[arg(long, value_parser = crate::parse_word::<PacketProfile>)]
        profile: PacketProfile,
        /// Where to write the PDF.
        #[arg(long)]
        out: PathBuf,
        /// Statutes to show (default: those the case is charged under).
        #[arg(long = "statute")]
        statutes: Vec<String>,
        /// Sections to include (default: all), e.g. --section chronology --section exhibits.
        #[arg(long = "section", value_parser = crate::parse_word::<PacketSection>)]
        sections: Vec<PacketSection>,
        /// Paper: letter or a4 (default: the workspace's setting).
        #[arg(long, value_parser = crate::parse_word::<Paper>)]
        paper: Option<Paper>,
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
    },
    /// Check a packet: signature, whole-document coverage, manifest; and,
    /// when its case is in this workspace, the chain head and exhibit hashes.
    /// Exit code 15 when a check fails.
    Verify {
        /// The PDF.
        file: PathBuf,
        /// Do not unlock the workspace (check the file on its own).
        #[arg(long)]
        no_workspace: bool,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Show or set the packet's own fields (charges sought, custody, safety alert, summary…).
    Info {
        /// Case number.
        number: String,
        /// Charges sought.
        #[arg(long)]
        charges: Option<String>,
        /// The suspect's custody status.
        #[arg(long)]
        custody: Option<String>,
        /// Victim-safety alert for the cover sheet.
        #[arg(long)]
        safety_alert: Option<String>,
        /// One-page summary.
        #[arg(long)]
        summary: Option<String>,
        /// Relationship history.
        #[arg(long)]
        relationship: Option<String>,
        /// Recommended charges, release conditions, order terms.
        #[arg(long)]
        recommendations: Option<String>,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Packets exported from a case, with each file's SHA-256.
    History {
        /// Case number.
        number: String,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// The investigator's signing certificate: subject and fingerprint.
    Signer,
}

/// Statute profiles.
#[derive(Subcommand)]
pub enum StatuteCommand {
    /// Every profile: Vigil's and the agency's.
    List {
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// One profile's elements.
    Show {
        /// Profile id.
        id: String,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Check a profile file (file, line and field named on error).
    Validate {
        /// The TOML file.
        file: PathBuf,
    },
    /// Add an agency profile to the workspace (checked first).
    Use {
        /// The TOML file.
        file: PathBuf,
    },
}

fn read(file: &PathBuf) -> anyhow::Result<(String, String)> {
    let text = std::fs::read_to_string(file).map_err(|e| vigil::Error::Io {
        path: file.clone(),
        source: e,
    })?;
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    Ok((text, name))
}

/// `vigil statute validate` needs no workspace.
pub fn validate_statute(file: &PathBuf) -> anyhow::Result<()> {
    let (text, name) = read(file)?;
    let s = Statute::parse(&text, &name)?;
    eprintln!(
        "{name}: valid ({}, {} element(s))",
        s.label,
        s.elements.len()
    );
    Ok(())
}

/// Runs a statute command.
pub fn statute(ws: &mut UnlockedWorkspace, c: &StatuteCommand) -> anyhow::Result<()> {
    match c {
        StatuteCommand::List { json } => {
            let list = ws.statutes()?;
            if *json {
                crate::print_json(&list)?;
            } else {
                for s in list {
                    outln!("{:<24} {}  ({})", s.id, s.label, s.jurisdiction);
                }
            }
        }
        StatuteCommand::Show { id, json } => {
            let s = ws.statute(id)?;
            if *json {
                crate::print_json(&s)?;
            } else {
                outln!("{} ({}, version {})", s.label, s.id, s.version);
                outln!("  {}", s.summary);
                for e in &s.elements {
                    outln!(
                        "  {}{} [{}]: {}",
                        if e.aggravator { "aggravator " } else { "" },
                        e.label,
                        e.kind.as_str(),
                        e.text
                    );
                }
                for r in &s.references {
                    outln!("  ref: {r}");
                }
            }
        }
        StatuteCommand::Validate { file } => validate_statute(file)?,
        StatuteCommand::Use { file } => {
            let (text, name) = read(file)?;
            let s = ws.use_statute(&text, &name)?;
            eprintln!(
                "Statute profile {} ({}) is available to cases",
                s.id, s.label
            );
        }
    }
    Ok(())
}

/// Prints the matrix and gaps.
pub fn print_matrix(m: &ElementsMatrix) {
    if m.statutes.is_empty() {
        outln!("No statute chosen: use `vigil case charge N --statute ID`.");
    }
    for s in &m.statutes {
        outln!("{}", s.label);
        for r in m.rows.iter().filter(|r| r.statute_id == s.id) {
            outln!(
                "  {:<44} incidents: {:>4}  exhibits: {:>3}{}",
                format!(
                    "{}{}",
                    r.element.label,
                    if r.element.aggravator {
                        " (aggravating)"
                    } else {
                        ""
                    }
                ),
                r.incidents.len(),
                r.exhibits.len(),
                if r.incidents.is_empty() && r.exhibits.is_empty() {
                    "  NOT SUPPORTED"
                } else {
                    ""
                }
            );
        }
    }
    for g in &m.gaps {
        outln!("GAP [{}] {}", g.level.as_str(), g.message);
    }
}

/// Runs a packet command.
pub fn run(ws: Option<&mut UnlockedWorkspace>, c: &PacketCommand) -> anyhow::Result<ExitCode> {
    if let PacketCommand::Verify { file, json, .. } = c {
        let r = match ws {
            Some(ws) => ws.verify_packet(file)?,
            None => {
                let bytes = std::fs::read(file).map_err(|e| vigil::Error::Io {
                    path: file.clone(),
                    source: e,
                })?;
                verify_packet_bytes(&bytes)
            }
        };
        if *json {
            crate::print_json(&r)?;
        } else {
            outln!(
                "{}: {}",
                file.display(),
                if r.ok { "VALID" } else { "FAILED" }
            );
            for k in &r.checks {
                outln!(
                    "  [{}] {}: {}",
                    if k.ok { "ok" } else { "FAIL" },
                    k.name,
                    k.detail
                );
            }
            if let Some(s) = &r.signer {
                outln!("  signer: {}", s.subject);
                outln!("  certificate SHA-256: {}", s.fingerprint);
            }
            if let Some(m) = &r.manifest {
                outln!(
                    "  case {} — {} — exported {} by {}",
                    m.case_number,
                    m.profile.copy_label(),
                    m.exported_at,
                    m.exported_by
                );
            }
        }
        return Ok(if r.ok {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(15)
        });
    }
    let ws = ws.ok_or_else(|| anyhow::anyhow!("this command needs the workspace"))?;
    match c {
        PacketCommand::Export {
            number,
            profile,
            out,
            statutes,
            sections,
            paper,
            force,
        } => {
            if out.exists() && !force {
                return Err(vigil::Error::AlreadyExists {
                    kind: "file",
                    id: out.display().to_string(),
                }
                .into());
            }
            let opts = PacketOptions {
                profile: *profile,
                sections: sections.clone(),
                statutes: statutes.clone(),
                paper: *paper,
            };
            let show = std::io::stderr().is_terminal();
            let mut progress = |p: &PacketProgress| {
                if show {
                    eprint!("\r\x1b[K{:>3}% {}", p.percent, p.stage);
                }
                true
            };
            let r = ws.export_packet(number, &opts, out, &mut progress)?;
            if show {
                eprint!("\r\x1b[K");
            }
            eprintln!(
                "Wrote {} ({} pages, {}) — signed",
                r.path,
                r.pages,
                profile.copy_label()
            );
            outln!("{}  {}", r.sha256, r.path);
        }
        PacketCommand::Info {
            number,
            charges,
            custody,
            safety_alert,
            summary,
            relationship,
            recommendations,
            json,
        } => {
            let mut info = ws.packet_info(number)?;
            let any = [
                charges,
                custody,
                safety_alert,
                summary,
                relationship,
                recommendations,
            ]
            .iter()
            .any(|o| o.is_some());
            if any {
                let set = |f: &mut String, v: &Option<String>| {
                    if let Some(v) = v {
                        *f = v.clone();
                    }
                };
                set(&mut info.charges, charges);
                set(&mut info.custody, custody);
                set(&mut info.safety_alert, safety_alert);
                set(&mut info.summary, summary);
                set(&mut info.relationship, relationship);
                set(&mut info.recommendations, recommendations);
                info = ws.save_packet_info(number, &info)?;
            }
            if *json {
                crate::print_json(&info)?;
            } else if !any {
                outln!("charges:         {}", info.charges);
                outln!("custody:         {}", info.custody);
                outln!("safety alert:    {}", info.safety_alert);
                outln!("summary:         {}", info.summary);
                outln!("relationship:    {}", info.relationship);
                outln!("recommendations: {}", info.recommendations);
            }
        }
        PacketCommand::History { number, json } => {
            let h = ws.packet_history(number)?;
            if *json {
                crate::print_json(&h)?;
            } else if h.is_empty() {
                eprintln!("No packet exported from case {number} yet.");
            } else {
                for e in h {
                    outln!(
                        "{}  {:<11} {:>4} pages  {}  {}  by {}",
                        e.at,
                        e.profile,
                        e.pages,
                        e.sha256,
                        e.file,
                        e.by
                    );
                }
            }
        }
        PacketCommand::Signer => {
            let s = ws.signing_identity()?;
            outln!("{}", s.subject);
            outln!("{}", s.fingerprint);
        }
        PacketCommand::Verify { .. } => {}
    }
    Ok(ExitCode::SUCCESS)
}
