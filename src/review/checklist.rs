//! The supervisor's review checklist: agency-editable data, checked like a
//! protocol (file, line and field named on any mistake).

use crate::Result;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// The checklist shipped with Vigil.
pub const DEFAULT_TOML: &str = include_str!("../../assets/review/default.toml");

/// One question of the checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ChecklistItem {
    /// Stable id.
    pub id: String,
    /// The question.
    pub label: String,
    /// What to look at.
    pub help: String,
}

/// A review checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Checklist {
    /// Id.
    pub id: String,
    /// Version.
    pub version: u32,
    /// Title.
    pub title: String,
    /// Items in order.
    pub items: Vec<ChecklistItem>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    id: toml::Spanned<String>,
    version: u32,
    title: toml::Spanned<String>,
    #[serde(default)]
    item: Vec<RawItem>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawItem {
    id: toml::Spanned<String>,
    label: toml::Spanned<String>,
    #[serde(default)]
    help: String,
}

fn valid_id(s: &str) -> bool {
    s.len() <= 64 && crate::definition::valid_id(s)
}

impl Checklist {
    /// The default checklist.
    pub fn default_checklist() -> Result<Checklist> {
        Checklist::parse(DEFAULT_TOML, "default.toml")
    }

    /// Parses and checks a checklist; `file` names it in errors.
    pub fn parse(text: &str, file: &str) -> Result<Checklist> {
        let src = crate::definition::Source { text, file };
        let bad = |offset: usize, field: &str, reason: String| src.bad(offset, field, reason);
        let raw: Raw = src.toml()?;
        if !valid_id(raw.id.get_ref()) {
            return Err(bad(
                raw.id.span().start,
                "id",
                "use letters, digits, - and _, starting with a letter".into(),
            ));
        }
        if raw.version == 0 {
            return Err(bad(0, "version", "versions start at 1".into()));
        }
        if raw.title.get_ref().trim().is_empty() {
            return Err(bad(
                raw.title.span().start,
                "title",
                "give the checklist a title".into(),
            ));
        }
        if raw.item.is_empty() {
            return Err(bad(0, "item", "define at least one [[item]]".into()));
        }
        let mut seen = HashSet::new();
        let mut items = Vec::new();
        for it in raw.item {
            let id = it.id.get_ref();
            if !valid_id(id) {
                return Err(bad(
                    it.id.span().start,
                    "item.id",
                    format!("\u{201c}{id}\u{201d} is not a valid id (letters, digits, - and _)"),
                ));
            }
            if !seen.insert(id.clone()) {
                return Err(bad(
                    it.id.span().start,
                    "item.id",
                    format!("\u{201c}{id}\u{201d} is used twice"),
                ));
            }
            let label = it.label.get_ref().trim();
            if label.is_empty() || label.chars().count() > 300 {
                return Err(bad(
                    it.label.span().start,
                    "item.label",
                    "write the question (1 to 300 characters)".into(),
                ));
            }
            items.push(ChecklistItem {
                id: id.clone(),
                label: label.to_string(),
                help: it.help.trim().to_string(),
            });
        }
        Ok(Checklist {
            id: raw.id.into_inner(),
            version: raw.version,
            title: raw.title.into_inner().trim().to_string(),
            items,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Error;

    #[test]
    fn the_shipped_checklist_is_valid() {
        let c = Checklist::default_checklist().unwrap();
        assert!(c.items.len() >= 6);
        assert!(c.items.iter().any(|i| i.id == "elements"));
    }

    #[test]
    fn mistakes_name_their_line_and_field() {
        let text = "id = \"x\"\nversion = 1\ntitle = \"T\"\n[[item]]\nid = \"a\"\nlabel = \"A\"\n[[item]]\nid = \"a\"\nlabel = \"B\"\n";
        match Checklist::parse(text, "mine.toml") {
            Err(Error::BadDefinition {
                file, line, field, ..
            }) => {
                assert_eq!(
                    (file.as_str(), line, field.as_str()),
                    ("mine.toml", 8, "item.id")
                );
            }
            other => panic!("{other:?}"),
        }
        let text = "id = \"x\"\nversion = 1\ntitle = \"T\"\n[[item]]\nid = \"a\"\nlabel = \"A\"\ncolour = 3\n";
        match Checklist::parse(text, "mine.toml") {
            Err(Error::BadDefinition { line, .. }) => assert_eq!(line, 7),
            other => panic!("{other:?}"),
        }
        assert!(Checklist::parse("id = \"x\"\nversion = 1\ntitle = \"T\"\n", "m").is_err());
    }
}
