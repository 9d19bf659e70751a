//! The staff report as Markdown (CommonMark), for case-management notes. Every text is
//! escaped, so an answer typed as `<script>` or `**` shows as typed and never as markup.

use std::fmt::Write;

use super::staff::StaffReport;

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
    let w = &r.words;
    let e = escape;
    let mut out = String::new();
    let _ = writeln!(out, "# {} — {}\n", e(l.staff_report), e(&r.title));
    let _ = writeln!(out, "*{}*\n", e(l.staff_only));
    let _ = writeln!(out, "| | |\n|---|---|");
    for h in &r.header {
        let _ = writeln!(out, "| {} | {} |", e(h.label), e(&h.value));
    }
    let _ = writeln!(out, "\n> {}\n", e(&r.notice));

    let _ = writeln!(out, "## {}\n", e(l.summary));
    for g in &r.groups {
        let _ = writeln!(out, "### {} ({})\n", e(g.title), g.items.len());
        if g.items.is_empty() {
            let _ = writeln!(out, "{}", e(w.nothing_here));
        }
        for i in &g.items {
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
                let _ = writeln!(out, "  - {}: {}", e(l.based_on), e(b));
            }
            if !i.documents_have.is_empty() {
                let docs: Vec<String> = i.documents_have.iter().map(|d| e(d)).collect();
                let _ = writeln!(out, "  - {}: {}", e(l.has), docs.join("; "));
            }
            if !i.documents_to_get.is_empty() {
                let docs: Vec<String> = i.documents_to_get.iter().map(|d| e(d)).collect();
                let _ = writeln!(out, "  - {}: {}", e(l.to_get), docs.join("; "));
            }
            if let Some(n) = &i.next_step {
                let _ = writeln!(out, "  - {}: {}", e(w.next_step), e(n));
            }
        }
        out.push('\n');
    }
    list(&mut out, w.notices, &r.notices, l.none);
    list(&mut out, w.bring, &r.bring, l.none);
    list(&mut out, w.get, &r.get, l.none);

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
    out
}

fn list(out: &mut String, title: &str, items: &[String], none: &str) {
    let _ = writeln!(out, "### {}\n", escape(title));
    if items.is_empty() {
        let _ = writeln!(out, "{}", escape(none));
    }
    for i in items {
        let _ = writeln!(out, "- {}", escape(i));
    }
    out.push('\n');
}
