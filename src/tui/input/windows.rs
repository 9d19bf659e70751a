//! What Windows consoles send for typed characters that are not plain key presses, turned back
//! into text. crossterm hands on the console's key records almost as they are:
//!
//! - AltGr is reported as Left Ctrl + Right Alt, so `@` on a Spanish keyboard (AltGr+2) or `ñ`
//!   on US-International (AltGr+N) arrives as `Char('@')` / `Char('ñ')` with CONTROL | ALT.
//!   When a Ctrl+Alt chord makes no character, the console gives none and crossterm puts the
//!   key's own letter or digit instead (`Char('q')` with CONTROL | ALT).
//! - An Alt code (Alt held, 0 2 4 1 on the number pad, Alt let go) sends nothing for the digits
//!   (crossterm drops them) and then only the *release* of Alt, carrying the character: a
//!   `Release` of `Char('ñ')` with no press before it. Every other key sends a press and a
//!   release, and only presses count.
//!
//! Unix terminals send neither: AltGr characters arrive as plain characters and no releases are
//! reported, so this changes nothing there.

use std::time::{Duration, Instant};

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// How long a character key counts as held after its last press: held keys repeat many times a
/// second, so an entry this old belongs to a key whose release went to another window.
const HELD_FOR: Duration = Duration::from_secs(1);

/// The key press a Ctrl+Alt (AltGr) character stands for, or None when the event is not one.
/// A character the layout makes with AltGr is text; a plain ASCII letter or digit is the
/// console's stand-in for a chord that makes none, and stays a chord.
pub(super) fn altgr_typed(k: &KeyEvent) -> Option<KeyEvent> {
    let altgr = KeyModifiers::CONTROL | KeyModifiers::ALT;
    match k.code {
        KeyCode::Char(c)
            if k.modifiers.contains(altgr) && !c.is_ascii_alphanumeric() && !c.is_control() =>
        {
            Some(typed(c))
        }
        _ => None,
    }
}

/// A plain press of `c`, as if typed on a keyboard that has the character on a key.
fn typed(c: char) -> KeyEvent {
    KeyEvent::new_with_kind(KeyCode::Char(c), KeyModifiers::NONE, KeyEventKind::Press)
}

/// Remembers which character keys are down, to tell the release that carries an Alt-code
/// character from the release of a key that was pressed.
#[derive(Debug, Default)]
pub struct Keys {
    /// Characters pressed and not yet released, with the time of their last press.
    down: Vec<(char, Instant)>,
}

impl Keys {
    /// `input::map` for a stream of events: also types the characters of Alt codes.
    pub fn map(&mut self, event: &Event) -> Option<super::Action> {
        self.map_at(event, Instant::now())
    }

    pub(super) fn map_at(&mut self, event: &Event, now: Instant) -> Option<super::Action> {
        if let Event::Key(k) = event {
            if let KeyCode::Char(c) = k.code {
                self.down
                    .retain(|&(_, at)| now.duration_since(at) < HELD_FOR);
                match k.kind {
                    KeyEventKind::Press | KeyEventKind::Repeat => {
                        self.down.retain(|&(d, _)| d != c);
                        self.down.push((c, now));
                    }
                    KeyEventKind::Release => return self.released(c),
                }
            }
        }
        super::map(event)
    }

    /// A release with no key down is an Alt code. A release of a key that is down is not
    /// text; its character may differ from the press (Shift or AltGr let go first, or a dead
    /// key made `é` of `e`), so when none matches, the oldest key down is the one let go.
    fn released(&mut self, c: char) -> Option<super::Action> {
        if self.down.is_empty() {
            return super::map(&Event::Key(typed(c)));
        }
        let at = self
            .down
            .iter()
            .position(|&(d, _)| d == c)
            .or_else(|| {
                self.down
                    .iter()
                    .position(|&(d, _)| d.to_lowercase().eq(c.to_lowercase()))
            })
            .unwrap_or(0);
        self.down.remove(at);
        None
    }
}

#[cfg(test)]
mod tests;
