//! `vigil workspace …`: mending the workspace itself.

use clap::Subcommand;
use std::path::PathBuf;
use vigil::workspace::{RepairOutcome, RepairReport, UnregisteredCase};

#[derive(Subcommand)]
pub enum WorkspaceCommand {
    /// Rebuild the register of cases (workspace.db) from the case files when
    /// it is missing or damaged, and take back case files it does not list.
    /// Each case file is checked before it is registered. When the key file
    /// itself is lost, unlock with the recovery key: a new key file is made
    /// with a new passphrase (--new-passphrase-file, else
    /// $VIGIL_NEW_PASSPHRASE, else asked twice).
    Repair {
        /// JSON output.
        #[arg(long)]
        json: bool,
        /// The new passphrase, when the key file must be remade.
        #[arg(long, value_name = "FILE")]
        new_passphrase_file: Option<PathBuf>,
    },
}

/// Prints a repair report.
pub fn print_repair(r: &RepairReport) {
    if r.rebuilt {
        outln!("The register was rebuilt from the case files.");
    } else {
        outln!("The register was sound and was kept.");
    }
    if let Some(p) = &r.set_aside {
        outln!("The damaged register was kept as {p}.");
    }
    for c in &r.cases {
        let number = c.number.as_deref().unwrap_or("?");
        match c.outcome {
            RepairOutcome::Registered => outln!("  registered   {}  (case {number})", c.file_name),
            RepairOutcome::AlreadyRegistered => {
                outln!("  unchanged    {}  (case {number})", c.file_name)
            }
            RepairOutcome::Refused => outln!(
                "  NOT TAKEN    {}: {}",
                c.file_name,
                c.detail.as_deref().unwrap_or("")
            ),
        }
    }
    if r.cases.is_empty() {
        outln!("  no case files were found in the cases folder");
    }
    for n in &r.notes {
        eprintln!("vigil: note: {n}");
    }
}

/// Tells about case files the register does not list (after `case list`).
pub fn print_unregistered(list: &[UnregisteredCase]) {
    if list.is_empty() {
        return;
    }
    eprintln!(
        "vigil: {} case file(s) in the cases folder are not in this workspace's register:",
        list.len()
    );
    for u in list {
        match &u.reason {
            None => eprintln!(
                "  {}: take it back with `vigil case adopt {}`",
                u.file_name, u.file_name
            ),
            Some(why) => eprintln!("  {}: cannot be adopted: {why}", u.file_name),
        }
    }
}
