//! Bringing a saved intake into the questionnaire loaded now, which may have changed since
//! (a new version of the file). Nothing the applicant said is thrown away: what no longer fits
//! is set aside in the record, and new or changed questions are simply asked.

use std::fmt;

use serde_json::Value as Json;

use super::record::Record;
use crate::answer::{self, Answer};
use crate::date::Date;
use crate::model::{QIdx, Questionnaire};

/// What changed between the questionnaire the record was saved with and the current one.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Changes {
    pub old_version: String,
    pub new_version: String,
    /// Ids of answered questions that no longer exist (their answers are set aside).
    pub removed: Vec<String>,
    /// Questions whose earlier answer no longer fits (kind, range or choices changed): set
    /// aside, and the question is asked again.
    pub asked_again: Vec<QIdx>,
    /// Answered choice questions whose choices changed but whose answer still fits: kept,
    /// worth a second look.
    pub flagged: Vec<QIdx>,
    /// Questions that did not exist when the record was saved.
    pub added: Vec<QIdx>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.removed.is_empty()
            && self.asked_again.is_empty()
            && self.flagged.is_empty()
            && self.added.is_empty()
    }
}

impl fmt::Display for Changes {
    /// One English line for staff and logs (applicants get the i18n wording).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the questions changed since this intake was saved (version {} -> {}): {} new, {} answers set aside, {} to answer again, {} to check",
            self.old_version,
            self.new_version,
            self.added.len(),
            self.removed.len(),
            self.asked_again.len(),
            self.flagged.len()
        )
    }
}

/// The record's answers fitted to `qn`.
#[derive(Debug, Clone, PartialEq)]
pub struct Restored {
    /// One slot per question of `qn`.
    pub answers: Vec<Option<Answer>>,
    /// Everything that did not fit, kept in the record.
    pub set_aside: Vec<(String, Json)>,
    /// Where the applicant stood, if that question still exists.
    pub position: Option<QIdx>,
    /// None when the questionnaire is the same file (same sha256).
    pub changes: Option<Changes>,
}

/// Fits a record's answers to `qn`. Earlier set-aside answers come back when their question
/// exists again and they fit.
pub fn restore(qn: &Questionnaire, record: &Record, today: Date) -> Restored {
    let mut answers: Vec<Option<Answer>> = vec![None; qn.questions.len()];
    let mut set_aside: Vec<(String, Json)> = Vec::new();
    let mut ch = Changes {
        old_version: record.questionnaire.version.clone(),
        new_version: qn.version.clone(),
        ..Changes::default()
    };
    let fit = |qi: QIdx, v: &Json| -> Option<Answer> {
        let q = &qn.questions[qi];
        answer::from_json(q, v)
            .ok()
            .filter(|a| answer::validate(q, a, today).is_ok())
    };
    for (id, v) in &record.answers {
        match qn.question_index(id) {
            None => {
                ch.removed.push(id.clone());
                set_aside.push((id.clone(), v.clone()));
            }
            Some(qi) => match fit(qi, v) {
                Some(a) => {
                    let offered: Vec<&str> = qn.questions[qi]
                        .choices
                        .iter()
                        .map(|c| c.id.as_str())
                        .collect();
                    if record.choices.get(id).is_some_and(|old| {
                        old.iter().map(String::as_str).ne(offered.iter().copied())
                    }) {
                        ch.flagged.push(qi);
                    }
                    answers[qi] = Some(a);
                }
                None => {
                    ch.asked_again.push(qi);
                    set_aside.push((id.clone(), v.clone()));
                }
            },
        }
    }
    for (id, v) in &record.set_aside {
        let back = qn
            .question_index(id)
            .filter(|qi| answers[*qi].is_none())
            .and_then(|qi| fit(qi, v).map(|a| (qi, a)));
        match back {
            Some((qi, a)) => answers[qi] = Some(a),
            None if !set_aside.iter().any(|(k, _)| k == id) => {
                set_aside.push((id.clone(), v.clone()))
            }
            None => {}
        }
    }
    if !record.questions.is_empty() {
        ch.added = (0..qn.questions.len())
            .filter(|qi| !record.questions.contains(&qn.questions[*qi].id))
            .collect();
    }
    let position = record
        .position
        .as_deref()
        .and_then(|id| qn.question_index(id));
    let same = record.questionnaire.sha256 == qn.sha256;
    Restored {
        answers,
        set_aside,
        position,
        changes: if same { None } else { Some(ch) },
    }
}
