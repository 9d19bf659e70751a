//! Invariants over generated valid questionnaires and random answer sequences: nothing
//! panics, back then next returns where it was, progress is an honest range, the engine's
//! step-by-step updates agree with a recomputation from scratch, and every factor gets
//! exactly one status. Sizes and cases stay small so this runs in seconds in debug builds.

#[path = "../benches/support/gen.rs"]
mod generate;

use std::sync::LazyLock;

use pd_intake::answer::Answer;
use pd_intake::date::Date;
use pd_intake::interview::Interview;
use pd_intake::load;
use pd_intake::model::{Kind, Question, Questionnaire};
use pd_intake::scoring::{self, Status};
use proptest::prelude::*;

/// Three sizes: a single section, a few sections, and enough for hidden-section chains.
static FILES: LazyLock<Vec<Questionnaire>> = LazyLock::new(|| {
    [10, 30, 60]
        .into_iter()
        .map(|n| load::load_str(&generate::questionnaire(n)).expect("generated file loads"))
        .collect()
});

fn today() -> Date {
    Date::new(2026, 11, 27).unwrap()
}

#[derive(Debug, Clone)]
enum Step {
    Answer(u8),
    Unknown,
    Declined,
    Next,
    Back,
    /// Jump to the n-th visible question (review screen) and change its answer there.
    Revise(u8, u8),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => any::<u8>().prop_map(Step::Answer),
        1 => Just(Step::Unknown),
        1 => Just(Step::Declined),
        2 => Just(Step::Next),
        2 => Just(Step::Back),
        1 => (any::<u8>(), any::<u8>()).prop_map(|(a, b)| Step::Revise(a, b)),
    ]
}

/// An answer chosen by a seed; some are out of range on purpose (they must be refused).
fn answer(q: &Question, seed: u8) -> Option<Answer> {
    let n = usize::from(seed);
    Some(match q.kind {
        Kind::Info => return None,
        Kind::YesNo | Kind::SingleChoice => {
            Answer::Choice(q.choices[n % q.choices.len()].id.clone())
        }
        Kind::MultiChoice => {
            let c = &q.choices[n % q.choices.len()];
            if c.exclusive {
                Answer::Choices(vec![c.id.clone()])
            } else {
                Answer::Choices(
                    q.choices
                        .iter()
                        .filter(|x| !x.exclusive)
                        .take(1 + n % 2)
                        .map(|x| x.id.clone())
                        .collect(),
                )
            }
        }
        Kind::Number => Answer::Number(i64::from(seed % 40)),
        Kind::Year => Answer::Number(1950 + i64::from(seed % 90)),
        Kind::Date => Answer::Date(Date::new(1990 + i32::from(seed % 45), 1 + seed % 12, 1)?),
        Kind::Text => Answer::Text(format!("note {seed}")),
    })
}

/// The interview as a from-scratch recomputation over the same answers sees it.
fn agrees_with_recomputation(iv: &Interview<'_>) -> Result<(), TestCaseError> {
    let fresh = Interview::with_answers(iv.questionnaire(), today(), iv.answers().to_vec());
    let mine: Vec<usize> = iv.visible_questions().collect();
    let theirs: Vec<usize> = fresh.visible_questions().collect();
    prop_assert_eq!(&mine, &theirs, "visible questions");
    prop_assert_eq!(iv.progress(), fresh.progress(), "progress");
    prop_assert_eq!(iv.is_complete(), fresh.is_complete());
    prop_assert_eq!(iv.answered_count(), fresh.answered_count());
    for q in mine.iter().step_by(7) {
        prop_assert_eq!(iv.number(*q), fresh.number(*q), "number of question {}", q);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn random_walks_keep_the_engine_consistent(
        file in 0..3usize,
        steps in proptest::collection::vec(step(), 1..120),
    ) {
        let qn = &FILES[file];
        let mut iv = Interview::new(qn, today());
        for s in steps {
            match s {
                Step::Answer(seed) | Step::Revise(_, seed) => {
                    if let Step::Revise(k, _) = s {
                        let visible: Vec<usize> = iv.visible_questions().collect();
                        prop_assert!(iv.go_to(visible[usize::from(k) % visible.len()]));
                    }
                    if let Some(q) = iv.current() {
                        if let Some(a) = answer(&qn.questions[q], seed) {
                            let before = iv.answers().to_vec();
                            match iv.record(q, a.clone()) {
                                Ok(r) => {
                                    prop_assert_eq!(iv.stored(q), Some(&a));
                                    for h in r.set_aside {
                                        prop_assert!(!iv.is_visible(h) && iv.stored(h).is_some());
                                    }
                                    for h in r.restored {
                                        prop_assert!(iv.is_visible(h) && iv.stored(h).is_some());
                                    }
                                }
                                // A refused answer changes nothing.
                                Err(_) => prop_assert_eq!(iv.answers(), &before[..]),
                            }
                        }
                        iv.next();
                    }
                }
                Step::Unknown | Step::Declined => {
                    if let Some(q) = iv.current() {
                        let a = if matches!(s, Step::Unknown) { Answer::Unknown } else { Answer::Declined };
                        if qn.questions[q].allow_unknown {
                            iv.record(q, a).unwrap();
                        }
                    }
                }
                Step::Next => {
                    iv.next();
                }
                Step::Back => {
                    let here = iv.position();
                    if iv.back() {
                        prop_assert_eq!(iv.next(), here, "back then next must return");
                    }
                }
            }
            let p = iv.progress();
            prop_assert!(p.certain <= p.possible, "{:?}", p);
            if let Some(q) = iv.current() {
                prop_assert!(iv.is_visible(q), "the current question is always visible");
            }
            agrees_with_recomputation(&iv)?;
        }

        // Every factor gets exactly one status; a finished interview leaves nothing certain.
        let summary = scoring::summarize(&iv, "en");
        for f in &qn.factors {
            let n = summary.factors.iter().filter(|r| r.id == f.id).count();
            prop_assert_eq!(n, 1, "factor {} listed {} times", f.id, n);
        }
        prop_assert_eq!(summary.factors.len(), qn.factors.len());
        for r in &summary.factors {
            prop_assert!(Status::ALL.contains(&r.status));
        }
        if iv.is_complete() {
            prop_assert_eq!(iv.progress().certain, 0);
        }
    }
}

/// Answering every question in order always reaches the end, whatever the answers.
#[test]
fn a_full_walk_reaches_the_end_on_every_generated_size() {
    for qn in FILES.iter() {
        for seed in [0u8, 1, 2, 7] {
            let mut iv = Interview::new(qn, today());
            let mut steps = 0;
            while let Some(q) = iv.current() {
                if let Some(a) = answer(&qn.questions[q], seed.wrapping_add(q as u8)) {
                    if iv.record(q, a).is_err() {
                        iv.record(q, Answer::Unknown).unwrap();
                    }
                }
                iv.next();
                steps += 1;
                assert!(steps <= qn.questions.len(), "next must move forward");
            }
            assert!(iv.is_complete(), "every visible question answered");
            assert_eq!(iv.progress().certain, 0);
            assert_eq!(iv.progress().possible, 0);
        }
    }
}
