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
use vigil::import::ImportFile;
use vigil::incident::{IncidentFilter, IncidentInput, Method};
use vigil::person::{IdentifierInput, IdentifierKind, PersonInput, PersonRole, Relationship};
use vigil::secret::{Passphrase, RecoveryKey};
use vigil::workspace::{self, Credential, Profile, UnlockedWorkspace};

/// `println!` that ends quietly when the reader goes away (`vigil … | head`).
macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write;
        if let Err(e) = writeln!(std::io::stdout(), $($arg)*) {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                std::process::exit(0);
            }
        }
    }};
}

mod cli;

/// Vigil: encrypted case files for stalking investigations.
///
/// Passphrases are read from --passphrase-file, else $VIGIL_PASSPHRASE, else
/// asked for without echo. Exit codes: 0 ok, 1 unexpected error, 2 bad usage,
/// 3 wrong passphrase or recovery key, 4 wrong key or not a case file,
/// 5 not a Vigil file, 6 newer format, 7 damaged file (for the workspace's
/// register: run `vigil workspace repair`), 8 disk full or
/// read-only, 9 in use by another process, 10 too many attempts (wait),
/// 11 no workspace / workspace exists, 12 invalid input, 13 not found /
/// already exists, 14 read-only case, 15 integrity check failed, 16 cancelled.
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
    /// Change the workspace passphrase (rewraps one key; case files are not
    /// touched); with --rotate, also replace the workspace key and recovery key.
    #[command(subcommand)]
    Passphrase(PassphraseCommand),
    /// Incidents: add, list, import a victim's log, export the chronology.
    #[command(subcommand)]
    Incident(IncidentCommand),
    /// People in a case and their identifiers.
    #[command(subcommand)]
    Person(PersonCommand),
    /// The incident taxonomy (categories and behaviour groups).
    #[command(subcommand)]
    Taxonomy(TaxonomyCommand),
    /// Tools for developers: synthetic data for load tests, a writer for crash trials.
    #[command(subcommand)]
    Dev(DevCommand),
    /// The guided protocol: check a definition, see a case's progress and omissions.
    #[command(subcommand)]
    Protocol(ProtocolCommand),
    /// Risk assessments.
    #[command(subcommand)]
    Risk(RiskCommand),
    /// The evidence register: exhibits, attached files, chain of custody.
    #[command(subcommand)]
    Evidence(cli::evidence::EvidenceCommand),
    /// The prosecutor's case packet: export a signed PDF, verify one.
    #[command(subcommand)]
    Packet(cli::packet::PacketCommand),
    /// Supervisor review: open a packet, approve or return it, apply a
    /// review, the unit agenda.
    #[command(subcommand)]
    Review(cli::review::ReviewCommand),
    /// Investigators' certificates this workspace trusts.
    #[command(subcommand)]
    Signer(cli::review::SignerCommand),
    /// Open (or make) the training workspace with its fictional scenarios;
    /// prints its fixed passphrase. Default folder: beside the real one.
    Demo {
        /// Make sure this scenario's case is there.
        #[arg(long)]
        scenario: Option<String>,
    },
    /// Training: scenarios, the presenter's walk, debriefs.
    #[command(subcommand)]
    Training(cli::training::TrainingCommand),
    /// Statute profiles: the elements of each offence.
    #[command(subcommand)]
    Statute(cli::packet::StatuteCommand),
    /// Mend the workspace: rebuild its register of cases from the case files.
    #[command(subcommand)]
    Workspace(cli::workspace::WorkspaceCommand),
    /// What is due across the workspace: reassessments, expiring letters and orders, awaited referrals.
    Due {
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum ProtocolCommand {
    /// Check a protocol file; names the line and field of any problem.
    Validate {
        /// The TOML file.
        file: PathBuf,
    },
    /// Make a protocol file the one new cases follow.
    Use {
        /// The TOML file.
        file: PathBuf,
    },
    /// A case's progress per stage and its open required/recommended items.
    Show {
        /// Case number.
        number: String,
        /// JSON output (the protocol status).
        #[arg(long)]
        json: bool,
    },
    /// Answer one item: VALUE is yes/no/unknown, text, an option, a date or a number.
    Answer {
        /// Case number.
        number: String,
        /// Item id.
        item: String,
        /// The answer.
        value: String,
    },
}

#[derive(Subcommand)]
enum RiskCommand {
    /// Record an assessment (earlier ones are kept).
    Add {
        /// Case number.
        number: String,
        /// Judged level: low, moderate, high, imminent.
        #[arg(long, value_parser = parse_word::<vigil::risk::RiskLevel>)]
        level: vigil::risk::RiskLevel,
        /// Why this level.
        #[arg(long)]
        reasons: String,
        /// Factor rating FACTOR=present|partly|absent|unknown (repeatable).
        #[arg(long = "factor", value_name = "FACTOR=RATING")]
        factors: Vec<String>,
        /// Stalker type (see `vigil risk factors`).
        #[arg(long)]
        typology: Option<String>,
        /// Assessment date [default: today].
        #[arg(long)]
        date: Option<chrono::NaiveDate>,
        /// External instrument result as NAME:VERSION:LEVEL (repeatable).
        #[arg(long = "instrument")]
        instruments: Vec<String>,
    },
    /// Assessments, newest first, and the factors that changed.
    List {
        /// Case number.
        number: String,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// The factor checklist and the typology.
    Factors,
    /// Make an agency's checklist file (same shape as assets/risk/factors.toml) the workspace's.
    Use {
        /// The TOML file.
        file: PathBuf,
    },
}

#[derive(Subcommand)]
enum IncidentCommand {
    /// Add one incident.
    Add {
        /// Case number.
        number: String,
        /// When, as said: "3/14/2026 9:30 pm", "2026-03-14", "early March 2026", "3/1/2026 - 3/5/2026".
        #[arg(long)]
        when: String,
        /// Category id (see `vigil taxonomy show`).
        #[arg(long)]
        category: String,
        /// What happened.
        #[arg(long, default_value = "")]
        narrative: String,
        /// Method: inPerson, phoneCall, text, email, socialMedia, mail, thirdParty, device, other, unknown.
        #[arg(long, default_value = "unknown", value_parser = parse_word::<Method>)]
        method: Method,
        /// Where.
        #[arg(long, default_value = "")]
        location: String,
        /// The suspect's exact words.
        #[arg(long, default_value = "")]
        suspect_words: String,
        /// Suspect (person id from `vigil person list`).
        #[arg(long)]
        suspect: Option<String>,
        /// IANA time zone the time was given in [default: this computer's].
        #[arg(long)]
        tz: Option<String>,
        /// Tag (repeatable).
        #[arg(long = "tag")]
        tags: Vec<String>,
    },
    /// List incidents in time order.
    List {
        /// Case number.
        number: String,
        /// JSON output (an array of incident summaries).
        #[arg(long)]
        json: bool,
    },
    /// Import a victim's log (CSV, UTF-8). Every row is checked first; any
    /// problem is listed with its line and nothing is written.
    Import {
        /// Case number.
        number: String,
        /// The CSV file.
        file: PathBuf,
        /// Column mapping overriding the recognised headers, e.g.
        /// "date=Date of incident,time=2,description=What happened".
        #[arg(long)]
        mapping: Option<String>,
        /// Check and show what would be imported; write nothing.
        #[arg(long)]
        dry_run: bool,
        /// IANA time zone of the log's times [default: this computer's].
        #[arg(long)]
        tz: Option<String>,
        /// Import a file even though this case already holds incidents from it.
        #[arg(long)]
        allow_duplicate_file: bool,
    },
    /// Export the chronology (to stdout, or --out FILE). The output is not encrypted.
    Export {
        /// Case number.
        number: String,
        /// csv or json.
        #[arg(long, value_parser = ["csv", "json"])]
        format: String,
        /// Write here instead of stdout.
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum PersonCommand {
    /// Add a person.
    Add {
        /// Case number.
        number: String,
        /// victim, suspect, witness or thirdParty.
        #[arg(long, value_parser = parse_word::<PersonRole>)]
        role: PersonRole,
        /// Name.
        #[arg(long)]
        name: String,
        /// Relationship to the victim: self, currentPartner, exPartner, family, friend,
        /// acquaintance, coworker, neighbour, stranger, unknown, other.
        #[arg(long, default_value = "unknown", value_parser = parse_word::<Relationship>)]
        relationship: Relationship,
        /// Identifier as KIND=VALUE (phone, email, social, vehicle, address, other); repeatable.
        #[arg(long = "id", value_name = "KIND=VALUE")]
        identifiers: Vec<String>,
        /// Confidential identifier as KIND=VALUE (masked, kept out of discovery copies); repeatable.
        #[arg(long = "confidential", value_name = "KIND=VALUE")]
        confidential: Vec<String>,
        /// Notes.
        #[arg(long, default_value = "")]
        notes: String,
    },
    /// List people (confidential values masked unless --reveal).
    List {
        /// Case number.
        number: String,
        /// JSON output.
        #[arg(long)]
        json: bool,
        /// Show confidential values.
        #[arg(long)]
        reveal: bool,
    },
}

#[derive(Subcommand)]
enum TaxonomyCommand {
    /// Check a taxonomy file; names the line and field of any problem.
    Validate {
        /// The TOML file.
        file: PathBuf,
    },
    /// Make a taxonomy file the workspace's taxonomy.
    Use {
        /// The TOML file.
        file: PathBuf,
    },
    /// Show the workspace's taxonomy.
    Show,
}

#[derive(Subcommand)]
enum DevCommand {
    /// Add synthetic incidents to a case (load tests).
    Seed {
        /// Case number (created if missing).
        number: String,
        /// How many incidents.
        #[arg(long, default_value_t = 10_000)]
        incidents: usize,
    },
    /// Write until killed, printing `ack …` after each commit (crash trials).
    Writer {
        /// Case number.
        number: String,
        /// Seed of the mix of writes.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Folder for the exhibit files and packets it makes.
        #[arg(long)]
        scratch: PathBuf,
        /// What it writes.
        #[arg(long, value_enum, default_value = "writes")]
        mix: cli::dev::Mix,
        /// For `--mix rotate`: the passphrase the first rotation sets (the
        /// current one comes as usual; the two swap after each rotation).
        #[arg(long)]
        next_passphrase_file: Option<PathBuf>,
    },
}

fn parse_word<T: vigil::person::Word>(s: &str) -> Result<T, String> {
    T::parse_word(s).ok_or_else(|| format!("expected one of: {}", T::words().join(", ")))
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
    /// Move the case along its lifecycle (declining, returning, closing and reopening need --reason).
    Status {
        /// Case number.
        number: String,
        /// New status: reported, preliminary, assigned, active, referred, filed, declined,
        /// returned, monitoring, dormant, closed.
        #[arg(long, value_parser = parse_status)]
        to: vigil::case::CaseStatus,
        /// Why.
        #[arg(long, default_value = "")]
        reason: String,
    },
    /// The elements matrix: each element of the charged statutes against the
    /// incidents and exhibits that support it, and the gaps.
    Elements {
        /// Case number.
        number: String,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Choose the statutes the case is charged under (replaces the choice).
    Charge {
        /// Case number.
        number: String,
        /// Statute profile id (repeatable; see `vigil statute list`).
        #[arg(long = "statute", required = true)]
        statutes: Vec<String>,
    },
    /// Link an incident or exhibit to the kinds of element it proves
    /// (courseOfConduct, directedAt, knowledge, fear, threat, orderInForce,
    /// priorConviction, interstate, other); replaces its links.
    Link {
        /// Case number.
        number: String,
        /// Incident id.
        #[arg(long, conflicts_with = "exhibit")]
        incident: Option<String>,
        /// Exhibit number or id.
        #[arg(long)]
        exhibit: Option<String>,
        /// Element kind (repeatable; none clears the links).
        #[arg(long = "element", value_parser = parse_word::<vigil::packet::ElementKind>)]
        elements: Vec<vigil::packet::ElementKind>,
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
    /// Take back a case file that is in the cases folder but not in the
    /// register (listed by `case list`), after checking it.
    Adopt {
        /// The file's name in the cases folder, e.g. 2026-0142.vigil.
        file: String,
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
        /// Also replace the workspace key: the workspace database is
        /// re-encrypted, every case key re-wrapped and a new recovery key
        /// printed (the old one stops working). Use it when the old
        /// passphrase, key file or recovery key may be known to someone.
        #[arg(long)]
        rotate: bool,
    },
}

fn parse_status(s: &str) -> Result<vigil::case::CaseStatus, String> {
    vigil::case::CaseStatus::parse(s).ok_or_else(|| "unknown status".to_string())
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
            eprintln!("vigil: {}", message(&e));
            ExitCode::from(code)
        }
    }
}

/// The error and its causes, each said once: a core error already names
/// its operating-system reason, which is also its `source`.
fn message(e: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if !out.contains(&text) {
            if !out.is_empty() {
                out.push_str(": ");
            }
            out.push_str(&text);
        }
    }
    out
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

/// A new passphrase: from `file`, else $VIGIL_NEW_PASSPHRASE, else asked twice.
fn new_passphrase(file: Option<&Path>) -> anyhow::Result<Passphrase> {
    secret(file, "VIGIL_NEW_PASSPHRASE", "New passphrase: ", true)
}

/// The credential given on the command line: a recovery key (file or
/// $VIGIL_RECOVERY_KEY), else the passphrase.
enum GivenCredential {
    Passphrase(Passphrase),
    RecoveryKey(RecoveryKey),
}

impl GivenCredential {
    fn get(&self) -> Credential<'_> {
        match self {
            GivenCredential::Passphrase(p) => Credential::Passphrase(p),
            GivenCredential::RecoveryKey(k) => Credential::RecoveryKey(k),
        }
    }
}

fn read_credential(cli: &Cli, dir: &Path) -> anyhow::Result<GivenCredential> {
    let recovery_text = match (&cli.recovery_key_file, std::env::var("VIGIL_RECOVERY_KEY")) {
        (Some(f), _) => Some(zeroize::Zeroizing::new(
            std::fs::read_to_string(f).with_context(|| format!("reading {}", f.display()))?,
        )),
        (None, Ok(v)) => Some(zeroize::Zeroizing::new(v)),
        (None, Err(_)) => None,
    };
    if let Some(text) = recovery_text {
        return Ok(GivenCredential::RecoveryKey(RecoveryKey::parse(&text)?));
    }
    if !workspace::exists(dir) {
        return Err(vigil::Error::NoWorkspace {
            dir: dir.to_path_buf(),
        }
        .into());
    }
    Ok(GivenCredential::Passphrase(secret(
        cli.passphrase_file.as_deref(),
        "VIGIL_PASSPHRASE",
        "Workspace passphrase: ",
        false,
    )?))
}

fn unlock(cli: &Cli, dir: &Path) -> anyhow::Result<UnlockedWorkspace> {
    let given = read_credential(cli, dir)?;
    let (ws, report) = workspace::unlock(dir, given.get())?;
    if report.failed_attempts > 0 {
        eprintln!(
            "vigil: warning: {} failed unlock attempt(s) since {} (last at {})",
            report.failed_attempts,
            report.first_failed_at.as_deref().unwrap_or("?"),
            report.last_failed_at.as_deref().unwrap_or("?"),
        );
    }
    for w in &report.warnings {
        eprintln!("vigil: warning: {w}");
    }
    Ok(ws)
}

fn print_json<T: serde::Serialize>(v: &T) -> anyhow::Result<()> {
    outln!("{}", serde_json::to_string_pretty(v)?);
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
            outln!("{}", rk.to_printable().as_str());
        }
        Command::Case(c) => {
            let mut ws = unlock(&cli, &dir)?;
            return case_command(&mut ws, c);
        }
        Command::Evidence(c) => {
            let mut ws = unlock(&cli, &dir)?;
            cli::evidence::run(&mut ws, c)?;
        }
        Command::Packet(c) => {
            let standalone = matches!(
                c,
                cli::packet::PacketCommand::Verify {
                    no_workspace: true,
                    ..
                }
            ) || (matches!(c, cli::packet::PacketCommand::Verify { .. })
                && !workspace::exists(&dir));
            if standalone {
                return cli::packet::run(None, c);
            }
            let mut ws = unlock(&cli, &dir)?;
            return cli::packet::run(Some(&mut ws), c);
        }
        Command::Demo { scenario } => {
            let demo_dir = match &cli.workspace {
                Some(d) => d.clone(),
                None => vigil::training::default_dir(&workspace::default_dir()?),
            };
            cli::training::demo(&demo_dir, scenario.as_deref())?;
        }
        Command::Training(cli::training::TrainingCommand::Validate { file }) => {
            cli::training::validate(file)?;
        }
        Command::Training(c) => {
            let mut ws = unlock(&cli, &dir)?;
            cli::training::run(&mut ws, c)?;
        }
        Command::Review(cli::review::ReviewCommand::Checklist(
            cli::review::ChecklistCommand::Validate { file },
        )) => {
            cli::review::validate_checklist(file)?;
        }
        Command::Review(c) => {
            let mut ws = unlock(&cli, &dir)?;
            return cli::review::run(&mut ws, c);
        }
        Command::Signer(c) => {
            let mut ws = unlock(&cli, &dir)?;
            cli::review::signer(&mut ws, c)?;
        }
        Command::Statute(cli::packet::StatuteCommand::Validate { file }) => {
            cli::packet::validate_statute(file)?;
        }
        Command::Statute(c) => {
            let mut ws = unlock(&cli, &dir)?;
            cli::packet::statute(&mut ws, c)?;
        }
        Command::Passphrase(PassphraseCommand::Change {
            new_passphrase_file,
            unlock_ms,
            rotate,
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
            let new = new_passphrase(new_passphrase_file.as_deref())?;
            let kdf = KdfParams::calibrate(std::time::Duration::from_millis(*unlock_ms))?;
            if *rotate {
                let rk = ws.rotate_key(current.as_ref(), &new, kdf)?;
                eprintln!("Passphrase changed and workspace key replaced; the old recovery key no longer works.");
                eprintln!("New recovery key (shown only now; store it away from this computer):");
                outln!("{}", rk.to_printable().as_str());
            } else {
                ws.change_passphrase(current.as_ref(), &new, kdf)?;
                eprintln!("Passphrase changed. Case files were not rewritten.");
            }
        }
        Command::Workspace(cli::workspace::WorkspaceCommand::Repair {
            json,
            new_passphrase_file,
        }) => {
            let given = read_credential(&cli, &dir)?;
            if !workspace::exists(&dir) {
                let GivenCredential::RecoveryKey(rk) = &given else {
                    return Err(vigil::Error::NoWorkspace { dir }.into());
                };
                eprintln!("The key file is missing: it will be made again from the recovery key.");
                let new = new_passphrase(new_passphrase_file.as_deref())?;
                let kdf = KdfParams::calibrate(std::time::Duration::from_millis(500))?;
                workspace::restore_key_file(&dir, rk, &new, kdf)?;
                eprintln!("A new key file was written; the recovery key stays the same.");
            }
            let (_ws, report) = workspace::repair(&dir, given.get())?;
            if *json {
                print_json(&report)?;
            } else {
                cli::workspace::print_repair(&report);
            }
            if report
                .cases
                .iter()
                .any(|c| c.outcome == workspace::RepairOutcome::Refused)
            {
                return Ok(ExitCode::from(15));
            }
        }
        Command::Taxonomy(TaxonomyCommand::Validate { file }) => {
            let text = std::fs::read_to_string(file)
                .with_context(|| format!("reading {}", file.display()))?;
            let t = vigil::taxonomy::Taxonomy::parse(&text, &file.display().to_string())?;
            eprintln!(
                "{}: valid ({} groups, {} categories)",
                file.display(),
                t.groups.len(),
                t.categories.len()
            );
        }
        Command::Incident(c) => {
            let mut ws = unlock(&cli, &dir)?;
            incident_command(&mut ws, c)?;
        }
        Command::Person(c) => {
            let mut ws = unlock(&cli, &dir)?;
            person_command(&mut ws, c)?;
        }
        Command::Taxonomy(TaxonomyCommand::Use { file }) => {
            let mut ws = unlock(&cli, &dir)?;
            let text = std::fs::read_to_string(file)
                .with_context(|| format!("reading {}", file.display()))?;
            let name = file
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("taxonomy")
                .to_string();
            let t = ws.use_taxonomy(&text, &name)?;
            eprintln!("Now using taxonomy {} version {}", t.id, t.version);
        }
        Command::Taxonomy(TaxonomyCommand::Show) => {
            let ws = unlock(&cli, &dir)?;
            let t = ws.taxonomy();
            outln!("{} (id {}, version {})", t.label, t.id, t.version);
            for g in &t.groups {
                outln!(
                    "{} [{}]{}",
                    g.label,
                    g.id,
                    if g.system { " (system events)" } else { "" }
                );
                for c in t.categories.iter().filter(|c| c.group == g.id) {
                    outln!("  {:<20} {}", c.id, c.label);
                }
            }
        }
        Command::Protocol(ProtocolCommand::Validate { file }) => {
            let text = std::fs::read_to_string(file)
                .with_context(|| format!("reading {}", file.display()))?;
            let p = vigil::protocol::Protocol::parse(&text, &file.display().to_string())?;
            let steps: usize = p.stages.iter().map(|s| s.steps.len()).sum();
            let items: usize = p
                .stages
                .iter()
                .flat_map(|s| &s.steps)
                .map(|s| s.items.len())
                .sum();
            eprintln!(
                "{}: valid ({} version {}: {} stages, {steps} steps, {items} items)",
                file.display(),
                p.id,
                p.version,
                p.stages.len()
            );
        }
        Command::Protocol(ProtocolCommand::Use { file }) => {
            let mut ws = unlock(&cli, &dir)?;
            let text = std::fs::read_to_string(file)
                .with_context(|| format!("reading {}", file.display()))?;
            let name = file
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("protocol")
                .to_string();
            let p = ws.use_protocol(&text, &name)?;
            eprintln!("New cases follow {} version {}", p.id, p.version);
        }
        Command::Protocol(ProtocolCommand::Show { number, json }) => {
            let mut ws = unlock(&cli, &dir)?;
            let v = ws.protocol_view(number)?;
            if *json {
                print_json(&v.status)?;
            } else {
                let s = &v.status;
                outln!(
                    "{} version {}: {} of {} items answered",
                    v.protocol.label,
                    s.version,
                    s.answered,
                    s.total
                );
                if let Some(n) = s.newer_version {
                    outln!("  (version {n} is available: move the case with the app)");
                }
                for st in &s.stages {
                    outln!(
                        "  {:<45} {:>3}/{:<3} {} required open, {} recommended open",
                        st.label,
                        st.answered,
                        st.total,
                        st.required_open,
                        st.recommended_open
                    );
                }
                if !s.omissions.is_empty() {
                    outln!("Open items:");
                    for o in &s.omissions {
                        outln!(
                            "  [{}] {} / {}: {} ({})",
                            o.requirement.as_str(),
                            o.stage_id,
                            o.step_label,
                            o.text,
                            o.item_id
                        );
                    }
                }
            }
        }
        Command::Protocol(ProtocolCommand::Answer {
            number,
            item,
            value,
        }) => {
            let mut ws = unlock(&cli, &dir)?;
            let v = ws.answer_item(
                number,
                item,
                &vigil::protocol::AnswerInput {
                    value: value.clone(),
                    values: vec![],
                    note: String::new(),
                },
            )?;
            eprintln!(
                "Answered {item}; {} of {} items answered",
                v.status.answered, v.status.total
            );
        }
        Command::Risk(RiskCommand::Use { file }) => {
            let mut ws = unlock(&cli, &dir)?;
            let text = std::fs::read_to_string(file)
                .with_context(|| format!("reading {}", file.display()))?;
            let name = file
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("factors")
                .to_string();
            let c = ws.use_risk_catalog(&text, &name)?;
            eprintln!(
                "Now using {} version {} ({} factors)",
                c.id,
                c.version,
                c.factors.len()
            );
        }
        Command::Risk(RiskCommand::Factors) => {
            let ws = unlock(&cli, &dir)?;
            let c = ws.risk_catalog()?;
            for f in &c.factors {
                outln!("{:<28} [{}] {}", f.id, f.group, f.label);
            }
            outln!();
            for t in &c.typologies {
                outln!("{:<20} {}", t.id, t.label);
            }
        }
        Command::Risk(RiskCommand::Add {
            number,
            level,
            reasons,
            factors,
            typology,
            date,
            instruments,
        }) => {
            let mut ws = unlock(&cli, &dir)?;
            let on = date
                .unwrap_or_else(|| chrono::Local::now().date_naive())
                .to_string();
            let factors = factors
                .iter()
                .map(|f| {
                    let (id, r) = f
                        .split_once('=')
                        .ok_or_else(|| anyhow::anyhow!("factor must be FACTOR=RATING"))?;
                    let rating = vigil::risk::Rating::parse(r.trim()).ok_or_else(|| {
                        anyhow::anyhow!("rating must be present, partly, absent or unknown")
                    })?;
                    Ok(vigil::risk::FactorRating {
                        factor_id: id.trim().into(),
                        rating,
                        source: "investigator".into(),
                        date: on.clone(),
                    })
                })
                .collect::<anyhow::Result<Vec<_>>>()?;
            let instruments = instruments
                .iter()
                .map(|s| {
                    let parts: Vec<&str> = s.splitn(3, ':').collect();
                    match parts.as_slice() {
                        [n, v, l] => Ok(vigil::risk::ExternalInstrument {
                            name: n.to_string(),
                            version: v.to_string(),
                            date: on.clone(),
                            assessor: ws.actor(),
                            level: l.to_string(),
                        }),
                        _ => Err(anyhow::anyhow!("instrument must be NAME:VERSION:LEVEL")),
                    }
                })
                .collect::<anyhow::Result<Vec<_>>>()?;
            let input = vigil::risk::RiskAssessmentInput {
                assessed_on: on,
                level: *level,
                reasons: reasons.clone(),
                typology: typology.clone(),
                factors,
                instruments,
                next_review: None,
            };
            let h = ws.add_risk_assessment(number, &input)?;
            let latest = &h.assessments[0];
            eprintln!(
                "Recorded a {} risk assessment; next review {}",
                latest.input.level.as_str(),
                latest.next_review
            );
        }
        Command::Risk(RiskCommand::List { number, json }) => {
            let mut ws = unlock(&cli, &dir)?;
            let h = ws.risk_history(number)?;
            if *json {
                print_json(&h)?;
            } else {
                for a in &h.assessments {
                    outln!(
                        "{}  {:<9} next review {}  {}",
                        a.input.assessed_on,
                        a.input.level.as_str(),
                        a.next_review,
                        a.input.reasons
                    );
                }
                for c in &h.changes {
                    outln!("  changed: {} {:?} -> {:?}", c.factor_id, c.from, c.to);
                }
            }
        }
        Command::Due { json } => {
            let mut ws = unlock(&cli, &dir)?;
            let due = ws.due_list(chrono::Local::now().date_naive())?;
            if *json {
                print_json(&due)?;
            } else if due.is_empty() {
                eprintln!(
                    "Nothing due in the next {} days.",
                    vigil::management::DUE_HORIZON_DAYS
                );
            } else {
                for d in &due {
                    outln!(
                        "{} {}{:<14} {}",
                        d.due_on,
                        if d.overdue { "OVERDUE " } else { "" },
                        d.case_number,
                        d.label
                    );
                }
            }
        }
        Command::Dev(DevCommand::Writer {
            number,
            seed,
            scratch,
            mix,
            next_passphrase_file,
        }) => {
            let mut ws = unlock(&cli, &dir)?;
            let rotation = match next_passphrase_file {
                Some(f) => Some(cli::dev::Rotation {
                    current: secret(
                        cli.passphrase_file.as_deref(),
                        "VIGIL_PASSPHRASE",
                        "Current passphrase: ",
                        false,
                    )?,
                    next: secret(Some(f), "", "", false)?,
                }),
                None => None,
            };
            cli::dev::writer(&mut ws, number, *seed, scratch, *mix, rotation)?;
        }
        Command::Dev(DevCommand::Seed { number, incidents }) => {
            let mut ws = unlock(&cli, &dir)?;
            if ws.case_detail(number).is_err() {
                ws.create_case(&NewCase {
                    number: number.clone(),
                    title: "Synthetic load-test case".into(),
                    opened_on: None,
                    assigned_investigator: Some("Load test".into()),
                    agency_reports: vec![],
                })?;
            }
            let cats = cli::dev::category_ids(&ws);
            let cats: Vec<&str> = cats.iter().map(String::as_str).collect();
            let start = std::time::Instant::now();
            for chunk in vigil::seed::incidents(*incidents, &cats, 7).chunks(5_000) {
                ws.add_incidents_bulk(number, chunk)?;
            }
            eprintln!(
                "Added {incidents} synthetic incidents to {number} in {:.2} s",
                start.elapsed().as_secs_f64()
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn incident_command(ws: &mut UnlockedWorkspace, c: &IncidentCommand) -> anyhow::Result<()> {
    match c {
        IncidentCommand::Add {
            number,
            when,
            category,
            narrative,
            method,
            location,
            suspect_words,
            suspect,
            tz,
            tags,
        } => {
            let mut i = IncidentInput::quick(when, category, narrative);
            i.method = *method;
            i.location_text = location.clone();
            i.suspect_words = suspect_words.clone();
            i.suspect_id = suspect.clone();
            i.tz = tz.clone();
            i.tags = tags.clone();
            let inc = ws.add_incident(number, &i)?;
            eprintln!("Added incident {} ({})", inc.id, inc.occurred.display);
        }
        IncidentCommand::List { number, json } => {
            // Pages of at most 10,000 (the store's page limit), all of them.
            let mut rows = Vec::new();
            let total = loop {
                let page = ws.list_incidents(
                    number,
                    &IncidentFilter::default(),
                    rows.len() as i64,
                    10_000,
                )?;
                let total = page.total;
                let got = page.rows.len();
                rows.extend(page.rows);
                if got == 0 || rows.len() as i64 >= total {
                    break total;
                }
            };
            if *json {
                print_json(&rows)?;
            } else if rows.is_empty() {
                eprintln!("No incidents yet.");
            } else {
                for r in &rows {
                    outln!(
                        "{:<34} {:<18} {}",
                        r.display,
                        r.category,
                        r.excerpt.replace('\n', " ")
                    );
                }
            }
            if !rows.is_empty() {
                eprintln!("{} incident(s) in case {number}", total);
            }
        }
        IncidentCommand::Import {
            number,
            file,
            mapping,
            dry_run,
            tz,
            allow_duplicate_file,
        } => {
            let f = ImportFile::read(file)?;
            let preview = ws.import_preview(&f, None, tz.as_deref())?;
            let mapping = mapping
                .as_deref()
                .map(|m| vigil::import::mapping_from_spec(m, &preview.columns))
                .transpose()?;
            let preview = ws.import_preview(&f, mapping.as_deref(), tz.as_deref())?;
            for c in &preview.columns {
                eprintln!(
                    "  column {} {:?} -> {}",
                    c.index + 1,
                    c.header,
                    c.field.map(|f| f.as_str()).unwrap_or("(ignored)")
                );
            }
            if *dry_run || preview.problem_count > 0 {
                for r in &preview.rows {
                    let when = r
                        .occurred
                        .as_ref()
                        .map(|w| w.display.as_str())
                        .unwrap_or("?");
                    let flag = if r.problems.is_empty() { "ok " } else { "BAD" };
                    outln!(
                        "{flag} line {:<5} {:<34} {}",
                        r.line,
                        when,
                        r.description.replace('\n', " ")
                    );
                    for p in &r.problems {
                        outln!("      line {}: {p}", r.line);
                    }
                }
            }
            if *dry_run {
                eprintln!(
                    "Dry run: {} rows, {} with problems; nothing was written.",
                    preview.rows.len(),
                    preview.problem_count
                );
                if preview.problem_count > 0 {
                    return Err(vigil::Error::BadImport {
                        file: f.name().to_string(),
                        problems: preview
                            .rows
                            .iter()
                            .flat_map(|r| r.problems.iter().map(|p| (r.line as usize, p.clone())))
                            .collect(),
                    }
                    .into());
                }
                return Ok(());
            }
            let r = ws.import_incidents_again(
                number,
                &f,
                mapping.as_deref(),
                tz.as_deref(),
                *allow_duplicate_file,
            )?;
            eprintln!(
                "Imported {} incidents from {} (SHA-256 {})",
                r.imported,
                f.name(),
                r.sha256
            );
        }
        IncidentCommand::Export {
            number,
            format,
            out,
        } => {
            let fmt = if format == "json" {
                vigil::ExportFormat::Json
            } else {
                vigil::ExportFormat::Csv
            };
            match out {
                Some(path) => {
                    let r = ws.export_incidents(number, fmt, path)?;
                    eprintln!(
                        "Wrote {} incidents to {} (SHA-256 {})",
                        r.rows, r.path, r.sha256
                    );
                }
                None => {
                    use std::io::Write;
                    let (bytes, _) = ws.export_chronology(number, fmt, "standard output")?;
                    if let Err(e) = std::io::stdout().write_all(&bytes) {
                        if e.kind() != std::io::ErrorKind::BrokenPipe {
                            return Err(e.into());
                        }
                    }
                }
            }
        }
    }
    Ok(())
}

fn parse_identifier(spec: &str, confidential: bool) -> anyhow::Result<IdentifierInput> {
    let (kind, value) = spec
        .split_once('=')
        .ok_or_else(|| anyhow::anyhow!("identifier must be KIND=VALUE"))?;
    let kind = IdentifierKind::parse(kind.trim()).ok_or_else(|| {
        anyhow::anyhow!(
            "unknown identifier kind; use phone, email, social, vehicle, address or other"
        )
    })?;
    Ok(IdentifierInput {
        kind,
        value: value.to_string(),
        label: String::new(),
        confidential,
        keep: None,
    })
}

fn person_command(ws: &mut UnlockedWorkspace, c: &PersonCommand) -> anyhow::Result<()> {
    match c {
        PersonCommand::Add {
            number,
            role,
            name,
            relationship,
            identifiers,
            confidential,
            notes,
        } => {
            let mut ids = identifiers
                .iter()
                .map(|s| parse_identifier(s, false))
                .collect::<anyhow::Result<Vec<_>>>()?;
            ids.extend(
                confidential
                    .iter()
                    .map(|s| parse_identifier(s, true))
                    .collect::<anyhow::Result<Vec<_>>>()?,
            );
            let p = ws.save_person(
                number,
                None,
                &PersonInput {
                    role: *role,
                    name: name.clone(),
                    relationship: *relationship,
                    notes: notes.clone(),
                    identifiers: ids,
                },
            )?;
            eprintln!("Added {} ({})", p.name, p.role.as_str());
            outln!("{}", p.id);
        }
        PersonCommand::List {
            number,
            json,
            reveal,
        } => {
            let mut people = ws.list_people(number)?;
            for p in &mut people {
                for i in &mut p.identifiers {
                    if !i.masked {
                        continue;
                    }
                    if *reveal {
                        // One audited reveal per value, as in the app.
                        i.value = ws.reveal_identifier(number, &p.id, &i.id)?;
                        i.masked = false;
                    } else {
                        i.value = "(confidential)".into();
                    }
                }
            }
            if *json {
                print_json(&people)?;
            } else {
                for p in &people {
                    outln!(
                        "{}  {:<10} {:<14} {}",
                        p.id,
                        p.role.as_str(),
                        p.relationship.as_str(),
                        p.name
                    );
                    for i in &p.identifiers {
                        outln!("      {:<8} {}", i.kind.as_str(), i.value);
                    }
                }
            }
        }
    }
    Ok(())
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
            cli::workspace::print_unregistered(&ws.unregistered_cases()?);
            if *json {
                print_json(&list)?;
            } else if list.is_empty() {
                eprintln!("No cases yet. Create one with `vigil case new --number N --title T`.");
            } else {
                for s in list {
                    let ro = if s.read_only { " [review copy]" } else { "" };
                    outln!(
                        "{:<20} {:<12} {}  {}{ro}",
                        s.number,
                        s.status.as_str(),
                        s.last_activity,
                        s.title
                    );
                }
            }
        }
        CaseCommand::Adopt { file } => {
            let s = ws.adopt_case(file)?;
            eprintln!(
                "Case {} ({}) checked and taken back into the register",
                s.number, file
            );
        }
        CaseCommand::Show { number, json } => {
            let d = ws.open_case(number)?;
            if *json {
                print_json(&d)?;
            } else {
                let h = &d.header;
                outln!("Case {}: {}", h.number, h.title);
                outln!(
                    "  status:        {}{}",
                    h.status.as_str(),
                    if d.read_only {
                        " (read-only review copy)"
                    } else {
                        ""
                    }
                );
                outln!("  opened on:     {}", h.opened_on);
                outln!("  investigator:  {}", h.assigned_investigator);
                for r in &h.agency_reports {
                    outln!("  report:        {} {}", r.agency, r.number);
                }
                outln!("  audit events:  {}", d.audit_events);
                outln!("  file:          {}", d.file_name);
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
        CaseCommand::Elements { number, json } => {
            let m = ws.elements_matrix(number)?;
            if *json {
                print_json(&m)?;
            } else {
                cli::packet::print_matrix(&m);
            }
        }
        CaseCommand::Charge { number, statutes } => {
            let m = ws.set_case_statutes(number, statutes)?;
            eprintln!(
                "Case {number} is charged under: {}",
                m.statutes
                    .iter()
                    .map(|s| s.label.as_str())
                    .collect::<Vec<_>>()
                    .join("; ")
            );
        }
        CaseCommand::Link {
            number,
            incident,
            exhibit,
            elements,
        } => {
            let (record, id) = match (incident, exhibit) {
                (Some(i), _) => ("incident", i.clone()),
                (None, Some(e)) => ("exhibit", ws.get_exhibit(number, e)?.id),
                (None, None) => {
                    return Err(vigil::Error::Validation {
                        field: "record",
                        reason: "name --incident or --exhibit".into(),
                    }
                    .into())
                }
            };
            ws.set_element_links(number, record, &id, elements)?;
            eprintln!("Linked {record} {id} to {} element kind(s)", elements.len());
        }
        CaseCommand::Status { number, to, reason } => {
            let d = ws.change_status(number, *to, reason)?;
            eprintln!("Case {number} is now {}", d.header.status.as_str());
        }
        CaseCommand::Verify { number, json } => {
            let r = ws.verify_case(number)?;
            if *json {
                print_json(&r)?;
            } else {
                outln!(
                    "Case {}: {}",
                    r.number,
                    if r.ok { "INTACT" } else { "FAILED" }
                );
                for c in &r.checks {
                    outln!(
                        "  [{}] {}: {}",
                        if c.ok { "ok" } else { "FAIL" },
                        c.name,
                        c.detail
                    );
                }
                for e in r.exhibits.iter().filter(|e| !e.ok) {
                    outln!("  [FAIL] exhibit {}: {}", e.number, e.detail);
                }
                outln!("  chain head: {} ({} events)", r.chain_head, r.event_count);
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
            outln!("{}  {}", r.sha256, r.path);
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
            eprintln!(
                "SHA-256 of {}: {} (compare it with what the sender passed on)",
                file.display(),
                vigil::crypto::sha256_file(file)?
            );
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
