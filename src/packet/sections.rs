//! The packet's sections as content blocks, from one snapshot of the case.
//! Redaction happens here, from one source: the discovery copy never
//! receives a withheld value, so it cannot end up anywhere in the file.

use super::layout::{Block, Cell, Face, DANGER, INK, MUTED};
use super::model::*;
use crate::case::CaseHeader;
use crate::evidence::{CustodyKind, Exhibit, HashCheck};
use crate::incident::{Incident, PlaceType};
use crate::management::{LegalProcess, PlanItem, ProtectiveOrder};
use crate::person::{IdentifierKind, Person, PersonRole};
use crate::protocol::{Answer, Protocol};
use crate::risk::{RiskAssessment, RiskCatalog};
use crate::taxonomy::Taxonomy;
use crate::workspace::Profile;
use std::collections::{BTreeMap, HashMap};

/// Everything a packet is made from, read in one go.
pub(crate) struct CaseData {
    pub header: CaseHeader,
    pub investigator: Option<Profile>,
    pub info: PacketInfo,
    pub people: Vec<Person>,
    pub incidents: Vec<Incident>,
    pub exhibits: Vec<Exhibit>,
    pub orders: Vec<ProtectiveOrder>,
    pub legal: Vec<LegalProcess>,
    pub plan: Vec<PlanItem>,
    pub risks: Vec<RiskAssessment>,
    pub catalog: RiskCatalog,
    pub answers: Vec<Answer>,
    pub protocol: Option<Protocol>,
    pub taxonomy: Taxonomy,
    pub matrix: ElementsMatrix,
    pub chain_seq: i64,
    pub chain_head: String,
    pub certificate_sha256: String,
    pub signer_subject: String,
    pub exported_at: String,
    pub exported_by: String,
    /// Photo exhibits prepared for the appendix: (number, description, pixels).
    pub photos: Vec<(String, String, (f32, f32))>,
    /// Supervisors' approvals of earlier packets: (reviewer, when, packet SHA-256).
    pub approvals: Vec<(String, String, String)>,
}

/// "phoneRecords" → "phone records".
pub(crate) fn words(camel: &str) -> String {
    let mut out = String::new();
    for c in camel.chars() {
        if c.is_uppercase() {
            out.push(' ');
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// What the discovery copy withholds, and the text it puts in its place.
pub(crate) struct Redactor {
    /// (value, reason), longest first.
    values: Vec<(String, String)>,
    /// Reason → count, for the "withheld" list.
    pub withheld: BTreeMap<String, u32>,
    pub active: bool,
}

impl Redactor {
    pub(crate) fn new(profile: PacketProfile, people: &[Person]) -> Redactor {
        let mut r = Redactor {
            values: Vec::new(),
            withheld: BTreeMap::new(),
            active: profile == PacketProfile::Discovery,
        };
        if !r.active {
            return r;
        }
        for p in people {
            for id in &p.identifiers {
                let reason = if id.confidential {
                    "confidential identifier"
                } else if id.kind == IdentifierKind::Address {
                    "address"
                } else if p.role == PersonRole::Victim {
                    "victim's contact details"
                } else {
                    continue;
                };
                if id.value.trim().chars().count() >= 3 {
                    r.values
                        .push((id.value.trim().to_string(), reason.to_string()));
                }
            }
        }
        r.values.sort_by_key(|v| std::cmp::Reverse(v.0.len()));
        r
    }

    /// `s` with every withheld value replaced.
    pub(crate) fn scrub(&mut self, s: &str) -> String {
        if !self.active || self.values.is_empty() {
            return s.to_string();
        }
        let mut out = s.to_string();
        for (v, reason) in &self.values {
            if out.contains(v.as_str()) {
                let n = out.matches(v.as_str()).count() as u32;
                out = out.replace(v.as_str(), &format!("[redacted: {reason}]"));
                *self.withheld.entry(reason.clone()).or_default() += n;
            }
        }
        out
    }

    /// A whole field withheld.
    pub(crate) fn withhold(&mut self, reason: &str) -> String {
        *self.withheld.entry(reason.to_string()).or_default() += 1;
        format!("[redacted: {reason}]")
    }

    /// The list printed on the copy and in its manifest.
    pub(crate) fn list(&self) -> Vec<String> {
        self.withheld
            .iter()
            .map(|(r, n)| format!("{r}: {n} item(s) withheld"))
            .collect()
    }
}

fn person_name(people: &[Person], id: &Option<String>) -> String {
    id.as_ref()
        .and_then(|id| people.iter().find(|p| &p.id == id))
        .map(|p| p.name.clone())
        .unwrap_or_default()
}

fn human_size(n: i64) -> String {
    let n = n as f64;
    if n >= 1e9 {
        format!("{:.2} GB", n / 1e9)
    } else if n >= 1e6 {
        format!("{:.1} MB", n / 1e6)
    } else if n >= 1e3 {
        format!("{:.1} kB", n / 1e3)
    } else {
        format!("{n} B")
    }
}

/// The hash in groups of eight, easy to read aloud.
pub(crate) fn grouped(hex: &str) -> String {
    hex.as_bytes()
        .chunks(8)
        .map(|c| String::from_utf8_lossy(c).to_string())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Builds the cover page and the body sections; returns (cover, body).
pub(crate) fn build(
    d: &CaseData,
    opts: &PacketOptions,
    r: &mut Redactor,
) -> (Vec<Block>, Vec<Block>) {
    let want = |s: PacketSection| opts.sections.is_empty() || opts.sections.contains(&s);
    let cat = |id: &str| {
        d.taxonomy
            .category(id)
            .map(|c| c.label.clone())
            .unwrap_or_else(|| id.to_string())
    };
    let h = &d.header;
    let mut cover = vec![Block::Para {
        text: opts.profile.copy_label().into(),
        face: Face::Bold,
        size: 10.0,
        color: DANGER,
    }];
    cover.push(Block::Gap(18.0));
    cover.push(Block::Para {
        text: "Stalking case packet".into(),
        face: Face::Regular,
        size: 13.0,
        color: MUTED,
    });
    cover.push(Block::Para {
        text: r.scrub(&h.title),
        face: Face::Bold,
        size: 22.0,
        color: INK,
    });
    cover.push(Block::Gap(10.0));
    let mut fields = vec![("Case number".to_string(), h.number.clone())];
    for a in &h.agency_reports {
        fields.push((format!("{} report", a.agency), a.number.clone()));
    }
    fields.push(("Opened".into(), h.opened_on.to_string()));
    fields.push(("Investigator".into(), h.assigned_investigator.clone()));
    if let Some(p) = &d.investigator {
        fields.push(("Unit".into(), format!("{}, {}", p.unit, p.agency)));
        fields.push(("Badge".into(), p.badge.clone()));
    }
    let statutes: Vec<String> = d.matrix.statutes.iter().map(|s| s.label.clone()).collect();
    if !statutes.is_empty() {
        fields.push(("Statutes".into(), statutes.join("; ")));
    }
    if !d.info.charges.trim().is_empty() {
        fields.push(("Charges sought".into(), r.scrub(&d.info.charges)));
    }
    if !d.info.custody.trim().is_empty() {
        fields.push(("Custody status".into(), r.scrub(&d.info.custody)));
    }
    fields.push(("Case status".into(), words(h.status.as_str())));
    fields.push(("This copy".into(), opts.profile.copy_label().into()));
    fields.push((
        "Exported".into(),
        format!("{} by {}", d.exported_at, d.exported_by),
    ));
    cover.push(Block::Fields(fields));
    if !d.info.safety_alert.trim().is_empty() {
        cover.push(Block::Gap(8.0));
        cover.push(Block::warning(format!(
            "VICTIM SAFETY ALERT: {}",
            r.scrub(&d.info.safety_alert)
        )));
    }

    let mut b = Vec::new();
    // Summary.
    if want(PacketSection::Summary) {
        b.push(Block::Section("Summary".into()));
        if !d.info.summary.trim().is_empty() {
            b.push(Block::para(r.scrub(&d.info.summary)));
        }
        let n = d.incidents.len();
        let span = match (d.incidents.first(), d.incidents.last()) {
            (Some(a), Some(z)) => format!(" from {} to {}", a.occurred.display, z.occurred.display),
            _ => String::new(),
        };
        let mut by_group: BTreeMap<String, u32> = BTreeMap::new();
        for i in &d.incidents {
            let g = d
                .taxonomy
                .groups
                .iter()
                .find(|g| g.id == i.group)
                .map(|g| g.label.clone())
                .unwrap_or_else(|| i.group.clone());
            *by_group.entry(g).or_default() += 1;
        }
        let groups = by_group
            .iter()
            .map(|(g, c)| format!("{g} {c}"))
            .collect::<Vec<_>>()
            .join(", ");
        b.push(Block::para(format!(
            "The case records {n} incident(s){span} ({groups}), {} exhibit(s) and {} protective order(s).",
            d.exhibits.len(),
            d.orders.len()
        )));
        if let Some(last) = d.risks.last() {
            b.push(Block::para(format!(
                "Latest risk assessment: {} on {} by {}.",
                last.input.level.as_str(),
                last.input.assessed_on,
                last.assessor
            )));
        }
        let serious = d
            .matrix
            .gaps
            .iter()
            .filter(|g| g.level == GapLevel::Serious)
            .count();
        b.push(Block::para(format!(
            "Open gaps in the proof: {} ({serious} serious); see the elements matrix.",
            d.matrix.gaps.len()
        )));
    }
    // Parties.
    if want(PacketSection::Parties) && !d.people.is_empty() {
        b.push(Block::Section("Parties".into()));
        let mut rows = Vec::new();
        for p in &d.people {
            let ids: Vec<String> = p
                .identifiers
                .iter()
                .map(|i| {
                    let withheld = r.active
                        && (i.confidential
                            || i.kind == IdentifierKind::Address
                            || p.role == PersonRole::Victim);
                    let value = if withheld {
                        let reason = if i.confidential {
                            "confidential identifier"
                        } else if i.kind == IdentifierKind::Address {
                            "address"
                        } else {
                            "victim's contact details"
                        };
                        r.withhold(reason)
                    } else {
                        i.value.clone()
                    };
                    format!(
                        "{}: {}{}",
                        words(i.kind.as_str()),
                        value,
                        if i.label.is_empty() {
                            String::new()
                        } else {
                            format!(" ({})", i.label)
                        }
                    )
                })
                .collect();
            rows.push(vec![
                Cell::text(words(p.role.as_str())),
                Cell::bold(r.scrub(&p.name)),
                Cell::text(words(p.relationship.as_str())),
                Cell::text(ids.join("\n")),
                Cell::text(r.scrub(&p.notes)),
            ]);
        }
        b.push(Block::Table {
            cols: vec![
                ("Role".into(), 0.12),
                ("Name".into(), 0.18),
                ("Relationship".into(), 0.14),
                ("Identifiers".into(), 0.3),
                ("Notes".into(), 0.26),
            ],
            rows,
            size: 8.5,
        });
    }
    if want(PacketSection::Relationship) && !d.info.relationship.trim().is_empty() {
        b.push(Block::Section("Relationship history".into()));
        b.push(Block::para(r.scrub(&d.info.relationship)));
    }
    // Chronology, by month.
    let exhibit_numbers: HashMap<&str, Vec<&str>> = {
        let mut m: HashMap<&str, Vec<&str>> = HashMap::new();
        for e in &d.exhibits {
            for i in &e.input.incident_ids {
                m.entry(i.as_str()).or_default().push(e.number.as_str());
            }
        }
        m
    };
    if want(PacketSection::Chronology) && !d.incidents.is_empty() {
        b.push(Block::Section("Chronology".into()));
        b.push(Block::note(
            "Every incident, at the precision it was given (a day, a month, a window), in the zone it was recorded in.",
        ));
        let cols = vec![
            ("When".into(), 0.17),
            ("Category".into(), 0.14),
            ("What happened".into(), 0.55),
            ("Exhibits".into(), 0.14),
        ];
        let mut month = String::new();
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        let month_of = |i: &Incident| i.occurred.from.get(..7).unwrap_or("").to_string();
        let counts: HashMap<String, usize> = d.incidents.iter().fold(HashMap::new(), |mut m, i| {
            *m.entry(month_of(i)).or_default() += 1;
            m
        });
        for i in &d.incidents {
            let m = month_of(i);
            if m != month {
                if !rows.is_empty() {
                    b.push(Block::Table {
                        cols: cols.clone(),
                        rows: std::mem::take(&mut rows),
                        size: 8.0,
                    });
                }
                let title = chrono::NaiveDate::parse_from_str(&format!("{m}-01"), "%Y-%m-%d")
                    .map(|d| d.format("%B %Y").to_string())
                    .unwrap_or_else(|_| m.clone());
                b.push(Block::Heading {
                    text: format!("{title} ({})", counts.get(&m).copied().unwrap_or(0)),
                    outline: true,
                });
                month = m;
            }
            let mut what = r.scrub(&i.input.narrative);
            if !i.input.suspect_words.trim().is_empty() {
                what.push_str(&format!(
                    "\nSuspect's words: \u{201c}{}\u{201d}",
                    r.scrub(i.input.suspect_words.trim())
                ));
            }
            let suspect = person_name(&d.people, &i.input.suspect_id);
            if !suspect.is_empty() {
                what.push_str(&format!(
                    "\nAttributed to {} ({})",
                    r.scrub(&suspect),
                    words(i.input.attribution.as_str())
                ));
            }
            let witnesses: Vec<String> = i
                .input
                .witness_ids
                .iter()
                .map(|w| person_name(&d.people, &Some(w.clone())))
                .collect();
            if !witnesses.is_empty() {
                what.push_str(&format!("\nWitnesses: {}", r.scrub(&witnesses.join(", "))));
            }
            if !i.input.location_text.trim().is_empty() {
                let loc = if r.active && matches!(i.input.place_type, PlaceType::VictimHome) {
                    r.withhold("address")
                } else {
                    r.scrub(&i.input.location_text)
                };
                what.push_str(&format!("\nWhere: {loc}"));
            }
            let ex = exhibit_numbers
                .get(i.id.as_str())
                .map(|v| v.join(", "))
                .unwrap_or_default();
            rows.push(vec![
                Cell::text(i.occurred.display.clone()),
                Cell::text(cat(&i.input.category)),
                Cell::text(what),
                Cell::text(ex),
            ]);
        }
        if !rows.is_empty() {
            b.push(Block::Table {
                cols,
                rows,
                size: 8.0,
            });
        }
    }
    // Chart.
    if want(PacketSection::Chart) {
        let orders: Vec<(String, chrono::NaiveDate)> = d
            .orders
            .iter()
            .flat_map(|o| [Some(&o.input.issued_on), o.input.served_on.as_ref()])
            .flatten()
            .filter_map(|s| s.parse().ok().map(|dt| ("order".to_string(), dt)))
            .collect();
        if let Some(c) = super::chart::chart(&d.incidents, &d.taxonomy, &orders) {
            b.push(Block::Section("Pattern of conduct".into()));
            b.push(Block::Drawing(c));
        }
    }
    // Elements matrix.
    if want(PacketSection::Elements) && (!d.matrix.statutes.is_empty() || !d.matrix.gaps.is_empty())
    {
        b.push(Block::Section("Elements of the offence".into()));
        for s in &d.matrix.statutes {
            b.push(Block::Heading {
                text: s.label.clone(),
                outline: true,
            });
            if !s.summary.is_empty() {
                b.push(Block::note(s.summary.clone()));
            }
            let rows = d
                .matrix
                .rows
                .iter()
                .filter(|row| row.statute_id == s.id)
                .map(|row| {
                    let inc = if row.incidents.is_empty() {
                        "none".to_string()
                    } else {
                        let mut v: Vec<String> = row
                            .incidents
                            .iter()
                            .take(6)
                            .map(|x| x.label.clone())
                            .collect();
                        if row.incidents.len() > 6 {
                            v.push(format!("and {} more", row.incidents.len() - 6));
                        }
                        format!("{} incident(s):\n{}", row.incidents.len(), v.join("\n"))
                    };
                    let ex = row
                        .exhibits
                        .iter()
                        .map(|x| x.label.clone())
                        .collect::<Vec<_>>()
                        .join(", ");
                    let label = if row.element.aggravator {
                        format!("{} (aggravating)", row.element.label)
                    } else {
                        row.element.label.clone()
                    };
                    let unsupported = row.incidents.is_empty() && row.exhibits.is_empty();
                    vec![
                        Cell::bold(label),
                        Cell::text(row.element.text.clone()),
                        if unsupported {
                            Cell::bold("NOT SUPPORTED").colored(DANGER)
                        } else {
                            Cell::text(inc)
                        },
                        Cell::text(if ex.is_empty() { "none".into() } else { ex }),
                    ]
                })
                .collect();
            b.push(Block::Table {
                cols: vec![
                    ("Element".into(), 0.18),
                    ("What must be shown".into(), 0.34),
                    ("Incidents".into(), 0.32),
                    ("Exhibits".into(), 0.16),
                ],
                rows,
                size: 7.8,
            });
        }
        if !d.matrix.gaps.is_empty() {
            b.push(Block::Heading {
                text: "Gaps".into(),
                outline: false,
            });
            for g in &d.matrix.gaps {
                let tag = if g.level == GapLevel::Serious {
                    "SERIOUS"
                } else {
                    "Warning"
                };
                b.push(Block::Para {
                    text: format!("{tag}: {}", g.message),
                    face: Face::Regular,
                    size: 9.0,
                    color: if g.level == GapLevel::Serious {
                        DANGER
                    } else {
                        INK
                    },
                });
            }
        }
    }
    // Exhibit index.
    if want(PacketSection::Exhibits) && !d.exhibits.is_empty() {
        b.push(Block::Section("Exhibit index".into()));
        let mut rows = Vec::new();
        for e in &d.exhibits {
            let mut desc = format!(
                "{}\n{}",
                r.scrub(&e.input.description),
                words(e.input.kind.as_str())
            );
            desc.push_str(&format!("\nSource: {}", words(e.input.source.as_str())));
            if !e.input.source_detail.is_empty() {
                desc.push_str(&format!(" ({})", r.scrub(&e.input.source_detail)));
            }
            if !e.input.collected_by.is_empty() {
                desc.push_str(&format!("\nCollected by {}", e.input.collected_by));
            }
            if let Some(w) = &e.collected {
                desc.push_str(&format!(" on {}", w.display));
            }
            if e.input.physical {
                desc.push_str(&format!("\nStored at: {}", r.scrub(&e.input.stored_at)));
            }
            if let Some(f) = &e.file {
                desc.push_str(&format!(
                    "\nFile: {} ({}, {})",
                    r.scrub(&f.name),
                    f.media_type,
                    human_size(f.size)
                ));
            }
            if !e.input.derivation.is_empty() {
                desc.push_str(&format!("\nDerived: {}", r.scrub(&e.input.derivation)));
            }
            for g in &e.gaps {
                desc.push_str(&format!("\nCapture gap: {g}"));
            }
            let custody = e
                .custody
                .iter()
                .map(|c| {
                    let mut s = format!(
                        "{}. {} {} by {}",
                        c.seq,
                        c.at.get(..10).unwrap_or(&c.at),
                        words(c.kind.as_str()),
                        c.by_whom
                    );
                    if !c.to.is_empty() && c.kind != CustodyKind::Intake {
                        s.push_str(&format!(" to {}", c.to));
                    }
                    if !c.purpose.is_empty() && c.kind != CustodyKind::Intake {
                        s.push_str(&format!(" ({})", c.purpose));
                    }
                    match c.hash_check {
                        Some(HashCheck::Matched) => s.push_str(" [hash matched]"),
                        Some(HashCheck::Mismatch) => s.push_str(" [HASH MISMATCH]"),
                        None => {}
                    }
                    s
                })
                .collect::<Vec<_>>()
                .join("\n");
            rows.push(vec![
                Cell::bold(e.number.clone()),
                Cell::text(desc),
                Cell::mono(
                    e.file
                        .as_ref()
                        .map(|f| f.sha256.clone())
                        .unwrap_or_else(|| "physical item".into()),
                ),
                Cell::text(r.scrub(&custody)),
            ]);
        }
        b.push(Block::Table {
            cols: vec![
                ("Exhibit".into(), 0.15),
                ("Description, source, collector".into(), 0.33),
                ("SHA-256".into(), 0.22),
                ("Chain of custody".into(), 0.30),
            ],
            rows,
            size: 7.5,
        });
        if !d.photos.is_empty() {
            b.push(Block::Heading {
                text: "Photo exhibits".into(),
                outline: false,
            });
            let items = d
                .photos
                .iter()
                .enumerate()
                .map(|(k, (number, _, px))| (k, *px, number.clone()))
                .collect();
            b.push(Block::Thumbnails { items });
        }
    }
    // Witnesses.
    let witnesses: Vec<&Person> = d
        .people
        .iter()
        .filter(|p| p.role == PersonRole::Witness)
        .collect();
    if want(PacketSection::Witnesses) && !witnesses.is_empty() {
        b.push(Block::Section("Witnesses".into()));
        let rows = witnesses
            .iter()
            .map(|w| {
                let saw: Vec<String> = d
                    .incidents
                    .iter()
                    .filter(|i| i.input.witness_ids.contains(&w.id))
                    .map(|i| format!("{} — {}", i.occurred.display, cat(&i.input.category)))
                    .collect();
                vec![
                    Cell::bold(r.scrub(&w.name)),
                    Cell::text(if saw.is_empty() {
                        "no incident linked".into()
                    } else {
                        saw.join("\n")
                    }),
                ]
            })
            .collect();
        b.push(Block::Table {
            cols: vec![("Witness".into(), 0.3), ("Can speak to".into(), 0.7)],
            rows,
            size: 8.5,
        });
    }
    // Victim impact.
    let impact: Vec<&Incident> = d
        .incidents
        .iter()
        .filter(|i| {
            !i.input.victim_words.trim().is_empty() || !i.input.victim_changes.trim().is_empty()
        })
        .collect();
    if want(PacketSection::Impact) && !impact.is_empty() {
        b.push(Block::Section("Victim impact and life changes".into()));
        let rows = impact
            .iter()
            .map(|i| {
                vec![
                    Cell::text(i.occurred.display.clone()),
                    Cell::text(words(i.input.fear_level.as_str())),
                    Cell::text(r.scrub(&i.input.victim_words)),
                    Cell::text(r.scrub(&i.input.victim_changes)),
                ]
            })
            .collect();
        b.push(Block::Table {
            cols: vec![
                ("When".into(), 0.18),
                ("Fear".into(), 0.12),
                ("In the victim's words".into(), 0.4),
                ("What changed".into(), 0.3),
            ],
            rows,
            size: 8.0,
        });
    }
    // Prior reports.
    let reported: Vec<&Incident> = d
        .incidents
        .iter()
        .filter(|i| i.input.reported_to.is_some())
        .collect();
    if want(PacketSection::PriorReports) && (!reported.is_empty() || !h.agency_reports.is_empty()) {
        b.push(Block::Section("Prior reports".into()));
        let mut rows: Vec<Vec<Cell>> = h
            .agency_reports
            .iter()
            .map(|a| {
                vec![
                    Cell::text("case"),
                    Cell::text(a.agency.clone()),
                    Cell::text(a.number.clone()),
                    Cell::text(""),
                ]
            })
            .collect();
        for i in reported {
            if let Some(t) = &i.input.reported_to {
                rows.push(vec![
                    Cell::text(i.occurred.display.clone()),
                    Cell::text(t.agency.clone()),
                    Cell::text(t.report_number.clone()),
                    Cell::text(format!("{} {}", t.officer, t.badge).trim().to_string()),
                ]);
            }
        }
        b.push(Block::Table {
            cols: vec![
                ("When".into(), 0.2),
                ("Agency".into(), 0.3),
                ("Report number".into(), 0.25),
                ("Officer".into(), 0.25),
            ],
            rows,
            size: 8.5,
        });
    }
    // Orders and violations.
    if want(PacketSection::Orders) && !d.orders.is_empty() {
        b.push(Block::Section("Protective orders and violations".into()));
        let rows = d
            .orders
            .iter()
            .map(|o| {
                vec![
                    Cell::text(words(o.input.kind.as_str())),
                    Cell::text(o.input.court.clone()),
                    Cell::text(o.input.issued_on.clone()),
                    Cell::text(
                        o.input
                            .served_on
                            .clone()
                            .unwrap_or_else(|| "not served".into()),
                    ),
                    Cell::text(o.input.expires_on.clone().unwrap_or_default()),
                    Cell::text(r.scrub(&o.input.terms)),
                ]
            })
            .collect();
        b.push(Block::Table {
            cols: vec![
                ("Order".into(), 0.12),
                ("Court".into(), 0.18),
                ("Issued".into(), 0.12),
                ("Served".into(), 0.12),
                ("Expires".into(), 0.12),
                ("Terms".into(), 0.34),
            ],
            rows,
            size: 8.0,
        });
        let violations: Vec<String> = d
            .incidents
            .iter()
            .filter(|i| i.input.category == "orderViolation")
            .map(|i| format!("{}: {}", i.occurred.display, r.scrub(&i.input.narrative)))
            .collect();
        if !violations.is_empty() {
            b.push(Block::Heading {
                text: "Violations".into(),
                outline: false,
            });
            for v in violations {
                b.push(Block::para(v));
            }
        }
    }
    // Suspect contact and warnings.
    let warnings: Vec<&Incident> = d
        .incidents
        .iter()
        .filter(|i| {
            ["warningDelivered", "orderServed", "arrest"].contains(&i.input.category.as_str())
        })
        .collect();
    let told: Vec<(String, String)> = d
        .protocol
        .as_ref()
        .map(|p| {
            d.answers
                .iter()
                .filter(|a| a.is_given())
                .filter_map(|a| {
                    let (_, step, item) = p.item(&a.item_id)?;
                    (step.id == "toldToStop"
                        || step.id.to_lowercase().contains("warning")
                        || step.id.to_lowercase().contains("suspect"))
                    .then(|| {
                        (
                            item.text.clone(),
                            if a.values.is_empty() {
                                a.value.clone()
                            } else {
                                a.values.join(", ")
                            },
                        )
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    if want(PacketSection::Warnings) && (!warnings.is_empty() || !told.is_empty()) {
        b.push(Block::Section("Suspect contact and warnings".into()));
        for (q, a) in told {
            b.push(Block::Fields(vec![(q, r.scrub(&a))]));
        }
        for i in warnings {
            b.push(Block::para(format!(
                "{} — {}: {}",
                i.occurred.display,
                cat(&i.input.category),
                r.scrub(&i.input.narrative)
            )));
        }
    }
    // Legal process.
    if want(PacketSection::Legal) && !d.legal.is_empty() {
        b.push(Block::Section("Legal process".into()));
        let rows = d
            .legal
            .iter()
            .map(|l| {
                vec![
                    Cell::text(words(l.input.kind.as_str())),
                    Cell::text(l.input.provider.clone()),
                    Cell::text(l.input.reference.clone()),
                    Cell::text(l.input.sent_on.clone()),
                    Cell::text(l.input.expires_on.clone().unwrap_or_default()),
                    Cell::text(l.input.returned_on.clone().unwrap_or_default()),
                    Cell::text(words(l.input.status.as_str())),
                ]
            })
            .collect();
        b.push(Block::Table {
            cols: vec![
                ("Kind".into(), 0.16),
                ("Provider".into(), 0.18),
                ("Reference".into(), 0.16),
                ("Sent".into(), 0.12),
                ("Expires".into(), 0.12),
                ("Returned".into(), 0.12),
                ("Status".into(), 0.14),
            ],
            rows,
            size: 8.0,
        });
    }
    // Risk and management.
    if want(PacketSection::Risk) && (!d.risks.is_empty() || !d.plan.is_empty()) {
        b.push(Block::Section(
            "Risk assessments and management plan".into(),
        ));
        b.push(Block::note("Structured professional judgement: factors and level as assessed; no score is computed."));
        let factor = |id: &str| {
            d.catalog
                .factors
                .iter()
                .find(|f| f.id == id)
                .map(|f| f.label.clone())
                .unwrap_or_else(|| id.to_string())
        };
        let rows = d
            .risks
            .iter()
            .map(|a| {
                let present: Vec<String> = a
                    .input
                    .factors
                    .iter()
                    .filter(|f| matches!(f.rating.as_str(), "present" | "partly"))
                    .map(|f| format!("{} ({})", factor(&f.factor_id), f.rating.as_str()))
                    .collect();
                let typology = a
                    .input
                    .typology
                    .as_ref()
                    .and_then(|t| d.catalog.typologies.iter().find(|x| &x.id == t))
                    .map(|t| t.label.clone())
                    .unwrap_or_default();
                vec![
                    Cell::text(a.input.assessed_on.clone()),
                    Cell::text(a.assessor.clone()),
                    Cell::bold(a.input.level.as_str().to_string()),
                    Cell::text(typology),
                    Cell::text(format!(
                        "{}\n{}",
                        present.join("; "),
                        r.scrub(&a.input.reasons)
                    )),
                ]
            })
            .collect::<Vec<_>>();
        if !rows.is_empty() {
            b.push(Block::Table {
                cols: vec![
                    ("Date".into(), 0.12),
                    ("Assessor".into(), 0.15),
                    ("Level".into(), 0.1),
                    ("Typology".into(), 0.15),
                    ("Factors present and reasons".into(), 0.48),
                ],
                rows,
                size: 8.0,
            });
        }
        if !d.plan.is_empty() {
            b.push(Block::Heading {
                text: "Management plan".into(),
                outline: false,
            });
            if r.active {
                b.push(Block::para(r.withhold("safety plan")));
            } else {
                let rows = d
                    .plan
                    .iter()
                    .map(|p| {
                        vec![
                            Cell::text(words(p.input.kind.as_str())),
                            Cell::text(p.input.owner.clone()),
                            Cell::text(p.input.start_on.clone()),
                            Cell::text(words(p.input.status.as_str())),
                            Cell::text(p.input.outcome.clone()),
                        ]
                    })
                    .collect();
                b.push(Block::Table {
                    cols: vec![
                        ("Action".into(), 0.18),
                        ("Owner".into(), 0.2),
                        ("From".into(), 0.12),
                        ("Status".into(), 0.12),
                        ("Outcome".into(), 0.38),
                    ],
                    rows,
                    size: 8.0,
                });
            }
        }
    }
    if want(PacketSection::Recommendations)
        && !(d.info.recommendations.trim().is_empty() && d.info.charges.trim().is_empty())
    {
        b.push(Block::Section("Recommended charges and conditions".into()));
        if !d.info.charges.trim().is_empty() {
            b.push(Block::Fields(vec![(
                "Charges sought".into(),
                r.scrub(&d.info.charges),
            )]));
        }
        if !d.info.recommendations.trim().is_empty() {
            b.push(Block::para(r.scrub(&d.info.recommendations)));
        }
    }
    if want(PacketSection::Photos) && !d.photos.is_empty() {
        b.push(Block::Section("Appendix: photographs".into()));
        for (k, (number, desc, px)) in d.photos.iter().enumerate() {
            if k > 0 {
                b.push(Block::PageBreak);
            }
            b.push(Block::Heading {
                text: format!("Exhibit {number}"),
                outline: true,
            });
            b.push(Block::note(r.scrub(desc)));
            b.push(Block::Image {
                index: k,
                px: *px,
                max_h: 560.0,
            });
        }
    }
    (cover, b)
}

/// The integrity page (needs the withheld list, so it comes last).
pub(crate) fn integrity(d: &CaseData, opts: &PacketOptions, withheld: &[String]) -> Vec<Block> {
    let mut b = vec![Block::Section("Integrity".into())];
    b.push(Block::para(
        "This packet is signed by the investigator with a standard PDF signature (ECDSA P-256, SHA-256). Any PDF reader's signature panel shows whether the file has changed since signing. Vigil's own check: vigil packet verify FILE.pdf. The file manifest.json attached to this PDF lists the same facts for a machine.",
    ));
    b.push(Block::Fields(vec![
        (
            "Case".into(),
            format!("{} (id {})", d.header.number, d.header.case_id),
        ),
        ("Copy".into(), opts.profile.copy_label().into()),
        (
            "Exported".into(),
            format!("{} by {}", d.exported_at, d.exported_by),
        ),
        ("Signed by".into(), d.signer_subject.clone()),
        ("Certificate SHA-256".into(), grouped(&d.certificate_sha256)),
        (
            "Audit chain".into(),
            format!("{} events; head {}", d.chain_seq, grouped(&d.chain_head)),
        ),
        (
            "Statutes".into(),
            d.matrix
                .statutes
                .iter()
                .map(|s| s.id.clone())
                .collect::<Vec<_>>()
                .join(", "),
        ),
    ]));
    b.push(Block::Heading {
        text: "Supervisor approvals".into(),
        outline: false,
    });
    if d.approvals.is_empty() {
        b.push(Block::para(
            "No supervisor has approved a packet of this case yet.",
        ));
    } else {
        b.push(Block::note("Each approval is a signed review file applied to the case; it names the packet it approved by SHA-256."));
        let rows = d
            .approvals
            .iter()
            .map(|(who, at, sha)| {
                vec![
                    Cell::text(who.clone()),
                    Cell::text(at.get(..10).unwrap_or(at).to_string()),
                    Cell::mono(sha.clone()),
                ]
            })
            .collect();
        b.push(Block::Table {
            cols: vec![
                ("Reviewer".into(), 0.28),
                ("Approved".into(), 0.14),
                ("Packet SHA-256".into(), 0.58),
            ],
            rows,
            size: 8.0,
        });
    }
    b.push(Block::Heading {
        text: "Withheld from this copy".into(),
        outline: false,
    });
    if withheld.is_empty() {
        b.push(Block::para("Nothing is withheld from this copy."));
    } else {
        for w in withheld {
            b.push(Block::para(w.clone()));
        }
        b.push(Block::note("Withheld values are replaced by \u{201c}[redacted: reason]\u{201d} and are not in this file. The prosecutor's copy holds them."));
    }
    let files: Vec<&Exhibit> = d.exhibits.iter().filter(|e| e.file.is_some()).collect();
    if !files.is_empty() {
        b.push(Block::Heading {
            text: "Exhibit files".into(),
            outline: false,
        });
        b.push(Block::note("An exported exhibit (vigil evidence export) must give this SHA-256 with any standard tool, e.g. sha256sum."));
        let rows = files
            .iter()
            .map(|e| {
                vec![
                    Cell::bold(e.number.clone()),
                    Cell::mono(
                        e.file
                            .as_ref()
                            .map(|f| f.sha256.clone())
                            .unwrap_or_default(),
                    ),
                ]
            })
            .collect();
        b.push(Block::Table {
            cols: vec![("Exhibit".into(), 0.2), ("SHA-256".into(), 0.8)],
            rows,
            size: 8.0,
        });
    }
    b
}
