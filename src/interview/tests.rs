use super::*;
use crate::load::load_str;

pub(crate) const FAMILY: &str = r#"
format: 1
id: family
version: "1"
title: Family
languages: [{code: en, name: English}]
sections:
  - id: intro
    title: Intro
    questions:
      - {id: hello, kind: info, text: "Hello"}
  - id: fam
    title: Family
    questions:
      - {id: has_children, kind: yes_no, text: "Do you have children?"}
      - {id: children_count, kind: number, text: "How many?", min: 1, max: 20, when: {question: has_children, is: "yes"}}
      - {id: child_school, kind: yes_no, text: "In school?", when: {question: children_count, at_least: 1}}
      - {id: entry_year, kind: year, text: "What year did you come?"}
  - id: later
    title: Later
    when: {question: entry_year, years_ago_at_least: 10}
    questions:
      - {id: community, kind: text, text: "Tell us about your community"}
"#;

fn today() -> Date {
    Date::parse("2026-11-27").unwrap()
}

fn id(iv: &Interview<'_>) -> String {
    iv.current()
        .map_or("END".into(), |q| iv.questionnaire().questions[q].id.clone())
}

fn yes() -> Answer {
    Answer::Choice("yes".into())
}

#[test]
fn walks_visible_questions_in_file_order() {
    let qn = load_str(FAMILY).unwrap();
    let mut iv = Interview::new(&qn, today());
    assert_eq!(id(&iv), "hello");
    iv.next();
    assert_eq!(id(&iv), "has_children");
    iv.record(iv.current().unwrap(), Answer::Choice("no".into()))
        .unwrap();
    iv.next();
    assert_eq!(
        id(&iv),
        "entry_year",
        "children follow-ups are hidden after `no`"
    );
    iv.record(iv.current().unwrap(), Answer::Number(2020))
        .unwrap();
    assert_eq!(iv.next(), Position::End, "the late section needs 10+ years");
    assert!(iv.is_complete());
}

#[test]
fn back_never_deletes_and_next_returns() {
    let qn = load_str(FAMILY).unwrap();
    let mut iv = Interview::new(&qn, today());
    iv.next();
    iv.record(iv.current().unwrap(), yes()).unwrap();
    iv.next();
    iv.record(iv.current().unwrap(), Answer::Number(2)).unwrap();
    iv.next();
    assert_eq!(id(&iv), "child_school");
    assert!(iv.back());
    assert!(iv.back());
    assert_eq!(id(&iv), "has_children");
    assert_eq!(
        iv.stored(qn.question_index("children_count").unwrap()),
        Some(&Answer::Number(2))
    );
    iv.next();
    assert_eq!(id(&iv), "children_count");
    assert!(iv.back() && iv.back());
    assert_eq!(id(&iv), "hello");
    assert!(!iv.back(), "nothing before the first question");
}

#[test]
fn hidden_answers_are_set_aside_and_restored() {
    let qn = load_str(FAMILY).unwrap();
    let mut iv = Interview::new(&qn, today());
    let has = qn.question_index("has_children").unwrap();
    let count = qn.question_index("children_count").unwrap();
    let school = qn.question_index("child_school").unwrap();
    iv.record(has, yes()).unwrap();
    iv.record(count, Answer::Number(2)).unwrap();
    iv.record(school, yes()).unwrap();
    let r = iv.record(has, Answer::Choice("no".into())).unwrap();
    assert_eq!(r.set_aside, vec![count, school]);
    assert_eq!(iv.effective(count), None);
    assert_eq!(iv.stored(count), Some(&Answer::Number(2)));
    assert_eq!(iv.set_aside().count(), 2);
    let r = iv.record(has, yes()).unwrap();
    assert_eq!(r.restored, vec![count, school]);
    assert_eq!(iv.effective(school), Some(&yes()));
}

#[test]
fn unknown_hides_dependents_and_counts_as_an_answer() {
    let qn = load_str(FAMILY).unwrap();
    let mut iv = Interview::new(&qn, today());
    let has = qn.question_index("has_children").unwrap();
    iv.record(has, Answer::Unknown).unwrap();
    assert!(
        !iv.is_visible(qn.question_index("children_count").unwrap()),
        "an unknown `when` hides"
    );
    iv.record(qn.question_index("entry_year").unwrap(), Answer::Declined)
        .unwrap();
    assert!(iv.is_complete());
    assert!(!iv.is_visible(qn.question_index("community").unwrap()));
}

#[test]
fn invalid_answers_are_refused_and_nothing_changes() {
    let qn = load_str(FAMILY).unwrap();
    let mut iv = Interview::new(&qn, today());
    let has = qn.question_index("has_children").unwrap();
    let count = qn.question_index("children_count").unwrap();
    let year = qn.question_index("entry_year").unwrap();
    iv.record(has, yes()).unwrap();
    assert_eq!(
        iv.record(count, Answer::Number(0)),
        Err(Invalid::TooSmall(1))
    );
    assert_eq!(
        iv.record(count, Answer::Number(21)),
        Err(Invalid::TooLarge(20))
    );
    assert_eq!(
        iv.record(year, Answer::Number(2027)),
        Err(Invalid::YearInFuture)
    );
    assert_eq!(
        iv.record(has, Answer::Choice("maybe".into())),
        Err(Invalid::NotAChoice("maybe".into()))
    );
    assert_eq!(iv.record(0, yes()), Err(Invalid::NoAnswerOnInfo));
    assert_eq!(iv.stored(count), None);
}

#[test]
fn progress_is_a_range_under_branching() {
    let qn = load_str(FAMILY).unwrap();
    let mut iv = Interview::new(&qn, today());
    // has_children and entry_year certain; count, school and community might come.
    assert_eq!(
        iv.progress(),
        Progress {
            answered: 0,
            certain: 2,
            possible: 5
        }
    );
    iv.record(qn.question_index("has_children").unwrap(), yes())
        .unwrap();
    assert_eq!(
        iv.progress(),
        Progress {
            answered: 1,
            certain: 2,
            possible: 4
        }
    );
    iv.record(
        qn.question_index("entry_year").unwrap(),
        Answer::Number(2001),
    )
    .unwrap();
    assert_eq!(
        iv.progress(),
        Progress {
            answered: 2,
            certain: 2,
            possible: 3
        }
    );
    iv.record(
        qn.question_index("has_children").unwrap(),
        Answer::Choice("no".into()),
    )
    .unwrap();
    assert_eq!(
        iv.progress(),
        Progress {
            answered: 2,
            certain: 1,
            possible: 1
        }
    );
}

#[test]
fn resume_stands_on_the_first_open_question() {
    let qn = load_str(FAMILY).unwrap();
    let mut answers = vec![None; qn.questions.len()];
    answers[qn.question_index("has_children").unwrap()] = Some(Answer::Choice("no".into()));
    let iv = Interview::with_answers(&qn, today(), answers);
    assert_eq!(id(&iv), "entry_year");
}

mod property {
    use super::*;
    use proptest::prelude::*;

    #[derive(Debug, Clone)]
    enum Step {
        Answer(u8),
        Unknown,
        Next,
        Back,
    }

    fn step() -> impl Strategy<Value = Step> {
        prop_oneof![
            any::<u8>().prop_map(Step::Answer),
            Just(Step::Unknown),
            Just(Step::Next),
            Just(Step::Back)
        ]
    }

    /// A valid answer to any question, chosen by a seed.
    fn some_answer(q: &crate::model::Question, seed: u8) -> Option<Answer> {
        use crate::model::Kind;
        let n = usize::from(seed);
        Some(match q.kind {
            Kind::Info => return None,
            Kind::YesNo | Kind::SingleChoice => {
                Answer::Choice(q.choices[n % q.choices.len()].id.clone())
            }
            Kind::MultiChoice => {
                let c = &q.choices[n % q.choices.len()];
                if c.exclusive || seed.is_multiple_of(3) {
                    Answer::Choices(vec![c.id.clone()])
                } else {
                    Answer::Choices(
                        q.choices
                            .iter()
                            .filter(|x| !x.exclusive)
                            .take(1 + n % 3)
                            .map(|x| x.id.clone())
                            .collect(),
                    )
                }
            }
            Kind::Number => Answer::Number(
                q.min
                    .unwrap_or(0)
                    .max(i64::from(seed % 12))
                    .min(q.max.unwrap_or(i64::MAX)),
            ),
            Kind::Year => Answer::Number(1960 + i64::from(seed % 67)),
            Kind::Date => Answer::Date(
                Date::new(1960 + i32::from(seed % 66), 1 + seed % 12, 1 + seed % 28).unwrap(),
            ),
            Kind::Text => Answer::Text(format!("text {seed}")),
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(96))]
        #[test]
        fn next_back_never_panic_and_back_then_next_returns(steps in proptest::collection::vec(step(), 1..200)) {
            let qn = crate::load::builtin_shared();
            let mut iv = Interview::new(qn, today());
            for s in steps {
                match s {
                    Step::Answer(seed) => {
                        if let Some(q) = iv.current() {
                            if let Some(a) = some_answer(&qn.questions[q], seed) {
                                // Out-of-range values are refused; a refusal must change nothing.
                                let before = iv.answers().to_vec();
                                if iv.record(q, a).is_err() {
                                    prop_assert_eq!(iv.answers(), &before[..]);
                                }
                            }
                        }
                    }
                    Step::Unknown => {
                        if let Some(q) = iv.current() {
                            if qn.questions[q].allow_unknown {
                                iv.record(q, Answer::Unknown).unwrap();
                            }
                        }
                    }
                    Step::Next => { iv.next(); }
                    Step::Back => {
                        let here = iv.position();
                        if iv.back() {
                            prop_assert_eq!(iv.next(), here, "back then next must return");
                        }
                    }
                }
                let p = iv.progress();
                prop_assert!(p.certain <= p.possible);
                if let Some(q) = iv.current() {
                    prop_assert!(iv.is_visible(q), "the current question is always visible");
                }
            }
        }
    }
}
