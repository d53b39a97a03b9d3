//! Key derivation and key wrapping.
//!
//! - Passphrases become keys through Argon2id with parameters stored next to
//!   the wrapped key, so they can be raised later without breaking old files.
//! - Keys are wrapped with XChaCha20-Poly1305 (random 192-bit nonces, so no
//!   nonce bookkeeping is needed) with associated data naming what the key is
//!   for, so a wrapped key cannot be swapped for another.
//! - Sub-keys are split off a key with HKDF-SHA-256 and a purpose label.

use crate::secret::{Passphrase, SecretKey};
use crate::{Error, Result};
use argon2::{Algorithm, Argon2, Params, Version};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::time::{Duration, Instant};

/// Argon2id cost parameters, stored with each envelope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    /// Memory in KiB.
    pub m_kib: u32,
    /// Passes over memory.
    pub t: u32,
    /// Lanes.
    pub p: u32,
}

/// The least memory we accept for a workspace passphrase: 64 MiB.
pub const MIN_KDF_MEMORY_KIB: u32 = 64 * 1024;
/// The most memory a key file may ask for: 1 GiB.
pub const MAX_KDF_MEMORY_KIB: u32 = 1024 * 1024;
/// The most passes a key file may ask for (calibration never goes above).
pub const MAX_KDF_PASSES: u32 = 64;

impl KdfParams {
    /// The floor: 64 MiB, one pass. Used by tests and as the start of calibration.
    pub const MINIMUM: KdfParams = KdfParams {
        m_kib: MIN_KDF_MEMORY_KIB,
        t: 1,
        p: 1,
    };

    /// Fixed parameters for handover files, format version 1: 128 MiB, three
    /// passes, one lane. A handover file travels, so it gets a heavier cost than
    /// the minimum; fixed so any Vigil can open any handover file of this version.
    pub const HANDOVER_V1: KdfParams = KdfParams {
        m_kib: 128 * 1024,
        t: 3,
        p: 1,
    };

    /// Raises the number of passes (at 64 MiB) until one derivation takes about
    /// `target` on this machine. Never goes below [`KdfParams::MINIMUM`].
    pub fn calibrate(target: Duration) -> Result<KdfParams> {
        // Time one and three passes: the difference is the cost of a pass,
        // the rest is fixed overhead (allocating and touching the memory).
        let time = |t: u32| -> Result<f64> {
            let start = Instant::now();
            let params = KdfParams {
                m_kib: MIN_KDF_MEMORY_KIB,
                t,
                p: 1,
            };
            let _ = derive_key(&Passphrase::new("calibration".into()), &[0u8; 16], params)?;
            Ok(start.elapsed().as_secs_f64())
        };
        let one = time(1)?;
        let three = time(3)?;
        let per_pass = ((three - one) / 2.0).max(1e-4);
        let overhead = (one - per_pass).max(0.0);
        let passes = ((target.as_secs_f64() - overhead) / per_pass).round();
        let t = passes.clamp(1.0, 64.0) as u32;
        Ok(KdfParams {
            m_kib: MIN_KDF_MEMORY_KIB,
            t,
            p: 1,
        })
    }

    /// Whether the parameters are within what Vigil ever writes: at least the
    /// floor, at most 1 GiB of memory, 64 passes and 16 lanes. Anything else in
    /// a key file is damage, and is refused before any memory is allocated.
    pub fn in_range(self) -> bool {
        (MIN_KDF_MEMORY_KIB..=MAX_KDF_MEMORY_KIB).contains(&self.m_kib)
            && (1..=MAX_KDF_PASSES).contains(&self.t)
            && (1..=16).contains(&self.p)
    }

    fn validate(self) -> Result<Params> {
        if !self.in_range() {
            return Err(Error::Crypto("key-derivation parameters out of range"));
        }
        Params::new(self.m_kib, self.t, self.p, Some(32))
            .map_err(|_| Error::Crypto("bad Argon2 parameters"))
    }
}

/// Argon2id(passphrase, salt) → 256-bit key.
pub fn derive_key(passphrase: &Passphrase, salt: &[u8], params: KdfParams) -> Result<SecretKey> {
    let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, params.validate()?);
    let mut out = [0u8; 32];
    argon
        .hash_password_into(passphrase.as_bytes(), salt, &mut out)
        .map_err(|_| Error::Crypto("Argon2 failed"))?;
    let key = SecretKey::from_bytes(out);
    zeroize::Zeroize::zeroize(&mut out);
    Ok(key)
}

/// HKDF-SHA-256 sub-key of `key` for `purpose`.
pub fn subkey(key: &SecretKey, purpose: &str) -> SecretKey {
    let hk = hkdf::Hkdf::<Sha256>::new(None, key.bytes());
    let mut out = [0u8; 32];
    // 32 bytes is always a valid HKDF-SHA-256 output length.
    let _ = hk.expand(purpose.as_bytes(), &mut out);
    let key = SecretKey::from_bytes(out);
    zeroize::Zeroize::zeroize(&mut out);
    key
}

/// A key sealed under another key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wrapped {
    /// 24-byte XChaCha20 nonce.
    pub nonce: Vec<u8>,
    /// Ciphertext with its 16-byte tag.
    pub ciphertext: Vec<u8>,
}

/// Wraps `key` under `kek`, binding `aad` (what the key is for).
pub fn wrap(kek: &SecretKey, key: &SecretKey, aad: &[u8]) -> Result<Wrapped> {
    let cipher = XChaCha20Poly1305::new(kek.bytes().into());
    let mut nonce = [0u8; 24];
    fill_random(&mut nonce)?;
    let ciphertext = cipher
        .encrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: key.bytes(),
                aad,
            },
        )
        .map_err(|_| Error::Crypto("key wrapping failed"))?;
    Ok(Wrapped {
        nonce: nonce.to_vec(),
        ciphertext,
    })
}

/// Unwraps; `None` when the key-encryption key or the associated data is wrong
/// (or the envelope was altered).
pub fn unwrap(kek: &SecretKey, wrapped: &Wrapped, aad: &[u8]) -> Option<SecretKey> {
    if wrapped.nonce.len() != 24 {
        return None;
    }
    let cipher = XChaCha20Poly1305::new(kek.bytes().into());
    let plain = zeroize::Zeroizing::new(
        cipher
            .decrypt(
                XNonce::from_slice(&wrapped.nonce),
                Payload {
                    msg: &wrapped.ciphertext,
                    aad,
                },
            )
            .ok()?,
    );
    SecretKey::from_slice(&plain)
}

/// Fills `buf` from the operating system's random generator.
pub fn fill_random(buf: &mut [u8]) -> Result<()> {
    getrandom::fill(buf)
        .map_err(|_| Error::Crypto("the operating system's random generator failed"))
}

/// SHA-256 of `bytes`.
pub fn sha256(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

/// Lower-case hex.
pub fn to_hex(bytes: &[u8]) -> String {
    data_encoding::HEXLOWER.encode(bytes)
}

/// SHA-256 of a file, streamed, as hex.
pub fn sha256_file(path: &std::path::Path) -> Result<String> {
    use std::io::Read;
    let mut f = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = f.read(&mut buf).map_err(|e| Error::io(path, e))?;
        if n == 0 {
            break;
        }
        h.update(&buf[..n]);
    }
    Ok(to_hex(&h.finalize()))
}

/// A random identifier (128 bits, hex), for workspaces and cases.
pub fn random_id() -> Result<String> {
    let mut b = [0u8; 16];
    fill_random(&mut b)?;
    Ok(to_hex(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_binds_key_and_purpose() {
        let kek = SecretKey::random().unwrap();
        let key = SecretKey::random().unwrap();
        let w = wrap(&kek, &key, b"case:1").unwrap();
        assert_eq!(unwrap(&kek, &w, b"case:1").unwrap().bytes(), key.bytes());
        assert!(
            unwrap(&kek, &w, b"case:2").is_none(),
            "other purpose must not unwrap"
        );
        assert!(unwrap(&SecretKey::random().unwrap(), &w, b"case:1").is_none());
        let mut bad = w.clone();
        bad.ciphertext[0] ^= 1;
        assert!(
            unwrap(&kek, &bad, b"case:1").is_none(),
            "altered envelope must not unwrap"
        );
    }

    #[test]
    fn argon2_is_deterministic_and_salted() {
        let p = Passphrase::new("Some-Passphrase-1".into());
        let a = derive_key(&p, b"0123456789abcdef", KdfParams::MINIMUM).unwrap();
        let b = derive_key(&p, b"0123456789abcdef", KdfParams::MINIMUM).unwrap();
        let c = derive_key(&p, b"fedcba9876543210", KdfParams::MINIMUM).unwrap();
        assert_eq!(a.bytes(), b.bytes());
        assert_ne!(a.bytes(), c.bytes());
    }

    #[test]
    fn weak_kdf_parameters_are_refused() {
        let p = Passphrase::new("x".into());
        let weak = KdfParams {
            m_kib: 1024,
            t: 1,
            p: 1,
        };
        assert!(derive_key(&p, b"0123456789abcdef", weak).is_err());
    }

    #[test]
    fn subkeys_differ_by_purpose() {
        let k = SecretKey::random().unwrap();
        assert_ne!(subkey(&k, "a").bytes(), subkey(&k, "b").bytes());
        assert_eq!(subkey(&k, "a").bytes(), subkey(&k, "a").bytes());
    }
}
