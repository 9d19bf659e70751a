//! Full-screen interview state and what each action does to it. No terminal here: the
//! runner feeds actions and draws; tests feed actions and look at the state or a TestBackend.

use crate::answer::{self, Answer, DEFAULT_MAX_CHARS};
use crate::i18n::{self, strings};
use crate::interview::{Interview, Position};
use crate::model::{Kind, Question};
use crate::report::view::{self, SummaryView};
use crate::scoring;

use super::input::Action;
use super::text_input::TextInput;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Welcome,
    Question,
    Review,
    Summary,
    Locked,
}

/// One selectable row of a question screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Choice(usize),
    Input,
    Continue,
    DontKnow,
    RatherNotSay,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    Info(String),
    Error(String),
}

/// What the runner must do after an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    None,
    /// Answers or language changed: save now.
    Save,
    /// A wrong code on the lock screen (the count so far): the runner waits longer each time.
    WrongCode(u32),
    /// Continue the intake with this code (typed on the welcome screen).
    Resume(String),
    /// Write the staff report (false) or the take-home sheet (true) next to the intakes.
    WriteReport(bool),
    Quit,
}

pub struct App<'q> {
    pub iv: Interview<'q>,
    pub lang: String,
    pub screen: Screen,
    pub focus: usize,
    pub marked: Vec<bool>,
    pub input: TextInput,
    pub message: Option<Message>,
    pub help_open: bool,
    pub scroll: u16,
    pub from_review: bool,
    pub summary: Option<SummaryView>,
    /// The resume code, once the store has made one (shown, and asked for to unlock).
    pub code: Option<String>,
    pub unlock: TextInput,
    /// The code typed on the welcome screen to continue an earlier intake.
    pub code_entry: TextInput,
    pub unlock_failures: u32,
    locked_from: Screen,
    /// A one-time note for staff on the welcome screen (e.g. "stored unencrypted").
    pub staff_note: Option<String>,
}

impl<'q> App<'q> {
    pub fn new(iv: Interview<'q>, lang: &str) -> Self {
        let resumed = iv.answers().iter().any(Option::is_some);
        let mut app = App {
            iv,
            lang: lang.to_owned(),
            screen: Screen::Welcome,
            focus: 0,
            marked: Vec::new(),
            input: TextInput::default(),
            message: None,
            help_open: false,
            scroll: 0,
            from_review: false,
            summary: None,
            code: None,
            unlock: TextInput::new("", false, 16),
            code_entry: TextInput::new("", false, 12),
            unlock_failures: 0,
            locked_from: Screen::Welcome,
            staff_note: None,
        };
        let langs = app.languages();
        app.focus = langs.iter().position(|l| *l == app.lang).unwrap_or(0);
        if resumed {
            app.enter_position();
        }
        app
    }

    pub fn languages(&self) -> Vec<String> {
        self.iv
            .questionnaire()
            .languages
            .iter()
            .map(|l| l.code.clone())
            .collect()
    }

    pub fn question(&self) -> Option<&'q Question> {
        let qn = self.iv.questionnaire();
        self.iv.current().map(|q| &qn.questions[q])
    }

    /// The rows of the current question screen, in order.
    pub fn rows(&self) -> Vec<Row> {
        let Some(q) = self.question() else {
            return Vec::new();
        };
        let mut rows: Vec<Row> = match q.kind {
            Kind::Info => return vec![Row::Continue],
            Kind::YesNo | Kind::SingleChoice | Kind::MultiChoice => {
                (0..q.choices.len()).map(Row::Choice).collect()
            }
            Kind::Number | Kind::Year | Kind::Date | Kind::Text => vec![Row::Input],
        };
        if q.allow_unknown {
            rows.extend([Row::DontKnow, Row::RatherNotSay]);
        }
        rows
    }

    pub fn focused_row(&self) -> Option<Row> {
        self.rows().get(self.focus).copied()
    }

    /// Sets up the question screen from the stored answer (so back shows what was given).
    fn enter_question(&mut self) {
        self.screen = Screen::Question;
        self.help_open = false;
        let Some(q) = self.question() else { return };
        let stored = self.iv.current().and_then(|i| self.iv.stored(i)).cloned();
        let rows = self.rows();
        let pos = |r: Row| rows.iter().position(|x| *x == r).unwrap_or(0);
        self.marked = vec![false; q.choices.len()];
        let text = match &stored {
            Some(Answer::Number(n)) => n.to_string(),
            Some(Answer::Date(d)) => d.to_string(),
            Some(Answer::Text(t)) => t.clone(),
            _ => String::new(),
        };
        let max = if q.kind == Kind::Text {
            q.max_chars.unwrap_or(DEFAULT_MAX_CHARS)
        } else {
            10
        };
        self.input = TextInput::new(&text, q.multiline, max);
        self.focus = match &stored {
            Some(Answer::Unknown) => pos(Row::DontKnow),
            Some(Answer::Declined) => pos(Row::RatherNotSay),
            Some(Answer::Choice(c)) => q.choices.iter().position(|x| x.id == *c).unwrap_or(0),
            Some(Answer::Choices(cs)) => {
                for (i, c) in q.choices.iter().enumerate() {
                    self.marked[i] = cs.contains(&c.id);
                }
                self.marked.iter().position(|m| *m).unwrap_or(0)
            }
            _ => 0,
        };
    }

    /// Shows whatever the interview's position is: a question, or the summary at the end.
    fn enter_position(&mut self) {
        match self.iv.position() {
            Position::Question(_) => self.enter_question(),
            Position::End => self.enter_summary(),
        }
    }

    fn enter_summary(&mut self) {
        self.screen = Screen::Summary;
        self.scroll = 0;
        self.refresh_summary();
    }

    fn refresh_summary(&mut self) {
        let s = scoring::summarize(&self.iv, &self.lang);
        self.summary = Some(view::build(self.iv.questionnaire(), &s, &self.lang));
    }

    pub fn handle(&mut self, action: Action) -> Effect {
        match action {
            Action::Quit => return Effect::Quit,
            Action::Lock if self.screen != Screen::Locked => {
                self.locked_from = self.screen;
                self.screen = Screen::Locked;
                self.unlock = TextInput::new("", false, 16);
                return Effect::Save;
            }
            Action::Resize => return Effect::None,
            Action::Language if self.screen != Screen::Locked => return self.switch_language(),
            _ => {}
        }
        if self.help_open {
            if matches!(action, Action::Back | Action::Help | Action::Enter) {
                self.help_open = false;
            }
            return Effect::None;
        }
        match self.screen {
            Screen::Welcome => self.on_welcome(action),
            Screen::Question => self.on_question(action),
            Screen::Review => self.on_review(action),
            Screen::Summary => self.on_summary(action),
            Screen::Locked => self.on_locked(action),
        }
    }

    fn switch_language(&mut self) -> Effect {
        let langs = self.languages();
        let i = langs.iter().position(|l| *l == self.lang).unwrap_or(0);
        self.lang = langs[(i + 1) % langs.len()].clone();
        if self.screen == Screen::Welcome {
            self.focus = (i + 1) % langs.len();
        }
        if self.summary.is_some() {
            self.refresh_summary();
        }
        self.message = None;
        Effect::Save
    }

    /// The welcome rows are the languages, then "I have a code to continue".
    pub fn on_code_row(&self) -> bool {
        self.screen == Screen::Welcome && self.focus == self.languages().len()
    }

    fn on_welcome(&mut self, action: Action) -> Effect {
        let langs = self.languages();
        if self.on_code_row() {
            match action {
                Action::Char(c) if c.is_ascii_alphanumeric() || c == '-' => {
                    self.code_entry.insert(&c.to_string());
                    return Effect::None;
                }
                Action::Paste(p) => {
                    self.code_entry.insert(p.trim());
                    return Effect::None;
                }
                Action::Backspace => {
                    self.code_entry.backspace();
                    return Effect::None;
                }
                Action::Enter if !self.code_entry.is_empty() => {
                    return Effect::Resume(self.code_entry.value());
                }
                Action::Enter => return Effect::None,
                _ => {}
            }
        }
        match action {
            Action::Up => self.focus = self.focus.saturating_sub(1),
            Action::Down | Action::Tab => self.focus = (self.focus + 1).min(langs.len()),
            Action::Char(c) if c.is_ascii_digit() => {
                let n = c.to_digit(10).unwrap_or(0) as usize;
                if (1..=langs.len() + 1).contains(&n) {
                    self.focus = n - 1;
                }
            }
            Action::Enter => {
                self.enter_position();
                return Effect::Save;
            }
            _ => return Effect::None,
        }
        if let Some(l) = langs.get(self.focus) {
            self.lang = l.clone();
        }
        Effect::None
    }

    fn on_question(&mut self, action: Action) -> Effect {
        let rows = self.rows();
        let Some(q) = self.question() else {
            return Effect::None;
        };
        let typing = self.focused_row() == Some(Row::Input);
        match action {
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

    fn type_text(&mut self, s: &str) {
        if !self.input.insert(s) {
            let max = self.input.max_chars;
            self.message = Some(Message::Error(i18n::invalid(
                &self.lang,
                &answer::Invalid::TooLong(max),
            )));
        }
    }

    fn toggle(&mut self) {
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
    fn pending_answer(&mut self) -> Option<Answer> {
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

    fn submit(&mut self) -> Effect {
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

    fn advance(&mut self) -> Effect {
        if self.from_review {
            self.from_review = false;
            self.screen = Screen::Review;
            return Effect::None;
        }
        self.iv.next();
        self.enter_position();
        Effect::None
    }

    fn go_back(&mut self) -> Effect {
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

    /// Visible answered questions, in order: the review list.
    pub fn review_items(&self) -> Vec<usize> {
        let qn = self.iv.questionnaire();
        self.iv
            .visible_questions()
            .filter(|q| qn.questions[*q].kind != Kind::Info && self.iv.stored(*q).is_some())
            .collect()
    }

    fn on_review(&mut self, action: Action) -> Effect {
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

    fn on_summary(&mut self, action: Action) -> Effect {
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
            Action::Char('q') => return Effect::Quit,
            _ => {}
        }
        Effect::None
    }

    fn on_locked(&mut self, action: Action) -> Effect {
        match action {
            Action::Char(c) => {
                self.unlock.insert(&c.to_string());
            }
            Action::Backspace => self.unlock.backspace(),
            Action::Enter => {
                let typed = normalize_code(&self.unlock.value());
                let ok = match &self.code {
                    Some(code) => normalize_code(code) == typed,
                    None => true,
                };
                self.unlock = TextInput::new("", false, 16);
                if ok {
                    self.unlock_failures = 0;
                    self.screen = self.locked_from;
                } else {
                    self.unlock_failures += 1;
                    return Effect::WrongCode(self.unlock_failures);
                }
            }
            _ => {}
        }
        Effect::None
    }
}

fn normalize_code(s: &str) -> String {
    s.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}
