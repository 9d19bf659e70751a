//! The summary as people read it: the five groups of design.md §5 with words already chosen
//! in one language. Every renderer (screen, plain text, reports) draws from this.

use serde::Serialize;

use crate::i18n::{self, strings};
use crate::model::{Condition, Questionnaire};
use crate::scoring::{Because, FactorResult, Status, Summary};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Item {
    pub id: String,
    pub symbol: &'static str,
    pub status_word: &'static str,
    pub title: String,
    pub explain: String,
    /// "Question text: answer" lines.
    pub because: Vec<String>,
    pub documents_have: Vec<String>,
    pub documents_to_get: Vec<String>,
    pub next_step: Option<String>,
    /// Extra short remark ("serious", "could be strong with papers").
    pub remark: Option<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Group {
    pub key: &'static str,
    pub title: &'static str,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SummaryView {
    pub title: &'static str,
    pub disclaimer: &'static str,
    /// Lines that come before everything else, in this order: the intake is unfinished (and
    /// which sections were not asked), the next court date, the content may be out of date.
    pub top: Vec<String>,
    pub groups: Vec<Group>,
    pub notices: Vec<String>,
    /// Every document to bring and to get, deduplicated, by name.
    pub bring: Vec<String>,
    pub get: Vec<String>,
}

/// An answer in words: choice labels in `lang`, "I don't know", numbers and text as given.
pub fn answer_words(qn: &Questionnaire, b: &Because, lang: &str) -> String {
    let s = strings(lang);
    let Some(q) = qn.question(&b.question) else {
        return b.answer.to_string();
    };
    let label = |id: &str| -> String {
        match id {
            "unknown" => s.dont_know.to_owned(),
            "declined" => s.rather_not_say.to_owned(),
            "yes" if q.kind == crate::model::Kind::YesNo => s.yes.to_owned(),
            "no" if q.kind == crate::model::Kind::YesNo => s.no.to_owned(),
            _ => q
                .choice(id)
                .map_or_else(|| id.to_owned(), |c| c.label.get(lang).to_owned()),
        }
    };
    match &b.answer {
        serde_json::Value::String(v)
            if q.kind.has_choices() || q.kind == crate::model::Kind::YesNo =>
        {
            label(v)
        }
        serde_json::Value::String(v) if v == "unknown" || v == "declined" => label(v),
        serde_json::Value::String(v) => v.clone(),
        serde_json::Value::Array(items) => items
            .iter()
            .map(|i| label(i.as_str().unwrap_or_default()))
            .collect::<Vec<_>>()
            .join(", "),
        other => other.to_string(),
    }
}

/// "Question text — answer" lines in `lang` (factors' and flags' because-lists).
pub fn because_lines(qn: &Questionnaire, because: &[Because], lang: &str) -> Vec<String> {
    because
        .iter()
        .map(|b| {
            let text = qn
                .question(&b.question)
                .map_or(b.question.as_str(), |q| q.text.get(lang));
            format!("{} — {}", text.trim(), answer_words(qn, b, lang))
        })
        .collect()
}

fn document_names(qn: &Questionnaire, ids: &[String], lang: &str) -> Vec<String> {
    ids.iter()
        .map(|id| {
            qn.document(id)
                .map_or_else(|| id.clone(), |d| d.name.get(lang).to_owned())
        })
        .collect()
}

fn item(qn: &Questionnaire, f: &FactorResult, lang: &str) -> Item {
    let s = strings(lang);
    let factor = qn.factors.iter().find(|x| x.id == f.id);
    let (symbol, word) = i18n::status_word(lang, f.status);
    let because = because_lines(qn, &f.because, lang);
    let remark = match f.status {
        Status::Undocumented if f.strength == Some(crate::scoring::Strength::Strong) => {
            Some(s.would_be_strong)
        }
        Status::Concern if f.serious == Some(true) => Some(s.serious),
        _ => None,
    };
    Item {
        id: f.id.clone(),
        symbol,
        status_word: word,
        title: factor.map_or_else(|| f.id.clone(), |x| x.title.get(lang).to_owned()),
        explain: f.explain.clone(),
        because,
        documents_have: document_names(qn, &f.documents_have, lang),
        documents_to_get: document_names(qn, &f.documents_to_get, lang),
        next_step: factor
            .and_then(|x| x.next_step.as_ref())
            .map(|t| t.get(lang).to_owned()),
        remark,
    }
}

/// Whether a condition reads any question marked `sensitive`: what it reveals stays with staff.
pub fn reads_sensitive(qn: &Questionnaire, conds: &[Option<&Condition>]) -> bool {
    let mut qs = Vec::new();
    conds.iter().flatten().for_each(|c| c.questions(&mut qs));
    qs.iter().any(|q| qn.questions[*q].sensitive)
}

/// The documents to bring and to get, by name, deduplicated, in factor order: the one list
/// the summary screen, plain mode and the take-home sheet all show. Factors that read a
/// sensitive answer are left out (the sheet may be read by anyone at home), and a document
/// to bring is never also one to get.
pub fn documents(qn: &Questionnaire, summary: &Summary, lang: &str) -> (Vec<String>, Vec<String>) {
    let (mut bring, mut get): (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
    let mut to_get = Vec::new();
    for f in &summary.factors {
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
        for d in document_names(qn, &f.documents_have, lang) {
            if !bring.contains(&d) {
                bring.push(d);
            }
        }
        to_get.extend(document_names(qn, &f.documents_to_get, lang));
    }
    for d in to_get {
        if !get.contains(&d) && !bring.contains(&d) {
            get.push(d);
        }
    }
    (bring, get)
}

/// The group keys in the order every renderer shows them (after the notices).
pub const GROUP_ORDER: [&str; 5] = ["lawyer", "strong", "undocumented", "weak", "unknown"];

/// The titles of the sections an unfinished intake has not reached, for "not asked yet: …".
pub fn sections_not_asked(qn: &Questionnaire, summary: &Summary, lang: &str) -> String {
    let names: Vec<&str> = summary
        .sections_not_asked
        .iter()
        .filter_map(|id| qn.sections.iter().find(|s| s.id == *id))
        .map(|s| s.title.get(lang).trim())
        .collect();
    if names.is_empty() {
        "—".to_owned()
    } else {
        names.join(", ")
    }
}

/// The lines above the notices: unfinished intake, next court date, out-of-date content.
pub fn top_lines(qn: &Questionnaire, summary: &Summary, lang: &str) -> Vec<String> {
    let w = super::words::words(lang);
    let mut out = Vec::new();
    if !summary.complete {
        let list = sections_not_asked(qn, summary, lang);
        out.push(w.unfinished.replace("{sections}", &list));
    }
    if let Some(h) = &summary.hearing {
        let when = super::words::days_from_now(lang, h.days_until);
        let t = if h.passed {
            w.court_date_passed
        } else {
            w.next_court_date
        };
        out.push(t.replace("{date}", &h.date).replace("{when}", &when));
    }
    if summary.content_age.as_ref().is_some_and(|a| a.out_of_date) {
        out.push(w.out_of_date.to_owned());
    }
    out
}

pub fn build(qn: &Questionnaire, summary: &Summary, lang: &str) -> SummaryView {
    let s = strings(lang);
    let of = |st: Status| {
        summary
            .with_status(st)
            .map(|f| item(qn, f, lang))
            .collect::<Vec<_>>()
    };
    let mut lawyer = of(Status::Concern);
    // Serious concerns first: they matter most to a lawyer.
    lawyer.sort_by_key(|i| i.remark.is_none());
    for fl in &summary.flags {
        let flag = qn.flags.iter().find(|x| x.id == fl.id);
        lawyer.push(Item {
            id: fl.id.clone(),
            symbol: "→",
            status_word: s.flag_word,
            title: flag.map_or_else(|| fl.id.clone(), |x| x.title.get(lang).to_owned()),
            explain: fl.explain.clone(),
            because: Vec::new(),
            documents_have: Vec::new(),
            documents_to_get: Vec::new(),
            next_step: None,
            remark: None,
        });
    }
    // Lawyer first (design.md §5): what needs a lawyer, then the good news, then what staff
    // must settle. Notices come before all groups in every renderer.
    let groups = vec![
        Group {
            key: "lawyer",
            title: s.group_lawyer,
            items: lawyer,
        },
        Group {
            key: "strong",
            title: s.group_strong,
            items: of(Status::Strong),
        },
        Group {
            key: "undocumented",
            title: s.group_needs_papers,
            items: of(Status::Undocumented),
        },
        Group {
            key: "weak",
            title: s.group_weak,
            items: of(Status::Weak),
        },
        Group {
            key: "unknown",
            title: s.group_unknown,
            items: of(Status::Unknown),
        },
    ];
    let (bring, get) = documents(qn, summary, lang);
    SummaryView {
        title: s.summary_title,
        disclaimer: s.not_legal_advice,
        top: top_lines(qn, summary, lang),
        groups,
        notices: summary.notices.iter().map(|n| n.text.clone()).collect(),
        bring,
        get,
    }
}
