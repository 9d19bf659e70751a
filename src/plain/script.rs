//! The plain side of the parity test: the lines a person would type to give an answers file's
//! answers in plain mode, in the order the engine asks. Driving `run` with them must ask the
//! same questions as the full-screen UI given the same answers.

use crate::answer::Answer;
use crate::answers_file;
use crate::date::Date;
use crate::diag::Diagnostics;
use crate::interview::{Interview, Position};
use crate::model::{Kind, Questionnaire};

/// One input line per question shown: an empty line for info screens, the answer's notation
/// otherwise (choice ids joined by commas). A visible question the answers leave open is
/// answered `unknown` (so a partial file still reaches the summary); the script stops at one
/// that does not offer "I don't know". Text is kept on one line (newlines become spaces).
pub fn script(qn: &Questionnaire, answers: &[Option<Answer>], today: Date) -> Vec<String> {
    let mut iv = Interview::new(qn, today);
    let mut lines = Vec::new();
    while let Position::Question(q) = iv.position() {
        let question = &qn.questions[q];
        if question.kind == Kind::Info {
            lines.push(String::new());
            iv.next();
            continue;
        }
        let a = match answers.get(q).cloned().flatten() {
            Some(a) => a,
            None if question.allow_unknown => Answer::Unknown,
            None => break,
        };
        let line = match &a {
            Answer::Choices(ids) => ids.join(","),
            Answer::Text(t) => t.split_whitespace().collect::<Vec<_>>().join(" "),
            other => other.notation(),
        };
        if iv.record(q, a).is_err() {
            break;
        }
        lines.push(line);
        iv.next();
    }
    lines
}

/// `script` for an answers file or a scenario file (its `name`, `today`, `expect` are ignored).
pub fn script_from_answers_file(
    qn: &Questionnaire,
    text: &str,
    today: Date,
) -> Result<Vec<String>, Diagnostics> {
    let file = answers_file::parse(text, &["name", "today", "expect"])?;
    let matched = answers_file::apply(qn, &file, today)?;
    Ok(script(qn, &matched.answers, today))
}

/// Types `lines` into plain mode (no saving, output dropped) and returns what it asked: the
/// plain side of the parity test. `lang` must be a language of the questionnaire.
pub fn replay(qn: &Questionnaire, lines: &[String], today: Date, lang: &str) -> super::Outcome {
    replay_recording(qn, lines, today, lang).0
}

/// `replay`, also returning the answers plain mode recorded (one slot per question).
pub fn replay_recording(
    qn: &Questionnaire,
    lines: &[String],
    today: Date,
    lang: &str,
) -> (super::Outcome, Vec<Option<Answer>>) {
    let mut iv = Interview::new(qn, today);
    let mut lang = lang.to_owned();
    let input = lines.iter().map(|l| format!("{l}\n")).collect::<String>();
    let mut saver = crate::autosave::NoSave;
    // Writing to a sink and reading from memory cannot fail.
    let outcome = super::run(
        qn,
        &mut iv,
        &mut lang,
        input.as_bytes(),
        std::io::sink(),
        &mut saver,
    )
    .unwrap_or_default();
    (outcome, iv.answers().to_vec())
}
