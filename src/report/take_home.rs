//! The take-home sheet for the applicant, in their language, on one page: the next court
//! date first, the clinic's name and phone, the papers to bring and to get, and the notices. Nothing else: it may be read by anyone at home, so it
//! shows no answers, no factor statuses, and nothing drawn from a sensitive question.

use std::fmt::Write;

use serde::Serialize;

use super::input::{ReportError, ReportInput};
use super::staff::score;
use super::view;
use crate::i18n::strings;

#[derive(Debug, Clone, Serialize)]
pub struct TakeHome {
    pub lang: String,
    pub title: String,
    pub today: String,
    /// The next court date, first on the sheet (or that it has passed).
    pub court: Option<String>,
    /// The clinic's name, phone and address lines (from its settings).
    pub clinic: Vec<String>,
    /// "This information may be out of date; ask the staff." when the content is old.
    pub out_of_date: Option<&'static str>,
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

pub fn build(input: &ReportInput<'_>, lang: &str) -> Result<TakeHome, ReportError> {
    let qn = input.questionnaire;
    let scored = score(input, lang)?;
    let s = strings(lang);
    let (bring, get) = view::documents(qn, &scored.summary, lang);
    let notices = qn
        .notices
        .iter()
        .filter(|n| !view::reads_sensitive(qn, &[Some(&n.when)]))
        .filter_map(|n| scored.summary.notices.iter().find(|x| x.id == n.id))
        .map(|n| n.text.trim().to_owned())
        .collect();
    let w = super::words::words(lang);
    let court = scored.summary.hearing.as_ref().map(|h| {
        let when = super::words::days_from_now(lang, h.days_until);
        let t = if h.passed {
            w.court_date_passed
        } else {
            w.next_court_date
        };
        t.replace("{date}", &h.date).replace("{when}", &when)
    });
    let out_of_date = scored
        .summary
        .content_age
        .as_ref()
        .is_some_and(|a| a.out_of_date)
        .then_some(w.out_of_date);
    Ok(TakeHome {
        lang: lang.to_owned(),
        title: qn.title.get(lang).to_owned(),
        today: input.today.to_string(),
        court,
        clinic: input
            .meta
            .clinic
            .as_ref()
            .map(super::ClinicInfo::lines)
            .unwrap_or_default(),
        out_of_date,
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
    if let Some(c) = &t.court {
        let _ = writeln!(out, "{c}\n");
    }
    let _ = writeln!(out, "{}\n{}\n", t.title, t.today);
    if !t.clinic.is_empty() {
        let _ = writeln!(out, "{}\n", t.clinic.join("\n"));
    }
    if let Some(o) = t.out_of_date {
        let _ = writeln!(out, "{o}\n");
    }
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
