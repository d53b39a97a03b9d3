//! `vigil review …` and `vigil signer …`: a supervisor's review of the
//! packets investigators send, and the investigator's side of it.

use clap::Subcommand;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use vigil::review::*;
use vigil::workspace::UnlockedWorkspace;

/// Supervisor review.
#[derive(Subcommand)]
pub enum ReviewCommand {
    /// Check a packet for review: signature, signer's trust, and the case
    /// copy's completeness dashboard when the copy is in this workspace.
    /// Exit code 15 when the packet fails verification.
    Open {
        /// The packet (PDF).
        file: PathBuf,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Approve or return a packet; writes the signed review file.
    Decide {
        /// The packet (PDF).
        file: PathBuf,
        /// Approve it.
        #[arg(
            long,
            conflicts_with = "return_it",
            required_unless_present = "return_it"
        )]
        approve: bool,
        /// Return it with reasons.
        #[arg(long = "return")]
        return_it: bool,
        /// Overall remarks (the reasons, for a return).
        #[arg(long, default_value = "")]
        summary: String,
        /// A comment; repeat for more. Anchor it with a prefix:
        /// "page:4=…", "section:Chronology=…", "incident:ID=…",
        /// "exhibit:EX-3=…", "person:ID=…", "item:ITEM=…".
        #[arg(long = "comment")]
        comments: Vec<String>,
        /// A checklist answer: ID=yes|no|na (repeat).
        #[arg(long = "check")]
        checks: Vec<String>,
        /// Where to write the review file (.json).
        #[arg(long)]
        out: PathBuf,
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
    },
    /// Apply a supervisor's review file to the case it names.
    Apply {
        /// Case number.
        number: String,
        /// The review file (.json).
        file: PathBuf,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// The reviews applied to a case and their points.
    Points {
        /// Case number.
        number: String,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Tick a point of an applied review off (or back on with --undo).
    Tick {
        /// Case number.
        number: String,
        /// Review id (or its start).
        review: String,
        /// Point number.
        point: String,
        /// Mark it open again.
        #[arg(long)]
        undo: bool,
    },
    /// The reviews this workspace signed.
    Register {
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// The unit review agenda: every open case copy, most pressing first.
    Agenda {
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Record a minute of a unit case review.
    Minute {
        /// Case number.
        number: String,
        /// What was said.
        #[arg(long)]
        text: String,
        /// An action agreed (repeat).
        #[arg(long = "action")]
        actions: Vec<String>,
    },
    /// The review checklist: show, validate or load an agency's.
    #[command(subcommand)]
    Checklist(ChecklistCommand),
}

/// The review checklist.
#[derive(Subcommand)]
pub enum ChecklistCommand {
    /// Show the checklist in use.
    Show {
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Check a checklist file (no workspace needed).
    Validate {
        /// The TOML file.
        file: PathBuf,
    },
    /// Load an agency checklist for future reviews.
    Use {
        /// The TOML file.
        file: PathBuf,
    },
}

/// Trusted signers.
#[derive(Subcommand)]
pub enum SignerCommand {
    /// The certificates this workspace trusts.
    List {
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Show who signed a packet, review file or certificate file, with the
    /// fingerprint to compare.
    Show {
        /// Packet (.pdf), review (.json) or certificate (.cer, .pem).
        file: PathBuf,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Trust the certificate that signed FILE, once you have compared its
    /// fingerprint with the one the signer gave you by another channel.
    Trust {
        /// Packet (.pdf), review (.json) or certificate (.cer, .pem).
        file: PathBuf,
        /// The fingerprint as you heard it (at least its first 16 characters).
        #[arg(long)]
        fingerprint: String,
    },
    /// Stop trusting a certificate.
    Remove {
        /// Its fingerprint (or a unique start of it).
        fingerprint: String,
    },
}

fn read_bytes(path: &Path) -> anyhow::Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| {
        vigil::Error::Io {
            path: path.to_path_buf(),
            source: e,
        }
        .into()
    })
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default()
}

/// "page:4=text" → anchored comment; plain text → about the whole packet.
pub fn parse_comment(spec: &str) -> CommentInput {
    if let Some((head, text)) = spec.split_once('=') {
        if let Some((kind, target)) = head.split_once(':') {
            if let Some(kind) = AnchorKind::parse(kind.trim()) {
                return CommentInput {
                    anchor: Some(Anchor {
                        kind,
                        target: target.trim().to_string(),
                        label: String::new(),
                    }),
                    text: text.trim().to_string(),
                };
            }
        }
    }
    CommentInput {
        anchor: None,
        text: spec.trim().to_string(),
    }
}

fn parse_check(spec: &str) -> anyhow::Result<CheckInput> {
    let (id, answer) = spec
        .split_once('=')
        .ok_or_else(|| anyhow::anyhow!("--check takes ID=yes|no|na, e.g. --check elements=yes"))?;
    let answer = CheckAnswer::parse(answer.trim())
        .ok_or_else(|| anyhow::anyhow!("--check {id}: answer yes, no or na"))?;
    Ok(CheckInput {
        id: id.trim().to_string(),
        answer,
        note: String::new(),
    })
}

fn print_trust(t: &SignerTrust) {
    outln!("  {}", t.message);
    if !t.fingerprint.is_empty() {
        outln!("  fingerprint: {}", t.grouped);
    }
    for f in &t.trusted_fingerprints {
        outln!("  trusted for this person: {}", signers::grouped(f));
    }
}

fn print_points(list: &[AppliedReview]) {
    if list.is_empty() {
        outln!("No review has been applied to this case.");
    }
    for a in list {
        let r = &a.review;
        outln!(
            "{} by {} on {} (review {}, packet {}…){}",
            if r.decision == Decision::Approve {
                "APPROVED"
            } else {
                "RETURNED"
            },
            r.reviewer.name,
            r.decided_at.get(..10).unwrap_or(&r.decided_at),
            r.id.get(..8).unwrap_or(&r.id),
            r.packet_sha256.get(..16).unwrap_or(&r.packet_sha256),
            if a.open > 0 {
                format!(": {} point(s) to address", a.open)
            } else {
                String::new()
            }
        );
        if !r.summary.is_empty() {
            outln!("  {}", r.summary);
        }
        for p in &a.points {
            outln!(
                "  [{}] {}. {}{}",
                if p.done { "x" } else { " " },
                p.comment.id,
                p.comment
                    .anchor
                    .as_ref()
                    .map(|a| format!("({}) ", a.label))
                    .unwrap_or_default(),
                p.comment.text
            );
        }
    }
}

/// Checks a checklist file without a workspace.
pub fn validate_checklist(file: &Path) -> anyhow::Result<()> {
    let text = String::from_utf8(read_bytes(file)?)
        .map_err(|_| anyhow::anyhow!("{} is not UTF-8 text", file.display()))?;
    let c = Checklist::parse(&text, &file_name(file))?;
    outln!(
        "{}: valid — {} ({} items)",
        file.display(),
        c.title,
        c.items.len()
    );
    Ok(())
}

/// Runs a review command.
pub fn run(ws: &mut UnlockedWorkspace, c: &ReviewCommand) -> anyhow::Result<ExitCode> {
    let today = chrono::Utc::now().date_naive();
    match c {
        ReviewCommand::Open { file, json } => {
            let bytes = read_bytes(file)?;
            let r = ws.open_packet_review(&bytes, &file_name(file), today)?;
            if *json {
                crate::print_json(&r)?;
            } else {
                outln!(
                    "{}: {}",
                    file.display(),
                    if r.report.ok {
                        "intact"
                    } else {
                        "FAILED VERIFICATION"
                    }
                );
                for k in &r.report.checks {
                    outln!(
                        "  [{}] {}: {}",
                        if k.ok { "ok" } else { "FAIL" },
                        k.name,
                        k.detail
                    );
                }
                if let Some(m) = &r.report.manifest {
                    outln!(
                        "  case {} — {} — signed {}",
                        m.case_number,
                        m.profile.copy_label(),
                        r.report
                            .signed_at
                            .as_deref()
                            .unwrap_or("at an unknown time")
                    );
                }
                print_trust(&r.trust);
                if let Some(d) = &r.dashboard {
                    outln!("Case copy {} — {} open point(s):", d.case_number, d.open);
                    for l in &d.lines {
                        outln!(
                            "  [{}] {}: {}",
                            if l.ok { "ok" } else { "!!" },
                            l.title,
                            l.summary
                        );
                        for i in &l.items {
                            outln!("       - {i}");
                        }
                    }
                } else {
                    outln!("No copy of this case is in this workspace: receive the review copy to see its dashboard.");
                }
                for e in &r.earlier {
                    outln!("Already {} here on {}.", e.decision.as_str(), e.decided_at);
                }
                if r.approvable {
                    outln!("Nothing stands in the way of approving.");
                } else {
                    for b in &r.blockers {
                        outln!("Cannot approve: {b}");
                    }
                }
            }
            return Ok(if r.report.ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(15)
            });
        }
        ReviewCommand::Decide {
            file,
            approve,
            return_it: _,
            summary,
            comments,
            checks,
            out,
            force,
        } => {
            if out.exists() && !force {
                anyhow::bail!(
                    "{} exists: choose another name or add --force",
                    out.display()
                );
            }
            let bytes = read_bytes(file)?;
            let input = DecisionInput {
                decision: if *approve {
                    Decision::Approve
                } else {
                    Decision::Return
                },
                summary: summary.clone(),
                comments: comments.iter().map(|s| parse_comment(s)).collect(),
                checklist: checks
                    .iter()
                    .map(|s| parse_check(s))
                    .collect::<anyhow::Result<_>>()?,
            };
            let w = ws.decide_review(&bytes, &file_name(file), &input, out)?;
            eprintln!(
                "{} packet of case {}; signed review written to {} (SHA-256 {})",
                if *approve {
                    "Approved the"
                } else {
                    "Returned the"
                },
                w.review.case_number,
                w.path,
                w.sha256
            );
        }
        ReviewCommand::Apply { number, file, json } => {
            let bytes = read_bytes(file)?;
            let a = ws.apply_review(number, &bytes)?;
            if *json {
                crate::print_json(&a)?;
            } else {
                print_points(std::slice::from_ref(&a));
            }
        }
        ReviewCommand::Points { number, json } => {
            let list = ws.case_reviews(number)?;
            if *json {
                crate::print_json(&list)?;
            } else {
                print_points(&list);
            }
        }
        ReviewCommand::Tick {
            number,
            review,
            point,
            undo,
        } => {
            let id = ws
                .case_reviews(number)?
                .into_iter()
                .map(|a| a.review.id)
                .filter(|id| id.starts_with(review.as_str()))
                .collect::<Vec<_>>();
            let [id] = <[String; 1]>::try_from(id).map_err(|_| {
                anyhow::anyhow!("no single review of case {number} starts with {review}")
            })?;
            let list = ws.tick_review_point(number, &id, point, !undo)?;
            print_points(&list);
        }
        ReviewCommand::Register { json } => {
            let list = ws.review_register()?;
            if *json {
                crate::print_json(&list)?;
            } else if list.is_empty() {
                outln!("This workspace has signed no review yet.");
            } else {
                for r in &list {
                    outln!(
                        "{}  {:<8} case {:<16} signed by {:<24} {} comment(s)  packet {}…",
                        r.decided_at.get(..10).unwrap_or(&r.decided_at),
                        r.decision.as_str(),
                        r.case_number,
                        r.packet_signer,
                        r.comments,
                        r.packet_sha256.get(..16).unwrap_or(&r.packet_sha256)
                    );
                }
            }
        }
        ReviewCommand::Agenda { json } => {
            let a = ws.review_agenda(today)?;
            if *json {
                crate::print_json(&a)?;
            } else if a.cases.is_empty() {
                outln!("No open case in this workspace: receive review copies (vigil case receive) to build the agenda.");
            } else {
                for c in &a.cases {
                    outln!(
                        "{} — {} [{}{}] risk {}{}",
                        c.case_number,
                        c.title,
                        c.status.as_str(),
                        if c.review_copy { ", review copy" } else { "" },
                        c.risk_level.as_deref().unwrap_or("not assessed"),
                        c.risk_at_last_review
                            .as_deref()
                            .map(|l| format!(" (was {l} at the last review)"))
                            .unwrap_or_default()
                    );
                    outln!(
                        "  last reviewed {}; {} new incident(s) since; {} overdue",
                        c.last_reviewed
                            .as_deref()
                            .map(|d| d.get(..10).unwrap_or(d))
                            .unwrap_or("never"),
                        c.new_incidents,
                        c.overdue.len()
                    );
                    for d in &c.overdue {
                        outln!("  overdue {}: {}", d.due_on, d.label);
                    }
                    if let Some(m) = c.minutes.first() {
                        outln!(
                            "  last minute ({}): {}",
                            m.at.get(..10).unwrap_or(&m.at),
                            m.text
                        );
                        for act in &m.actions {
                            outln!("    action: {act}");
                        }
                    }
                }
            }
        }
        ReviewCommand::Minute {
            number,
            text,
            actions,
        } => {
            let m = ws.add_minute(number, text, actions)?;
            eprintln!(
                "Minute recorded for case {number} ({} action(s))",
                m.actions.len()
            );
        }
        ReviewCommand::Checklist(ChecklistCommand::Show { json }) => {
            let c = ws.review_checklist()?;
            if *json {
                crate::print_json(&c)?;
            } else {
                outln!("{} ({}, version {})", c.title, c.id, c.version);
                for i in &c.items {
                    outln!("  {:<12} {}", i.id, i.label);
                }
            }
        }
        ReviewCommand::Checklist(ChecklistCommand::Validate { file }) => validate_checklist(file)?,
        ReviewCommand::Checklist(ChecklistCommand::Use { file }) => {
            let text = String::from_utf8(read_bytes(file)?)
                .map_err(|_| anyhow::anyhow!("{} is not UTF-8 text", file.display()))?;
            let c = ws.use_review_checklist(&text, &file_name(file))?;
            eprintln!(
                "Review checklist {} ({} items) is in use",
                c.title,
                c.items.len()
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Runs a signer command.
pub fn signer(ws: &mut UnlockedWorkspace, c: &SignerCommand) -> anyhow::Result<()> {
    match c {
        SignerCommand::List { json } => {
            let list = ws.trusted_signers()?;
            if *json {
                crate::print_json(&list)?;
            } else if list.is_empty() {
                outln!("No signer is trusted yet: vigil signer trust PACKET.pdf --fingerprint …");
            } else {
                for s in &list {
                    outln!(
                        "{} (badge {}, {}, {}) since {}",
                        s.named.name,
                        s.named.badge,
                        s.named.unit,
                        s.named.agency,
                        s.trusted_at.get(..10).unwrap_or(&s.trusted_at)
                    );
                    outln!("  {}", s.grouped);
                }
            }
        }
        SignerCommand::Show { file, json } => {
            let t = ws.describe_signer(&read_bytes(file)?)?;
            if *json {
                crate::print_json(&t)?;
            } else {
                print_trust(&t);
            }
        }
        SignerCommand::Trust { file, fingerprint } => {
            let s = ws.trust_signer(&read_bytes(file)?, fingerprint)?;
            eprintln!("Trusted {} — {}", s.named.name, s.grouped);
        }
        SignerCommand::Remove { fingerprint } => {
            let s = ws.remove_signer(fingerprint)?;
            eprintln!("No longer trusted: {} — {}", s.named.name, s.grouped);
        }
    }
    Ok(())
}
