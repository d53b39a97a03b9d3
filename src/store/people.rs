//! SQL of people and their identifiers.

use crate::person::*;
use crate::{Error, Result};
use rusqlite::{params, Connection, OptionalExtension};

pub(crate) const ENTITY: &str = "person";

pub(crate) fn state_hash(conn: &Connection, id: &str) -> Result<Option<String>> {
    super::rowhash::record_hash(
        conn,
        "SELECT * FROM person WHERE id = ?1",
        &["SELECT * FROM identifier WHERE person_id = ?1 ORDER BY position"],
        id,
    )
}

pub(crate) fn upsert(
    conn: &Connection,
    id: &str,
    p: &PersonInput,
    now: &str,
    create: bool,
) -> Result<()> {
    if create {
        conn.execute(
            "INSERT INTO person (id, role, name, relationship, notes, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
            params![id, p.role.as_str(), p.name, p.relationship.as_str(), p.notes, now],
        )?;
    } else {
        let n = conn.execute(
            "UPDATE person SET role = ?2, name = ?3, relationship = ?4, notes = ?5, updated_at = ?6 WHERE id = ?1",
            params![id, p.role.as_str(), p.name, p.relationship.as_str(), p.notes, now],
        )?;
        if n == 0 {
            return Err(Error::NotFound {
                kind: "person",
                id: id.to_string(),
            });
        }
        conn.execute("DELETE FROM identifier WHERE person_id = ?1", [id])?;
    }
    let mut ins = conn.prepare_cached(
        "INSERT INTO identifier (id, person_id, position, kind, value, label, confidential) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (pos, i) in p.identifiers.iter().enumerate() {
        ins.execute(params![
            crate::crypto::random_id()?,
            id,
            pos as i64,
            i.kind.as_str(),
            i.value,
            i.label,
            i.confidential
        ])?;
    }
    Ok(())
}

fn identifiers(conn: &Connection, person_id: &str) -> Result<Vec<Identifier>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, kind, value, label, confidential FROM identifier WHERE person_id = ?1 ORDER BY position",
    )?;
    let rows = stmt
        .query_map([person_id], |r| {
            Ok(Identifier {
                id: r.get(0)?,
                kind: IdentifierKind::parse(&r.get::<_, String>(1)?)
                    .unwrap_or(IdentifierKind::Other),
                value: r.get(2)?,
                label: r.get(3)?,
                confidential: r.get(4)?,
                masked: false,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

fn person_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Person> {
    Ok(Person {
        id: r.get(0)?,
        role: PersonRole::parse(&r.get::<_, String>(1)?).unwrap_or(PersonRole::ThirdParty),
        name: r.get(2)?,
        relationship: Relationship::parse(&r.get::<_, String>(3)?).unwrap_or(Relationship::Unknown),
        notes: r.get(4)?,
        identifiers: vec![],
        created_at: r.get(5)?,
        updated_at: r.get(6)?,
    })
}

pub(crate) fn get(conn: &Connection, id: &str) -> Result<Option<Person>> {
    let p = conn
        .query_row(
            "SELECT id, role, name, relationship, notes, created_at, updated_at FROM person WHERE id = ?1",
            [id],
            person_row,
        )
        .optional()?;
    match p {
        Some(mut p) => {
            p.identifiers = identifiers(conn, &p.id)?;
            Ok(Some(p))
        }
        None => Ok(None),
    }
}

pub(crate) fn list(conn: &Connection) -> Result<Vec<Person>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, role, name, relationship, notes, created_at, updated_at FROM person
         ORDER BY CASE role WHEN 'victim' THEN 0 WHEN 'suspect' THEN 1 WHEN 'witness' THEN 2 ELSE 3 END, name",
    )?;
    let mut people = stmt
        .query_map([], person_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for p in &mut people {
        p.identifiers = identifiers(conn, &p.id)?;
    }
    Ok(people)
}

/// Incidents that name this person (as suspect or witness).
pub(crate) fn incident_links(conn: &Connection, id: &str) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT (SELECT count(*) FROM incident WHERE suspect_id = ?1) + (SELECT count(*) FROM incident_witness WHERE person_id = ?1)",
        [id],
        |r| r.get(0),
    )?)
}

pub(crate) fn delete(conn: &Connection, id: &str) -> Result<()> {
    conn.execute("DELETE FROM person WHERE id = ?1", [id])?;
    Ok(())
}

pub(crate) fn search(conn: &Connection, query: &str) -> Result<Vec<IdentifierHit>> {
    let q = query.trim().to_lowercase();
    let digits: String = q.chars().filter(|c| c.is_ascii_digit()).collect();
    if q.is_empty() {
        return Ok(vec![]);
    }
    let mut out = Vec::new();
    for p in list(conn)? {
        for i in &p.identifiers {
            let key = search_key(i.kind, &i.value);
            // A confidential value is found only by the whole of it, so a
            // search cannot be used to guess it a character at a time.
            let hit = if i.confidential {
                key == q || (i.kind == IdentifierKind::Phone && !digits.is_empty() && key == digits)
            } else {
                key.contains(&q)
                    || (i.kind == IdentifierKind::Phone
                        && digits.len() >= 3
                        && key.contains(&digits))
            } || i.label.to_lowercase().contains(&q);
            if hit {
                let mut identifier = i.clone();
                identifier.mask();
                out.push(IdentifierHit {
                    person_id: p.id.clone(),
                    person_name: p.name.clone(),
                    role: p.role,
                    identifier,
                });
            }
        }
    }
    Ok(out)
}
