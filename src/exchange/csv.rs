//! The CSV for a case-management import: one row per intake, UTF-8 with a byte-order mark
//! (spreadsheets on Windows need it to read accents), RFC 4180 quoting and CRLF line ends
//! through the `csv` crate. Column names are a contract: docs/export.md.

use super::ExchangeError;
use crate::answer::Answer;
use crate::date::Date;
use crate::interview::Interview;
use crate::model::Questionnaire;
use crate::report::ReportInput;
use crate::scoring::summarize;
use crate::store::Record;

/// Question ids that identify a person: each one the questionnaire has gets its own column
/// `answer.<id>`, so a case-management system can match the row to a client.
pub const IDENTITY_QUESTIONS: &[&str] = &[
    "full_name",
    "given_name",
    "family_name",
    "other_names",
    "a_number",
    "birth_date",
    "citizenship_country",
    "phone",
    "email",
    "address",
];

/// The question giving the next court date and the one saying whether the person is detained.
pub const HEARING_QUESTION: &str = "next_hearing_date";
pub const DETAINED_QUESTION: &str = "detained_now";

const BOM: &str = "\u{feff}";

/// What a spreadsheet would run as a formula (or use to start one) is made plain text with a
/// leading apostrophe, the marker spreadsheets themselves use for "this is text".
pub fn inert(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

/// The header row for `qn`.
pub fn columns(qn: &Questionnaire) -> Vec<String> {
    let mut cols: Vec<String> = [
        "code",
        "status",
        "created",
        "updated",
        "language",
        "answered",
        "questionnaire_id",
        "questionnaire_version",
        "next_hearing_date",
        "detained",
    ]
    .map(str::to_owned)
    .to_vec();
    cols.extend(identity_questions(qn).map(|id| format!("answer.{id}")));
    cols.extend(qn.factors.iter().map(|f| format!("factor.{}", f.id)));
    cols.push("flags".into());
    cols.push("notices".into());
    cols
}

fn identity_questions(qn: &Questionnaire) -> impl Iterator<Item = &'static str> + '_ {
    IDENTITY_QUESTIONS
        .iter()
        .copied()
        .filter(|id| qn.question_index(id).is_some())
}

/// One row, in the order of `columns`. Hidden questions count as unanswered.
pub fn row(qn: &Questionnaire, record: &Record, today: Date) -> Result<Vec<String>, ExchangeError> {
    if record.questionnaire.id != qn.id {
        return Err(ExchangeError::OtherQuestionnaire {
            code: record.code.clone(),
            expected: qn.id.clone(),
            found: record.questionnaire.id.clone(),
        });
    }
    let input = ReportInput::from_record(qn, record, today);
    let iv = Interview::with_answers(qn, today, input.answers);
    let summary = summarize(&iv, qn.default_language());
    let answer = |id: &str| -> String {
        qn.question_index(id)
            .and_then(|q| iv.effective(q))
            .map(Answer::notation)
            .unwrap_or_default()
    };
    let mut out = vec![
        record.code.clone(),
        record.status.name().to_owned(),
        record.created.clone(),
        record.updated.clone(),
        record.language.clone(),
        record.answered.to_string(),
        record.questionnaire.id.clone(),
        record.questionnaire.version.clone(),
        answer(HEARING_QUESTION),
        answer(DETAINED_QUESTION),
    ];
    out.extend(identity_questions(qn).map(answer));
    for f in &qn.factors {
        let status = summary.factor(&f.id).map_or("", |r| r.status.name());
        out.push(status.to_owned());
    }
    let ids = |v: Vec<&str>| v.join(";");
    out.push(ids(summary.flags.iter().map(|f| f.id.as_str()).collect()));
    out.push(ids(summary.notices.iter().map(|n| n.id.as_str()).collect()));
    Ok(out)
}

/// The whole file: BOM, header, one row per record. Every cell goes through `inert`.
pub fn write(
    qn: &Questionnaire,
    records: &[Record],
    today: Date,
) -> Result<Vec<u8>, ExchangeError> {
    let mut rows = Vec::with_capacity(records.len());
    for r in records {
        rows.push(row(qn, r, today)?);
    }
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .quote_style(::csv::QuoteStyle::Necessary)
        .from_writer(BOM.as_bytes().to_vec());
    let io = |e: ::csv::Error| ExchangeError::Io {
        path: "CSV".into(),
        source: std::io::Error::other(e),
    };
    w.write_record(columns(qn)).map_err(io)?;
    for r in &rows {
        w.write_record(r.iter().map(|c| inert(c).into_owned()))
            .map_err(io)?;
    }
    w.into_inner().map_err(|e| ExchangeError::Io {
        path: "CSV".into(),
        source: std::io::Error::other(e.to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::inert;

    #[test]
    fn formula_starts_get_an_apostrophe_and_nothing_else_changes() {
        for s in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(inert(s), format!("'{s}"));
        }
        for s in ["", "José", "a=b", " =x", "'quoted", "2026-01-01"] {
            assert_eq!(inert(s), s);
        }
    }
}
