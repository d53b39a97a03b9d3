//! SQL of incidents, their witnesses and tags, and the timeline queries.

use crate::incident::*;
use crate::when::{self, Precision, When};
use crate::{Error, Result};
use rusqlite::types::Value as SqlValue;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension};

pub(crate) const ENTITY: &str = "incident";

pub(crate) fn state_hash(conn: &Connection, id: &str) -> Result<Option<String>> {
    super::rowhash::record_hash(
        conn,
        "SELECT * FROM incident WHERE id = ?1",
        &[
            "SELECT person_id FROM incident_witness WHERE incident_id = ?1 ORDER BY person_id",
            "SELECT tag FROM incident_tag WHERE incident_id = ?1 ORDER BY tag",
        ],
        id,
    )
}

/// Source of an imported row.
pub(crate) struct Origin<'a> {
    pub sha256: Option<&'a str>,
    pub line: Option<i64>,
}

pub(crate) fn insert(
    conn: &Connection,
    id: &str,
    p: &Prepared,
    origin: &Origin<'_>,
    now: &str,
) -> Result<()> {
    let i = &p.input;
    let reported_to = i
        .reported_to
        .as_ref()
        .map(|r| serde_json::to_string(r).unwrap_or_default());
    conn.prepare_cached(
        "INSERT INTO incident (id, occurred_text, occurred_from, occurred_to, precision, tz, occurred_display,
            discovered_text, reported_text, category, grp, method, location_text, place_type, jurisdiction,
            narrative, suspect_words, weapons, children_present, suspect_id, attribution, fear_level,
            victim_words, victim_changes, reported_to, source, source_sha256, source_line, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,
                 ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?29)",
    )?
    .execute(params![
        id,
        i.occurred,
        p.occurred.from,
        p.occurred.to,
        p.occurred.precision.as_str(),
        p.occurred.tz,
        p.occurred.display,
        i.discovered,
        i.reported,
        i.category,
        p.group,
        i.method.as_str(),
        i.location_text,
        i.place_type.as_str(),
        i.jurisdiction,
        i.narrative,
        i.suspect_words,
        i.weapons,
        i.children_present,
        i.suspect_id,
        i.attribution.as_str(),
        i.fear_level.as_str(),
        i.victim_words,
        i.victim_changes,
        reported_to,
        i.source.as_str(),
        origin.sha256,
        origin.line,
        now,
    ])?;
    insert_links(conn, id, i)
}

fn insert_links(conn: &Connection, id: &str, i: &IncidentInput) -> Result<()> {
    let mut w = conn
        .prepare_cached("INSERT INTO incident_witness (incident_id, person_id) VALUES (?1, ?2)")?;
    for p in &i.witness_ids {
        w.execute(params![id, p])?;
    }
    let mut t =
        conn.prepare_cached("INSERT INTO incident_tag (incident_id, tag) VALUES (?1, ?2)")?;
    for tag in &i.tags {
        t.execute(params![id, tag])?;
    }
    Ok(())
}

pub(crate) fn update(conn: &Connection, id: &str, p: &Prepared, now: &str) -> Result<()> {
    let i = &p.input;
    let reported_to = i
        .reported_to
        .as_ref()
        .map(|r| serde_json::to_string(r).unwrap_or_default());
    let n = conn.execute(
        "UPDATE incident SET occurred_text = ?2, occurred_from = ?3, occurred_to = ?4, precision = ?5, tz = ?6,
            occurred_display = ?7, discovered_text = ?8, reported_text = ?9, category = ?10, grp = ?11, method = ?12,
            location_text = ?13, place_type = ?14, jurisdiction = ?15, narrative = ?16, suspect_words = ?17,
            weapons = ?18, children_present = ?19, suspect_id = ?20, attribution = ?21, fear_level = ?22,
            victim_words = ?23, victim_changes = ?24, reported_to = ?25, source = ?26, updated_at = ?27
         WHERE id = ?1",
        params![
            id,
            i.occurred,
            p.occurred.from,
            p.occurred.to,
            p.occurred.precision.as_str(),
            p.occurred.tz,
            p.occurred.display,
            i.discovered,
            i.reported,
            i.category,
            p.group,
            i.method.as_str(),
            i.location_text,
            i.place_type.as_str(),
            i.jurisdiction,
            i.narrative,
            i.suspect_words,
            i.weapons,
            i.children_present,
            i.suspect_id,
            i.attribution.as_str(),
            i.fear_level.as_str(),
            i.victim_words,
            i.victim_changes,
            reported_to,
            i.source.as_str(),
            now,
        ],
    )?;
    if n == 0 {
        return Err(Error::NotFound {
            kind: "incident",
            id: id.to_string(),
        });
    }
    conn.execute("DELETE FROM incident_witness WHERE incident_id = ?1", [id])?;
    conn.execute("DELETE FROM incident_tag WHERE incident_id = ?1", [id])?;
    insert_links(conn, id, i)
}

pub(crate) fn delete(conn: &Connection, id: &str) -> Result<bool> {
    Ok(conn.execute("DELETE FROM incident WHERE id = ?1", [id])? > 0)
}

pub(crate) fn person_exists(conn: &Connection, id: &str) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS(SELECT 1 FROM person WHERE id = ?1)",
        [id],
        |r| r.get(0),
    )?)
}

fn strings(conn: &Connection, sql: &str, id: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let v = stmt
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(v)
}

const SELECT_INCIDENT: &str = "SELECT id, occurred_text, occurred_from, occurred_to, precision, tz, occurred_display, discovered_text,
                    reported_text, category, grp, method, location_text, place_type, jurisdiction, narrative,
                    suspect_words, weapons, children_present, suspect_id, attribution, fear_level, victim_words,
                    victim_changes, reported_to, source, source_sha256, source_line, created_at, updated_at FROM incident";

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Incident> {
    let s = |i: usize| r.get::<_, String>(i);
    let tz: String = s(5)?;
    let reported_to: Option<String> = r.get(24)?;
    let input = IncidentInput {
        occurred: s(1)?,
        discovered: s(7)?,
        reported: s(8)?,
        tz: Some(tz.clone()),
        category: s(9)?,
        method: Method::parse(&s(11)?).unwrap_or(Method::Unknown),
        location_text: s(12)?,
        place_type: PlaceType::parse(&s(13)?).unwrap_or(PlaceType::Unknown),
        jurisdiction: s(14)?,
        narrative: s(15)?,
        suspect_words: s(16)?,
        weapons: s(17)?,
        children_present: r.get(18)?,
        suspect_id: r.get(19)?,
        attribution: Attribution::parse(&s(20)?).unwrap_or(Attribution::Unknown),
        witness_ids: vec![],
        fear_level: FearLevel::parse(&s(21)?).unwrap_or(FearLevel::Unknown),
        victim_words: s(22)?,
        victim_changes: s(23)?,
        reported_to: reported_to.and_then(|j| serde_json::from_str(&j).ok()),
        source: IncidentSource::parse(&s(25)?).unwrap_or(IncidentSource::Import),
        tags: vec![],
    };
    Ok(Incident {
        id: s(0)?,
        occurred: When {
            from: s(2)?,
            to: r.get(3)?,
            precision: Precision::parse(&s(4)?).unwrap_or(Precision::Approximate),
            tz,
            display: s(6)?,
        },
        discovered: None,
        reported: None,
        group: s(10)?,
        source_sha256: r.get(26)?,
        source_line: r.get(27)?,
        created_at: s(28)?,
        updated_at: s(29)?,
        input,
    })
}

fn finish(mut inc: Incident) -> Incident {
    let tz = inc.input.tz.clone();
    inc.discovered = Some(&inc.input.discovered)
        .filter(|t| !t.is_empty())
        .and_then(|t| when::parse(t, tz.as_deref()).ok());
    inc.reported = Some(&inc.input.reported)
        .filter(|t| !t.is_empty())
        .and_then(|t| when::parse(t, tz.as_deref()).ok());
    inc
}

pub(crate) fn get(conn: &Connection, id: &str) -> Result<Option<Incident>> {
    let row = conn
        .query_row(&format!("{SELECT_INCIDENT} WHERE id = ?1"), [id], from_row)
        .optional()?;
    let Some(mut inc) = row else { return Ok(None) };
    inc.input.witness_ids = strings(
        conn,
        "SELECT person_id FROM incident_witness WHERE incident_id = ?1 ORDER BY person_id",
        id,
    )?;
    inc.input.tags = strings(
        conn,
        "SELECT tag FROM incident_tag WHERE incident_id = ?1 ORDER BY tag",
        id,
    )?;
    Ok(Some(finish(inc)))
}

/// Every incident in chronological order, read in three queries (the
/// packet's chronology of thousands of incidents).
pub(crate) fn all(conn: &Connection) -> Result<Vec<Incident>> {
    let children = |sql: &str| -> Result<std::collections::HashMap<String, Vec<String>>> {
        let mut m: std::collections::HashMap<String, Vec<String>> =
            std::collections::HashMap::new();
        let mut stmt = conn.prepare(sql)?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            m.entry(r.get(0)?).or_default().push(r.get(1)?);
        }
        Ok(m)
    };
    let mut witnesses = children(
        "SELECT incident_id, person_id FROM incident_witness ORDER BY incident_id, person_id",
    )?;
    let mut tags = children("SELECT incident_id, tag FROM incident_tag ORDER BY incident_id, tag")?;
    let mut stmt = conn.prepare(&format!(
        "{SELECT_INCIDENT} ORDER BY occurred_from, created_at, id"
    ))?;
    let list = stmt
        .query_map([], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(list
        .into_iter()
        .map(|mut i| {
            i.input.witness_ids = witnesses.remove(&i.id).unwrap_or_default();
            i.input.tags = tags.remove(&i.id).unwrap_or_default();
            finish(i)
        })
        .collect())
}

/// WHERE clause and parameters for a filter.
fn filter_sql(f: &IncidentFilter) -> (String, Vec<SqlValue>) {
    let mut clauses = vec!["1 = 1".to_string()];
    let mut args: Vec<SqlValue> = vec![];
    let list =
        |col: &str, values: &[String], clauses: &mut Vec<String>, args: &mut Vec<SqlValue>| {
            if !values.is_empty() {
                clauses.push(format!(
                    "i.{col} IN ({})",
                    vec!["?"; values.len()].join(", ")
                ));
                args.extend(values.iter().map(|v| SqlValue::Text(v.clone())));
            }
        };
    list("grp", &f.groups, &mut clauses, &mut args);
    list("category", &f.categories, &mut clauses, &mut args);
    if let Some(p) = f.person_id.as_ref().filter(|p| !p.is_empty()) {
        clauses.push("(i.suspect_id = ? OR EXISTS (SELECT 1 FROM incident_witness w WHERE w.incident_id = i.id AND w.person_id = ?))".into());
        args.push(SqlValue::Text(p.clone()));
        args.push(SqlValue::Text(p.clone()));
    }
    // A window overlaps the filter's days.
    if let Some(from) = f.from.as_ref().filter(|s| !s.is_empty()) {
        clauses.push("coalesce(i.occurred_to, i.occurred_from) >= ?".into());
        args.push(SqlValue::Text(format!("{from}T00:00:00Z")));
    }
    if let Some(to) = f.to.as_ref().filter(|s| !s.is_empty()) {
        clauses.push("i.occurred_from <= ?".into());
        args.push(SqlValue::Text(format!("{to}T23:59:59Z")));
    }
    if let Some(tag) = f.tag.as_ref().filter(|s| !s.is_empty()) {
        clauses.push(
            "EXISTS (SELECT 1 FROM incident_tag t WHERE t.incident_id = i.id AND t.tag = ?)".into(),
        );
        args.push(SqlValue::Text(tag.to_lowercase()));
    }
    for word in f.text.split_whitespace().take(8) {
        let pattern = format!(
            "%{}%",
            word.replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_")
        );
        clauses.push(
            "(i.narrative LIKE ? ESCAPE '\\' OR i.location_text LIKE ? ESCAPE '\\' OR i.suspect_words LIKE ? ESCAPE '\\'
              OR i.victim_words LIKE ? ESCAPE '\\' OR i.occurred_text LIKE ? ESCAPE '\\')"
                .into(),
        );
        for _ in 0..5 {
            args.push(SqlValue::Text(pattern.clone()));
        }
    }
    (clauses.join(" AND "), args)
}

pub(crate) fn count(conn: &Connection, f: &IncidentFilter) -> Result<i64> {
    let (w, args) = filter_sql(f);
    Ok(conn.query_row(
        &format!("SELECT count(*) FROM incident i WHERE {w}"),
        params_from_iter(args),
        |r| r.get(0),
    )?)
}

/// A page of incidents. `system_groups` are the taxonomy's police-action
/// groups, which are never themselves order violations.
pub(crate) fn list(
    conn: &Connection,
    f: &IncidentFilter,
    offset: i64,
    limit: i64,
    system_groups: &[String],
) -> Result<Vec<IncidentSummary>> {
    let (w, mut args) = filter_sql(f);
    let system = system_groups
        .iter()
        .map(|g| format!("'{}'", g.replace('\'', "''")))
        .collect::<Vec<_>>()
        .join(", ");
    args.push(SqlValue::Integer(limit.clamp(0, 10_000)));
    args.push(SqlValue::Integer(offset.max(0)));
    let sql = format!(
        "SELECT i.id, i.occurred_from, i.occurred_to, i.precision, i.occurred_display, i.category, i.grp,
                substr(i.narrative, 1, 160), p.name,
                (SELECT group_concat(tag, char(31)) FROM (SELECT tag FROM incident_tag t WHERE t.incident_id = i.id ORDER BY tag)),
                i.source,
                i.grp NOT IN ({system}) AND EXISTS (SELECT 1 FROM protective_order o
                    WHERE i.occurred_from >= coalesce(o.served_on, o.issued_on) || 'T00:00:00Z'
                      AND (o.expires_on IS NULL OR i.occurred_from <= o.expires_on || 'T23:59:59Z'))
         FROM incident i LEFT JOIN person p ON p.id = i.suspect_id
         WHERE {w} ORDER BY i.occurred_from, i.created_at, i.id LIMIT ? OFFSET ?"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt
        .query_map(params_from_iter(args), |r| {
            let tags: Option<String> = r.get(9)?;
            Ok(IncidentSummary {
                id: r.get(0)?,
                from: r.get(1)?,
                to: r.get(2)?,
                precision: Precision::parse(&r.get::<_, String>(3)?)
                    .unwrap_or(Precision::Approximate),
                display: r.get(4)?,
                category: r.get(5)?,
                group: r.get(6)?,
                excerpt: r.get(7)?,
                suspect_name: r.get(8)?,
                tags: tags
                    .map(|t| t.split('\u{1f}').map(String::from).collect())
                    .unwrap_or_default(),
                order_violation: r.get(11)?,
                source: IncidentSource::parse(&r.get::<_, String>(10)?)
                    .unwrap_or(IncidentSource::Import),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Where an incident sits on the chart: (id, from, tz, group, category).
pub(crate) type Point = (String, String, String, String, String);

/// Every filtered incident's [`Point`], in time order.
pub(crate) fn points(conn: &Connection, f: &IncidentFilter) -> Result<Vec<Point>> {
    let (w, args) = filter_sql(f);
    let sql = format!("SELECT i.id, i.occurred_from, i.tz, i.grp, i.category FROM incident i WHERE {w} ORDER BY i.occurred_from");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt
        .query_map(params_from_iter(args), |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub(crate) fn tags(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached("SELECT DISTINCT tag FROM incident_tag ORDER BY tag")?;
    let v = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(v)
}

/// Incidents imported from the file with this SHA-256.
pub(crate) fn count_from_file(conn: &Connection, sha256: &str) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM incident WHERE source_sha256 = ?1",
        [sha256],
        |r| r.get(0),
    )?)
}
