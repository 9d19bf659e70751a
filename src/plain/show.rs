//! The words plain mode prints for a question: progress as a sentence, the text, numbered
//! choices, the hint for typed answers, the earlier answer. Lines only, no layout: a speech
//! synthesizer or a braille display reads them in order.

use crate::answer::Answer;
use crate::i18n::{self, fill, strings};
use crate::interview::Interview;
use crate::model::{Kind, QIdx};
use crate::report::view::answer_words;
use crate::scoring::Because;

use super::parse::choice_count;

/// "Question 12. About 8 to 12 left." The number counts visible questions (info screens
/// excepted) up to this one, so it stays the same when the applicant comes back to it.
pub fn progress(iv: &Interview<'_>, q: QIdx, lang: &str) -> String {
    let s = strings(lang);
    let n = iv.number(q);
    let p = iv.progress();
    let left = match (p.certain, p.possible) {
        (0, 0) => s.plain_left_none.to_owned(),
        (a, b) if a == b => i18n::count(lang, &s.plain_left_exact, a),
        (a, b) => fill(
            s.plain_left_range,
            &[("min", a.to_string()), ("max", b.to_string())],
        ),
    };
    format!("{}. {left}", fill(s.question_n, &[("n", n.to_string())]))
}

/// Label of one choice as shown (yes/no come from the UI strings).
pub fn choice_label(iv: &Interview<'_>, q: QIdx, i: usize, lang: &str) -> String {
    let s = strings(lang);
    let question = &iv.questionnaire().questions[q];
    let c = &question.choices[i];
    match (question.kind, c.id.as_str()) {
        (Kind::YesNo, "yes") => s.yes.to_owned(),
        (Kind::YesNo, "no") => s.no.to_owned(),
        _ => c.label.get(lang).to_owned(),
    }
}

/// An answer in words in `lang` ("Yes", "Pay stubs, W-2 forms", "I don't know").
pub fn answer_in_words(iv: &Interview<'_>, q: QIdx, a: &Answer, lang: &str) -> String {
    let qn = iv.questionnaire();
    let b = Because {
        question: qn.questions[q].id.clone(),
        answer: a.to_json(),
    };
    answer_words(qn, &b, lang)
}

/// Everything printed for a question, in reading order.
pub fn question(iv: &Interview<'_>, q: QIdx, lang: &str, encrypted: bool) -> Vec<String> {
    let s = strings(lang);
    let question = &iv.questionnaire().questions[q];
    let mut out = Vec::new();
    if question.kind == Kind::Info {
        out.extend(text_lines(question.text.get(lang)));
        out.push(s.plain_press_enter.to_owned());
        return out;
    }
    out.push(progress(iv, q, lang));
    out.extend(text_lines(question.text.get(lang)));
    let n = choice_count(&iv.offered(q));
    for (k, i) in iv.shown_choices(q).into_iter().enumerate().take(n) {
        out.push(format!("{}. {}", k + 1, choice_label(iv, q, i, lang)));
    }
    if n > 0 && question.allow_unknown {
        out.push(format!("{}. {}", n + 1, s.dont_know));
        out.push(format!("{}. {}", n + 2, s.rather_not_say));
    }
    match question.kind {
        Kind::MultiChoice => out.push(s.plain_several.to_owned()),
        Kind::Number => out.push(s.plain_hint_number.to_owned()),
        Kind::Year => out.push(s.plain_hint_year.to_owned()),
        Kind::Date => out.push(s.plain_hint_date.to_owned()),
        Kind::Text => out.push(s.plain_hint_text.to_owned()),
        Kind::YesNo | Kind::SingleChoice | Kind::Info => {}
    }
    if n == 0 && question.allow_unknown {
        out.push(s.plain_or_unknown.to_owned());
    }
    if question.sensitive {
        out.push(crate::i18n::endings::privacy(lang, encrypted).to_owned());
    }
    if let Some(a) = iv.stored(q) {
        out.push(fill(
            s.plain_keep,
            &[("answer", answer_in_words(iv, q, a, lang))],
        ));
    }
    out
}

/// What `?` prints: the question's help ("Why we ask: ...") and, for sensitive questions, who
/// sees the answer.
pub fn help(iv: &Interview<'_>, q: QIdx, lang: &str, encrypted: bool) -> Vec<String> {
    let s = strings(lang);
    let question = &iv.questionnaire().questions[q];
    let mut out = match &question.help {
        Some(h) if !h.get(lang).trim().is_empty() => text_lines(h.get(lang)),
        _ => vec![s.plain_no_help.to_owned()],
    };
    if question.sensitive {
        out.push(crate::i18n::endings::privacy(lang, encrypted).to_owned());
    }
    out
}

/// Content text as lines, without the blank ones a YAML block may leave.
pub fn text_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}
