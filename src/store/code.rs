//! Resume codes like `KP7M-2QXT-9RW4`: copied onto paper and typed back by stressed people, so
//! no symbols that look alike (no 0/O, 1/I/L), groups of four, and a check symbol that catches
//! any one wrong symbol or two neighbours swapped before any slow key derivation runs.
//!
//! Shape: 2 locator symbols, 9 secret symbols, 1 check symbol. The locator only picks the
//! record file (it is in the file name, so it is public and tells nothing about the secret);
//! the 9 secret symbols (44.6 bits) are what an offline guesser has to find, each guess paying
//! the scrypt work factor of the envelope. BENCHMARKS.md has the arithmetic.
//!
//! Codes of the first version (6 symbols, `K7P-2QX`) are still accepted for their old records.

/// 8 digits and 23 letters: 31 symbols. 31 is prime, which makes the weighted check symbol
/// catch every single substitution and every swap of neighbours.
pub const ALPHABET: &[u8; 31] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
/// Symbols that pick the record file.
pub const LOCATOR_LEN: usize = 2;
/// Secret symbols: the guessing work.
pub const SECRET_LEN: usize = 9;
const LEN: usize = LOCATOR_LEN + SECRET_LEN + 1;
const LEGACY_LEN: usize = 6;

/// A typed code, understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Typed {
    /// A well-formed code in its canonical form (`KP7M-2QXT-9RW4`).
    Code(String),
    /// A first-version code (`K7P-2QX`), for records saved before codes grew.
    Legacy(String),
    /// Twelve code symbols whose check symbol does not match: a typo.
    Typo,
    /// Not a code at all.
    NotACode,
}

/// A fresh code from the OS's randomness.
pub fn generate() -> Result<String, getrandom::Error> {
    let mut symbols = Vec::with_capacity(LEN);
    while symbols.len() < LEN - 1 {
        let mut buf = [0u8; 24];
        getrandom::fill(&mut buf)?;
        // Rejection sampling: 248 = 8 * 31, so every symbol is equally likely.
        for b in buf.into_iter().filter(|b| *b < 248) {
            if symbols.len() < LEN - 1 {
                symbols.push(b % 31);
            }
        }
    }
    symbols.push(check_symbol(&symbols));
    Ok(grouped(&symbols))
}

/// The locator part of a canonical code (the record file's name starts with it).
pub fn locator(code: &str) -> &str {
    &code[..LOCATOR_LEN]
}

/// Reads a typed code, forgiving case, spaces and dashes.
pub fn read(typed: &str) -> Typed {
    let s: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let Some(values) = s
        .bytes()
        .map(|b| ALPHABET.iter().position(|a| *a == b).map(|v| v as u8))
        .collect::<Option<Vec<u8>>>()
    else {
        return Typed::NotACode;
    };
    match values.len() {
        LEGACY_LEN => Typed::Legacy(format!("{}-{}", &s[..3], &s[3..])),
        LEN if check_symbol(&values[..LEN - 1]) == values[LEN - 1] => Typed::Code(grouped(&values)),
        LEN => Typed::Typo,
        _ => Typed::NotACode,
    }
}

/// The canonical form of a typed code, new or legacy; None for typos and non-codes.
pub fn normalize(typed: &str) -> Option<String> {
    match read(typed) {
        Typed::Code(c) | Typed::Legacy(c) => Some(c),
        Typed::Typo | Typed::NotACode => None,
    }
}

/// Weighted sum mod 31 with weights 1..=11: distinct and non-zero mod a prime, so changing one
/// symbol or swapping two neighbours always changes the sum.
fn check_symbol(values: &[u8]) -> u8 {
    let sum: usize = values
        .iter()
        .enumerate()
        .map(|(i, v)| (i + 1) * usize::from(*v))
        .sum();
    // The check symbol itself counts with weight -1 (it must equal the sum).
    (sum % 31) as u8
}

fn grouped(values: &[u8]) -> String {
    let mut out = String::with_capacity(LEN + 2);
    for (i, v) in values.iter().enumerate() {
        if i > 0 && i % 4 == 0 {
            out.push('-');
        }
        out.push(char::from(ALPHABET[usize::from(*v)]));
    }
    out
}

/// One hex digit derived from a legacy code, stored in clear beside first-version envelopes.
/// Only read (to find those old records), never written: it narrowed a guess by 4 bits.
pub fn legacy_tag(code: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(format!("pd-intake resume tag 1:{code}").as_bytes());
    format!("{:x}", digest[0] >> 4)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_have_the_shape_and_no_confusable_letters() {
        for _ in 0..200 {
            let c = generate().unwrap();
            assert_eq!(c.len(), 14, "{c}");
            assert_eq!((&c[4..5], &c[9..10]), ("-", "-"), "{c}");
            assert!(!c.contains(['0', 'O', '1', 'I', 'L']), "{c}");
            assert_eq!(read(&c), Typed::Code(c.clone()));
        }
    }

    #[test]
    fn typed_codes_are_forgiving_about_case_spaces_and_dashes() {
        let c = generate().unwrap();
        let sloppy = format!(" {} ", c.to_lowercase().replace('-', " "));
        assert_eq!(normalize(&sloppy), Some(c.clone()));
        assert_eq!(normalize(&c.replace('-', "")), Some(c));
        assert_eq!(normalize("../etc"), None);
        assert_eq!(read("K7P-2QX"), Typed::Legacy("K7P-2QX".into()));
        assert_eq!(read("K7P-2Q0"), Typed::NotACode);
    }

    #[test]
    fn every_single_typo_and_every_swap_of_neighbours_is_caught() {
        for _ in 0..20 {
            let c = generate().unwrap().replace('-', "");
            let b = c.as_bytes();
            for i in 0..b.len() {
                for a in ALPHABET.iter().filter(|a| **a != b[i]) {
                    let mut t = b.to_vec();
                    t[i] = *a;
                    assert_eq!(read(std::str::from_utf8(&t).unwrap()), Typed::Typo);
                }
                if i + 1 < b.len() && b[i] != b[i + 1] {
                    let mut t = b.to_vec();
                    t.swap(i, i + 1);
                    assert_eq!(read(std::str::from_utf8(&t).unwrap()), Typed::Typo);
                }
            }
        }
    }
}
