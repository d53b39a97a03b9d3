//! Incidents: each act in the course of conduct, with honest times, the
//! agency's category, where, what was said, who did it and how we know,
//! witnesses, the victim's fear and what they changed, and who it was
//! reported to.

use crate::case::validate_text;
use crate::person::word_enum;
use crate::taxonomy::Taxonomy;
use crate::when::{self, When};
use crate::{Error, Result};
use serde::{Deserialize, Serialize};

word_enum!(
    /// How the suspect is linked to the incident.
    Attribution {
        /// The victim or a witness saw the suspect.
        Seen = "seen",
        /// Phone or provider records.
        PhoneRecords = "phoneRecords",
        /// Other digital evidence (account, device, metadata).
        DigitalEvidence = "digitalEvidence",
        /// A witness links them.
        Witness = "witness",
        /// The suspect admitted it.
        Admitted = "admitted",
        /// Suspected, not yet shown.
        Suspected = "suspected",
        /// Not known.
        Unknown = "unknown",
    }
);

word_enum!(
    /// Kind of place.
    PlaceType {
        /// Victim's home.
        VictimHome = "victimHome",
        /// Victim's work.
        VictimWork = "victimWork",
        /// Victim's school.
        VictimSchool = "victimSchool",
        /// A public place.
        Public = "public",
        /// Online.
        Online = "online",
        /// Elsewhere.
        Other = "other",
        /// Not known.
        Unknown = "unknown",
    }
);

word_enum!(
    /// How afraid the victim was.
    FearLevel {
        /// Not afraid.
        None = "none",
        /// A little.
        Low = "low",
        /// Moderately.
        Moderate = "moderate",
        /// Very.
        High = "high",
        /// In fear for their life.
        Extreme = "extreme",
        /// Not asked or not said.
        Unknown = "unknown",
    }
);

word_enum!(
    /// Method or channel.
    Method {
        /// In person.
        InPerson = "inPerson",
        /// Phone call.
        PhoneCall = "phoneCall",
        /// Text or messaging app.
        Text = "text",
        /// E-mail.
        Email = "email",
        /// Social media.
        SocialMedia = "socialMedia",
        /// Post or delivery.
        Mail = "mail",
        /// Through someone else.
        ThirdParty = "thirdParty",
        /// A device (tracker, camera, stalkerware).
        Device = "device",
        /// Something else.
        Other = "other",
        /// Not known.
        Unknown = "unknown",
    }
);

word_enum!(
    /// Where the record came from.
    IncidentSource {
        /// The victim's own log.
        VictimLog = "victimLog",
        /// Interview of the victim.
        VictimInterview = "victimInterview",
        /// An officer saw it.
        OfficerObservation = "officerObservation",
        /// Another agency's report.
        OtherAgencyReport = "otherAgencyReport",
        /// Another import.
        Import = "import",
    }
);

/// Who it was reported to (absent = not reported).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ReportedTo {
    /// Agency.
    pub agency: String,
    /// Officer.
    pub officer: String,
    /// Badge.
    pub badge: String,
    /// Report number.
    pub report_number: String,
}

/// An incident as entered. Times are free text, parsed by the core.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct IncidentInput {
    /// When it happened, as said ("3/14/2026 9:30 pm", "early March 2026").
    pub occurred: String,
    /// When the victim found out, if different ("" = not given).
    pub discovered: String,
    /// When it was reported ("" = not given).
    pub reported: String,
    /// IANA zone it was recorded in (None = this computer's).
    pub tz: Option<String>,
    /// Category id from the taxonomy.
    pub category: String,
    /// Method or channel.
    pub method: Method,
    /// Where, in words.
    pub location_text: String,
    /// Kind of place.
    pub place_type: PlaceType,
    /// Jurisdiction.
    pub jurisdiction: String,
    /// What happened.
    pub narrative: String,
    /// The suspect's exact words, kept apart from the narrative.
    pub suspect_words: String,
    /// Weapons seen or mentioned.
    pub weapons: String,
    /// Children present (None = not known).
    pub children_present: Option<bool>,
    /// The suspect (a person id).
    pub suspect_id: Option<String>,
    /// How we know it was them.
    pub attribution: Attribution,
    /// Witnesses (person ids).
    pub witness_ids: Vec<String>,
    /// Fear.
    pub fear_level: FearLevel,
    /// The victim's own words about their fear.
    pub victim_words: String,
    /// What the victim changed afterwards.
    pub victim_changes: String,
    /// Who it was reported to.
    pub reported_to: Option<ReportedTo>,
    /// Where this record came from.
    pub source: IncidentSource,
    /// Tags.
    pub tags: Vec<String>,
}

/// A stored incident.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Incident {
    /// Id.
    pub id: String,
    /// What was entered.
    pub input: IncidentInput,
    /// Parsed time it happened.
    pub occurred: When,
    /// Parsed time discovered.
    pub discovered: Option<When>,
    /// Parsed time reported.
    pub reported: Option<When>,
    /// The category's group when it was saved.
    pub group: String,
    /// SHA-256 of the imported file it came from.
    pub source_sha256: Option<String>,
    /// Line in that file.
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub source_line: Option<i64>,
    /// Created.
    pub created_at: String,
    /// Last changed.
    pub updated_at: String,
}

/// One row of the timeline list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct IncidentSummary {
    /// Id.
    pub id: String,
    /// Start (UTC).
    pub from: String,
    /// End (UTC).
    pub to: Option<String>,
    /// Precision.
    pub precision: when::Precision,
    /// For people.
    pub display: String,
    /// Category id.
    pub category: String,
    /// Group id.
    pub group: String,
    /// Start of the narrative.
    pub excerpt: String,
    /// Suspect's name.
    pub suspect_name: Option<String>,
    /// Tags.
    pub tags: Vec<String>,
    /// Source.
    pub source: IncidentSource,
    /// Happened while a protective order was in force (served, not expired).
    pub order_violation: bool,
}

/// Timeline filters (all optional; empty = no filter).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct IncidentFilter {
    /// Groups to show.
    pub groups: Vec<String>,
    /// Categories to show.
    pub categories: Vec<String>,
    /// Incidents where this person is the suspect or a witness.
    pub person_id: Option<String>,
    /// From this date (YYYY-MM-DD, inclusive, UTC).
    pub from: Option<String>,
    /// To this date (inclusive).
    pub to: Option<String>,
    /// With this tag.
    pub tag: Option<String>,
    /// Words in the narrative, location, quotes or time text.
    pub text: String,
}

/// A page of the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct IncidentPage {
    /// Incidents matching the filter.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub total: i64,
    /// This page.
    pub rows: Vec<IncidentSummary>,
}

pub use crate::buckets::Bucket;

/// One bar of the chart: a bucket's incidents per group, and its court and
/// police events grouped by category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct HistogramBar {
    /// First day of the bucket (YYYY-MM-DD).
    pub start: String,
    /// Last day of the bucket (YYYY-MM-DD, inclusive).
    pub end: String,
    /// Incidents per behaviour group id (court and police events are marks).
    pub counts: std::collections::BTreeMap<String, u32>,
    /// Sum of `counts`.
    pub total: u32,
    /// Court and police events in the bucket, one entry per category.
    pub marks: Vec<MarkGroup>,
}

/// Court or police events of one category within a bucket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct MarkGroup {
    /// Category id.
    pub category: String,
    /// How many.
    pub count: u32,
    /// The first of them.
    pub first_incident_id: String,
    /// When the first happened (UTC).
    pub first_at: String,
}

/// The overview chart, ready to draw: at most 120 bars whatever the span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Histogram {
    /// Bucket size used.
    pub bucket: Bucket,
    /// False when the size asked for would have drawn too many bars and a
    /// coarser one was used.
    pub preferred_kept: bool,
    /// Bars from the first to the last bucket with incidents, gaps included.
    pub bars: Vec<HistogramBar>,
    /// Incidents in the bars.
    pub total: u32,
    /// The tallest bar.
    pub max: u32,
    /// Court and police events.
    pub mark_total: u32,
    /// Incidents per group over the whole chart.
    pub group_totals: std::collections::BTreeMap<String, u32>,
}

/// Longest narrative accepted.
const MAX_TEXT: usize = 50_000;

/// The validated, parsed form of an input, ready to store.
pub(crate) struct Prepared {
    pub input: IncidentInput,
    pub occurred: When,
    pub group: String,
}

fn optional_when(field: &'static str, text: &str, tz: Option<&str>) -> Result<Option<When>> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    when::parse(text, tz)
        .map(Some)
        .map_err(|e| Error::validation(field, e))
}

pub(crate) fn text(field: &'static str, s: &str, max: usize) -> Result<String> {
    let t = s.trim();
    if t.chars().count() > max {
        return Err(Error::validation(
            field,
            format!("use at most {max} characters"),
        ));
    }
    Ok(t.to_string())
}

impl IncidentInput {
    /// Checks and parses an input against the taxonomy.
    pub(crate) fn prepare(&self, taxonomy: &Taxonomy) -> Result<Prepared> {
        let tz = Some(when::resolve_tz(self.tz.as_deref()).name().to_string());
        let tzr = tz.as_deref();
        let occurred =
            when::parse(&self.occurred, tzr).map_err(|e| Error::validation("when", e))?;
        // Checked here so a typo is caught; shown from the text later.
        optional_when("discovered", &self.discovered, tzr)?;
        optional_when("reported", &self.reported, tzr)?;
        let category = taxonomy
            .category(self.category.trim())
            .ok_or_else(|| Error::validation("category", "choose a category from the list"))?;
        let mut tags: Vec<String> = self
            .tags
            .iter()
            .map(|t| t.trim().to_lowercase())
            .filter(|t| !t.is_empty())
            .map(|t| t.chars().take(60).collect())
            .collect();
        tags.sort();
        tags.dedup();
        let mut witness_ids: Vec<String> = self
            .witness_ids
            .iter()
            .map(|w| w.trim().to_string())
            .filter(|w| !w.is_empty())
            .collect();
        witness_ids.sort();
        witness_ids.dedup();
        let reported_to = match &self.reported_to {
            Some(r)
                if ![&r.agency, &r.officer, &r.badge, &r.report_number]
                    .iter()
                    .all(|s| s.trim().is_empty()) =>
            {
                Some(ReportedTo {
                    agency: text("reported to: agency", &r.agency, 200)?,
                    officer: text("reported to: officer", &r.officer, 200)?,
                    badge: text("reported to: badge", &r.badge, 60)?,
                    report_number: text("reported to: report number", &r.report_number, 80)?,
                })
            }
            _ => None,
        };
        let input = IncidentInput {
            occurred: validate_text("when", &self.occurred, 200)?,
            discovered: text("discovered", &self.discovered, 200)?,
            reported: text("reported", &self.reported, 200)?,
            tz,
            category: category.id.clone(),
            method: self.method,
            location_text: text("location", &self.location_text, 500)?,
            place_type: self.place_type,
            jurisdiction: text("jurisdiction", &self.jurisdiction, 200)?,
            narrative: text("narrative", &self.narrative, MAX_TEXT)?,
            suspect_words: text("suspect's words", &self.suspect_words, MAX_TEXT)?,
            weapons: text("weapons", &self.weapons, 1000)?,
            children_present: self.children_present,
            suspect_id: self
                .suspect_id
                .as_ref()
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty()),
            attribution: self.attribution,
            witness_ids,
            fear_level: self.fear_level,
            victim_words: text("victim's words", &self.victim_words, MAX_TEXT)?,
            victim_changes: text("what the victim changed", &self.victim_changes, MAX_TEXT)?,
            reported_to,
            source: self.source,
            tags,
        };
        Ok(Prepared {
            input,
            occurred,
            group: category.group.clone(),
        })
    }

    /// A blank input with the given time and category (for quick entry and imports).
    pub fn quick(occurred: &str, category: &str, narrative: &str) -> IncidentInput {
        IncidentInput {
            occurred: occurred.to_string(),
            discovered: String::new(),
            reported: String::new(),
            tz: None,
            category: category.to_string(),
            method: Method::Unknown,
            location_text: String::new(),
            place_type: PlaceType::Unknown,
            jurisdiction: String::new(),
            narrative: narrative.to_string(),
            suspect_words: String::new(),
            weapons: String::new(),
            children_present: None,
            suspect_id: None,
            attribution: Attribution::Unknown,
            witness_ids: vec![],
            fear_level: FearLevel::Unknown,
            victim_words: String::new(),
            victim_changes: String::new(),
            reported_to: None,
            source: IncidentSource::VictimInterview,
            tags: vec![],
        }
    }
}
