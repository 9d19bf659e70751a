//! The interview engine: which questions are visible, where next and back go, what is left.
//! Pure code: front ends (full-screen, plain) drive it and render what it says.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use crate::answer::{self, Answer, Invalid};
use crate::date::Date;
use crate::eval::{Tri, eval};
use crate::model::{Condition, Kind, QIdx, Questionnaire};

mod deps;
use deps::{Counts, Readers};

/// Where the interview stands: on a question, or past the last one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Position {
    Question(QIdx),
    End,
}

/// Honest progress under branching: at least `certain` and at most `possible` questions left.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    pub answered: usize,
    pub certain: usize,
    pub possible: usize,
}

/// What recording an answer changed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Recorded {
    /// Earlier answers of questions that are now hidden (kept, but no longer count).
    pub set_aside: Vec<QIdx>,
    /// Answers of hidden questions that count again.
    pub restored: Vec<QIdx>,
}

#[derive(Debug, Clone)]
pub struct Interview<'q> {
    qn: &'q Questionnaire,
    today: Date,
    answers: Vec<Option<Answer>>,
    visible: Vec<bool>,
    /// Hidden now, but could still appear depending on answers to come (progress range).
    maybe: Vec<bool>,
    /// Each section's `when` and whether it reads answers still to come.
    sections: Vec<(Tri, bool)>,
    /// Marks the visible questions that get a number (info screens do not).
    numbered: Counts,
    /// Who reads each question: an answer updates only what depends on it.
    readers: Arc<Readers>,
    progress: Progress,
    pos: Position,
    /// Typed but not yet submitted text, per question: saved with the record so nothing
    /// typed is lost, never an answer (no condition, score or report reads it).
    drafts: BTreeMap<QIdx, String>,
}

impl<'q> Interview<'q> {
    /// A new interview, standing on the first visible question.
    pub fn new(qn: &'q Questionnaire, today: Date) -> Self {
        Self::with_answers(qn, today, vec![None; qn.questions.len()])
    }

    /// Resumes with earlier answers (one slot per question), standing on the first visible
    /// question still without an answer (or at the end).
    pub fn with_answers(
        qn: &'q Questionnaire,
        today: Date,
        mut answers: Vec<Option<Answer>>,
    ) -> Self {
        answers.resize(qn.questions.len(), None);
        let mut iv = Interview {
            qn,
            today,
            answers,
            visible: Vec::new(),
            maybe: Vec::new(),
            sections: Vec::new(),
            numbered: Counts::default(),
            readers: Arc::new(Readers::new(qn)),
            progress: Progress::default(),
            pos: Position::End,
            drafts: BTreeMap::new(),
        };
        iv.refresh();
        let started = iv.answers.iter().any(Option::is_some);
        iv.pos = if started {
            iv.first_open()
        } else {
            iv.first_visible_from(0)
        };
        iv
    }

    pub fn questionnaire(&self) -> &'q Questionnaire {
        self.qn
    }
    pub fn today(&self) -> Date {
        self.today
    }
    pub fn position(&self) -> Position {
        self.pos
    }
    pub fn current(&self) -> Option<QIdx> {
        match self.pos {
            Position::Question(q) => Some(q),
            Position::End => None,
        }
    }
    pub fn is_visible(&self, q: QIdx) -> bool {
        self.visible.get(q).copied().unwrap_or(false)
    }
    /// The choices of `q` to offer, by index (docs/question-format.md, choice `when`): every
    /// choice whose `when` is not false. An unknown `when` still offers the choice, so no one
    /// is kept from saying what they have. Front ends show these and no others.
    pub fn shown_choices(&self, q: QIdx) -> Vec<usize> {
        let qn = self.qn;
        let answer = |i: QIdx| self.effective(i);
        qn.questions[q]
            .choices
            .iter()
            .enumerate()
            .filter(|(_, c)| {
                c.when.as_ref().is_none_or(|w| {
                    crate::eval::eval(qn, w, &answer, self.today) != crate::eval::Tri::False
                })
            })
            .map(|(i, _)| i)
            .collect()
    }
    /// Question `q` with only the choices to offer (`shown_choices`), for front ends that
    /// number and read choices: a hidden choice can be neither seen nor typed.
    pub fn offered(&self, q: QIdx) -> crate::model::Question {
        let mut question = self.qn.questions[q].clone();
        let shown = self.shown_choices(q);
        let mut i = 0;
        question.choices.retain(|_| {
            i += 1;
            shown.contains(&(i - 1))
        });
        question
    }
    /// The stored answer, even if its question is hidden now.
    pub fn stored(&self, q: QIdx) -> Option<&Answer> {
        self.answers.get(q).and_then(Option::as_ref)
    }
    /// The answer that counts: None when the question is hidden.
    pub fn effective(&self, q: QIdx) -> Option<&Answer> {
        if self.is_visible(q) {
            self.stored(q)
        } else {
            None
        }
    }
    /// All stored answers, one slot per question (for saving).
    pub fn answers(&self) -> &[Option<Answer>] {
        &self.answers
    }
    pub fn progress(&self) -> Progress {
        self.progress
    }
    /// Visible questions in order.
    pub fn visible_questions(&self) -> impl Iterator<Item = QIdx> + '_ {
        (0..self.qn.questions.len()).filter(|q| self.visible[*q])
    }
    /// Hidden questions that still hold an answer.
    pub fn set_aside(&self) -> impl Iterator<Item = QIdx> + '_ {
        (0..self.qn.questions.len()).filter(|q| !self.visible[*q] && self.answers[*q].is_some())
    }
    /// Complete when no visible question (other than info screens) lacks an answer.
    pub fn is_complete(&self) -> bool {
        // `certain` counts exactly the visible, unanswered questions other than info screens.
        self.progress.certain == 0
    }
    /// The 1-based number of a question among the visible questions (info screens not
    /// counted): the same question keeps its number when the applicant comes back to it.
    pub fn number(&self, q: QIdx) -> usize {
        self.numbered.before(q) + 1
    }

    /// The unsubmitted text typed for a question, if any.
    pub fn draft(&self, q: QIdx) -> Option<&str> {
        self.drafts.get(&q).map(String::as_str)
    }

    /// Keeps (Some) or drops (None) the unsubmitted text of a question.
    pub fn set_draft(&mut self, q: QIdx, text: Option<String>) {
        match text {
            Some(t) if q < self.qn.questions.len() => {
                self.drafts.insert(q, t);
            }
            _ => {
                self.drafts.remove(&q);
            }
        }
    }

    /// All drafts, in question order (for saving).
    pub fn drafts(&self) -> impl Iterator<Item = (QIdx, &str)> + '_ {
        self.drafts.iter().map(|(q, t)| (*q, t.as_str()))
    }

    pub fn answered_count(&self) -> usize {
        self.progress.answered
    }

    /// Checks and records an answer to a question (normally the current one). The position
    /// does not move; call `next` after.
    pub fn record(&mut self, q: QIdx, a: Answer) -> Result<Recorded, Invalid> {
        let question = &self.qn.questions[q];
        answer::validate(question, &a, self.today)?;
        Ok(self.set(q, Some(a)))
    }

    /// Removes an answer (used only by tools and tests: the interview itself never deletes).
    pub fn clear(&mut self, q: QIdx) -> Recorded {
        self.set(q, None)
    }

    /// Stores an answer and updates only what reads it, directly or through questions whose
    /// visibility changes in turn. Conditions only look back, so walking the affected
    /// sections and questions in file order settles each one once.
    fn set(&mut self, q: QIdx, a: Option<Answer>) -> Recorded {
        let before = self.tally(q);
        self.answers[q] = a;
        self.retally(before, q);
        // (index, 0 = section at its first question / 1 = question, section number)
        let mut work = BTreeSet::new();
        self.schedule_readers(q, &mut work);
        let mut r = Recorded::default();
        while let Some((i, what, s)) = work.pop_first() {
            if what == 0 {
                let state = self.section_state(s);
                if state != self.sections[s] {
                    self.sections[s] = state;
                    work.extend(self.qn.sections[s].questions.clone().map(|j| (j, 1, 0)));
                }
                continue;
            }
            let (vis, maybe) = self.question_state(i);
            if (vis, maybe) == (self.visible[i], self.maybe[i]) {
                continue;
            }
            let before = self.tally(i);
            if vis != self.visible[i] {
                if self.answers[i].is_some() {
                    if vis {
                        &mut r.restored
                    } else {
                        &mut r.set_aside
                    }
                    .push(i);
                }
                if self.qn.questions[i].kind != Kind::Info {
                    self.numbered.add(i, if vis { 1 } else { -1 });
                }
            }
            self.visible[i] = vis;
            self.maybe[i] = maybe;
            self.retally(before, i);
            self.schedule_readers(i, &mut work);
        }
        r
    }

    fn schedule_readers(&self, q: QIdx, work: &mut BTreeSet<(usize, u8, usize)>) {
        for s in &self.readers.sections[q] {
            work.insert((self.qn.sections[*s].questions.start, 0, *s));
        }
        work.extend(self.readers.questions[q].iter().map(|i| (*i, 1, 0)));
    }

    /// What question `i` adds to the progress counts: (answered, certain, possible).
    fn tally(&self, i: QIdx) -> (usize, usize, usize) {
        let open = self.qn.questions[i].kind != Kind::Info && self.answers[i].is_none();
        let (vis, maybe) = (self.visible[i], self.maybe[i]);
        (
            usize::from(vis && self.answers[i].is_some()),
            usize::from(vis && open),
            usize::from((vis || maybe) && open),
        )
    }

    fn retally(&mut self, before: (usize, usize, usize), i: QIdx) {
        let after = self.tally(i);
        let p = &mut self.progress;
        p.answered = p.answered - before.0 + after.0;
        p.certain = p.certain - before.1 + after.1;
        p.possible = p.possible - before.2 + after.2;
    }

    /// Goes to the first visible question after the current one (or the end).
    #[allow(clippy::should_implement_trait)] // "next" and "back" are the design's words
    pub fn next(&mut self) -> Position {
        if let Position::Question(q) = self.pos {
            self.pos = self.first_visible_from(q + 1);
        }
        self.pos
    }

    /// Goes to the nearest visible question before the current one. Returns false at the start.
    pub fn back(&mut self) -> bool {
        let from = match self.pos {
            Position::Question(q) => q,
            Position::End => self.qn.questions.len(),
        };
        match (0..from).rev().find(|q| self.visible[*q]) {
            Some(q) => {
                self.pos = Position::Question(q);
                true
            }
            None => false,
        }
    }

    /// Jumps to a visible question (review screen). Returns false if it is hidden.
    pub fn go_to(&mut self, q: QIdx) -> bool {
        if self.is_visible(q) {
            self.pos = Position::Question(q);
            true
        } else {
            false
        }
    }

    /// Jumps to the end (review screen done).
    pub fn go_to_end(&mut self) {
        self.pos = Position::End;
    }

    fn first_visible_from(&self, start: QIdx) -> Position {
        (start..self.qn.questions.len())
            .find(|q| self.visible[*q])
            .map_or(Position::End, Position::Question)
    }

    /// The first visible question without an answer (info screens excepted), or the end.
    pub fn first_open(&self) -> Position {
        self.visible_questions()
            .find(|q| self.qn.questions[*q].kind != Kind::Info && self.answers[*q].is_none())
            .map_or(Position::End, Position::Question)
    }

    /// The answer a condition sees: None when the question is hidden.
    fn seen(&self, q: QIdx) -> Option<&Answer> {
        if self.visible[q] {
            self.answers[q].as_ref()
        } else {
            None
        }
    }

    fn holds(&self, c: &Condition) -> Tri {
        eval(self.qn, c, &|q| self.seen(q), self.today)
    }

    /// A section's `when`, and whether it could still turn true with answers to come.
    fn section_state(&self, s: usize) -> (Tri, bool) {
        match &self.qn.sections[s].when {
            None => (Tri::True, false),
            Some(c) => {
                let t = self.holds(c);
                (
                    t,
                    t == Tri::Unknown
                        && Self::reads_open(c, &self.visible, &self.maybe, &self.answers),
                )
            }
        }
    }

    /// Whether question `i` is visible, and whether it might still appear (progress).
    fn question_state(&self, i: QIdx) -> (bool, bool) {
        let q = &self.qn.questions[i];
        let (sec_vis, sec_maybe) = self.sections[q.section];
        let own = q.when.as_ref().map_or(Tri::True, |c| self.holds(c));
        let t = sec_vis.and(own);
        let visible = t.is_true();
        let own_maybe = own == Tri::Unknown
            && q.when
                .as_ref()
                .is_some_and(|c| Self::reads_open(c, &self.visible, &self.maybe, &self.answers));
        (
            visible,
            !visible && t == Tri::Unknown && (sec_maybe || own_maybe),
        )
    }

    /// Recomputes visibility (in file order: conditions only look back) and progress from
    /// scratch; `set` keeps them up to date after that.
    fn refresh(&mut self) {
        let qn = self.qn;
        let n = qn.questions.len();
        self.visible = vec![false; n];
        self.maybe = vec![false; n];
        self.sections = vec![(Tri::True, false); qn.sections.len()];
        self.progress = Progress::default();
        for s in 0..qn.sections.len() {
            self.sections[s] = self.section_state(s);
            for i in qn.sections[s].questions.clone() {
                (self.visible[i], self.maybe[i]) = self.question_state(i);
                self.retally((0, 0, 0), i);
            }
        }
        self.numbered =
            Counts::new((0..n).map(|i| self.visible[i] && qn.questions[i].kind != Kind::Info));
    }

    /// Whether a condition reads a question whose answer is still to come.
    fn reads_open(
        c: &Condition,
        visible: &[bool],
        maybe: &[bool],
        answers: &[Option<Answer>],
    ) -> bool {
        let mut qs = Vec::new();
        c.questions(&mut qs);
        qs.iter()
            .any(|q| (visible[*q] || maybe[*q]) && answers[*q].is_none())
    }
}

#[cfg(test)]
mod tests;
