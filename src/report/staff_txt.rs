//! The staff report as plain text: no colour, no markup, prints on any printer.

use std::fmt::Write;

use super::staff::StaffReport;

pub fn render(r: &StaffReport) -> String {
    let l = r.labels;
    let w = &r.words;
    let mut out = String::new();
    let rule = "=".repeat(72);
    let _ = writeln!(out, "{} — {}\n{rule}", l.staff_report, r.title);
    let _ = writeln!(out, "{}\n", l.staff_only);
    let width = r
        .header
        .iter()
        .map(|h| h.label.chars().count())
        .max()
        .unwrap_or(0);
    for h in &r.header {
        let pad = width - h.label.chars().count();
        let _ = writeln!(out, "{}:{} {}", h.label, " ".repeat(pad), h.value);
    }
    let _ = writeln!(out, "\n{}\n", r.notice);

    let _ = writeln!(out, "{}\n{}", l.summary, "-".repeat(72));
    let labels = super::text::ItemLabels {
        because: l.based_on,
        have: l.has,
        to_get: l.to_get,
        next_step: w.next_step,
        nothing: w.nothing_here,
    };
    for g in &r.groups {
        out.push('\n');
        super::text::write_group(&mut out, g, &labels);
    }
    list(&mut out, w.notices, &r.notices, l.none);
    list(&mut out, w.bring, &r.bring, l.none);
    list(&mut out, w.get, &r.get, l.none);

    let _ = writeln!(out, "\n{}\n{}", l.answers, "-".repeat(72));
    for sec in &r.sections {
        let _ = writeln!(out, "\n{}", sec.title);
        for a in &sec.answers {
            let mark = if a.sensitive {
                format!(" [{}]", l.sensitive)
            } else {
                String::new()
            };
            let _ = writeln!(out, "  {}{mark}", a.question);
            match &a.typed_in {
                // Free text keeps its own line breaks, indented under the question.
                Some(lang) => {
                    let _ = writeln!(out, "    ({lang})");
                    for line in a.answer.lines() {
                        let _ = writeln!(out, "    | {line}");
                    }
                }
                None => {
                    let _ = writeln!(out, "    → {}", a.answer);
                }
            }
        }
    }
    list(&mut out, l.dont_know, &r.dont_know, l.none);
    list(&mut out, l.declined, &r.declined, l.none);
    if !r.not_answered.is_empty() {
        list(&mut out, l.not_answered, &r.not_answered, l.none);
    }
    out
}

fn list(out: &mut String, title: &str, items: &[String], none: &str) {
    let _ = writeln!(out, "\n{title}:");
    if items.is_empty() {
        let _ = writeln!(out, "  {none}");
    }
    for i in items {
        let _ = writeln!(out, "  - {i}");
    }
}
