//! Asking for a resume code on the terminal without showing it (`pd-intake resume` with no
//! argument): the code stays out of the shell's history and off the screen.

use std::io::{self, BufRead, IsTerminal, Write};

use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::crossterm::terminal;

/// Prints `prompt` and reads one line. On a terminal each typed symbol shows as `*` (so the
/// person can count them) and the line is never echoed; from a pipe it is read as it comes.
pub fn read_hidden(prompt: &str) -> io::Result<String> {
    let mut out = io::stderr();
    write!(out, "{prompt}")?;
    out.flush()?;
    if !io::stdin().is_terminal() {
        let mut line = String::new();
        io::stdin().lock().read_line(&mut line)?;
        writeln!(out)?;
        return Ok(line.trim().to_owned());
    }
    terminal::enable_raw_mode()?;
    let typed = read_keys(&mut out);
    let restored = terminal::disable_raw_mode();
    write!(out, "\r\n")?;
    out.flush()?;
    restored?;
    typed
}

fn read_keys(out: &mut impl Write) -> io::Result<String> {
    let mut typed = String::new();
    loop {
        let Event::Key(k) = event::read()? else {
            continue;
        };
        if k.kind != KeyEventKind::Press {
            continue;
        }
        let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
        match k.code {
            KeyCode::Char('c' | 'd') if ctrl => {
                return Err(io::Error::new(io::ErrorKind::Interrupted, "no code typed"));
            }
            KeyCode::Esc => {
                return Err(io::Error::new(io::ErrorKind::Interrupted, "no code typed"));
            }
            KeyCode::Enter => return Ok(typed),
            KeyCode::Backspace if typed.pop().is_some() => write!(out, "\x08 \x08")?,
            KeyCode::Char(c) if !ctrl && typed.chars().count() < 64 => {
                typed.push(c);
                write!(out, "*")?;
            }
            _ => {}
        }
        out.flush()?;
    }
}
