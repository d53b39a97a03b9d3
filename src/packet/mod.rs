//! The prosecutor's case packet: a signed PDF that proves the course of
//! conduct, in one of four redaction profiles, and its offline check.
//!
//! - [`statute`]: statute profiles (data in `assets/statutes/`).
//! - `elements`: the elements matrix and gap warnings.
//! - `layout`: measure, wrap, paginate, draw (on printpdf's ops).
//! - `sections`: what each section says, and redaction, from one source.
//! - `chart`: the vector chart of incidents per period.
//! - `pdf`: outline, page labels, embedded manifest, signature placeholder.
//! - [`sign`]: the investigator's key and certificate; CMS signing.
//!
//! An export is three steps so that the desktop shell never holds the
//! workspace while the PDF is made: [`UnlockedWorkspace::packet_job`] reads
//! the case (fast), [`PacketJob::render`] lays out and signs (no workspace),
//! and [`UnlockedWorkspace::record_packet`] writes the file and the audit event.

mod chart;
mod elements;
pub(crate) mod layout;
pub mod model;
mod pdf;
mod photo;
pub(crate) mod report;
mod sections;
pub mod sign;
pub mod statute;

pub use model::*;
pub use statute::{ElementKind, Statute, StatuteElement};

use crate::store::{audit, cases, evidence as evdb, packet as db, registry};
use crate::workspace::{Change, UnlockedWorkspace};
use crate::{crypto, fsutil, Error, Result};
use sections::{CaseData, Redactor};
use std::collections::BTreeMap;
use std::path::Path;

const AGENCY_STATUTES: &str = "statutes_agency";
const KEY_SETTING: &str = "signing_key_pkcs8";
const CERT_SETTING: &str = "signing_certificate";
const PAPER_SETTING: &str = "paper";

/// Everything needed to make one packet, detached from the workspace.
pub struct PacketJob {
    data: CaseData,
    opts: PacketOptions,
    identity: sign::Identity,
    paper: Paper,
    photo_files: Vec<(String, String, Vec<u8>)>,
}

/// A finished packet, in memory.
pub struct RenderedPacket {
    /// The signed PDF.
    pub bytes: Vec<u8>,
    /// Pages.
    pub pages: u32,
    /// Its manifest.
    pub manifest: Manifest,
}

impl UnlockedWorkspace {
    // ---- statutes -------------------------------------------------------

    fn agency_statutes(&self) -> Result<BTreeMap<String, String>> {
        Ok(registry::setting(&self.db, AGENCY_STATUTES)?
            .and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or_default())
    }

    /// Every statute profile: Vigil's and the agency's (an agency profile
    /// with a shipped id replaces it).
    pub fn statutes(&self) -> Result<Vec<Statute>> {
        let agency = self.agency_statutes()?;
        let mut out: Vec<Statute> = Vec::new();
        for (name, text) in statute::SHIPPED {
            let s = Statute::parse(text, name)?;
            if !agency.contains_key(&s.id) {
                out.push(s);
            }
        }
        for (id, text) in &agency {
            out.push(Statute::parse(text, id)?);
        }
        Ok(out)
    }

    /// One statute profile by id.
    pub fn statute(&self, id: &str) -> Result<Statute> {
        self.statutes()?
            .into_iter()
            .find(|s| s.id == id)
            .ok_or_else(|| Error::NotFound {
                kind: "statute",
                id: id.to_string(),
            })
    }

    /// Adds (or replaces) an agency statute profile, checked first.
    pub fn use_statute(&mut self, text: &str, file_name: &str) -> Result<Statute> {
        let s = Statute::parse(text, file_name)?;
        let mut agency = self.agency_statutes()?;
        agency.insert(s.id.clone(), text.to_string());
        let json =
            serde_json::to_string(&agency).map_err(|_| Error::Crypto("settings encoding"))?;
        self.set_setting(AGENCY_STATUTES, &json)?;
        Ok(s)
    }

    /// The statutes this case is charged under (their definitions as chosen).
    pub fn case_statutes(&mut self, number: &str) -> Result<Vec<Statute>> {
        db::statutes(&self.case(number)?.conn)?
            .into_iter()
            .map(|(id, text)| Statute::parse(&text, &id))
            .collect()
    }

    /// Chooses the statutes the case is charged under, in order.
    pub fn set_case_statutes(&mut self, number: &str, ids: &[String]) -> Result<ElementsMatrix> {
        let all = self.statutes()?;
        let agency = self.agency_statutes()?;
        let mut chosen = Vec::new();
        for id in ids {
            let s = all
                .iter()
                .find(|s| &s.id == id)
                .ok_or_else(|| Error::NotFound {
                    kind: "statute",
                    id: id.clone(),
                })?;
            let text = match agency.get(id) {
                Some(t) => t.clone(),
                None => statute::shipped_text(id).unwrap_or_default().to_string(),
            };
            if !chosen
                .iter()
                .any(|(c, _, _): &(String, u32, String)| c == id)
            {
                chosen.push((s.id.clone(), s.version, text));
            }
        }
        let now = crate::now_rfc3339();
        self.write_case(number, false, |tx| {
            db::set_statutes(tx, &chosen, &now)?;
            let h = db::state_hash(tx, db::STATUTES, "case")?.unwrap_or_default();
            Ok((
                (),
                vec![Change::new("statutes.update", db::STATUTES, "case", h)],
            ))
        })?;
        self.elements_matrix(number)
    }

    /// Links one incident or exhibit to the element kinds it proves.
    pub fn set_element_links(
        &mut self,
        number: &str,
        record: &str,
        id: &str,
        elements: &[ElementKind],
    ) -> Result<ElementsMatrix> {
        let record = match record {
            "incident" | "exhibit" => record,
            _ => {
                return Err(Error::validation(
                    "record",
                    "link an incident or an exhibit",
                ))
            }
        };
        let mut words: Vec<String> = elements.iter().map(|e| e.as_str().to_string()).collect();
        words.sort();
        words.dedup();
        let key = format!("{record}:{id}");
        self.write_case(number, false, |tx| {
            let exists = if record == "incident" {
                crate::store::incidents::state_hash(tx, id)?.is_some()
            } else {
                evdb::exists(tx, id)?
            };
            if !exists {
                return Err(Error::NotFound {
                    kind: if record == "incident" {
                        "incident"
                    } else {
                        "exhibit"
                    },
                    id: id.to_string(),
                });
            }
            db::set_links(tx, record, id, &words)?;
            let h = db::state_hash(tx, db::ELEMENTS, &key)?.unwrap_or_default();
            Ok((
                (),
                vec![Change::new("elements.update", db::ELEMENTS, &key, h)],
            ))
        })?;
        self.elements_matrix(number)
    }

    /// The packet's narrative fields.
    pub fn packet_info(&mut self, number: &str) -> Result<PacketInfo> {
        Ok(match db::info(&self.case(number)?.conn)? {
            Some([charges, custody, safety_alert, summary, relationship, recommendations]) => {
                PacketInfo {
                    charges,
                    custody,
                    safety_alert,
                    summary,
                    relationship,
                    recommendations,
                }
            }
            None => PacketInfo::default(),
        })
    }

    /// Saves the packet's narrative fields.
    pub fn save_packet_info(&mut self, number: &str, info: &PacketInfo) -> Result<PacketInfo> {
        let t = |f: &'static str, s: &str, max| crate::incident::text(f, s, max);
        let v = [
            t("charges sought", &info.charges, 2_000)?,
            t("custody status", &info.custody, 500)?,
            t("safety alert", &info.safety_alert, 1_000)?,
            t("summary", &info.summary, 10_000)?,
            t("relationship history", &info.relationship, 20_000)?,
            t("recommendations", &info.recommendations, 10_000)?,
        ];
        let now = crate::now_rfc3339();
        self.write_case(number, false, |tx| {
            db::set_info(tx, &v, &now)?;
            let h = db::state_hash(tx, db::INFO, "case")?.unwrap_or_default();
            Ok((
                (),
                vec![Change::new("packetinfo.update", db::INFO, "case", h)],
            ))
        })?;
        self.packet_info(number)
    }

    fn all_incidents(&mut self, number: &str) -> Result<Vec<crate::incident::Incident>> {
        crate::store::incidents::all(&self.case(number)?.conn)
    }

    fn all_exhibits(&mut self, number: &str) -> Result<Vec<crate::evidence::Exhibit>> {
        let rows = self.list_exhibits(number, None)?;
        rows.iter()
            .map(|r| self.get_exhibit(number, &r.id))
            .collect()
    }

    fn told_to_stop(&mut self, number: &str) -> Result<bool> {
        Ok(crate::store::manage::answers(&self.case(number)?.conn)?
            .iter()
            .any(|a| a.item_id == "suspectToldToStop" && a.value == "yes"))
    }

    fn matrix_from(
        &mut self,
        number: &str,
        statutes: &[Statute],
        incidents: &[crate::incident::Incident],
        exhibits: &[crate::evidence::Exhibit],
    ) -> Result<ElementsMatrix> {
        let links = db::links(&self.case(number)?.conn)?;
        let told = self.told_to_stop(number)?;
        let tax = self.taxonomy.clone();
        let label = |id: &str| {
            tax.category(id)
                .map(|c| c.label.clone())
                .unwrap_or_else(|| id.to_string())
        };
        Ok(elements::matrix(&elements::MatrixInput {
            statutes,
            incidents,
            exhibits,
            links: &links,
            category_label: &label,
            told_to_stop: told,
        }))
    }

    /// The elements matrix and its gaps, for the statutes the case is charged under.
    pub fn elements_matrix(&mut self, number: &str) -> Result<ElementsMatrix> {
        let statutes = self.case_statutes(number)?;
        let incidents = self.all_incidents(number)?;
        let exhibits = self.all_exhibits(number)?;
        self.matrix_from(number, &statutes, &incidents, &exhibits)
    }

    // ---- signing identity ------------------------------------------------

    pub(crate) fn identity(&mut self) -> Result<sign::Identity> {
        let key = registry::setting(&self.db, KEY_SETTING)?;
        let cert = registry::setting(&self.db, CERT_SETTING)?;
        if let (Some(k), Some(c)) = (key, cert) {
            let k = zeroize::Zeroizing::new(
                data_encoding::HEXLOWER
                    .decode(k.as_bytes())
                    .map_err(|_| Error::Crypto("stored signing key"))?,
            );
            let c = data_encoding::HEXLOWER
                .decode(c.as_bytes())
                .map_err(|_| Error::Crypto("stored certificate"))?;
            return sign::Identity::from_parts(&k, &c);
        }
        let p = self.profile().cloned().unwrap_or_default();
        let id = sign::Identity::generate(&p.name, &p.badge, &p.unit, &p.agency)?;
        let k = zeroize::Zeroizing::new(crypto::to_hex(&id.key_pkcs8()?));
        self.set_setting(KEY_SETTING, &k)?;
        self.set_setting(CERT_SETTING, &crypto::to_hex(&id.cert_der))?;
        Ok(id)
    }

    /// The investigator's signing certificate (made on first use): subject
    /// and fingerprint, for a supervisor to compare.
    pub fn signing_identity(&mut self) -> Result<sign::SignerInfoSummary> {
        self.identity()?.summary()
    }

    /// The packet paper setting.
    pub fn paper(&self) -> Result<Paper> {
        Ok(registry::setting(&self.db, PAPER_SETTING)?
            .and_then(|p| Paper::parse(&p))
            .unwrap_or(Paper::Letter))
    }

    /// Sets the packet paper.
    pub fn set_paper(&mut self, paper: Paper) -> Result<Paper> {
        self.set_setting(PAPER_SETTING, paper.as_str())?;
        Ok(paper)
    }

    // ---- export -----------------------------------------------------------

    /// Reads everything a packet needs (the only step that needs the workspace).
    pub fn packet_job(&mut self, number: &str, opts: &PacketOptions) -> Result<PacketJob> {
        // A training case only ever yields the training copy, watermarked on
        // every page, whatever copy was asked for.
        let mut opts = opts.clone();
        if cases::training_mark(&self.case(number)?.conn)?.is_some() {
            opts.profile = PacketProfile::Training;
        }
        let opts = &opts;
        let identity = self.identity()?;
        let summary = identity.summary()?;
        let paper = match opts.paper {
            Some(p) => p,
            None => self.paper()?,
        };
        let header = {
            let conn = &self.case(number)?.conn;
            cases::read_header(conn)?.ok_or(Error::Crypto("the case header is missing"))?
        };
        let mut statutes = self.case_statutes(number)?;
        if !opts.statutes.is_empty() {
            statutes = opts
                .statutes
                .iter()
                .map(|id| self.statute(id))
                .collect::<Result<Vec<_>>>()?;
        }
        let incidents = self.all_incidents(number)?;
        let exhibits = self.all_exhibits(number)?;
        let matrix = self.matrix_from(number, &statutes, &incidents, &exhibits)?;
        // Photos serve the index's thumbnails and the appendix.
        let want_photos = opts.sections.is_empty()
            || opts.sections.contains(&PacketSection::Photos)
            || opts.sections.contains(&PacketSection::Exhibits);
        let mut photo_files = Vec::new();
        if want_photos {
            for e in &exhibits {
                let Some(f) = &e.file else { continue };
                if !matches!(f.media_type.as_str(), "image/png" | "image/jpeg")
                    || f.size > 40 * 1024 * 1024
                {
                    continue;
                }
                let (bytes, _, _) = self.read_exhibit_range(number, &e.id, 0, f.size as u64)?;
                photo_files.push((e.number.clone(), e.input.description.clone(), bytes));
            }
        }
        let (chain_seq, chain_head) = {
            let conn = &self.case(number)?.conn;
            let h = audit::head(conn)?;
            (h.seq, h.hash)
        };
        let protocol_view = self.protocol_view(number).ok();
        let approvals = self
            .case_reviews(number)?
            .into_iter()
            .filter(|a| a.review.decision == crate::review::Decision::Approve)
            .map(|a| {
                let r = a.review;
                let who = [r.reviewer.name, r.reviewer.unit]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(", ");
                (who, r.decided_at, r.packet_sha256)
            })
            .collect();
        let data = CaseData {
            investigator: self.profile().cloned(),
            info: self.packet_info(number)?,
            people: self.people_in_full(number)?,
            orders: self.list_orders(number)?,
            legal: self.list_legal(number)?,
            plan: self.list_plan(number)?,
            risks: self.risk_history(number)?.assessments,
            catalog: self.risk_catalog()?,
            answers: protocol_view
                .as_ref()
                .map(|v| v.answers.clone())
                .unwrap_or_default(),
            protocol: protocol_view.map(|v| v.protocol),
            taxonomy: self.taxonomy.clone(),
            matrix,
            chain_seq,
            chain_head,
            certificate_sha256: summary.fingerprint.clone(),
            signer_subject: summary.subject,
            exported_at: crate::now_rfc3339(),
            exported_by: self.actor(),
            photos: Vec::new(),
            approvals,
            header,
            incidents,
            exhibits,
        };
        Ok(PacketJob {
            data,
            opts: opts.clone(),
            identity,
            paper,
            photo_files,
        })
    }

    /// Writes a rendered packet to `out` (atomically) and records the export
    /// in the case's audit trail (profile, pages, the file's SHA-256).
    pub fn record_packet(
        &mut self,
        number: &str,
        packet: &RenderedPacket,
        out: &Path,
    ) -> Result<PacketReport> {
        fsutil::write_atomic(out, &packet.bytes)?;
        let sha256 = crypto::to_hex(&crypto::sha256(&packet.bytes));
        let file = out
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let detail = serde_json::json!({
            "profile": packet.manifest.profile.as_str(),
            "pages": packet.pages,
            "sha256": sha256,
            "file": file,
        });
        self.write_case(number, true, |tx| {
            let id = cases::read_header(tx)?
                .map(|h| h.case_id)
                .unwrap_or_default();
            let change = Change {
                action: "packet.export".into(),
                entity: cases::HEADER_ENTITY,
                entity_id: id,
                change_hash: crypto::to_hex(&crypto::sha256(detail.to_string().as_bytes())),
                detail,
            };
            Ok(((), vec![change]))
        })?;
        Ok(PacketReport {
            path: out.display().to_string(),
            sha256,
            pages: packet.pages,
            bytes: packet.bytes.len() as u64,
            profile: packet.manifest.profile,
        })
    }

    /// Makes, signs, writes and records a packet in one call (the CLI's way).
    pub fn export_packet(
        &mut self,
        number: &str,
        opts: &PacketOptions,
        out: &Path,
        progress: &mut dyn FnMut(&PacketProgress) -> bool,
    ) -> Result<PacketReport> {
        let job = self.packet_job(number, opts)?;
        let packet = job.render(progress)?;
        self.record_packet(number, &packet, out)
    }

    /// The packets exported from a case, newest first.
    pub fn packet_history(&mut self, number: &str) -> Result<Vec<PacketExport>> {
        let rows = db::exports(&self.case(number)?.conn)?;
        Ok(rows
            .into_iter()
            .map(|(at, by, detail)| {
                let d: serde_json::Value = serde_json::from_str(&detail).unwrap_or_default();
                let s = |k: &str| d[k].as_str().unwrap_or_default().to_string();
                PacketExport {
                    at,
                    by,
                    profile: s("profile"),
                    pages: d["pages"].as_u64().unwrap_or(0) as u32,
                    file: s("file"),
                    sha256: s("sha256"),
                }
            })
            .collect())
    }

    /// Checks a packet file; where its case is in this workspace, also that
    /// its chain head and exhibit hashes are the case's.
    pub fn verify_packet(&mut self, file: &Path) -> Result<PacketVerifyReport> {
        let bytes = std::fs::read(file).map_err(|e| Error::io(file, e))?;
        self.verify_packet_here(&bytes)
    }

    /// [`verify_packet`](Self::verify_packet) on bytes already read.
    pub fn verify_packet_here(&mut self, bytes: &[u8]) -> Result<PacketVerifyReport> {
        let mut report = verify_packet_bytes(bytes);
        if let Some(m) = report.manifest.clone() {
            if let Ok(row) = registry::find_by_number(&self.db, &m.case_number) {
                if row.is_some_and(|r| r.case_id == m.case_id) {
                    let conn = &self.case(&m.case_number)?.conn;
                    let at = audit::hash_at(conn, m.chain_seq)?;
                    report.checks.push(PacketCheck {
                        name: "Matches the case in this workspace".into(),
                        ok: at.as_deref() == Some(m.chain_head.as_str()),
                        detail: if at.as_deref() == Some(m.chain_head.as_str()) {
                            format!("audit event {} of case {} is the one the packet names", m.chain_seq, m.case_number)
                        } else {
                            format!("case {} has no audit event {} with the packet's head: the packet does not come from this case's history", m.case_number, m.chain_seq)
                        },
                    });
                    let mut bad = Vec::new();
                    for ex in &m.exhibits {
                        let Some(sha) = &ex.sha256 else { continue };
                        let now = evdb::resolve(conn, &ex.number)?
                            .and_then(|id| evdb::stored_file(conn, &id).ok().flatten())
                            .map(|f| f.sha256);
                        if now.as_deref() != Some(sha.as_str()) {
                            bad.push(ex.number.clone());
                        }
                    }
                    report.checks.push(PacketCheck {
                        name: "Exhibit hashes match the case".into(),
                        ok: bad.is_empty(),
                        detail: if bad.is_empty() {
                            format!(
                                "{} exhibit file(s) in the case have the SHA-256 the packet lists",
                                m.exhibits.iter().filter(|e| e.sha256.is_some()).count()
                            )
                        } else {
                            format!("these exhibits differ from the packet: {}", bad.join(", "))
                        },
                    });
                    report.ok = report.checks.iter().all(|c| c.ok);
                }
            }
        }
        Ok(report)
    }
}

impl PacketJob {
    /// Lays out, draws, attaches the manifest and signs. Needs no workspace;
    /// `progress` returning false cancels.
    pub fn render(
        mut self,
        progress: &mut dyn FnMut(&PacketProgress) -> bool,
    ) -> Result<RenderedPacket> {
        let mut step = |stage: &str, percent: u32| -> Result<()> {
            if progress(&PacketProgress {
                stage: stage.into(),
                percent,
            }) {
                Ok(())
            } else {
                Err(Error::Cancelled)
            }
        };
        step("Laying out the pages", 10)?;
        let mut doc =
            printpdf::PdfDocument::new(&format!("Case packet {}", self.data.header.number));
        let now = printpdf::OffsetDateTime::from_unix_timestamp(chrono::Utc::now().timestamp())
            .unwrap_or_else(|_| printpdf::OffsetDateTime::now_utc());
        doc.metadata.info.creation_date = now;
        doc.metadata.info.modification_date = now;
        doc.metadata.info.metadata_date = now;
        doc.metadata.info.producer = format!("Vigil {}", env!("CARGO_PKG_VERSION"));
        doc.metadata.info.creator = "Vigil case packet".into();
        doc.metadata.info.author = self.data.exported_by.clone();
        let fonts =
            layout::Fonts::load(&mut doc).ok_or(Error::Crypto("the packet fonts do not load"))?;
        // Photos: shrunk and re-encoded on two threads; drawn after
        // printpdf's pass. A file that does not decode is left out of the
        // appendix (it stays in the exhibit index).
        let files = std::mem::take(&mut self.photo_files);
        let prepared = photo::prepare_all(files.iter().map(|(_, _, b)| b.as_slice()).collect());
        let mut jpegs = Vec::new();
        for ((number, desc, _), p) in files.into_iter().zip(prepared) {
            if let Some(p) = p {
                self.data
                    .photos
                    .push((number, desc, (p.width as f32, p.height as f32)));
                jpegs.push(p);
            }
        }
        let size = match self.paper {
            Paper::Letter => layout::LETTER,
            Paper::A4 => layout::A4,
        };
        let mut redactor = Redactor::new(self.opts.profile, &self.data.people);
        let (cover_blocks, mut body_blocks) =
            sections::build(&self.data, &self.opts, &mut redactor);
        let withheld = redactor.list();
        body_blocks.extend(sections::integrity(&self.data, &self.opts, &withheld));
        let cover = layout::layout(&fonts, size, &cover_blocks);
        let body = layout::layout(&fonts, size, &body_blocks);
        step("Drawing the pages", 45)?;
        // Contents: one line per section, after the cover.
        let sections: Vec<&layout::OutlineEntry> =
            body.outline.iter().filter(|e| e.level == 1).collect();
        let per_page = 34usize;
        let toc_pages = sections.len().div_ceil(per_page).max(1);
        let offset = cover.pages.len() + toc_pages;
        let mut toc_blocks = vec![layout::Block::Section("Contents".into())];
        let rows: Vec<Vec<layout::Cell>> = sections
            .iter()
            .map(|e| {
                vec![
                    layout::Cell::text(e.title.clone()),
                    layout::Cell::text((e.page + offset + 1).to_string()),
                ]
            })
            .collect();
        toc_blocks.push(layout::Block::Table {
            cols: vec![("Section".into(), 0.85), ("Page".into(), 0.15)],
            rows,
            size: 10.0,
        });
        let toc = layout::layout(&fonts, size, &toc_blocks);
        let mut outline = Vec::new();
        for e in &body.outline {
            outline.push(layout::OutlineEntry {
                page: e.page + offset,
                ..e.clone()
            });
        }
        let mut all: Vec<Vec<printpdf::Op>> = Vec::new();
        all.extend(cover.pages);
        let toc_len = toc.pages.len();
        all.extend(toc.pages);
        // The contents table may take more pages than planned for very long
        // outlines; the page numbers above assume `toc_pages`.
        if toc_len != toc_pages {
            for e in &mut outline {
                e.page = e.page + toc_len - toc_pages;
            }
        }
        let body_offset = offset + toc_len - toc_pages;
        all.extend(body.pages);
        let total = all.len();
        let left = format!(
            "Case {} — {}",
            self.data.header.number, self.data.header.title
        );
        let left: String = if left.chars().count() > 70 {
            left.chars().take(69).collect::<String>() + "…"
        } else {
            left
        };
        let left = redactor.scrub(&left);
        let label = self.opts.profile.copy_label();
        let watermark = (self.opts.profile == PacketProfile::Training)
            .then_some(PacketProfile::Training.copy_label());
        doc.with_pages(report::furnish(&fonts, size, all, &left, label, watermark));
        step("Writing the PDF", 70)?;
        let manifest = Manifest {
            format: "vigil-packet".into(),
            version: 1,
            case_number: self.data.header.number.clone(),
            case_id: self.data.header.case_id.clone(),
            profile: self.opts.profile,
            exported_at: self.data.exported_at.clone(),
            exported_by: self.data.exported_by.clone(),
            chain_seq: self.data.chain_seq,
            chain_head: self.data.chain_head.clone(),
            certificate_sha256: self.data.certificate_sha256.clone(),
            statutes: self
                .data
                .matrix
                .statutes
                .iter()
                .map(|s| s.id.clone())
                .collect(),
            incidents: self.data.incidents.len() as u32,
            exhibits: self
                .data
                .exhibits
                .iter()
                .map(|e| ManifestExhibit {
                    number: e.number.clone(),
                    sha256: e.file.as_ref().map(|f| f.sha256.clone()),
                    size: e.file.as_ref().map(|f| f.size),
                })
                .collect(),
            withheld,
            pages: total as u32,
        };
        let json =
            serde_json::to_vec_pretty(&manifest).map_err(|_| Error::Crypto("manifest encoding"))?;
        let mut warnings = Vec::new();
        let mut lo = doc.to_lopdf_document(&report::save_options(), &mut warnings);
        step("Compressing", 75)?;
        pdf::compress(&mut lo);
        pdf::add_outline(&mut lo, &outline)?;
        let mut placements = Vec::new();
        for im in &body.images {
            placements.push(layout::ImagePlacement {
                page: im.page + body_offset,
                ..*im
            });
        }
        pdf::place_images(&mut lo, &placements, &jpegs)?;
        pdf::embed_manifest(&mut lo, &json)?;
        let at = chrono::Utc::now();
        let reason = format!("Case packet {} — {}", self.data.header.number, label);
        pdf::add_signature_field(&mut lo, &self.data.exported_by, &reason, at)?;
        step("Adding bookmarks and the manifest", 85)?;
        let mut bytes = Vec::new();
        lo.save_to(&mut bytes)
            .map_err(|_| Error::Crypto("the PDF could not be written"))?;
        step("Signing", 90)?;
        pdf::sign_saved(&mut bytes, &self.identity, at)?;
        step("Done", 100)?;
        Ok(RenderedPacket {
            bytes,
            pages: total as u32,
            manifest,
        })
    }
}

/// Checks a packet's bytes on their own: the signature, that it covers the
/// whole file, and the manifest against the signer and the pages.
pub fn verify_packet_bytes(bytes: &[u8]) -> PacketVerifyReport {
    let mut checks = Vec::new();
    let mut check = |name: &str, ok: bool, detail: String| {
        checks.push(PacketCheck {
            name: name.into(),
            ok,
            detail,
        })
    };
    let mut signer = None;
    let mut signed_at = None;
    let mut manifest = None;
    match pdf::find_signature(bytes) {
        Err(e) => check("Signature", false, e),
        Ok(found) => {
            let whole = found.range[2] + found.range[3] == bytes.len();
            check(
                "Whole document signed",
                whole && found.count == 1,
                if !whole {
                    "bytes were added after the signature: what was signed is not the whole file"
                        .into()
                } else if found.count > 1 {
                    format!(
                        "the file holds {} signatures (it was changed and signed again)",
                        found.count
                    )
                } else {
                    format!(
                        "the signature covers all {} bytes except its own value",
                        bytes.len()
                    )
                },
            );
            match sign::verify_cms(&found.cms, &found.digest) {
                Ok(c) => {
                    let s = sign::summarize(&c.cert_der).ok();
                    check(
                        "Signature",
                        true,
                        format!(
                            "valid ECDSA P-256 / SHA-256 signature by {}",
                            s.as_ref().map(|s| s.subject.clone()).unwrap_or_default()
                        ),
                    );
                    signer = s;
                    signed_at = c.signed_at;
                }
                Err(e) => check("Signature", false, e),
            }
        }
    }
    match pdf::read_manifest(bytes) {
        Err(e) => check("Manifest", false, e),
        Ok((json, pages)) => match serde_json::from_slice::<Manifest>(&json) {
            Err(_) => check(
                "Manifest",
                false,
                "manifest.json is not a Vigil packet manifest".into(),
            ),
            Ok(m) => {
                let fp_ok = signer
                    .as_ref()
                    .is_some_and(|s| s.fingerprint == m.certificate_sha256);
                check(
                    "Manifest names the signer",
                    fp_ok,
                    if fp_ok {
                        "the manifest's certificate is the one that signed".into()
                    } else {
                        "the manifest names a different certificate than the one that signed".into()
                    },
                );
                check(
                    "Pages",
                    pages as u32 == m.pages,
                    format!("{pages} page(s); the manifest says {}", m.pages),
                );
                manifest = Some(m);
            }
        },
    }
    PacketVerifyReport {
        ok: checks.iter().all(|c| c.ok),
        checks,
        signer,
        signed_at,
        manifest,
    }
}

/// The certificate that signed a packet, when its signature holds over the
/// bytes it covers.
pub(crate) fn packet_certificate(bytes: &[u8]) -> Option<Vec<u8>> {
    let found = pdf::find_signature(bytes).ok()?;
    sign::verify_cms(&found.cms, &found.digest)
        .ok()
        .map(|c| c.cert_der)
}

/// For tests of the verifier: re-signs a packet's bytes in place with a new,
/// unrelated key (what a forger with another key could do).
#[doc(hidden)]
pub fn resign_with_new_key(bytes: &mut [u8]) -> Result<()> {
    let found = pdf::find_signature(bytes).map_err(|_| Error::Crypto("no signature"))?;
    let id = sign::Identity::generate("Someone Else", "0", "X", "Y")?;
    let cms = id.sign_digest(&found.digest, chrono::Utc::now())?;
    let hex = crypto::to_hex(&cms);
    let start = found.range[1] + 1;
    let end = found.range[2] - 1;
    for b in &mut bytes[start..end] {
        *b = b'0';
    }
    bytes[start..start + hex.len()].copy_from_slice(hex.as_bytes());
    Ok(())
}
