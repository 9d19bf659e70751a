//! The take-home sheet for the applicant, in their language: the papers to bring and to get
//! and the notices about next steps. Nothing else: it may be read by anyone at home, so it
//! shows no answers, no factor statuses, and nothing drawn from a sensitive question.

use std::fmt::Write;

use serde::Serialize;

use super::input::{ReportError, ReportInput};
use super::staff::score;
use crate::i18n::strings;
use crate::model::{Condition, Questionnaire};
use crate::scoring::Status;

#[derive(Debug, Clone, Serialize)]
pub struct TakeHome {
    pub lang: String,
    pub title: String,
    pub today: String,
    pub code: Option<String>,
    pub code_label: &'static str,
    pub bring_title: &'static str,
    pub get_title: &'static str,
    pub notices_title: &'static str,
    pub nothing_here: &'static str,
    pub bring: Vec<String>,
    pub get: Vec<String>,
    pub notices: Vec<String>,
    pub notice: String,
    pub disclaimer: &'static str,
}

/// Whether a condition reads any question marked `sensitive`: what it reveals must stay with staff.
fn reads_sensitive(qn: &Questionnaire, conds: &[Option<&Condition>]) -> bool {
    let mut qs = Vec::new();
    conds.iter().flatten().for_each(|c| c.questions(&mut qs));
    qs.iter().any(|q| qn.questions[*q].sensitive)
}

pub fn build(input: &ReportInput<'_>, lang: &str) -> Result<TakeHome, ReportError> {
    let qn = input.questionnaire;
    let scored = score(input, lang)?;
    let s = strings(lang);
    let name = |id: &String| {
        qn.document(id)
            .map_or_else(|| id.clone(), |d| d.name.get(lang).to_owned())
    };
    let (mut bring, mut get) = (Vec::new(), Vec::new());
    for f in &scored.summary.factors {
        let Some(factor) = qn.factors.iter().find(|x| x.id == f.id) else {
            continue;
        };
        let evidence = factor.evidence.as_ref().map(|e| &qn.questions[e.question]);
        let hidden = reads_sensitive(
            qn,
            &[
                Some(&factor.applies),
                factor.strong.as_ref(),
                factor.serious.as_ref(),
            ],
        ) || evidence.is_some_and(|q| q.sensitive);
        if hidden
            || !matches!(
                f.status,
                Status::Strong | Status::Weak | Status::Undocumented
            )
        {
            continue;
        }
        for d in f.documents_have.iter().map(name) {
            if !bring.contains(&d) {
                bring.push(d);
            }
        }
        for d in f.documents_to_get.iter().map(name) {
            if !get.contains(&d) && !bring.contains(&d) {
                get.push(d);
            }
        }
    }
    let notices = qn
        .notices
        .iter()
        .filter(|n| scored.summary.notices.iter().any(|x| x.id == n.id))
        .filter(|n| !reads_sensitive(qn, &[Some(&n.when)]))
        .map(|n| n.text.get(lang).trim().to_owned())
        .collect();
    Ok(TakeHome {
        lang: lang.to_owned(),
        title: qn.title.get(lang).to_owned(),
        today: input.today.to_string(),
        code: input.meta.code.clone(),
        code_label: s.resume_code,
        bring_title: s.documents_bring,
        get_title: s.documents_get,
        notices_title: s.notices,
        nothing_here: s.nothing_here,
        bring,
        get,
        notices,
        notice: qn.notice.get(lang).trim().to_owned(),
        disclaimer: s.not_legal_advice,
    })
}

pub fn render_txt(t: &TakeHome) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}\n{}\n", t.title, t.today);
    if let Some(code) = &t.code {
        let _ = writeln!(out, "{}: {code}\n", t.code_label);
    }
    for (title, items) in [(t.bring_title, &t.bring), (t.get_title, &t.get)] {
        let _ = writeln!(out, "{title}:");
        if items.is_empty() {
            let _ = writeln!(out, "  {}", t.nothing_here);
        }
        for d in items {
            let _ = writeln!(out, "  [ ] {d}");
        }
        out.push('\n');
    }
    if !t.notices.is_empty() {
        let _ = writeln!(out, "{}:", t.notices_title);
        for n in &t.notices {
            let _ = writeln!(out, "  - {n}");
        }
        out.push('\n');
    }
    let _ = writeln!(out, "{}\n\n{}", t.notice, t.disclaimer);
    out
}
