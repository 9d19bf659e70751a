//! Helpers for the tests/score_*.rs files: the 2026 additions fixture questionnaire and
//! intakes built from `(question, answer)` pairs in the answers-file notation.

#![allow(dead_code)]

use std::path::Path;

use pd_intake::answers_file;
use pd_intake::date::Date;
use pd_intake::interview::Interview;
use pd_intake::load;
use pd_intake::model::Questionnaire;
use pd_intake::report::{IntakeMeta, ReportInput};
use pd_intake::scoring::{Summary, summarize};

pub const ADDITIONS: &str = "tests/fixtures/additions_2026.yaml";

pub fn today() -> Date {
    Date::parse("2026-12-01").unwrap()
}

pub fn additions() -> Questionnaire {
    load::load_file(Path::new(ADDITIONS)).expect("the additions fixture loads")
}

/// Answers in the answers-file notation, e.g. `[("has_children", "yes"), ("family_documents", "[none]")]`.
pub fn answers(
    qn: &Questionnaire,
    pairs: &[(&str, &str)],
) -> Vec<Option<pd_intake::answer::Answer>> {
    let mut text = format!("questionnaire: {}\nlanguage: en\nanswers:\n", qn.id);
    for (q, a) in pairs {
        text.push_str(&format!("  {q}: {a}\n"));
    }
    let file = answers_file::parse(&text, &[]).expect("answers parse");
    answers_file::apply(qn, &file, today())
        .expect("answers fit")
        .answers
}

pub fn summary(qn: &Questionnaire, pairs: &[(&str, &str)]) -> Summary {
    summary_on(qn, pairs, today())
}

pub fn summary_on(qn: &Questionnaire, pairs: &[(&str, &str)], day: Date) -> Summary {
    let iv = Interview::with_answers(qn, day, answers(qn, pairs));
    summarize(&iv, "en")
}

pub fn input<'q>(qn: &'q Questionnaire, pairs: &[(&str, &str)]) -> ReportInput<'q> {
    ReportInput {
        questionnaire: qn,
        answers: answers(qn, pairs),
        language: "en".into(),
        today: today(),
        meta: IntakeMeta::default(),
    }
}

/// The question ids of a because-list.
pub fn because_ids(b: &[pd_intake::scoring::Because]) -> Vec<&str> {
    b.iter().map(|b| b.question.as_str()).collect()
}
