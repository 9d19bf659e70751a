//! Documents of an evidence question (design.md §5 "Documents"): what is held, and what is
//! still to get — only the choices whose `when` is true (or absent), never one held anywhere.

use crate::answer::Answer;
use crate::eval::{Tri, count};
use crate::model::{Condition, QIdx, Questionnaire};

/// Every document ticked in a visible evidence question: held, so never one "to get".
pub(super) fn held_documents<'a>(
    qn: &Questionnaire,
    answer: &dyn Fn(QIdx) -> Option<&'a Answer>,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for ev in qn.factors.iter().filter_map(|f| f.evidence.as_ref()) {
        if let Some(Answer::Choices(cs)) = answer(ev.question) {
            let q = &qn.questions[ev.question];
            for c in cs {
                if q.choice(c).is_some_and(|c| !c.exclusive) && !out.contains(c) {
                    out.push(c.clone());
                }
            }
        }
    }
    out
}

/// Whether the evidence is met, the documents held, and (when it is not met) the documents
/// to get: the evidence question's other choices whose `when` is true or absent. A document
/// held is never also one to get.
pub(super) fn documents<'a>(
    qn: &Questionnaire,
    ev: &crate::model::Evidence,
    t: &dyn Fn(&Condition) -> Tri,
    answer: &dyn Fn(QIdx) -> Option<&'a Answer>,
    held: &[String],
) -> (bool, Vec<String>, Vec<String>) {
    let q = &qn.questions[ev.question];
    let given = answer(ev.question);
    let have: Vec<String> = match given {
        Some(Answer::Choices(cs)) => cs
            .iter()
            .filter(|c| q.choice(c).is_some_and(|c| !c.exclusive))
            .cloned()
            .collect(),
        _ => Vec::new(),
    };
    let documented = given.map_or(0, |a| count(qn, ev.question, a)) >= ev.min;
    let to_get = if documented {
        Vec::new()
    } else {
        q.choices
            .iter()
            .filter(|c| !c.exclusive && !held.contains(&c.id))
            .filter(|c| c.when.as_ref().is_none_or(|w| t(w).is_true()))
            .map(|c| c.id.clone())
            .collect()
    };
    (documented, have, to_get)
}
