//! Reading a secret (the resume code) from the terminal without echoing it: a dot per symbol,
//! Backspace to correct, Enter to finish, Esc or Ctrl-C to give up. Raw mode is always undone.

use std::io;

use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::crossterm::terminal;

/// At most this many symbols are kept (a code has 12 and its dashes).
const MAX: usize = 40;

/// Reads until Enter (Some) or Esc/Ctrl-C (None); `show` draws the dots after every key.
pub fn read_hidden(mut show: impl FnMut(&str)) -> io::Result<Option<String>> {
    terminal::enable_raw_mode()?;
    let result = (|| {
        let mut typed = String::new();
        show("");
        loop {
            let Event::Key(k) = event::read()? else {
                continue;
            };
            if k.kind != KeyEventKind::Press {
                continue;
            }
            match k.code {
                KeyCode::Enter => return Ok(Some(typed)),
                KeyCode::Esc => return Ok(None),
                KeyCode::Char('c' | 'd') if k.modifiers.contains(KeyModifiers::CONTROL) => {
                    return Ok(None);
                }
                KeyCode::Backspace => {
                    typed.pop();
                }
                KeyCode::Char(c) if !c.is_control() && typed.chars().count() < MAX => {
                    typed.push(c);
                }
                _ => {}
            }
            show(&"•".repeat(typed.chars().count()));
        }
    })();
    terminal::disable_raw_mode()?;
    result
}
