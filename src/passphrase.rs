//! Passphrase rules for the workspace passphrase.
//!
//! The floor follows the CJIS Security Policy's password section: at least
//! ten characters drawn from at least three character classes, not built from
//! the user's own identifiers. On top of that a rough strength estimate drives
//! the meter; it never replaces the rules.

use crate::secret::Passphrase;
use serde::Serialize;

/// Shortest accepted passphrase, in characters.
pub const MIN_LENGTH: usize = 10;
/// Character classes required out of four.
pub const MIN_CLASSES: usize = 3;

/// What the meter shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PassphraseAssessment {
    /// Meets every rule.
    pub acceptable: bool,
    /// 0 (very weak) to 4 (very strong).
    pub score: u8,
    /// The score in words.
    pub label: String,
    /// Each rule not met, as a sentence for the user.
    pub problems: Vec<String>,
}

/// Words that make a passphrase guessable whatever surrounds them.
const COMMON: &[&str] = &[
    "password", "passwort", "letmein", "welcome", "qwerty", "azerty", "iloveyou", "admin",
    "monkey", "dragon", "football", "baseball", "sunshine", "princess", "trustno1", "abc123",
    "123456", "police", "sheriff", "vigil", "changeme",
];

/// Checks `passphrase` against the rules; `personal` are the user's own
/// identifiers (name, badge, unit, agency) that must not be its basis.
pub fn assess(passphrase: &Passphrase, personal: &[&str]) -> PassphraseAssessment {
    let text = passphrase.as_str();
    let chars: Vec<char> = text.chars().collect();
    let lower = text.to_lowercase();
    let mut problems = Vec::new();

    if chars.len() < MIN_LENGTH {
        problems.push(format!(
            "Use at least {MIN_LENGTH} characters ({} so far).",
            chars.len()
        ));
    }
    let classes = [
        chars.iter().any(|c| c.is_lowercase()),
        chars.iter().any(|c| c.is_uppercase()),
        chars.iter().any(|c| c.is_ascii_digit()),
        chars.iter().any(|c| !c.is_alphanumeric()),
    ];
    let class_count = classes.iter().filter(|b| **b).count();
    if class_count < MIN_CLASSES {
        problems.push(format!(
            "Mix at least {MIN_CLASSES} kinds of character: lower-case letters, capitals, digits, symbols or spaces ({class_count} so far)."
        ));
    }
    let mut distinct = chars.clone();
    distinct.sort_unstable();
    distinct.dedup();
    if !chars.is_empty() && distinct.len() < 5 {
        problems.push("Use more different characters; repeats are easy to guess.".to_string());
    }
    if is_run(&chars) {
        problems.push("Avoid keyboard or alphabet runs such as 1234 or abcd.".to_string());
    }
    if let Some(word) = COMMON.iter().find(|w| lower.contains(*w)) {
        problems.push(format!(
            "Avoid common words such as \u{201c}{word}\u{201d}."
        ));
    }
    for part in personal
        .iter()
        .flat_map(|p| p.split(|c: char| !c.is_alphanumeric()))
        .filter(|p| p.chars().count() >= 3)
    {
        if lower.contains(&part.to_lowercase()) {
            problems.push("Do not build it from your name, badge, unit or agency.".to_string());
            break;
        }
    }

    let bits = estimate_bits(&chars, &classes, problems.len());
    let mut score = match bits {
        b if b < 28.0 => 0,
        b if b < 40.0 => 1,
        b if b < 60.0 => 2,
        b if b < 80.0 => 3,
        _ => 4,
    };
    if !problems.is_empty() {
        score = score.min(1);
    }
    let label = ["Very weak", "Weak", "Fair", "Strong", "Very strong"][score as usize].to_string();
    PassphraseAssessment {
        acceptable: problems.is_empty(),
        score,
        label,
        problems,
    }
}

fn estimate_bits(chars: &[char], classes: &[bool; 4], problem_count: usize) -> f64 {
    let pool: f64 = [26.0, 26.0, 10.0, 33.0]
        .iter()
        .zip(classes)
        .filter(|(_, on)| **on)
        .map(|(n, _)| n)
        .sum();
    if pool == 0.0 {
        return 0.0;
    }
    // Each further repeat of a character adds little; count distinct-ish length.
    let mut seen = std::collections::HashMap::new();
    let mut effective = 0.0;
    for c in chars {
        let n = seen.entry(*c).or_insert(0u32);
        *n += 1;
        effective += 1.0 / f64::from(*n);
    }
    (effective * pool.log2() - 10.0 * problem_count as f64).max(0.0)
}

/// True when most of the text is a run of consecutive characters (abcd, 4321)
/// or a row of the keyboard.
fn is_run(chars: &[char]) -> bool {
    if chars.len() < 4 {
        return false;
    }
    let steps = chars
        .windows(2)
        .filter(|w| {
            let d = w[1] as i64 - w[0] as i64;
            d == 1 || d == -1
        })
        .count();
    let lower: String = chars.iter().collect::<String>().to_lowercase();
    let rows = ["qwertyuiop", "asdfghjkl", "zxcvbnm", "1234567890"];
    let on_row = rows.iter().any(|r| {
        let n = lower.chars().count();
        n >= 6
            && (r.contains(lower.as_str())
                || r.chars().rev().collect::<String>().contains(lower.as_str()))
    });
    steps * 10 >= (chars.len() - 1) * 7 || on_row
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(p: &str) -> PassphraseAssessment {
        assess(
            &Passphrase::new(p.to_string()),
            &["Dana Reyes", "4471", "TMU", "Eastfield PD"],
        )
    }

    #[test]
    fn short_or_single_class_passphrases_are_refused_with_reasons() {
        let a = check("Ab1!");
        assert!(!a.acceptable);
        assert!(
            a.problems.iter().any(|p| p.contains("at least 10")),
            "{:?}",
            a.problems
        );
        let b = check("alllowercaseletters");
        assert!(!b.acceptable);
        assert!(b.problems.iter().any(|p| p.contains("kinds of character")));
    }

    #[test]
    fn a_good_passphrase_is_accepted_and_scored_strong() {
        let a = check("Lantern river 7 copper");
        assert!(a.acceptable, "{:?}", a.problems);
        assert!(a.score >= 3, "score {}", a.score);
    }

    #[test]
    fn personal_details_runs_and_common_words_are_flagged() {
        assert!(!check("Reyes-4471-Case!").acceptable);
        assert!(!check("Abcdefghij1!").acceptable);
        assert!(!check("Password-2026!").acceptable);
        assert!(!check("Aaaaaaaaaa1!").acceptable);
    }

    #[test]
    fn meter_score_rises_with_strength() {
        assert!(check("ab").score < check("Lantern river 7 copper").score);
    }
}
