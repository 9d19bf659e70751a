//! What keys do on the review and summary screens.

use super::*;

impl App<'_> {
    /// Visible answered questions, in order: the review list.
    pub fn review_items(&self) -> Vec<usize> {
        let qn = self.iv.questionnaire();
        self.iv
            .visible_questions()
            .filter(|q| qn.questions[*q].kind != Kind::Info && self.iv.stored(*q).is_some())
            .collect()
    }

    pub(super) fn on_review(&mut self, action: Action) -> Effect {
        let items = self.review_items();
        match action {
            Action::Up => self.focus = self.focus.saturating_sub(1),
            Action::Down | Action::Tab => {
                self.focus = (self.focus + 1).min(items.len().saturating_sub(1))
            }
            Action::PageUp => self.focus = self.focus.saturating_sub(5),
            Action::PageDown => self.focus = (self.focus + 5).min(items.len().saturating_sub(1)),
            Action::Home => self.focus = 0,
            Action::End => self.focus = items.len().saturating_sub(1),
            Action::Enter => {
                if let Some(q) = items.get(self.focus) {
                    if self.iv.go_to(*q) {
                        self.from_review = true;
                        self.enter_question();
                    }
                }
            }
            Action::Back | Action::Review => {
                let open = self.iv.first_open();
                if open == Position::End {
                    self.iv.go_to_end();
                    self.enter_summary();
                } else {
                    if let Position::Question(q) = open {
                        self.iv.go_to(q);
                    }
                    self.enter_question();
                }
            }
            _ => {}
        }
        Effect::None
    }

    pub(super) fn on_summary(&mut self, action: Action) -> Effect {
        match action {
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            Action::Down => self.scroll = self.scroll.saturating_add(1),
            Action::PageUp => self.scroll = self.scroll.saturating_sub(10),
            Action::PageDown | Action::Toggle => self.scroll = self.scroll.saturating_add(10),
            Action::Home => self.scroll = 0,
            Action::Back if self.iv.back() => self.enter_question(),
            Action::Review | Action::Char('r') => {
                self.screen = Screen::Review;
                self.focus = 0;
            }
            Action::Char('s') => return Effect::WriteReport(false),
            Action::Char('t') => return Effect::WriteReport(true),
            // Asks once: the leaving screen shows the code; Esc comes back here.
            Action::Char('q') => return self.leave(),
            _ => {}
        }
        Effect::None
    }
}
