//! Statute profiles: the elements of one offence in plain words, as data
//! (`assets/statutes/*.toml`, schema in its README). A malformed file is
//! refused naming file, line and field.

use crate::person::word_enum;
use crate::Result;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

word_enum!(
    /// What kind of proof an element needs; incidents and exhibits are
    /// linked to kinds, so one link serves every statute of the case.
    ElementKind {
        /// The acts that make up the course of conduct.
        CourseOfConduct = "courseOfConduct",
        /// Aimed at the victim.
        DirectedAt = "directedAt",
        /// The suspect knew or should have known (told to stop, warnings).
        Knowledge = "knowledge",
        /// The victim's fear or distress.
        Fear = "fear",
        /// A threat.
        Threat = "threat",
        /// A protective order in force.
        OrderInForce = "orderInForce",
        /// Prior convictions.
        PriorConviction = "priorConviction",
        /// Travel across borders or use of interstate facilities.
        Interstate = "interstate",
        /// Anything else.
        Other = "other",
    }
);

/// One element (or aggravating factor) of an offence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct StatuteElement {
    /// Id, unique in the profile.
    pub id: String,
    /// The proof it needs.
    pub kind: ElementKind,
    /// Short label.
    pub label: String,
    /// The element in plain words.
    pub text: String,
    /// An aggravating factor rather than an element.
    pub aggravator: bool,
}

/// A statute profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Statute {
    /// Id.
    pub id: String,
    /// Version.
    pub version: u32,
    /// Name of the offence.
    pub label: String,
    /// Where it applies.
    pub jurisdiction: String,
    /// One or two sentences.
    pub summary: String,
    /// Citations.
    pub references: Vec<String>,
    /// Elements, then aggravating factors.
    pub elements: Vec<StatuteElement>,
}

/// The profiles shipped with Vigil: (file name, text).
pub const SHIPPED: &[(&str, &str)] = &[
    (
        "ca-pc-646-9.toml",
        include_str!("../../assets/statutes/ca-pc-646-9.toml"),
    ),
    (
        "us-18-usc-2261a.toml",
        include_str!("../../assets/statutes/us-18-usc-2261a.toml"),
    ),
    (
        "uk-pha-1997-s2a.toml",
        include_str!("../../assets/statutes/uk-pha-1997-s2a.toml"),
    ),
    (
        "uk-pha-1997-s4a.toml",
        include_str!("../../assets/statutes/uk-pha-1997-s4a.toml"),
    ),
    (
        "model-stalking-code.toml",
        include_str!("../../assets/statutes/model-stalking-code.toml"),
    ),
];

/// The text of the shipped profile with this id.
pub(crate) fn shipped_text(id: &str) -> Option<&'static str> {
    SHIPPED
        .iter()
        .find(|(name, text)| Statute::parse(text, name).is_ok_and(|s| s.id == id))
        .map(|(_, text)| *text)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawElement {
    id: toml::Spanned<String>,
    kind: toml::Spanned<String>,
    label: toml::Spanned<String>,
    text: toml::Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    id: toml::Spanned<String>,
    version: u32,
    label: toml::Spanned<String>,
    #[serde(default)]
    jurisdiction: String,
    #[serde(default)]
    summary: String,
    #[serde(default)]
    references: Vec<String>,
    #[serde(default)]
    element: Vec<RawElement>,
    #[serde(default)]
    aggravator: Vec<RawElement>,
}

impl Statute {
    /// Parses and checks a profile; `file` names it in errors.
    pub fn parse(text: &str, file: &str) -> Result<Statute> {
        let src = crate::definition::Source { text, file };
        let bad = |offset: usize, field: &str, reason: String| src.bad(offset, field, reason);
        let raw: Raw = src.toml()?;
        let id_ok = |s: &str| {
            s.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
                && s.len() <= 64
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
        };
        if !id_ok(raw.id.get_ref()) {
            return Err(bad(
                raw.id.span().start,
                "id",
                "use letters, digits, '.', '-' and '_'".into(),
            ));
        }
        if raw.label.get_ref().trim().is_empty() {
            return Err(bad(
                raw.label.span().start,
                "label",
                "name the offence".into(),
            ));
        }
        if raw.element.is_empty() {
            return Err(bad(0, "element", "define at least one [[element]]".into()));
        }
        let mut ids = HashSet::new();
        let mut elements = Vec::new();
        for (list, aggravator, section) in [
            (raw.element, false, "element"),
            (raw.aggravator, true, "aggravator"),
        ] {
            for e in list {
                if !id_ok(e.id.get_ref()) || !ids.insert(e.id.get_ref().clone()) {
                    return Err(bad(
                        e.id.span().start,
                        &format!("{section}.id"),
                        format!(
                            "\u{201c}{}\u{201d} is invalid or used twice",
                            e.id.get_ref()
                        ),
                    ));
                }
                let kind = ElementKind::parse(e.kind.get_ref()).ok_or_else(|| {
                    bad(
                        e.kind.span().start,
                        &format!("{section}.kind"),
                        format!(
                            "\u{201c}{}\u{201d} is not one of: {}",
                            e.kind.get_ref(),
                            <ElementKind as crate::person::Word>::words().join(", ")
                        ),
                    )
                })?;
                for (v, f) in [(&e.label, "label"), (&e.text, "text")] {
                    if v.get_ref().trim().is_empty() {
                        return Err(bad(
                            v.span().start,
                            &format!("{section}.{f}"),
                            "must not be empty".into(),
                        ));
                    }
                }
                elements.push(StatuteElement {
                    id: e.id.into_inner(),
                    kind,
                    label: e.label.into_inner().trim().to_string(),
                    text: e.text.into_inner().trim().to_string(),
                    aggravator,
                });
            }
        }
        Ok(Statute {
            id: raw.id.into_inner(),
            version: raw.version,
            label: raw.label.into_inner().trim().to_string(),
            jurisdiction: raw.jurisdiction.trim().to_string(),
            summary: raw.summary.trim().to_string(),
            references: raw.references,
            elements,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Error;

    #[test]
    fn every_shipped_profile_parses() {
        for (name, text) in SHIPPED {
            let s = Statute::parse(text, name).unwrap();
            assert!(s.elements.iter().any(|e| !e.aggravator), "{name}");
        }
    }

    #[test]
    fn a_bad_profile_names_line_and_field() {
        let text = "id = \"x\"\nversion = 1\nlabel = \"X\"\n\n[[element]]\nid = \"a\"\nkind = \"vibes\"\nlabel = \"A\"\ntext = \"t\"\n";
        match Statute::parse(text, "agency.toml") {
            Err(Error::BadDefinition {
                file,
                line,
                field,
                reason,
            }) => {
                assert_eq!(
                    (file.as_str(), line, field.as_str()),
                    ("agency.toml", 7, "element.kind")
                );
                assert!(reason.contains("courseOfConduct"), "{reason}");
            }
            other => panic!("{other:?}"),
        }
        let dup = "id = \"x\"\nversion = 1\nlabel = \"X\"\n[[element]]\nid = \"a\"\nkind = \"fear\"\nlabel = \"A\"\ntext = \"t\"\n[[aggravator]]\nid = \"a\"\nkind = \"fear\"\nlabel = \"A\"\ntext = \"t\"\n";
        assert!(matches!(
            Statute::parse(dup, "d.toml"),
            Err(Error::BadDefinition { line: 10, .. })
        ));
        assert!(matches!(
            Statute::parse("id = \"x\"\nversion = 1\nlabel = \"X\"\n", "e.toml"),
            Err(Error::BadDefinition { .. })
        ));
        assert!(matches!(
            Statute::parse("id = \n", "f.toml"),
            Err(Error::BadDefinition { line: 1, .. })
        ));
    }
}
