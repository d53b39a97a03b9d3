//! Types that hold secrets.
//!
//! None of them implements `Clone`, `Serialize` or `Display`; `Debug` prints a
//! placeholder; every one is zeroized when dropped. They are built from what
//! the user typed and passed by reference until dropped.

use std::fmt;
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

/// Something the user typed to unlock: a workspace or handover passphrase.
#[derive(Zeroize, ZeroizeOnDrop)]
pub struct Passphrase(String);

impl Passphrase {
    /// Takes ownership of the typed text.
    pub fn new(text: String) -> Self {
        Passphrase(text)
    }

    /// The bytes fed to the key derivation function. NFC normalisation is
    /// not applied: the same keyboard gives the same bytes.
    pub(crate) fn as_bytes(&self) -> &[u8] {
        self.0.as_bytes()
    }

    /// The text, for strength assessment only.
    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Passphrase(<redacted>)")
    }
}

/// A 256-bit symmetric key (workspace key, case key, derived keys).
#[derive(Zeroize, ZeroizeOnDrop)]
pub struct SecretKey([u8; 32]);

impl SecretKey {
    /// A fresh random key from the operating system's generator.
    pub fn random() -> crate::Result<Self> {
        let mut k = [0u8; 32];
        crate::crypto::fill_random(&mut k)?;
        Ok(SecretKey(k))
    }

    pub(crate) fn from_bytes(bytes: [u8; 32]) -> Self {
        SecretKey(bytes)
    }

    pub(crate) fn from_slice(bytes: &[u8]) -> Option<Self> {
        let arr: [u8; 32] = bytes.try_into().ok()?;
        Some(SecretKey(arr))
    }

    pub(crate) fn bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// The SQLCipher raw-key pragma value, `x'…'`, in a zeroizing string.
    /// With `salt`, SQLCipher uses that salt for a new file instead of a
    /// random one (used by handover files, whose key is derived from it).
    pub(crate) fn sqlcipher_pragma(&self, salt: Option<&[u8; 16]>) -> Zeroizing<String> {
        let mut s = Zeroizing::new(String::with_capacity(100));
        s.push_str("x'");
        push_hex(&mut s, &self.0);
        if let Some(salt) = salt {
            push_hex(&mut s, salt);
        }
        s.push('\'');
        s
    }
}

fn push_hex(s: &mut String, bytes: &[u8]) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    for b in bytes {
        s.push(HEX[(b >> 4) as usize] as char);
        s.push(HEX[(b & 15) as usize] as char);
    }
}

impl fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretKey(<redacted>)")
    }
}

/// The workspace recovery key: 256 random bits, shown once as
/// `VGL2-XXXX-XXXX-…`: 14 groups of Crockford-style base32, the last group a
/// check (20 bits of a hash of the key) so that a typo is caught before an
/// unlock attempt is spent. Keys printed by the first release (`VGL1-…`, 13
/// groups, no check) are still read.
#[derive(Zeroize, ZeroizeOnDrop)]
pub struct RecoveryKey(SecretKey);

/// Prefix of the printed recovery key, naming its format version.
const RECOVERY_PREFIX: &str = "VGL2";
/// The first release's prefix (no check group).
const RECOVERY_PREFIX_V1: &str = "VGL1";
/// Symbols of the key itself, and of its check group.
const KEY_SYMBOLS: usize = 52;
const CHECK_SYMBOLS: usize = 4;

/// The check group of a key: 20 bits of SHA-256 over a label and the key.
fn check_group(key: &[u8]) -> String {
    let mut data = b"vigil/recovery-check/v2".to_vec();
    data.extend_from_slice(key);
    let h = crate::crypto::sha256(&data);
    let bits = (u32::from(h[0]) << 12) | (u32::from(h[1]) << 4) | (u32::from(h[2]) >> 4);
    let alphabet = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    (0..CHECK_SYMBOLS)
        .map(|i| alphabet[((bits >> (5 * (CHECK_SYMBOLS - 1 - i))) & 31) as usize] as char)
        .collect()
}

impl RecoveryKey {
    pub(crate) fn random() -> crate::Result<Self> {
        Ok(RecoveryKey(SecretKey::random()?))
    }

    pub(crate) fn key(&self) -> &SecretKey {
        &self.0
    }

    /// Parses the printed form, forgiving case, spaces and hyphens.
    pub fn parse(text: &str) -> crate::Result<Self> {
        let mut cleaned: Zeroizing<String> = Zeroizing::new(
            text.chars()
                .filter(|c| !c.is_whitespace() && *c != '-')
                .map(|c| c.to_ascii_uppercase())
                .collect(),
        );
        let mut versioned = None;
        for (prefix, v) in [(RECOVERY_PREFIX, 2), (RECOVERY_PREFIX_V1, 1)] {
            if let Some(rest) = cleaned.strip_prefix(prefix) {
                let rest = rest.to_string();
                cleaned.zeroize();
                *cleaned = rest;
                versioned = Some(v);
                break;
            }
        }
        // Common misreadings: O for 0, I/L for 1.
        let normalised: Zeroizing<String> = Zeroizing::new(
            cleaned
                .chars()
                .map(|c| match c {
                    'O' => '0',
                    'I' | 'L' => '1',
                    c => c,
                })
                .collect(),
        );
        // With its check group (56 symbols), the key must match it; the first
        // release's keys (52 symbols) have none.
        let with_check = match (versioned, normalised.len()) {
            (Some(1), _) | (None, KEY_SYMBOLS) => false,
            (Some(2), _) | (None, _) => true,
            _ => true,
        };
        let (body, check) = if with_check {
            if normalised.len() != KEY_SYMBOLS + CHECK_SYMBOLS {
                return Err(crate::Error::validation(
                    "recovery key",
                    "it should be 14 groups of 4 characters after VGL2; check that no group is missing",
                ));
            }
            normalised.split_at(KEY_SYMBOLS)
        } else {
            (normalised.as_str(), "")
        };
        let bytes = Zeroizing::new(
            recovery_encoding()
                .decode(body.as_bytes())
                .map_err(|_| crate::Error::WrongRecoveryKey)?,
        );
        if with_check && bytes.len() == 32 && check_group(&bytes) != check {
            return Err(crate::Error::validation(
                "recovery key",
                "it has a typo (its last group does not match the others); compare it group by group with the printed key. No unlock attempt was used",
            ));
        }
        let key = SecretKey::from_slice(&bytes).ok_or(crate::Error::WrongRecoveryKey)?;
        Ok(RecoveryKey(key))
    }

    /// The printed form, to show the user once.
    pub fn to_printable(&self) -> Zeroizing<String> {
        let body = Zeroizing::new(recovery_encoding().encode(self.0.bytes()));
        let mut out = Zeroizing::new(String::with_capacity(80));
        out.push_str(RECOVERY_PREFIX);
        for chunk in body.as_bytes().chunks(4) {
            out.push('-');
            out.push_str(std::str::from_utf8(chunk).unwrap_or_default());
        }
        out.push('-');
        out.push_str(&check_group(self.0.bytes()));
        out
    }
}

fn recovery_encoding() -> data_encoding::Encoding {
    // Crockford base32 alphabet (no I, L, O, U), no padding.
    let mut spec = data_encoding::Specification::new();
    spec.symbols.push_str("0123456789ABCDEFGHJKMNPQRSTVWXYZ");
    #[allow(clippy::expect_used)] // a constant specification; covered by tests
    spec.encoding().expect("valid base32 specification")
}

impl fmt::Debug for RecoveryKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("RecoveryKey(<redacted>)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovery_key_round_trips_through_its_printed_form() {
        let k = RecoveryKey::random().unwrap();
        let printed = k.to_printable();
        assert!(printed.starts_with("VGL2-"));
        assert_eq!(
            printed.split('-').count(),
            15,
            "prefix and 14 groups: {}",
            printed.as_str()
        );
        let again = RecoveryKey::parse(&printed).unwrap();
        assert_eq!(k.key().bytes(), again.key().bytes());
        // Lower case, spaces instead of hyphens, O for 0 still parse.
        let sloppy = printed.to_lowercase().replace('-', " ").replace('0', "o");
        let again = RecoveryKey::parse(&sloppy).unwrap();
        assert_eq!(k.key().bytes(), again.key().bytes());
    }

    #[test]
    fn a_typo_in_the_recovery_key_is_caught_by_its_check_group() {
        let k = RecoveryKey::random().unwrap();
        let printed = k.to_printable().to_string();
        let alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        // Every single-character change in the key's groups is caught.
        let chars: Vec<char> = printed.chars().collect();
        let mut caught = 0;
        for (i, c) in chars.iter().enumerate().skip(5) {
            if *c == '-' || i >= printed.len() - 5 {
                continue;
            }
            let other = alphabet.chars().find(|a| a != c).unwrap();
            let mut typo = chars.clone();
            typo[i] = other;
            let typo: String = typo.into_iter().collect();
            // Refused while parsing: no unlock attempt is spent.
            match RecoveryKey::parse(&typo) {
                Err(_) => caught += 1,
                Ok(_) => panic!("typo at {i} not caught"),
            }
        }
        assert_eq!(caught, 52);
        // A key printed by the first release (no check group) still reads.
        let v1 = printed.replacen("VGL2", "VGL1", 1);
        let v1 = &v1[..v1.len() - 5];
        assert_eq!(
            RecoveryKey::parse(v1).unwrap().key().bytes(),
            k.key().bytes()
        );
    }

    #[test]
    fn mistyped_recovery_key_is_rejected() {
        assert!(matches!(
            RecoveryKey::parse("VGL1-ABCD"),
            Err(crate::Error::WrongRecoveryKey)
        ));
        assert!(RecoveryKey::parse("not a key at all!").is_err());
    }

    #[test]
    fn debug_never_shows_secrets() {
        let p = Passphrase::new("Correct-Horse-42".into());
        assert_eq!(format!("{p:?}"), "Passphrase(<redacted>)");
        let k = SecretKey::from_bytes([7; 32]);
        assert!(!format!("{k:?}").contains('7'));
    }
}
