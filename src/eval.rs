//! Three-valued (Kleene) evaluation of conditions. A comparison whose answer is missing,
//! hidden, "I don't know" or "I'd rather not say" is `Unknown`.

use crate::answer::Answer;
use crate::date::Date;
use crate::model::{Condition, Literal, QIdx, Questionnaire};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tri {
    True,
    False,
    Unknown,
}

impl std::ops::Not for Tri {
    type Output = Tri;
    fn not(self) -> Tri {
        match self {
            Tri::True => Tri::False,
            Tri::False => Tri::True,
            Tri::Unknown => Tri::Unknown,
        }
    }
}

impl Tri {
    pub fn from_bool(b: bool) -> Tri {
        if b { Tri::True } else { Tri::False }
    }
    pub fn and(self, o: Tri) -> Tri {
        match (self, o) {
            (Tri::False, _) | (_, Tri::False) => Tri::False,
            (Tri::True, Tri::True) => Tri::True,
            _ => Tri::Unknown,
        }
    }
    pub fn or(self, o: Tri) -> Tri {
        match (self, o) {
            (Tri::True, _) | (_, Tri::True) => Tri::True,
            (Tri::False, Tri::False) => Tri::False,
            _ => Tri::Unknown,
        }
    }
    pub fn is_true(self) -> bool {
        self == Tri::True
    }
}

/// Evaluates `c`; `answer(q)` gives the effective answer of a question (None when not asked
/// or hidden).
pub fn eval<'a>(
    qn: &Questionnaire,
    c: &Condition,
    answer: &dyn Fn(QIdx) -> Option<&'a Answer>,
    today: Date,
) -> Tri {
    // The real answer of q, or None when it is missing / unknown / declined.
    let real = |q: QIdx| answer(q).filter(|a| a.is_real());
    let cmp = |q: QIdx, f: &dyn Fn(&Answer) -> bool| {
        real(q).map_or(Tri::Unknown, |a| Tri::from_bool(f(a)))
    };
    let number = |q: QIdx, f: &dyn Fn(i64) -> bool| {
        cmp(q, &|a| match a {
            Answer::Number(n) => f(*n),
            _ => false,
        })
    };
    let years_ago = |q: QIdx, f: &dyn Fn(i64) -> bool| {
        cmp(q, &|a| match a {
            Answer::Number(y) => f(i64::from(today.year) - y),
            Answer::Date(d) => f(d.whole_years_until(today)),
            _ => false,
        })
    };
    let days_until = |q: QIdx, f: &dyn Fn(i64) -> bool| {
        cmp(q, &|a| match a {
            Answer::Date(d) => f(crate::days::days_until(*d, today)),
            _ => false,
        })
    };
    match c {
        Condition::Is(q, lit) => cmp(*q, &|a| matches_literal(a, lit)),
        Condition::IsNot(q, lit) => cmp(*q, &|a| !matches_literal(a, lit)),
        Condition::In(q, lits) => cmp(*q, &|a| lits.iter().any(|l| matches_literal(a, l))),
        Condition::Includes(q, id) => {
            cmp(*q, &|a| matches!(a, Answer::Choices(cs) if cs.contains(id)))
        }
        Condition::IncludesAny(q, ids) => cmp(
            *q,
            &|a| matches!(a, Answer::Choices(cs) if cs.iter().any(|c| ids.contains(c))),
        ),
        Condition::AtLeast(q, n) => number(*q, &|v| v >= *n),
        Condition::AtMost(q, n) => number(*q, &|v| v <= *n),
        Condition::YearsAgoAtLeast(q, n) => years_ago(*q, &|v| v >= *n),
        Condition::YearsAgoAtMost(q, n) => years_ago(*q, &|v| v <= *n),
        Condition::DaysUntilAtLeast(q, n) => days_until(*q, &|v| v >= *n),
        Condition::DaysUntilAtMost(q, n) => days_until(*q, &|v| v <= *n),
        // Exclusive choices ("none of these") count as zero documents.
        Condition::CountAtLeast(q, n) => cmp(*q, &|a| count(qn, *q, a) >= *n),
        Condition::Answered(q) => Tri::from_bool(real(*q).is_some()),
        Condition::Unknown(q) => Tri::from_bool(answer(*q).is_some_and(|a| !a.is_real())),
        Condition::All(cs) => cs
            .iter()
            .fold(Tri::True, |acc, c| acc.and(eval(qn, c, answer, today))),
        Condition::Any(cs) => cs
            .iter()
            .fold(Tri::False, |acc, c| acc.or(eval(qn, c, answer, today))),
        Condition::Not(c) => !eval(qn, c, answer, today),
    }
}

/// How many choices an answer counts for `count_at_least` and evidence: an exclusive choice
/// such as "none of these" counts for nothing.
pub fn count(qn: &Questionnaire, q: QIdx, a: &Answer) -> i64 {
    match a {
        Answer::Choices(cs) => {
            let question = &qn.questions[q];
            let n = cs
                .iter()
                .filter(|c| question.choice(c).is_some_and(|c| !c.exclusive))
                .count();
            i64::try_from(n).unwrap_or(i64::MAX)
        }
        _ => 0,
    }
}

fn matches_literal(a: &Answer, lit: &Literal) -> bool {
    match (a, lit) {
        (Answer::Choice(c), Literal::Choice(l)) => c == l,
        (Answer::Number(n), Literal::Int(l)) => n == l,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_str;

    const T: Tri = Tri::True;
    const F: Tri = Tri::False;
    const U: Tri = Tri::Unknown;

    const MINI: &str = r#"
format: 1
id: mini
version: "1"
title: Mini
languages: [{code: en, name: English}]
sections:
  - id: s
    title: S
    questions:
      - {id: n0, kind: number, text: "A?"}
      - {id: n1, kind: number, text: "B?"}
      - {id: n2, kind: number, text: "C?"}
      - {id: y3, kind: year, text: "D?"}
      - id: m4
        kind: multi_choice
        text: "E?"
        choices:
          - {id: child, label: Child}
          - {id: spouse, label: Spouse}
          - {id: parent, label: Parent}
          - {id: none, label: None, exclusive: true}
"#;

    fn today() -> Date {
        Date::parse("2026-11-27").unwrap()
    }

    fn run(answers: &[Option<Answer>], c: &Condition) -> Tri {
        let qn = load_str(MINI).unwrap();
        let get = |q: QIdx| answers.get(q).and_then(Option::as_ref);
        eval(&qn, c, &get, today())
    }

    #[test]
    fn kleene_tables() {
        assert_eq!(
            [T.and(T), T.and(F), T.and(U), F.and(U), U.and(U)],
            [T, F, U, F, U]
        );
        assert_eq!(
            [T.or(F), F.or(F), F.or(U), T.or(U), U.or(U)],
            [T, F, U, T, U]
        );
        assert_eq!([!T, !F, !U], [F, T, U]);
    }

    #[test]
    fn comparisons_are_unknown_without_a_real_answer() {
        let a = [
            Some(Answer::Unknown),
            None,
            Some(Answer::Declined),
            Some(Answer::Number(2010)),
        ];
        for q in 0..3 {
            assert_eq!(run(&a, &Condition::AtLeast(q, 1)), U);
            assert_eq!(
                run(&a, &Condition::Not(Box::new(Condition::AtLeast(q, 1)))),
                U
            );
            assert_eq!(run(&a, &Condition::Answered(q)), F);
        }
        assert_eq!(run(&a, &Condition::Unknown(0)), T);
        assert_eq!(run(&a, &Condition::Unknown(1)), F);
        assert_eq!(run(&a, &Condition::Unknown(2)), T);
        assert_eq!(run(&a, &Condition::YearsAgoAtLeast(3, 16)), T);
        assert_eq!(run(&a, &Condition::YearsAgoAtLeast(3, 17)), F);
        assert_eq!(run(&a, &Condition::YearsAgoAtMost(3, 16)), T);
        let unknown = Condition::AtLeast(0, 1);
        let yes = Condition::AtLeast(3, 2000);
        let no = Condition::AtMost(3, 2000);
        assert_eq!(
            run(&a, &Condition::Any(vec![unknown.clone(), yes.clone()])),
            T
        );
        assert_eq!(
            run(&a, &Condition::Any(vec![unknown.clone(), no.clone()])),
            U
        );
        assert_eq!(
            run(&a, &Condition::All(vec![unknown.clone(), no.clone()])),
            F
        );
        assert_eq!(run(&a, &Condition::All(vec![unknown, yes])), U);
    }

    #[test]
    fn dates_use_whole_years() {
        let a = [Some(Answer::Date(Date::parse("2016-11-28").unwrap()))];
        assert_eq!(run(&a, &Condition::YearsAgoAtLeast(0, 10)), F);
        assert_eq!(run(&a, &Condition::YearsAgoAtLeast(0, 9)), T);
    }

    #[test]
    fn choices_counts_and_exclusive_none() {
        let mut a = vec![Some(Answer::Choice("yes".into())), None, None, None];
        a.push(Some(Answer::Choices(vec!["child".into(), "spouse".into()])));
        assert_eq!(run(&a, &Condition::Includes(4, "child".into())), T);
        assert_eq!(run(&a, &Condition::Includes(4, "parent".into())), F);
        assert_eq!(
            run(
                &a,
                &Condition::IncludesAny(4, vec!["parent".into(), "spouse".into()])
            ),
            T
        );
        assert_eq!(run(&a, &Condition::CountAtLeast(4, 2)), T);
        assert_eq!(run(&a, &Condition::Is(0, Literal::Choice("yes".into()))), T);
        assert_eq!(
            run(&a, &Condition::IsNot(0, Literal::Choice("yes".into()))),
            F
        );
        assert_eq!(
            run(&a, &Condition::In(0, vec![Literal::Choice("no".into())])),
            F
        );
        a[4] = Some(Answer::Choices(vec!["none".into()]));
        assert_eq!(
            run(&a, &Condition::CountAtLeast(4, 1)),
            F,
            "`none` counts for nothing"
        );
    }
}
