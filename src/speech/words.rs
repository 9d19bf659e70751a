//! What a screen says out loud: the words of the screen (from the question file and the UI
//! strings, the same sources the screen draws from), one sentence per line, with no symbols,
//! choice numbers as words and dates as people say them. Pure functions, no I/O.

use crate::date::Date;
use crate::i18n::{EN, ES, strings};
use crate::model::{Kind, Question, Questionnaire};
use crate::report::view::SummaryView;

use super::numbers::{date_words, number_words};

/// One screen's words, built sentence by sentence.
struct Script {
    lang: String,
    lines: Vec<String>,
}

impl Script {
    fn new(lang: &str) -> Self {
        Script {
            lang: lang.to_owned(),
            lines: Vec::new(),
        }
    }

    /// A sentence as shown on screen, cleaned for the voice; blank text adds nothing.
    fn say(&mut self, text: &str) {
        for para in text.split('\n') {
            let spoken = spoken_text(para, &self.lang);
            if !spoken.is_empty() {
                self.lines.push(end_sentence(spoken));
            }
        }
    }

    /// A numbered row: "one: yes." — the number the person can press, in words.
    fn row(&mut self, number: usize, label: &str) {
        let label = spoken_text(label, &self.lang);
        let n = number_words(number as u64, &self.lang);
        self.lines.push(end_sentence(format!("{n}: {label}")));
    }

    fn done(self) -> String {
        self.lines.join("\n")
    }
}

/// The question screen: the question, the sensitive-question note, each row with its number
/// (choices, then "I don't know" and "I'd rather not say"), the field's example for typed
/// answers (`input_hint`, as the screen shows it), then the help when it is open.
/// `encrypted` chooses the privacy sentence of a sensitive question, as on screen.
pub fn question_words(
    q: &Question,
    lang: &str,
    help_open: bool,
    input_hint: Option<&str>,
    encrypted: bool,
) -> String {
    let s = strings(lang);
    let mut out = Script::new(lang);
    out.say(q.text.get(lang));
    if q.sensitive {
        out.say(crate::i18n::endings::privacy(lang, encrypted));
    }
    let mut n = 0;
    match q.kind {
        Kind::Info => out.say(s.continue_),
        Kind::YesNo | Kind::SingleChoice | Kind::MultiChoice => {
            for c in &q.choices {
                n += 1;
                let label = match (q.kind, c.id.as_str()) {
                    (Kind::YesNo, "yes") => s.yes,
                    (Kind::YesNo, "no") => s.no,
                    _ => c.label.get(lang),
                };
                out.row(n, label);
            }
        }
        Kind::Number | Kind::Year | Kind::Date | Kind::Text => {
            n += 1;
            match input_hint {
                Some(h) => out.say(&format!("{}: {h}", s.type_answer)),
                None => out.say(s.type_answer),
            }
        }
    }
    if q.allow_unknown && q.kind != Kind::Info {
        out.row(n + 1, s.dont_know);
        out.row(n + 2, s.rather_not_say);
    }
    if help_open {
        out.say(s.help);
        if let Some(h) = &q.help {
            out.say(h.get(lang));
        }
        if q.sensitive {
            out.say(crate::i18n::endings::privacy(lang, encrypted));
        }
    }
    out.done()
}

/// The welcome screen: the prompt in every language, the languages, "I have a code", the
/// read-aloud choice (in both languages, as shown, with whether it is on), then the notice.
pub fn welcome_words(qn: &Questionnaire, lang: &str, read_aloud: bool) -> String {
    let s = strings(lang);
    let mut out = Script::new(lang);
    out.say(&format!(
        "{} / {}",
        EN.welcome_choose_language, ES.welcome_choose_language
    ));
    for (i, l) in qn.languages.iter().enumerate() {
        out.row(i + 1, &l.name);
    }
    let n = qn.languages.len();
    out.row(n + 1, s.continue_with_code);
    let state = if read_aloud { s.on } else { s.off };
    out.row(
        n + 2,
        &format!("{} / {}: {state}", EN.read_to_me, ES.read_to_me),
    );
    out.say(qn.notice.get(lang));
    out.done()
}

/// The summary screen's words, group by group. The resume code is left out on purpose: it
/// unlocks the intake, and a voice in a waiting room is heard by everyone.
pub fn summary_words(v: &SummaryView, lang: &str) -> String {
    let s = strings(lang);
    let mut out = Script::new(lang);
    out.say(v.title);
    out.say(v.disclaimer);
    if !v.notices.is_empty() {
        out.say(s.notices);
        v.notices.iter().for_each(|n| out.say(n));
    }
    for g in &v.groups {
        out.say(&format!(
            "{}: {}",
            g.title,
            number_words(g.items.len() as u64, lang)
        ));
        if g.items.is_empty() {
            out.say(s.nothing_here);
        }
        for i in &g.items {
            out.say(&format!("{}, {}", i.title, i.status_word));
            out.say(&i.explain);
            if !i.documents_have.is_empty() {
                out.say(&format!(
                    "{}: {}",
                    s.documents_bring,
                    i.documents_have.join("; ")
                ));
            }
            if !i.documents_to_get.is_empty() {
                out.say(&format!(
                    "{}: {}",
                    s.documents_get,
                    i.documents_to_get.join("; ")
                ));
            }
            if let Some(n) = &i.next_step {
                out.say(&format!("{}: {n}", s.next_step));
            }
        }
    }
    out.done()
}

/// Screen text as words: dates (YYYY-MM-DD) said in the language, symbols dropped (a voice
/// reads "✔" as "heavy check mark"), runs of spaces collapsed. Letters, digits and the
/// punctuation that shapes speech stay.
pub fn spoken_text(text: &str, lang: &str) -> String {
    let with_dates = speak_dates(text, lang);
    let mut out = String::with_capacity(with_dates.len());
    for c in with_dates.chars() {
        let keep = c.is_alphanumeric() || ".,;:!?¡¿'’\"()-/%$&+".contains(c);
        let pause = matches!(c, '·' | '•' | '—' | '–' | '|');
        if keep {
            out.push(c);
        } else if pause {
            out.push(',');
            out.push(' ');
        } else if c == '…' {
            out.push('.');
        } else {
            out.push(' ');
        }
    }
    let words: Vec<&str> = out.split_whitespace().collect();
    let joined = words.join(" ");
    // A pause mark next to other punctuation (" , ." from "· " at an end) says nothing.
    let joined = joined.replace(" ,", ",").replace(",,", ",");
    joined
        .trim_matches(|c: char| c == ',' || c.is_whitespace())
        .to_owned()
}

/// Every real date becomes words: `YYYY-MM-DD`, and the day/month order the language types
/// (`06/30/2015` in English, `30/06/2015` in Spanish, as `Date::parse_typed` reads them).
/// Anything else stays as written.
fn speak_dates(text: &str, lang: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let boundary_before = i == 0 || !chars[i - 1].is_ascii_digit();
        if boundary_before && (i == 0 || chars[i - 1] != '/') {
            if let Some(len) = slashed_date_len(&chars[i..]) {
                let piece: String = chars[i..i + len].iter().collect();
                if let Some(d) = Date::parse_typed(&piece, lang) {
                    out.push_str(&date_words(d, lang));
                    i += len;
                    continue;
                }
            }
        }
        if boundary_before && i + 10 <= chars.len() {
            let piece: String = chars[i..i + 10].iter().collect();
            let boundary_after = chars.get(i + 10).is_none_or(|c| !c.is_ascii_digit());
            if boundary_after && looks_like_date(&piece) {
                if let Some(d) = Date::parse(&piece) {
                    out.push_str(&date_words(d, lang));
                    i += 10;
                    continue;
                }
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// The length of a `D/M/YYYY`-shaped run (one or two digits, two or one, four) at the start.
fn slashed_date_len(chars: &[char]) -> Option<usize> {
    let digits = |from: usize| {
        chars[from.min(chars.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let a = digits(0);
    if !(1..=2).contains(&a) || chars.get(a) != Some(&'/') {
        return None;
    }
    let b = digits(a + 1);
    if !(1..=2).contains(&b) || chars.get(a + 1 + b) != Some(&'/') {
        return None;
    }
    let start = a + b + 2;
    let y = digits(start);
    let end = start + y;
    (y == 4 && chars.get(end) != Some(&'/')).then_some(end)
}

fn looks_like_date(s: &str) -> bool {
    s.char_indices().all(|(i, c)| match i {
        4 | 7 => c == '-',
        _ => c.is_ascii_digit(),
    })
}

fn end_sentence(mut s: String) -> String {
    if !s.ends_with(['.', '?', '!', ':']) {
        s.push('.');
    }
    s
}
