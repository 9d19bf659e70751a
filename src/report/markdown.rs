//! The staff report as Markdown (CommonMark), for case-management notes. Every text is
//! escaped, so an answer typed as `<script>` or `**` shows as typed and never as markup.
//! Same order as the other formats: lawyer first, answers and record last.

use std::fmt::Write;

use super::staff::StaffReport;
use super::view::Item;

/// Backslash-escapes the characters that would start markup inline (CommonMark allows a
/// backslash before any ASCII punctuation); newlines become spaces.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '\r' => {}
            '\n' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

pub fn render(r: &StaffReport) -> String {
    let l = r.labels;
    let e = escape;
    let mut out = String::new();
    let _ = writeln!(out, "# {} — {}\n", e(l.staff_report), e(&r.title));
    let _ = writeln!(out, "*{}*\n", e(l.staff_only));
    for a in &r.alerts {
        let _ = writeln!(out, "> **{}**\n", e(a));
    }
    let _ = writeln!(out, "## {}\n", e(l.case_posture));
    table(&mut out, &r.posture);
    let _ = writeln!(out, "## {}\n", e(l.deadlines));
    bullets(&mut out, &r.deadlines, l.no_deadlines);
    let _ = writeln!(out, "## {}\n", e(l.notices));
    bullets(&mut out, &r.notices, l.none);
    let _ = writeln!(out, "## {}\n", e(l.adverse));
    items(&mut out, &r.adverse, l.based_on, l.none);
    let _ = writeln!(out, "## {}\n", e(l.relief));
    items(&mut out, &r.relief, l.based_on, l.none);
    let _ = writeln!(out, "## {}\n", e(l.favorable));
    if r.favorable.is_empty() {
        let _ = writeln!(out, "{}\n", e(l.none));
    } else {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |\n|---|---|---|---|",
            e(l.factor),
            e(l.factor_status),
            e(l.held),
            e(l.to_get)
        );
        for f in &r.favorable {
            let join = |v: &[String]| v.iter().map(|d| e(d)).collect::<Vec<_>>().join("; ");
            let because = f
                .because
                .iter()
                .map(|b| e(b))
                .collect::<Vec<_>>()
                .join("; ");
            let _ = writeln!(
                out,
                "| {} {}<br>*{}: {because}* | {} | {} | {} |",
                e(f.symbol),
                e(&f.title),
                e(l.based_on),
                e(&f.status),
                join(&f.have),
                join(&f.to_get)
            );
        }
        out.push('\n');
    }
    if !r.settle.is_empty() {
        let _ = writeln!(out, "## {}\n", e(l.settle));
        items(&mut out, &r.settle, l.based_on, l.none);
    }
    let _ = writeln!(out, "## {}\n\n{}\n", e(l.exhibits), e(l.exhibits_note));
    if r.exhibits.is_empty() {
        let _ = writeln!(out, "{}\n", e(l.none));
    }
    for g in &r.exhibits {
        let _ = writeln!(out, "- **{}**", e(&g.factor));
        for x in &g.exhibits {
            let _ = writeln!(out, "  - {} {}: {}", e(l.tab), e(&x.tab), e(&x.document));
        }
    }
    let _ = writeln!(out, "\n**{}:**\n", e(l.still_to_get));
    if r.get.is_empty() {
        let _ = writeln!(out, "{}", e(l.none));
    }
    for d in &r.get {
        let _ = writeln!(out, "- \\[ \\] {}", e(d));
    }
    out.push('\n');

    let _ = writeln!(out, "## {}\n", e(l.answers));
    for sec in &r.sections {
        let _ = writeln!(out, "### {}\n", e(&sec.title));
        for a in &sec.answers {
            let mark = if a.sensitive {
                format!(" *({})*", e(l.sensitive))
            } else {
                String::new()
            };
            match &a.typed_in {
                Some(lang) => {
                    let _ = writeln!(out, "- {}{mark} *({})*:\n", e(&a.question), e(lang));
                    for line in a.answer.lines() {
                        let _ = writeln!(out, "  > {}", e(line));
                    }
                    out.push('\n');
                }
                None => {
                    let _ = writeln!(out, "- {}{mark}: **{}**", e(&a.question), e(&a.answer));
                }
            }
        }
        out.push('\n');
    }
    list(&mut out, l.dont_know, &r.dont_know, l.none);
    list(&mut out, l.declined, &r.declined, l.none);
    if !r.not_answered.is_empty() {
        list(&mut out, l.not_answered, &r.not_answered, l.none);
    }
    let _ = writeln!(out, "## {}\n", e(l.record));
    table(&mut out, &r.header);
    let _ = writeln!(out, "> {}", e(&r.notice));
    out
}

fn table(out: &mut String, rows: &[super::staff::Row]) {
    let _ = writeln!(out, "| | |\n|---|---|");
    for h in rows {
        let _ = writeln!(out, "| {} | {} |", escape(h.label), escape(&h.value));
    }
    out.push('\n');
}

fn bullets(out: &mut String, items: &[String], none: &str) {
    if items.is_empty() {
        let _ = writeln!(out, "{}", escape(none));
    }
    for i in items {
        let _ = writeln!(out, "- {}", escape(i));
    }
    out.push('\n');
}

fn items(out: &mut String, items: &[Item], because: &str, none: &str) {
    let e = escape;
    if items.is_empty() {
        let _ = writeln!(out, "{}\n", e(none));
        return;
    }
    for i in items {
        let remark = i.remark.map(|x| format!(", {}", e(x))).unwrap_or_default();
        let _ = writeln!(
            out,
            "- **{} {}** ({}{remark})",
            e(i.symbol),
            e(&i.title),
            e(i.status_word)
        );
        if !i.explain.is_empty() {
            let _ = writeln!(out, "  {}", e(&i.explain));
        }
        for b in &i.because {
            let _ = writeln!(out, "  - {}: {}", e(because), e(b));
        }
    }
    out.push('\n');
}

fn list(out: &mut String, title: &str, items: &[String], none: &str) {
    let _ = writeln!(out, "### {}\n", escape(title));
    bullets(out, items, none);
}
