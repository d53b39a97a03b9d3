//! The investigator's signing identity and the packet's standard PDF
//! signature: ECDSA P-256 over SHA-256 in a detached CMS SignedData
//! (`adbe.pkcs7.detached`), with a self-signed X.509 certificate. Any PDF
//! reader (poppler's `pdfsig`, Acrobat) can check it.
//!
//! The private key is kept as PKCS#8 in the workspace database, which is
//! itself encrypted (SQLCipher) under the workspace key.

use crate::{crypto, Error, Result};
use cms::cert::{CertificateChoices, IssuerAndSerialNumber};
use cms::content_info::{CmsVersion, ContentInfo};
use cms::signed_data::{
    CertificateSet, EncapsulatedContentInfo, SignedData, SignerIdentifier, SignerInfo, SignerInfos,
};
use der::asn1::{OctetString, SetOfVec, UtcTime};
use der::oid::ObjectIdentifier;
use der::{Any, Decode, Encode};
use p256::ecdsa::signature::{Signer, Verifier};
use p256::ecdsa::{DerSignature, SigningKey, VerifyingKey};
use p256::pkcs8::{DecodePrivateKey, EncodePrivateKey};
use spki::AlgorithmIdentifierOwned;
use std::str::FromStr;
use std::time::Duration;
use x509_cert::attr::{Attribute, AttributeValue};
use x509_cert::builder::{Builder, CertificateBuilder, Profile};
use x509_cert::name::Name;
use x509_cert::serial_number::SerialNumber;
use x509_cert::spki::SubjectPublicKeyInfoOwned;
use x509_cert::time::Validity;
use x509_cert::Certificate;

const ID_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.1");
const ID_SIGNED_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.2");
const ID_CONTENT_TYPE: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.3");
const ID_MESSAGE_DIGEST: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.4");
const ID_SIGNING_TIME: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.5");
const ID_SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.1");
const ID_ECDSA_SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.2");

fn der_err(_: impl std::fmt::Debug) -> Error {
    Error::Crypto("signature encoding")
}

/// The investigator's key and certificate.
pub(crate) struct Identity {
    key: SigningKey,
    /// The certificate, DER.
    pub cert_der: Vec<u8>,
}

/// Who a certificate names, and its fingerprint.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SignerInfoSummary {
    /// The certificate's subject, e.g. "CN=Dana Reyes, …".
    pub subject: String,
    /// SHA-256 of the certificate (DER), hex.
    pub fingerprint: String,
}

fn clean_rdn(s: &str) -> String {
    let t: String = s
        .chars()
        .map(|c| {
            if ",+=\"\\<>;#".contains(c) || c.is_control() {
                ' '
            } else {
                c
            }
        })
        .collect();
    let t = t.trim().to_string();
    if t.is_empty() {
        "-".to_string()
    } else {
        t
    }
}

impl Identity {
    /// A new key and a self-signed certificate naming the investigator.
    pub(crate) fn generate(name: &str, badge: &str, unit: &str, agency: &str) -> Result<Identity> {
        let key = loop {
            let mut b = [0u8; 32];
            crypto::fill_random(&mut b)?;
            if let Ok(k) = SigningKey::from_slice(&b) {
                break k;
            }
        };
        let subject = Name::from_str(&format!(
            "CN={},OU={},O={},serialNumber={}",
            clean_rdn(name),
            clean_rdn(unit),
            clean_rdn(agency),
            clean_rdn(badge)
        ))
        .map_err(der_err)?;
        let mut serial = [0u8; 16];
        crypto::fill_random(&mut serial)?;
        serial[0] &= 0x7f;
        let serial = SerialNumber::new(&serial).map_err(der_err)?;
        let validity =
            Validity::from_now(Duration::from_secs(10 * 366 * 24 * 3600)).map_err(der_err)?;
        let spki = SubjectPublicKeyInfoOwned::from_key(*key.verifying_key()).map_err(der_err)?;
        // Self-issued end-entity certificate: key usage digital signature and
        // non-repudiation (for signing documents), not a CA.
        let profile = Profile::Leaf {
            issuer: subject.clone(),
            enable_key_agreement: false,
            enable_key_encipherment: false,
        };
        let cert = CertificateBuilder::new(profile, serial, validity, subject, spki, &key)
            .map_err(der_err)?
            .build::<DerSignature>()
            .map_err(der_err)?;
        Ok(Identity {
            cert_der: cert.to_der().map_err(der_err)?,
            key,
        })
    }

    /// PKCS#8 DER of the private key (stored in the encrypted workspace database).
    pub(crate) fn key_pkcs8(&self) -> Result<zeroize::Zeroizing<Vec<u8>>> {
        Ok(zeroize::Zeroizing::new(
            self.key
                .to_pkcs8_der()
                .map_err(der_err)?
                .as_bytes()
                .to_vec(),
        ))
    }

    pub(crate) fn from_parts(key_pkcs8: &[u8], cert_der: &[u8]) -> Result<Identity> {
        Ok(Identity {
            key: SigningKey::from_pkcs8_der(key_pkcs8)
                .map_err(|_| Error::Crypto("the signing key does not load"))?,
            cert_der: cert_der.to_vec(),
        })
    }

    /// Subject and fingerprint of the certificate.
    pub(crate) fn summary(&self) -> Result<SignerInfoSummary> {
        summarize(&self.cert_der)
    }

    /// A detached CMS SignedData over `digest` (the SHA-256 of the signed bytes).
    pub(crate) fn sign_digest(
        &self,
        digest: &[u8; 32],
        at: chrono::DateTime<chrono::Utc>,
    ) -> Result<Vec<u8>> {
        let cert = Certificate::from_der(&self.cert_der).map_err(der_err)?;
        let sha256 = AlgorithmIdentifierOwned {
            oid: ID_SHA256,
            parameters: None,
        };
        let attr = |oid: ObjectIdentifier, value: Any| -> Result<Attribute> {
            let mut values = SetOfVec::<AttributeValue>::new();
            values.insert(value).map_err(der_err)?;
            Ok(Attribute { oid, values })
        };
        let time = UtcTime::from_unix_duration(Duration::from_secs(at.timestamp().max(0) as u64))
            .map_err(der_err)?;
        let mut signed_attrs = SetOfVec::<Attribute>::new();
        signed_attrs
            .insert(attr(
                ID_CONTENT_TYPE,
                Any::encode_from(&ID_DATA).map_err(der_err)?,
            )?)
            .map_err(der_err)?;
        signed_attrs
            .insert(attr(
                ID_SIGNING_TIME,
                Any::encode_from(&time).map_err(der_err)?,
            )?)
            .map_err(der_err)?;
        signed_attrs
            .insert(attr(
                ID_MESSAGE_DIGEST,
                Any::encode_from(&OctetString::new(digest.to_vec()).map_err(der_err)?)
                    .map_err(der_err)?,
            )?)
            .map_err(der_err)?;
        // The signature covers the DER SET OF the signed attributes.
        let to_sign = signed_attrs.to_der().map_err(der_err)?;
        let sig: DerSignature = self.key.sign(&to_sign);
        let signer = SignerInfo {
            version: CmsVersion::V1,
            sid: SignerIdentifier::IssuerAndSerialNumber(IssuerAndSerialNumber {
                issuer: cert.tbs_certificate.issuer.clone(),
                serial_number: cert.tbs_certificate.serial_number.clone(),
            }),
            digest_alg: sha256.clone(),
            signed_attrs: Some(signed_attrs),
            signature_algorithm: AlgorithmIdentifierOwned {
                oid: ID_ECDSA_SHA256,
                parameters: None,
            },
            signature: OctetString::new(sig.as_bytes().to_vec()).map_err(der_err)?,
            unsigned_attrs: None,
        };
        let mut digests = SetOfVec::new();
        digests.insert(sha256).map_err(der_err)?;
        let mut certs = SetOfVec::new();
        certs
            .insert(CertificateChoices::Certificate(cert))
            .map_err(der_err)?;
        let mut signers = SetOfVec::new();
        signers.insert(signer).map_err(der_err)?;
        let sd = SignedData {
            version: CmsVersion::V1,
            digest_algorithms: digests,
            encap_content_info: EncapsulatedContentInfo {
                econtent_type: ID_DATA,
                econtent: None,
            },
            certificates: Some(CertificateSet(certs)),
            crls: None,
            signer_infos: SignerInfos(signers),
        };
        let ci = ContentInfo {
            content_type: ID_SIGNED_DATA,
            content: Any::encode_from(&sd).map_err(der_err)?,
        };
        ci.to_der().map_err(der_err)
    }
}

/// Subject and fingerprint of a DER certificate.
pub fn summarize(cert_der: &[u8]) -> Result<SignerInfoSummary> {
    let cert = Certificate::from_der(cert_der).map_err(der_err)?;
    Ok(SignerInfoSummary {
        subject: cert.tbs_certificate.subject.to_string(),
        fingerprint: crypto::to_hex(&crypto::sha256(cert_der)),
    })
}

/// (name, badge, unit, agency) as a certificate's subject gives them (CN,
/// serialNumber, OU, O); empty where absent.
pub(crate) fn subject_fields(cert_der: &[u8]) -> Result<[String; 4]> {
    let cert = Certificate::from_der(cert_der).map_err(der_err)?;
    let mut out: [String; 4] = Default::default();
    for rdn in cert.tbs_certificate.subject.0.iter() {
        for atv in rdn.0.iter() {
            let slot = match atv.oid.to_string().as_str() {
                "2.5.4.3" => 0,
                "2.5.4.5" => 1,
                "2.5.4.11" => 2,
                "2.5.4.10" => 3,
                _ => continue,
            };
            let text = atv
                .value
                .decode_as::<der::asn1::Utf8StringRef<'_>>()
                .map(|s| s.as_str().to_string())
                .or_else(|_| {
                    atv.value
                        .decode_as::<der::asn1::PrintableStringRef<'_>>()
                        .map(|s| s.as_str().to_string())
                })
                .or_else(|_| {
                    atv.value
                        .decode_as::<der::asn1::Ia5StringRef<'_>>()
                        .map(|s| s.as_str().to_string())
                })
                .unwrap_or_default();
            out[slot] = text;
        }
    }
    Ok(out)
}

/// A certificate read from a file: DER or PEM.
pub(crate) fn certificate_from_file_bytes(bytes: &[u8]) -> Option<Vec<u8>> {
    let text = std::str::from_utf8(bytes).ok();
    let der = match text.and_then(|t| t.split("-----BEGIN CERTIFICATE-----").nth(1)) {
        Some(rest) => {
            let body: String = rest
                .split("-----END CERTIFICATE-----")
                .next()?
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            data_encoding::BASE64.decode(body.as_bytes()).ok()?
        }
        None => bytes.to_vec(),
    };
    Certificate::from_der(&der).ok()?;
    Some(der)
}

/// What checking a CMS signature found.
pub(crate) struct CmsCheck {
    /// The signer's certificate (DER).
    pub cert_der: Vec<u8>,
    /// When the signer says it signed (RFC 3339).
    pub signed_at: Option<String>,
}

/// Checks a detached CMS SignedData against `digest`: the message digest
/// attribute must equal it and the ECDSA signature over the signed
/// attributes must verify with the embedded certificate's key.
pub(crate) fn verify_cms(
    cms_der: &[u8],
    digest: &[u8; 32],
) -> std::result::Result<CmsCheck, String> {
    let ci = ContentInfo::from_der(cms_der)
        .map_err(|_| "the signature block is not valid CMS".to_string())?;
    if ci.content_type != ID_SIGNED_DATA {
        return Err("the signature block is not CMS signed data".into());
    }
    let sd: SignedData = ci
        .content
        .decode_as()
        .map_err(|_| "the signed data cannot be read".to_string())?;
    let signer = sd
        .signer_infos
        .0
        .iter()
        .next()
        .ok_or("there is no signer")?;
    let certs = sd
        .certificates
        .as_ref()
        .ok_or("the signer's certificate is missing")?;
    let cert = certs
        .0
        .iter()
        .find_map(|c| match c {
            CertificateChoices::Certificate(c) => Some(c.clone()),
            _ => None,
        })
        .ok_or("the signer's certificate is missing")?;
    if let SignerIdentifier::IssuerAndSerialNumber(ias) = &signer.sid {
        if ias.serial_number != cert.tbs_certificate.serial_number
            || ias.issuer != cert.tbs_certificate.issuer
        {
            return Err("the signer is not the certificate holder".into());
        }
    }
    if signer.signature_algorithm.oid != ID_ECDSA_SHA256 || signer.digest_alg.oid != ID_SHA256 {
        return Err("the signature does not use ECDSA with SHA-256".into());
    }
    let attrs = signer
        .signed_attrs
        .as_ref()
        .ok_or("the signed attributes are missing")?;
    let md = attrs
        .iter()
        .find(|a| a.oid == ID_MESSAGE_DIGEST)
        .and_then(|a| a.values.iter().next())
        .and_then(|v| v.decode_as::<OctetString>().ok())
        .ok_or("the message digest is missing")?;
    if md.as_bytes() != digest {
        return Err(
            "the document's bytes do not match what was signed (changed after signing)".into(),
        );
    }
    let signed_at = attrs
        .iter()
        .find(|a| a.oid == ID_SIGNING_TIME)
        .and_then(|a| a.values.iter().next())
        .and_then(|v| v.decode_as::<UtcTime>().ok())
        .and_then(|t| {
            chrono::DateTime::<chrono::Utc>::from_timestamp(
                t.to_unix_duration().as_secs() as i64,
                0,
            )
        })
        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
    let spki = &cert.tbs_certificate.subject_public_key_info;
    let vk = VerifyingKey::from_sec1_bytes(spki.subject_public_key.raw_bytes())
        .map_err(|_| "the certificate's key is not a P-256 key".to_string())?;
    let sig = DerSignature::from_bytes(signer.signature.as_bytes())
        .map_err(|_| "the signature value is malformed".to_string())?;
    let to_check = attrs
        .to_der()
        .map_err(|_| "the signed attributes cannot be encoded".to_string())?;
    vk.verify(&to_check, &sig)
        .map_err(|_| "the signature does not verify with the signer's key".to_string())?;
    Ok(CmsCheck {
        cert_der: cert
            .to_der()
            .map_err(|_| "certificate encoding".to_string())?,
        signed_at,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_verifies_and_fails_on_another_digest() {
        let id = Identity::generate("José Núñez", "4471", "TMU", "Eastfield PD").unwrap();
        let digest = crypto::sha256(b"the packet");
        let cms = id.sign_digest(&digest, chrono::Utc::now()).unwrap();
        let ok = verify_cms(&cms, &digest).unwrap();
        assert_eq!(ok.cert_der, id.cert_der);
        assert!(verify_cms(&cms, &crypto::sha256(b"another")).is_err());
        let s = id.summary().unwrap();
        assert!(s.subject.contains("CN=José Núñez"), "{}", s.subject);
        // The key survives storage.
        let again = Identity::from_parts(&id.key_pkcs8().unwrap(), &id.cert_der).unwrap();
        let cms2 = again.sign_digest(&digest, chrono::Utc::now()).unwrap();
        assert!(verify_cms(&cms2, &digest).is_ok());
    }
}
