//! `vigil`: the command-line face of the core, for scripts, supervisors and tests.
//!
//! Argument parsing and printing only; every action is a library call.

use anyhow::Context;
use clap::{Args, Parser, Subcommand};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use vigil::case::{AgencyReport, CaseHeaderPatch, HandoverMode, NewCase};
use vigil::crypto::KdfParams;
use vigil::secret::{Passphrase, RecoveryKey};
use vigil::workspace::{self, Credential, Profile, UnlockedWorkspace};

/// Vigil: encrypted case files for stalking investigations.
///
/// Passphrases are read from --passphrase-file, else $VIGIL_PASSPHRASE, else
/// asked for without echo. Exit codes: 0 ok, 1 unexpected error, 2 bad usage,
/// 3 wrong passphrase or recovery key, 4 wrong key or not a case file,
/// 5 not a Vigil file, 6 newer format, 7 damaged file, 8 disk full or
/// read-only, 9 in use by another process, 10 too many attempts (wait),
/// 11 no workspace / workspace exists, 12 invalid input, 13 not found /
/// already exists, 14 read-only case, 15 integrity check failed.
#[derive(Parser)]
#[command(name = "vigil", version, about, long_about)]
struct Cli {
    /// Workspace folder [default: the platform's data folder].
    #[arg(long, global = true, env = "VIGIL_WORKSPACE", value_name = "DIR")]
    workspace: Option<PathBuf>,
    /// Read the workspace passphrase from this file (first line).
    #[arg(long, global = true, value_name = "FILE")]
    passphrase_file: Option<PathBuf>,
    /// Unlock with the recovery key in this file instead of the passphrase
    /// (or set $VIGIL_RECOVERY_KEY).
    #[arg(long, global = true, value_name = "FILE")]
    recovery_key_file: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create a workspace and print its recovery key (once).
    Init(InitArgs),
    /// Work with cases.
    #[command(subcommand)]
    Case(CaseCommand),
    /// Change the workspace passphrase (rewraps one key; case files are not touched).
    #[command(subcommand)]
    Passphrase(PassphraseCommand),
}

#[derive(Args)]
struct InitArgs {
    /// Investigator's full name.
    #[arg(long)]
    name: Option<String>,
    /// Badge or ID number.
    #[arg(long)]
    badge: Option<String>,
    /// Unit.
    #[arg(long)]
    unit: Option<String>,
    /// Agency.
    #[arg(long)]
    agency: Option<String>,
    /// Target unlock time in milliseconds; Argon2id (64 MiB) is tuned to it on this machine.
    #[arg(long, default_value_t = 500, value_parser = clap::value_parser!(u64).range(50..=10_000))]
    unlock_ms: u64,
}

#[derive(Subcommand)]
enum CaseCommand {
    /// Create a case.
    New {
        /// Case number (names the file).
        #[arg(long)]
        number: String,
        /// Title.
        #[arg(long)]
        title: String,
        /// Opening date, YYYY-MM-DD [default: today].
        #[arg(long)]
        opened_on: Option<chrono::NaiveDate>,
        /// Assigned investigator [default: the workspace's investigator].
        #[arg(long)]
        investigator: Option<String>,
        /// Another agency's report number, as AGENCY=NUMBER (repeatable).
        #[arg(long = "report", value_name = "AGENCY=NUMBER", value_parser = parse_report)]
        reports: Vec<AgencyReport>,
    },
    /// List cases.
    List {
        /// JSON output (an array of case summaries).
        #[arg(long)]
        json: bool,
    },
    /// Show a case's header (recorded as an opening in its audit trail).
    Show {
        /// Case number.
        number: String,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Edit a case's header.
    Edit {
        /// Case number.
        number: String,
        /// New title.
        #[arg(long)]
        title: Option<String>,
        /// New opening date.
        #[arg(long)]
        opened_on: Option<chrono::NaiveDate>,
        /// New assigned investigator.
        #[arg(long)]
        investigator: Option<String>,
    },
    /// Check a case file's integrity; exit code 15 if any check fails.
    Verify {
        /// Case number.
        number: String,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Write a self-contained handover copy protected by a handover passphrase
    /// (--handover-passphrase-file, else $VIGIL_HANDOVER_PASSPHRASE, else asked).
    Seal {
        /// Case number.
        number: String,
        /// Output file.
        #[arg(long)]
        out: PathBuf,
        /// Make a supervisor's review copy, which opens read-only.
        #[arg(long)]
        review: bool,
        /// Replace an existing output file.
        #[arg(long)]
        force: bool,
        /// Read the handover passphrase from this file.
        #[arg(long, value_name = "FILE")]
        handover_passphrase_file: Option<PathBuf>,
    },
    /// Take a sealed handover file into this workspace.
    Receive {
        /// The handover file.
        file: PathBuf,
        /// Read the handover passphrase from this file.
        #[arg(long, value_name = "FILE")]
        handover_passphrase_file: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum PassphraseCommand {
    /// Change the passphrase. The new one comes from --new-passphrase-file,
    /// else $VIGIL_NEW_PASSPHRASE, else is asked for twice.
    Change {
        /// Read the new passphrase from this file.
        #[arg(long, value_name = "FILE")]
        new_passphrase_file: Option<PathBuf>,
        /// Target unlock time in milliseconds for the new passphrase.
        #[arg(long, default_value_t = 500, value_parser = clap::value_parser!(u64).range(50..=10_000))]
        unlock_ms: u64,
    },
}

fn parse_report(s: &str) -> Result<AgencyReport, String> {
    let (agency, number) = s.split_once('=').ok_or("expected AGENCY=NUMBER")?;
    Ok(AgencyReport {
        agency: agency.trim().to_string(),
        number: number.trim().to_string(),
    })
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            let code = e
                .downcast_ref::<vigil::Error>()
                .map(|v| v.exit_code())
                .unwrap_or(1);
            eprintln!("vigil: {e:#}");
            ExitCode::from(code)
        }
    }
}

/// A secret from a file (first line), else an environment variable, else a
/// no-echo prompt (asked twice when `confirm`).
fn secret(
    file: Option<&Path>,
    env: &str,
    prompt: &str,
    confirm: bool,
) -> anyhow::Result<Passphrase> {
    if let Some(f) = file {
        let text =
            std::fs::read_to_string(f).with_context(|| format!("reading {}", f.display()))?;
        let line = text.lines().next().unwrap_or_default().to_string();
        drop(zeroize::Zeroizing::new(text));
        return Ok(Passphrase::new(line));
    }
    if let Ok(v) = std::env::var(env) {
        return Ok(Passphrase::new(v));
    }
    if !std::io::stdin().is_terminal() {
        anyhow::bail!("no passphrase given: use a passphrase file option or set ${env}");
    }
    let first = rpassword::prompt_password(prompt)?;
    if confirm {
        let second = zeroize::Zeroizing::new(rpassword::prompt_password("Repeat to confirm: ")?);
        if first != *second {
            drop(zeroize::Zeroizing::new(first));
            anyhow::bail!("the two entries differ; nothing was changed");
        }
    }
    Ok(Passphrase::new(first))
}

fn unlock(cli: &Cli, dir: &Path) -> anyhow::Result<UnlockedWorkspace> {
    let recovery_text = match (&cli.recovery_key_file, std::env::var("VIGIL_RECOVERY_KEY")) {
        (Some(f), _) => Some(zeroize::Zeroizing::new(
            std::fs::read_to_string(f).with_context(|| format!("reading {}", f.display()))?,
        )),
        (None, Ok(v)) => Some(zeroize::Zeroizing::new(v)),
        (None, Err(_)) => None,
    };
    let (ws, report) = match recovery_text {
        Some(text) => {
            let rk = RecoveryKey::parse(&text)?;
            workspace::unlock(dir, Credential::RecoveryKey(&rk))?
        }
        None => {
            if !workspace::exists(dir) {
                return Err(vigil::Error::NoWorkspace {
                    dir: dir.to_path_buf(),
                }
                .into());
            }
            let p = secret(
                cli.passphrase_file.as_deref(),
                "VIGIL_PASSPHRASE",
                "Workspace passphrase: ",
                false,
            )?;
            workspace::unlock(dir, Credential::Passphrase(&p))?
        }
    };
    if report.failed_attempts > 0 {
        eprintln!(
            "vigil: warning: {} failed unlock attempt(s) since {} (last at {})",
            report.failed_attempts,
            report.first_failed_at.as_deref().unwrap_or("?"),
            report.last_failed_at.as_deref().unwrap_or("?"),
        );
    }
    Ok(ws)
}

fn print_json<T: serde::Serialize>(v: &T) -> anyhow::Result<()> {
    println!("{}", serde_json::to_string_pretty(v)?);
    Ok(())
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let dir = match &cli.workspace {
        Some(d) => d.clone(),
        None => workspace::default_dir()?,
    };
    match &cli.command {
        Command::Init(a) => {
            let any =
                a.name.is_some() || a.badge.is_some() || a.unit.is_some() || a.agency.is_some();
            let profile = any.then(|| Profile {
                name: a.name.clone().unwrap_or_default(),
                badge: a.badge.clone().unwrap_or_default(),
                unit: a.unit.clone().unwrap_or_default(),
                agency: a.agency.clone().unwrap_or_default(),
            });
            if workspace::exists(&dir) {
                return Err(vigil::Error::WorkspaceExists { dir }.into());
            }
            let p = secret(
                cli.passphrase_file.as_deref(),
                "VIGIL_PASSPHRASE",
                "New workspace passphrase: ",
                true,
            )?;
            let kdf = KdfParams::calibrate(std::time::Duration::from_millis(a.unlock_ms))?;
            let (_ws, rk) = workspace::create(&dir, &p, profile.as_ref(), kdf)?;
            eprintln!("Workspace created in {}", dir.display());
            eprintln!("Recovery key (shown only now; store it away from this computer):");
            println!("{}", rk.to_printable().as_str());
        }
        Command::Case(c) => {
            let mut ws = unlock(&cli, &dir)?;
            return case_command(&mut ws, c);
        }
        Command::Passphrase(PassphraseCommand::Change {
            new_passphrase_file,
            unlock_ms,
        }) => {
            let mut ws = unlock(&cli, &dir)?;
            let current = if ws.unlocked_by_recovery_key() {
                None
            } else {
                Some(secret(
                    cli.passphrase_file.as_deref(),
                    "VIGIL_PASSPHRASE",
                    "Current passphrase: ",
                    false,
                )?)
            };
            let new = secret(
                new_passphrase_file.as_deref(),
                "VIGIL_NEW_PASSPHRASE",
                "New passphrase: ",
                true,
            )?;
            let kdf = KdfParams::calibrate(std::time::Duration::from_millis(*unlock_ms))?;
            ws.change_passphrase(current.as_ref(), &new, kdf)?;
            eprintln!("Passphrase changed. Case files were not rewritten.");
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn case_command(ws: &mut UnlockedWorkspace, c: &CaseCommand) -> anyhow::Result<ExitCode> {
    match c {
        CaseCommand::New {
            number,
            title,
            opened_on,
            investigator,
            reports,
        } => {
            let s = ws.create_case(&NewCase {
                number: number.clone(),
                title: title.clone(),
                opened_on: *opened_on,
                assigned_investigator: investigator.clone(),
                agency_reports: reports.clone(),
            })?;
            eprintln!("Created case {}", s.number);
        }
        CaseCommand::List { json } => {
            let list = ws.list_cases()?;
            if *json {
                print_json(&list)?;
            } else if list.is_empty() {
                eprintln!("No cases yet. Create one with `vigil case new --number N --title T`.");
            } else {
                for s in list {
                    let ro = if s.read_only { " [review copy]" } else { "" };
                    println!(
                        "{:<20} {:<12} {}  {}{ro}",
                        s.number,
                        s.status.as_str(),
                        s.last_activity,
                        s.title
                    );
                }
            }
        }
        CaseCommand::Show { number, json } => {
            let d = ws.open_case(number)?;
            if *json {
                print_json(&d)?;
            } else {
                let h = &d.header;
                println!("Case {}: {}", h.number, h.title);
                println!(
                    "  status:        {}{}",
                    h.status.as_str(),
                    if d.read_only {
                        " (read-only review copy)"
                    } else {
                        ""
                    }
                );
                println!("  opened on:     {}", h.opened_on);
                println!("  investigator:  {}", h.assigned_investigator);
                for r in &h.agency_reports {
                    println!("  report:        {} {}", r.agency, r.number);
                }
                println!("  audit events:  {}", d.audit_events);
                println!("  file:          {}", d.file_name);
            }
        }
        CaseCommand::Edit {
            number,
            title,
            opened_on,
            investigator,
        } => {
            let h = ws.case_detail(number)?.header;
            let patch = CaseHeaderPatch {
                title: title.clone().unwrap_or(h.title),
                opened_on: opened_on.unwrap_or(h.opened_on),
                assigned_investigator: investigator.clone().unwrap_or(h.assigned_investigator),
                agency_reports: h.agency_reports,
            };
            ws.update_case(number, &patch)?;
            eprintln!("Updated case {number}");
        }
        CaseCommand::Verify { number, json } => {
            let r = ws.verify_case(number)?;
            if *json {
                print_json(&r)?;
            } else {
                println!(
                    "Case {}: {}",
                    r.number,
                    if r.ok { "INTACT" } else { "FAILED" }
                );
                for c in &r.checks {
                    println!(
                        "  [{}] {}: {}",
                        if c.ok { "ok" } else { "FAIL" },
                        c.name,
                        c.detail
                    );
                }
                println!("  chain head: {} ({} events)", r.chain_head, r.event_count);
            }
            if !r.ok {
                return Ok(ExitCode::from(15));
            }
        }
        CaseCommand::Seal {
            number,
            out,
            review,
            force,
            handover_passphrase_file,
        } => {
            let hp = secret(
                handover_passphrase_file.as_deref(),
                "VIGIL_HANDOVER_PASSPHRASE",
                "Handover passphrase: ",
                true,
            )?;
            let mode = if *review {
                HandoverMode::Review
            } else {
                HandoverMode::Transfer
            };
            let r = ws.seal_case(number, out, &hp, mode, *force)?;
            eprintln!("Sealed case {number} ({}) to {}", mode.as_str(), r.path);
            println!("{}  {}", r.sha256, r.path);
        }
        CaseCommand::Receive {
            file,
            handover_passphrase_file,
        } => {
            let hp = secret(
                handover_passphrase_file.as_deref(),
                "VIGIL_HANDOVER_PASSPHRASE",
                "Handover passphrase: ",
                false,
            )?;
            let s = ws.receive_case(file, &hp)?;
            let ro = if s.read_only {
                " as a read-only review copy"
            } else {
                ""
            };
            eprintln!("Received case {}{ro}", s.number);
        }
    }
    Ok(ExitCode::SUCCESS)
}
