//! The end-of-intake summary in words only: the same groups as every other renderer
//! (`report::view`), without the status symbols, bullets and dashes that a speech
//! synthesizer would read out as "check mark" or "dash".

use crate::i18n::strings;
use crate::model::Questionnaire;
use crate::report::view::{self, Item, answer_words};
use crate::scoring::Summary;

pub fn render(qn: &Questionnaire, summary: &Summary, lang: &str) -> Vec<String> {
    let s = strings(lang);
    let v = view::build(qn, summary, lang);
    let mut out = vec![v.title.to_owned(), v.disclaimer.to_owned(), String::new()];
    if !v.top.is_empty() {
        out.extend(v.top.iter().cloned());
        out.push(String::new());
    }
    if !v.notices.is_empty() {
        out.push(format!("{}:", s.notices));
        out.extend(v.notices.iter().map(|n| format!("  {}", sentence(n))));
        out.push(String::new());
    }
    for g in &v.groups {
        out.push(format!("{} ({}):", g.title, g.items.len()));
        if g.items.is_empty() {
            out.push(format!("  {}", s.nothing_here));
        }
        for i in &g.items {
            item(qn, summary, i, lang, &mut out);
        }
        out.push(String::new());
    }
    for (title, docs) in [(s.documents_bring, &v.bring), (s.documents_get, &v.get)] {
        if !docs.is_empty() {
            out.push(format!("{title}:"));
            out.extend(docs.iter().map(|d| format!("  {}", sentence(d))));
            out.push(String::new());
        }
    }
    out
}

fn item(qn: &Questionnaire, summary: &Summary, i: &Item, lang: &str, out: &mut Vec<String>) {
    let s = strings(lang);
    // Titles may end in an abbreviation ("EE. UU."): never cut their full stop.
    let title = i.title.trim();
    let head = if i.status_word.ends_with('.') {
        // Flags: the "word" is a whole sentence ("You may qualify... A lawyer must check.").
        format!("{} {}", sentence(title), i.status_word)
    } else {
        let remark = i.remark.map(|r| format!(", {r}")).unwrap_or_default();
        sentence(&format!("{title}: {}{remark}", i.status_word))
    };
    out.push(format!("  {head}"));
    if !i.explain.is_empty() {
        out.push(format!("    {}", sentence(&i.explain)));
    }
    // Rebuilt from the scored facts rather than the view's "text — answer" line, so no dash.
    for b in summary
        .factor(&i.id)
        .map(|f| f.because.as_slice())
        .unwrap_or_default()
    {
        let text = qn
            .question(&b.question)
            .map_or(b.question.as_str(), |q| q.text.get(lang))
            .trim();
        let answer = answer_words(qn, b, lang);
        let joined = if text.ends_with(['?', '.', ':', '¿']) {
            format!("{text} {answer}")
        } else {
            format!("{text}: {answer}")
        };
        out.push(format!("    {}: {}", s.because, sentence(&joined)));
    }
    if !i.documents_have.is_empty() {
        out.push(format!(
            "    {}: {}",
            s.documents_bring,
            sentence(&i.documents_have.join("; "))
        ));
    }
    if !i.documents_to_get.is_empty() {
        out.push(format!(
            "    {}: {}",
            s.documents_get,
            sentence(&i.documents_to_get.join("; "))
        ));
    }
    if let Some(n) = &i.next_step {
        out.push(format!("    {}: {}", s.next_step, sentence(n)));
    }
}

/// Ends a line with a full stop, so a synthesizer pauses between lines.
fn sentence(s: &str) -> String {
    let t = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if t.ends_with(['.', '?', '!', ':']) {
        t
    } else {
        format!("{t}.")
    }
}

#[cfg(test)]
mod tests {
    use crate::interview::Interview;
    use crate::load::load_str;
    use crate::scoring::summarize;

    const Q: &str = r#"
format: 1
id: order
version: "1"
title: Order
languages: [{code: en, name: English}]
sections:
  - id: s
    title: S
    questions:
      - {id: years, kind: number, text: "Years here?"}
      - {id: removed, kind: yes_no, text: "Deported before?"}
  - id: later
    title: Later part
    questions:
      - {id: notes, kind: text, text: "Anything else?"}
factors:
  - {id: presence, direction: favorable, title: Years here, explain: Years count., applies: {question: years, at_least: 10}}
  - {id: removal, direction: adverse, title: Deported before, explain: A lawyer must look., applies: {question: removed, is: "yes"}}
notices:
  - {id: warn, text: Talk to a lawyer first., when: {question: removed, is: "yes"}}
"#;

    #[test]
    fn plain_mode_says_unfinished_then_notices_then_the_lawyer_group_before_good_news() {
        let qn = load_str(Q).unwrap();
        let today = crate::date::Date::parse("2026-12-01").unwrap();
        let answers = vec![
            Some(crate::answer::Answer::Number(12)),
            Some(crate::answer::Answer::Choice("yes".into())),
            None,
        ];
        let iv = Interview::with_answers(&qn, today, answers);
        let lines = super::render(&qn, &summarize(&iv, "en"), "en");
        let at = |needle: &str| {
            lines
                .iter()
                .position(|l| l.contains(needle))
                .unwrap_or_else(|| panic!("{needle:?} not in {lines:#?}"))
        };
        let order = [
            at("This intake is not finished. Not asked yet: Later part."),
            at("Talk to a lawyer first."),
            at("Talk to a lawyer about (1)"),
            at("Deported before"),
            at("Your strongest points (1)"),
            at("Years here"),
        ];
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{lines:#?}");
    }
}
