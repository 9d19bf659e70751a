//! The staff report as plain text: no colour, no markup, prints on any printer. Lawyer first:
//! alerts, case posture, dates, notices, adverse facts, relief, then the favorable factors,
//! the exhibit list, the answers and the record.

use std::fmt::Write;

use super::staff::StaffReport;
use super::view::Item;

pub fn render(r: &StaffReport) -> String {
    let l = r.labels;
    let mut out = String::new();
    let rule = "=".repeat(72);
    let _ = writeln!(out, "{} — {}\n{rule}", l.staff_report, r.title);
    let _ = writeln!(out, "{}", l.staff_only);
    for a in &r.alerts {
        let _ = writeln!(out, "\n!! {a}");
    }
    heading(&mut out, l.case_posture);
    rows(&mut out, &r.posture);
    heading(&mut out, l.deadlines);
    bullets(&mut out, &r.deadlines, l.no_deadlines);
    heading(&mut out, l.notices);
    bullets(&mut out, &r.notices, l.none);
    heading(&mut out, l.adverse);
    items(&mut out, &r.adverse, l.based_on, l.none);
    heading(&mut out, l.relief);
    items(&mut out, &r.relief, l.based_on, l.none);
    heading(&mut out, l.favorable);
    if r.favorable.is_empty() {
        let _ = writeln!(out, "  {}", l.none);
    }
    for f in &r.favorable {
        let _ = writeln!(out, "  {} {} — {}", f.symbol, f.title, f.status);
        for b in &f.because {
            let _ = writeln!(out, "      {}: {b}", l.based_on);
        }
        if !f.have.is_empty() {
            let _ = writeln!(out, "      {}: {}", l.held, f.have.join("; "));
        }
        if !f.to_get.is_empty() {
            let _ = writeln!(out, "      {}: {}", l.to_get, f.to_get.join("; "));
        }
    }
    if !r.settle.is_empty() {
        heading(&mut out, l.settle);
        items(&mut out, &r.settle, l.based_on, l.none);
    }
    heading(&mut out, l.exhibits);
    let _ = writeln!(out, "  {}", l.exhibits_note);
    if r.exhibits.is_empty() {
        let _ = writeln!(out, "  {}", l.none);
    }
    for g in &r.exhibits {
        let _ = writeln!(out, "  {}", g.factor);
        for e in &g.exhibits {
            let _ = writeln!(out, "    {} {:<3} {}", l.tab, e.tab, e.document);
        }
    }
    let _ = writeln!(out, "  {}:", l.still_to_get);
    if r.get.is_empty() {
        let _ = writeln!(out, "    {}", l.none);
    }
    for d in &r.get {
        let _ = writeln!(out, "    [ ] {d}");
    }

    heading(&mut out, l.answers);
    for sec in &r.sections {
        let _ = writeln!(out, "{}", sec.title);
        for a in &sec.answers {
            let mark = if a.sensitive {
                format!(" [{}]", l.sensitive)
            } else {
                String::new()
            };
            match &a.typed_in {
                // Free text keeps its own line breaks, indented under the question.
                Some(lang) => {
                    let _ = writeln!(out, "  {}{mark}", a.question);
                    let _ = writeln!(out, "    ({lang})");
                    for line in a.answer.lines() {
                        let _ = writeln!(out, "    | {line}");
                    }
                }
                None => {
                    let _ = writeln!(out, "  {}{mark} → {}", a.question, a.answer);
                }
            }
        }
    }
    list(&mut out, l.dont_know, &r.dont_know, l.none);
    list(&mut out, l.declined, &r.declined, l.none);
    if !r.not_answered.is_empty() {
        list(&mut out, l.not_answered, &r.not_answered, l.none);
    }
    heading(&mut out, l.record);
    rows(&mut out, &r.header);
    let _ = writeln!(out, "\n{}", r.notice);
    out
}

fn heading(out: &mut String, title: &str) {
    let _ = writeln!(out, "\n{title}\n{}", "-".repeat(72));
}

fn rows(out: &mut String, rows: &[super::staff::Row]) {
    let width = rows
        .iter()
        .map(|h| h.label.chars().count())
        .max()
        .unwrap_or(0);
    for h in rows {
        let pad = width - h.label.chars().count();
        let _ = writeln!(out, "{}:{} {}", h.label, " ".repeat(pad), h.value);
    }
}

fn bullets(out: &mut String, items: &[String], none: &str) {
    if items.is_empty() {
        let _ = writeln!(out, "  {none}");
    }
    for i in items {
        let _ = writeln!(out, "  - {i}");
    }
}

fn items(out: &mut String, items: &[Item], because: &str, none: &str) {
    if items.is_empty() {
        let _ = writeln!(out, "  {none}");
    }
    for i in items {
        let remark = i.remark.map(|r| format!(", {r}")).unwrap_or_default();
        let _ = writeln!(
            out,
            "  {} {} ({}{remark})",
            i.symbol, i.title, i.status_word
        );
        if !i.explain.is_empty() {
            let _ = writeln!(out, "      {}", i.explain);
        }
        for b in &i.because {
            let _ = writeln!(out, "      {because}: {b}");
        }
    }
}

fn list(out: &mut String, title: &str, items: &[String], none: &str) {
    let _ = writeln!(out, "\n{title}:");
    bullets(out, items, none);
}
