//! Storage: SQLCipher files, their keys, migrations, and every SQL statement.
//!
//! **Architecture invariant:** only this module runs SQL. The rest of the core
//! calls typed functions here.
//!
//! Two kinds of file exist: the workspace database (profile, settings, the
//! register of cases with their wrapped keys and last chain heads) and case
//! files (one investigation each). Both are opened the same way:
//! key → per-connection pragmas → a read that validates the key →
//! `application_id` check → migrations.

pub(crate) mod audit;
pub(crate) mod cases;
pub(crate) mod evidence;
pub(crate) mod incidents;
pub(crate) mod manage;
pub(crate) mod migrate;
pub(crate) mod packet;
pub(crate) mod people;
pub(crate) mod registry;
pub(crate) mod review;
pub(crate) mod rowhash;

use crate::secret::SecretKey;
use crate::{Error, Result};
use rusqlite::{Connection, ErrorCode, OpenFlags};
use std::path::Path;

/// SQLCipher page size (its default), used to spot truncated files.
pub(crate) const PAGE_SIZE: u64 = 4096;

/// Which kind of Vigil file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FileKind {
    /// A case file, `cases/<number>.vigil`.
    Case,
    /// The workspace database, `workspace.db`.
    Workspace,
}

impl FileKind {
    /// `PRAGMA application_id`: "VGLC" and "VGLW".
    pub(crate) fn application_id(self) -> i32 {
        match self {
            FileKind::Case => 0x5647_4C43,
            FileKind::Workspace => 0x5647_4C57,
        }
    }

    pub(crate) fn migrations(self) -> &'static [migrate::Migration] {
        match self {
            FileKind::Case => migrate::CASE,
            FileKind::Workspace => migrate::WORKSPACE,
        }
    }
}

/// How to open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// The file must not exist yet; it is created and migrated.
    Create,
    /// The file must exist; it is migrated to the latest version.
    Existing,
    /// The file must exist and is only read (verification).
    ReadOnly,
    /// The file must exist; it may be read and exported from, but its
    /// journal mode and schema are left alone (a private copy of a handover
    /// file being received).
    Import,
}

/// Opens a Vigil file with a raw 256-bit key (plus, for handover files, the
/// salt SQLCipher keeps in the file's first 16 bytes).
pub(crate) fn open(
    path: &Path,
    key: &SecretKey,
    salt: Option<&[u8; 16]>,
    kind: FileKind,
    mode: Mode,
) -> Result<Connection> {
    if mode != Mode::Create {
        precheck_file(path)?;
    } else if path.exists() {
        return Err(Error::AlreadyExists {
            kind: "file",
            id: path.display().to_string(),
        });
    }
    let flags = match mode {
        Mode::Create => OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
        Mode::Existing | Mode::Import => OpenFlags::SQLITE_OPEN_READ_WRITE,
        Mode::ReadOnly => OpenFlags::SQLITE_OPEN_READ_ONLY,
    } | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_URI;
    let conn = Connection::open_with_flags(path, flags).map_err(|e| map_err(path, e))?;
    if mode == Mode::Create {
        // Before anything is written: its journals take the same mode.
        crate::fsutil::owner_only(path);
    }
    // SQLCipher logs "hmac check failed" to stderr on a wrong key: silence it.
    let _ = conn.execute_batch("PRAGMA cipher_log_level = NONE;");
    let pragma = key.sqlcipher_pragma(salt);
    conn.pragma_update(None, "key", pragma.as_str())
        .map_err(|e| map_err(path, e))?;
    drop(pragma);
    conn.execute_batch(
        "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA temp_store = MEMORY;
         PRAGMA busy_timeout = 500; PRAGMA trusted_schema = OFF;",
    )
    .map_err(|e| map_err(path, e))?;
    // The first read is where SQLCipher finds out whether the key is right.
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
        .map_err(|e| map_err(path, e))?;
    if mode == Mode::Existing {
        // Every page's authentication code, before anything (a migration,
        // an audit event) is written to the file: a damaged file is refused
        // untouched. It reads the file once (about 0.1 s per 100 MB).
        let bad = cases::cipher_integrity(&conn).map_err(|e| match e {
            Error::Storage(e) => map_err(path, e),
            other => other,
        })?;
        if !bad.is_empty() {
            return Err(Error::Corrupt {
                path: path.to_path_buf(),
                detail: format!(
                    "{} page(s) fail their authentication check; nothing was written to it",
                    bad.len()
                ),
            });
        }
    }
    if matches!(mode, Mode::Create | Mode::Existing) {
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(|e| map_err(path, e))?;
    }
    let app_id: i32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(|e| map_err(path, e))?;
    match mode {
        Mode::Create => {
            conn.pragma_update(None, "application_id", kind.application_id())
                .map_err(|e| map_err(path, e))?;
        }
        _ if app_id != kind.application_id() || tables == 0 => {
            return Err(Error::NotVigilFile {
                path: path.to_path_buf(),
            });
        }
        _ => {}
    }
    let mut conn = conn;
    if matches!(mode, Mode::ReadOnly | Mode::Import) {
        migrate::check_not_newer(&conn, path, kind.migrations())?;
    } else {
        migrate::run(&mut conn, path, kind.migrations())?;
    }
    Ok(conn)
}

/// Cheap checks before SQLCipher sees the file, so that a plain text file, an
/// unencrypted SQLite database or a cut-off file get their own message
/// instead of "wrong key".
pub(crate) fn precheck_file(path: &Path) -> Result<()> {
    use std::io::Read;
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if !meta.is_file() {
        return Err(Error::NotVigilFile {
            path: path.to_path_buf(),
        });
    }
    let len = meta.len();
    let mut head = [0u8; 16];
    let n = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .map_err(|e| Error::io(path, e))?;
    if len == 0 {
        return Err(Error::Corrupt {
            path: path.to_path_buf(),
            detail: "the file is empty".into(),
        });
    }
    if head.starts_with(b"SQLite format 3\0") {
        return Err(Error::NotVigilFile {
            path: path.to_path_buf(),
        });
    }
    // An encrypted file starts with 16 random salt bytes; text does not.
    let texty = head[..n]
        .iter()
        .all(|b| b.is_ascii_graphic() || b.is_ascii_whitespace());
    if texty {
        return Err(Error::NotVigilFile {
            path: path.to_path_buf(),
        });
    }
    if len % PAGE_SIZE != 0 {
        return Err(Error::Corrupt {
            path: path.to_path_buf(),
            detail: format!(
                "it is cut off: {len} bytes is not a whole number of {PAGE_SIZE}-byte pages"
            ),
        });
    }
    Ok(())
}

/// Reads the 16-byte SQLCipher salt at the start of a file.
pub(crate) fn read_salt(path: &Path) -> Result<[u8; 16]> {
    use std::io::Read;
    precheck_file(path)?;
    let mut salt = [0u8; 16];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut salt))
        .map_err(|e| Error::io(path, e))?;
    Ok(salt)
}

// SQLite's extended I/O error codes (sqlite3.h).
const IOERR_WRITE: i32 = 10 | (3 << 8);
const IOERR_FSYNC: i32 = 10 | (4 << 8);
const IOERR_TRUNCATE: i32 = 10 | (6 << 8);
const IOERR_SHMSIZE: i32 = 10 | (19 << 8);

/// Maps a SQLite error on `path` to the error a user can act on.
pub(crate) fn map_err(path: &Path, e: rusqlite::Error) -> Error {
    let path = path.to_path_buf();
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => Error::WrongKeyOrNotCaseFile { path },
        Some(ErrorCode::DatabaseCorrupt) => Error::Corrupt {
            path,
            detail: "its pages fail SQLite's checks; nothing was written to it".into(),
        },
        Some(ErrorCode::DiskFull) => Error::StorageFull { path },
        // Growing the write-ahead log's index, writing or syncing pages failed:
        // on a laptop that is almost always a full disk.
        Some(ErrorCode::SystemIoFailure)
            if matches!(
                e,
                rusqlite::Error::SqliteFailure(ref f, _)
                    if [IOERR_WRITE, IOERR_FSYNC, IOERR_SHMSIZE, IOERR_TRUNCATE].contains(&f.extended_code)
            ) =>
        {
            Error::StorageFull { path }
        }
        Some(ErrorCode::ReadOnly) | Some(ErrorCode::PermissionDenied) => {
            Error::ReadOnlyLocation { path }
        }
        Some(ErrorCode::CannotOpen) => Error::ReadOnlyLocation { path },
        Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => Error::Locked { path },
        _ => Error::Storage(e),
    }
}

/// Runs `f` in one IMMEDIATE transaction on `conn`, mapping errors for `path`.
pub(crate) fn write_tx<T>(
    conn: &mut Connection,
    path: &Path,
    f: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T>,
) -> Result<T> {
    let tx = conn
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .map_err(|e| map_err(path, e))?;
    let out = f(&tx).map_err(|e| match e {
        Error::Storage(e) => map_err(path, e),
        other => other,
    })?;
    tx.commit().map_err(|e| map_err(path, e))?;
    Ok(out)
}

/// Copies the open database `conn` into a new encrypted file at `dest` keyed
/// with `key` (and `salt`), then stamps it as a Vigil file of `kind`.
/// `dest` must not exist or be empty.
pub(crate) fn export_encrypted(
    conn: &Connection,
    dest: &Path,
    key: &SecretKey,
    salt: Option<&[u8; 16]>,
    kind: FileKind,
    after: impl FnOnce(&Connection) -> Result<()>,
) -> Result<()> {
    // Attached files inherit the main connection's open flags, which lack
    // CREATE: make the empty file first (SQLite treats it as a new database).
    std::fs::File::create_new(dest).map_err(|e| Error::io(dest, e))?;
    crate::fsutil::owner_only(dest);
    let pragma = key.sqlcipher_pragma(salt);
    let dest_str = dest
        .to_str()
        .ok_or_else(|| Error::validation("file", "the path is not valid UTF-8"))?;
    conn.execute(
        "ATTACH DATABASE ?1 AS export KEY ?2",
        rusqlite::params![dest_str, pragma.as_str()],
    )
    .map_err(|e| map_err(dest, e))?;
    drop(pragma);
    let result = (|| {
        conn.query_row("SELECT sqlcipher_export('export')", [], |_| Ok(()))
            .map_err(|e| map_err(dest, e))?;
        let version: i64 = conn.query_row("PRAGMA main.user_version", [], |r| r.get(0))?;
        conn.execute_batch(&format!(
            "PRAGMA export.user_version = {version}; PRAGMA export.application_id = {};",
            kind.application_id()
        ))
        .map_err(|e| map_err(dest, e))?;
        after(conn)
    })();
    let detach = conn
        .execute_batch("DETACH DATABASE export")
        .map_err(|e| map_err(dest, e));
    result?;
    detach
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrong_key_and_foreign_files_get_their_own_errors() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.vigil");
        let key = SecretKey::random().unwrap();
        drop(open(&path, &key, None, FileKind::Case, Mode::Create).unwrap());
        let other = SecretKey::random().unwrap();
        assert!(matches!(
            open(&path, &other, None, FileKind::Case, Mode::Existing),
            Err(Error::WrongKeyOrNotCaseFile { .. })
        ));
        // Same key, other kind: keyed fine, but not that kind of Vigil file.
        assert!(matches!(
            open(&path, &key, None, FileKind::Workspace, Mode::Existing),
            Err(Error::NotVigilFile { .. })
        ));
        assert!(open(&path, &key, None, FileKind::Case, Mode::Existing).is_ok());
    }

    #[test]
    fn write_failures_read_as_a_full_disk_other_io_errors_do_not() {
        let io = |extended_code| {
            rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error {
                    code: ErrorCode::SystemIoFailure,
                    extended_code,
                },
                None,
            )
        };
        assert_eq!(
            IOERR_SHMSIZE, 4874,
            "the code seen when the disk filled under the write-ahead log"
        );
        for code in [IOERR_WRITE, IOERR_FSYNC, IOERR_SHMSIZE] {
            assert!(
                matches!(map_err(Path::new("x"), io(code)), Error::StorageFull { .. }),
                "{code}"
            );
        }
        // A read error is not a full disk.
        assert!(matches!(
            map_err(Path::new("x"), io(10 | (1 << 8))),
            Error::Storage(_)
        ));
    }

    #[test]
    fn an_encrypted_database_without_vigil_stamp_is_not_a_vigil_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("foreign.vigil");
        let key = SecretKey::random().unwrap();
        {
            let c = Connection::open(&path).unwrap();
            c.pragma_update(None, "key", key.sqlcipher_pragma(None).as_str())
                .unwrap();
            c.execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (1);")
                .unwrap();
        }
        assert!(matches!(
            open(&path, &key, None, FileKind::Case, Mode::Existing),
            Err(Error::NotVigilFile { .. })
        ));
    }
}
