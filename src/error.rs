//! The one error type of the core.
//!
//! Each variant names something a caller can act on, and carries context in
//! fields rather than in formatted strings. No variant ever holds text the user
//! typed (passphrases, case content): messages name files, fields and numbers.

use std::path::PathBuf;

/// Result with the core [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in the core.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The workspace passphrase (or recovery key) did not unwrap the workspace key.
    #[error(
        "the passphrase is not correct; check Caps Lock and the keyboard layout, then try again"
    )]
    WrongPassphrase,

    /// The recovery key did not unwrap the workspace key, or is mistyped.
    #[error("the recovery key is not correct for this workspace; check it character by character")]
    WrongRecoveryKey,

    /// SQLCipher could not read the file with the key given. It cannot tell a
    /// wrong key from a file that is not an encrypted database at all.
    #[error("{} could not be opened: either the key or handover passphrase is wrong, or the file is not a Vigil case file", path.display())]
    WrongKeyOrNotCaseFile {
        /// The file.
        path: PathBuf,
    },

    /// The file opened, but it is some other application's database.
    #[error("{} is not a Vigil file (it is a database of some other program)", path.display())]
    NotVigilFile {
        /// The file.
        path: PathBuf,
    },

    /// The file was written by a newer Vigil.
    #[error("{} uses format version {found}, but this Vigil understands up to version {supported}; update Vigil to open it", path.display())]
    NewerFormat {
        /// The file.
        path: PathBuf,
        /// The file's schema version.
        found: i64,
        /// The newest schema version this binary knows.
        supported: i64,
    },

    /// The file is damaged: truncated, or its pages fail their checks.
    #[error("{} is damaged ({detail}); restore it from a backup or ask the sender for a new copy", path.display())]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// What was found, without any case content.
        detail: String,
    },

    /// The workspace database (the register of cases) is missing or damaged.
    /// The case files and their key sidecars are what `repair` rebuilds it from.
    #[error("the workspace's register of cases ({}) cannot be used: {detail}. The case files are not affected: run `vigil workspace repair` (or choose Repair on the unlock screen) to rebuild it from them", path.display())]
    WorkspaceDamaged {
        /// The workspace database.
        path: PathBuf,
        /// What was found.
        detail: String,
    },

    /// The disk is full.
    #[error("the disk holding {} is full; free some space and try again (nothing was changed)", path.display())]
    StorageFull {
        /// Where the write was going.
        path: PathBuf,
    },

    /// The location cannot be written.
    #[error("{} cannot be written (read-only location or no permission); choose another folder", path.display())]
    ReadOnlyLocation {
        /// The location.
        path: PathBuf,
    },

    /// Another process holds the file or workspace.
    #[error("{} is in use by another Vigil window or command; close it and try again", path.display())]
    Locked {
        /// The locked file or folder.
        path: PathBuf,
    },

    /// Too many wrong passphrases in a row: wait before the next try.
    #[error("too many failed unlock attempts ({failures}); wait {retry_after_secs} seconds before trying again")]
    TooManyAttempts {
        /// Failures since the last successful unlock.
        failures: u32,
        /// Seconds until the next attempt is accepted.
        retry_after_secs: u64,
    },

    /// No workspace exists at the folder.
    #[error("there is no Vigil workspace in {}; run `vigil init` or start the app to set one up", dir.display())]
    NoWorkspace {
        /// The folder.
        dir: PathBuf,
    },

    /// A workspace already exists at the folder.
    #[error("a Vigil workspace already exists in {}", dir.display())]
    WorkspaceExists {
        /// The folder.
        dir: PathBuf,
    },

    /// The workspace keyring file is unreadable or not Vigil's.
    #[error("the workspace key file {} is damaged or not a Vigil file ({detail}); restore it from a backup", path.display())]
    BadKeyring {
        /// The keyring file.
        path: PathBuf,
        /// What was wrong.
        detail: String,
    },

    /// An input does not meet a rule.
    #[error("{field}: {reason}")]
    Validation {
        /// The field, as the user sees it.
        field: &'static str,
        /// The rule that was not met.
        reason: String,
    },

    /// A definition file (taxonomy, protocol) is malformed.
    #[error("{file}, line {line}{}: {reason}", if field.is_empty() { String::new() } else { format!(", field {field}") })]
    BadDefinition {
        /// The file.
        file: String,
        /// 1-based line.
        line: usize,
        /// The field, when known.
        field: String,
        /// What is wrong.
        reason: String,
    },

    /// An import file cannot be used; every problem is listed with its line.
    #[error("{file} cannot be imported: {}", problems.iter().take(20).map(|(l, m)| format!("line {l}: {m}")).collect::<Vec<_>>().join("; "))]
    BadImport {
        /// The file's name.
        file: String,
        /// (line, problem), in file order.
        problems: Vec<(usize, String)>,
    },

    /// Something looked up does not exist.
    #[error("no {kind} {id} in this workspace")]
    NotFound {
        /// What was looked up ("case", …).
        kind: &'static str,
        /// Its identifier (a case number is not case content).
        id: String,
    },

    /// Something to be created already exists.
    #[error("{kind} {id} already exists")]
    AlreadyExists {
        /// What ("case", …).
        kind: &'static str,
        /// Its identifier.
        id: String,
    },

    /// The case is a read-only review copy.
    #[error("case {number} is a read-only review copy and cannot be changed")]
    ReadOnlyCase {
        /// The case number.
        number: String,
    },

    /// The case file failed an integrity rule: audit chain broken, content
    /// edited outside Vigil, or rolled back to an older copy.
    #[error("case {number} failed its integrity check: {detail}. Do not use it as evidence; run `vigil case verify {number}` for the full report")]
    Tampered {
        /// The case number.
        number: String,
        /// Which rule failed.
        detail: String,
    },

    /// A file could not be read or written.
    #[error("{} could not be accessed: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The operating system's error.
        #[source]
        source: std::io::Error,
    },

    /// The user cancelled a long operation; nothing was changed.
    #[error("cancelled; nothing was added or changed")]
    Cancelled,

    /// A database error. Damage found while reading (a page that fails its
    /// check) reads as a damaged file, like every other path to it.
    #[error("{}", storage_message(.0))]
    Storage(#[from] rusqlite::Error),

    /// A supervisor's review or a packet under review was refused: a bad
    /// signature, a changed file, a review for another case or packet.
    #[error("{reason}")]
    ReviewRefused {
        /// What is wrong and what to do, in words.
        reason: String,
    },

    /// Training and real work never mix: a real workspace refuses a training
    /// case file and a training workspace refuses a real one.
    #[error("{reason}")]
    TrainingSeparation {
        /// What was refused and what to do, in words.
        reason: String,
    },

    /// A cryptographic primitive failed in a way that is not a wrong key.
    #[error("cryptographic failure: {0}")]
    Crypto(&'static str),
}

impl Error {
    /// A stable, machine-readable name for the error kind (used by the CLI's
    /// `--json` errors and the desktop shell).
    pub fn kind(&self) -> &'static str {
        match self {
            Error::WrongPassphrase => "wrongPassphrase",
            Error::WrongRecoveryKey => "wrongPassphrase",
            Error::WrongKeyOrNotCaseFile { .. } => "wrongKeyOrNotCaseFile",
            Error::NotVigilFile { .. } | Error::BadKeyring { .. } => "notVigilFile",
            Error::NewerFormat { .. } => "newerFormat",
            Error::Corrupt { .. } => "corrupt",
            Error::WorkspaceDamaged { .. } => "workspaceDamaged",
            Error::StorageFull { .. } => "storageFull",
            Error::ReadOnlyLocation { .. } => "readOnlyLocation",
            Error::Locked { .. } => "locked",
            Error::TooManyAttempts { .. } => "tooManyAttempts",
            Error::NoWorkspace { .. } => "noWorkspace",
            Error::WorkspaceExists { .. } => "workspaceExists",
            Error::Validation { .. } | Error::BadDefinition { .. } | Error::BadImport { .. } => {
                "validation"
            }
            Error::NotFound { .. } => "notFound",
            Error::AlreadyExists { .. } => "alreadyExists",
            Error::ReadOnlyCase { .. } => "readOnlyCase",
            Error::Tampered { .. } => "tampered",
            Error::Cancelled => "cancelled",
            Error::ReviewRefused { .. } => "reviewRefused",
            Error::TrainingSeparation { .. } => "trainingSeparation",
            Error::Storage(e) if storage_damage(e) => "corrupt",
            Error::Io { .. } | Error::Storage(_) | Error::Crypto(_) => "internal",
        }
    }

    /// The CLI exit code for this error (documented in README.md).
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::WrongPassphrase | Error::WrongRecoveryKey => 3,
            Error::WrongKeyOrNotCaseFile { .. } => 4,
            Error::NotVigilFile { .. } | Error::BadKeyring { .. } => 5,
            Error::NewerFormat { .. } => 6,
            Error::Corrupt { .. } | Error::WorkspaceDamaged { .. } => 7,
            Error::StorageFull { .. } | Error::ReadOnlyLocation { .. } => 8,
            Error::Locked { .. } => 9,
            Error::TooManyAttempts { .. } => 10,
            Error::NoWorkspace { .. } | Error::WorkspaceExists { .. } => 11,
            Error::Validation { .. } | Error::BadDefinition { .. } | Error::BadImport { .. } => 12,
            Error::NotFound { .. } | Error::AlreadyExists { .. } => 13,
            Error::ReadOnlyCase { .. } => 14,
            Error::Tampered { .. } => 15,
            Error::Cancelled => 16,
            Error::ReviewRefused { .. } => 17,
            Error::TrainingSeparation { .. } => 18,
            Error::Storage(e) if storage_damage(e) => 7,
            Error::Io { .. } | Error::Storage(_) | Error::Crypto(_) => 1,
        }
    }

    pub(crate) fn validation(field: &'static str, reason: impl Into<String>) -> Self {
        Error::Validation {
            field,
            reason: reason.into(),
        }
    }

    /// Maps an I/O error at `path` to the variant a user can act on.
    pub(crate) fn io(path: &std::path::Path, source: std::io::Error) -> Self {
        use std::io::ErrorKind as K;
        let path = path.to_path_buf();
        match source.kind() {
            K::StorageFull | K::QuotaExceeded => Error::StorageFull { path },
            K::ReadOnlyFilesystem | K::PermissionDenied => Error::ReadOnlyLocation { path },
            _ => Error::Io { path, source },
        }
    }
}

/// A read that failed because the file's pages are damaged (SQLCipher's page
/// check or SQLite's own).
fn storage_damage(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseCorrupt) | Some(rusqlite::ErrorCode::NotADatabase)
    )
}

fn storage_message(e: &rusqlite::Error) -> String {
    if storage_damage(e) {
        "the case file is damaged (a page fails its check); nothing was changed. Run `vigil case verify` for the full report and restore the file from a backup".to_string()
    } else {
        format!("database error: {e}")
    }
}
