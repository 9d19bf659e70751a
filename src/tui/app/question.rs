//! What keys do on a question screen: choosing, marking, typing, submitting, going back.
//! Nothing is chosen until the person chooses; typed text is a draft until submitted.

use std::time::{Duration, Instant};

use super::*;

/// How long a lone first digit waits for a second one (on screens with 10 rows or more).
pub const DIGIT_PAUSE: Duration = Duration::from_millis(700);

/// The text a stored answer shows in an input field.
pub(super) fn answer_text(stored: Option<&Answer>) -> String {
    match stored {
        Some(Answer::Number(n)) => n.to_string(),
        Some(Answer::Date(d)) => d.to_string(),
        Some(Answer::Text(t)) => t.clone(),
        _ => String::new(),
    }
}

impl App<'_> {
    pub(super) fn on_question(&mut self, action: Action) -> Effect {
        let digit = matches!(action, Action::Char(c) if c.is_ascii_digit());
        if !digit || self.focused_row() == Some(Row::Input) {
            // Any other key decides a first digit on its own ("1" then Enter is row 1).
            self.settle_digit();
        }
        let rows = self.rows();
        let Some(q) = self.question() else {
            return Effect::None;
        };
        let typing = self.focused_row() == Some(Row::Input);
        let multiline = typing && self.input.multiline;
        let peek = std::mem::take(&mut self.peek);
        let untouched = self.untouched;
        match action {
            // With nothing chosen yet, the arrows start at the first row.
            Action::Up | Action::Down | Action::Tab | Action::Home if untouched => {
                self.choose_row(0);
            }
            Action::End if untouched => self.choose_row(rows.len().saturating_sub(1)),
            Action::Up if self.focus == 0 && !multiline => {
                self.peek = peek.saturating_add(1);
            }
            Action::PageUp if !typing => self.peek = peek.saturating_add(5),
            Action::PageDown if !typing => self.peek = peek.saturating_sub(5),
            Action::Back => return self.leaving(Self::go_back),
            Action::Help => self.help_open = true,
            Action::Char('?') if !typing => self.help_open = true,
            Action::Review => {
                return self.leaving(|app| {
                    app.screen = Screen::Review;
                    app.focus = 0;
                    app.scroll = 0;
                    Effect::None
                });
            }
            Action::Up if !multiline => self.focus = self.focus.saturating_sub(1),
            Action::Down | Action::Tab if !multiline || action == Action::Tab => {
                self.focus = (self.focus + 1) % rows.len().max(1);
            }
            Action::Home if !typing => self.focus = 0,
            Action::End if !typing => self.focus = rows.len().saturating_sub(1),
            Action::Char(c) if !typing && c.is_ascii_digit() => {
                self.digit(c.to_digit(10).unwrap_or(0) as usize, rows.len());
            }
            Action::Toggle if !typing => {
                if q.kind == Kind::MultiChoice && !untouched {
                    self.toggle();
                } else {
                    return self.submit();
                }
            }
            Action::Enter if multiline => {
                self.edit(|t| {
                    t.insert("\n");
                });
            }
            Action::Enter | Action::Submit => return self.submit(),
            Action::Char(c) if typing => self.type_text(&c.to_string()),
            Action::Toggle if typing => self.type_text(" "),
            Action::Paste(s) if typing => self.type_text(&s),
            // Typing or pasting anywhere on an input question goes into the field.
            Action::Paste(s) if rows.contains(&Row::Input) => self.type_into_field(&rows, &s),
            Action::Char(c) if rows.contains(&Row::Input) => {
                self.type_into_field(&rows, &c.to_string());
            }
            Action::Backspace if typing => self.edit(TextInput::backspace),
            Action::Delete if typing => self.edit(TextInput::delete),
            Action::Left if typing => self.input.left(),
            Action::Right if typing => self.input.right(),
            Action::Home if typing => self.input.home(),
            Action::End if typing => self.input.end(),
            // Multi-line field: Down leaves the field for the rows below ("Done" first).
            Action::Down if typing => self.focus = (self.focus + 1) % rows.len().max(1),
            _ => {}
        }
        Effect::None
    }

    /// Leaves the question screen; an unsaved draft is saved on the way out.
    fn leaving(&mut self, go: impl FnOnce(&mut Self) -> Effect) -> Effect {
        self.pending_digit = None;
        let effect = go(self);
        if self.draft_unsaved && effect == Effect::None {
            Effect::Save
        } else {
            effect
        }
    }

    fn type_into_field(&mut self, rows: &[Row], s: &str) {
        self.focus = rows.iter().position(|r| *r == Row::Input).unwrap_or(0);
        self.type_text(s);
    }

    fn choose_row(&mut self, i: usize) {
        self.untouched = false;
        self.focus = i;
        self.message = None;
    }

    /// A digit typed on a list: a row number. Where the list has 10 rows or more, a digit
    /// that could start a two-digit row number waits for a second digit or a pause.
    fn digit(&mut self, d: usize, rows: usize) {
        if let Some((first, _)) = self.pending_digit.take() {
            let n = first * 10 + d;
            if (1..=rows).contains(&n) {
                self.pick_number(n);
                return;
            }
            self.pick_number(first);
        }
        if d >= 1 && d * 10 <= rows {
            self.pending_digit = Some((d, Instant::now()));
            // Show where the first digit points; marking waits until the number is known.
            self.choose_row(d - 1);
        } else if (1..=rows).contains(&d) {
            self.pick_number(d);
        }
    }

    /// Decides a waiting first digit on its own.
    pub fn settle_digit(&mut self) {
        if let Some((d, _)) = self.pending_digit.take() {
            self.pick_number(d);
        }
    }

    fn pick_number(&mut self, n: usize) {
        let Some(q) = self.question() else { return };
        self.choose_row(n - 1);
        if q.kind == Kind::MultiChoice {
            self.toggle();
        }
    }

    /// An edit of the field, kept as a draft of this question.
    fn edit(&mut self, f: impl FnOnce(&mut TextInput)) {
        // A refusal was about the text before this edit.
        if matches!(self.message, Some(Message::Error(_))) {
            self.message = None;
        }
        f(&mut self.input);
        let Some(qi) = self.iv.current() else { return };
        let value = self.input.value();
        let same = value == answer_text(self.iv.stored(qi));
        let draft = (!value.trim().is_empty() && !same).then_some(value);
        if self.iv.draft(qi) != draft.as_deref() {
            self.iv.set_draft(qi, draft);
            self.draft_unsaved = true;
        }
    }

    pub(super) fn type_text(&mut self, s: &str) {
        let mut fitted = true;
        self.edit(|t| fitted = t.insert(s));
        if !fitted {
            let max = self.input.max_chars;
            self.message = Some(Message::Error(i18n::invalid(
                &self.lang,
                &answer::Invalid::TooLong(max),
            )));
        }
    }

    pub(super) fn toggle(&mut self) {
        let Some(q) = self.question() else { return };
        let Some(Row::Choice(i)) = self.focused_row() else {
            return;
        };
        let on = !self.marked[i];
        if on && q.choices[i].exclusive {
            self.marked.iter_mut().for_each(|m| *m = false);
        } else if on {
            for (j, c) in q.choices.iter().enumerate() {
                if c.exclusive {
                    self.marked[j] = false;
                }
            }
        }
        self.marked[i] = on;
    }

    /// The answer the screen currently shows, if any; otherwise says how to give one.
    pub(super) fn pending_answer(&mut self) -> Option<Answer> {
        let q = self.question()?;
        let s = strings(&self.lang);
        let Some(row) = self.focused_row() else {
            // Nothing chosen: Enter explains instead of choosing for the person.
            let how = if q.kind == Kind::MultiChoice {
                s.mark_first
            } else {
                s.choose_first
            };
            self.message = Some(Message::Error(how.to_owned()));
            return None;
        };
        match row {
            Row::DontKnow => Some(Answer::Unknown),
            Row::RatherNotSay => Some(Answer::Declined),
            Row::Continue => None,
            Row::Choice(_) if q.kind == Kind::MultiChoice => {
                if !self.marked.iter().any(|m| *m) {
                    self.message = Some(Message::Error(s.mark_first.to_owned()));
                    return None;
                }
                let ids = q
                    .choices
                    .iter()
                    .zip(&self.marked)
                    .filter(|(_, m)| **m)
                    .map(|(c, _)| c.id.clone())
                    .collect();
                Some(Answer::Choices(ids))
            }
            Row::Choice(i) => Some(Answer::Choice(q.choices[i].id.clone())),
            Row::Input | Row::Done => {
                match i18n::words::answer(q, &self.input.value(), &self.lang) {
                    Ok(a) => Some(a),
                    Err(e) => {
                        self.message = Some(Message::Error(i18n::invalid(&self.lang, &e)));
                        None
                    }
                }
            }
        }
    }

    pub(super) fn submit(&mut self) -> Effect {
        let Some(qi) = self.iv.current() else {
            return Effect::None;
        };
        if self.focused_row() == Some(Row::Continue) {
            self.message = None;
            return self.advance();
        }
        let from_field = matches!(self.focused_row(), Some(Row::Input | Row::Done));
        let Some(a) = self.pending_answer() else {
            return Effect::None;
        };
        match self.iv.record(qi, a) {
            Ok(r) => {
                if from_field {
                    // The typed text is the answer now, no longer a draft.
                    self.iv.set_draft(qi, None);
                }
                let s = strings(&self.lang);
                self.message = if !r.set_aside.is_empty() {
                    Some(Message::Info(i18n::count(
                        &self.lang,
                        &s.set_aside,
                        r.set_aside.len(),
                    )))
                } else if !r.restored.is_empty() {
                    Some(Message::Info(i18n::count(
                        &self.lang,
                        &s.restored,
                        r.restored.len(),
                    )))
                } else {
                    None
                };
                self.advance();
                Effect::Save
            }
            Err(e) => {
                self.message = Some(Message::Error(i18n::invalid(&self.lang, &e)));
                Effect::None
            }
        }
    }

    pub(super) fn advance(&mut self) -> Effect {
        if self.from_review {
            self.from_review = false;
            self.screen = Screen::Review;
            return Effect::None;
        }
        self.iv.next();
        self.enter_position();
        Effect::None
    }

    pub(super) fn go_back(&mut self) -> Effect {
        self.message = None;
        if self.from_review {
            self.from_review = false;
            self.screen = Screen::Review;
        } else if self.iv.back() {
            self.enter_question();
        } else {
            self.screen = Screen::Welcome;
            self.focus = self
                .languages()
                .iter()
                .position(|l| *l == self.lang)
                .unwrap_or(0);
        }
        Effect::None
    }
}
