//! State hashes of stored records for the audit chain: SHA-256 of a record's
//! columns exactly as stored (plus its child rows), so `verify` can tell
//! whether a record is still as its last audit event describes.

use crate::crypto::{sha256, to_hex};
use crate::Result;
use rusqlite::types::ValueRef;
use rusqlite::Connection;
use serde_json::{Map, Value};

fn value(v: ValueRef<'_>) -> Value {
    match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::from(i),
        ValueRef::Real(f) => Value::from(f),
        ValueRef::Text(t) => Value::from(String::from_utf8_lossy(t).to_string()),
        ValueRef::Blob(b) => Value::from(to_hex(b)),
    }
}

/// Every row `sql` returns, as JSON objects in the order returned.
pub(crate) fn rows_json(conn: &Connection, sql: &str, id: &str) -> Result<Vec<Value>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let names: Vec<String> = stmt.column_names().map(String::from).collect();
    let mut rows = stmt.query([id])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let mut m = Map::new();
        for (i, n) in names.iter().enumerate() {
            m.insert(n.clone(), value(r.get_ref(i)?));
        }
        out.push(Value::Object(m));
    }
    Ok(out)
}

/// Hash of a record made of a main row and child row sets; `None` if the
/// main row does not exist.
pub(crate) fn record_hash(
    conn: &Connection,
    main: &str,
    children: &[&str],
    id: &str,
) -> Result<Option<String>> {
    let main_rows = rows_json(conn, main, id)?;
    let Some(first) = main_rows.into_iter().next() else {
        return Ok(None);
    };
    let mut parts = vec![first];
    for c in children {
        parts.push(Value::Array(rows_json(conn, c, id)?));
    }
    let bytes = serde_json::to_vec(&Value::Array(parts))
        .map_err(|_| crate::Error::Crypto("record encoding"))?;
    Ok(Some(to_hex(&sha256(&bytes))))
}
