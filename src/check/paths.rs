//! Path warnings: a factor or flag that cannot be decided although the applicant answered every
//! question they were shown, because a question it reads is not asked on that path. Walks the
//! interview tree of the questions involved (in file order, as the engine does) and names the
//! first such path.

use crate::answer::Answer;
use crate::diag::{Diagnostic, Diagnostics};
use crate::eval::{Tri, eval};
use crate::model::{Condition, Direction, QIdx, Questionnaire};

use super::domain::{Domains, leaves};

/// Steps one path search may take before it gives up silently. Keeps `check` fast on large
/// disjunctions (such as a factor that sums up thirty answers) where the tree has too many paths.
const BUDGET: usize = 1_500;
use super::locate::{Locator, Site};
use super::logic::Reach;

/// One interview, as far as the questions involved go.
struct Leaf<'a> {
    answers: &'a [Option<Answer>],
    visible: &'a [bool],
}

type Test<'a> = dyn Fn(&Walker<'_>, &Leaf<'_>) -> bool + 'a;
type Settled<'a> = dyn Fn(&Walker<'_>) -> bool + 'a;

/// Whether a condition's value, once true or false, stays so when more questions get answers
/// (Kleene logic is monotone, except `answered:` which turns true later).
fn monotone(c: &Condition) -> bool {
    match c {
        Condition::Answered(_) => false,
        Condition::All(cs) | Condition::Any(cs) => cs.iter().all(monotone),
        Condition::Not(c) => monotone(c),
        _ => true,
    }
}

struct Walker<'a> {
    qn: &'a Questionnaire,
    doms: &'a Domains,
    reach: &'a Reach,
    cone: Vec<QIdx>,
    /// The answers tried for each question (indexed like `answers`).
    values: Vec<Vec<Answer>>,
    answers: Vec<Option<Answer>>,
    visible: Vec<bool>,
    leaves: usize,
}

impl Walker<'_> {
    fn t(&self, c: &Condition) -> Tri {
        let answers = &self.answers;
        eval(self.qn, c, &|q| answers[q].as_ref(), self.doms.today)
    }

    /// Depth-first over the cone; returns true when `bad` held on a leaf (state left there).
    fn walk(&mut self, k: usize, bad: &Test<'_>, settled: &Settled<'_>) -> Option<bool> {
        self.leaves += 1;
        if self.leaves > BUDGET {
            return None;
        }
        // Questions not walked yet are unanswered here; a settled outcome cannot change later.
        if settled(self) {
            return Some(false);
        }
        if k == self.cone.len() {
            let leaf = Leaf {
                answers: &self.answers,
                visible: &self.visible,
            };
            return Some(bad(self, &leaf));
        }
        let q = self.cone[k];
        let question = &self.qn.questions[q];
        let sec = &self.qn.sections[question.section];
        let shown = self.reach.reachable[q]
            && sec.when.as_ref().is_none_or(|c| self.t(c).is_true())
            && question.when.as_ref().is_none_or(|c| self.t(c).is_true());
        self.visible[q] = shown;
        if !shown {
            self.answers[q] = None;
            return self.walk(k + 1, bad, settled);
        }
        for i in 0..self.values[q].len() {
            self.answers[q] = Some(self.values[q][i].clone());
            if self.walk(k + 1, bad, settled)? {
                return Some(true);
            }
        }
        self.answers[q] = None;
        Some(false)
    }

    /// The visible answers that hide `hidden` (the questions its section and own `when` read,
    /// followed back through questions that are themselves hidden).
    fn why(&self, hidden: &[QIdx]) -> String {
        let mut seen: Vec<QIdx> = Vec::new();
        let mut todo: Vec<QIdx> = hidden.to_vec();
        while let Some(q) = todo.pop() {
            let question = &self.qn.questions[q];
            let mut reads = Vec::new();
            for c in self.qn.sections[question.section]
                .when
                .iter()
                .chain(question.when.iter())
            {
                c.questions(&mut reads);
            }
            for r in reads {
                if !seen.contains(&r) {
                    seen.push(r);
                    if !self.visible[r] {
                        todo.push(r);
                    }
                }
            }
        }
        seen.sort_unstable();
        let parts: Vec<String> = seen
            .iter()
            .filter_map(|q| {
                self.answers[*q]
                    .as_ref()
                    .map(|a| format!("`{}` = {}", self.qn.questions[*q].id, a.notation()))
            })
            .collect();
        if parts.is_empty() {
            "always".to_owned()
        } else {
            parts.join(", ")
        }
    }
}

fn cone(qn: &Questionnaire, conds: &[&Condition]) -> Vec<QIdx> {
    let mut qs = Vec::new();
    conds.iter().for_each(|c| c.questions(&mut qs));
    let mut i = 0;
    while i < qs.len() {
        let q = &qn.questions[qs[i]];
        for c in qn.sections[q.section].when.iter().chain(q.when.iter()) {
            c.questions(&mut qs);
        }
        i += 1;
    }
    qs.sort_unstable();
    qs
}

/// Finds a path where `bad` holds; returns the questions `reads` left unasked and why.
fn find(
    qn: &Questionnaire,
    doms: &Domains,
    reach: &Reach,
    conds: &[&Condition],
    reads: &Condition,
    bad: &Test<'_>,
    settled: &Settled<'_>,
) -> Option<(String, String)> {
    let n = qn.questions.len();
    let cone = cone(qn, conds);
    let mut tests = Vec::new();
    conds.iter().for_each(|c| leaves(c, &mut tests));
    for q in &cone {
        let question = &qn.questions[*q];
        for c in qn.sections[question.section]
            .when
            .iter()
            .chain(question.when.iter())
        {
            leaves(c, &mut tests);
        }
    }
    // Question-sized buffers are reused across rules: allocating them per rule made the
    // check quadratic in the size of the questionnaire. Only cone entries are ever set.
    let mut s = SCRATCH.with(|c| std::mem::take(&mut *c.borrow_mut()));
    if s.answers.len() < n {
        s.values.resize(n, Vec::new());
        s.answers.resize(n, None);
        s.visible.resize(n, false);
    }
    for q in &cone {
        s.values[*q] = doms.reduced(qn, *q, &tests);
    }
    let mut w = Walker {
        qn,
        doms,
        reach,
        cone,
        values: s.values,
        answers: s.answers,
        visible: s.visible,
        leaves: 0,
    };
    let found = if w.walk(0, bad, settled) == Some(true) {
        let mut qs = Vec::new();
        reads.questions(&mut qs);
        let hidden: Vec<QIdx> = qs.into_iter().filter(|q| !w.visible[*q]).collect();
        let names: Vec<String> = hidden
            .iter()
            .map(|q| format!("`{}`", qn.questions[*q].id))
            .collect();
        Some((w.why(&hidden), names.join(", ")))
    } else {
        None
    };
    for q in &w.cone {
        w.values[*q].clear();
        w.answers[*q] = None;
        w.visible[*q] = false;
    }
    let back = Scratch {
        values: w.values,
        answers: w.answers,
        visible: w.visible,
    };
    SCRATCH.with(|c| *c.borrow_mut() = back);
    found
}

#[derive(Default)]
struct Scratch {
    values: Vec<Vec<Answer>>,
    answers: Vec<Option<Answer>>,
    visible: Vec<bool>,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::default();
}

pub fn check(
    qn: &Questionnaire,
    loc: &Locator<'_>,
    doms: &Domains,
    reach: &Reach,
    out: &mut Diagnostics,
) {
    let warn = |out: &mut Diagnostics, site: Site, what: String, path: (String, String)| {
        let (why, hidden) = path;
        let pos = loc.pos(qn, site, &[]);
        out.push(Diagnostic::warning(pos, what).with_hint(format!(
            "on the path {why}, {hidden} is not asked; decide this case explicitly (for example test the same answers first)"
        )));
    };
    for (fi, f) in qn.factors.iter().enumerate() {
        let undecided = |w: &Walker<'_>, _: &Leaf<'_>| w.t(&f.applies) == Tri::Unknown;
        let m_applies = monotone(&f.applies);
        let decided = |w: &Walker<'_>| m_applies && w.t(&f.applies) != Tri::Unknown;
        let not_applying = |w: &Walker<'_>| m_applies && w.t(&f.applies) == Tri::False;
        if let Some(p) = find(
            qn,
            doms,
            reach,
            &[&f.applies],
            &f.applies,
            &undecided,
            &decided,
        ) {
            warn(
                out,
                Site::Applies(fi),
                format!(
                    "the factor `{}` can stay `unknown` after every shown question is answered",
                    f.id
                ),
                p,
            );
            continue;
        }
        let applies = |w: &Walker<'_>| w.t(&f.applies).is_true();
        let guarded = [
            (&f.strong, Site::Strong(fi), "strong"),
            (&f.serious, Site::Serious(fi), "serious"),
        ];
        for (cond, site, word) in guarded {
            let Some(c) = cond else { continue };
            let bad = |w: &Walker<'_>, _: &Leaf<'_>| applies(w) && w.t(c) == Tri::Unknown;
            let m = m_applies && monotone(c);
            let settled = |w: &Walker<'_>| {
                m && (w.t(&f.applies) == Tri::False
                    || (w.t(&f.applies) == Tri::True && w.t(c) != Tri::Unknown))
            };
            if let Some(p) = find(qn, doms, reach, &[&f.applies, c], c, &bad, &settled) {
                warn(
                    out,
                    site,
                    format!(
                        "whether the factor `{}` is {word} cannot be decided on some path where it applies",
                        f.id
                    ),
                    p,
                );
            }
        }
        if let (Some(ev), Direction::Favorable) = (&f.evidence, f.direction) {
            let reads = Condition::Answered(ev.question);
            let bad = |w: &Walker<'_>, l: &Leaf<'_>| {
                applies(w) && !l.visible[ev.question] && l.answers[ev.question].is_none()
            };
            if let Some(p) = find(
                qn,
                doms,
                reach,
                &[&f.applies, &reads],
                &reads,
                &bad,
                &not_applying,
            ) {
                let id = &qn.questions[ev.question].id;
                warn(
                    out,
                    Site::Evidence(fi),
                    format!(
                        "the factor `{}` can apply while its evidence question `{id}` is not asked",
                        f.id
                    ),
                    p,
                );
            }
        }
    }
    for (i, flag) in qn.flags.iter().enumerate() {
        let bad = |w: &Walker<'_>, _: &Leaf<'_>| w.t(&flag.when) == Tri::Unknown;
        let m = monotone(&flag.when);
        let settled = |w: &Walker<'_>| m && w.t(&flag.when) != Tri::Unknown;
        if let Some(p) = find(qn, doms, reach, &[&flag.when], &flag.when, &bad, &settled) {
            warn(
                out,
                Site::FlagWhen(i),
                format!(
                    "the flag `{}` cannot be decided on some path where every shown question is answered",
                    flag.id
                ),
                p,
            );
        }
    }
}
