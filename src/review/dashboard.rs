//! What a supervisor sees of a case copy: the completeness dashboard, and
//! the unit review agenda across every case copy received, with minutes.

use super::model::{Agenda, AgendaCase, Dashboard, DashboardLine, Minute};
use crate::case::{CaseStatus, CaseSummary};
use crate::management::{DueKind, PlanStatus};
use crate::packet::Manifest;
use crate::risk::RiskLevel;
use crate::store::{audit, incidents, manage, review as db};
use crate::workspace::UnlockedWorkspace;
use crate::{Error, Result};

fn line(
    key: &str,
    title: &str,
    items: Vec<String>,
    ok_text: &str,
    open_text: String,
) -> DashboardLine {
    DashboardLine {
        key: key.into(),
        title: title.into(),
        ok: items.is_empty(),
        summary: if items.is_empty() {
            ok_text.into()
        } else {
            open_text
        },
        items,
    }
}

fn level_rank(l: RiskLevel) -> u8 {
    match l {
        RiskLevel::Low => 0,
        RiskLevel::Moderate => 1,
        RiskLevel::High => 2,
        RiskLevel::Imminent => 3,
    }
}

impl UnlockedWorkspace {
    fn summary_of(&self, number: &str) -> Result<CaseSummary> {
        self.list_cases()?
            .into_iter()
            .find(|c| c.number == number)
            .ok_or(Error::NotFound {
                kind: "case",
                id: number.to_string(),
            })
    }

    /// The completeness dashboard of a case in this workspace (usually a
    /// received review copy); with `packet`, also whether the packet's chain
    /// head is in this copy's history.
    pub fn case_dashboard(
        &mut self,
        number: &str,
        today: chrono::NaiveDate,
        packet: Option<&Manifest>,
    ) -> Result<Dashboard> {
        let summary = self.summary_of(number)?;
        let mut lines = Vec::new();

        let omissions = self
            .protocol_view(number)
            .map(|v| v.status.omissions)
            .unwrap_or_default();
        let items: Vec<String> = omissions
            .iter()
            .map(|o| format!("{}: {} ({})", o.step_label, o.text, o.requirement.as_str()))
            .collect();
        let n = items.len();
        lines.push(line(
            "protocol",
            "Protocol",
            items,
            "Every required and recommended item is answered.",
            format!("{n} required or recommended item(s) not answered."),
        ));

        let matrix = self.elements_matrix(number)?;
        let items: Vec<String> = matrix
            .gaps
            .iter()
            .map(|g| format!("{} ({})", g.message, g.level.as_str()))
            .collect();
        let n = items.len();
        lines.push(line(
            "elements",
            "Offence elements",
            items,
            if matrix.statutes.is_empty() {
                "No statute is charged yet."
            } else {
                "Every element of the charged statutes has support."
            },
            format!("{n} gap(s) in the proof."),
        ));

        let (risks, plan, latest_incident) = {
            let conn = &self.case(number)?.conn;
            let latest_incident = incidents::all(conn)?
                .into_iter()
                .map(|i| i.created_at)
                .max();
            (manage::risks(conn)?, manage::plan(conn)?, latest_incident)
        };
        let today_s = today.to_string();
        let mut items = Vec::new();
        match risks.first() {
            None => items.push("No risk assessment is recorded.".to_string()),
            Some(r) => {
                if r.next_review < today_s {
                    items.push(format!(
                        "Reassessment was due {} (last judged {} on {}).",
                        r.next_review,
                        r.input.level.as_str(),
                        r.input.assessed_on
                    ));
                }
                if latest_incident
                    .as_deref()
                    .is_some_and(|i| i > r.created_at.as_str())
                {
                    items.push(
                        "Incidents were recorded after the latest assessment: reassess.".into(),
                    );
                }
            }
        }
        let n = items.len();
        lines.push(line(
            "reassessment",
            "Risk reassessment",
            items,
            "Risk is assessed, and reassessed since the latest incident.",
            format!("{n} point(s) on reassessment."),
        ));

        let active = plan
            .iter()
            .filter(|p| !matches!(p.input.status, PlanStatus::Done | PlanStatus::Declined))
            .count();
        let mut items = Vec::new();
        if let Some(r) = risks.first() {
            let rank = level_rank(r.input.level);
            if rank >= 2 && active == 0 {
                items.push(format!(
                    "Risk is judged {} but the management plan has no active item.",
                    r.input.level.as_str()
                ));
            }
            if rank >= 2
                && !plan.iter().any(|p| {
                    p.input.kind == crate::management::PlanKind::Advocate
                        && !matches!(p.input.status, PlanStatus::Declined)
                })
            {
                items.push("No victim advocate is in the plan.".into());
            }
        }
        let n = items.len();
        lines.push(line(
            "plan",
            "Risk against the management plan",
            items,
            &match risks.first() {
                Some(r) => format!(
                    "Risk judged {}; {active} active plan item(s).",
                    r.input.level.as_str()
                ),
                None => "No risk level to weigh the plan against.".into(),
            },
            format!("{n} point(s) on the plan."),
        ));

        let items: Vec<String> = self
            .list_exhibits(number, None)?
            .into_iter()
            .filter(|e| e.custody_count <= 1)
            .map(|e| {
                format!(
                    "{}: {} (no custody event after intake)",
                    e.number, e.description
                )
            })
            .collect();
        let n = items.len();
        lines.push(line(
            "custody",
            "Exhibit custody",
            items,
            "Every exhibit has custody recorded after intake.",
            format!("{n} exhibit(s) with nothing recorded after intake."),
        ));

        let due = self.case_due(&summary, today)?;
        let pick = |k: DueKind| -> Vec<String> {
            due.iter()
                .filter(|d| d.kind == k)
                .map(|d| {
                    format!(
                        "{} — {}{}",
                        d.label,
                        d.due_on,
                        if d.overdue { " (past)" } else { "" }
                    )
                })
                .collect()
        };
        let items = pick(DueKind::OrderExpiring);
        let n = items.len();
        lines.push(line(
            "orders",
            "Orders expiring",
            items,
            "No order expires in the next 30 days.",
            format!("{n} order(s) expire within 30 days."),
        ));
        let items = pick(DueKind::PreservationExpiring);
        let n = items.len();
        lines.push(line(
            "preservation",
            "Preservation letters due",
            items,
            "No preservation letter runs out in the next 30 days.",
            format!("{n} preservation letter(s) to renew or follow with process."),
        ));

        let mut packet_conflict = false;
        if let Some(m) = packet {
            let conn = &self.case(number)?.conn;
            let at = audit::hash_at(conn, m.chain_seq)?;
            let head = audit::head(conn)?;
            let mut items = Vec::new();
            if m.case_id != summary.case_id {
                packet_conflict = true;
                items.push("The packet is of another case.".into());
            } else if m.chain_seq > head.seq {
                items.push(format!(
                    "This copy ends at audit event {}; the packet was made at event {}: ask for a fresh review copy to see the case as the packet shows it.",
                    head.seq, m.chain_seq
                ));
            } else if at.as_deref() != Some(m.chain_head.as_str()) {
                packet_conflict = true;
                items.push(format!(
                    "This copy's audit event {} is not the packet's head: the packet does not come from this copy's history.",
                    m.chain_seq
                ));
            }
            let summary_text = if items.is_empty() && head.seq > m.chain_seq {
                format!(
                    "The packet's chain head is in this copy; the copy has {} later event(s).",
                    head.seq - m.chain_seq
                )
            } else {
                "The packet's chain head is the copy's.".into()
            };
            lines.push(line(
                "chain",
                "Packet against the case copy",
                items,
                &summary_text,
                "The packet does not match this case copy.".into(),
            ));
        }
        let open = lines.iter().filter(|l| !l.ok).count() as u32;
        Ok(Dashboard {
            case_number: summary.number,
            title: summary.title,
            review_copy: summary.read_only,
            lines,
            open,
            packet_conflict,
        })
    }

    /// Records a minute of a unit case review (kept in this workspace, not in
    /// the case file: a review copy stays as received).
    pub fn add_minute(&mut self, number: &str, text: &str, actions: &[String]) -> Result<Minute> {
        let summary = self.summary_of(number)?;
        let text = text.trim();
        if text.is_empty() || text.chars().count() > 10_000 {
            return Err(Error::validation(
                "minute",
                "write what was said (up to 10,000 characters)",
            ));
        }
        let actions: Vec<String> = actions
            .iter()
            .map(|a| a.trim().to_string())
            .filter(|a| !a.is_empty())
            .collect();
        let m = Minute {
            id: crate::crypto::random_id()?,
            at: crate::now_rfc3339(),
            by: self.actor(),
            text: text.to_string(),
            actions,
        };
        let row = (
            m.id.clone(),
            m.at.clone(),
            m.by.clone(),
            m.text.clone(),
            serde_json::to_string(&m.actions).map_err(|_| Error::Crypto("minute encoding"))?,
        );
        self.write_db(|tx| db::add_minute(tx, &summary.case_id, &summary.number, &row))?;
        Ok(m)
    }

    /// The unit review agenda: every open case in this workspace, most
    /// pressing first, with what changed since it was last reviewed here.
    pub fn review_agenda(&mut self, today: chrono::NaiveDate) -> Result<Agenda> {
        let mut cases = Vec::new();
        for c in self.list_cases()? {
            if c.status == CaseStatus::Closed {
                continue;
            }
            let last_decision = db::latest_review(&self.db, &c.case_id)?.map(super::record_of);
            let minutes: Vec<Minute> = db::minutes(&self.db, &c.case_id)?
                .into_iter()
                .map(|(id, at, by, text, actions)| Minute {
                    id,
                    at,
                    by,
                    text,
                    actions: serde_json::from_str(&actions).unwrap_or_default(),
                })
                .collect();
            let last_reviewed = [
                last_decision.as_ref().map(|d| d.decided_at.clone()),
                minutes.first().map(|m| m.at.clone()),
            ]
            .into_iter()
            .flatten()
            .max();
            let Ok(oc) = self.case(&c.number) else {
                continue;
            };
            let risks = manage::risks(&oc.conn)?;
            let new_incidents = incidents::all(&oc.conn)?
                .iter()
                .filter(|i| {
                    last_reviewed
                        .as_deref()
                        .is_none_or(|l| i.created_at.as_str() > l)
                })
                .count() as u32;
            let risk_level = risks.first().map(|r| r.input.level);
            let then = last_reviewed.as_deref().and_then(|l| {
                risks
                    .iter()
                    .find(|r| r.created_at.as_str() <= l)
                    .map(|r| r.input.level)
            });
            let overdue = self
                .case_due(&c, today)?
                .into_iter()
                .filter(|d| d.overdue)
                .collect();
            cases.push(AgendaCase {
                case_number: c.number.clone(),
                title: c.title.clone(),
                status: c.status,
                review_copy: c.read_only,
                risk_level: risk_level.map(|l| l.as_str().to_string()),
                risk_at_last_review: if then == risk_level {
                    None
                } else {
                    Some(
                        then.map(|l| l.as_str())
                            .unwrap_or("not assessed")
                            .to_string(),
                    )
                },
                last_reviewed,
                new_incidents,
                overdue,
                minutes,
                last_decision,
            });
        }
        let rank = |a: &AgendaCase| {
            a.risk_level
                .as_deref()
                .and_then(RiskLevel::parse)
                .map(level_rank)
                .unwrap_or(0)
        };
        cases.sort_by(|a, b| {
            b.overdue
                .len()
                .cmp(&a.overdue.len())
                .then(rank(b).cmp(&rank(a)))
                .then(b.new_incidents.cmp(&a.new_incidents))
                .then(a.case_number.cmp(&b.case_number))
        });
        Ok(Agenda {
            today: today.to_string(),
            cases,
        })
    }
}
