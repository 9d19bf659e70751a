//! What typed words mean as an answer, in the interview's language: the one function both
//! front ends call (plain mode for every line, the full-screen mode for its text fields), so
//! "No sé", "no se", "unknown" or "I don't know" mean the same thing everywhere.

use super::strings;
use crate::answer::{self, Answer, Invalid};
use crate::model::{Kind, Question};

/// Reads an answer typed for `q` in `lang`: the "I don't know" / "I'd rather not say" words
/// (English, the interview language, `unknown`, `declined`; accents and case folded), the
/// numbers plain mode prints for them after the choices, the yes/no words on screen, then
/// the answers notation (`answer::parse_input_lang`: ids, numbers, labels, dates…).
pub fn answer(q: &Question, line: &str, lang: &str) -> Result<Answer, Invalid> {
    let folded = fold(line);
    if let Some(special) = special_words(&folded, lang) {
        if q.allow_unknown || q.kind == Kind::Text {
            return Ok(special);
        }
    }
    let n = choice_count(q);
    if n > 0 && q.allow_unknown {
        if let Ok(k) = folded.parse::<usize>() {
            if k == n + 1 {
                return Ok(Answer::Unknown);
            }
            if k == n + 2 {
                return Ok(Answer::Declined);
            }
        }
    }
    if q.kind == Kind::YesNo {
        // The words on screen ("Yes", "Sí") in the current language, on top of y/n/si/1/2.
        let s = strings(lang);
        if folded == fold(s.yes) {
            return Ok(Answer::Choice("yes".into()));
        }
        if folded == fold(s.no) {
            return Ok(Answer::Choice("no".into()));
        }
    }
    answer::parse_input_lang(q, line, lang)
}

/// How many numbered rows come before "I don't know" (the same numbers on both screens).
pub fn choice_count(q: &Question) -> usize {
    match q.kind {
        Kind::YesNo | Kind::SingleChoice | Kind::MultiChoice => q.choices.len(),
        _ => 0,
    }
}

/// "unknown", "declined" and the "I don't know" / "I'd rather not say" words in English and
/// in the current language.
fn special_words(folded: &str, lang: &str) -> Option<Answer> {
    // Every catalog's words, not only the interview's: a Spanish speaker in an English
    // interview who types "No sé" means it.
    for l in ["en", "es", lang] {
        let s = strings(l);
        if folded == fold(s.dont_know) {
            return Some(Answer::Unknown);
        }
        if folded == fold(s.rather_not_say) {
            return Some(Answer::Declined);
        }
    }
    match folded {
        "unknown" => Some(Answer::Unknown),
        "declined" => Some(Answer::Declined),
        _ => None,
    }
}

/// Lowercase, trimmed, accents and curly apostrophes folded, so "No se" matches "No sé".
pub fn fold(s: &str) -> String {
    s.trim()
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'á' | 'à' => 'a',
            'é' | 'è' => 'e',
            'í' => 'i',
            'ó' => 'o',
            'ú' | 'ü' => 'u',
            '’' | '‘' => '\'',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_str;

    #[test]
    fn dont_know_words_mean_the_same_in_every_field() {
        let qn = load_str(include_str!("../../tests/fixtures/all_kinds.yaml")).unwrap();
        for id in [
            "notes",
            "entry_year",
            "household",
            "court_date",
            "status",
            "has_children",
        ] {
            let q = &qn.questions[qn.question_index(id).unwrap()];
            for (typed, lang) in [
                ("No sé", "es"),
                ("no se", "es"),
                ("NO SÉ", "en"),
                ("unknown", "es"),
                ("I don't know", "en"),
                ("I don’t know", "es"),
            ] {
                assert_eq!(answer(q, typed, lang), Ok(Answer::Unknown), "{id}: {typed}");
            }
            assert_eq!(
                answer(q, "prefiero no decir", "es"),
                Ok(Answer::Declined),
                "{id}"
            );
        }
        let notes = &qn.questions[qn.question_index("notes").unwrap()];
        assert_eq!(
            answer(notes, "No sé bien qué pasó", "es"),
            Ok(Answer::Text("No sé bien qué pasó".into())),
            "only the whole answer is the special word"
        );
    }
}
