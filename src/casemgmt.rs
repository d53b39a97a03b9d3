//! Protocol answers, risk assessments and case management for an unlocked
//! workspace. Every write goes through `write_case` (audited).

use crate::case::{CaseDetail, CaseStatus};
use crate::management::*;
use crate::protocol::{validate_answer, AnswerInput, ItemKind, Protocol, ProtocolView, RecordKind};
use crate::risk::{RiskAssessmentInput, RiskCatalog, RiskHistory};
use crate::store::{cases, incidents, manage, registry};
use crate::workspace::{Change, UnlockedWorkspace};
use crate::{crypto, Error, Result};

const PROTOCOL_SETTING: &str = "protocol_toml";
const RISK_SETTING: &str = "risk_toml";

fn hashed(h: Option<String>, kind: &'static str, id: &str) -> Result<String> {
    h.ok_or_else(|| Error::NotFound {
        kind,
        id: id.to_string(),
    })
}

impl UnlockedWorkspace {
    /// The protocol new cases follow: the agency's if loaded, else the default.
    pub fn workspace_protocol(&self) -> Result<Protocol> {
        match registry::setting(&self.db, PROTOCOL_SETTING)? {
            Some(text) => Protocol::parse(&text, "workspace protocol"),
            None => Protocol::default_protocol(),
        }
    }

    /// Makes an agency protocol file the workspace's protocol (checked first).
    /// Cases already following an earlier version keep it until moved.
    pub fn use_protocol(&mut self, text: &str, file_name: &str) -> Result<Protocol> {
        let p = Protocol::parse(text, file_name)?;
        self.set_setting(PROTOCOL_SETTING, text)?;
        Ok(p)
    }

    fn workspace_protocol_text(&self) -> Result<String> {
        Ok(registry::setting(&self.db, PROTOCOL_SETTING)?
            .unwrap_or_else(|| crate::protocol::DEFAULT_TOML.to_string()))
    }

    /// The protocol this case follows (starting it on the workspace's protocol
    /// the first time), its answers, progress and omissions.
    pub fn protocol_view(&mut self, number: &str) -> Result<ProtocolView> {
        let existing = manage::case_protocol(&self.case(number)?.conn)?;
        let (protocol, stored) = match existing {
            Some((_, _, text)) => (Protocol::parse(&text, "case protocol")?, true),
            None => (self.workspace_protocol()?, false),
        };
        if !stored && !self.case(number)?.row.read_only {
            let text = self.workspace_protocol_text()?;
            let now = crate::now_rfc3339();
            let (pid, version) = (protocol.id.clone(), protocol.version);
            self.write_case(number, false, |tx| {
                manage::set_case_protocol(tx, &pid, version, &text, &now)?;
                let h = hashed(
                    manage::state_hash(tx, manage::PROTOCOL, &pid)?,
                    "protocol",
                    &pid,
                )?;
                Ok((
                    (),
                    vec![Change::new("protocol.create", manage::PROTOCOL, &pid, h)],
                ))
            })?;
        }
        let workspace = self.workspace_protocol()?;
        let newer = (workspace.id == protocol.id && workspace.version > protocol.version)
            .then_some(workspace.version);
        let mut answers = manage::answers(&self.case(number)?.conn)?;
        // Evidence items count the exhibits they link, never a bare tick.
        let exhibits: std::collections::HashSet<String> = self
            .list_exhibits(number, None)?
            .into_iter()
            .map(|e| e.id)
            .collect();
        for a in &mut answers {
            let is_evidence = protocol
                .item(&a.item_id)
                .is_some_and(|(_, _, it)| it.record == Some(RecordKind::Evidence));
            if is_evidence {
                a.value.clear();
                a.values.retain(|v| exhibits.contains(v));
            }
        }
        let status = protocol.status(&answers, newer);
        Ok(ProtocolView {
            protocol,
            answers,
            status,
        })
    }

    /// Records (or replaces) the answer to one item. Person and incident
    /// answers must name records of this case.
    pub fn answer_item(
        &mut self,
        number: &str,
        item_id: &str,
        input: &AnswerInput,
    ) -> Result<ProtocolView> {
        let view = self.protocol_view(number)?;
        let (_, _, item) = view.protocol.item(item_id).ok_or_else(|| Error::NotFound {
            kind: "protocol item",
            id: item_id.to_string(),
        })?;
        let a = validate_answer(item, input)?;
        let evidence = item.record == Some(RecordKind::Evidence);
        if evidence && !a.value.is_empty() {
            return Err(Error::validation(
                "answer",
                "link the exhibits recorded in the evidence register; a tick alone does not count",
            ));
        }
        let (kind, version, actor, now) = (
            item.kind,
            view.protocol.version,
            self.actor(),
            crate::now_rfc3339(),
        );
        self.write_case(number, false, |tx| {
            for v in &a.values {
                let ok = match kind {
                    _ if evidence => crate::store::evidence::exists(tx, v)?,
                    ItemKind::Person => incidents::person_exists(tx, v)?,
                    ItemKind::Incidents => incidents::state_hash(tx, v)?.is_some(),
                    _ => true,
                };
                if !ok {
                    return Err(Error::validation(
                        "answer",
                        "it names a record that is not in this case",
                    ));
                }
            }
            let action = if manage::state_hash(tx, manage::ANSWER, item_id)?.is_some() {
                "answer.update"
            } else {
                "answer.create"
            };
            manage::set_answer(tx, item_id, version, &a, &now, &actor)?;
            let h = hashed(
                manage::state_hash(tx, manage::ANSWER, item_id)?,
                "answer",
                item_id,
            )?;
            Ok(((), vec![Change::new(action, manage::ANSWER, item_id, h)]))
        })?;
        self.protocol_view(number)
    }

    /// Moves the case to the workspace's newer protocol version. Answers whose
    /// items still exist keep counting; the others stay, listed as orphaned.
    pub fn upgrade_protocol(&mut self, number: &str) -> Result<ProtocolView> {
        let view = self.protocol_view(number)?;
        let target = self.workspace_protocol()?;
        if target.id != view.protocol.id || target.version <= view.protocol.version {
            return Err(Error::validation(
                "protocol",
                "this case already follows the newest version",
            ));
        }
        let text = self.workspace_protocol_text()?;
        let now = crate::now_rfc3339();
        let (pid, version) = (target.id.clone(), target.version);
        self.write_case(number, false, |tx| {
            manage::set_case_protocol(tx, &pid, version, &text, &now)?;
            let h = hashed(
                manage::state_hash(tx, manage::PROTOCOL, &pid)?,
                "protocol",
                &pid,
            )?;
            Ok((
                (),
                vec![Change::new("protocol.update", manage::PROTOCOL, &pid, h)],
            ))
        })?;
        self.protocol_view(number)
    }

    // ---- risk ---------------------------------------------------------

    /// The risk checklist and typology: the agency's if loaded, else the default.
    pub fn risk_catalog(&self) -> Result<RiskCatalog> {
        match registry::setting(&self.db, RISK_SETTING)? {
            Some(text) => RiskCatalog::parse(&text, "workspace risk checklist"),
            None => RiskCatalog::default_catalog(),
        }
    }

    /// Makes an agency's checklist file the workspace's (checked first).
    /// Earlier assessments keep the factor ids they were made with.
    pub fn use_risk_catalog(&mut self, text: &str, file_name: &str) -> Result<RiskCatalog> {
        let c = RiskCatalog::parse(text, file_name)?;
        self.set_setting(RISK_SETTING, text)?;
        Ok(c)
    }

    /// Every assessment of the case, newest first, and the factors that changed.
    pub fn risk_history(&mut self, number: &str) -> Result<RiskHistory> {
        let assessments = manage::risks(&self.case(number)?.conn)?;
        let changes = match assessments.as_slice() {
            [latest, previous, ..] => crate::risk::changes(previous, latest),
            _ => vec![],
        };
        Ok(RiskHistory {
            assessments,
            changes,
        })
    }

    /// Records an assessment (earlier ones are kept).
    pub fn add_risk_assessment(
        &mut self,
        number: &str,
        input: &RiskAssessmentInput,
    ) -> Result<RiskHistory> {
        let catalog = self.risk_catalog()?;
        let (input, next) = input.validated(&catalog)?;
        let (id, actor, now) = (crypto::random_id()?, self.actor(), crate::now_rfc3339());
        self.write_case(number, false, |tx| {
            manage::insert_risk(tx, &id, &actor, &input, &next, &now)?;
            let h = hashed(
                manage::state_hash(tx, manage::RISK, &id)?,
                "risk assessment",
                &id,
            )?;
            Ok(((), vec![Change::new("risk.create", manage::RISK, &id, h)]))
        })?;
        self.risk_history(number)
    }

    // ---- status -------------------------------------------------------

    /// Moves the case along its lifecycle; declining, returning, closing and
    /// reopening need a reason.
    pub fn change_status(
        &mut self,
        number: &str,
        to: CaseStatus,
        reason: &str,
    ) -> Result<CaseDetail> {
        let from = self.case_detail(number)?.header.status;
        check_transition(from, to, reason)?;
        let change = StatusChange {
            id: crypto::random_id()?,
            from,
            to,
            reason: reason.trim().to_string(),
            changed_at: crate::now_rfc3339(),
            changed_by: self.actor(),
        };
        self.write_case(number, false, |tx| {
            manage::set_header_status(tx, to, &change.changed_at)?;
            manage::insert_status(tx, &change)?;
            let header = cases::read_header(tx)?.ok_or(Error::NotFound {
                kind: "case header",
                id: String::new(),
            })?;
            let hh = cases::header_state_hash(&header)?;
            let sh = hashed(
                manage::state_hash(tx, manage::STATUS, &change.id)?,
                "status change",
                &change.id,
            )?;
            Ok((
                (),
                vec![
                    Change::new("case.update", cases::HEADER_ENTITY, &header.case_id, hh),
                    Change::new("status.create", manage::STATUS, &change.id, sh),
                ],
            ))
        })?;
        self.case_detail(number)
    }

    /// Status changes, newest first.
    pub fn status_history(&mut self, number: &str) -> Result<Vec<StatusChange>> {
        manage::statuses(&self.case(number)?.conn)
    }

    // ---- orders, legal process, plan -------------------------------------

    /// Creates (`id` None) or replaces a protective order.
    pub fn save_order(
        &mut self,
        number: &str,
        id: Option<&str>,
        input: &OrderInput,
    ) -> Result<Vec<ProtectiveOrder>> {
        let o = input.validated()?;
        self.save_managed(
            number,
            id,
            "protective_order",
            manage::ORDER,
            |tx, id, now| manage::upsert_order(tx, id, &o, now).map(|_| ()),
        )?;
        manage::orders(&self.case(number)?.conn)
    }

    /// Protective orders, by issue date.
    pub fn list_orders(&mut self, number: &str) -> Result<Vec<ProtectiveOrder>> {
        manage::orders(&self.case(number)?.conn)
    }

    /// Creates or replaces a legal-process entry.
    pub fn save_legal(
        &mut self,
        number: &str,
        id: Option<&str>,
        input: &LegalInput,
    ) -> Result<Vec<LegalProcess>> {
        let l = input.validated()?;
        self.save_managed(number, id, "legal_process", manage::LEGAL, |tx, id, now| {
            manage::upsert_legal(tx, id, &l, now)
        })?;
        manage::legal(&self.case(number)?.conn)
    }

    /// Renews a preservation request for another 90 days from its current
    /// expiry (the same record; the renewal is in the audit chain).
    pub fn renew_legal(
        &mut self,
        number: &str,
        id: &str,
        today: chrono::NaiveDate,
    ) -> Result<Vec<LegalProcess>> {
        let current = manage::legal(&self.case(number)?.conn)?
            .into_iter()
            .find(|l| l.id == id)
            .ok_or_else(|| Error::NotFound {
                kind: "legal process",
                id: id.to_string(),
            })?;
        if current.input.kind != LegalKind::Preservation {
            return Err(Error::validation(
                "renewal",
                "only preservation requests are renewed",
            ));
        }
        let from: chrono::NaiveDate = current
            .input
            .expires_on
            .as_deref()
            .and_then(|e| e.parse().ok())
            .unwrap_or(today);
        let mut input = current.input.clone();
        input.expires_on = Some((from + chrono::Duration::days(PRESERVATION_DAYS)).to_string());
        input.status = LegalStatus::Renewed;
        let note = format!("Renewed on {today}.");
        input.notes = if input.notes.is_empty() {
            note
        } else {
            format!("{}\n{note}", input.notes)
        };
        self.save_legal(number, Some(id), &input)
    }

    /// Legal process, by date sent.
    pub fn list_legal(&mut self, number: &str) -> Result<Vec<LegalProcess>> {
        manage::legal(&self.case(number)?.conn)
    }

    /// Creates or replaces a management-plan item.
    pub fn save_plan_item(
        &mut self,
        number: &str,
        id: Option<&str>,
        input: &PlanInput,
    ) -> Result<Vec<PlanItem>> {
        let p = input.validated()?;
        self.save_managed(number, id, "plan_item", manage::PLAN, |tx, id, now| {
            manage::upsert_plan(tx, id, &p, now)
        })?;
        manage::plan(&self.case(number)?.conn)
    }

    /// The management plan.
    pub fn list_plan(&mut self, number: &str) -> Result<Vec<PlanItem>> {
        manage::plan(&self.case(number)?.conn)
    }

    fn save_managed(
        &mut self,
        number: &str,
        id: Option<&str>,
        table: &str,
        entity: &'static str,
        write: impl FnOnce(&rusqlite::Transaction<'_>, &str, &str) -> Result<()>,
    ) -> Result<()> {
        let (id, create) = match id {
            Some(id) => (id.to_string(), false),
            None => (crypto::random_id()?, true),
        };
        let now = crate::now_rfc3339();
        self.write_case(number, false, |tx| {
            if !create && !manage::exists(tx, table, &id)? {
                return Err(Error::NotFound {
                    kind: "record",
                    id: id.clone(),
                });
            }
            write(tx, &id, &now)?;
            let h = hashed(manage::state_hash(tx, entity, &id)?, "record", &id)?;
            let action = format!("{entity}.{}", if create { "create" } else { "update" });
            Ok(((), vec![Change::new(&action, entity, &id, h)]))
        })
    }

    // ---- due list ------------------------------------------------------

    /// What is due across every case in the workspace, up to
    /// [`DUE_HORIZON_DAYS`] ahead of `today`, soonest first. Cases that cannot
    /// be opened are left out (their own error shows when opened).
    pub fn due_list(&mut self, today: chrono::NaiveDate) -> Result<Vec<DueItem>> {
        let mut out = Vec::new();
        for c in self.list_cases()? {
            if c.status == CaseStatus::Closed {
                continue;
            }
            let Ok(items) = self.case_due(&c, today) else {
                continue;
            };
            out.extend(items);
        }
        out.sort_by(|a, b| {
            a.due_on
                .cmp(&b.due_on)
                .then(a.case_number.cmp(&b.case_number))
        });
        Ok(out)
    }

    /// What is due in one case, up to [`DUE_HORIZON_DAYS`] ahead of `today`.
    pub(crate) fn case_due(
        &mut self,
        c: &crate::case::CaseSummary,
        today: chrono::NaiveDate,
    ) -> Result<Vec<DueItem>> {
        let horizon = (today + chrono::Duration::days(DUE_HORIZON_DAYS)).to_string();
        let today_s = today.to_string();
        let mut out = Vec::new();
        let conn = &self.case(&c.number)?.conn;
        let mut push = |kind: DueKind, label: String, due: &str| {
            if due <= horizon.as_str() {
                out.push(DueItem {
                    case_number: c.number.clone(),
                    case_title: c.title.clone(),
                    kind,
                    label,
                    due_on: due.to_string(),
                    overdue: due < today_s.as_str(),
                });
            }
        };
        if let Some(latest) = manage::risks(conn)?.first() {
            push(
                DueKind::Reassessment,
                format!(
                    "Reassess risk (last judged {})",
                    latest.input.level.as_str()
                ),
                &latest.next_review,
            );
        }
        for l in manage::legal(conn)? {
            if l.input.kind == LegalKind::Preservation
                && matches!(l.input.status, LegalStatus::Sent | LegalStatus::Renewed)
            {
                if let Some(e) = &l.input.expires_on {
                    push(
                        DueKind::PreservationExpiring,
                        format!(
                            "Preservation letter to {} runs out: renew or serve process",
                            l.input.provider
                        ),
                        e,
                    );
                }
            }
        }
        for o in manage::orders(conn)? {
            if let Some(e) = &o.input.expires_on {
                if e.as_str() >= today_s.as_str() {
                    push(
                        DueKind::OrderExpiring,
                        format!(
                            "{} order ({}) expires",
                            o.input.kind.as_str(),
                            o.input.court
                        ),
                        e,
                    );
                }
            }
        }
        for p in manage::plan(conn)? {
            if matches!(p.input.status, PlanStatus::Requested | PlanStatus::Awaiting) {
                if let Some(d) = &p.input.due_on {
                    push(
                        DueKind::ReferralAwaiting,
                        format!(
                            "Answer awaited: {} referral ({})",
                            p.input.kind.as_str(),
                            p.input.owner
                        ),
                        d,
                    );
                }
            }
        }
        Ok(out)
    }
}
