//! A date answer compared with a fixed date (`before`, `on_or_after`): so a birth date that is
//! already known answers "born after June 15, 1981?" and the question is not asked again.

use pd_intake::answer::Answer;
use pd_intake::date::Date;
use pd_intake::interview::Interview;
use pd_intake::load::{builtin, load_str};

const SMALL: &str = r#"
format: 1
id: cutoff
version: "1"
title: Cut-off
languages: [{code: en, name: English}]
sections:
  - id: s
    title: S
    questions:
      - {id: born, kind: date, text: "When were you born?"}
      - id: young
        kind: yes_no
        text: "Young?"
        when: {question: born, on_or_after: 1981-06-16}
      - id: old
        kind: yes_no
        text: "Old?"
        when: {question: born, before: 1981-06-16}
"#;

fn day(s: &str) -> Date {
    Date::parse(s).unwrap()
}

#[test]
fn before_and_on_or_after_split_at_the_date_and_unknown_decides_nothing() {
    let qn = load_str(SMALL).unwrap();
    let today = day("2026-12-01");
    let seen = |a: Option<Answer>| {
        let iv = Interview::with_answers(&qn, today, vec![a, None, None]);
        (iv.is_visible(1), iv.is_visible(2))
    };
    assert_eq!(seen(Some(Answer::Date(day("1981-06-16")))), (true, false));
    assert_eq!(seen(Some(Answer::Date(day("1981-06-15")))), (false, true));
    assert_eq!(
        seen(Some(Answer::Unknown)),
        (false, false),
        "unknown is never a yes or a no"
    );
    let bad = load_str(&SMALL.replace("on_or_after: 1981-06-16", "on_or_after: 16/06/1981"));
    assert!(bad.is_err(), "a cut-off is written year-month-day");
}

#[test]
fn the_daca_birth_question_is_asked_only_when_the_birth_date_is_not_known() {
    let qn = builtin();
    let idx = |id: &str| qn.question_index(id).unwrap();
    let today = day("2026-12-01");
    let with_birth = |birth: Option<Answer>| {
        let mut answers = vec![None; qn.questions.len()];
        answers[idx("birth_date")] = birth;
        answers[idx("entry_year")] = Some(Answer::Number(2000));
        answers[idx("arrival_age_group")] = Some(Answer::Choice("under_16".into()));
        answers[idx("here_since_2007")] = Some(Answer::Choice("yes".into()));
        let iv = Interview::with_answers(&qn, today, answers);
        assert!(
            iv.is_visible(idx("here_since_2007")),
            "the DACA path is open"
        );
        iv.is_visible(idx("born_after_1981"))
    };
    assert!(!with_birth(Some(Answer::Date(day("1990-01-01")))));
    assert!(with_birth(Some(Answer::Unknown)));
}
