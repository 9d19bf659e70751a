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
