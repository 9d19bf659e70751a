//! Finite stand-ins for every answer a question can get: one representative per class of
//! answers that the file's conditions can tell apart. Enumerating them decides whether a
//! condition can ever be true or false without guessing.

use crate::answer::{self, Answer};
use crate::date::Date;
use crate::eval::{Tri, eval};
use crate::model::{Condition, Kind, Literal, QIdx, Questionnaire};

/// Give up (and stay silent) beyond this many combinations: warnings must never be guesses.
pub const BUDGET: usize = 20_000;

/// Most choices a multi_choice may be tested on before its subsets are not all enumerated.
const MAX_MENTIONED: usize = 10;

pub struct Domains {
    pub today: Date,
    /// Real answers that stand for every answer of each question.
    pub real: Vec<Vec<Answer>>,
    /// Whether `real` covers every class (false when subsets were cut).
    pub complete: Vec<bool>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Outcomes {
    pub can_true: bool,
    pub can_false: bool,
    /// False when the enumeration was cut short: then nothing may be concluded.
    pub exact: bool,
}

/// What each question is compared with anywhere in the file.
#[derive(Default, Clone)]
struct Mentions {
    choices: Vec<String>,
    ints: Vec<i64>,
    years_ago: Vec<i64>,
    days_until: Vec<i64>,
    count: i64,
}

fn collect(c: &Condition, m: &mut [Mentions]) {
    let lit = |l: &Literal, m: &mut Mentions| match l {
        Literal::Choice(s) => m.choices.push(s.clone()),
        Literal::Int(i) => m.ints.push(*i),
    };
    match c {
        Condition::Is(q, l) | Condition::IsNot(q, l) => lit(l, &mut m[*q]),
        Condition::In(q, ls) => ls.iter().for_each(|l| lit(l, &mut m[*q])),
        Condition::Includes(q, s) => m[*q].choices.push(s.clone()),
        Condition::IncludesAny(q, ss) => m[*q].choices.extend(ss.iter().cloned()),
        Condition::AtLeast(q, n) | Condition::AtMost(q, n) => m[*q].ints.push(*n),
        Condition::YearsAgoAtLeast(q, n) | Condition::YearsAgoAtMost(q, n) => {
            m[*q].years_ago.push(*n)
        }
        Condition::DaysUntilAtLeast(q, n) | Condition::DaysUntilAtMost(q, n) => {
            m[*q].days_until.push(*n)
        }
        Condition::CountAtLeast(q, n) => m[*q].count = m[*q].count.max(*n),
        Condition::Answered(_) | Condition::Unknown(_) => {}
        Condition::All(cs) | Condition::Any(cs) => cs.iter().for_each(|c| collect(c, m)),
        Condition::Not(c) => collect(c, m),
    }
}

/// Every condition of the file, for callers that walk them all.
pub fn all_conditions(qn: &Questionnaire) -> Vec<&Condition> {
    let mut out: Vec<&Condition> = Vec::new();
    out.extend(qn.sections.iter().filter_map(|s| s.when.as_ref()));
    out.extend(qn.questions.iter().filter_map(|q| q.when.as_ref()));
    for f in &qn.factors {
        out.push(&f.applies);
        out.extend(f.strong.iter().chain(f.serious.iter()));
    }
    out.extend(qn.flags.iter().map(|f| &f.when));
    out.extend(qn.notices.iter().map(|n| &n.when));
    out
}

/// The conditions that choose words, not what is asked or scored: choices' `when`,
/// `explain_when` and `text_when`. Their tests still shape the answers tried.
pub fn wording_conditions(qn: &Questionnaire) -> Vec<&Condition> {
    let mut out: Vec<&Condition> = Vec::new();
    for q in &qn.questions {
        out.extend(q.choices.iter().filter_map(|c| c.when.as_ref()));
    }
    for f in &qn.factors {
        out.extend(f.explain_when.iter().map(|w| &w.when));
    }
    for f in &qn.flags {
        out.extend(f.explain_when.iter().map(|w| &w.when));
    }
    for n in &qn.notices {
        out.extend(n.text_when.iter().map(|w| &w.when));
    }
    out
}

/// The single-question tests inside a condition.
pub fn leaves<'c>(c: &'c Condition, out: &mut Vec<&'c Condition>) {
    match c {
        Condition::All(cs) | Condition::Any(cs) => cs.iter().for_each(|c| leaves(c, out)),
        Condition::Not(c) => leaves(c, out),
        leaf => out.push(leaf),
    }
}

impl Domains {
    /// One real answer of `q` per distinct outcome of the `tests` that read it: answers the
    /// tests cannot tell apart need not be tried twice.
    pub fn reduced(&self, qn: &Questionnaire, q: QIdx, tests: &[&Condition]) -> Vec<Answer> {
        let mine: Vec<&Condition> = tests
            .iter()
            .copied()
            .filter(|c| {
                let mut qs = Vec::new();
                c.questions(&mut qs);
                qs == [q]
            })
            .collect();
        let mut seen: Vec<Vec<Tri>> = Vec::new();
        let mut out = Vec::new();
        for a in &self.real[q] {
            let sig: Vec<Tri> = mine
                .iter()
                .map(|c| eval(qn, c, &|i| (i == q).then_some(a), self.today))
                .collect();
            if !seen.contains(&sig) {
                seen.push(sig);
                out.push(a.clone());
            }
        }
        out
    }

    pub fn new(qn: &Questionnaire, today: Date) -> Domains {
        let mut m = vec![Mentions::default(); qn.questions.len()];
        all_conditions(qn)
            .into_iter()
            .chain(wording_conditions(qn))
            .for_each(|c| collect(c, &mut m));
        for f in &qn.factors {
            if let Some(ev) = &f.evidence {
                m[ev.question].count = m[ev.question].count.max(ev.min);
            }
        }
        let mut real = Vec::new();
        let mut complete = Vec::new();
        for (q, mentions) in qn.questions.iter().zip(&m) {
            let (values, full) = values(q, mentions, today);
            real.push(values);
            complete.push(full);
        }
        Domains {
            today,
            real,
            complete,
        }
    }

    /// The possible effective answers of `q`: its real ones if it can be asked, "I don't know"
    /// if offered, and nothing (hidden or not yet asked) unless it is always asked.
    pub fn effective(
        &self,
        qn: &Questionnaire,
        q: QIdx,
        reachable: bool,
        always: bool,
    ) -> Vec<Option<Answer>> {
        let mut out = Vec::new();
        if reachable {
            out.extend(self.real[q].iter().cloned().map(Some));
            if qn.questions[q].allow_unknown {
                out.push(Some(Answer::Unknown));
            }
        }
        if !always || !reachable {
            out.push(None);
        }
        out
    }

    /// Whether `c` can be true and can be false, each question ranging over `dom(q)` on its own.
    pub fn outcomes(
        &self,
        qn: &Questionnaire,
        c: &Condition,
        dom: &dyn Fn(QIdx) -> Vec<Option<Answer>>,
    ) -> Outcomes {
        let mut qs = Vec::new();
        c.questions(&mut qs);
        let mut tests = Vec::new();
        leaves(c, &mut tests);
        let doms: Vec<Vec<Option<Answer>>> = qs
            .iter()
            .map(|q| {
                let keep = self.reduced(qn, *q, &tests);
                dom(*q)
                    .into_iter()
                    .filter(|a| a.as_ref().is_none_or(|a| !a.is_real() || keep.contains(a)))
                    .collect()
            })
            .collect();
        let total = doms.iter().try_fold(1usize, |acc, d| {
            acc.checked_mul(d.len()).filter(|n| *n <= BUDGET)
        });
        let exact = total.is_some() && qs.iter().all(|q| self.complete[*q]);
        let mut out = Outcomes {
            can_true: false,
            can_false: false,
            exact,
        };
        if total.is_none() || doms.iter().any(Vec::is_empty) {
            out.exact = false;
            return out;
        }
        // One slot per question read (not per question in the file: this runs per condition).
        let mut answers: Vec<Option<Answer>> = vec![None; qs.len()];
        let mut idx = vec![0usize; qs.len()];
        loop {
            for (k, slot) in answers.iter_mut().enumerate() {
                *slot = doms[k][idx[k]].clone();
            }
            let seen = |q: QIdx| {
                qs.iter()
                    .position(|x| *x == q)
                    .and_then(|k| answers[k].as_ref())
            };
            match eval(qn, c, &seen, self.today) {
                Tri::True => out.can_true = true,
                Tri::False => out.can_false = true,
                Tri::Unknown => {}
            }
            if out.can_true && out.can_false {
                return out;
            }
            // Next combination (odometer).
            let mut k = 0;
            loop {
                if k == idx.len() {
                    return out;
                }
                idx[k] += 1;
                if idx[k] < doms[k].len() {
                    break;
                }
                idx[k] = 0;
                k += 1;
            }
        }
    }
}

fn values(q: &crate::model::Question, m: &Mentions, today: Date) -> (Vec<Answer>, bool) {
    let valid = |a: &Answer| answer::validate(q, a, today).is_ok();
    let mut out: Vec<Answer> = Vec::new();
    let mut full = true;
    match q.kind {
        Kind::YesNo | Kind::SingleChoice => {
            out.extend(q.choices.iter().map(|c| Answer::Choice(c.id.clone())))
        }
        Kind::MultiChoice => {
            let mut mentioned: Vec<&str> = Vec::new();
            for c in &q.choices {
                if m.choices.contains(&c.id) && mentioned.len() < MAX_MENTIONED {
                    mentioned.push(&c.id);
                } else if m.choices.contains(&c.id) {
                    full = false;
                }
            }
            let others: Vec<&str> = q
                .choices
                .iter()
                .filter(|c| !c.exclusive && !mentioned.contains(&c.id.as_str()))
                .map(|c| c.id.as_str())
                .collect();
            // At least one unmentioned choice stands for "something else" (no test matches it).
            let extra = usize::try_from(m.count.max(1))
                .unwrap_or(1)
                .min(others.len());
            for mask in 0u32..(1 << mentioned.len()) {
                for k in 0..=extra {
                    let set: Vec<&str> = mentioned
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| mask & (1 << i) != 0)
                        .map(|(_, c)| *c)
                        .chain(others.iter().take(k).copied())
                        .collect();
                    // Keep the question's order, as answers do.
                    let ids = q
                        .choices
                        .iter()
                        .filter(|c| set.contains(&c.id.as_str()))
                        .map(|c| c.id.clone())
                        .collect();
                    out.push(Answer::Choices(ids));
                }
            }
            for c in q.choices.iter().filter(|c| c.exclusive) {
                out.push(Answer::Choices(vec![c.id.clone()]));
            }
        }
        Kind::Number | Kind::Year => {
            let mut ints: Vec<i64> = m.ints.clone();
            ints.extend(m.years_ago.iter().map(|n| i64::from(today.year) - n));
            let mut cands: Vec<i64> = ints.iter().flat_map(|c| [c - 1, *c, c + 1]).collect();
            cands.extend(q.min.iter().chain(q.max.iter()).copied());
            cands.push(if q.kind == Kind::Year {
                i64::from(today.year) - 5
            } else {
                0
            });
            cands.push(if q.kind == Kind::Year {
                i64::from(today.year)
            } else {
                1
            });
            out.extend(cands.into_iter().map(Answer::Number));
        }
        Kind::Date => {
            let mut years: Vec<i64> = m
                .years_ago
                .iter()
                .flat_map(|n| [n - 1, *n, n + 1])
                .collect();
            years.extend([0, 5]);
            for n in years {
                let y = i32::try_from(i64::from(today.year) - n).unwrap_or(today.year);
                if let Some(d) = Date::new(y, today.month, today.day) {
                    out.push(Answer::Date(d));
                }
            }
            for n in m.days_until.iter().flat_map(|n| [n - 1, *n, n + 1]) {
                out.push(Answer::Date(crate::days::add_days(today, n)));
            }
            out.extend(
                q.min_date
                    .iter()
                    .chain(q.max_date.iter())
                    .map(|d| Answer::Date(*d)),
            );
        }
        Kind::Text => out.push(Answer::Text("text".into())),
        Kind::Info => {}
    }
    out.retain(|a| valid(a));
    let mut dedup: Vec<Answer> = Vec::new();
    for a in out {
        if !dedup.contains(&a) {
            dedup.push(a);
        }
    }
    (dedup, full)
}
