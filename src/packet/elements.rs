//! The elements matrix: each element of each charged statute against the
//! incidents and exhibits that support it, with gap warnings. Support comes
//! from links made by hand and from what the records already say (an act
//! attributed to the suspect is part of the course of conduct; a threat
//! category is a threat; a recorded fear level documents fear).

use super::model::*;
use super::statute::{ElementKind, Statute};
use crate::evidence::Exhibit;
use crate::incident::{Attribution, FearLevel, Incident};
use std::collections::{BTreeSet, HashMap, HashSet};

const THREAT_CATEGORIES: &[&str] = &[
    "threat",
    "impliedThreat",
    "threatToOthers",
    "weaponDisplay",
    "imageThreat",
];
const KNOWLEDGE_CATEGORIES: &[&str] = &["warningDelivered", "orderServed"];
const ORDER_CATEGORIES: &[&str] = &["orderViolation"];

/// What the matrix is computed from.
pub(crate) struct MatrixInput<'a> {
    pub statutes: &'a [Statute],
    pub incidents: &'a [Incident],
    pub exhibits: &'a [Exhibit],
    /// (record kind, record id, element kind word).
    pub links: &'a [(String, String, String)],
    /// Category id → label.
    pub category_label: &'a dyn Fn(&str) -> String,
    /// The protocol says the suspect was told to stop.
    pub told_to_stop: bool,
}

/// True when an incident's own data supports `kind`.
pub(crate) fn derived(i: &Incident, kind: ElementKind) -> bool {
    let cat = i.input.category.as_str();
    // An order or bail breach by the suspect is one of the acts too.
    let act = i.input.suspect_id.is_some()
        && i.input.attribution != Attribution::Unknown
        && ((i.group != "system" && i.group != "unclassified")
            || ["orderViolation", "bailBreach"].contains(&cat));
    match kind {
        ElementKind::CourseOfConduct | ElementKind::DirectedAt => act,
        ElementKind::Threat => THREAT_CATEGORIES.contains(&cat),
        ElementKind::Knowledge => KNOWLEDGE_CATEGORIES.contains(&cat),
        ElementKind::Fear => {
            !matches!(i.input.fear_level, FearLevel::None | FearLevel::Unknown)
                || !i.input.victim_words.trim().is_empty()
        }
        ElementKind::OrderInForce => ORDER_CATEGORIES.contains(&cat),
        ElementKind::PriorConviction | ElementKind::Interstate | ElementKind::Other => false,
    }
}

pub(crate) fn incident_label(i: &Incident, category_label: &dyn Fn(&str) -> String) -> String {
    format!(
        "{} — {}",
        i.occurred.display,
        category_label(&i.input.category)
    )
}

/// Builds the matrix and its gaps.
pub(crate) fn matrix(m: &MatrixInput<'_>) -> ElementsMatrix {
    let mut linked: HashMap<(&str, &str), HashSet<ElementKind>> = HashMap::new();
    for (rk, rid, el) in m.links {
        if let Some(k) = ElementKind::parse(el) {
            linked
                .entry((rk.as_str(), rid.as_str()))
                .or_default()
                .insert(k);
        }
    }
    let has_link =
        |rk: &str, id: &str, k: ElementKind| linked.get(&(rk, id)).is_some_and(|s| s.contains(&k));
    let support_for = |k: ElementKind| -> (Vec<Support>, Vec<Support>) {
        let mut inc = Vec::new();
        let mut inc_ids = BTreeSet::new();
        for i in m.incidents {
            let l = has_link("incident", &i.id, k);
            if l || derived(i, k) {
                inc.push(Support {
                    record: "incident".into(),
                    id: i.id.clone(),
                    label: incident_label(i, m.category_label),
                    linked: l,
                });
                inc_ids.insert(i.id.as_str());
            }
        }
        let mut ex = Vec::new();
        for e in m.exhibits {
            let l = has_link("exhibit", &e.id, k);
            let via = e
                .input
                .incident_ids
                .iter()
                .any(|x| inc_ids.contains(x.as_str()));
            if l || via {
                ex.push(Support {
                    record: "exhibit".into(),
                    id: e.id.clone(),
                    label: e.number.clone(),
                    linked: l,
                });
            }
        }
        (inc, ex)
    };
    let mut rows = Vec::new();
    let mut cache: HashMap<ElementKind, (Vec<Support>, Vec<Support>)> = HashMap::new();
    for s in m.statutes {
        for el in &s.elements {
            let (incidents, exhibits) = cache
                .entry(el.kind)
                .or_insert_with(|| support_for(el.kind))
                .clone();
            rows.push(ElementRow {
                statute_id: s.id.clone(),
                element: el.clone(),
                incidents,
                exhibits,
            });
        }
    }
    let mut gaps = Vec::new();
    let gap =
        |code: &str, level: GapLevel, message: String, s: Option<&str>, e: Option<&str>| Gap {
            code: code.into(),
            level,
            message,
            statute_id: s.map(String::from),
            element_id: e.map(String::from),
        };
    if m.statutes.is_empty() {
        gaps.push(gap(
            "noStatute",
            GapLevel::Serious,
            "No statute is chosen: choose the offences the case is charged under to see what each element needs.".into(),
            None,
            None,
        ));
    }
    let mut incidents_for =
        |k: ElementKind| cache.entry(k).or_insert_with(|| support_for(k)).0.len();
    let acts = incidents_for(ElementKind::CourseOfConduct);
    if acts < 2 {
        gaps.push(gap(
            "fewActs",
            GapLevel::Serious,
            format!(
                "Only {acts} act(s) are attributed to the suspect: a course of conduct needs at least two. Name the suspect and how it is known it was them on each incident."
            ),
            None,
            None,
        ));
    }
    if incidents_for(ElementKind::Fear) == 0 {
        gaps.push(gap(
            "noFear",
            GapLevel::Serious,
            "Fear or distress is documented for none of the incidents: record the victim's fear level and own words.".into(),
            None,
            None,
        ));
    }
    let told = incidents_for(ElementKind::Knowledge);
    if told == 0 && !m.told_to_stop {
        gaps.push(gap(
            "notToldToStop",
            GapLevel::Warning,
            "Nothing shows the suspect was told to stop (a request from the victim, a warning or a served order): knowledge is often the hardest element to prove.".into(),
            None,
            None,
        ));
    }
    for s in m.statutes {
        for el in s.elements.iter().filter(|e| !e.aggravator) {
            let Some(row) = rows
                .iter()
                .find(|r| r.statute_id == s.id && r.element.id == el.id)
            else {
                continue;
            };
            if el.kind == ElementKind::Threat && row.incidents.is_empty() && row.exhibits.is_empty()
            {
                gaps.push(gap(
                    "noThreat",
                    GapLevel::Serious,
                    format!("{}: the element \u{201c}{}\u{201d} needs a threat, and no incident or exhibit records one.", s.label, el.label),
                    Some(&s.id),
                    Some(&el.id),
                ));
            } else if row.incidents.is_empty()
                && row.exhibits.is_empty()
                && !matches!(el.kind, ElementKind::CourseOfConduct | ElementKind::Fear)
            {
                gaps.push(gap(
                    "unsupported",
                    GapLevel::Serious,
                    format!(
                        "{}: nothing supports \u{201c}{}\u{201d} yet.",
                        s.label, el.label
                    ),
                    Some(&s.id),
                    Some(&el.id),
                ));
            } else if !row.incidents.is_empty() && row.exhibits.is_empty() {
                gaps.push(gap(
                    "noExhibit",
                    GapLevel::Warning,
                    format!("{}: \u{201c}{}\u{201d} rests on accounts alone; no exhibit corroborates it.", s.label, el.label),
                    Some(&s.id),
                    Some(&el.id),
                ));
            }
        }
    }
    let mut by_record: HashMap<(String, String), Vec<ElementKind>> = HashMap::new();
    for ((rk, rid), set) in &linked {
        let mut v: Vec<ElementKind> = set.iter().copied().collect();
        v.sort_by_key(|k| k.as_str());
        by_record.insert((rk.to_string(), rid.to_string()), v);
    }
    let mut links: Vec<ElementLink> = by_record
        .into_iter()
        .map(|((record, id), elements)| ElementLink {
            record,
            id,
            elements,
        })
        .collect();
    links.sort_by(|a, b| (&a.record, &a.id).cmp(&(&b.record, &b.id)));
    ElementsMatrix {
        statutes: m.statutes.to_vec(),
        rows,
        gaps,
        links,
    }
}
