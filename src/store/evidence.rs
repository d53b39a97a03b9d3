//! SQL of the evidence register: exhibits, their chunks, links and custody.

use crate::evidence::*;
use crate::when::{Precision, When};
use crate::Result;
use rusqlite::{params, Connection, OptionalExtension};

/// Audit entity of exhibits (their links and custody events are part of the
/// exhibit's state).
pub(crate) const ENTITY: &str = "exhibit";

pub(crate) fn state_hash(conn: &Connection, id: &str) -> Result<Option<String>> {
    super::rowhash::record_hash(
        conn,
        "SELECT * FROM exhibit WHERE id = ?1",
        &[
            "SELECT incident_id FROM exhibit_incident WHERE exhibit_id = ?1 ORDER BY incident_id",
            "SELECT person_id FROM exhibit_person WHERE exhibit_id = ?1 ORDER BY person_id",
            "SELECT * FROM custody_event WHERE exhibit_id = ?1 ORDER BY seq",
        ],
        id,
    )
}

/// The attached file's description, set once its bytes are in.
pub(crate) struct FileMeta<'a> {
    pub name: &'a str,
    pub size: i64,
    pub media_type: &'a str,
    pub sha256: &'a str,
    pub modified: Option<&'a str>,
}

pub(crate) fn next_seq(conn: &Connection) -> Result<u32> {
    Ok(
        conn.query_row("SELECT coalesce(max(seq), 0) + 1 FROM exhibit", [], |r| {
            r.get(0)
        })?,
    )
}

/// Id of the exhibit with this id or number.
pub(crate) fn resolve(conn: &Connection, id_or_number: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT id FROM exhibit WHERE id = ?1 OR number = ?1 ORDER BY id = ?1 DESC LIMIT 1",
            [id_or_number.trim()],
            |r| r.get(0),
        )
        .optional()?)
}

pub(crate) fn number_taken(conn: &Connection, number: &str, except: &str) -> Result<bool> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM exhibit WHERE number = ?1 AND id <> ?2",
            params![number, except],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

pub(crate) fn insert(
    conn: &Connection,
    id: &str,
    seq: u32,
    i: &ExhibitInput,
    when: Option<&When>,
    now: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO exhibit (id, number, seq, description, kind, source, source_detail, legal_id, collected_by,
            collected_text, collected_from, collected_to, precision, tz, collected_display, collected_where,
            stored_at, physical, derived_from, derivation, checklist, notes, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?23)",
        params![
            id,
            i.number,
            seq,
            i.description,
            i.kind.as_str(),
            i.source.as_str(),
            i.source_detail,
            i.legal_id,
            i.collected_by,
            i.collected,
            when.map(|w| &w.from),
            when.and_then(|w| w.to.as_ref()),
            when.map(|w| w.precision.as_str()),
            when.map(|w| &w.tz),
            when.map(|w| &w.display),
            i.collected_where,
            i.stored_at,
            i.physical,
            i.derived_from,
            i.derivation,
            serde_json::to_string(&i.checklist).unwrap_or_default(),
            i.notes,
            now,
        ],
    )?;
    set_links(conn, id, i)
}

/// Replaces the editable fields (never the file, the kind of record or its
/// custody).
pub(crate) fn update(
    conn: &Connection,
    id: &str,
    i: &ExhibitInput,
    when: Option<&When>,
    now: &str,
) -> Result<bool> {
    let n = conn.execute(
        "UPDATE exhibit SET number = ?2, description = ?3, kind = ?4, source = ?5, source_detail = ?6,
            legal_id = ?7, collected_by = ?8, collected_text = ?9, collected_from = ?10, collected_to = ?11,
            precision = ?12, tz = ?13, collected_display = ?14, collected_where = ?15, stored_at = ?16,
            derivation = ?17, checklist = ?18, notes = ?19, updated_at = ?20
         WHERE id = ?1",
        params![
            id,
            i.number,
            i.description,
            i.kind.as_str(),
            i.source.as_str(),
            i.source_detail,
            i.legal_id,
            i.collected_by,
            i.collected,
            when.map(|w| &w.from),
            when.and_then(|w| w.to.as_ref()),
            when.map(|w| w.precision.as_str()),
            when.map(|w| &w.tz),
            when.map(|w| &w.display),
            i.collected_where,
            i.stored_at,
            i.derivation,
            serde_json::to_string(&i.checklist).unwrap_or_default(),
            i.notes,
            now,
        ],
    )?;
    if n == 0 {
        return Ok(false);
    }
    conn.execute("DELETE FROM exhibit_incident WHERE exhibit_id = ?1", [id])?;
    conn.execute("DELETE FROM exhibit_person WHERE exhibit_id = ?1", [id])?;
    set_links(conn, id, i)?;
    Ok(true)
}

fn set_links(conn: &Connection, id: &str, i: &ExhibitInput) -> Result<()> {
    let mut s = conn
        .prepare_cached("INSERT INTO exhibit_incident (exhibit_id, incident_id) VALUES (?1, ?2)")?;
    for x in &i.incident_ids {
        s.execute(params![id, x])?;
    }
    let mut s =
        conn.prepare_cached("INSERT INTO exhibit_person (exhibit_id, person_id) VALUES (?1, ?2)")?;
    for x in &i.person_ids {
        s.execute(params![id, x])?;
    }
    Ok(())
}

pub(crate) fn insert_chunk(conn: &Connection, id: &str, n: i64, data: &[u8]) -> Result<()> {
    conn.prepare_cached("INSERT INTO exhibit_chunk (exhibit_id, n, data) VALUES (?1, ?2, ?3)")?
        .execute(params![id, n, data])?;
    Ok(())
}

pub(crate) fn set_file(
    conn: &Connection,
    id: &str,
    f: &FileMeta<'_>,
    chunk_size: i64,
) -> Result<()> {
    conn.execute(
        "UPDATE exhibit SET file_name = ?2, file_size = ?3, media_type = ?4, sha256 = ?5, file_modified = ?6,
            chunk_size = ?7 WHERE id = ?1",
        params![id, f.name, f.size, f.media_type, f.sha256, f.modified, chunk_size],
    )?;
    Ok(())
}

/// Calls `f` with each stored chunk in order, with its index; stops at the
/// first error.
pub(crate) fn for_each_chunk(
    conn: &Connection,
    id: &str,
    from_chunk: i64,
    mut f: impl FnMut(i64, &[u8]) -> Result<bool>,
) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "SELECT n, data FROM exhibit_chunk WHERE exhibit_id = ?1 AND n >= ?2 ORDER BY n",
    )?;
    let mut rows = stmt.query(params![id, from_chunk])?;
    while let Some(r) = rows.next()? {
        let n: i64 = r.get(0)?;
        let data = r.get_ref(1)?.as_blob().map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(1, rusqlite::types::Type::Blob, Box::new(e))
        })?;
        if !f(n, data)? {
            break;
        }
    }
    Ok(())
}

pub(crate) struct StoredFile {
    pub size: i64,
    pub sha256: String,
    pub chunk_size: i64,
    pub media_type: String,
}

pub(crate) fn stored_file(conn: &Connection, id: &str) -> Result<Option<StoredFile>> {
    Ok(conn
        .query_row(
            "SELECT file_size, sha256, chunk_size, media_type FROM exhibit WHERE id = ?1 AND sha256 IS NOT NULL",
            [id],
            |r| {
                Ok(StoredFile {
                    size: r.get(0)?,
                    sha256: r.get(1)?,
                    chunk_size: r.get(2)?,
                    media_type: r.get(3)?,
                })
            },
        )
        .optional()?)
}

/// (id, number) of every exhibit with a file, in number order.
pub(crate) fn with_files(conn: &Connection) -> Result<Vec<(String, String)>> {
    let mut s = conn
        .prepare("SELECT id, number FROM exhibit WHERE sha256 IS NOT NULL ORDER BY seq, number")?;
    let rows = s
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub(crate) struct NewCustody<'a> {
    pub id: &'a str,
    pub exhibit_id: &'a str,
    pub input: &'a CustodyInput,
    pub at: &'a str,
    pub by_whom: &'a str,
    pub hash: Option<(HashCheck, &'a str)>,
    pub now: &'a str,
}

pub(crate) fn insert_custody(conn: &Connection, c: &NewCustody<'_>) -> Result<u32> {
    let seq: u32 = conn.query_row(
        "SELECT coalesce(max(seq), 0) + 1 FROM custody_event WHERE exhibit_id = ?1",
        [c.exhibit_id],
        |r| r.get(0),
    )?;
    let i = c.input;
    conn.execute(
        "INSERT INTO custody_event (id, exhibit_id, seq, kind, at, recorded_at, by_whom, from_party, to_party,
            place, purpose, authority, hash_check, hash_seen, corrects, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
        params![
            c.id,
            c.exhibit_id,
            seq,
            i.kind.as_str(),
            c.at,
            c.now,
            c.by_whom,
            i.from,
            i.to,
            i.place,
            i.purpose,
            i.authority,
            c.hash.map(|h| h.0.as_str()),
            c.hash.map(|h| h.1),
            i.corrects,
            i.note,
        ],
    )?;
    Ok(seq)
}

pub(crate) fn custody(conn: &Connection, exhibit_id: &str) -> Result<Vec<CustodyEvent>> {
    let mut s = conn.prepare_cached(
        "SELECT id, seq, kind, at, recorded_at, by_whom, from_party, to_party, place, purpose, authority,
            hash_check, hash_seen, corrects, note FROM custody_event WHERE exhibit_id = ?1 ORDER BY seq",
    )?;
    let rows = s
        .query_map([exhibit_id], |r| {
            let kind: String = r.get(2)?;
            let check: Option<String> = r.get(11)?;
            Ok(CustodyEvent {
                id: r.get(0)?,
                seq: r.get(1)?,
                kind: CustodyKind::parse(&kind).unwrap_or(CustodyKind::Transfer),
                at: r.get(3)?,
                recorded_at: r.get(4)?,
                by_whom: r.get(5)?,
                from: r.get(6)?,
                to: r.get(7)?,
                place: r.get(8)?,
                purpose: r.get(9)?,
                authority: r.get(10)?,
                hash_check: check.as_deref().and_then(HashCheck::parse),
                hash_seen: r.get(12)?,
                corrects: r.get(13)?,
                note: r.get(14)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub(crate) fn custody_exists(conn: &Connection, exhibit_id: &str, event_id: &str) -> Result<bool> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM custody_event WHERE exhibit_id = ?1 AND id = ?2",
            params![exhibit_id, event_id],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

fn ids(conn: &Connection, sql: &str, id: &str) -> Result<Vec<String>> {
    let mut s = conn.prepare_cached(sql)?;
    let rows = s
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub(crate) fn get(
    conn: &Connection,
    id: &str,
    preview: impl Fn(&str) -> (PreviewKind, String),
) -> Result<Option<Exhibit>> {
    let row = conn
        .query_row(
            "SELECT id, number, description, kind, source, source_detail, legal_id, collected_by, collected_text,
                collected_from, collected_to, precision, tz, collected_display, collected_where, stored_at, physical,
                derived_from, derivation, checklist, notes, file_name, file_size, media_type, sha256, file_modified,
                created_at, updated_at
             FROM exhibit WHERE id = ?1",
            [id],
            |r| {
                let checklist: String = r.get(19)?;
                let kind: String = r.get(3)?;
                let source: String = r.get(4)?;
                let from: Option<String> = r.get(9)?;
                let precision: Option<String> = r.get(11)?;
                let collected = from.map(|from| -> rusqlite::Result<When> {
                    Ok(When {
                        from,
                        to: r.get(10)?,
                        precision: precision.as_deref().and_then(Precision::parse).unwrap_or(Precision::Day),
                        tz: r.get::<_, Option<String>>(12)?.unwrap_or_default(),
                        display: r.get::<_, Option<String>>(13)?.unwrap_or_default(),
                    })
                });
                let file = match r.get::<_, Option<String>>(24)? {
                    Some(sha256) => {
                        let name: String = r.get(21)?;
                        let media_type: String = r.get(23)?;
                        let (p, note) = preview(&media_type);
                        Some(AttachedFile {
                            name,
                            size: r.get(22)?,
                            media_type,
                            sha256,
                            modified: r.get(25)?,
                            preview: p,
                            preview_note: note,
                        })
                    }
                    None => None,
                };
                Ok(Exhibit {
                    id: r.get(0)?,
                    number: r.get(1)?,
                    input: ExhibitInput {
                        number: r.get(1)?,
                        description: r.get(2)?,
                        kind: ExhibitKind::parse(&kind).unwrap_or(ExhibitKind::Other),
                        source: EvidenceSource::parse(&source).unwrap_or(EvidenceSource::Other),
                        source_detail: r.get(5)?,
                        legal_id: r.get(6)?,
                        collected_by: r.get(7)?,
                        collected: r.get(8)?,
                        tz: r.get(12)?,
                        collected_where: r.get(14)?,
                        stored_at: r.get(15)?,
                        physical: r.get(16)?,
                        incident_ids: Vec::new(),
                        person_ids: Vec::new(),
                        checklist: serde_json::from_str(&checklist).unwrap_or_default(),
                        notes: r.get(20)?,
                        derived_from: r.get(17)?,
                        derivation: r.get(18)?,
                    },
                    collected: collected.transpose()?,
                    file,
                    custody: Vec::new(),
                    gaps: Vec::new(),
                    derived: Vec::new(),
                    deletable: false,
                    created_at: r.get(26)?,
                    updated_at: r.get(27)?,
                })
            },
        )
        .optional()?;
    let Some(mut e) = row else { return Ok(None) };
    e.input.incident_ids = ids(
        conn,
        "SELECT incident_id FROM exhibit_incident WHERE exhibit_id = ?1 ORDER BY incident_id",
        id,
    )?;
    e.input.person_ids = ids(
        conn,
        "SELECT person_id FROM exhibit_person WHERE exhibit_id = ?1 ORDER BY person_id",
        id,
    )?;
    e.derived = ids(
        conn,
        "SELECT number FROM exhibit WHERE derived_from = ?1 ORDER BY seq",
        id,
    )?;
    e.custody = custody(conn, id)?;
    e.gaps = e.input.checklist.gaps(e.input.kind);
    e.deletable = e.custody.iter().all(|c| c.kind == CustodyKind::Intake) && e.derived.is_empty();
    Ok(Some(e))
}

pub(crate) fn list(conn: &Connection, incident: Option<&str>) -> Result<Vec<ExhibitRow>> {
    let mut s = conn.prepare_cached(
        "SELECT e.id, e.number, e.kind, e.description, e.physical, e.sha256, e.file_size, e.media_type,
            (SELECT count(*) FROM custody_event c WHERE c.exhibit_id = e.id), e.checklist,
            coalesce(e.collected_display, e.collected_text),
            (SELECT group_concat(incident_id, ' ') FROM (SELECT incident_id FROM exhibit_incident x WHERE x.exhibit_id = e.id ORDER BY incident_id))
         FROM exhibit e
         WHERE ?1 IS NULL OR EXISTS (SELECT 1 FROM exhibit_incident x WHERE x.exhibit_id = e.id AND x.incident_id = ?1)
         ORDER BY e.seq, e.number",
    )?;
    let rows = s
        .query_map([incident], |r| {
            let kind: String = r.get(2)?;
            let kind = ExhibitKind::parse(&kind).unwrap_or(ExhibitKind::Other);
            let checklist: String = r.get(9)?;
            let checklist: CaptureChecklist = serde_json::from_str(&checklist).unwrap_or_default();
            let incidents: Option<String> = r.get(11)?;
            Ok(ExhibitRow {
                id: r.get(0)?,
                number: r.get(1)?,
                kind,
                description: r.get(3)?,
                physical: r.get(4)?,
                sha256: r.get(5)?,
                size: r.get(6)?,
                media_type: r.get(7)?,
                custody_count: r.get(8)?,
                gap_count: checklist.gaps(kind).len() as u32,
                collected: r.get::<_, Option<String>>(10)?.unwrap_or_default(),
                incident_ids: incidents
                    .map(|s| s.split(' ').map(String::from).collect())
                    .unwrap_or_default(),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Deletes an exhibit, its links, chunks and intake event.
pub(crate) fn delete(conn: &Connection, id: &str) -> Result<()> {
    conn.execute("DELETE FROM custody_event WHERE exhibit_id = ?1", [id])?;
    conn.execute("DELETE FROM exhibit_chunk WHERE exhibit_id = ?1", [id])?;
    conn.execute("DELETE FROM exhibit_incident WHERE exhibit_id = ?1", [id])?;
    conn.execute("DELETE FROM exhibit_person WHERE exhibit_id = ?1", [id])?;
    conn.execute("DELETE FROM exhibit WHERE id = ?1", [id])?;
    Ok(())
}

/// Numbers of the exhibits linked to an incident or a person.
pub(crate) fn linked_numbers(
    conn: &Connection,
    incident: Option<&str>,
    person: Option<&str>,
) -> Result<Vec<String>> {
    let mut s = conn.prepare_cached(
        "SELECT e.number FROM exhibit e WHERE
            EXISTS (SELECT 1 FROM exhibit_incident x WHERE x.exhibit_id = e.id AND x.incident_id = ?1)
         OR EXISTS (SELECT 1 FROM exhibit_person x WHERE x.exhibit_id = e.id AND x.person_id = ?2)
         ORDER BY e.seq",
    )?;
    let rows = s
        .query_map(params![incident, person], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub(crate) fn legal_exists(conn: &Connection, id: &str) -> Result<bool> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM legal_process WHERE id = ?1",
            [id],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

pub(crate) fn exists(conn: &Connection, id: &str) -> Result<bool> {
    Ok(conn
        .query_row("SELECT 1 FROM exhibit WHERE id = ?1", [id], |_| Ok(()))
        .optional()?
        .is_some())
}

/// Checkpoints the write-ahead log and truncates it.
pub(crate) fn checkpoint(conn: &Connection) -> Result<()> {
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    Ok(())
}

/// Switches the journal mode (`WAL` or `DELETE`); checks that it took.
pub(crate) fn set_journal_mode(conn: &Connection, mode: &str) -> Result<()> {
    let now: String = conn.query_row(&format!("PRAGMA journal_mode = {mode}"), [], |r| r.get(0))?;
    if now.eq_ignore_ascii_case(mode) {
        Ok(())
    } else {
        Err(crate::Error::Crypto(
            "the case file's journal mode could not be changed",
        ))
    }
}
