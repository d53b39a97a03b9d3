//! Supervisor review of exported packets and case copies.
//!
//! - [`signers`]: the certificates a supervisor trusts, each confirmed by
//!   its fingerprint through another channel.
//! - [`UnlockedWorkspace::open_packet_review`]: a packet checked (signature,
//!   manifest, signer's trust) with the completeness dashboard of its case
//!   copy when that copy is in this workspace.
//! - [`UnlockedWorkspace::decide_review`]: approve or return, with comments
//!   and the agency's checklist, as a review file signed like the packet and
//!   kept in the workspace's register.
//! - [`apply`]: on the investigator's laptop, the review file goes into the
//!   case's audit chain and its comments become points to tick off.
//! - [`dashboard`]: the dashboard and the unit review agenda with minutes.

pub mod apply;
pub mod checklist;
pub mod dashboard;
pub mod file;
pub mod model;
pub mod signers;

pub use checklist::{Checklist, ChecklistItem};
pub use model::*;

use crate::packet::PacketProfile;
use crate::store::{registry, review as db};
use crate::workspace::UnlockedWorkspace;
use crate::{crypto, fsutil, Error, Result};
use std::path::Path;

const CHECKLIST_SETTING: &str = "review.checklist";

pub(crate) fn record_of(r: db::ReviewRow) -> ReviewRecord {
    let comments = serde_json::from_str::<serde_json::Value>(&r.file)
        .ok()
        .and_then(|v| v["review"]["comments"].as_array().map(|a| a.len() as u32))
        .unwrap_or(0);
    ReviewRecord {
        id: r.id,
        case_number: r.case_number,
        decision: Decision::parse(&r.decision).unwrap_or(Decision::Return),
        decided_at: r.decided_at,
        packet_sha256: r.packet_sha256,
        packet_signer: r.packet_signer,
        comments,
    }
}

fn refused(reason: impl Into<String>) -> Error {
    Error::ReviewRefused {
        reason: reason.into(),
    }
}

impl UnlockedWorkspace {
    /// The review checklist: the agency's if loaded, else Vigil's.
    pub fn review_checklist(&self) -> Result<Checklist> {
        match registry::setting(&self.db, CHECKLIST_SETTING)? {
            Some(text) => Checklist::parse(&text, "workspace checklist"),
            None => Checklist::default_checklist(),
        }
    }

    /// Checks and loads an agency checklist for future reviews.
    pub fn use_review_checklist(&mut self, text: &str, file_name: &str) -> Result<Checklist> {
        let c = Checklist::parse(text, file_name)?;
        self.set_setting(CHECKLIST_SETTING, text)?;
        Ok(c)
    }

    /// Opens a packet for review from its bytes (`file` names it): verifies
    /// it, says who signed and whether they are trusted, and when the case
    /// copy is in this workspace shows its completeness dashboard.
    pub fn open_packet_review(
        &mut self,
        bytes: &[u8],
        file: &str,
        today: chrono::NaiveDate,
    ) -> Result<PacketReview> {
        if !bytes.starts_with(b"%PDF") {
            return Err(refused(
                "this is not a PDF: choose the packet (.pdf) the investigator sent",
            ));
        }
        // The file on its own: a case copy here may be older than the packet,
        // which the dashboard says; it does not make the packet bad.
        let report = crate::packet::verify_packet_bytes(bytes);
        let cert = crate::packet::packet_certificate(bytes);
        let trust = self.trust_of(cert.as_deref())?;
        let sha256 = crypto::to_hex(&crypto::sha256(bytes));
        let mut blockers = Vec::new();
        if report.manifest.is_none() {
            blockers.push(
                "It is not a Vigil packet (no manifest): it cannot be reviewed here.".to_string(),
            );
        }
        if !report.ok {
            let failed: Vec<String> = report
                .checks
                .iter()
                .filter(|c| !c.ok)
                .map(|c| format!("{}: {}", c.name, c.detail))
                .collect();
            blockers.push(format!(
                "The packet fails verification ({}). Ask the investigator to export and send it again.",
                failed.join("; ")
            ));
        }
        match trust.state {
            TrustState::Trusted | TrustState::Unsigned => {}
            TrustState::Unknown => blockers.push(
                "The signer is not trusted yet: confirm the fingerprint with them, then trust it."
                    .into(),
            ),
            TrustState::Conflict => blockers.push(
                "The packet is signed with another key than the one trusted for this signer."
                    .into(),
            ),
        }
        if report
            .manifest
            .as_ref()
            .is_some_and(|m| m.profile == PacketProfile::Training)
        {
            blockers.push("This is a training packet, not evidence.".into());
        }
        let dashboard = match &report.manifest {
            Some(m) => {
                let number = self
                    .list_cases()?
                    .into_iter()
                    .find(|c| c.case_id == m.case_id)
                    .map(|c| c.number);
                match number {
                    Some(n) => Some(self.case_dashboard(&n, today, Some(m))?),
                    None => None,
                }
            }
            None => None,
        };
        if dashboard.as_ref().is_some_and(|d| d.packet_conflict) {
            blockers.push(
                "The packet does not come from the history of the case copy in this workspace."
                    .into(),
            );
        }
        let earlier = db::reviews(&self.db)?
            .into_iter()
            .filter(|r| r.packet_sha256 == sha256)
            .map(record_of)
            .collect();
        Ok(PacketReview {
            file: file.to_string(),
            sha256,
            size: bytes.len() as u64,
            approvable: blockers.is_empty(),
            blockers,
            report,
            trust,
            dashboard,
            earlier,
        })
    }

    /// Approves or returns a packet: checks it, builds the review (comments
    /// numbered, the checklist completed), signs it with this workspace's
    /// identity, keeps it in the register and writes the review file to
    /// `out`. Approving needs an intact packet by a trusted signer and no
    /// checklist item answered "no"; returning needs reasons.
    pub fn decide_review(
        &mut self,
        packet: &[u8],
        packet_file: &str,
        input: &DecisionInput,
        out: &Path,
    ) -> Result<ReviewWritten> {
        let today = chrono::Utc::now().date_naive();
        let opened = self.open_packet_review(packet, packet_file, today)?;
        let manifest = match (&opened.report.manifest, opened.report.ok) {
            (Some(m), true) => m.clone(),
            _ => {
                return Err(refused(format!(
                    "this packet cannot be reviewed: {}",
                    opened.blockers.join(" ")
                )))
            }
        };
        let checklist = self.review_checklist()?;
        for c in &input.checklist {
            if !checklist.items.iter().any(|i| i.id == c.id) {
                return Err(Error::validation(
                    "checklist",
                    format!("\u{201c}{}\u{201d} is not an item of the checklist", c.id),
                ));
            }
        }
        let answers: Vec<CheckResult> = checklist
            .items
            .iter()
            .map(|i| {
                let given = input.checklist.iter().find(|c| c.id == i.id);
                CheckResult {
                    id: i.id.clone(),
                    label: i.label.clone(),
                    answer: given.map(|g| g.answer).unwrap_or(CheckAnswer::Open),
                    note: given.map(|g| g.note.trim().to_string()).unwrap_or_default(),
                }
            })
            .collect();
        let mut comments = Vec::new();
        for (n, c) in input.comments.iter().enumerate() {
            let text = c.text.trim();
            if text.is_empty() || text.chars().count() > 4000 {
                return Err(Error::validation(
                    "comment",
                    "write each comment (1 to 4,000 characters)",
                ));
            }
            let anchor = match &c.anchor {
                None => None,
                Some(a) => {
                    let target = a.target.trim();
                    if target.is_empty() || target.chars().count() > 200 {
                        return Err(Error::validation(
                            "comment",
                            "say what the comment is about",
                        ));
                    }
                    if a.kind == AnchorKind::Page {
                        let ok = target
                            .parse::<u32>()
                            .is_ok_and(|p| p >= 1 && p <= manifest.pages);
                        if !ok {
                            return Err(Error::validation(
                                "comment",
                                format!("the packet has pages 1 to {}", manifest.pages),
                            ));
                        }
                    }
                    let label = if a.label.trim().is_empty() {
                        format!("{} {target}", sections_word(a.kind))
                    } else {
                        a.label.trim().to_string()
                    };
                    Some(Anchor {
                        kind: a.kind,
                        target: target.to_string(),
                        label,
                    })
                }
            };
            comments.push(Comment {
                id: (n + 1).to_string(),
                anchor,
                text: text.to_string(),
            });
        }
        let summary = input.summary.trim().to_string();
        match input.decision {
            Decision::Approve => {
                if !opened.approvable {
                    return Err(refused(format!(
                        "this packet cannot be approved: {}",
                        opened.blockers.join(" ")
                    )));
                }
                if let Some(no) = answers.iter().find(|a| a.answer == CheckAnswer::No) {
                    return Err(refused(format!(
                        "\u{201c}{}\u{201d} is answered no: return the packet, or change the answer",
                        no.label
                    )));
                }
            }
            Decision::Return => {
                if summary.is_empty() && comments.is_empty() {
                    return Err(Error::validation(
                        "reasons",
                        "say what is to be addressed: a summary or at least one comment",
                    ));
                }
            }
        }
        let identity = self.identity()?;
        let me = identity.summary()?;
        let profile = self.profile().cloned().unwrap_or_default();
        let cert_named = signers::named(&identity.cert_der)?;
        let review = Review {
            id: crypto::random_id()?,
            packet_sha256: opened.sha256.clone(),
            packet_file: packet_file.to_string(),
            case_id: manifest.case_id.clone(),
            case_number: manifest.case_number.clone(),
            profile: manifest.profile.as_str().to_string(),
            packet_signed_at: opened.report.signed_at.clone(),
            chain_seq: manifest.chain_seq,
            packet_signer: opened.trust.named.clone(),
            packet_signer_fingerprint: opened.trust.fingerprint.clone(),
            decision: input.decision,
            summary,
            comments,
            checklist_id: checklist.id.clone(),
            checklist_version: checklist.version,
            checklist: answers,
            reviewer: Named {
                name: if profile.name.is_empty() {
                    cert_named.name
                } else {
                    profile.name
                },
                badge: if profile.badge.is_empty() {
                    cert_named.badge
                } else {
                    profile.badge
                },
                unit: if profile.unit.is_empty() {
                    cert_named.unit
                } else {
                    profile.unit
                },
                agency: if profile.agency.is_empty() {
                    cert_named.agency
                } else {
                    profile.agency
                },
            },
            reviewer_fingerprint: me.fingerprint,
            decided_at: crate::now_rfc3339(),
        };
        let bytes = file::seal(&review, &identity)?;
        fsutil::write_atomic(out, &bytes)?;
        let row = db::ReviewRow {
            id: review.id.clone(),
            packet_sha256: review.packet_sha256.clone(),
            case_id: review.case_id.clone(),
            case_number: review.case_number.clone(),
            decision: review.decision.as_str().to_string(),
            decided_at: review.decided_at.clone(),
            packet_signer: review.packet_signer.name.clone(),
            file: String::from_utf8_lossy(&bytes).to_string(),
        };
        if let Err(e) = self.write_db(|tx| db::add_review(tx, &row)) {
            // The register is the supervisor's record: no file without it.
            let _ = std::fs::remove_file(out);
            return Err(e);
        }
        Ok(ReviewWritten {
            path: out.display().to_string(),
            sha256: crypto::to_hex(&crypto::sha256(&bytes)),
            review,
        })
    }

    /// The reviews this workspace signed, newest first.
    pub fn review_register(&self) -> Result<Vec<ReviewRecord>> {
        Ok(db::reviews(&self.db)?.into_iter().map(record_of).collect())
    }

    /// Reads and checks a review file on its own (signature, reviewer), with
    /// the reviewer's trust as this workspace sees it.
    pub fn read_review(&self, bytes: &[u8]) -> Result<VerifiedReview> {
        let (review, cert) = file::read(bytes)?;
        Ok(VerifiedReview {
            review,
            file_sha256: crypto::to_hex(&crypto::sha256(bytes)),
            reviewer_trust: self.trust_of(Some(&cert))?,
        })
    }

    /// [`open_packet_review`](Self::open_packet_review) of a file on disk.
    pub fn open_packet_review_file(&mut self, path: &Path) -> Result<(PacketReview, Vec<u8>)> {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let today = chrono::Utc::now().date_naive();
        Ok((self.open_packet_review(&bytes, &name, today)?, bytes))
    }
}

fn sections_word(k: AnchorKind) -> &'static str {
    match k {
        AnchorKind::Section => "Section",
        AnchorKind::Page => "Page",
        AnchorKind::Incident => "Incident",
        AnchorKind::Exhibit => "Exhibit",
        AnchorKind::Person => "Person",
        AnchorKind::Item => "Protocol item",
    }
}
