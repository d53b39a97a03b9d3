//! The investigator's side: a supervisor's review file applied to the case
//! it names. The whole signed file goes into the case's audit chain (so the
//! review travels with the case and cannot be edited unseen); its comments
//! become points to tick off, each tick an audit event too.

use super::model::{AppliedReview, Comment, Decision, ReviewPoint};
use crate::store::{audit, cases};
use crate::workspace::{Change, UnlockedWorkspace};
use crate::{crypto, Error, Result};

const APPLY: &str = "review.apply";
const POINT: &str = "review.point";
const ENTITY: &str = "review";

fn refused(reason: String) -> Error {
    Error::ReviewRefused { reason }
}

impl UnlockedWorkspace {
    /// Applies a supervisor's review file to case `number`: the signature
    /// must hold, the review must name this case and a packet exported from
    /// it, and it must not have been applied before.
    pub fn apply_review(&mut self, number: &str, bytes: &[u8]) -> Result<AppliedReview> {
        let (review, _cert) = super::file::read(bytes)?;
        let case_id = {
            let conn = &self.case(number)?.conn;
            cases::read_header(conn)?
                .map(|h| h.case_id)
                .unwrap_or_default()
        };
        if review.case_id != case_id {
            return Err(refused(format!(
                "this review is for case {} (another case file), not for case {number}: apply it to the case it names",
                review.case_number
            )));
        }
        let exported = self
            .packet_history(number)?
            .into_iter()
            .any(|p| p.sha256 == review.packet_sha256);
        if !exported {
            return Err(refused(format!(
                "this review is of a packet (SHA-256 {}…) that was never exported from case {number}: it may be of a copy made elsewhere, or the packet was changed before it was reviewed",
                review.packet_sha256.get(..16).unwrap_or(&review.packet_sha256)
            )));
        }
        if let Some(a) = self
            .case_reviews(number)?
            .into_iter()
            .find(|a| a.review.id == review.id)
        {
            return Err(Error::AlreadyExists {
                kind: "review",
                id: format!(
                    "{} (applied {})",
                    review.id,
                    a.applied_at.get(..10).unwrap_or(&a.applied_at)
                ),
            });
        }
        let file: serde_json::Value =
            serde_json::from_slice(bytes).map_err(|_| Error::Crypto("review re-read"))?;
        let sha = crypto::to_hex(&crypto::sha256(bytes));
        let id = review.id.clone();
        self.write_case(number, false, |_tx| {
            let mut c = Change::new(APPLY, ENTITY, &id, sha.clone());
            c.detail = serde_json::json!({
                "decision": review.decision.as_str(),
                "reviewer": review.reviewer.name,
                "packetSha256": review.packet_sha256,
                "fileSha256": sha,
                "file": file,
            });
            Ok(((), vec![c]))
        })?;
        self.case_reviews(number)?
            .into_iter()
            .find(|a| a.review.id == id)
            .ok_or(Error::NotFound { kind: "review", id })
    }

    /// The reviews applied to a case, newest first, with their points.
    pub fn case_reviews(&mut self, number: &str) -> Result<Vec<AppliedReview>> {
        let conn = &self.case(number)?.conn;
        let events = audit::events_of(conn, &[APPLY, POINT])?;
        let mut out: Vec<AppliedReview> = Vec::new();
        for (_, at, actor, action, entity_id, detail) in events {
            let d: serde_json::Value = serde_json::from_str(&detail).unwrap_or_default();
            if action == APPLY {
                let file = serde_json::to_vec(&d["file"]).unwrap_or_default();
                // Re-checked on every read: the chain protects the event,
                // the signature the supervisor's words.
                let Ok((review, _)) = super::file::read(&file) else {
                    continue;
                };
                let points = review
                    .comments
                    .iter()
                    .map(|c: &Comment| ReviewPoint {
                        comment: c.clone(),
                        done: false,
                        done_note: String::new(),
                    })
                    .collect();
                out.push(AppliedReview {
                    file_sha256: d["fileSha256"].as_str().unwrap_or_default().to_string(),
                    review,
                    applied_at: at,
                    applied_by: actor,
                    points,
                    open: 0,
                });
            } else if let Some(a) = out.iter_mut().find(|a| a.review.id == entity_id) {
                let pid = d["point"].as_str().unwrap_or_default();
                if let Some(p) = a.points.iter_mut().find(|p| p.comment.id == pid) {
                    p.done = d["done"].as_bool().unwrap_or(false);
                    p.done_note = if p.done {
                        format!("addressed {} by {actor}", at.get(..10).unwrap_or(&at))
                    } else {
                        String::new()
                    };
                }
            }
        }
        for a in &mut out {
            a.open = if a.review.decision == Decision::Return {
                a.points.iter().filter(|p| !p.done).count() as u32
            } else {
                0
            };
        }
        out.reverse();
        Ok(out)
    }

    /// Ticks a point of an applied review off (or back on).
    pub fn tick_review_point(
        &mut self,
        number: &str,
        review_id: &str,
        point: &str,
        done: bool,
    ) -> Result<Vec<AppliedReview>> {
        let known = self
            .case_reviews(number)?
            .into_iter()
            .any(|a| a.review.id == review_id && a.points.iter().any(|p| p.comment.id == point));
        if !known {
            return Err(Error::NotFound {
                kind: "review point",
                id: format!("{review_id}/{point}"),
            });
        }
        self.write_case(number, false, |_tx| {
            let detail = serde_json::json!({ "point": point, "done": done });
            let mut c = Change::new(
                POINT,
                ENTITY,
                review_id,
                crypto::to_hex(&crypto::sha256(detail.to_string().as_bytes())),
            );
            c.detail = detail;
            Ok(((), vec![c]))
        })?;
        self.case_reviews(number)
    }
}
