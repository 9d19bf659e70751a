//! The interview engine: which questions are visible, where next and back go, what is left.
//! Pure code: front ends (full-screen, plain) drive it and render what it says.

use crate::answer::{self, Answer, Invalid};
use crate::date::Date;
use crate::eval::{Tri, eval};
use crate::model::{Kind, QIdx, Questionnaire};

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
    progress: Progress,
    pos: Position,
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
            progress: Progress::default(),
            pos: Position::End,
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
        self.visible_questions()
            .all(|q| self.qn.questions[q].kind == Kind::Info || self.answers[q].is_some())
    }
    /// The 1-based number of a question among the visible questions (info screens not
    /// counted): the same question keeps its number when the applicant comes back to it.
    pub fn number(&self, q: QIdx) -> usize {
        self.visible_questions()
            .take_while(|i| *i < q)
            .filter(|i| self.qn.questions[*i].kind != Kind::Info)
            .count()
            + 1
    }

    pub fn answered_count(&self) -> usize {
        self.visible_questions()
            .filter(|q| self.answers[*q].is_some())
            .count()
    }

    /// Checks and records an answer to a question (normally the current one). The position
    /// does not move; call `next` after.
    pub fn record(&mut self, q: QIdx, a: Answer) -> Result<Recorded, Invalid> {
        let question = &self.qn.questions[q];
        answer::validate(question, &a, self.today)?;
        let before = self.visible.clone();
        self.answers[q] = Some(a);
        self.refresh();
        Ok(self.diff(&before))
    }

    /// Removes an answer (used only by tools and tests: the interview itself never deletes).
    pub fn clear(&mut self, q: QIdx) -> Recorded {
        let before = self.visible.clone();
        self.answers[q] = None;
        self.refresh();
        self.diff(&before)
    }

    fn diff(&self, before: &[bool]) -> Recorded {
        let mut r = Recorded::default();
        for (i, (b, a)) in before.iter().zip(&self.visible).enumerate() {
            if self.answers[i].is_some() && b != a {
                if *b {
                    r.set_aside.push(i)
                } else {
                    r.restored.push(i)
                }
            }
        }
        r
    }

    /// Goes to the first visible question after the current one (or the end).
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

    /// Recomputes visibility (in file order: conditions only look back) and progress.
    fn refresh(&mut self) {
        let qn = self.qn;
        let n = qn.questions.len();
        let mut visible = vec![false; n];
        // Progress: "maybe" marks questions that could still appear depending on open answers.
        let mut maybe = vec![false; n];
        let (mut certain, mut possible) = (0, 0);
        for sec in &qn.sections {
            let (sec_vis, sec_maybe) = match &sec.when {
                None => (Tri::True, false),
                Some(c) => {
                    let t = eval(
                        qn,
                        c,
                        &|q| {
                            if visible[q] {
                                self.answers[q].as_ref()
                            } else {
                                None
                            }
                        },
                        self.today,
                    );
                    (
                        t,
                        t == Tri::Unknown && Self::reads_open(c, &visible, &maybe, &self.answers),
                    )
                }
            };
            for i in sec.questions.clone() {
                let q = &qn.questions[i];
                let own = match &q.when {
                    None => Tri::True,
                    Some(c) => eval(
                        qn,
                        c,
                        &|j| {
                            if visible[j] {
                                self.answers[j].as_ref()
                            } else {
                                None
                            }
                        },
                        self.today,
                    ),
                };
                let t = sec_vis.and(own);
                visible[i] = t.is_true();
                let own_maybe = own == Tri::Unknown
                    && q.when
                        .as_ref()
                        .is_some_and(|c| Self::reads_open(c, &visible, &maybe, &self.answers));
                maybe[i] = !visible[i] && t == Tri::Unknown && (sec_maybe || own_maybe);
                if q.kind != Kind::Info && self.answers[i].is_none() {
                    if visible[i] {
                        certain += 1;
                        possible += 1;
                    } else if maybe[i] {
                        possible += 1;
                    }
                }
            }
        }
        self.visible = visible;
        let answered = (0..n)
            .filter(|i| self.visible[*i] && self.answers[*i].is_some())
            .count();
        self.progress = Progress {
            answered,
            certain,
            possible,
        };
    }

    /// Whether a condition reads a question whose answer is still to come.
    fn reads_open(
        c: &crate::model::Condition,
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
