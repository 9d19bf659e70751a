//! Answers files (YAML, hand-written or exported): `questionnaire`, `language`, `answers`.
//! Also the answers part of scenario files, which add `name`, `today` and `expect`.

use serde_json::Value as Json;

use crate::answer::{self, Answer};
use crate::date::Date;
use crate::diag::{Diagnostic, Diagnostics, Pos};
use crate::model::Questionnaire;
use crate::yaml::{self, Node, Value};

#[derive(Debug, Clone, PartialEq)]
pub struct AnswersFile {
    pub questionnaire: Option<String>,
    pub language: Option<String>,
    /// `(question id, where, value)` in file order.
    pub answers: Vec<(String, Pos, Json)>,
    /// Keys beyond the answers file's own, for callers that read more (scenarios).
    pub extra: Vec<(String, Node)>,
}

/// Parses the YAML shape; `extra_keys` are accepted and handed back untouched.
pub fn parse(text: &str, extra_keys: &[&str]) -> Result<AnswersFile, Diagnostics> {
    let root = yaml::parse(text)?;
    let mut diags = Diagnostics::default();
    let Value::Map(entries) = &root.value else {
        diags.push(Diagnostic::error(
            root.pos,
            "an answers file must be a mapping with `answers:`",
        ));
        return Err(diags);
    };
    let mut file = AnswersFile {
        questionnaire: None,
        language: None,
        answers: Vec::new(),
        extra: Vec::new(),
    };
    let mut saw_answers = false;
    for (k, v) in entries {
        match (k.name.as_str(), &v.value) {
            ("questionnaire", Value::Str(s)) => file.questionnaire = Some(s.clone()),
            ("language", Value::Str(s)) => file.language = Some(s.clone()),
            ("answers", Value::Map(items)) => {
                saw_answers = true;
                for (qk, qv) in items {
                    file.answers.push((qk.name.clone(), qk.pos, qv.to_json()));
                }
            }
            ("answers", Value::Null) => saw_answers = true,
            ("questionnaire" | "language" | "answers", _) => {
                diags.push(Diagnostic::error(
                    v.pos,
                    format!("`{}` has the wrong type ({})", k.name, v.kind_name()),
                ));
            }
            (name, _) if extra_keys.contains(&name) => {
                file.extra.push((name.to_owned(), v.clone()))
            }
            (name, _) => diags.push(
                Diagnostic::error(k.pos, format!("unknown key `{name}` in the answers file"))
                    .with_hint("allowed: questionnaire, language, answers"),
            ),
        }
    }
    if !saw_answers {
        diags.push(Diagnostic::error(
            root.pos,
            "the answers file has no `answers:`",
        ));
    }
    if diags.has_errors() {
        Err(diags)
    } else {
        Ok(file)
    }
}

/// Answers matched to the questionnaire: one slot per question.
#[derive(Debug, Clone, PartialEq)]
pub struct Matched {
    pub answers: Vec<Option<Answer>>,
    /// Ids with no question in this questionnaire (kept aside, reported as warnings).
    pub orphans: Vec<(String, Json)>,
    pub warnings: Diagnostics,
}

/// Matches and validates answers; every invalid value is reported with its place.
pub fn apply(qn: &Questionnaire, file: &AnswersFile, today: Date) -> Result<Matched, Diagnostics> {
    let mut diags = Diagnostics::default();
    let mut warnings = Diagnostics::default();
    let mut answers = vec![None; qn.questions.len()];
    let mut orphans = Vec::new();
    if let Some(id) = &file.questionnaire {
        if *id != qn.id {
            diags.push(Diagnostic::error(
                Pos { line: 1, col: 1 },
                format!(
                    "these answers are for the questionnaire `{id}`, not `{}`",
                    qn.id
                ),
            ));
        }
    }
    for (id, pos, v) in &file.answers {
        let Some(qi) = qn.question_index(id) else {
            warnings.push(Diagnostic::warning(
                *pos,
                format!("no question `{id}` in this questionnaire; the answer is set aside"),
            ));
            orphans.push((id.clone(), v.clone()));
            continue;
        };
        let q = &qn.questions[qi];
        match answer::from_json(q, v).and_then(|a| answer::validate(q, &a, today).map(|()| a)) {
            Ok(a) => answers[qi] = Some(a),
            Err(e) => diags.push(Diagnostic::error(*pos, format!("`{id}`: {e}"))),
        }
    }
    if diags.has_errors() {
        Err(diags)
    } else {
        Ok(Matched {
            answers,
            orphans,
            warnings,
        })
    }
}

/// Writes answers (visible or not) as an answers file.
pub fn to_yaml(qn: &Questionnaire, language: &str, answers: &[Option<Answer>]) -> String {
    let mut out = format!("questionnaire: {}\nlanguage: {language}\nanswers:\n", qn.id);
    for (q, a) in qn.questions.iter().zip(answers) {
        if let Some(a) = a {
            out.push_str(&format!("  {}: {}\n", q.id, a.to_json()));
        }
    }
    out
}
