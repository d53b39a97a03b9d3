//! Trusted signers: the investigators' certificates a supervisor has
//! confirmed by another channel (fingerprint read out or sent separately).

use super::model::{Named, SignerTrust, TrustState, TrustedSigner};
use crate::packet::sign;
use crate::store::review as db;
use crate::workspace::UnlockedWorkspace;
use crate::{crypto, Error, Result};

/// Fewest hex digits of a fingerprint a supervisor must confirm (64 bits).
pub const MIN_CONFIRM_DIGITS: usize = 16;

/// A fingerprint in groups of four, upper case, for reading aloud.
pub fn grouped(hex: &str) -> String {
    hex.to_uppercase()
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).to_string())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Hex digits only, lower case ("3F2A 91C0" → "3f2a91c0").
fn digits(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, ':' | '-' | '.'))
        .collect::<String>()
        .to_lowercase()
}

pub(crate) fn named(cert_der: &[u8]) -> Result<Named> {
    let [name, badge, unit, agency] = sign::subject_fields(cert_der)?;
    Ok(Named {
        name,
        badge,
        unit,
        agency,
    })
}

fn who(n: &Named) -> String {
    let mut parts = Vec::new();
    if !n.badge.is_empty() && n.badge != "-" {
        parts.push(format!("badge {}", n.badge));
    }
    for p in [&n.unit, &n.agency] {
        if !p.is_empty() && p != "-" {
            parts.push(p.clone());
        }
    }
    let name = if n.name.is_empty() {
        "an unnamed signer"
    } else {
        &n.name
    };
    if parts.is_empty() {
        name.to_string()
    } else {
        format!("{name} ({})", parts.join(", "))
    }
}

fn same_person(a: &Named, b: &Named) -> bool {
    let norm = |s: &str| s.trim().to_lowercase();
    (!a.name.trim().is_empty() && norm(&a.name) == norm(&b.name))
        || (!a.badge.trim().is_empty()
            && a.badge != "-"
            && norm(&a.badge) == norm(&b.badge)
            && norm(&a.agency) == norm(&b.agency))
}

/// The certificate in a packet (its signature must hold), a review file, or
/// a certificate file (DER or PEM).
pub(crate) fn certificate_in(bytes: &[u8]) -> Result<Vec<u8>> {
    if bytes.starts_with(b"%PDF") {
        return crate::packet::packet_certificate(bytes).ok_or_else(|| Error::ReviewRefused {
            reason: "this packet's signature does not hold, so its certificate cannot be trusted"
                .into(),
        });
    }
    if bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{') {
        return super::file::read(bytes).map(|(_, cert)| cert);
    }
    sign::certificate_from_file_bytes(bytes).ok_or_else(|| Error::ReviewRefused {
        reason: "no certificate found: choose a signed packet (.pdf), a review file (.json) or a certificate (.cer, .pem)".into(),
    })
}

impl UnlockedWorkspace {
    /// The certificates this workspace trusts, by name.
    pub fn trusted_signers(&self) -> Result<Vec<TrustedSigner>> {
        Ok(db::signers(&self.db)?
            .into_iter()
            .map(|r| {
                let [name, badge, unit, agency] = r.fields;
                TrustedSigner {
                    grouped: grouped(&r.fingerprint),
                    fingerprint: r.fingerprint,
                    subject: r.subject,
                    named: Named {
                        name,
                        badge,
                        unit,
                        agency,
                    },
                    trusted_at: r.trusted_at,
                    trusted_by: r.trusted_by,
                }
            })
            .collect())
    }

    /// Whether this workspace trusts `cert_der` (`None`: no valid signature).
    pub(crate) fn trust_of(&self, cert_der: Option<&[u8]>) -> Result<SignerTrust> {
        let Some(cert) = cert_der else {
            return Ok(SignerTrust {
                state: TrustState::Unsigned,
                named: Named::default(),
                fingerprint: String::new(),
                grouped: String::new(),
                trusted_fingerprints: Vec::new(),
                message: "The signature does not hold, so nobody can be named as the signer. Do not rely on this file.".into(),
            });
        };
        let fingerprint = crypto::to_hex(&crypto::sha256(cert));
        let n = named(cert)?;
        let trusted = self.trusted_signers()?;
        let (state, message, others) = if let Some(t) =
            trusted.iter().find(|t| t.fingerprint == fingerprint)
        {
            (
                TrustState::Trusted,
                format!(
                    "Signed by {}, a signer this workspace trusts (since {}).",
                    who(&n),
                    t.trusted_at.get(..10).unwrap_or(&t.trusted_at)
                ),
                Vec::new(),
            )
        } else {
            let others: Vec<String> = trusted
                .iter()
                .filter(|t| same_person(&t.named, &n))
                .map(|t| t.fingerprint.clone())
                .collect();
            if others.is_empty() {
                (
                        TrustState::Unknown,
                        format!(
                            "Signed by {}, whose certificate this workspace does not trust yet. Compare the fingerprint below with the one the signer reads out or sends by another channel, then trust it.",
                            who(&n)
                        ),
                        others,
                    )
            } else {
                (
                        TrustState::Conflict,
                        format!(
                            "WARNING: signed with a different key from the one this workspace trusts for {}. It may be forged, or the signer may have a new key. Do not act on it until you have spoken to them and compared the fingerprint.",
                            who(&n)
                        ),
                        others,
                    )
            }
        };
        Ok(SignerTrust {
            state,
            named: n,
            grouped: grouped(&fingerprint),
            fingerprint,
            trusted_fingerprints: others,
            message,
        })
    }

    /// Who signed a packet, review file or certificate file, and whether this
    /// workspace trusts them (to show the fingerprint before trusting).
    pub fn describe_signer(&self, bytes: &[u8]) -> Result<SignerTrust> {
        let cert = certificate_in(bytes)?;
        self.trust_of(Some(&cert))
    }

    /// Trusts the certificate in `bytes` (a signed packet, a review file or a
    /// certificate file) once the supervisor has typed the fingerprint they
    /// heard or were sent: at least [`MIN_CONFIRM_DIGITS`] hex digits, all
    /// matching from the start.
    pub fn trust_signer(&mut self, bytes: &[u8], heard: &str) -> Result<TrustedSigner> {
        let cert = certificate_in(bytes)?;
        let fingerprint = crypto::to_hex(&crypto::sha256(&cert));
        let heard = digits(heard);
        if heard.len() < MIN_CONFIRM_DIGITS || !heard.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(Error::validation(
                "fingerprint",
                format!("type at least the first {MIN_CONFIRM_DIGITS} characters of the fingerprint the signer gave you (0-9, A-F)"),
            ));
        }
        if !fingerprint.starts_with(&heard) {
            return Err(Error::ReviewRefused {
                reason: "the fingerprint you were given does not match this certificate: do not trust it. Check with the signer by another channel".into(),
            });
        }
        let n = named(&cert)?;
        let subject = sign::summarize(&cert)?.subject;
        let row = db::SignerRow {
            fingerprint: fingerprint.clone(),
            subject,
            fields: [n.name, n.badge, n.unit, n.agency],
            trusted_at: crate::now_rfc3339(),
            trusted_by: self.actor(),
        };
        self.write_db(|tx| db::add_signer(tx, &row, &cert))?;
        self.trusted_signers()?
            .into_iter()
            .find(|t| t.fingerprint == fingerprint)
            .ok_or(Error::NotFound {
                kind: "signer",
                id: fingerprint,
            })
    }

    /// Stops trusting a certificate, by its fingerprint or a unique start of it.
    pub fn remove_signer(&mut self, fingerprint: &str) -> Result<TrustedSigner> {
        let want = digits(fingerprint);
        let matches: Vec<TrustedSigner> = self
            .trusted_signers()?
            .into_iter()
            .filter(|t| !want.is_empty() && t.fingerprint.starts_with(&want))
            .collect();
        let [one] = <[TrustedSigner; 1]>::try_from(matches).map_err(|m| {
            if m.is_empty() {
                Error::NotFound {
                    kind: "trusted signer",
                    id: fingerprint.to_string(),
                }
            } else {
                Error::validation(
                    "fingerprint",
                    "more than one signer starts so: give more of it",
                )
            }
        })?;
        self.write_db(|tx| db::remove_signer(tx, &one.fingerprint))?;
        Ok(one)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_read_in_fours() {
        assert_eq!(grouped("3f2a91c0ab"), "3F2A 91C0 AB");
        assert_eq!(digits("3F2A 91C0:ab-12"), "3f2a91c0ab12");
    }

    #[test]
    fn the_same_person_is_found_by_name_or_badge() {
        let a = Named {
            name: "Dana Reyes".into(),
            badge: "4471".into(),
            unit: "TMU".into(),
            agency: "Eastfield PD".into(),
        };
        let mut b = a.clone();
        b.name = "dana reyes ".into();
        assert!(same_person(&a, &b));
        b.name = "D. Reyes".into();
        assert!(same_person(&a, &b));
        b.badge = "9".into();
        assert!(!same_person(&a, &b));
    }
}
