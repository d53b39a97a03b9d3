//! Entry points for the fuzz targets (`fuzz/`) and their regression tests:
//! each takes arbitrary bytes, runs one parser of outside input, and
//! panics only where an invariant breaks (a definition error must name a
//! line inside the file). Not part of the API.

#![doc(hidden)]

use crate::Error;

fn text(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data).ok()
}

/// A definition error names a line of the text it came from.
fn check_definition<T>(text: &str, r: crate::Result<T>) {
    if let Err(Error::BadDefinition { line, .. }) = r {
        let lines = text.matches('\n').count() + 1;
        assert!(
            line >= 1 && line <= lines,
            "line {line} outside a text of {lines} lines"
        );
    }
}

/// A victim's log (CSV or pasted rows), checked row by row.
pub fn victim_log(data: &[u8]) {
    let Some(t) = text(data) else { return };
    let f = crate::import::ImportFile::from_text("log.csv", t);
    let tax = crate::taxonomy::Taxonomy::default_taxonomy();
    if let Ok(p) = crate::import::preview(&f, None, &tax, Some("America/Chicago")) {
        let lines = t.lines().count().max(1) as u32 + 1;
        for r in &p.rows {
            assert!(
                r.line >= 1 && r.line <= lines,
                "row line {} of {lines}",
                r.line
            );
        }
    }
}

/// The free-text time parser.
pub fn when(data: &[u8]) {
    let Some(t) = text(data) else { return };
    if t.len() > 512 {
        return;
    }
    if let Ok(w) = crate::when::parse(t, Some("America/Chicago")) {
        assert!(
            chrono::DateTime::parse_from_rfc3339(&w.from).is_ok(),
            "{t:?} gave {}",
            w.from
        );
        if let Some(to) = &w.to {
            assert!(
                to.as_str() >= w.from.as_str(),
                "{t:?}: window ends before it starts"
            );
        }
    }
    let _ = crate::when::preview(t, None);
}

/// A protocol definition.
pub fn protocol(data: &[u8]) {
    let Some(t) = text(data) else { return };
    check_definition(t, crate::protocol::Protocol::parse(t, "fuzz.toml"));
}

/// A taxonomy.
pub fn taxonomy(data: &[u8]) {
    let Some(t) = text(data) else { return };
    check_definition(t, crate::taxonomy::Taxonomy::parse(t, "fuzz.toml"));
}

/// A risk-factor catalog.
pub fn risk(data: &[u8]) {
    let Some(t) = text(data) else { return };
    check_definition(t, crate::risk::RiskCatalog::parse(t, "fuzz.toml"));
}

/// A statute profile.
pub fn statute(data: &[u8]) {
    let Some(t) = text(data) else { return };
    check_definition(t, crate::packet::Statute::parse(t, "fuzz.toml"));
}

/// A review checklist.
pub fn checklist(data: &[u8]) {
    let Some(t) = text(data) else { return };
    check_definition(t, crate::review::Checklist::parse(t, "fuzz.toml"));
}

/// A training scenario.
pub fn scenario(data: &[u8]) {
    let Some(t) = text(data) else { return };
    check_definition(t, crate::training::validate_with_defaults(t, "fuzz.toml"));
}

/// A supervisor's review file: never accepted unless its signature holds.
pub fn review_file(data: &[u8]) {
    let _ = crate::review::file::read(data);
}

/// A packet handed to the verifier: a report, never a panic.
pub fn packet(data: &[u8]) {
    let r = crate::packet::verify_packet_bytes(data);
    assert!(!r.checks.is_empty());
}

/// The workspace key file.
pub fn key_file(data: &[u8]) {
    let _ = crate::workspace::check_keyring_bytes(data);
}

/// The first pages of a case or handover file, as checked before any key is
/// tried (size, header, salt).
pub fn case_file_header(data: &[u8]) {
    let Ok(dir) = tempfile_dir() else { return };
    let path = dir.join("fuzz.vigil");
    if std::fs::write(&path, data).is_ok() {
        let _ = crate::store::read_salt(&path);
    }
    let _ = std::fs::remove_file(&path);
}

fn tempfile_dir() -> std::io::Result<std::path::PathBuf> {
    let d = std::env::temp_dir().join(format!("vigil-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(&d)?;
    Ok(d)
}

/// One fuzz target: its name and its entry point.
pub type Target = (&'static str, fn(&[u8]));

/// Every target by name, for the regression test that replays the corpus.
pub const TARGETS: &[Target] = &[
    ("victim_log", victim_log),
    ("when", when),
    ("protocol", protocol),
    ("taxonomy", taxonomy),
    ("risk", risk),
    ("statute", statute),
    ("checklist", checklist),
    ("scenario", scenario),
    ("review_file", review_file),
    ("packet", packet),
    ("key_file", key_file),
    ("case_file_header", case_file_header),
];
