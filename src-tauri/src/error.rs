//! The error that crosses IPC: `{ kind, message }`.
//!
//! The only place core errors become wire data. `kind` is a closed set the
//! UI can switch on; `message` is the core's sentence for the user, which
//! never contains what the user typed.

use serde::Serialize;

/// What went wrong, for the UI to branch on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)]
pub enum ErrorKind {
    WrongPassphrase,
    WrongKeyOrNotCaseFile,
    NotVigilFile,
    NewerFormat,
    Corrupt,
    /// The register of cases (workspace.db) is missing or damaged: offer repair.
    WorkspaceDamaged,
    StorageFull,
    ReadOnlyLocation,
    Locked,
    TooManyAttempts,
    NotFound,
    AlreadyExists,
    Validation,
    ReadOnlyCase,
    Tampered,
    /// A packet or review file was refused (changed, wrong signer, another case).
    ReviewRefused,
    /// Training and real work kept apart.
    TrainingSeparation,
    /// The workspace is locked: unlock first.
    WorkspaceLocked,
    NoWorkspace,
    WorkspaceExists,
    /// The user cancelled a long operation; nothing was changed.
    Cancelled,
    Internal,
}

/// The serialized error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS, thiserror::Error)]
#[error("{message}")]
pub struct CommandError {
    /// What went wrong.
    pub kind: ErrorKind,
    /// A sentence for the user.
    pub message: String,
}

impl CommandError {
    /// The workspace is locked.
    pub fn locked() -> Self {
        CommandError {
            kind: ErrorKind::WorkspaceLocked,
            message: "Vigil is locked; unlock it first.".into(),
        }
    }

    /// A failure in the shell itself.
    pub fn internal(message: impl Into<String>) -> Self {
        CommandError {
            kind: ErrorKind::Internal,
            message: message.into(),
        }
    }
}

impl From<vigil::Error> for CommandError {
    fn from(e: vigil::Error) -> Self {
        let kind = match e.kind() {
            "wrongPassphrase" => ErrorKind::WrongPassphrase,
            "wrongKeyOrNotCaseFile" => ErrorKind::WrongKeyOrNotCaseFile,
            "notVigilFile" => ErrorKind::NotVigilFile,
            "newerFormat" => ErrorKind::NewerFormat,
            "corrupt" => ErrorKind::Corrupt,
            "workspaceDamaged" => ErrorKind::WorkspaceDamaged,
            "storageFull" => ErrorKind::StorageFull,
            "readOnlyLocation" => ErrorKind::ReadOnlyLocation,
            "locked" => ErrorKind::Locked,
            "tooManyAttempts" => ErrorKind::TooManyAttempts,
            "noWorkspace" => ErrorKind::NoWorkspace,
            "workspaceExists" => ErrorKind::WorkspaceExists,
            "validation" => ErrorKind::Validation,
            "notFound" => ErrorKind::NotFound,
            "alreadyExists" => ErrorKind::AlreadyExists,
            "readOnlyCase" => ErrorKind::ReadOnlyCase,
            "tampered" => ErrorKind::Tampered,
            "reviewRefused" => ErrorKind::ReviewRefused,
            "trainingSeparation" => ErrorKind::TrainingSeparation,
            "cancelled" => ErrorKind::Cancelled,
            _ => ErrorKind::Internal,
        };
        let mut message = e.to_string();
        if let Some(first) = message.get(..1) {
            message = first.to_uppercase() + &message[1..];
        }
        if !message.ends_with('.') {
            message.push('.');
        }
        CommandError { kind, message }
    }
}

/// Result of a command.
pub type CmdResult<T> = Result<T, CommandError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_cross_as_kind_and_message() {
        let e: CommandError = vigil::Error::WrongPassphrase.into();
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(json["kind"], "wrongPassphrase");
        assert!(json["message"]
            .as_str()
            .unwrap()
            .starts_with("The passphrase is not correct"));
        assert_eq!(json.as_object().unwrap().len(), 2);

        let e: CommandError = vigil::Error::TooManyAttempts {
            failures: 6,
            retry_after_secs: 60,
        }
        .into();
        assert_eq!(serde_json::to_value(&e).unwrap()["kind"], "tooManyAttempts");
        assert!(e.message.contains("60 seconds"));
    }

    #[test]
    fn every_core_error_kind_maps_to_a_wire_kind() {
        // A core kind that falls through to Internal would hide a distinct
        // error from the UI.
        let samples = [
            vigil::Error::WrongKeyOrNotCaseFile { path: "x".into() },
            vigil::Error::NotVigilFile { path: "x".into() },
            vigil::Error::NewerFormat {
                path: "x".into(),
                found: 9,
                supported: 1,
            },
            vigil::Error::Corrupt {
                path: "x".into(),
                detail: "d".into(),
            },
            vigil::Error::StorageFull { path: "x".into() },
            vigil::Error::ReadOnlyLocation { path: "x".into() },
            vigil::Error::Locked { path: "x".into() },
            vigil::Error::NoWorkspace { dir: "x".into() },
            vigil::Error::Cancelled,
            vigil::Error::ReadOnlyCase { number: "1".into() },
            vigil::Error::Tampered {
                number: "1".into(),
                detail: "d".into(),
            },
            vigil::Error::ReviewRefused { reason: "r".into() },
            vigil::Error::TrainingSeparation { reason: "r".into() },
        ];
        for e in samples {
            let c: CommandError = e.into();
            assert_ne!(c.kind, ErrorKind::Internal, "{}", c.message);
        }
    }
}
