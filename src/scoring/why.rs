//! Minimal reasons (design.md §5 "because"): the questions whose answers decided a
//! condition's value under three-valued logic. A true `any` is decided by its first true
//! branch, a false `all` by its first false part, an unknown result by the parts that were
//! unknown; `not` keeps the reasons of what it negates. Answers that did not change the
//! outcome are left out.

use crate::answer::Answer;
use crate::date::Date;
use crate::eval::{Tri, eval};
use crate::model::{Condition, QIdx, Questionnaire};

/// The value of `c` and the questions that decided it, in order of first mention.
pub fn decide<'a>(
    qn: &Questionnaire,
    c: &Condition,
    answer: &dyn Fn(QIdx) -> Option<&'a Answer>,
    today: Date,
) -> (Tri, Vec<QIdx>) {
    match c {
        Condition::All(cs) | Condition::Any(cs) => {
            let parts: Vec<(Tri, Vec<QIdx>)> =
                cs.iter().map(|c| decide(qn, c, answer, today)).collect();
            let is_all = matches!(c, Condition::All(_));
            // The value that settles the group on its own: false for `all`, true for `any`.
            let settles = if is_all { Tri::False } else { Tri::True };
            let value = parts.iter().fold(
                if is_all { Tri::True } else { Tri::False },
                |acc, (t, _)| if is_all { acc.and(*t) } else { acc.or(*t) },
            );
            let mut why = Vec::new();
            if value == settles {
                if let Some((_, qs)) = parts.iter().find(|(t, _)| *t == settles) {
                    why = qs.clone();
                }
            } else {
                // Every part counted (all true, all false) or the unknown ones left it open.
                for (t, qs) in &parts {
                    if value != Tri::Unknown || *t == Tri::Unknown {
                        for q in qs {
                            if !why.contains(q) {
                                why.push(*q);
                            }
                        }
                    }
                }
            }
            (value, why)
        }
        Condition::Not(inner) => {
            let (t, why) = decide(qn, inner, answer, today);
            (!t, why)
        }
        leaf => {
            let mut qs = Vec::new();
            leaf.questions(&mut qs);
            (eval(qn, leaf, answer, today), qs)
        }
    }
}
