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

mod endings;
mod question;
mod screens;

/// Room for a resume code as typed (12 symbols, dashes, a few stray spaces).
pub const CODE_MAX: usize = 40;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Welcome,
    Question,
    Review,
    Summary,
    Locked,
    /// "Take a break": the code and how to come back, then the lock.
    Break,
    /// Leaving (Ctrl-C, `q`, a signal): the code and how to continue; Enter leaves.
    Leaving,
    /// A save failed: the interview stops here, for staff, until a save works.
    SaveFailed,
}

/// One selectable row of a question screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Choice(usize),
    Input,
    /// Under a multi-line field: submits it (as Ctrl-S does), reachable with Tab and arrows.
    Done,
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
    /// Leave now (answers are saved first).
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
    /// On a question screen too small for all of it: how many lines the applicant has moved
    /// up from where the focused row is in view (Up on the first row, Page Up), to read the
    /// start of a long text. Any other key brings the focused row back.
    pub peek: u16,
    pub from_review: bool,
    pub summary: Option<SummaryView>,
    /// The resume code, once the store has made one (shown, and asked for to unlock).
    pub code: Option<String>,
    pub unlock: TextInput,
    /// The code typed on the welcome screen to continue an earlier intake.
    pub code_entry: TextInput,
    pub unlock_failures: u32,
    locked_from: Screen,
    /// Where Esc on the break or leaving screen goes back to.
    pub returns_to: Screen,
    /// Where a save that works again after a failure goes back to.
    failed_from: Screen,
    /// Why the last save failed (for staff), while it has not worked again.
    pub save_error: Option<String>,
    /// The data folder, named on the save-failure screen.
    pub data_dir: Option<String>,
    /// The interview ended from the lock screen (or left alone while leaving): nothing on
    /// screen may show the code.
    pub ended_locked: bool,
    /// A one-time note for staff on the welcome screen (e.g. "stored unencrypted").
    pub staff_note: Option<String>,
    /// Read each new screen aloud (`--read-aloud`, or chosen on the welcome screen).
    pub read_aloud: bool,
    /// On a choice question: no row is chosen yet (nothing highlighted, Enter explains).
    pub untouched: bool,
    /// The terminal size, once the runner knows it (None: assume it is big enough).
    pub area: Option<(u16, u16)>,
    /// The first digit of a possible two-digit number, and when it was typed.
    pub pending_digit: Option<(usize, std::time::Instant)>,
    /// A draft changed since the last save.
    pub draft_unsaved: bool,
    /// Lines scrolled in the help window.
    pub help_scroll: u16,
    /// Intakes are encrypted to a clinic key (the privacy sentence and the staff report
    /// depend on it).
    pub encrypted: bool,
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
            peek: 0,
            from_review: false,
            summary: None,
            code: None,
            unlock: TextInput::new("", false, CODE_MAX),
            code_entry: TextInput::new("", false, CODE_MAX),
            unlock_failures: 0,
            locked_from: Screen::Welcome,
            returns_to: Screen::Welcome,
            failed_from: Screen::Welcome,
            save_error: None,
            data_dir: None,
            ended_locked: false,
            staff_note: None,
            read_aloud: false,
            untouched: false,
            area: None,
            pending_digit: None,
            draft_unsaved: false,
            help_scroll: 0,
            encrypted: false,
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
                // Only the choices on offer (a choice's `when`); rows keep the choice's index.
                let qi = self.iv.current().unwrap_or_default();
                self.iv
                    .shown_choices(qi)
                    .into_iter()
                    .map(Row::Choice)
                    .collect()
            }
            Kind::Text if q.multiline => vec![Row::Input, Row::Done],
            Kind::Number | Kind::Year | Kind::Date | Kind::Text => vec![Row::Input],
        };
        if q.allow_unknown {
            rows.extend([Row::DontKnow, Row::RatherNotSay]);
        }
        rows
    }

    pub fn focused_row(&self) -> Option<Row> {
        if self.untouched {
            return None;
        }
        self.rows().get(self.focus).copied()
    }

    /// Sets up the question screen from the stored answer (so back shows what was given).
    pub fn enter_question(&mut self) {
        self.screen = Screen::Question;
        self.help_open = false;
        let Some(q) = self.question() else { return };
        let stored = self.iv.current().and_then(|i| self.iv.stored(i)).cloned();
        let rows = self.rows();
        let pos = |r: Row| rows.iter().position(|x| *x == r).unwrap_or(0);
        self.marked = vec![false; q.choices.len()];
        // Unsubmitted typing comes back before the stored answer: it is the newer word.
        let draft = self
            .iv
            .current()
            .and_then(|i| self.iv.draft(i))
            .map(str::to_owned);
        let text = draft
            .clone()
            .unwrap_or_else(|| question::answer_text(stored.as_ref()));
        if draft.is_some() {
            self.message = Some(Message::Info(strings(&self.lang).draft_restored.to_owned()));
        }
        let max = if q.kind == Kind::Text {
            q.max_chars.unwrap_or(DEFAULT_MAX_CHARS)
        } else {
            // Room for a date as typed ("15 / 03 / 2027") or the words "I'd rather not say".
            24
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
        // Nothing is chosen until the person chooses.
        self.untouched = stored.is_none()
            && matches!(q.kind, Kind::YesNo | Kind::SingleChoice | Kind::MultiChoice);
        self.pending_digit = None;
    }

    /// Shows whatever the interview's position is: a question, or the summary at the end.
    pub(super) fn enter_position(&mut self) {
        match self.iv.position() {
            Position::Question(_) => self.enter_question(),
            Position::End => self.enter_summary(),
        }
    }

    pub fn enter_summary(&mut self) {
        self.screen = Screen::Summary;
        self.scroll = 0;
        self.refresh_summary();
    }

    pub(super) fn refresh_summary(&mut self) {
        let s = scoring::summarize(&self.iv, &self.lang);
        self.summary = Some(view::build(self.iv.questionnaire(), &s, &self.lang));
    }

    pub fn handle(&mut self, action: Action) -> Effect {
        if let Action::Resize(w, h) = action {
            self.area = Some((w, h));
            return Effect::None;
        }
        // While "please make the window bigger" is all there is to see, keys do nothing.
        if self.too_small() && !matches!(action, Action::Quit | Action::Help) {
            return Effect::None;
        }
        if action == Action::ReadAloud {
            // The runner reads the screen aloud; nothing on screen changes.
            return Effect::None;
        }
        if let Some(effect) = self.on_ending_keys(&action) {
            return effect;
        }
        if action == Action::Language {
            return self.switch_language();
        }
        if self.help_open {
            match action {
                Action::Back | Action::Help | Action::Enter => {
                    self.help_open = false;
                    self.help_scroll = 0;
                }
                Action::Down => self.help_scroll = self.help_scroll.saturating_add(1),
                Action::Up => self.help_scroll = self.help_scroll.saturating_sub(1),
                Action::PageDown => self.help_scroll = self.help_scroll.saturating_add(5),
                Action::PageUp => self.help_scroll = self.help_scroll.saturating_sub(5),
                _ => {}
            }
            return Effect::None;
        }
        match self.screen {
            Screen::Welcome => self.on_welcome(action),
            Screen::Question => self.on_question(action),
            Screen::Review => self.on_review(action),
            Screen::Summary => self.on_summary(action),
            Screen::Locked => self.on_locked(action),
            Screen::Break => self.on_break(action),
            Screen::Leaving => self.on_leaving(action),
            Screen::SaveFailed => self.on_save_failed(action),
        }
    }

    /// Whether the screen is below the smallest size that is drawn.
    pub fn too_small(&self) -> bool {
        self.area
            .is_some_and(|(w, h)| w < super::draw::MIN_WIDTH || h < super::draw::MIN_HEIGHT)
    }

    /// Called when no key came for a moment: settles a lone first digit. Returns whether
    /// the screen changed.
    pub fn tick(&mut self, now: std::time::Instant) -> bool {
        match self.pending_digit {
            Some((_, at)) if now.duration_since(at) >= question::DIGIT_PAUSE => {
                self.settle_digit();
                true
            }
            _ => false,
        }
    }

    pub(super) fn switch_language(&mut self) -> Effect {
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

    /// The last welcome row: "Read the questions to me".
    pub fn on_read_aloud_row(&self) -> bool {
        self.screen == Screen::Welcome && self.focus == self.languages().len() + 1
    }

    fn on_welcome(&mut self, action: Action) -> Effect {
        let langs = self.languages();
        if self.on_read_aloud_row() && matches!(action, Action::Enter | Action::Toggle) {
            self.read_aloud = !self.read_aloud;
            return Effect::None;
        }
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
            // Past the last row, Down and Page Down scroll the notice below into view.
            Action::Up | Action::PageUp if self.scroll > 0 => {
                self.scroll = self
                    .scroll
                    .saturating_sub(if action == Action::Up { 1 } else { 5 });
                return Effect::None;
            }
            Action::Down if self.focus == langs.len() => {
                self.scroll = self.scroll.saturating_add(1);
                return Effect::None;
            }
            Action::PageDown => {
                self.scroll = self.scroll.saturating_add(5);
                return Effect::None;
            }
            Action::Up => self.focus = self.focus.saturating_sub(1),
            Action::Down | Action::Tab => self.focus = (self.focus + 1).min(langs.len() + 1),
            Action::Char(c) if c.is_ascii_digit() => {
                let n = c.to_digit(10).unwrap_or(0) as usize;
                if (1..=langs.len() + 2).contains(&n) {
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
}

fn normalize_code(s: &str) -> String {
    s.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}
