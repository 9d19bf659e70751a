//! Text warnings: English questions that read above the grade limit (Flesch-Kincaid),
//! translations whose placeholders or numbers differ, very long texts, and a declared language
//! that adds nothing (every text copied from the first language).

use crate::diag::{Diagnostic, Diagnostics, Pos};
use crate::model::{Questionnaire, Text};

use super::Options;
use super::locate::Locator;

/// Fewest words for which a Flesch-Kincaid grade is meaningful.
const MIN_WORDS: usize = 10;

/// How long a text may be before it is too long to read on one screen.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Size {
    /// Titles, labels, document names: one line.
    Label,
    /// Question texts.
    Question,
    /// Help, explanations, next steps, notices.
    Long,
}

struct Item<'a> {
    pos: Pos,
    what: String,
    text: &'a Text,
    size: Size,
}

fn items<'a>(qn: &'a Questionnaire, loc: &Locator<'_>) -> Vec<Item<'a>> {
    let mut v = Vec::new();
    let mut add = |pos: Pos, what: String, text: &'a Text, size: Size| {
        v.push(Item {
            pos,
            what,
            text,
            size,
        })
    };
    add(
        loc.top_key("title"),
        "the title".into(),
        &qn.title,
        Size::Label,
    );
    add(
        loc.top_key("notice"),
        "the notice".into(),
        &qn.notice,
        Size::Long,
    );
    for (i, d) in qn.documents.iter().enumerate() {
        add(
            loc.list_key("documents", i, "name", loc.top_key("documents")),
            format!("the name of document `{}`", d.id),
            &d.name,
            Size::Label,
        );
    }
    for (i, s) in qn.sections.iter().enumerate() {
        add(
            loc.list_key("sections", i, "title", s.pos),
            format!("the title of section `{}`", s.id),
            &s.title,
            Size::Label,
        );
    }
    for (i, q) in qn.questions.iter().enumerate() {
        add(
            loc.question_key(qn, i, "text"),
            format!("the text of `{}`", q.id),
            &q.text,
            Size::Question,
        );
        if let Some(h) = &q.help {
            add(
                loc.question_key(qn, i, "help"),
                format!("the help of `{}`", q.id),
                h,
                Size::Long,
            );
        }
        let choices = loc.question_key(qn, i, "choices");
        for c in q.choices.iter().filter(|c| !c.label.0.is_empty()) {
            add(
                choices,
                format!("the label of `{}` in `{}`", c.id, q.id),
                &c.label,
                Size::Label,
            );
        }
    }
    for (i, f) in qn.factors.iter().enumerate() {
        add(
            loc.list_key("factors", i, "title", f.pos),
            format!("the title of factor `{}`", f.id),
            &f.title,
            Size::Label,
        );
        add(
            loc.list_key("factors", i, "explain", f.pos),
            format!("the explanation of factor `{}`", f.id),
            &f.explain,
            Size::Long,
        );
        for (k, w) in f.explain_when.iter().enumerate() {
            add(
                loc.list_key("factors", i, "explain_when", f.pos),
                format!(
                    "explanation {} in `explain_when` of factor `{}`",
                    k + 1,
                    f.id
                ),
                &w.text,
                Size::Long,
            );
        }
        if let Some(t) = &f.next_step {
            add(
                loc.list_key("factors", i, "next_step", f.pos),
                format!("the next step of factor `{}`", f.id),
                t,
                Size::Long,
            );
        }
    }
    for (i, f) in qn.flags.iter().enumerate() {
        add(
            loc.list_key("flags", i, "title", f.pos),
            format!("the title of flag `{}`", f.id),
            &f.title,
            Size::Label,
        );
        add(
            loc.list_key("flags", i, "explain", f.pos),
            format!("the explanation of flag `{}`", f.id),
            &f.explain,
            Size::Long,
        );
        for (k, w) in f.explain_when.iter().enumerate() {
            add(
                loc.list_key("flags", i, "explain_when", f.pos),
                format!("explanation {} in `explain_when` of flag `{}`", k + 1, f.id),
                &w.text,
                Size::Long,
            );
        }
    }
    for (i, n) in qn.notices.iter().enumerate() {
        add(
            loc.list_key("notices", i, "text", n.pos),
            format!("the text of notice `{}`", n.id),
            &n.text,
            Size::Long,
        );
        for (k, w) in n.text_when.iter().enumerate() {
            add(
                loc.list_key("notices", i, "text_when", n.pos),
                format!("text {} in `text_when` of notice `{}`", k + 1, n.id),
                &w.text,
                Size::Long,
            );
        }
    }
    v
}

pub fn check(qn: &Questionnaire, loc: &Locator<'_>, opts: &Options, out: &mut Diagnostics) {
    let items = items(qn, loc);
    let first = qn.default_language();
    for it in &items {
        let Some(base) = it.text.0.get(first) else {
            continue;
        };
        for (lang, other) in it.text.0.iter().filter(|(l, _)| l.as_str() != first) {
            let (pa, pb) = (placeholders(base), placeholders(other));
            if pa != pb {
                out.push(
                    Diagnostic::warning(it.pos, format!("{} has placeholders {} in `{first}` but {} in `{lang}`", it.what, show(&pa), show(&pb)))
                        .with_hint("a placeholder such as {name} must appear, spelled the same, in every language"),
                );
            }
            let (na, nb) = (numbers(base), numbers(other));
            if na != nb {
                out.push(
                    Diagnostic::warning(it.pos, format!("{} has the numbers {} in `{first}` but {} in `{lang}`", it.what, show(&na), show(&nb)))
                        .with_hint("a translation should keep every number, year and form number; check for a mistyped figure"),
                );
            }
        }
        let limit = match it.size {
            Size::Label => opts.max_chars / 3,
            Size::Question => opts.max_chars,
            Size::Long => opts.max_chars * 2,
        };
        if let Some((lang, len)) = it
            .text
            .0
            .iter()
            .map(|(l, t)| (l, t.chars().count()))
            .max_by_key(|(_, n)| *n)
        {
            if len > limit {
                out.push(
                    Diagnostic::warning(it.pos, format!("{} is very long ({len} characters in `{lang}`; aim for at most {limit})", it.what))
                        .with_hint("applicants read one screen at a time; split it or move details to `help`"),
                );
            }
        }
        if it.size == Size::Question && qn.has_language("en") {
            let en = it.text.0.get("en").map_or("", String::as_str);
            let grade = grade(en);
            // The formula means little on a handful of words ("Nationality?" scores grade 15).
            if grade > opts.max_grade && en.split_whitespace().count() >= MIN_WORDS {
                out.push(
                    Diagnostic::warning(it.pos, format!("{} reads at grade {grade:.1} (Flesch-Kincaid), above {:.0}", it.what, opts.max_grade))
                        .with_hint("use shorter sentences and shorter words (the limit is set with --max-grade)"),
                );
            }
        }
    }
    for (i, lang) in qn.languages.iter().enumerate().skip(1) {
        let differs = items.iter().any(|it| {
            it.text
                .0
                .get(&lang.code)
                .is_some_and(|t| it.text.0.get(first) != Some(t))
        });
        if !differs {
            out.push(
                Diagnostic::warning(loc.language(i), format!("the language `{}` is declared but never used: every text in it is the `{first}` text", lang.code))
                    .with_hint("translate the texts, or remove the language so applicants are not offered it"),
            );
        }
    }
}

fn show(items: &[String]) -> String {
    if items.is_empty() {
        "none".to_owned()
    } else {
        items.join(" ")
    }
}

/// `{name}` placeholders, sorted.
fn placeholders(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(start) = rest.find('{') {
        let after = &rest[start..];
        match after.find('}') {
            Some(end) => {
                out.push(after[..=end].to_owned());
                rest = &after[end + 1..];
            }
            None => break,
        }
    }
    out.sort();
    out
}

/// The numbers in a text, sorted, with thousands separators and leading zeros dropped
/// ("10,000" and "10.000" are the same figure).
fn numbers(s: &str) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut cur = String::new();
    for (i, c) in chars.iter().enumerate() {
        if c.is_ascii_digit() {
            cur.push(*c);
        } else if (*c == ',' || *c == '.')
            && !cur.is_empty()
            && chars.get(i + 1).is_some_and(char::is_ascii_digit)
        {
            continue;
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    let mut out: Vec<String> = out
        .into_iter()
        .map(|n| n.trim_start_matches('0').to_owned())
        .map(|n| if n.is_empty() { "0".into() } else { n })
        .collect();
    out.sort();
    out
}

/// Flesch-Kincaid grade level: 0.39 words/sentence + 11.8 syllables/word - 15.59.
pub fn grade(text: &str) -> f64 {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == '/' || c == '—')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    if words.is_empty() {
        return 0.0;
    }
    let sentences = text
        .split(['.', '?', '!', ';', ':'])
        .filter(|s| s.chars().any(char::is_alphabetic))
        .count()
        .max(1);
    let syllables: usize = words.iter().map(|w| syllables(w)).sum();
    let (w, s, y) = (words.len() as f64, sentences as f64, syllables as f64);
    0.39 * (w / s) + 11.8 * (y / w) - 15.59
}

/// Vowel groups, less a silent final e; at least one.
fn syllables(word: &str) -> usize {
    let w = word.to_lowercase();
    let chars: Vec<char> = w.chars().filter(char::is_ascii_alphabetic).collect();
    if chars.len() <= 3 {
        return 1;
    }
    let vowel = |c: char| "aeiouy".contains(c);
    let mut n = 0;
    let mut prev = false;
    for c in &chars {
        let v = vowel(*c);
        if v && !prev {
            n += 1;
        }
        prev = v;
    }
    let len = chars.len();
    if chars[len - 1] == 'e' && (chars[len - 2] != 'l' || vowel(chars[len - 3])) && n > 1 {
        n -= 1;
    }
    if w.ends_with("ed") && !w.ends_with("ted") && !w.ends_with("ded") && n > 1 {
        n -= 1;
    }
    n.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grades_plain_and_dense_english() {
        assert!(grade("Do you have children?") < 3.0);
        let dense = "Notwithstanding the aforementioned administrative determinations, individuals demonstrating \
                     extraordinary circumstances considerably exceeding statutory requirements.";
        assert!(grade(dense) > 12.0, "{}", grade(dense));
    }

    #[test]
    fn numbers_ignore_separators_and_placeholders_sort() {
        assert_eq!(
            numbers("since 10,000 and 2025-11-30"),
            vec!["10000", "11", "2025", "30"]
        );
        assert_eq!(numbers("desde 10.000"), vec!["10000"]);
        assert_eq!(
            placeholders("Hi {name}, {count}"),
            vec!["{count}", "{name}"]
        );
    }
}
