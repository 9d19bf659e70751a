//! What a typed line means in plain mode: a command (help, back, language, stop) or an answer.
//! Answers go through `i18n::words::answer`, the meaning the full-screen mode uses too.

use crate::answer::{Answer, Invalid};
use crate::i18n;
use crate::model::Question;

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
    i18n::words::choice_count(q)
}

/// Reads an answer typed for `q` in `lang` (the same meaning as the full-screen fields).
pub fn answer(q: &Question, line: &str, lang: &str) -> Result<Answer, Invalid> {
    i18n::words::answer(q, line, lang)
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
