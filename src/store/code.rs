//! Resume codes like `K7P-2QX`: short, read aloud and typed by stressed people, so no letters
//! that look alike (no 0/O, 1/I/L) and drawn from the OS's randomness.

use sha2::{Digest, Sha256};

/// 8 digits and 23 letters: 31 symbols, 6 of them per code (about 887 million codes).
pub const ALPHABET: &[u8; 31] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const LEN: usize = 6;

/// A fresh code from the OS's randomness.
pub fn generate() -> Result<String, getrandom::Error> {
    let mut out = String::with_capacity(LEN + 1);
    while out.len() < LEN + 1 {
        let mut buf = [0u8; 16];
        getrandom::fill(&mut buf)?;
        // Rejection sampling: 248 = 8 * 31, so every symbol is equally likely.
        for b in buf.into_iter().filter(|b| *b < 248) {
            if out.len() == 3 {
                out.push('-');
            }
            if out.len() < LEN + 1 {
                out.push(char::from(ALPHABET[usize::from(b % 31)]));
            }
        }
    }
    Ok(out)
}

/// The canonical form of a typed code (`k7p 2qx`, `K7P2QX` -> `K7P-2QX`), or None when it
/// cannot be one.
pub fn normalize(typed: &str) -> Option<String> {
    let s: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if s.len() != LEN || !s.bytes().all(|b| ALPHABET.contains(&b)) {
        return None;
    }
    Some(format!("{}-{}", &s[..3], &s[3..]))
}

/// One hex digit derived from the code, stored in clear beside an encrypted record so that
/// `resume` only tries the scrypt envelopes of about 1 in 16 records. It narrows a guess by
/// 4 bits only; the scrypt envelope is what protects the code.
pub fn tag(code: &str) -> String {
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
            assert_eq!(c.len(), 7, "{c}");
            assert_eq!(&c[3..4], "-");
            assert!(!c.contains(['0', 'O', '1', 'I', 'L']), "{c}");
            assert_eq!(normalize(&c).as_deref(), Some(c.as_str()));
        }
    }

    #[test]
    fn typed_codes_are_forgiving_about_case_spaces_and_dash() {
        assert_eq!(normalize(" k7p 2qx ").as_deref(), Some("K7P-2QX"));
        assert_eq!(normalize("K7P2QX").as_deref(), Some("K7P-2QX"));
        assert_eq!(normalize("K7P-2Q0"), None);
        assert_eq!(normalize("K7P-2Q"), None);
        assert_eq!(normalize("../etc"), None);
    }
}
