//! Counted program phrases: one plural rule per language (CLDR cardinal categories), so no
//! screen decides "1 answer" / "2 answers" with an if of its own.

use super::fill;

/// A program phrase with a count, in the two CLDR forms English and Spanish use
/// (`one` for exactly 1, `other` for everything else). `{n}` is the count.
pub struct Plural {
    pub one: &'static str,
    pub other: &'static str,
}

/// CLDR plural category of a whole number (cardinal). English and Spanish: `one` is n = 1.
/// (Spanish's `many` applies to compact millions only, which the program never writes.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PluralCategory {
    One,
    Other,
}

pub fn plural_category(lang: &str, n: u64) -> PluralCategory {
    // English and Spanish share CLDR's rule for whole numbers; a language added later with
    // other forms (e.g. few/many) gets its own arm here and its own fields in `Plural`.
    let _ = lang;
    if n == 1 {
        PluralCategory::One
    } else {
        PluralCategory::Other
    }
}

/// A counted phrase in `lang`: the right form for `n`, with `{n}` filled.
pub fn count(lang: &str, p: &Plural, n: usize) -> String {
    let form = match plural_category(lang, n as u64) {
        PluralCategory::One => p.one,
        PluralCategory::Other => p.other,
    };
    fill(form, &[("n", n.to_string())])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::strings;

    #[test]
    fn one_and_other_in_both_languages() {
        for lang in ["en", "es"] {
            assert_eq!(plural_category(lang, 1), PluralCategory::One);
            for n in [0, 2, 5, 11, 21, 101] {
                assert_eq!(
                    plural_category(lang, n),
                    PluralCategory::Other,
                    "{lang} {n}"
                );
            }
        }
        let (en, es) = (strings("en"), strings("es"));
        assert_eq!(count("en", &en.exactly_left, 1), "1 question left");
        assert_eq!(count("en", &en.exactly_left, 2), "2 questions left");
        assert_eq!(count("es", &es.exactly_left, 1), "falta 1 pregunta");
        assert_eq!(count("es", &es.exactly_left, 2), "faltan 2 preguntas");
        assert_eq!(count("es", &es.exactly_left, 0), "faltan 0 preguntas");
        assert!(count("en", &en.set_aside, 1).contains("1 later answer no longer counts"));
        assert!(
            count("es", &es.set_aside, 1).contains("1 respuesta que viene después ya no cuenta")
        );
        assert!(
            count("es", &es.set_aside, 3).contains("3 respuestas que vienen después ya no cuentan")
        );
    }

    #[test]
    fn every_counted_phrase_has_its_count_in_both_forms() {
        for s in [strings("en"), strings("es")] {
            for p in [
                &s.exactly_left,
                &s.set_aside,
                &s.restored,
                &s.questionnaire_changed,
                &s.plain_left_exact,
            ] {
                assert!(
                    p.one.contains("{n}") && p.other.contains("{n}"),
                    "{}",
                    p.one
                );
                assert_ne!(p.one, p.other);
            }
            // Plain words: no filing jargon for answers that stop counting.
            assert!(
                !s.set_aside.other.contains("aparte"),
                "{}",
                s.set_aside.other
            );
        }
    }
}
