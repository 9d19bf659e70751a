//! What a typed line means in plain mode: a command (help, back, language, stop) or an answer.
//! Answers go through `answer::parse_input_lang`; this file adds only plain mode's own
//! notation: the numbers it prints for "I don't know" / "I'd rather not say", and those words.

use crate::answer::{self, Answer, Invalid};
use crate::i18n::{self, strings};
use crate::model::{Kind, Question};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Help,
    Back,
    Stop,
    /// `:es`, `:en`: switch the language.
    Language(String),
    /// An empty line: continue (info screens) or keep the earlier answer.
    Empty,
    Answer(String),
}

pub fn command(line: &str) -> Command {
    let t = line.trim();
    let lower = t.to_lowercase();
    match lower.as_str() {
        "" => Command::Empty,
        "?" | "help" | "ayuda" => Command::Help,
        "b" | "back" | "atrás" | "atras" => Command::Back,
        ":q" | ":quit" | ":salir" => Command::Stop,
        _ => match lower.strip_prefix(':') {
            Some(code)
                if (2..=8).contains(&code.len())
                    && code.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-') =>
            {
                Command::Language(code.to_owned())
            }
            _ => Command::Answer(line.to_owned()),
        },
    }
}

/// How many numbered lines plain mode prints for a question's choices (before "I don't know").
pub fn choice_count(q: &Question) -> usize {
    match q.kind {
        Kind::YesNo | Kind::SingleChoice | Kind::MultiChoice => q.choices.len(),
        _ => 0,
    }
}

/// Reads an answer typed for `q` in `lang`.
pub fn answer(q: &Question, line: &str, lang: &str) -> Result<Answer, Invalid> {
    let folded = fold(line);
    if let Some(special) = special_words(&folded, lang) {
        return Ok(special);
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

/// "unknown", "declined" and the "I don't know" / "I'd rather not say" words in English and
/// in the current language.
fn special_words(folded: &str, lang: &str) -> Option<Answer> {
    for l in ["en", lang] {
        let s = i18n::strings(l);
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
fn fold(s: &str) -> String {
    s.trim()
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'á' => 'a',
            'é' => 'e',
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

    #[test]
    fn commands_are_recognised_and_everything_else_is_an_answer() {
        assert_eq!(command(" ? "), Command::Help);
        assert_eq!(command("B"), Command::Back);
        assert_eq!(command("atrás"), Command::Back);
        assert_eq!(command(":ES"), Command::Language("es".into()));
        assert_eq!(command(":q"), Command::Stop);
        assert_eq!(command("   "), Command::Empty);
        assert_eq!(command("1,3"), Command::Answer("1,3".into()));
        assert_eq!(command(":)"), Command::Answer(":)".into()));
        assert_eq!(command("bob"), Command::Answer("bob".into()));
    }
}
