//! Durable file writes: temp file in the same folder, fsync, rename, fsync
//! the folder. A crash leaves either the old or the new file, never half.

use crate::{Error, Result};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` atomically and durably (through a
/// [`temp_sibling`], so a partial copy a killed write left goes first).
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let tmp = temp_sibling(path, Temp::Write)?;
    let result = (|| {
        let mut f = std::fs::File::create(&tmp).map_err(|e| Error::io(&tmp, e))?;
        owner_only(&tmp);
        f.write_all(bytes).map_err(|e| Error::io(&tmp, e))?;
        f.sync_all().map_err(|e| Error::io(&tmp, e))?;
        drop(f);
        rename_durable(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Renames `from` to `to` and syncs the folder so the rename survives a crash.
pub(crate) fn rename_durable(from: &Path, to: &Path) -> Result<()> {
    std::fs::rename(from, to).map_err(|e| Error::io(to, e))?;
    sync_dir(to);
    Ok(())
}

/// fsync of the parent folder (a no-op where the platform cannot do it).
pub(crate) fn sync_dir(path: &Path) {
    #[cfg(unix)]
    if let Some(parent) = path.parent() {
        if let Ok(d) = std::fs::File::open(parent) {
            let _ = d.sync_all();
        }
    }
    #[cfg(not(unix))]
    let _ = path;
}

/// fsync of a file by path.
pub(crate) fn sync_file(path: &Path) -> Result<()> {
    std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(path)
        .and_then(|f| f.sync_all())
        .map_err(|e| Error::io(path, e))
}

/// What a hidden temp name is for; its suffix in the name.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Temp {
    /// A whole file written, then renamed into place ([`write_atomic`]).
    Write,
    /// An export streamed out, renamed when complete.
    Partial,
    /// A private copy of a file being received.
    Incoming,
}

impl Temp {
    const ALL: [Temp; 3] = [Temp::Write, Temp::Partial, Temp::Incoming];

    fn suffix(self) -> &'static str {
        match self {
            Temp::Write => "tmp",
            Temp::Partial => "partial",
            Temp::Incoming => "incoming",
        }
    }
}

/// A not-yet-existing name next to `path`: `.<name>.<suffix>-<random>`.
/// What an earlier write of the same file for the same purpose left there
/// when it was killed (the partial copy, which may hold case content, and
/// its SQLite companions) is removed first: every write here holds the
/// workspace, so no other write of that file can be under way.
pub(crate) fn temp_sibling(path: &Path, kind: Temp) -> Result<PathBuf> {
    remove_stale_temps(path, kind);
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    let mut r = [0u8; 6];
    crate::crypto::fill_random(&mut r)?;
    Ok(path.with_file_name(format!(
        ".{name}.{}-{}",
        kind.suffix(),
        crate::crypto::to_hex(&r)
    )))
}

/// Removes `.<name>.<suffix>-<12 hex>` beside `path`, with any `-wal`,
/// `-shm` or `-journal` companion.
fn remove_stale_temps(path: &Path, kind: Temp) {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name().and_then(|n| n.to_str())) else {
        return;
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let prefix = format!(".{name}.{}-", kind.suffix());
    remove_matching(dir, |file| {
        file.strip_prefix(&prefix).is_some_and(is_random_tail)
    });
}

/// Removes from `dir` every hidden temp name this module makes
/// (`.<name>.<suffix>-<12 hex>`, with SQLite companions), whatever file it
/// was for: what writes killed before they renamed left. Only for a folder
/// nothing else writes to while the caller runs (the workspace folder and
/// its cases folder, with the workspace lock held).
pub(crate) fn clear_leftovers(dir: &Path) {
    remove_matching(dir, |file| {
        let Some(rest) = file.strip_prefix('.') else {
            return false;
        };
        Temp::ALL.iter().any(|kind| {
            let marker = format!(".{}-", kind.suffix());
            rest.rfind(&marker)
                .is_some_and(|at| at > 0 && is_random_tail(&rest[at + marker.len()..]))
        })
    });
}

/// `<12 hex>` alone or followed by a SQLite companion's ending.
fn is_random_tail(rest: &str) -> bool {
    let (Some(random), Some(companion)) = (rest.get(..12), rest.get(12..)) else {
        return false;
    };
    random.bytes().all(|b| b.is_ascii_hexdigit())
        && ["", "-wal", "-shm", "-journal"].contains(&companion)
}

fn remove_matching(dir: &Path, matches: impl Fn(&str) -> bool) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file = entry.file_name();
        if file.to_str().is_some_and(&matches) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Removes a SQLite file and its `-wal`/`-shm`/`-journal` companions.
pub(crate) fn remove_db_files(path: &Path) {
    let _ = std::fs::remove_file(path);
    for ext in ["-wal", "-shm", "-journal"] {
        let mut p = path.as_os_str().to_owned();
        p.push(ext);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
}

/// Makes a file readable and writable by its owner only (0600), or a folder
/// usable by its owner only (0700), on Unix. Elsewhere the user profile's
/// own access control applies.
pub(crate) fn owner_only(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = if path.is_dir() { 0o700 } else { 0o600 };
        let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode));
    }
    #[cfg(not(unix))]
    let _ = path;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_clears_what_a_killed_write_of_the_same_file_left() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("packet.pdf");
        let stale = tmp.path().join(".packet.pdf.tmp-0123456789ab");
        let wal = tmp.path().join(".packet.pdf.tmp-0123456789ab-wal");
        let other = tmp.path().join(".other.pdf.tmp-0123456789ab");
        let mine = tmp.path().join(".packet.pdf.tmp-notours");
        let longer = tmp.path().join(".packet.pdf.tmp-0123456789abc");
        let partial = tmp.path().join(".packet.pdf.partial-0123456789ab");
        let wide = tmp.path().join(".packet.pdf.tmp-0123456789aé");
        for p in [&stale, &wal, &other, &mine, &longer, &partial, &wide] {
            std::fs::write(p, b"half a packet").unwrap();
        }
        write_atomic(&out, b"whole").unwrap();
        assert_eq!(std::fs::read(&out).unwrap(), b"whole");
        assert!(!stale.exists(), "the partial copy of the same file is gone");
        assert!(!wal.exists(), "and its SQLite companion");
        assert!(
            other.exists(),
            "another file's partial copy is not ours to remove"
        );
        assert!(mine.exists(), "a name we never make is left alone");
        let mut left: Vec<String> = std::fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                ".other.pdf.tmp-0123456789ab",
                ".packet.pdf.partial-0123456789ab",
                ".packet.pdf.tmp-0123456789abc",
                ".packet.pdf.tmp-0123456789aé",
                ".packet.pdf.tmp-notours",
                "packet.pdf"
            ]
        );
    }

    #[test]
    fn a_folder_sweep_takes_every_temp_name_we_make_and_nothing_else() {
        let tmp = tempfile::tempdir().unwrap();
        let ours = [
            ".vigil-workspace.json.tmp-727098bb8758",
            ".K-1.vigil.key.tmp-0123456789ab",
            ".received.incoming-abcdef012345",
            ".received.incoming-abcdef012345-journal",
            ".packet.pdf.partial-0123456789ab",
        ];
        let theirs = [
            "vigil-workspace.json",
            "notes.tmp-0123456789ab",
            "..tmp-0123456789ab",
            ".x.tmp-0123456789abc",
            ".x.tmp-0123456789aé",
            ".x.backup-0123456789ab",
        ];
        for n in ours.iter().chain(&theirs) {
            std::fs::write(tmp.path().join(n), b"x").unwrap();
        }
        clear_leftovers(tmp.path());
        let mut left: Vec<String> = std::fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
            .collect();
        left.sort();
        let mut expected: Vec<String> = theirs.iter().map(|s| s.to_string()).collect();
        expected.sort();
        assert_eq!(left, expected);
    }
}
