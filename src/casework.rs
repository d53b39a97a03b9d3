//! Case content: people, incidents, the timeline, import and export.
//! Every write goes through [`UnlockedWorkspace::write_case`], so each one is
//! a transaction with its audit events.

use crate::import::{self, ImportField, ImportFile, ImportPreview, ImportResult};
use crate::incident::*;
use crate::person::*;
use crate::store::{incidents, people, registry};
use crate::taxonomy::Taxonomy;
use crate::workspace::{Change, UnlockedWorkspace};
use crate::{crypto, when, Error, Result};
use chrono::{Duration, NaiveDate};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;

const TAXONOMY_SETTING: &str = "taxonomy_toml";

/// The workspace's taxonomy: the agency's if loaded, else the default.
pub(crate) fn load_taxonomy(db: &rusqlite::Connection) -> Result<Taxonomy> {
    match registry::setting(db, TAXONOMY_SETTING)? {
        Some(text) => Taxonomy::parse(&text, "workspace taxonomy"),
        None => Ok(Taxonomy::default_taxonomy()),
    }
}

/// Export formats of the chronology.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum ExportFormat {
    /// Spreadsheet-friendly CSV.
    Csv,
    /// Full records as JSON.
    Json,
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ExportReport {
    /// The file.
    pub path: String,
    /// Incidents written.
    pub rows: u32,
    /// SHA-256 of the file.
    pub sha256: String,
}

fn hash_or_gone(h: Option<String>, kind: &'static str, id: &str) -> Result<String> {
    h.ok_or_else(|| Error::NotFound {
        kind,
        id: id.to_string(),
    })
}

impl UnlockedWorkspace {
    /// The incident taxonomy in force.
    pub fn taxonomy(&self) -> &Taxonomy {
        &self.taxonomy
    }

    /// Makes an agency taxonomy file the workspace's taxonomy (checked first).
    pub fn use_taxonomy(&mut self, text: &str, file_name: &str) -> Result<Taxonomy> {
        let t = Taxonomy::parse(text, file_name)?;
        self.set_setting(TAXONOMY_SETTING, text)?;
        self.taxonomy = t.clone();
        Ok(t)
    }

    // ---- people -------------------------------------------------------

    /// Everyone in the case, confidential values masked.
    pub fn list_people(&mut self, number: &str) -> Result<Vec<Person>> {
        Ok(self
            .people_in_full(number)?
            .into_iter()
            .map(Person::masked)
            .collect())
    }

    /// Everyone with every value, for the core's own use (the packet, which
    /// redacts by profile).
    pub(crate) fn people_in_full(&mut self, number: &str) -> Result<Vec<Person>> {
        people::list(&self.case(number)?.conn)
    }

    /// One confidential value in clear, recorded in the case's audit trail
    /// (who looked, at which identifier; never the value).
    pub fn reveal_identifier(
        &mut self,
        number: &str,
        person_id: &str,
        identifier_id: &str,
    ) -> Result<String> {
        let person =
            people::get(&self.case(number)?.conn, person_id)?.ok_or_else(|| Error::NotFound {
                kind: "person",
                id: person_id.to_string(),
            })?;
        let ident = person
            .identifiers
            .into_iter()
            .find(|i| i.id == identifier_id)
            .ok_or_else(|| Error::NotFound {
                kind: "identifier",
                id: identifier_id.to_string(),
            })?;
        if ident.confidential {
            let detail =
                serde_json::json!({ "identifier": identifier_id, "kind": ident.kind.as_str() });
            let hash = crypto::to_hex(&crypto::sha256(detail.to_string().as_bytes()));
            self.write_case(number, true, |_| {
                let mut c = Change::new("identifier.reveal", people::ENTITY, person_id, hash);
                c.detail = detail;
                Ok(((), vec![c]))
            })?;
        }
        Ok(ident.value)
    }

    /// Creates (`id` None) or replaces a person.
    pub fn save_person(
        &mut self,
        number: &str,
        id: Option<&str>,
        input: &PersonInput,
    ) -> Result<Person> {
        let mut input = input.clone();
        if input.identifiers.iter().any(|i| i.keep.is_some()) {
            // Values the caller never saw (masked) are taken from the record.
            let stored = match id {
                Some(id) => people::get(&self.case(number)?.conn, id)?
                    .map(|p| p.identifiers)
                    .unwrap_or_default(),
                None => Vec::new(),
            };
            for i in &mut input.identifiers {
                if let Some(keep) = &i.keep {
                    let old = stored.iter().find(|s| &s.id == keep).ok_or_else(|| {
                        Error::validation("identifier", "the value to keep is no longer stored")
                    })?;
                    i.value = old.value.clone();
                }
            }
        }
        let p = input.validated()?;
        let (id, create) = match id {
            Some(id) => (id.to_string(), false),
            None => (crypto::random_id()?, true),
        };
        let now = crate::now_rfc3339();
        self.write_case(number, false, |tx| {
            people::upsert(tx, &id, &p, &now, create)?;
            let hash = hash_or_gone(people::state_hash(tx, &id)?, "person", &id)?;
            let action = if create {
                "person.create"
            } else {
                "person.update"
            };
            Ok(((), vec![Change::new(action, people::ENTITY, &id, hash)]))
        })?;
        people::get(&self.case(number)?.conn, &id)?
            .map(Person::masked)
            .ok_or(Error::NotFound { kind: "person", id })
    }

    /// Deletes a person not linked to any incident.
    pub fn delete_person(&mut self, number: &str, id: &str) -> Result<()> {
        let exhibits = self.exhibits_linked(number, None, Some(id))?;
        if !exhibits.is_empty() {
            return Err(Error::validation(
                "person",
                format!(
                    "exhibit(s) {} are linked to them; unlink them first",
                    exhibits.join(", ")
                ),
            ));
        }
        self.write_case(number, false, |tx| {
            if people::get(tx, id)?.is_none() {
                return Err(Error::NotFound {
                    kind: "person",
                    id: id.to_string(),
                });
            }
            let answers: Vec<String> = crate::store::manage::answers(tx)?
                .into_iter()
                .filter(|a| a.values.iter().any(|v| v == id))
                .map(|a| a.item_id)
                .collect();
            if !answers.is_empty() {
                return Err(Error::validation(
                    "person",
                    format!(
                        "is named in the protocol's answers ({}); change those answers first",
                        answers.join(", ")
                    ),
                ));
            }
            let links = people::incident_links(tx, id)?;
            if links > 0 {
                return Err(Error::validation(
                    "person",
                    format!(
                        "is linked to {links} incident(s) as suspect or witness; unlink them first"
                    ),
                ));
            }
            people::delete(tx, id)?;
            let hash = crypto::to_hex(&crypto::sha256(b"deleted"));
            Ok((
                (),
                vec![Change::new("person.delete", people::ENTITY, id, hash)],
            ))
        })
    }

    /// Identifiers matching `query` across the case (phones by digits).
    pub fn search_identifiers(&mut self, number: &str, query: &str) -> Result<Vec<IdentifierHit>> {
        people::search(&self.case(number)?.conn, query)
    }

    // ---- incidents ----------------------------------------------------

    fn check_links(conn: &rusqlite::Connection, i: &IncidentInput) -> Result<()> {
        if let Some(s) = &i.suspect_id {
            if !incidents::person_exists(conn, s)? {
                return Err(Error::validation(
                    "suspect",
                    "that person is not in this case",
                ));
            }
        }
        for w in &i.witness_ids {
            if !incidents::person_exists(conn, w)? {
                return Err(Error::validation(
                    "witnesses",
                    "a witness is not in this case",
                ));
            }
        }
        Ok(())
    }

    /// Adds one incident.
    pub fn add_incident(&mut self, number: &str, input: &IncidentInput) -> Result<Incident> {
        let ids = self.add_incidents(number, std::slice::from_ref(input), None, None)?;
        let id = ids
            .into_iter()
            .next()
            .ok_or(Error::Crypto("no incident id"))?;
        self.get_incident(number, &id)
    }

    /// Adds many incidents in one transaction (all or none). `lines` gives
    /// each one's line in the imported file.
    pub(crate) fn add_incidents(
        &mut self,
        number: &str,
        inputs: &[IncidentInput],
        source_sha256: Option<&str>,
        lines: Option<&[u32]>,
    ) -> Result<Vec<String>> {
        let prepared = inputs
            .iter()
            .map(|i| i.prepare(&self.taxonomy))
            .collect::<Result<Vec<_>>>()?;
        let now = crate::now_rfc3339();
        self.write_case(number, false, |tx| {
            let mut ids = Vec::with_capacity(prepared.len());
            let mut changes = Vec::with_capacity(prepared.len() + 1);
            for (n, p) in prepared.iter().enumerate() {
                Self::check_links(tx, &p.input)?;
                let id = crypto::random_id()?;
                let origin = incidents::Origin {
                    sha256: source_sha256,
                    line: lines.and_then(|l| l.get(n)).map(|l| i64::from(*l)),
                };
                incidents::insert(tx, &id, p, &origin, &now)?;
                let hash = hash_or_gone(incidents::state_hash(tx, &id)?, "incident", &id)?;
                changes.push(Change::new("incident.create", incidents::ENTITY, &id, hash));
                ids.push(id);
            }
            Ok((ids, changes))
        })
    }

    /// Replaces an incident's fields.
    pub fn update_incident(
        &mut self,
        number: &str,
        id: &str,
        input: &IncidentInput,
    ) -> Result<Incident> {
        let p = input.prepare(&self.taxonomy)?;
        let now = crate::now_rfc3339();
        self.write_case(number, false, |tx| {
            Self::check_links(tx, &p.input)?;
            incidents::update(tx, id, &p, &now)?;
            let hash = hash_or_gone(incidents::state_hash(tx, id)?, "incident", id)?;
            Ok((
                (),
                vec![Change::new("incident.update", incidents::ENTITY, id, hash)],
            ))
        })?;
        self.get_incident(number, id)
    }

    /// Deletes an incident; the deletion stays in the audit chain.
    pub fn delete_incident(&mut self, number: &str, id: &str) -> Result<()> {
        let exhibits = self.exhibits_linked(number, Some(id), None)?;
        if !exhibits.is_empty() {
            return Err(Error::validation(
                "incident",
                format!(
                    "exhibit(s) {} are linked to it; unlink them first",
                    exhibits.join(", ")
                ),
            ));
        }
        self.write_case(number, false, |tx| {
            if !incidents::delete(tx, id)? {
                return Err(Error::NotFound {
                    kind: "incident",
                    id: id.to_string(),
                });
            }
            let hash = crypto::to_hex(&crypto::sha256(b"deleted"));
            Ok((
                (),
                vec![Change::new("incident.delete", incidents::ENTITY, id, hash)],
            ))
        })
    }

    /// One incident.
    pub fn get_incident(&mut self, number: &str, id: &str) -> Result<Incident> {
        incidents::get(&self.case(number)?.conn, id)?.ok_or_else(|| Error::NotFound {
            kind: "incident",
            id: id.to_string(),
        })
    }

    /// A page of the chronological list.
    pub fn list_incidents(
        &mut self,
        number: &str,
        filter: &IncidentFilter,
        offset: i64,
        limit: i64,
    ) -> Result<IncidentPage> {
        let system: Vec<String> = self
            .taxonomy
            .groups
            .iter()
            .filter(|g| g.system)
            .map(|g| g.id.clone())
            .collect();
        let conn = &self.case(number)?.conn;
        Ok(IncidentPage {
            total: incidents::count(conn, filter)?,
            rows: incidents::list(conn, filter, offset, limit, &system)?,
        })
    }

    /// Tags used in the case.
    pub fn list_tags(&mut self, number: &str) -> Result<Vec<String>> {
        incidents::tags(&self.case(number)?.conn)
    }

    /// The overview chart of the incidents matching `filter`: at most 120
    /// bars, in `preferred` bucket size when that fits (else the finest that
    /// does), stacked by behaviour group, with court and police events
    /// grouped per bar and category. Dates are the recording zone's.
    pub fn incident_histogram(
        &mut self,
        number: &str,
        filter: &IncidentFilter,
        preferred: Option<Bucket>,
    ) -> Result<Histogram> {
        let system: Vec<String> = self
            .taxonomy
            .groups
            .iter()
            .filter(|g| g.system)
            .map(|g| g.id.clone())
            .collect();
        let points = incidents::points(&self.case(number)?.conn, filter)?;
        let dated: Vec<(NaiveDate, String, String, String, String)> = points
            .into_iter()
            .filter_map(|(id, from, tz, group, category)| {
                when::local_date(&from, &tz).map(|d| (d, id, from, group, category))
            })
            .collect();
        let (Some(first), Some(last)) = (
            dated.iter().map(|p| p.0).min(),
            dated.iter().map(|p| p.0).max(),
        ) else {
            return Ok(Histogram {
                bucket: preferred.unwrap_or(Bucket::Week),
                preferred_kept: true,
                bars: Vec::new(),
                total: 0,
                max: 0,
                mark_total: 0,
                group_totals: BTreeMap::new(),
            });
        };
        let bucket = Bucket::choose(first, last, preferred, Bucket::Day);
        let starts = bucket.starts(first, last);
        let mut bars: Vec<HistogramBar> = starts
            .iter()
            .map(|s| HistogramBar {
                start: s.to_string(),
                end: (bucket.next(*s) - Duration::days(1)).to_string(),
                counts: BTreeMap::new(),
                total: 0,
                marks: Vec::new(),
            })
            .collect();
        let mut group_totals: BTreeMap<String, u32> = BTreeMap::new();
        let mut mark_total = 0;
        // Points come in time order, so a category's first mark is its earliest.
        for (day, id, at, group, category) in dated {
            let i = starts.partition_point(|s| *s <= day).saturating_sub(1);
            let bar = &mut bars[i];
            if system.contains(&group) {
                mark_total += 1;
                match bar.marks.iter_mut().find(|m| m.category == category) {
                    Some(m) => m.count += 1,
                    None => bar.marks.push(MarkGroup {
                        category,
                        count: 1,
                        first_incident_id: id,
                        first_at: at,
                    }),
                }
            } else {
                *bar.counts.entry(group.clone()).or_default() += 1;
                bar.total += 1;
                *group_totals.entry(group).or_default() += 1;
            }
        }
        Ok(Histogram {
            bucket,
            preferred_kept: preferred.is_none_or(|p| p == bucket),
            total: bars.iter().map(|b| b.total).sum(),
            max: bars.iter().map(|b| b.total).max().unwrap_or(0),
            mark_total,
            group_totals,
            bars,
        })
    }

    // ---- import and export -------------------------------------------

    /// Checks a victim's log against this workspace's taxonomy; writes nothing.
    pub fn import_preview(
        &self,
        file: &ImportFile,
        mapping: Option<&[Option<ImportField>]>,
        tz: Option<&str>,
    ) -> Result<ImportPreview> {
        import::preview(file, mapping, &self.taxonomy, tz)
    }

    /// Imports every row of a victim's log in one transaction, or none if any
    /// row has a problem. Each incident records the file's SHA-256 and its line.
    pub fn import_incidents(
        &mut self,
        number: &str,
        file: &ImportFile,
        mapping: Option<&[Option<ImportField>]>,
        tz: Option<&str>,
    ) -> Result<ImportResult> {
        self.import_incidents_again(number, file, mapping, tz, false)
    }

    /// Imports a victim's log; a file already imported into this case (same
    /// SHA-256) is refused unless `allow_duplicate`, since importing it twice
    /// would double every incident.
    pub fn import_incidents_again(
        &mut self,
        number: &str,
        file: &ImportFile,
        mapping: Option<&[Option<ImportField>]>,
        tz: Option<&str>,
        allow_duplicate: bool,
    ) -> Result<ImportResult> {
        if !allow_duplicate {
            let already = incidents::count_from_file(&self.case(number)?.conn, file.sha256())?;
            if already > 0 {
                return Err(Error::validation(
                    "file",
                    format!(
                        "{} was already imported into this case ({already} incident(s) came from a file with SHA-256 {}); importing it again would duplicate them. Import it again only if that is intended (--allow-duplicate-file)",
                        file.name(),
                        file.sha256()
                    ),
                ));
            }
        }
        let parsed = import::parse(file, mapping, &self.taxonomy, tz)?;
        let problems: Vec<(usize, String)> = parsed
            .rows
            .iter()
            .flat_map(|r| {
                r.preview
                    .problems
                    .iter()
                    .map(move |p| (r.line as usize, p.clone()))
            })
            .collect();
        if !problems.is_empty() {
            return Err(Error::BadImport {
                file: file.name().to_string(),
                problems,
            });
        }
        // People named in the file are linked to the person of that name in
        // the case when exactly one has it; other names stay in the narrative.
        let people = self.people_in_full(number)?;
        let find = |name: &str| {
            let mut same = people
                .iter()
                .filter(|p| p.name.trim().eq_ignore_ascii_case(name.trim()));
            match (same.next(), same.next()) {
                (Some(p), None) => Some(p.id.clone()),
                _ => None,
            }
        };
        let (inputs, lines): (Vec<IncidentInput>, Vec<u32>) = parsed
            .rows
            .into_iter()
            .filter_map(|r| {
                let mut i = r.input?;
                let mut unlinked = Vec::new();
                for w in &r.witness_names {
                    match find(w) {
                        Some(id) if !i.witness_ids.contains(&id) => i.witness_ids.push(id),
                        Some(_) => {}
                        None => unlinked.push(w.clone()),
                    }
                }
                if !unlinked.is_empty() {
                    i.narrative.push_str(&format!(
                        "\n\nWitnesses named in the log: {}",
                        unlinked.join("; ")
                    ));
                }
                if let Some(s) = &r.suspect_name {
                    match find(s) {
                        Some(id) => i.suspect_id = Some(id),
                        None => i
                            .narrative
                            .push_str(&format!("\n\nSuspect named in the log: {s}")),
                    }
                }
                Some((i, r.line))
            })
            .unzip();
        self.add_incidents(number, &inputs, Some(file.sha256()), Some(&lines))?;
        Ok(ImportResult {
            imported: inputs.len() as u32,
            sha256: file.sha256().to_string(),
        })
    }

    /// Adds synthetic or scripted incidents in one transaction.
    pub fn add_incidents_bulk(
        &mut self,
        number: &str,
        inputs: &[IncidentInput],
    ) -> Result<Vec<String>> {
        self.add_incidents(number, inputs, None, None)
    }

    /// The chronology (every incident, in time order) as CSV or JSON bytes,
    /// recorded in the audit chain as an export to `destination`.
    pub fn export_chronology(
        &mut self,
        number: &str,
        format: ExportFormat,
        destination: &str,
    ) -> Result<(Vec<u8>, u32)> {
        let all = incidents::all(&self.case(number)?.conn)?;
        let names: BTreeMap<String, String> = self
            .people_in_full(number)?
            .into_iter()
            .map(|p| (p.id, p.name))
            .collect();
        let bytes = match format {
            ExportFormat::Json => {
                // Each incident with the names of the people it links, so an
                // import elsewhere can link them again.
                let rows: Vec<serde_json::Value> = all
                    .iter()
                    .map(|i| {
                        let mut v = serde_json::to_value(i)
                            .map_err(|_| Error::Crypto("export encoding"))?;
                        let name = |id: &String| names.get(id).cloned().unwrap_or_default();
                        v["suspectName"] = i.input.suspect_id.as_ref().map(name).into();
                        v["witnessNames"] = i
                            .input
                            .witness_ids
                            .iter()
                            .map(name)
                            .collect::<Vec<_>>()
                            .into();
                        Ok(v)
                    })
                    .collect::<Result<_>>()?;
                serde_json::to_vec_pretty(&rows).map_err(|_| Error::Crypto("export encoding"))?
            }
            ExportFormat::Csv => self.chronology_csv(&all, &names)?,
        };
        let sha256 = crypto::to_hex(&crypto::sha256(&bytes));
        let detail = serde_json::json!({
            "format": match format { ExportFormat::Csv => "csv", ExportFormat::Json => "json" },
            "to": destination, "sha256": sha256, "rows": all.len(),
        });
        self.write_case(number, true, |tx| {
            let id = crate::store::cases::read_header(tx)?
                .map(|h| h.case_id)
                .unwrap_or_default();
            Ok((
                (),
                vec![Change {
                    action: "case.export".into(),
                    entity: crate::store::cases::HEADER_ENTITY,
                    entity_id: id,
                    change_hash: sha256,
                    detail,
                }],
            ))
        })?;
        Ok((bytes, all.len() as u32))
    }

    /// Writes the chronology to `out` (plaintext, by the user's choice).
    pub fn export_incidents(
        &mut self,
        number: &str,
        format: ExportFormat,
        out: &Path,
    ) -> Result<ExportReport> {
        let file = out
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        let (bytes, rows) = self.export_chronology(number, format, &file)?;
        crate::fsutil::write_atomic(out, &bytes)?;
        Ok(ExportReport {
            path: out.display().to_string(),
            rows,
            sha256: crypto::to_hex(&crypto::sha256(&bytes)),
        })
    }

    fn chronology_csv(
        &self,
        all: &[Incident],
        names: &BTreeMap<String, String>,
    ) -> Result<Vec<u8>> {
        let mut w = csv::Writer::from_writer(Vec::new());
        let csv_err = |_| Error::Crypto("csv encoding");
        w.write_record([
            "when",
            "from_utc",
            "to_utc",
            "precision",
            "time_zone",
            "category",
            "group",
            "method",
            "location",
            "place_type",
            "jurisdiction",
            "narrative",
            "suspect_words",
            "suspect",
            "attribution",
            "witnesses",
            "fear_level",
            "victim_words",
            "victim_changes",
            "weapons",
            "children_present",
            "reported_to_agency",
            "officer",
            "badge",
            "report_number",
            "discovered",
            "reported",
            "source",
            "source_sha256",
            "source_line",
            "tags",
            "id",
            "occurred_as_entered",
        ])
        .map_err(csv_err)?;
        for i in all {
            let n = &i.input;
            let label = |id: &str| {
                self.taxonomy
                    .category(id)
                    .map(|c| c.label.clone())
                    .unwrap_or_else(|| id.to_string())
            };
            let group = self
                .taxonomy
                .group(&i.group)
                .map(|g| g.label.clone())
                .unwrap_or_else(|| i.group.clone());
            let r = n.reported_to.clone().unwrap_or_default();
            let witnesses: Vec<String> = n
                .witness_ids
                .iter()
                .map(|w| names.get(w).cloned().unwrap_or_default())
                .collect();
            let line = i.source_line.map(|l| l.to_string()).unwrap_or_default();
            w.write_record([
                i.occurred.display.as_str(),
                &i.occurred.from,
                i.occurred.to.as_deref().unwrap_or(""),
                i.occurred.precision.as_str(),
                &i.occurred.tz,
                &label(&n.category),
                &group,
                n.method.as_str(),
                &n.location_text,
                n.place_type.as_str(),
                &n.jurisdiction,
                &n.narrative,
                &n.suspect_words,
                n.suspect_id
                    .as_ref()
                    .and_then(|s| names.get(s))
                    .map(String::as_str)
                    .unwrap_or(""),
                n.attribution.as_str(),
                &witnesses.join("; "),
                n.fear_level.as_str(),
                &n.victim_words,
                &n.victim_changes,
                &n.weapons,
                match n.children_present {
                    Some(true) => "yes",
                    Some(false) => "no",
                    None => "",
                },
                &r.agency,
                &r.officer,
                &r.badge,
                &r.report_number,
                &n.discovered,
                &n.reported,
                n.source.as_str(),
                i.source_sha256.as_deref().unwrap_or(""),
                &line,
                &n.tags.join("; "),
                &i.id,
                &n.occurred,
            ])
            .map_err(csv_err)?;
        }
        w.into_inner().map_err(|_| Error::Crypto("csv encoding"))
    }
}
