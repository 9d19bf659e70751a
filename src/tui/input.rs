//! The only place that sees crossterm key codes: raw events become `Action`s.
//! Only key presses count (Windows also reports releases and repeats); `windows` turns the
//! AltGr and Alt-code characters of Windows consoles into text.

mod windows;

pub use windows::Keys;

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEventKind,
};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    /// Enter: choose / confirm / submit a one-line answer.
    Enter,
    /// Space in a list: mark or unmark a choice.
    Toggle,
    /// Explicit submit of multi-line text (Ctrl-S, F10, Ctrl-D).
    Submit,
    Char(char),
    Backspace,
    Delete,
    /// Esc: back.
    Back,
    /// F1 (and `?` where it is not typed text): help.
    Help,
    /// F2: switch language.
    Language,
    /// F3: review answers.
    Review,
    /// F5: read the screen aloud.
    ReadAloud,
    /// Ctrl-L: lock the screen.
    Lock,
    /// F4: take a break (show the code, then lock).
    Break,
    /// Ctrl-C / Ctrl-Q: leave (answers are saved).
    Quit,
    Paste(String),
    /// The window's new size (columns, rows).
    Resize(u16, u16),
    Tab,
}

pub fn map(event: &Event) -> Option<Action> {
    match event {
        Event::Key(k) => map_key(k),
        Event::Paste(s) => Some(Action::Paste(s.clone())),
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollUp => Some(Action::Up),
            MouseEventKind::ScrollDown => Some(Action::Down),
            _ => None,
        },
        _ => None,
    }
}

fn map_key(k: &KeyEvent) -> Option<Action> {
    if k.kind != KeyEventKind::Press {
        return None;
    }
    if let Some(typed) = windows::altgr_typed(k) {
        return map_key(&typed);
    }
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    Some(match k.code {
        KeyCode::Char('c' | 'q') if ctrl => Action::Quit,
        KeyCode::Char('l') if ctrl => Action::Lock,
        KeyCode::Char('s' | 'd') if ctrl => Action::Submit,
        // In raw mode a typed/pasted line feed arrives as Ctrl-J: treat it as text, never submit.
        KeyCode::Char('j') if ctrl => Action::Char('\n'),
        KeyCode::Char(_) if ctrl => return None,
        KeyCode::Char(' ') => Action::Toggle,
        KeyCode::Char(c) => Action::Char(c),
        KeyCode::Enter => Action::Enter,
        KeyCode::Esc => Action::Back,
        KeyCode::Up => Action::Up,
        KeyCode::Down => Action::Down,
        KeyCode::Left => Action::Left,
        KeyCode::Right => Action::Right,
        KeyCode::Home => Action::Home,
        KeyCode::End => Action::End,
        KeyCode::PageUp => Action::PageUp,
        KeyCode::PageDown => Action::PageDown,
        KeyCode::Backspace => Action::Backspace,
        KeyCode::Delete => Action::Delete,
        KeyCode::Tab | KeyCode::BackTab => Action::Tab,
        KeyCode::F(1) => Action::Help,
        KeyCode::F(2) => Action::Language,
        KeyCode::F(3) => Action::Review,
        KeyCode::F(4) => Action::Break,
        KeyCode::F(5) => Action::ReadAloud,
        KeyCode::F(10) => Action::Submit,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEventState;

    fn key(code: KeyCode, mods: KeyModifiers, kind: KeyEventKind) -> Event {
        Event::Key(KeyEvent {
            code,
            modifiers: mods,
            kind,
            state: KeyEventState::NONE,
        })
    }

    #[test]
    fn only_presses_count() {
        let none = KeyModifiers::NONE;
        assert_eq!(
            map(&key(KeyCode::Char('a'), none, KeyEventKind::Press)),
            Some(Action::Char('a'))
        );
        assert_eq!(
            map(&key(KeyCode::Char('a'), none, KeyEventKind::Release)),
            None
        );
        assert_eq!(map(&key(KeyCode::Enter, none, KeyEventKind::Repeat)), None);
    }

    #[test]
    fn control_keys() {
        let ctrl = KeyModifiers::CONTROL;
        assert_eq!(
            map(&key(KeyCode::Char('c'), ctrl, KeyEventKind::Press)),
            Some(Action::Quit)
        );
        assert_eq!(
            map(&key(KeyCode::Char('j'), ctrl, KeyEventKind::Press)),
            Some(Action::Char('\n'))
        );
        assert_eq!(
            map(&key(KeyCode::Char('x'), ctrl, KeyEventKind::Press)),
            None
        );
        assert_eq!(
            map(&key(KeyCode::Esc, KeyModifiers::NONE, KeyEventKind::Press)),
            Some(Action::Back)
        );
    }
}
