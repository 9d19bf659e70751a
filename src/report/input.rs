//! What a report is drawn from, independent of where it came from (a saved intake, an
//! answers file, the live interview): the questionnaire, one answer slot per question, the
//! language the applicant answered in, and the intake's metadata.

use crate::answer::Answer;
use crate::date::Date;
use crate::model::Questionnaire;

/// Facts about the intake itself; `None` where the source has none (an answers file).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IntakeMeta {
    /// The resume code, like K7P-2QX.
    pub code: Option<String>,
    /// ISO-8601 times as the store records them.
    pub created: Option<String>,
    pub updated: Option<String>,
    /// `in_progress` or `complete`; when absent the report works it out from the answers.
    pub status: Option<String>,
    /// The clinic holding the intake (its settings file), printed on the take-home sheet
    /// and the staff report; `None` when no clinic is set up.
    pub clinic: Option<super::ClinicInfo>,
}

#[derive(Debug, Clone)]
pub struct ReportInput<'q> {
    pub questionnaire: &'q Questionnaire,
    /// One slot per question of `questionnaire` (as `Interview::with_answers` takes them).
    pub answers: Vec<Option<Answer>>,
    /// The language the applicant answered in (free text is in this language).
    pub language: String,
    /// The date scoring counts years against.
    pub today: Date,
    pub meta: IntakeMeta,
}

/// The kinds of report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Txt,
    Md,
    Html,
    Json,
}

impl Format {
    pub const ALL: [Format; 4] = [Format::Txt, Format::Md, Format::Html, Format::Json];
    pub fn name(self) -> &'static str {
        match self {
            Format::Txt => "txt",
            Format::Md => "md",
            Format::Html => "html",
            Format::Json => "json",
        }
    }
    pub fn from_name(s: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == s)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("the questionnaire `{questionnaire}` has no language `{lang}` (it has: {available})")]
    UnknownLanguage {
        lang: String,
        questionnaire: String,
        available: String,
    },
    #[error("the take-home sheet is written as txt or html, not {0}")]
    TakeHomeFormat(&'static str),
    #[error("expected {expected} answer slots for the questionnaire, got {got}")]
    AnswerCount { expected: usize, got: usize },
    #[error("the report template failed: {0}")]
    Template(String),
}

impl<'q> ReportInput<'q> {
    /// The intake on screen now (the UI's summary screen); `meta.code` from the autosave session.
    pub fn from_interview(
        iv: &crate::interview::Interview<'q>,
        language: &str,
        meta: IntakeMeta,
    ) -> Self {
        ReportInput {
            questionnaire: iv.questionnaire(),
            answers: iv.answers().to_vec(),
            language: language.to_owned(),
            today: iv.today(),
            meta,
        }
    }

    /// A saved intake fitted to `qn` (what no longer fits stays in the record, unreported).
    pub fn from_record(qn: &'q Questionnaire, record: &crate::store::Record, today: Date) -> Self {
        let restored = crate::store::migrate::restore(qn, record, today);
        ReportInput {
            questionnaire: qn,
            answers: restored.answers,
            language: record.language.clone(),
            today,
            meta: IntakeMeta {
                code: Some(record.code.clone()),
                created: Some(record.created.clone()),
                updated: Some(record.updated.clone()),
                status: Some(record.status.name().to_owned()),
                clinic: None,
            },
        }
    }
}
