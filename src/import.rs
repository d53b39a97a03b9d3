//! Import of victim-kept logs (CSV or text pasted from a spreadsheet).
//!
//! Columns are recognised by their headers, with the common variations of
//! the SPARC stalking incident log (date, time, description, location,
//! witnesses, police contacted, officer, badge, report number) and others;
//! the user can correct the mapping. Every row is checked before anything is
//! written, each problem named with its line, and the import is one
//! transaction: all rows or none.

use crate::incident::{IncidentInput, IncidentSource, ReportedTo};
use crate::taxonomy::Taxonomy;
use crate::when::{self, When};
use crate::{Error, Result};
use serde::{Deserialize, Serialize};
use std::path::Path;
use zeroize::Zeroizing;

crate::person::word_enum!(
    /// What a column holds.
    ImportField {
        /// Date (may include a time).
        Date = "date",
        /// Time of day.
        Time = "time",
        /// What happened.
        Description = "description",
        /// Where.
        Location = "location",
        /// Witness names.
        Witnesses = "witnesses",
        /// Whether the police were contacted (yes/no, or the agency).
        PoliceContacted = "policeContacted",
        /// Officer's name.
        Officer = "officer",
        /// Officer's badge.
        Badge = "badge",
        /// Police report number.
        ReportNumber = "reportNumber",
        /// Incident category (id or label from the taxonomy).
        Category = "category",
        /// IANA time zone the time was recorded in (e.g. America/Chicago).
        TimeZone = "timeZone",
        /// The suspect's own words.
        SuspectWords = "suspectWords",
        /// The agency it was reported to.
        Agency = "agency",
        /// The suspect's name (linked to the person of that name in the case).
        Suspect = "suspect",
    }
);

/// A column of the file and what it was taken to hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ImportColumn {
    /// 0-based position.
    pub index: u32,
    /// Header text.
    pub header: String,
    /// Field, if recognised or chosen.
    pub field: Option<ImportField>,
}

/// One row as it would be imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ImportRowPreview {
    /// Line in the file where the row starts (1-based; the header is line 1).
    pub line: u32,
    /// The time, if readable.
    pub occurred: Option<When>,
    /// Description.
    pub description: String,
    /// Location.
    pub location: String,
    /// Problems with this row.
    pub problems: Vec<String>,
}

/// Everything about the file before anything is written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ImportPreview {
    /// The file's name.
    pub file_name: String,
    /// SHA-256 of its bytes.
    pub sha256: String,
    /// Columns and their mapping.
    pub columns: Vec<ImportColumn>,
    /// Every row.
    pub rows: Vec<ImportRowPreview>,
    /// Rows with problems.
    pub problem_count: u32,
}

/// What was imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ImportResult {
    /// Incidents written.
    pub imported: u32,
    /// SHA-256 of the source file, recorded on each incident.
    pub sha256: String,
}

/// A file (or pasted text) held in memory while the user checks the preview.
pub struct ImportFile {
    name: String,
    bytes: Zeroizing<Vec<u8>>,
    sha256: String,
}

impl std::fmt::Debug for ImportFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ImportFile")
            .field("sha256", &self.sha256)
            .finish_non_exhaustive()
    }
}

/// Largest file accepted (a log of tens of thousands of rows is far smaller).
const MAX_BYTES: u64 = 64 * 1024 * 1024;

impl ImportFile {
    /// Reads a file.
    pub fn read(path: &Path) -> Result<ImportFile> {
        let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
        if meta.len() > MAX_BYTES {
            return Err(Error::validation(
                "file",
                "the file is larger than 64 MB; split it",
            ));
        }
        let bytes = Zeroizing::new(std::fs::read(path).map_err(|e| Error::io(path, e))?);
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("file")
            .to_string();
        Ok(ImportFile::from_bytes(name, bytes))
    }

    /// Wraps pasted text.
    pub fn from_text(name: &str, text: &str) -> ImportFile {
        ImportFile::from_bytes(name.to_string(), Zeroizing::new(text.as_bytes().to_vec()))
    }

    fn from_bytes(name: String, bytes: Zeroizing<Vec<u8>>) -> ImportFile {
        let sha256 = crate::crypto::to_hex(&crate::crypto::sha256(&bytes));
        ImportFile {
            name,
            bytes,
            sha256,
        }
    }

    /// SHA-256 of the content.
    pub fn sha256(&self) -> &str {
        &self.sha256
    }

    /// The file's name.
    pub fn name(&self) -> &str {
        &self.name
    }
}

fn normalise(h: &str) -> String {
    h.to_lowercase()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '#' {
                c
            } else {
                ' '
            }
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Recognises a header.
pub fn guess_field(header: &str) -> Option<ImportField> {
    guess(header).map(|(f, _)| f)
}

/// A header's field and how sure the match is: 3 for Vigil's own
/// as-entered time, 2 for a known header, 1 for a word in it. When two
/// columns claim a field, the surer one keeps it.
fn guess(header: &str) -> Option<(ImportField, u8)> {
    use ImportField::*;
    let h = normalise(header);
    if ["occurred as entered", "as entered"].contains(&h.as_str()) {
        return Some((Date, 3));
    }
    let has = |w: &str| h.split(' ').any(|t| t == w);
    let table: &[(&[&str], ImportField)] = &[
        (
            &[
                "date",
                "date of incident",
                "incident date",
                "day",
                "when",
                "date time",
                "datetime",
                "date and time",
            ],
            Date,
        ),
        (
            &[
                "time",
                "time of incident",
                "incident time",
                "approx time",
                "approximate time",
                "hour",
            ],
            Time,
        ),
        (
            &[
                "description",
                "what happened",
                "incident",
                "details",
                "narrative",
                "description of incident",
                "incident description",
                "summary",
                "notes",
                "event",
            ],
            Description,
        ),
        (
            &[
                "location",
                "where",
                "place",
                "address",
                "location of incident",
                "where did it happen",
            ],
            Location,
        ),
        (
            &[
                "witness",
                "witnesses",
                "witness es",
                "witness names",
                "who saw it",
                "witness name s",
            ],
            Witnesses,
        ),
        (
            &[
                "police contacted",
                "police called",
                "reported to police",
                "police notified",
                "police",
                "called police",
                "police contacted y n",
                "was police contacted",
            ],
            PoliceContacted,
        ),
        (
            &[
                "officer",
                "officer name",
                "officer s name",
                "officers name",
                "responding officer",
            ],
            Officer,
        ),
        (
            &[
                "badge",
                "badge #",
                "badge number",
                "badge no",
                "officer badge",
                "badge num",
            ],
            Badge,
        ),
        (
            &[
                "report #",
                "report number",
                "police report #",
                "police report number",
                "report no",
                "case number",
                "case #",
                "incident number",
                "report",
            ],
            ReportNumber,
        ),
        (
            &[
                "category",
                "type",
                "incident type",
                "kind",
                "behaviour",
                "behavior",
            ],
            Category,
        ),
        (&["time zone", "timezone", "tz", "zone"], TimeZone),
        (
            &[
                "suspect words",
                "suspect s words",
                "suspects words",
                "what the suspect said",
                "words used",
            ],
            SuspectWords,
        ),
        (
            &[
                "reported to agency",
                "agency",
                "police agency",
                "reported to",
            ],
            Agency,
        ),
        (
            &["suspect", "suspect name", "offender", "perpetrator"],
            Suspect,
        ),
    ];
    for (names, field) in table {
        if names.contains(&h.as_str()) {
            return Some((*field, 2));
        }
    }
    // Looser matches on words.
    let loose = if has("date") {
        Date
    } else if has("zone") {
        TimeZone
    } else if has("time") {
        Time
    } else if has("badge") {
        Badge
    } else if has("officer") {
        Officer
    } else if has("witness") || has("witnesses") {
        Witnesses
    } else if has("description") || has("happened") {
        Description
    } else if has("location") || has("where") {
        Location
    } else if has("report") && (has("#") || has("number") || has("no")) {
        ReportNumber
    } else if has("police") {
        PoliceContacted
    } else {
        return None;
    };
    Some((loose, 1))
}

fn sniff_delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    let count = |c: char| first.matches(c).count();
    [(b'\t', count('\t')), (b';', count(';')), (b',', count(','))]
        .into_iter()
        .max_by_key(|(d, n)| (*n, *d == b','))
        .filter(|(_, n)| *n > 0)
        .map(|(d, _)| d)
        .unwrap_or(b',')
}

fn yes_no(s: &str) -> Option<bool> {
    match s.trim().to_lowercase().as_str() {
        "y" | "yes" | "x" | "true" | "1" | "called" | "contacted" => Some(true),
        "n" | "no" | "false" | "0" | "none" | "not reported" | "n/a" | "na" | "-" => Some(false),
        _ => None,
    }
}

/// A checked row, ready to write (if it has no problems).
pub(crate) struct ParsedRow {
    pub line: u32,
    pub input: Option<IncidentInput>,
    /// Named in the row; linked to the person of that name in the case when
    /// there is exactly one, else kept in the narrative.
    pub suspect_name: Option<String>,
    pub witness_names: Vec<String>,
    pub preview: ImportRowPreview,
}

/// The columns and checked rows of a file.
pub(crate) struct Parsed {
    pub columns: Vec<ImportColumn>,
    pub rows: Vec<ParsedRow>,
}

/// Reads and checks every row. `mapping` (one entry per column) overrides
/// the recognised headers.
pub(crate) fn parse(
    file: &ImportFile,
    mapping: Option<&[Option<ImportField>]>,
    taxonomy: &Taxonomy,
    tz: Option<&str>,
) -> Result<Parsed> {
    let bad = |line: usize, msg: String| Error::BadImport {
        file: file.name.clone(),
        problems: vec![(line, msg)],
    };
    let mut bytes: &[u8] = &file.bytes;
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF".as_slice()) {
        bytes = rest;
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()].iter().filter(|b| **b == b'\n').count() + 1;
        bad(line, "this line is not UTF-8 text; save the spreadsheet as \u{201c}CSV UTF-8\u{201d} and try again".into())
    })?;
    if text.trim().is_empty() {
        return Err(bad(1, "the file is empty".into()));
    }
    if text.trim_start().starts_with('[') {
        return parse_json(file, text, taxonomy, tz);
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sniff_delimiter(text))
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| bad(1, format!("the header row cannot be read ({e})")))?
        .clone();
    let guesses: Vec<Option<(ImportField, u8)>> = headers.iter().map(guess).collect();
    // Each field once: the surest column keeps it (the first among equals).
    let mut best: std::collections::HashMap<ImportField, (u8, usize)> = Default::default();
    for (i, g) in guesses.iter().enumerate() {
        if let Some((f, strength)) = *g {
            let e = best.entry(f).or_insert((strength, i));
            if strength > e.0 {
                *e = (strength, i);
            }
        }
    }
    let mut columns: Vec<ImportColumn> = headers
        .iter()
        .enumerate()
        .map(|(i, h)| ImportColumn {
            index: i as u32,
            header: h.trim().to_string(),
            field: guesses[i]
                .and_then(|(f, _)| (best.get(&f).map(|b| b.1) == Some(i)).then_some(f)),
        })
        .collect();
    if let Some(m) = mapping {
        for c in &mut columns {
            c.field = m.get(c.index as usize).copied().flatten();
        }
        let mut seen = std::collections::HashSet::new();
        for c in &columns {
            if let Some(f) = c.field {
                if !seen.insert(f) {
                    return Err(Error::validation(
                        "mapping",
                        format!("two columns are mapped to {}", f.as_str()),
                    ));
                }
            }
        }
    }
    let col = |f: ImportField| {
        columns
            .iter()
            .find(|c| c.field == Some(f))
            .map(|c| c.index as usize)
    };
    let (c_date, c_time, c_desc, c_loc) = (
        col(ImportField::Date),
        col(ImportField::Time),
        col(ImportField::Description),
        col(ImportField::Location),
    );
    let (c_wit, c_police, c_off, c_badge, c_rep, c_cat) = (
        col(ImportField::Witnesses),
        col(ImportField::PoliceContacted),
        col(ImportField::Officer),
        col(ImportField::Badge),
        col(ImportField::ReportNumber),
        col(ImportField::Category),
    );
    let (c_tz, c_words, c_agency, c_suspect) = (
        col(ImportField::TimeZone),
        col(ImportField::SuspectWords),
        col(ImportField::Agency),
        col(ImportField::Suspect),
    );
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    let mut lines = LineCounter {
        text: text.as_bytes(),
        offset: 0,
        line: 1,
    };
    loop {
        let line = reader.position().line() as u32;
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let l = e
                    .position()
                    .map(|p| p.line() as usize)
                    .unwrap_or(line as usize);
                return Err(bad(l, format!("the row cannot be read ({e})")));
            }
        }
        // Physical line in the file, as a text editor counts it.
        let line = record
            .position()
            .map(|p| lines.line_at(p.byte() as usize))
            .unwrap_or(line);
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let get = |c: Option<usize>| {
            c.and_then(|i| record.get(i))
                .unwrap_or("")
                .trim()
                .to_string()
        };
        let mut problems = Vec::new();
        if record.len() > headers.len()
            && record
                .iter()
                .skip(headers.len())
                .any(|f| !f.trim().is_empty())
        {
            problems.push(format!(
                "has {} fields but the header has {}; check for an unquoted comma",
                record.len(),
                headers.len()
            ));
        }
        let row_tz = get(c_tz);
        if !row_tz.is_empty() && row_tz.parse::<chrono_tz::Tz>().is_err() {
            problems.push(format!(
                "the time zone is not an IANA zone name such as America/Chicago ({} characters)",
                row_tz.chars().count()
            ));
        }
        let tz = if row_tz.is_empty() {
            tz
        } else {
            Some(row_tz.as_str())
        };
        let occurred = if c_date.is_none() {
            problems.push("no column is mapped to the date".into());
            None
        } else {
            match when::parse_parts(&get(c_date), &get(c_time), tz) {
                Ok(w) => Some(w),
                Err(e) => {
                    problems.push(e);
                    None
                }
            }
        };
        let description = get(c_desc);
        let location = get(c_loc);
        if description.is_empty() {
            problems.push("the description is empty".into());
        }
        let category = match c_cat.map(|_| get(c_cat)).filter(|s| !s.is_empty()) {
            None => Some(taxonomy.default_category.clone()),
            Some(text) => match taxonomy.find_category(&text) {
                Some(c) => Some(c.id.clone()),
                None => {
                    problems.push(format!(
                        "the category is not in the taxonomy ({} categories are)",
                        taxonomy.categories.len()
                    ));
                    None
                }
            },
        };
        let witnesses = names(&get(c_wit));
        let police = get(c_police);
        let agency = get(c_agency);
        let (officer, badge, report) = (get(c_off), get(c_badge), get(c_rep));
        let reported_to = match yes_no(&police) {
            Some(false) if officer.is_empty() && report.is_empty() && agency.is_empty() => None,
            _ if police.is_empty()
                && agency.is_empty()
                && officer.is_empty()
                && badge.is_empty()
                && report.is_empty() =>
            {
                None
            }
            answer => Some(ReportedTo {
                agency: if !agency.is_empty() {
                    agency.clone()
                } else if answer.is_some() {
                    "Police".to_string()
                } else {
                    police.clone()
                },
                officer: officer.clone(),
                badge: badge.clone(),
                report_number: report.clone(),
            }),
        };
        let input = match (&occurred, &category, problems.is_empty()) {
            (Some(w), Some(cat), true) => {
                let mut i = IncidentInput::quick(
                    &occurred_text(&get(c_date), &get(c_time)),
                    cat,
                    &description,
                );
                i.tz = Some(w.tz.clone());
                i.location_text = location.clone();
                i.suspect_words = get(c_words);
                i.reported_to = reported_to;
                i.source = IncidentSource::VictimLog;
                i.tags = vec!["victim-log".to_string()];
                Some(i)
            }
            _ => None,
        };
        let suspect = get(c_suspect);
        rows.push(ParsedRow {
            line,
            input,
            suspect_name: (!suspect.is_empty()).then_some(suspect),
            witness_names: witnesses,
            preview: ImportRowPreview {
                line,
                occurred,
                description,
                location,
                problems,
            },
        });
    }
    if rows.is_empty() {
        return Err(bad(2, "there are no rows under the header".into()));
    }
    Ok(Parsed { columns, rows })
}

/// Physical line numbers (as a text editor counts them) for increasing byte
/// offsets, counting each byte once.
struct LineCounter<'a> {
    text: &'a [u8],
    offset: usize,
    line: u32,
}

impl LineCounter<'_> {
    /// The line of the first non-blank byte at or after `offset`.
    fn line_at(&mut self, offset: usize) -> u32 {
        let mut at = offset.min(self.text.len());
        while at < self.text.len() && (self.text[at] == b'\n' || self.text[at] == b'\r') {
            at += 1;
        }
        if at >= self.offset {
            self.line += self.text[self.offset..at]
                .iter()
                .filter(|b| **b == b'\n')
                .count() as u32;
            self.offset = at;
        }
        self.line
    }
}

/// One element of Vigil's own JSON chronology export.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ExportedIncident {
    input: IncidentInput,
    #[serde(default)]
    suspect_name: Option<String>,
    #[serde(default)]
    witness_names: Vec<String>,
}

/// Vigil's JSON chronology (`incident export --format json`): each element's
/// `input` is taken whole; people are linked again by name. "Line" is the
/// element's position (1-based).
fn parse_json(
    file: &ImportFile,
    text: &str,
    taxonomy: &Taxonomy,
    tz: Option<&str>,
) -> Result<Parsed> {
    let elements: Vec<serde_json::Value> =
        serde_json::from_str(text).map_err(|e| Error::BadImport {
            file: file.name.clone(),
            problems: vec![(
                e.line(),
                "this is not a JSON array of incidents as Vigil exports them".into(),
            )],
        })?;
    if elements.is_empty() {
        return Err(Error::BadImport {
            file: file.name.clone(),
            problems: vec![(1, "the array holds no incidents".into())],
        });
    }
    let rows = elements
        .into_iter()
        .enumerate()
        .map(|(n, v)| {
            let line = n as u32 + 1;
            let mut problems = Vec::new();
            let parsed: Option<ExportedIncident> = match serde_json::from_value(v) {
                Ok(e) => Some(e),
                Err(e) => {
                    problems.push(format!(
                        "element {line} is not an incident as Vigil exports it ({e})"
                    ));
                    None
                }
            };
            let mut occurred = None;
            if let Some(e) = &parsed {
                match when::parse(&e.input.occurred, e.input.tz.as_deref().or(tz)) {
                    Ok(w) => occurred = Some(w),
                    Err(p) => problems.push(p),
                }
                if taxonomy.category(&e.input.category).is_none() {
                    problems.push(format!(
                        "the category is not in the taxonomy ({} categories are)",
                        taxonomy.categories.len()
                    ));
                }
                if e.input.narrative.trim().is_empty() {
                    problems.push("the description is empty".into());
                }
            }
            let (description, location) = parsed
                .as_ref()
                .map(|e| (e.input.narrative.clone(), e.input.location_text.clone()))
                .unwrap_or_default();
            let ok = problems.is_empty();
            let (input, suspect_name, witness_names) = match parsed {
                Some(e) if ok => {
                    let mut i = e.input;
                    // Ids of another case's people mean nothing here.
                    i.suspect_id = None;
                    i.witness_ids = Vec::new();
                    if i.tz.is_none() {
                        i.tz = occurred.as_ref().map(|w: &When| w.tz.clone());
                    }
                    (Some(i), e.suspect_name, e.witness_names)
                }
                _ => (None, None, Vec::new()),
            };
            ParsedRow {
                line,
                input,
                suspect_name,
                witness_names,
                preview: ImportRowPreview {
                    line,
                    occurred,
                    description,
                    location,
                    problems,
                },
            }
        })
        .collect();
    Ok(Parsed {
        columns: Vec::new(),
        rows,
    })
}

/// Names in a list cell: "Sam Lee; Ana Diaz" (or commas).
fn names(cell: &str) -> Vec<String> {
    cell.split([';', ','])
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .collect()
}

fn occurred_text(date: &str, time: &str) -> String {
    if time.is_empty() {
        date.to_string()
    } else {
        format!("{date} {time}")
    }
}

/// The preview the user checks.
pub fn preview(
    file: &ImportFile,
    mapping: Option<&[Option<ImportField>]>,
    taxonomy: &Taxonomy,
    tz: Option<&str>,
) -> Result<ImportPreview> {
    let parsed = parse(file, mapping, taxonomy, tz)?;
    let problem_count = parsed
        .rows
        .iter()
        .filter(|r| !r.preview.problems.is_empty())
        .count() as u32;
    Ok(ImportPreview {
        file_name: file.name.clone(),
        sha256: file.sha256.clone(),
        columns: parsed.columns,
        rows: parsed.rows.into_iter().map(|r| r.preview).collect(),
        problem_count,
    })
}

/// Parses a `--mapping` option: `date=Date of incident,time=3,description=What happened`
/// (a header or a 1-based column number per field), against the file's headers.
pub fn mapping_from_spec(spec: &str, columns: &[ImportColumn]) -> Result<Vec<Option<ImportField>>> {
    let mut out: Vec<Option<ImportField>> = vec![None; columns.len()];
    for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (field, col) = part.split_once('=').ok_or_else(|| {
            Error::validation(
                "mapping",
                format!("expected FIELD=COLUMN, got \u{201c}{part}\u{201d}"),
            )
        })?;
        let field = ImportField::parse(field.trim()).ok_or_else(|| {
            Error::validation(
                "mapping",
                format!(
                    "unknown field; use one of {}",
                    ImportField::ALL
                        .iter()
                        .map(|f| f.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )
        })?;
        let col = col.trim();
        let index = match col.parse::<usize>() {
            Ok(n) if n >= 1 && n <= columns.len() => n - 1,
            _ => columns
                .iter()
                .position(|c| normalise(&c.header) == normalise(col))
                .ok_or_else(|| {
                    Error::validation(
                        "mapping",
                        format!("no column is headed \u{201c}{col}\u{201d}"),
                    )
                })?,
        };
        out[index] = Some(field);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tax() -> Taxonomy {
        Taxonomy::default_taxonomy()
    }

    #[test]
    fn sparc_style_headers_are_recognised() {
        assert_eq!(guess_field("Date"), Some(ImportField::Date));
        assert_eq!(guess_field("Time "), Some(ImportField::Time));
        assert_eq!(
            guess_field("Description of Incident"),
            Some(ImportField::Description)
        );
        assert_eq!(guess_field("Witness(es)"), Some(ImportField::Witnesses));
        assert_eq!(
            guess_field("Police Contacted?"),
            Some(ImportField::PoliceContacted)
        );
        assert_eq!(guess_field("Officer's Name"), Some(ImportField::Officer));
        assert_eq!(guess_field("Badge #"), Some(ImportField::Badge));
        assert_eq!(
            guess_field("Police Report #"),
            Some(ImportField::ReportNumber)
        );
        assert_eq!(guess_field("Favourite colour"), None);
    }

    #[test]
    fn bom_quotes_newlines_and_utf8_survive() {
        let csv = "\u{feff}Date,Time,Description,Location\n3/1/2026,9:30 PM,\"He said \"\"I see you\"\", then left, smiling\",\"Main St, Zoë's café\"\n3/2/2026,,\"Two lines\nof text\",home\n";
        let f = ImportFile::from_text("log.csv", csv);
        let p = preview(&f, None, &tax(), Some("UTC")).unwrap();
        assert_eq!(p.problem_count, 0, "{:?}", p.rows);
        assert_eq!(
            p.rows[0].description,
            "He said \"I see you\", then left, smiling"
        );
        assert_eq!(p.rows[0].location, "Main St, Zoë's café");
        assert_eq!(p.rows[1].line, 3);
        assert_eq!(
            p.rows[1].occurred.as_ref().unwrap().precision,
            crate::when::Precision::Day
        );
    }

    #[test]
    fn each_problem_names_its_line() {
        let csv =
            "Date,Description\n3/1/2026,ok\nnot a date,bad date\n3/3/2026,\n\n3/5/2026,fine\n";
        let f = ImportFile::from_text("log.csv", csv);
        let p = preview(&f, None, &tax(), Some("UTC")).unwrap();
        assert_eq!(p.problem_count, 2);
        let bad: Vec<u32> = p
            .rows
            .iter()
            .filter(|r| !r.problems.is_empty())
            .map(|r| r.line)
            .collect();
        assert_eq!(bad, [3, 4]);
        assert_eq!(
            p.rows.last().unwrap().line,
            6,
            "blank lines are skipped but counted"
        );
    }

    #[test]
    fn tab_separated_paste_and_mapping_spec() {
        let text = "When\tWhat\tWhere\n2026-03-01\tcalled 14 times\twork\n";
        let f = ImportFile::from_text("pasted", text);
        let p = preview(&f, None, &tax(), Some("UTC")).unwrap();
        assert_eq!(p.columns.len(), 3);
        let m = mapping_from_spec("date=When,description=What,location=3", &p.columns).unwrap();
        let p = preview(&f, Some(&m), &tax(), Some("UTC")).unwrap();
        assert_eq!(p.problem_count, 0);
        assert_eq!(p.rows[0].location, "work");
        assert!(mapping_from_spec("date=Nope", &p.columns).is_err());
        assert!(mapping_from_spec("colour=1", &p.columns).is_err());
    }

    #[test]
    fn non_utf8_and_empty_files_are_refused_with_a_line() {
        let f = ImportFile::from_bytes(
            "x.csv".into(),
            Zeroizing::new(b"Date,Description\n3/1/2026,caf\xe9\n".to_vec()),
        );
        match preview(&f, None, &tax(), None) {
            Err(Error::BadImport { problems, .. }) => assert_eq!(problems[0].0, 2),
            other => panic!("{other:?}"),
        }
        assert!(preview(&ImportFile::from_text("e.csv", ""), None, &tax(), None).is_err());
    }
}
