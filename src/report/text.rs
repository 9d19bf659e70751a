//! The summary as plain text: no colour, no box drawing, readable by a speech synthesizer.

use std::fmt::Write;

use super::view::{self, SummaryView};
use crate::i18n::strings;
use crate::model::Questionnaire;
use crate::scoring::Summary;

pub fn summary(qn: &Questionnaire, summary: &Summary, lang: &str) -> String {
    render(&view::build(qn, summary, lang), lang)
}

pub fn render(v: &SummaryView, lang: &str) -> String {
    let s = strings(lang);
    let mut out = String::new();
    let _ = writeln!(out, "{}\n", v.title);
    let _ = writeln!(out, "{}\n", v.disclaimer);
    for t in &v.top {
        let _ = writeln!(out, "{t}");
    }
    if !v.top.is_empty() {
        out.push('\n');
    }
    if !v.notices.is_empty() {
        let _ = writeln!(out, "{}:", s.notices);
        for n in &v.notices {
            let _ = writeln!(out, "  - {n}");
        }
        out.push('\n');
    }
    let labels = ItemLabels {
        because: s.because,
        have: s.documents_bring,
        to_get: s.documents_get,
        next_step: s.next_step,
        nothing: s.nothing_here,
    };
    for g in &v.groups {
        write_group(&mut out, g, &labels);
        out.push('\n');
    }
    if !v.bring.is_empty() {
        let _ = writeln!(out, "{}:", s.documents_bring);
        for d in &v.bring {
            let _ = writeln!(out, "  - {d}");
        }
    }
    if !v.get.is_empty() {
        let _ = writeln!(out, "{}:", s.documents_get);
        for d in &v.get {
            let _ = writeln!(out, "  - {d}");
        }
    }
    out
}

/// The words before each part of a factor, so the staff report can use its own.
pub struct ItemLabels<'a> {
    pub because: &'a str,
    pub have: &'a str,
    pub to_get: &'a str,
    pub next_step: &'a str,
    pub nothing: &'a str,
}

/// One summary group as indented plain text (shared with the staff report).
pub fn write_group(out: &mut String, g: &view::Group, l: &ItemLabels<'_>) {
    let _ = writeln!(out, "{} ({}):", g.title, g.items.len());
    if g.items.is_empty() {
        let _ = writeln!(out, "  {}", l.nothing);
    }
    for i in &g.items {
        let remark = i.remark.map(|r| format!(", {r}")).unwrap_or_default();
        let _ = writeln!(
            out,
            "  {} {} ({}{remark})",
            i.symbol, i.title, i.status_word
        );
        if !i.explain.is_empty() {
            let _ = writeln!(out, "    {}", i.explain);
        }
        for b in &i.because {
            let _ = writeln!(out, "    {}: {b}", l.because);
        }
        if !i.documents_have.is_empty() {
            let _ = writeln!(out, "    {}: {}", l.have, i.documents_have.join("; "));
        }
        if !i.documents_to_get.is_empty() {
            let _ = writeln!(out, "    {}: {}", l.to_get, i.documents_to_get.join("; "));
        }
        if let Some(n) = &i.next_step {
            let _ = writeln!(out, "    {}: {n}", l.next_step);
        }
    }
}
