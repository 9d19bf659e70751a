//! The staff report as data, with every word already chosen in the report's language.
//! The txt, md and html renderers draw from this and decide nothing themselves.

use serde::Serialize;

use super::input::{ReportError, ReportInput};
use super::labels::{Labels, labels};
use super::view::{self, Item};
use crate::answer::Answer;
use crate::i18n::{fill, strings};
use crate::interview::Interview;
use crate::model::{Kind, Questionnaire};
use crate::scoring::{Because, Summary, summarize};

#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub label: &'static str,
    pub value: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct AnswerLine {
    pub id: String,
    pub question: String,
    pub answer: String,
    pub sensitive: bool,
    /// Free text only: "as typed, in Español" (it is never translated).
    pub typed_in: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SectionAnswers {
    pub id: String,
    pub title: String,
    pub answers: Vec<AnswerLine>,
}

/// Words of the applicant-facing chrome that the staff report reuses.
#[derive(Debug, Clone, Serialize)]
pub struct Words {
    pub notices: &'static str,
    pub bring: &'static str,
    pub get: &'static str,
    pub next_step: &'static str,
    pub nothing_here: &'static str,
}

/// One favorable factor as a row of the compact table: factor · status · held · to get.
#[derive(Debug, Clone, Serialize)]
pub struct FavorableRow {
    pub id: String,
    pub symbol: &'static str,
    pub title: String,
    pub status: String,
    pub because: Vec<String>,
    pub have: Vec<String>,
    pub to_get: Vec<String>,
}

/// A document the applicant says they hold, with its tab in the packet (A, B, …).
#[derive(Debug, Clone, Serialize)]
pub struct Exhibit {
    pub tab: String,
    pub document: String,
}

/// The exhibits of one factor, in the order a lawyer assembles the packet.
#[derive(Debug, Clone, Serialize)]
pub struct ExhibitGroup {
    pub factor: String,
    pub exhibits: Vec<Exhibit>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StaffReport {
    pub lang: String,
    pub labels: &'static Labels,
    pub words: Words,
    pub title: String,
    /// Said before everything: unfinished intake, out-of-date content (staff voice).
    pub alerts: Vec<String>,
    /// Case posture: next hearing, intake state, adverse facts, relief to check.
    pub posture: Vec<Row>,
    /// Dated matters computed from the answers (hearing; texts chosen by a date).
    pub deadlines: Vec<String>,
    pub notices: Vec<String>,
    /// Adverse facts, serious first (never netted against the favorable ones).
    pub adverse: Vec<Item>,
    /// Other relief a lawyer should check (flags), with their reasons.
    pub relief: Vec<Item>,
    /// Strong, then needs documents, then weaker.
    pub favorable: Vec<FavorableRow>,
    /// Factors that could not be decided: to settle with the applicant.
    pub settle: Vec<Item>,
    pub exhibits: Vec<ExhibitGroup>,
    /// Every document still to get, deduplicated (the packet's checklist).
    pub get: Vec<String>,
    /// The record: code, dates, language, questionnaire (and its sha256), content date.
    pub header: Vec<Row>,
    pub notice: String,
    pub sections: Vec<SectionAnswers>,
    pub dont_know: Vec<String>,
    pub declined: Vec<String>,
    pub not_answered: Vec<String>,
}

/// The intake scored for a report in `lang` (notice texts come out in `lang`).
pub struct Scored<'q> {
    pub interview: Interview<'q>,
    pub summary: Summary,
}

pub fn score<'q>(input: &ReportInput<'q>, lang: &str) -> Result<Scored<'q>, ReportError> {
    let qn = input.questionnaire;
    if input.answers.len() != qn.questions.len() {
        return Err(ReportError::AnswerCount {
            expected: qn.questions.len(),
            got: input.answers.len(),
        });
    }
    check_language(qn, lang)?;
    let interview = Interview::with_answers(qn, input.today, input.answers.clone());
    let summary = summarize(&interview, lang);
    Ok(Scored { interview, summary })
}

pub fn check_language(qn: &Questionnaire, lang: &str) -> Result<(), ReportError> {
    // A single-language file has no declared languages to choose among.
    if qn.languages.is_empty() || qn.has_language(lang) {
        return Ok(());
    }
    Err(ReportError::UnknownLanguage {
        lang: lang.to_owned(),
        questionnaire: qn.id.clone(),
        available: qn
            .languages
            .iter()
            .map(|l| l.code.as_str())
            .collect::<Vec<_>>()
            .join(", "),
    })
}

/// A language's own name as the questionnaire declares it ("Español"), else its code.
pub fn language_name(qn: &Questionnaire, code: &str) -> String {
    qn.languages
        .iter()
        .find(|l| l.code == code)
        .map_or_else(|| code.to_owned(), |l| l.name.clone())
}

/// `in_progress` or `complete`: the record's word if it has one, else from the answers.
pub fn status(input: &ReportInput<'_>, iv: &Interview<'_>) -> String {
    input.meta.status.clone().unwrap_or_else(|| {
        if iv.is_complete() {
            "complete"
        } else {
            "in_progress"
        }
        .to_owned()
    })
}

pub fn build(input: &ReportInput<'_>, lang: &str) -> Result<StaffReport, ReportError> {
    let qn = input.questionnaire;
    let Scored {
        interview: iv,
        summary,
    } = score(input, lang)?;
    let l = labels(lang);
    let s = strings(lang);
    let v = view::build(qn, &summary, lang);
    let parts = super::staff_parts::parts(qn, &iv, &summary, &v, lang);
    let status = match status(input, &iv).as_str() {
        "complete" => l.complete.to_owned(),
        "in_progress" => l.in_progress.to_owned(),
        other => other.to_owned(),
    };
    let or_not = |o: &Option<String>| o.clone().unwrap_or_else(|| l.not_recorded.to_owned());
    let mut header = vec![
        Row {
            label: l.code,
            value: input
                .meta
                .code
                .clone()
                .unwrap_or_else(|| l.no_code.to_owned()),
        },
        Row {
            label: l.status,
            value: status,
        },
        Row {
            label: l.created,
            value: or_not(&input.meta.created),
        },
        Row {
            label: l.updated,
            value: or_not(&input.meta.updated),
        },
        Row {
            label: l.answered_in,
            value: language_name(qn, &input.language),
        },
        Row {
            label: l.scored_on,
            value: input.today.to_string(),
        },
        Row {
            label: l.questionnaire,
            value: format!("{} {}", qn.id, qn.version),
        },
        Row {
            label: "SHA-256",
            value: qn.sha256.clone(),
        },
        Row {
            label: l.policy_as_of,
            value: qn
                .policy_as_of
                .map_or_else(|| l.not_recorded.to_owned(), |d| d.to_string()),
        },
    ];

    if let Some(c) = input.meta.clinic.as_ref().filter(|c| !c.lines().is_empty()) {
        header.push(Row {
            label: l.clinic,
            value: c.lines().join(" · "),
        });
    }
    let typed_in = fill(l.typed_in, &[("lang", language_name(qn, &input.language))]);
    let mut sections: Vec<SectionAnswers> = Vec::new();
    let (mut dont_know, mut declined, mut not_answered) = (Vec::new(), Vec::new(), Vec::new());
    for qi in iv.visible_questions() {
        let q = &qn.questions[qi];
        if q.kind == Kind::Info {
            continue;
        }
        let text = q.text.get(lang).trim().to_owned();
        let Some(a) = iv.stored(qi) else {
            not_answered.push(text);
            continue;
        };
        match a {
            Answer::Unknown => dont_know.push(text.clone()),
            Answer::Declined => declined.push(text.clone()),
            _ => {}
        }
        let sec = &qn.sections[q.section];
        if sections.last().is_none_or(|x| x.id != sec.id) {
            sections.push(SectionAnswers {
                id: sec.id.clone(),
                title: sec.title.get(lang).to_owned(),
                answers: Vec::new(),
            });
        }
        let words = view::answer_words(
            qn,
            &Because {
                question: q.id.clone(),
                answer: a.to_json(),
            },
            lang,
        );
        let line = AnswerLine {
            id: q.id.clone(),
            question: text,
            answer: words,
            sensitive: q.sensitive,
            typed_in: matches!(a, Answer::Text(_)).then(|| typed_in.clone()),
        };
        if let Some(last) = sections.last_mut() {
            last.answers.push(line);
        }
    }

    Ok(StaffReport {
        lang: lang.to_owned(),
        labels: l,
        words: Words {
            notices: s.notices,
            bring: s.documents_bring,
            get: s.documents_get,
            next_step: s.next_step,
            nothing_here: s.nothing_here,
        },
        title: qn.title.get(lang).to_owned(),
        alerts: parts.alerts,
        posture: parts.posture,
        deadlines: parts.deadlines,
        notices: v.notices,
        adverse: parts.adverse,
        relief: parts.relief,
        favorable: parts.favorable,
        settle: parts.settle,
        exhibits: parts.exhibits,
        get: parts.get,
        header,
        notice: qn.notice.get(lang).trim().to_owned(),
        sections,
        dont_know,
        declined,
        not_answered,
    })
}
