//! The staff report as JSON for case management: the summary contract of design.md §6 at the
//! top level (so a report is also a valid summary), plus the intake's metadata and answers.
//! Schema: docs/report.schema.json.

use serde::Serialize;

use super::input::{ReportError, ReportInput};
use super::staff::{score, status};
use super::view;
use crate::answer::Answer;
use crate::model::Kind;
use crate::scoring::{Because, Summary};

/// Version of the report's own fields; the summary part keeps `format` (scoring::SUMMARY_FORMAT).
pub const REPORT_FORMAT: u32 = 1;

#[derive(Debug, Serialize)]
struct Report<'a> {
    #[serde(flatten)]
    summary: &'a Summary,
    report_format: u32,
    intake: Intake,
    policy_as_of: Option<String>,
    answers: Vec<AnswerOut>,
}

#[derive(Debug, Serialize)]
struct Intake {
    code: Option<String>,
    status: String,
    created: Option<String>,
    updated: Option<String>,
    /// The language the applicant answered in (the summary's `language` is the report's).
    language: String,
}

#[derive(Debug, Serialize)]
struct AnswerOut {
    question: String,
    section: String,
    sensitive: bool,
    /// The answers-file notation (`unknown`, `declined`, choice ids, numbers, text as typed).
    answer: serde_json::Value,
    /// The answer in the report's language; free text stays as typed.
    words: String,
    /// Free text only: the language it was typed in.
    #[serde(skip_serializing_if = "Option::is_none")]
    typed_language: Option<String>,
}

pub fn render(input: &ReportInput<'_>, lang: &str) -> Result<String, ReportError> {
    let qn = input.questionnaire;
    let scored = score(input, lang)?;
    let iv = &scored.interview;
    let answers = iv
        .visible_questions()
        .filter(|q| qn.questions[*q].kind != Kind::Info)
        .filter_map(|qi| {
            let q = &qn.questions[qi];
            let a = iv.stored(qi)?;
            let b = Because {
                question: q.id.clone(),
                answer: a.to_json(),
            };
            Some(AnswerOut {
                question: q.id.clone(),
                section: qn.sections[q.section].id.clone(),
                sensitive: q.sensitive,
                words: view::answer_words(qn, &b, lang),
                answer: b.answer,
                typed_language: matches!(a, Answer::Text(_)).then(|| input.language.clone()),
            })
        })
        .collect();
    let report = Report {
        summary: &scored.summary,
        report_format: REPORT_FORMAT,
        intake: Intake {
            code: input.meta.code.clone(),
            status: status(input, iv),
            created: input.meta.created.clone(),
            updated: input.meta.updated.clone(),
            language: input.language.clone(),
        },
        policy_as_of: qn.policy_as_of.map(|d| d.to_string()),
        answers,
    };
    let mut out =
        serde_json::to_string_pretty(&report).map_err(|e| ReportError::Template(e.to_string()))?;
    out.push('\n');
    Ok(out)
}
