//! The agency-editable incident taxonomy: behaviour groups and categories.
//!
//! Shipped as `assets/taxonomy/default.toml`; an agency can load its own.
//! A malformed file is refused naming the file, line and field.

use crate::Result;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// One behaviour group (SLII group or system events).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct TaxonomyGroup {
    /// Identifier.
    pub id: String,
    /// Label.
    pub label: String,
    /// `#rrggbb`, always shown with the label.
    pub color: String,
    /// Orders and police actions, drawn as markers on the timeline.
    pub system: bool,
}

/// One incident category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct TaxonomyCategory {
    /// Identifier.
    pub id: String,
    /// Its group's identifier.
    pub group: String,
    /// Label.
    pub label: String,
    /// Help text.
    pub description: String,
}

/// A taxonomy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Taxonomy {
    /// Identifier.
    pub id: String,
    /// Version.
    pub version: u32,
    /// Label.
    pub label: String,
    /// Groups, in chart order.
    pub groups: Vec<TaxonomyGroup>,
    /// Categories.
    pub categories: Vec<TaxonomyCategory>,
    /// Category for imported rows.
    #[serde(skip)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub default_category: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGroup {
    id: toml::Spanned<String>,
    label: String,
    color: toml::Spanned<String>,
    #[serde(default)]
    system: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCategory {
    id: toml::Spanned<String>,
    group: toml::Spanned<String>,
    label: String,
    #[serde(default)]
    description: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    id: String,
    version: u32,
    label: String,
    default_category: toml::Spanned<String>,
    #[serde(default)]
    group: Vec<RawGroup>,
    #[serde(default)]
    category: Vec<RawCategory>,
}

/// The taxonomy shipped with Vigil.
pub const DEFAULT_TOML: &str = include_str!("../assets/taxonomy/default.toml");

use crate::definition::valid_id;

impl Taxonomy {
    /// The default taxonomy.
    pub fn default_taxonomy() -> Taxonomy {
        // The shipped file is checked by a test; fall back to an empty one
        // rather than panic if it were ever broken.
        Taxonomy::parse(DEFAULT_TOML, "default.toml").unwrap_or_else(|_| Taxonomy {
            id: "empty".into(),
            version: 0,
            label: "empty".into(),
            groups: vec![],
            categories: vec![],
            default_category: String::new(),
        })
    }

    /// Parses and checks a taxonomy file; `file` names it in errors.
    pub fn parse(text: &str, file: &str) -> Result<Taxonomy> {
        let src = crate::definition::Source { text, file };
        let bad = |offset: usize, field: &str, reason: String| src.bad(offset, field, reason);
        let raw: Raw = src.toml()?;
        if raw.group.is_empty() {
            return Err(bad(0, "group", "define at least one [[group]]".into()));
        }
        let mut group_ids = HashSet::new();
        let mut groups = Vec::new();
        for g in raw.group {
            let id = g.id.get_ref();
            if !valid_id(id) {
                return Err(bad(
                    g.id.span().start,
                    "group.id",
                    format!("\u{201c}{id}\u{201d} is not a valid identifier"),
                ));
            }
            if !group_ids.insert(id.clone()) {
                return Err(bad(
                    g.id.span().start,
                    "group.id",
                    format!("group \u{201c}{id}\u{201d} is defined twice"),
                ));
            }
            let c = g.color.get_ref();
            if !(c.len() == 7
                && c.starts_with('#')
                && c[1..].chars().all(|ch| ch.is_ascii_hexdigit()))
            {
                return Err(bad(
                    g.color.span().start,
                    "group.color",
                    "use a colour like #2f6f9f".into(),
                ));
            }
            groups.push(TaxonomyGroup {
                id: id.clone(),
                label: g.label,
                color: c.clone(),
                system: g.system,
            });
        }
        let mut cat_ids = HashSet::new();
        let mut categories = Vec::new();
        for c in raw.category {
            let id = c.id.get_ref();
            if !valid_id(id) {
                return Err(bad(
                    c.id.span().start,
                    "category.id",
                    format!("\u{201c}{id}\u{201d} is not a valid identifier"),
                ));
            }
            if !cat_ids.insert(id.clone()) {
                return Err(bad(
                    c.id.span().start,
                    "category.id",
                    format!("category \u{201c}{id}\u{201d} is defined twice"),
                ));
            }
            if !group_ids.contains(c.group.get_ref()) {
                return Err(bad(
                    c.group.span().start,
                    "category.group",
                    format!("no group \u{201c}{}\u{201d} is defined", c.group.get_ref()),
                ));
            }
            categories.push(TaxonomyCategory {
                id: id.clone(),
                group: c.group.into_inner(),
                label: c.label,
                description: c.description,
            });
        }
        if !cat_ids.contains(raw.default_category.get_ref()) {
            return Err(bad(
                raw.default_category.span().start,
                "default_category",
                format!(
                    "no category \u{201c}{}\u{201d} is defined",
                    raw.default_category.get_ref()
                ),
            ));
        }
        Ok(Taxonomy {
            id: raw.id,
            version: raw.version,
            label: raw.label,
            groups,
            categories,
            default_category: raw.default_category.into_inner(),
        })
    }

    /// A category by id.
    pub fn category(&self, id: &str) -> Option<&TaxonomyCategory> {
        self.categories.iter().find(|c| c.id == id)
    }

    /// A category by id or by label, ignoring case (for imported text).
    pub fn find_category(&self, text: &str) -> Option<&TaxonomyCategory> {
        let t = text.trim().to_lowercase();
        self.categories
            .iter()
            .find(|c| c.id.to_lowercase() == t || c.label.to_lowercase() == t)
    }

    /// A group by id.
    pub fn group(&self, id: &str) -> Option<&TaxonomyGroup> {
        self.groups.iter().find(|g| g.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Error;

    #[test]
    fn the_shipped_taxonomy_loads_with_all_slii_groups() {
        let t = Taxonomy::parse(DEFAULT_TOML, "default.toml").unwrap();
        for g in [
            "surveillance",
            "lifeInvasion",
            "intimidation",
            "interference",
            "system",
        ] {
            assert!(t.group(g).is_some(), "{g}");
        }
        assert!(t.group("system").unwrap().system);
        assert_eq!(t.category("orderViolation").unwrap().group, "system");
        assert_eq!(t.find_category("texts and messages").unwrap().id, "texts");
        assert!(t.categories.len() >= 30);
    }

    fn err(text: &str) -> (usize, String, String) {
        match Taxonomy::parse(text, "agency.toml") {
            Err(Error::BadDefinition {
                file,
                line,
                field,
                reason,
            }) => {
                assert_eq!(file, "agency.toml");
                (line, field, reason)
            }
            other => panic!("expected a definition error, got {other:?}"),
        }
    }

    const HEAD: &str = "id = \"a\"\nversion = 1\nlabel = \"A\"\ndefault_category = \"x\"\n";

    #[test]
    fn bad_files_name_the_line_and_field() {
        let (line, _, reason) = err("id = \"a\"\nversion = \"one\"\n");
        assert_eq!(line, 2, "{reason}");

        let dup = format!("{HEAD}[[group]]\nid = \"g\"\nlabel = \"G\"\ncolor = \"#000000\"\n[[group]]\nid = \"g\"\nlabel = \"G2\"\ncolor = \"#000000\"\n");
        let (line, field, reason) = err(&dup);
        assert_eq!((line, field.as_str()), (10, "group.id"), "{reason}");
        assert!(reason.contains("twice"));

        let orphan = format!("{HEAD}[[group]]\nid = \"g\"\nlabel = \"G\"\ncolor = \"#000000\"\n[[category]]\nid = \"x\"\ngroup = \"nope\"\nlabel = \"X\"\n");
        let (line, field, _) = err(&orphan);
        assert_eq!((line, field.as_str()), (11, "category.group"));

        let color = format!("{HEAD}[[group]]\nid = \"g\"\nlabel = \"G\"\ncolor = \"blue\"\n");
        assert_eq!(err(&color).1, "group.color");

        let unknown = format!("{HEAD}colour = 1\n");
        assert_eq!(err(&unknown).0, 5);
    }
}
