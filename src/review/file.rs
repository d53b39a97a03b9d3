//! The review file: the supervisor's decision as JSON, signed with the same
//! identity and CMS design as the packet. The signature covers the compact
//! JSON of the `review` object exactly as this struct writes it, so any edit
//! of a value, an added field or a swapped certificate is refused.

use super::model::Review;
use crate::packet::sign::{self, Identity};
use crate::{crypto, Error, Result};
use serde::{Deserialize, Serialize};

/// The file's `format` field.
pub const FORMAT: &str = "vigil-review";
/// Largest review file read (a review is a few kilobytes).
const MAX_BYTES: usize = 4 * 1024 * 1024;

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Envelope {
    format: String,
    version: u32,
    review: Review,
    /// Detached CMS SignedData over SHA-256 of the review's compact JSON, base64.
    signature: String,
}

fn refused(reason: impl Into<String>) -> Error {
    Error::ReviewRefused {
        reason: reason.into(),
    }
}

fn signed_bytes(review: &Review) -> Result<Vec<u8>> {
    serde_json::to_vec(review).map_err(|_| Error::Crypto("review encoding"))
}

/// Signs `review` and returns the file's bytes.
pub(crate) fn seal(review: &Review, identity: &Identity) -> Result<Vec<u8>> {
    let digest = crypto::sha256(&signed_bytes(review)?);
    let cms = identity.sign_digest(&digest, chrono::Utc::now())?;
    let env = Envelope {
        format: FORMAT.into(),
        version: 1,
        review: review.clone(),
        signature: data_encoding::BASE64.encode(&cms),
    };
    let mut out = serde_json::to_vec_pretty(&env).map_err(|_| Error::Crypto("review encoding"))?;
    out.push(b'\n');
    Ok(out)
}

/// Reads a review file and checks its signature; returns the review and the
/// reviewer's certificate (DER).
pub fn read(bytes: &[u8]) -> Result<(Review, Vec<u8>)> {
    if bytes.len() > MAX_BYTES {
        return Err(refused(
            "this file is far larger than a review file: choose the .json file the supervisor sent",
        ));
    }
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|_| {
        refused("this is not a Vigil review file (it is not JSON): choose the .json file the supervisor sent")
    })?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(refused(
            "this is not a Vigil review file: choose the .json file the supervisor sent",
        ));
    }
    if value.get("version").and_then(|v| v.as_u64()) != Some(1) {
        return Err(refused(
            "this review file was written by a newer Vigil: update Vigil to read it",
        ));
    }
    let env: Envelope = serde_json::from_value(value).map_err(|e| {
        refused(format!(
            "the review file was edited after signing or is damaged ({e}); ask the supervisor to send it again"
        ))
    })?;
    let cms = data_encoding::BASE64
        .decode(env.signature.trim().as_bytes())
        .map_err(|_| {
            refused("the review file's signature is damaged; ask the supervisor to send it again")
        })?;
    let digest = crypto::sha256(&signed_bytes(&env.review)?);
    let check = sign::verify_cms(&cms, &digest).map_err(|e| {
        refused(format!(
            "the review file was changed after it was signed ({e}); do not act on it, and ask the supervisor to send it again"
        ))
    })?;
    let fp = crypto::to_hex(&crypto::sha256(&check.cert_der));
    if fp != env.review.reviewer_fingerprint {
        return Err(refused(
            "the review file is signed by another certificate than the reviewer it names; do not act on it",
        ));
    }
    Ok((env.review, check.cert_der))
}
