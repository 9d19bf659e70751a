//! What keys do on a question screen: choosing, marking, typing, submitting, going back.

use super::*;

impl App<'_> {
    pub(super) fn on_question(&mut self, action: Action) -> Effect {
        let rows = self.rows();
        let Some(q) = self.question() else {
            return Effect::None;
        };
        let typing = self.focused_row() == Some(Row::Input);
        let peek = std::mem::take(&mut self.peek);
        match action {
            Action::Up if self.focus == 0 && !(typing && self.input.multiline) => {
                self.peek = peek.saturating_add(1);
            }
            Action::PageUp if !typing => self.peek = peek.saturating_add(5),
            Action::PageDown if !typing => self.peek = peek.saturating_sub(5),
            Action::Back => return self.go_back(),
            Action::Help => self.help_open = true,
            Action::Char('?') if !typing => self.help_open = true,
            Action::Review => {
                self.screen = Screen::Review;
                self.focus = 0;
                self.scroll = 0;
            }
            Action::Up if !(typing && self.input.multiline) => {
                self.focus = self.focus.saturating_sub(1)
            }
            Action::Down | Action::Tab
                if !(typing && self.input.multiline) || action == Action::Tab =>
            {
                self.focus = (self.focus + 1) % rows.len().max(1);
            }
            Action::Home if !typing => self.focus = 0,
            Action::End if !typing => self.focus = rows.len().saturating_sub(1),
            Action::Char(c) if !typing && c.is_ascii_digit() => {
                let n = c.to_digit(10).unwrap_or(0) as usize;
                if (1..=rows.len()).contains(&n) {
                    self.focus = n - 1;
                    if q.kind == Kind::MultiChoice {
                        self.toggle();
                    }
                }
            }
            Action::Toggle if !typing => {
                if q.kind == Kind::MultiChoice {
                    self.toggle();
                } else {
                    return self.submit();
                }
            }
            Action::Enter if typing && self.input.multiline => {
                self.input.insert("\n");
            }
            Action::Enter | Action::Submit => return self.submit(),
            Action::Char(c) if typing => self.type_text(&c.to_string()),
            Action::Toggle if typing => self.type_text(" "),
            Action::Paste(s) if typing => self.type_text(&s),
            Action::Paste(s) => {
                // Pasting anywhere on an input question goes into the field.
                if let Some(i) = rows.iter().position(|r| *r == Row::Input) {
                    self.focus = i;
                    self.type_text(&s);
                }
            }
            Action::Char(c) => {
                if let Some(i) = rows.iter().position(|r| *r == Row::Input) {
                    self.focus = i;
                    self.type_text(&c.to_string());
                }
            }
            Action::Backspace if typing => self.input.backspace(),
            Action::Delete if typing => self.input.delete(),
            Action::Left if typing => self.input.left(),
            Action::Right if typing => self.input.right(),
            Action::Home if typing => self.input.home(),
            Action::End if typing => self.input.end(),
            // Multi-line field: Down leaves the field for the rows below.
            Action::Down if typing => self.focus = (self.focus + 1) % rows.len().max(1),
            _ => {}
        }
        Effect::None
    }

    pub(super) fn type_text(&mut self, s: &str) {
        if !self.input.insert(s) {
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

    /// The answer the screen currently shows, if any.
    pub(super) fn pending_answer(&mut self) -> Option<Answer> {
        let q = self.question()?;
        match self.focused_row()? {
            Row::DontKnow => Some(Answer::Unknown),
            Row::RatherNotSay => Some(Answer::Declined),
            Row::Continue => None,
            Row::Choice(i) if q.kind == Kind::MultiChoice => {
                if !self.marked.iter().any(|m| *m) {
                    self.marked[i] = true;
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
            Row::Input => {
                let text = self.input.value();
                match answer::parse_input_lang(q, &text, &self.lang) {
                    // Typing the word "unknown" into a text box is text, not "I don't know".
                    Ok(Answer::Unknown | Answer::Declined) if q.kind == Kind::Text => {
                        Some(Answer::Text(text))
                    }
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
        let Some(a) = self.pending_answer() else {
            return Effect::None;
        };
        match self.iv.record(qi, a) {
            Ok(r) => {
                let s = strings(&self.lang);
                self.message = if !r.set_aside.is_empty() {
                    Some(Message::Info(i18n::fill(
                        s.set_aside,
                        &[("n", r.set_aside.len().to_string())],
                    )))
                } else if !r.restored.is_empty() {
                    Some(Message::Info(i18n::fill(
                        s.restored,
                        &[("n", r.restored.len().to_string())],
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
