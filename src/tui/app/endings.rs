//! How an interview stops, locks and ends: the lock screen (only the right code opens it),
//! "take a break", the leaving screen that shows the code, and the stop after a failed save.

use super::*;

impl App<'_> {
    /// Keys that act the same on every screen (quit, lock, break), and the screens on which
    /// nothing else may act. `None`: the screen's own handler decides.
    pub(super) fn on_ending_keys(&mut self, action: &Action) -> Option<Effect> {
        match self.screen {
            // Only the code typed here, or leaving without the code, does anything.
            Screen::Locked => Some(match action {
                Action::Quit => {
                    self.ended_locked = true;
                    Effect::Quit
                }
                _ => self.on_locked(action.clone()),
            }),
            Screen::SaveFailed => Some(match action {
                Action::Quit => Effect::Quit,
                Action::Lock => self.lock(),
                Action::Enter => Effect::Save,
                _ => Effect::None,
            }),
            Screen::Break | Screen::Leaving if *action == Action::Lock => Some(self.lock()),
            Screen::Break | Screen::Leaving if *action == Action::Quit => Some(Effect::Quit),
            Screen::Break | Screen::Leaving => None,
            _ => match action {
                Action::Quit => Some(self.leave()),
                Action::Lock => Some(self.lock()),
                Action::Break => Some(self.take_break()),
                _ => None,
            },
        }
    }

    /// Locks the screen (Ctrl-L, after a break, when left alone). Nothing of the intake stays
    /// on screen: not the help, not a message.
    pub fn lock(&mut self) -> Effect {
        if self.screen != Screen::Locked {
            self.locked_from = self.screen;
        }
        self.screen = Screen::Locked;
        self.help_open = false;
        self.message = None;
        self.unlock = TextInput::new("", false, CODE_MAX);
        Effect::Save
    }

    /// Ctrl-C, `q` on the summary, a signal: save, then show the code and how to continue.
    /// With nothing saved there is no code to show, so it leaves at once.
    pub fn leave(&mut self) -> Effect {
        if self.code.is_none() && self.iv.answers().iter().all(Option::is_none) {
            return Effect::Quit;
        }
        self.returns_to = self.screen;
        self.screen = Screen::Leaving;
        self.help_open = false;
        self.message = None;
        Effect::Save
    }

    /// F4: the code and how to come back, then the lock. Before anything is saved there is
    /// no code, and nothing to protect.
    pub fn take_break(&mut self) -> Effect {
        if self.code.is_none() {
            return Effect::None;
        }
        self.returns_to = self.screen;
        self.screen = Screen::Break;
        self.help_open = false;
        self.message = None;
        Effect::Save
    }

    /// No key for the idle time: lock (or, on the leaving screen, leave without the code).
    pub fn idle(&mut self) -> Effect {
        match self.screen {
            Screen::Locked | Screen::SaveFailed => Effect::None,
            _ if self.code.is_none() => Effect::None,
            Screen::Leaving => {
                self.ended_locked = true;
                Effect::Quit
            }
            _ => self.lock(),
        }
    }

    /// A save failed: the interview stops on a screen for staff until a save works.
    pub fn save_failed(&mut self, why: String) {
        if self.screen != Screen::SaveFailed {
            self.failed_from = self.screen;
        }
        self.screen = Screen::SaveFailed;
        self.help_open = false;
        self.save_error = Some(why);
    }

    /// A save worked: leave the failure screen for where the interview was.
    pub fn saved(&mut self) {
        self.save_error = None;
        if self.screen == Screen::SaveFailed {
            self.screen = self.failed_from;
        }
    }

    pub(super) fn on_break(&mut self, action: Action) -> Effect {
        match action {
            Action::Enter => {
                let back = self.returns_to;
                let e = self.lock();
                self.locked_from = back;
                e
            }
            Action::Back => {
                self.screen = self.returns_to;
                Effect::None
            }
            _ => Effect::None,
        }
    }

    pub(super) fn on_leaving(&mut self, action: Action) -> Effect {
        match action {
            Action::Enter | Action::Char('q') => Effect::Quit,
            Action::Back => {
                self.screen = self.returns_to;
                Effect::None
            }
            _ => Effect::None,
        }
    }

    pub(super) fn on_save_failed(&mut self, _action: Action) -> Effect {
        Effect::None
    }

    pub(super) fn on_locked(&mut self, action: Action) -> Effect {
        match action {
            Action::Char(c) if c.is_ascii_alphanumeric() || c == '-' => {
                self.unlock.insert(&c.to_string());
            }
            Action::Paste(p) => {
                let p: String = p.chars().filter(char::is_ascii_alphanumeric).collect();
                self.unlock.insert(&p);
            }
            Action::Backspace => self.unlock.backspace(),
            Action::Enter => {
                let typed = normalize_code(&self.unlock.value());
                let ok = match &self.code {
                    Some(code) => normalize_code(code) == typed,
                    None => true,
                };
                self.unlock = TextInput::new("", false, CODE_MAX);
                if ok {
                    self.unlock_failures = 0;
                    self.message = None;
                    self.screen = self.locked_from;
                } else {
                    self.unlock_failures += 1;
                    self.message = Some(Message::Error(
                        i18n::endings::words(&self.lang).wrong_code.to_owned(),
                    ));
                    return Effect::WrongCode(self.unlock_failures);
                }
            }
            _ => {}
        }
        Effect::None
    }
}
