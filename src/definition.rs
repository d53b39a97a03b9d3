//! What every parser of a definition file (protocol, taxonomy, statute,
//! review checklist, training scenario) shares: the TOML read whose error
//! names its line, the error naming file, line and field, and the id rule.

use crate::{Error, Result};

/// 1-based line of a byte offset.
pub(crate) fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// Letters, digits, - and _, starting with a letter.
pub(crate) fn valid_id(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// A definition's text and the name it goes by in messages.
pub(crate) struct Source<'a> {
    pub text: &'a str,
    pub file: &'a str,
}

impl Source<'_> {
    /// The error for `field` at byte `offset`.
    pub(crate) fn bad(&self, offset: usize, field: &str, reason: String) -> Error {
        Error::BadDefinition {
            file: self.file.to_string(),
            line: line_of(self.text, offset),
            field: field.to_string(),
            reason,
        }
    }

    /// Reads the TOML; a syntax or shape error names its line.
    pub(crate) fn toml<T: serde::de::DeserializeOwned>(&self) -> Result<T> {
        toml::from_str(self.text).map_err(|e| {
            self.bad(
                e.span().map(|s| s.start).unwrap_or(0),
                "",
                e.message().to_string(),
            )
        })
    }
}
