//! Bookkeeping that keeps the engine's per-answer work proportional to what the answer
//! affects, not to the size of the questionnaire: who reads each question, and running
//! counts of numbered questions.

use crate::model::{QIdx, Questionnaire};

/// Who reads each question: the questions whose own `when` mentions it, and the sections
/// whose `when` does. Conditions only look back, so every reader comes later in the file.
#[derive(Debug, Default)]
pub(super) struct Readers {
    pub questions: Vec<Vec<QIdx>>,
    pub sections: Vec<Vec<usize>>,
}

impl Readers {
    pub fn new(qn: &Questionnaire) -> Self {
        let n = qn.questions.len();
        let mut r = Readers {
            questions: vec![Vec::new(); n],
            sections: vec![Vec::new(); n],
        };
        let mut read = Vec::new();
        for (s, sec) in qn.sections.iter().enumerate() {
            if let Some(c) = &sec.when {
                read.clear();
                c.questions(&mut read);
                for q in &read {
                    if let Some(list) = r.sections.get_mut(*q) {
                        list.push(s);
                    }
                }
            }
        }
        for (i, question) in qn.questions.iter().enumerate() {
            if let Some(c) = &question.when {
                read.clear();
                c.questions(&mut read);
                for q in &read {
                    if let Some(list) = r.questions.get_mut(*q) {
                        list.push(i);
                    }
                }
            }
        }
        r
    }
}

/// A Fenwick (binary indexed) tree of 0/1 marks: flip one and count the marks before an
/// index, both in O(log n). Numbers "question 7" without walking the questions before it.
#[derive(Debug, Clone, Default)]
pub(super) struct Counts(Vec<i64>);

impl Counts {
    pub fn new(marks: impl ExactSizeIterator<Item = bool>) -> Self {
        let mut t = vec![0i64; marks.len() + 1];
        for (i, m) in marks.enumerate() {
            t[i + 1] += i64::from(m);
            let parent = (i + 1) + ((i + 1) & (i + 1).wrapping_neg());
            if parent < t.len() {
                t[parent] += t[i + 1];
            }
        }
        Counts(t)
    }

    /// Adds `delta` at index `i`.
    pub fn add(&mut self, i: usize, delta: i64) {
        let mut k = i + 1;
        while k < self.0.len() {
            self.0[k] += delta;
            k += k & k.wrapping_neg();
        }
    }

    /// The sum of marks at indices `0..i`.
    pub fn before(&self, i: usize) -> usize {
        let mut k = i.min(self.0.len().saturating_sub(1));
        let mut sum = 0;
        while k > 0 {
            sum += self.0[k];
            k -= k & k.wrapping_neg();
        }
        usize::try_from(sum).unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::Counts;

    #[test]
    fn counts_match_a_plain_sum_after_flips() {
        let mut marks: Vec<bool> = (0..37).map(|i| i % 3 != 1).collect();
        let mut c = Counts::new(marks.iter().copied());
        for flip in [0, 5, 36, 17, 5, 1] {
            marks[flip] = !marks[flip];
            c.add(flip, if marks[flip] { 1 } else { -1 });
            for i in 0..=marks.len() + 2 {
                let want = marks.iter().take(i).filter(|m| **m).count();
                assert_eq!(c.before(i), want, "before({i})");
            }
        }
    }
}
