//! Vigil's core: encrypted case files for stalking investigations.
//!
//! The core knows nothing of Tauri or any UI. Entry points:
//! - [`workspace::create`] and [`workspace::unlock`] give an
//!   [`workspace::UnlockedWorkspace`], through which every case is created,
//!   opened, edited, verified, sealed for handover and received.
//! - [`passphrase::assess`] checks a passphrase against the rules.
//!
//! Only [`store`] runs SQL. Secrets live in [`secret`] types that cannot be
//! cloned, printed or serialized and are zeroized on drop.

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![deny(clippy::print_stdout, clippy::print_stderr)]

mod anchor;
pub mod buckets;
pub mod case;
mod casemgmt;
mod casework;
pub mod crypto;
mod definition;
pub use casework::{ExportFormat, ExportReport};
mod error;
pub mod evidence;
mod fsutil;
pub mod fuzzing;
pub mod import;
pub mod incident;
pub mod management;
pub mod packet;
pub mod passphrase;
pub mod person;
pub mod protocol;
pub mod review;
pub mod risk;
pub mod secret;
pub mod seed;
pub(crate) mod store;
pub mod taxonomy;
pub mod training;
mod verify;
pub mod when;
pub mod workspace;

pub use error::{Error, Result};
pub use store::audit::ChainHead;
pub use store::migrate::CASE_SCHEMA_VERSION;

/// Now, as stored: RFC 3339 in UTC with milliseconds.
pub(crate) fn now_rfc3339() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}
