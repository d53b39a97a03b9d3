//! `vigil demo` and `vigil training …`: the training workspace, scenarios,
//! the presenter's walk and trainees' debriefs.

use clap::Subcommand;
use std::path::{Path, PathBuf};
use vigil::training::{self, Debrief};
use vigil::workspace::UnlockedWorkspace;

/// Training.
#[derive(Subcommand)]
pub enum TrainingCommand {
    /// The scenarios shipped with Vigil.
    List {
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Check a scenario file (no workspace needed): file, line and field of any mistake.
    Validate {
        /// The TOML file.
        file: PathBuf,
    },
    /// The presenter's walk through a scenario, step by step.
    Present {
        /// Scenario id.
        scenario: String,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Put a scenario's case back to its start.
    Reset {
        /// Case number.
        number: String,
    },
    /// What a trainee found against the scenario's answer key.
    Debrief {
        /// Case number.
        number: String,
        /// JSON output.
        #[arg(long)]
        json: bool,
        /// Also write the debrief as a PDF (training copy).
        #[arg(long)]
        pdf: Option<PathBuf>,
    },
}

/// Opens (or makes) the training workspace and prints how to use it.
pub fn demo(dir: &Path, scenario: Option<&str>) -> anyhow::Result<()> {
    let kdf = vigil::crypto::KdfParams::calibrate(std::time::Duration::from_millis(250))?;
    let mut ws = training::create_demo(dir, kdf)?;
    if let Some(id) = scenario {
        let s = ws.scenario(id)?;
        if !ws.list_cases()?.iter().any(|c| c.number == s.case_number) {
            ws.load_scenario(id)?;
        }
    }
    outln!("TRAINING workspace: {}", dir.display());
    outln!(
        "Passphrase (the same for every training workspace): {}",
        training::DEMO_PASSPHRASE
    );
    outln!("Everything in it is fictional. Cases:");
    for c in ws.list_cases()? {
        let scen = ws.case_scenario(&c.number)?.unwrap_or_default();
        outln!(
            "  {:<8} {}{}",
            c.number,
            c.title,
            if scen.is_empty() {
                String::new()
            } else {
                format!("  (scenario {scen})")
            }
        );
    }
    for s in ws.scenario_summaries()? {
        if let Some(p) = &s.log_path {
            outln!("  {}: the victim's own log to import is {p}", s.case_number);
        }
    }
    outln!(
        "Open it: vigil-desktop --workspace {}   or: vigil --workspace {} case list",
        dir.display(),
        dir.display()
    );
    Ok(())
}

/// Checks a scenario file without a workspace.
pub fn validate(file: &Path) -> anyhow::Result<()> {
    let bytes = std::fs::read(file).map_err(|e| vigil::Error::Io {
        path: file.to_path_buf(),
        source: e,
    })?;
    let text = String::from_utf8(bytes)
        .map_err(|_| anyhow::anyhow!("{} is not UTF-8 text", file.display()))?;
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let s = training::validate_with_defaults(&text, &name)?;
    outln!(
        "{}: valid — {} ({} stage, {} incidents, {} scripted answers)",
        file.display(),
        s.title,
        s.stage,
        s.incidents.len(),
        s.answers.len()
    );
    Ok(())
}

fn print_debrief(d: &Debrief) {
    outln!(
        "Debrief of case {} — {}: {} of {} ({}%)",
        d.case_number,
        d.scenario.title,
        d.found,
        d.total,
        d.percent
    );
    for a in &d.areas {
        outln!("{}: {} of {}", a.title, a.found, a.total);
        for l in &a.lines {
            if l.found {
                outln!("  [found]  {}", l.label);
            } else {
                outln!("  [MISSED] {}", l.label);
                outln!("           why it matters: {}", l.why);
            }
        }
    }
}

/// Runs a training command.
pub fn run(ws: &mut UnlockedWorkspace, c: &TrainingCommand) -> anyhow::Result<()> {
    match c {
        TrainingCommand::List { json } => {
            let list = ws.scenario_summaries()?;
            if *json {
                crate::print_json(&list)?;
            } else {
                for s in &list {
                    outln!(
                        "{:<24} {:<14} {}  (case {})",
                        s.id,
                        s.stage,
                        s.title,
                        s.case_number
                    );
                    if let Some(p) = &s.log_path {
                        outln!("{:<24} victim's log to import: {p}", "");
                    }
                }
            }
        }
        TrainingCommand::Validate { file } => validate(file)?,
        TrainingCommand::Present { scenario, json } => {
            let p = ws.presentation(scenario)?;
            if *json {
                crate::print_json(&p)?;
            } else {
                outln!("{} — {}", p.scenario.title, p.scenario.fictional);
                for (i, s) in p.steps.iter().enumerate() {
                    outln!("\n{}. {} / {}", i + 1, s.stage, s.label);
                    outln!("   Why it matters: {}", s.why);
                    for q in &s.questions {
                        outln!("   Q: {}", q.text);
                        if let Some(says) = &q.says {
                            outln!("      Victim: {says}");
                        }
                        for r in &q.reveals {
                            outln!("      Brings out: {r}");
                        }
                    }
                    for t in &s.teaching {
                        outln!("   Teaching point: {t}");
                    }
                }
            }
        }
        TrainingCommand::Reset { number } => {
            let s = ws.reset_scenario(number)?;
            eprintln!("Case {} is back at the start of its scenario", s.number);
        }
        TrainingCommand::Debrief { number, json, pdf } => {
            let d = match pdf {
                Some(out) => ws.debrief_pdf(number, out)?,
                None => ws.debrief(number)?,
            };
            if *json {
                crate::print_json(&d)?;
            } else {
                print_debrief(&d);
            }
            if let Some(out) = pdf {
                eprintln!("Debrief written to {}", out.display());
            }
        }
    }
    Ok(())
}
