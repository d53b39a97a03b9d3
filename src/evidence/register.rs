//! The evidence register's operations on an unlocked workspace. Every write
//! goes through `write_case`: one transaction with its audit events.

use super::sniff;
use super::*;
use crate::store::{evidence as db, incidents, registry};
use crate::workspace::{Change, UnlockedWorkspace};
use crate::{crypto, fsutil, Error, Result};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

const NUMBER_FORMAT_SETTING: &str = "exhibit_number_format";

/// Files at least this large bypass the write-ahead log (see `add_exhibit`).
const DIRECT_WRITE_BYTES: u64 = 16 * 1024 * 1024;

/// Where an ingest stands, for a progress bar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct IngestProgress {
    /// The file's name.
    pub file: String,
    /// Bytes taken in so far.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub done: u64,
    /// The file's size.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub total: u64,
}

/// What `export_exhibit` wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ExportedExhibit {
    /// Exhibit number.
    pub number: String,
    /// The file written (unencrypted).
    pub path: String,
    /// Its SHA-256, equal to the one recorded at intake.
    pub sha256: String,
    /// Its size.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub size: i64,
}

fn preview_of(media_type: &str) -> (PreviewKind, String) {
    let (p, note) = sniff::preview(media_type);
    (p, note.to_string())
}

fn not_found(id: &str) -> Error {
    Error::NotFound {
        kind: "exhibit",
        id: id.to_string(),
    }
}

/// Reads until `buf` is full or the file ends; returns the bytes read.
fn fill(f: &mut impl Read, buf: &mut [u8], path: &Path) -> Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match f.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(Error::io(path, e)),
        }
    }
    Ok(n)
}

/// SHA-256 of the stored bytes, checking that every chunk is in place.
fn rehash(
    conn: &rusqlite::Connection,
    id: &str,
    f: &db::StoredFile,
) -> Result<(String, Option<String>)> {
    let mut h = Sha256::new();
    let mut expected = 0i64;
    let mut total = 0i64;
    let mut problem = None;
    db::for_each_chunk(conn, id, 0, |n, data| {
        if n != expected {
            problem = Some(format!("chunk {expected} is missing"));
            return Ok(false);
        }
        expected += 1;
        total += data.len() as i64;
        h.update(data);
        Ok(true)
    })?;
    if problem.is_none() && total != f.size {
        problem = Some(format!("{total} bytes stored, {} recorded", f.size));
    }
    Ok((crypto::to_hex(&h.finalize()), problem))
}

/// Re-hashes every attached file (for `verify`).
pub(crate) fn check_attachments(conn: &rusqlite::Connection) -> Result<Vec<ExhibitCheck>> {
    let mut out = Vec::new();
    for (id, number) in db::with_files(conn)? {
        let Some(f) = db::stored_file(conn, &id)? else {
            continue;
        };
        let (found, problem) = rehash(conn, &id, &f)?;
        let ok = problem.is_none() && found == f.sha256;
        let detail = match (&problem, ok) {
            (Some(p), _) => format!("the stored file is damaged: {p}"),
            (None, true) => format!(
                "{} bytes; SHA-256 matches the one recorded at intake",
                f.size
            ),
            (None, false) => {
                "the stored bytes no longer match the SHA-256 recorded at intake".to_string()
            }
        };
        out.push(ExhibitCheck {
            number,
            recorded: f.sha256,
            found,
            ok,
            detail,
        });
    }
    Ok(out)
}

/// A name for `wanted` in `dir` that is not taken: "name (2).ext", ….
fn free_name(dir: &Path, wanted: &str) -> PathBuf {
    let clean: String = wanted
        .chars()
        .map(|c| {
            if c == '/' || c == '\\' || c == ':' || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect();
    let clean = clean.trim_start_matches('.').to_string();
    let clean = if clean.is_empty() {
        "exhibit".to_string()
    } else {
        clean
    };
    let first = dir.join(&clean);
    if !first.exists() {
        return first;
    }
    let (stem, ext) = match clean.rfind('.') {
        Some(i) if i > 0 => (&clean[..i], &clean[i..]),
        _ => (clean.as_str(), ""),
    };
    (2..)
        .map(|k| dir.join(format!("{stem} ({k}){ext}")))
        .find(|p| !p.exists())
        .unwrap_or(first)
}

impl UnlockedWorkspace {
    /// The agency's exhibit number format (`{case}-E{n:03}` unless set).
    pub fn exhibit_number_format(&self) -> Result<String> {
        Ok(registry::setting(&self.db, NUMBER_FORMAT_SETTING)?
            .unwrap_or_else(|| DEFAULT_NUMBER_FORMAT.to_string()))
    }

    /// Sets the agency's exhibit number format (checked first).
    pub fn set_exhibit_number_format(&mut self, pattern: &str) -> Result<String> {
        let p = validate_number_format(pattern)?;
        self.set_setting(NUMBER_FORMAT_SETTING, &p)?;
        Ok(p)
    }

    /// The register, in exhibit order; only those linked to `incident` when given.
    pub fn list_exhibits(
        &mut self,
        number: &str,
        incident: Option<&str>,
    ) -> Result<Vec<ExhibitRow>> {
        db::list(&self.case(number)?.conn, incident)
    }

    /// One exhibit, by id or exhibit number.
    pub fn get_exhibit(&mut self, number: &str, exhibit: &str) -> Result<Exhibit> {
        let conn = &self.case(number)?.conn;
        let id = db::resolve(conn, exhibit)?.ok_or_else(|| not_found(exhibit))?;
        db::get(conn, &id, preview_of)?.ok_or_else(|| not_found(exhibit))
    }

    fn check_exhibit_links(
        conn: &rusqlite::Connection,
        i: &ExhibitInput,
        self_id: &str,
    ) -> Result<()> {
        for x in &i.incident_ids {
            if incidents::state_hash(conn, x)?.is_none() {
                return Err(Error::validation(
                    "incidents",
                    "an incident is not in this case",
                ));
            }
        }
        for p in &i.person_ids {
            if !incidents::person_exists(conn, p)? {
                return Err(Error::validation("people", "a person is not in this case"));
            }
        }
        if let Some(l) = &i.legal_id {
            if !db::legal_exists(conn, l)? {
                return Err(Error::validation(
                    "legal process",
                    "that legal-process record is not in this case",
                ));
            }
        }
        if let Some(o) = &i.derived_from {
            if o == self_id || !db::exists(conn, o)? {
                return Err(Error::validation(
                    "derived from",
                    "the original exhibit is not in this case",
                ));
            }
        }
        if !i.number.is_empty() && db::number_taken(conn, &i.number, self_id)? {
            return Err(Error::AlreadyExists {
                kind: "exhibit",
                id: i.number.clone(),
            });
        }
        Ok(())
    }

    /// Adds an exhibit. A digital one takes `file` in: streamed in chunks into
    /// the case file with its SHA-256 computed on the way, all in one
    /// transaction, so nothing is left of it if `progress` returns `false`
    /// (cancel), the process dies or the disk fills. A physical item has no
    /// file. The intake custody event is recorded with it.
    pub fn add_exhibit(
        &mut self,
        number: &str,
        input: &ExhibitInput,
        file: Option<&Path>,
        progress: &mut dyn FnMut(&IngestProgress) -> bool,
    ) -> Result<Exhibit> {
        let (mut i, when) = input.validated()?;
        match (i.physical, file) {
            (true, Some(_)) => {
                return Err(Error::validation(
                    "file",
                    "a physical item has no attached file",
                ))
            }
            (false, None) => {
                return Err(Error::validation(
                    "file",
                    "choose the file to attach, or record a physical item",
                ))
            }
            _ => {}
        }
        let pattern = self.exhibit_number_format()?;
        let actor = self.actor();
        let by_whom = if i.collected_by.is_empty() {
            actor.clone()
        } else {
            i.collected_by.clone()
        };
        // Open the file before the transaction: a missing or unreadable file
        // changes nothing.
        let source = match file {
            Some(p) => {
                let f = std::fs::File::open(p).map_err(|e| Error::io(p, e))?;
                let meta = f.metadata().map_err(|e| Error::io(p, e))?;
                if !meta.is_file() {
                    return Err(Error::validation("file", "that is a folder, not a file"));
                }
                let modified = meta
                    .modified()
                    .ok()
                    .map(|t| crate::when::utc_string(chrono::DateTime::<chrono::Utc>::from(t)));
                let name = p
                    .file_name()
                    .map(|n| n.to_string_lossy().to_string())
                    .unwrap_or_else(|| "file".to_string());
                Some((f, p.to_path_buf(), name, meta.len(), modified))
            }
            None => None,
        };
        let case_number = self.case(number)?.row.number.clone();
        // A large file is written once, straight into the case file: in
        // rollback-journal mode pages appended to a file need no journal,
        // whereas the write-ahead log would write every page twice (log,
        // then checkpoint). Both modes are crash-safe; the case returns to
        // its write-ahead log afterwards (and on its next open after a crash).
        let direct = source.as_ref().is_some_and(|s| s.3 >= DIRECT_WRITE_BYTES);
        if direct {
            db::set_journal_mode(&self.case(number)?.conn, "DELETE")?;
        }
        let now = crate::now_rfc3339();
        let id = crypto::random_id()?;
        let written = self.write_case(number, false, |tx| {
            Self::check_exhibit_links(tx, &i, &id)?;
            let seq = db::next_seq(tx)?;
            if i.number.is_empty() {
                let mut n = seq;
                loop {
                    let candidate = format_number(&pattern, &case_number, n);
                    if !db::number_taken(tx, &candidate, &id)? {
                        i.number = candidate;
                        break;
                    }
                    n += 1;
                }
            }
            db::insert(tx, &id, seq, &i, when.as_ref(), &now)?;
            let mut detail = serde_json::json!({ "number": i.number, "kind": i.kind.as_str() });
            let mut hash_seen = None;
            if let Some((f, path, name, total, modified)) = source {
                let mut report = IngestProgress {
                    file: name.clone(),
                    done: 0,
                    total,
                };
                if !progress(&report) {
                    return Err(Error::Cancelled);
                }
                let (mut done, mut n, mut head) = (0u64, 0i64, Vec::new());
                // Two stages on two cores: a reader thread reads and hashes
                // chunk by chunk while this thread encrypts and stores them.
                // The channel holds two chunks, so memory stays flat.
                let sha = std::thread::scope(|s| -> Result<String> {
                    let (send, recv) = std::sync::mpsc::sync_channel::<Result<Vec<u8>>>(2);
                    let reader = s.spawn(move || {
                        let mut f = f;
                        let mut hasher = Sha256::new();
                        loop {
                            let mut buf = vec![0u8; CHUNK_SIZE];
                            let k = match fill(&mut f, &mut buf, &path) {
                                Ok(k) => k,
                                Err(e) => {
                                    let _ = send.send(Err(e));
                                    return None;
                                }
                            };
                            buf.truncate(k);
                            hasher.update(&buf);
                            let last = k < CHUNK_SIZE;
                            if send.send(Ok(buf)).is_err() {
                                return None; // the writer stopped
                            }
                            if last {
                                return Some(crypto::to_hex(&hasher.finalize()));
                            }
                        }
                    });
                    let stored = (|| -> Result<()> {
                        for chunk in recv.iter() {
                            let chunk = chunk?;
                            if n == 0 {
                                head = chunk[..chunk.len().min(64)].to_vec();
                            }
                            if !chunk.is_empty() {
                                db::insert_chunk(tx, &id, n, &chunk)?;
                                n += 1;
                            }
                            done += chunk.len() as u64;
                            report.done = done;
                            if !progress(&report) {
                                return Err(Error::Cancelled);
                            }
                        }
                        Ok(())
                    })();
                    drop(recv);
                    let sha = reader
                        .join()
                        .map_err(|_| Error::Crypto("the file reader failed"))?;
                    stored?;
                    sha.ok_or(Error::Crypto("the file reader stopped early"))
                })?;
                let media = sniff::detect(&head, &name);
                db::set_file(
                    tx,
                    &id,
                    &db::FileMeta {
                        name: &name,
                        size: done as i64,
                        media_type: &media,
                        sha256: &sha,
                        modified: modified.as_deref(),
                    },
                    CHUNK_SIZE as i64,
                )?;
                detail["sha256"] = serde_json::json!(sha);
                detail["size"] = serde_json::json!(done);
                hash_seen = Some(sha);
            }
            let intake = CustodyInput {
                to: by_whom.clone(),
                place: i.collected_where.clone(),
                purpose: "Taken into the case".to_string(),
                ..CustodyInput::new(CustodyKind::Intake)
            };
            let at = when
                .as_ref()
                .map(|w| w.from.clone())
                .unwrap_or_else(|| now.clone());
            db::insert_custody(
                tx,
                &db::NewCustody {
                    id: &crypto::random_id()?,
                    exhibit_id: &id,
                    input: &intake,
                    at: &at,
                    by_whom: &by_whom,
                    hash: hash_seen.as_deref().map(|h| (HashCheck::Matched, h)),
                    now: &now,
                },
            )?;
            let h = db::state_hash(tx, &id)?.ok_or_else(|| not_found(&id))?;
            let mut c = Change::new("exhibit.create", db::ENTITY, &id, h);
            c.detail = detail;
            Ok(((), vec![c]))
        });
        if direct {
            if let Ok(oc) = self.case(number) {
                let _ = db::set_journal_mode(&oc.conn, "WAL");
            }
        }
        if let Err(e) = written {
            // A cancelled or failed ingest rolled back; give the space its
            // write-ahead log took back (on a full disk that is what lets
            // the next write through).
            if file.is_some() {
                if let Ok(oc) = self.case(number) {
                    let _ = db::checkpoint(&oc.conn);
                }
            }
            return Err(e);
        }
        self.get_exhibit(number, &id)
    }

    /// Edits an exhibit's description, links, checklist and the like. Its
    /// file, physical/digital nature, origin and custody never change.
    pub fn update_exhibit(
        &mut self,
        number: &str,
        exhibit: &str,
        input: &ExhibitInput,
    ) -> Result<Exhibit> {
        let old = self.get_exhibit(number, exhibit)?;
        let mut patched = input.clone();
        patched.physical = old.input.physical;
        patched.derived_from = old.input.derived_from.clone();
        if old.input.kind == ExhibitKind::Derived {
            patched.kind = ExhibitKind::Derived;
        }
        let (mut i, when) = patched.validated()?;
        if i.number.is_empty() {
            i.number = old.number.clone();
        }
        let now = crate::now_rfc3339();
        let id = old.id.clone();
        self.write_case(number, false, |tx| {
            Self::check_exhibit_links(tx, &i, &id)?;
            if !db::update(tx, &id, &i, when.as_ref(), &now)? {
                return Err(not_found(&id));
            }
            let h = db::state_hash(tx, &id)?.ok_or_else(|| not_found(&id))?;
            Ok(((), vec![Change::new("exhibit.update", db::ENTITY, &id, h)]))
        })?;
        self.get_exhibit(number, &id)
    }

    /// Appends a custody event. For a digital exhibit the stored bytes are
    /// re-hashed now and the result recorded with the event.
    pub fn record_custody(
        &mut self,
        number: &str,
        exhibit: &str,
        input: &CustodyInput,
    ) -> Result<Exhibit> {
        let (c, at) = input.validated()?;
        let ex = self.get_exhibit(number, exhibit)?;
        if ex
            .custody
            .iter()
            .any(|e| e.kind == CustodyKind::Destruction)
            && c.corrects.is_none()
        {
            return Err(Error::validation(
                "custody event",
                "this exhibit was destroyed; only a correction can follow",
            ));
        }
        let by_whom = if c.by_whom.is_empty() {
            self.actor()
        } else {
            c.by_whom.clone()
        };
        let now = crate::now_rfc3339();
        let id = ex.id.clone();
        self.write_case(number, false, |tx| {
            if let Some(k) = &c.corrects {
                if !db::custody_exists(tx, &id, k)? {
                    return Err(Error::validation(
                        "corrects",
                        "that custody event is not this exhibit's",
                    ));
                }
            }
            let check = match db::stored_file(tx, &id)? {
                Some(f) => {
                    let (found, problem) = rehash(tx, &id, &f)?;
                    let ok = problem.is_none() && found == f.sha256;
                    Some((
                        if ok {
                            HashCheck::Matched
                        } else {
                            HashCheck::Mismatch
                        },
                        found,
                    ))
                }
                None => None,
            };
            let seq = db::insert_custody(
                tx,
                &db::NewCustody {
                    id: &crypto::random_id()?,
                    exhibit_id: &id,
                    input: &c,
                    at: &at,
                    by_whom: &by_whom,
                    hash: check.as_ref().map(|(k, h)| (*k, h.as_str())),
                    now: &now,
                },
            )?;
            let h = db::state_hash(tx, &id)?.ok_or_else(|| not_found(&id))?;
            // ".create": verify compares the exhibit's state with the latest
            // create/update/delete event.
            let mut change = Change::new("custody.create", db::ENTITY, &id, h);
            change.detail = serde_json::json!({
                "kind": c.kind.as_str(),
                "seq": seq,
                "hashCheck": check.as_ref().map(|(k, _)| k.as_str()),
            });
            Ok(((), vec![change]))
        })?;
        self.get_exhibit(number, &id)
    }

    /// Deletes an exhibit that has no custody event after its intake and no
    /// derived exhibit. The reason is kept in the audit trail.
    pub fn delete_exhibit(&mut self, number: &str, exhibit: &str, reason: &str) -> Result<()> {
        let reason = crate::incident::text("reason", reason, 2_000)?;
        if reason.is_empty() {
            return Err(Error::validation(
                "reason",
                "say why the exhibit is removed",
            ));
        }
        let ex = self.get_exhibit(number, exhibit)?;
        if !ex.deletable {
            return Err(Error::validation(
                "exhibit",
                if ex.derived.is_empty() {
                    format!("{} has custody events after intake and can no longer be deleted; record its return or destruction instead", ex.number)
                } else {
                    format!(
                        "{} has derived exhibits ({}) and cannot be deleted",
                        ex.number,
                        ex.derived.join(", ")
                    )
                },
            ));
        }
        let id = ex.id.clone();
        self.write_case(number, false, |tx| {
            db::delete(tx, &id)?;
            let mut c = Change::new("exhibit.delete", db::ENTITY, &id, crypto::to_hex(&crypto::sha256(b"deleted")));
            c.detail = serde_json::json!({ "number": ex.number, "sha256": ex.file.as_ref().map(|f| &f.sha256), "reason": reason });
            Ok(((), vec![c]))
        })
    }

    /// Up to `max` bytes of an attached file from `offset`, with the file's
    /// size and type: for the in-app preview, served from memory.
    pub fn read_exhibit_range(
        &mut self,
        number: &str,
        exhibit: &str,
        offset: u64,
        max: u64,
    ) -> Result<(Vec<u8>, u64, String)> {
        let conn = &self.case(number)?.conn;
        let id = db::resolve(conn, exhibit)?.ok_or_else(|| not_found(exhibit))?;
        let f = db::stored_file(conn, &id)?
            .ok_or_else(|| Error::validation("exhibit", "it has no attached file"))?;
        let size = f.size as u64;
        let end = offset.saturating_add(max).min(size);
        let mut out = Vec::with_capacity(end.saturating_sub(offset) as usize);
        if offset < end {
            let cs = f.chunk_size.max(1) as u64;
            db::for_each_chunk(conn, &id, (offset / cs) as i64, |n, data| {
                let start = n as u64 * cs;
                let lo = offset.max(start) - start;
                let hi = (end.min(start + data.len() as u64)).saturating_sub(start);
                if lo < hi {
                    out.extend_from_slice(&data[lo as usize..hi as usize]);
                }
                Ok(start + (data.len() as u64) < end)
            })?;
        }
        Ok((out, size, f.media_type))
    }

    /// Writes an attached file's original bytes, unencrypted, into `dir`
    /// (under its own name, never over an existing file), checks them
    /// against the intake SHA-256 and records the export in the audit trail.
    pub fn export_exhibit(
        &mut self,
        number: &str,
        exhibit: &str,
        dir: &Path,
    ) -> Result<ExportedExhibit> {
        if !dir.is_dir() {
            return Err(Error::validation(
                "folder",
                "choose an existing folder to export into",
            ));
        }
        let ex = self.get_exhibit(number, exhibit)?;
        let file = ex.file.clone().ok_or_else(|| {
            Error::validation(
                "exhibit",
                format!("{} is a physical item with no file to export", ex.number),
            )
        })?;
        let dest = free_name(dir, &file.name);
        let tmp = fsutil::temp_sibling(&dest, fsutil::Temp::Partial)?;
        let result = (|| -> Result<String> {
            let mut out = std::fs::File::create_new(&tmp).map_err(|e| Error::io(&tmp, e))?;
            fsutil::owner_only(&tmp);
            let mut h = Sha256::new();
            let conn = &self.case(number)?.conn;
            db::for_each_chunk(conn, &ex.id, 0, |_, data| {
                h.update(data);
                out.write_all(data).map_err(|e| Error::io(&tmp, e))?;
                Ok(true)
            })?;
            out.sync_all().map_err(|e| Error::io(&tmp, e))?;
            Ok(crypto::to_hex(&h.finalize()))
        })();
        let sha = match result {
            Ok(s) if s == file.sha256 => s,
            Ok(_) => {
                let _ = std::fs::remove_file(&tmp);
                return Err(Error::Tampered {
                    number: number.to_string(),
                    detail: format!(
                        "the stored bytes of {} no longer match the SHA-256 recorded at intake",
                        ex.number
                    ),
                });
            }
            Err(e) => {
                let _ = std::fs::remove_file(&tmp);
                return Err(e);
            }
        };
        std::fs::rename(&tmp, &dest).map_err(|e| Error::io(&dest, e))?;
        fsutil::sync_dir(dir);
        let id = ex.id.clone();
        let name = dest
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        self.write_case(number, true, |tx| {
            let h = db::state_hash(tx, &id)?.ok_or_else(|| not_found(&id))?;
            let mut c = Change::new("exhibit.export", db::ENTITY, &id, h);
            c.detail = serde_json::json!({ "number": ex.number, "file": name, "sha256": sha });
            Ok(((), vec![c]))
        })?;
        Ok(ExportedExhibit {
            number: ex.number,
            path: dest.display().to_string(),
            sha256: sha,
            size: file.size,
        })
    }

    /// Exhibit numbers linked to an incident or a person (deletion guards).
    pub(crate) fn exhibits_linked(
        &mut self,
        number: &str,
        incident: Option<&str>,
        person: Option<&str>,
    ) -> Result<Vec<String>> {
        db::linked_numbers(&self.case(number)?.conn, incident, person)
    }
}
