//! The evidence register: exhibits, the files attached to them (stored
//! encrypted inside the case file), their links to incidents and people, and
//! the chain of custody.
//!
//! - [`model`]: the plain-data types (also the wire types).
//! - [`sniff`]: what kind of file an attachment is, from its first bytes.
//! - `register`: the [`crate::workspace::UnlockedWorkspace`] methods that add,
//!   edit, read, export and delete exhibits and record custody events.
//!
//! Attachments are streamed in [`CHUNK_SIZE`] pieces with the SHA-256 taken
//! on the way in; a whole ingest is one transaction, so a cancel, a crash or
//! a full disk leaves no partial exhibit.

pub mod model;
mod register;
pub mod sniff;

pub use model::*;
pub(crate) use register::check_attachments;
pub use register::{ExportedExhibit, IngestProgress};

/// Bytes per stored chunk of an attached file.
pub const CHUNK_SIZE: usize = 1024 * 1024;

/// Default exhibit number format: `{case}` is the case number and `{n}` the
/// exhibit's sequence (`{n:03}` pads it to three digits).
pub const DEFAULT_NUMBER_FORMAT: &str = "{case}-E{n:03}";
