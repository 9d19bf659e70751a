//! The logic report (`check --explain`): the whole tree in plain words, in Markdown, so a
//! supervising attorney can sign off the content without reading YAML.

use std::fmt::Write as _;

use crate::model::{Condition, Direction, Kind, Literal, QIdx, Questionnaire};

use super::phrases::{Phrases, fill, phrases};

struct Ctx<'a> {
    qn: &'a Questionnaire,
    lang: &'a str,
    p: &'static Phrases,
}

impl Ctx<'_> {
    /// “Question text” (`id`), shortened when long.
    fn q(&self, q: QIdx) -> String {
        let question = &self.qn.questions[q];
        let text: String = question
            .text
            .get(self.lang)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let short = if text.chars().count() > 90 {
            format!("{}…", text.chars().take(88).collect::<String>().trim_end())
        } else {
            text
        };
        format!("“{short}” (`{}`)", question.id)
    }

    fn label(&self, q: QIdx, id: &str) -> String {
        let question = &self.qn.questions[q];
        let text = match (question.kind, id) {
            (Kind::YesNo, "yes") => self.p.yes.to_owned(),
            (Kind::YesNo, "no") => self.p.no.to_owned(),
            _ => question
                .choice(id)
                .map_or_else(|| id.to_owned(), |c| c.label.get(self.lang).to_owned()),
        };
        format!("**{text}**")
    }

    fn lit(&self, q: QIdx, l: &Literal) -> String {
        match l {
            Literal::Choice(c) => self.label(q, c),
            Literal::Int(i) => format!("**{i}**"),
        }
    }

    fn list(&self, items: Vec<String>) -> String {
        items.join(self.p.or)
    }

    /// A condition as Markdown: one line for a test, a nested bullet list for all/any/not.
    fn cond(&self, c: &Condition, depth: usize) -> String {
        let p = self.p;
        let leaf = |t: &str, q: QIdx, a: String| fill(t, &self.q(q), &a);
        match c {
            Condition::Is(q, l) => leaf(p.is, *q, self.lit(*q, l)),
            Condition::IsNot(q, l) => leaf(p.is_not, *q, self.lit(*q, l)),
            Condition::In(q, ls) => leaf(
                p.is_in,
                *q,
                self.list(ls.iter().map(|l| self.lit(*q, l)).collect()),
            ),
            Condition::Includes(q, id) => leaf(p.includes, *q, self.label(*q, id)),
            Condition::IncludesAny(q, ids) => leaf(
                p.includes_any,
                *q,
                self.list(ids.iter().map(|i| self.label(*q, i)).collect()),
            ),
            Condition::AtLeast(q, n) => leaf(p.at_least, *q, format!("**{n}**")),
            Condition::AtMost(q, n) => leaf(p.at_most, *q, format!("**{n}**")),
            Condition::YearsAgoAtLeast(q, n) => leaf(p.years_ago_at_least, *q, format!("**{n}**")),
            Condition::YearsAgoAtMost(q, n) => leaf(p.years_ago_at_most, *q, format!("**{n}**")),
            Condition::CountAtLeast(q, n) => leaf(p.count_at_least, *q, format!("**{n}**")),
            Condition::DaysUntilAtMost(q, -1) => leaf(p.date_past, *q, String::new()),
            Condition::DaysUntilAtLeast(q, 0) => leaf(p.date_not_past, *q, String::new()),
            Condition::DaysUntilAtMost(q, n) if *n < 0 => {
                leaf(p.days_ago_at_least, *q, format!("**{}**", -n))
            }
            Condition::DaysUntilAtMost(q, n) => leaf(p.days_until_at_most, *q, format!("**{n}**")),
            Condition::DaysUntilAtLeast(q, n) if *n < 0 => {
                leaf(p.days_ago_at_most, *q, format!("**{}**", -n))
            }
            Condition::DaysUntilAtLeast(q, n) => {
                leaf(p.days_until_at_least, *q, format!("**{n}**"))
            }
            Condition::DateBefore(q, d) => leaf(p.date_before, *q, format!("**{d}**")),
            Condition::DateOnOrAfter(q, d) => leaf(p.date_on_or_after, *q, format!("**{d}**")),
            Condition::Answered(q) => leaf(p.answered, *q, String::new()),
            Condition::Unknown(q) => leaf(p.unknown, *q, String::new()),
            Condition::All(cs) | Condition::Any(cs) if cs.len() == 1 => self.cond(&cs[0], depth),
            Condition::All(cs) => self.group(p.all, cs, depth),
            Condition::Any(cs) => self.group(p.any, cs, depth),
            Condition::Not(c) => self.group(p.not, std::slice::from_ref(c), depth),
        }
    }

    fn group(&self, head: &str, cs: &[Condition], depth: usize) -> String {
        let indent = "  ".repeat(depth);
        let mut s = head.to_owned();
        for c in cs {
            let _ = write!(s, "\n{indent}- {}", self.cond(c, depth + 1));
        }
        s
    }

    /// The `explain_when` / `text_when` entries: each text quoted under its rule.
    fn instead(&self, out: &mut String, entries: &[crate::model::WhenText]) {
        for e in entries {
            self.rule(out, self.p.instead_when, &e.when);
            let _ = writeln!(out, "> {}\n", e.text.get(self.lang).trim());
        }
    }

    /// A labelled rule: `**Asked when** ...` with a list starting on its own line.
    fn rule(&self, out: &mut String, label: &str, c: &Condition) {
        let _ = writeln!(out, "{label}{}\n", self.cond(c, 0));
    }
}

/// Who reads a question, in the report's words.
fn readers(cx: &Ctx<'_>, q: QIdx) -> Vec<String> {
    let (qn, p) = (cx.qn, cx.p);
    let reads = |c: &Condition| {
        let mut qs = Vec::new();
        c.questions(&mut qs);
        qs.contains(&q)
    };
    let mut out = Vec::new();
    for f in &qn.factors {
        let mut roles = Vec::new();
        if reads(&f.applies) {
            roles.push(p.role_applies);
        }
        if f.strong.as_ref().is_some_and(reads) {
            roles.push(p.role_strong);
        }
        if f.serious.as_ref().is_some_and(reads) {
            roles.push(p.role_serious);
        }
        if f.evidence.as_ref().is_some_and(|e| e.question == q) {
            roles.push(p.role_evidence);
        }
        if !roles.is_empty() {
            out.push(format!(
                "{} “{}” (`{}`): {}",
                p.factor,
                f.title.get(cx.lang),
                f.id,
                roles.join(", ")
            ));
        }
    }
    for f in qn.flags.iter().filter(|f| reads(&f.when)) {
        out.push(format!(
            "{} “{}” (`{}`)",
            p.flag,
            f.title.get(cx.lang),
            f.id
        ));
    }
    for n in qn.notices.iter().filter(|n| reads(&n.when)) {
        out.push(format!("{} `{}`: {}", p.notice, n.id, p.role_when));
    }
    out
}

/// The report in `lang` (generated phrases in English for languages without a table).
pub fn explain(qn: &Questionnaire, lang: &str) -> String {
    let cx = Ctx {
        qn,
        lang,
        p: phrases(lang),
    };
    let p = cx.p;
    let mut out = String::new();
    let _ = writeln!(out, "# {}: {}\n", p.report_title, qn.title.get(lang));
    let as_of = qn
        .policy_as_of
        .map_or_else(|| "—".to_owned(), |d| d.to_string());
    let _ = writeln!(
        out,
        "`{}` · {} · sha256 `{}`\n",
        qn.id,
        fill(p.version, &as_of, &qn.version),
        qn.sha256
    );
    let _ = writeln!(out, "{}\n", p.how_to_read);
    let _ = writeln!(out, "## {}\n", p.questions);
    let mut number = 0;
    for sec in &qn.sections {
        let _ = writeln!(
            out,
            "### {} “{}” (`{}`)\n",
            p.section,
            sec.title.get(lang),
            sec.id
        );
        if let Some(c) = &sec.when {
            cx.rule(&mut out, p.section_shown_when, c);
        }
        for q in sec.questions.clone() {
            number += 1;
            question(&cx, &mut out, q, number);
        }
    }
    let _ = writeln!(out, "## {}\n", p.factors);
    for f in &qn.factors {
        let dir = match f.direction {
            Direction::Favorable => p.favorable,
            Direction::Adverse => p.adverse,
        };
        let _ = writeln!(out, "### “{}” (`{}`) — {dir}\n", f.title.get(lang), f.id);
        let _ = writeln!(out, "{}\n", f.explain.get(lang).trim());
        cx.instead(&mut out, &f.explain_when);
        cx.rule(&mut out, p.applies_when, &f.applies);
        match (f.direction, &f.strong, &f.serious) {
            (Direction::Favorable, Some(c), _) => cx.rule(&mut out, p.strong_when, c),
            (Direction::Favorable, None, _) => {
                let _ = writeln!(out, "{}\n", p.strong_always);
            }
            (Direction::Adverse, _, Some(c)) => cx.rule(&mut out, p.serious_when, c),
            (Direction::Adverse, _, None) => {
                let _ = writeln!(out, "{}\n", p.serious_never);
            }
        }
        match &f.evidence {
            Some(ev) => {
                let _ = writeln!(
                    out,
                    "{}",
                    fill(p.documents, &cx.q(ev.question), &ev.min.to_string())
                );
                for c in qn.questions[ev.question]
                    .choices
                    .iter()
                    .filter(|c| !c.exclusive)
                {
                    let name = qn.document(&c.id).map_or_else(
                        || c.label.get(lang).to_owned(),
                        |d| d.name.get(lang).to_owned(),
                    );
                    let _ = writeln!(out, "- {name} (`{}`)", c.id);
                }
                out.push('\n');
            }
            None if f.direction == Direction::Favorable => {
                let _ = writeln!(out, "{}\n", p.no_documents);
            }
            None => {}
        }
        if let Some(t) = &f.next_step {
            let _ = writeln!(out, "{} {}\n", p.next_step, t.get(lang).trim());
        }
    }
    let _ = writeln!(out, "## {}\n", p.flags);
    for f in &qn.flags {
        let _ = writeln!(
            out,
            "### “{}” (`{}`)\n\n{}\n",
            f.title.get(lang),
            f.id,
            f.explain.get(lang).trim()
        );
        cx.instead(&mut out, &f.explain_when);
        cx.rule(&mut out, p.raised_when, &f.when);
    }
    let _ = writeln!(out, "## {}\n", p.notices);
    for n in &qn.notices {
        let _ = writeln!(out, "### `{}`\n\n> {}\n", n.id, n.text.get(lang).trim());
        cx.instead(&mut out, &n.text_when);
        cx.rule(&mut out, p.shown_when, &n.when);
    }
    if let Some(q) = qn.hearing_date {
        let _ = writeln!(out, "{}\n", fill(p.hearing_date, &cx.q(q), ""));
    }
    out
}

fn question(cx: &Ctx<'_>, out: &mut String, q: QIdx, number: usize) {
    let (qn, p, lang) = (cx.qn, cx.p, cx.lang);
    let question = &qn.questions[q];
    let kind = p.kind(question.kind);
    let text = question
        .text
        .get(lang)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let _ = writeln!(
        out,
        "#### {number}. `{}` — {kind}\n\n> {text}\n",
        question.id
    );
    match &question.when {
        Some(c) => cx.rule(out, p.asked_when, c),
        None => {
            let _ = writeln!(out, "{}\n", p.always_asked);
        }
    }
    if question.kind.has_choices() {
        let labels: Vec<String> = question
            .choices
            .iter()
            .map(|c| format!("{} (`{}`)", c.label.get(lang), c.id))
            .collect();
        let _ = writeln!(out, "{} {}\n", p.choices, labels.join(" · "));
        for c in &question.choices {
            if let Some(w) = &c.when {
                let head = fill(
                    p.choice_when,
                    "",
                    &format!("“{}” (`{}`)", c.label.get(lang), c.id),
                );
                cx.rule(out, &head, w);
            }
        }
    }
    let mut notes = Vec::new();
    if question.sensitive {
        notes.push(p.sensitive);
    }
    if !question.allow_unknown && question.kind != Kind::Info {
        notes.push(p.no_dont_know);
    }
    if !notes.is_empty() {
        let _ = writeln!(out, "{}\n", notes.join(" "));
    }
    if question.kind == Kind::Info {
        return;
    }
    let readers = readers(cx, q);
    if readers.is_empty() {
        let _ = writeln!(out, "{}\n", p.read_by_none);
    } else {
        let _ = writeln!(out, "{}\n", p.read_by);
        for r in readers {
            let _ = writeln!(out, "- {r}");
        }
        out.push('\n');
    }
    let reads = |c: &Condition| {
        let mut qs = Vec::new();
        c.questions(&mut qs);
        qs.contains(&q)
    };
    let mut decides: Vec<String> = qn
        .questions
        .iter()
        .filter(|o| o.when.as_ref().is_some_and(reads))
        .map(|o| format!("`{}`", o.id))
        .collect();
    decides.extend(
        qn.sections
            .iter()
            .filter(|s| s.when.as_ref().is_some_and(reads))
            .map(|s| format!("{} `{}`", p.section, s.id)),
    );
    if !decides.is_empty() {
        let _ = writeln!(out, "{} {}\n", p.decides, decides.join(", "));
    }
}
