#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

//! Integration tests of the core on real SQLCipher files in temp folders.
//! One binary; modules mirror the areas of `src/`.

/// Shared fixtures.
mod support;

/// Case files: create, edit, foreign/truncated/newer files.
mod case_file;
/// Protocol answers, risk assessments, status, orders, legal process, due list.
mod casemgmt;
/// The `vigil` command line, as a user runs it.
mod cli;
/// A writer killed at random moments loses no acknowledged write.
mod crash;
/// The evidence register: exhibits, attachments, custody, verify.
mod evidence;
/// Every parser of outside input on its fuzz corpus, regressions and mutations.
mod fuzz;
/// Seal and receive.
mod handover;
/// Import of victims' logs and export of the chronology.
mod import;
/// Incidents, filters, the chart data, migration of older files.
mod incidents;
/// Audit chain, tampering, rollback, verify.
mod integrity;
/// Nothing readable on disk.
mod leaks;
/// Damaged copies of a realistic case, each reported by verify.
mod mutation;
/// The case packet, checked with stock PDF tools.
mod packet;
/// People and identifiers.
mod people;
/// Round trips of the formats Vigil writes (proptest).
mod props;
/// Rebuilding the register, adopting case files, rotating the workspace key.
mod repair;
/// Supervisor review: trusted signers, review files, apply, agenda.
mod review;
/// Training mode: scenarios, answer keys, debriefs, the wall between training and real work.
mod training;
/// Workspace set-up, unlock, lockout, recovery key, passphrase change.
mod workspace;
