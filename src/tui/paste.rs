//! Telling a paste from typing where the terminal does not mark pastes (the Windows console
//! delivers a paste as key presses, a pasted line break as Enter). A human cannot press a
//! key and then Enter within a few milliseconds; a paste does. So a burst of text keys that
//! holds an Enter is turned back into one `Event::Paste`: text for the field, never a submit.
//! Erring this way is safe: a missed submit records nothing, a false one records an answer.

use std::io;
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// Keys closer together than this belong to one burst.
pub const BURST_GAP: Duration = Duration::from_millis(8);

/// Reads the next event and, where pastes arrive as keys (Windows), the burst behind it.
pub fn read_events() -> io::Result<Vec<Event>> {
    let first = event::read()?;
    if !cfg!(windows) {
        // Unix terminals mark pastes (bracketed paste, enabled by the runner).
        return Ok(vec![first]);
    }
    let mut batch = vec![(Instant::now(), first)];
    while batch.len() < 200_000 && event::poll(BURST_GAP)? {
        batch.push((Instant::now(), event::read()?));
    }
    Ok(coalesce(batch, BURST_GAP))
}

/// The character a key press adds to a pasted text, if it is a text key.
fn text_of(k: &KeyEvent) -> Option<char> {
    // AltGr arrives as Ctrl+Alt on Windows and types text; Ctrl alone is a command.
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    let alt = k.modifiers.contains(KeyModifiers::ALT);
    match k.code {
        KeyCode::Char(c) if !ctrl || alt => Some(c),
        KeyCode::Enter => Some('\n'),
        KeyCode::Tab => Some('\t'),
        _ => None,
    }
}

/// Turns each burst of text keys (each within `gap` of the one before) that contains an
/// Enter and at least one other key into a single paste; every other event passes as is.
/// Key releases inside a burst are dropped with it (they never count as input).
pub fn coalesce(events: Vec<(Instant, Event)>, gap: Duration) -> Vec<Event> {
    let mut out = Vec::new();
    let mut run: Vec<(Instant, Event)> = Vec::new();
    let flush = |run: &mut Vec<(Instant, Event)>, out: &mut Vec<Event>| {
        let presses: Vec<char> = run
            .iter()
            .filter_map(|(_, e)| match e {
                Event::Key(k) if k.kind == KeyEventKind::Press => text_of(k),
                _ => None,
            })
            .collect();
        if presses.len() >= 2 && presses.contains(&'\n') {
            out.push(Event::Paste(presses.into_iter().collect()));
            run.clear();
        } else {
            out.extend(run.drain(..).map(|(_, e)| e));
        }
    };
    for (at, ev) in events {
        let texty = matches!(&ev, Event::Key(k) if text_of(k).is_some());
        let close = run
            .last()
            .is_some_and(|(last, _)| at.duration_since(*last) <= gap);
        if !(texty && (run.is_empty() || close)) {
            flush(&mut run, &mut out);
        }
        if texty {
            run.push((at, ev));
        } else {
            out.push(ev);
        }
    }
    flush(&mut run, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEventState;

    fn key(code: KeyCode, kind: KeyEventKind) -> Event {
        Event::Key(KeyEvent {
            code,
            modifiers: KeyModifiers::NONE,
            kind,
            state: KeyEventState::NONE,
        })
    }

    fn timed(start: Instant, ms_apart: u64, keys: Vec<Event>) -> Vec<(Instant, Event)> {
        keys.into_iter()
            .enumerate()
            .map(|(i, e)| (start + Duration::from_millis(ms_apart * i as u64), e))
            .collect()
    }

    fn typed(s: &str) -> Vec<Event> {
        s.chars()
            .flat_map(|c| {
                let code = if c == '\n' {
                    KeyCode::Enter
                } else {
                    KeyCode::Char(c)
                };
                // Windows reports each press and its release.
                [
                    key(code, KeyEventKind::Press),
                    key(code, KeyEventKind::Release),
                ]
            })
            .collect()
    }

    #[test]
    fn a_fast_burst_with_line_breaks_is_one_paste() {
        let t0 = Instant::now();
        let out = coalesce(timed(t0, 0, typed("Honduras\nGuatemala\n")), BURST_GAP);
        assert_eq!(out, vec![Event::Paste("Honduras\nGuatemala\n".into())]);
        // A paste of one line that ends in Enter is text too, not a submit.
        let out = coalesce(timed(t0, 1, typed("2009\n")), BURST_GAP);
        assert_eq!(out, vec![Event::Paste("2009\n".into())]);
    }

    #[test]
    fn human_typing_stays_keys() {
        let t0 = Instant::now();
        // 60 ms between key events: a fast typist, not a paste.
        let keys = typed("1\n");
        let out = coalesce(timed(t0, 60, keys.clone()), BURST_GAP);
        assert_eq!(out, keys);
        // A lone Enter, or a burst of letters without Enter, stays as it was.
        let enter = typed("\n");
        assert_eq!(coalesce(timed(t0, 0, enter.clone()), BURST_GAP), enter);
        let word = typed("hola");
        assert_eq!(coalesce(timed(t0, 0, word.clone()), BURST_GAP), word);
    }

    #[test]
    fn other_events_end_a_burst_and_pass_through() {
        let t0 = Instant::now();
        let mut keys = typed("a\nb");
        keys.insert(2, key(KeyCode::Up, KeyEventKind::Press));
        let out = coalesce(timed(t0, 0, keys), BURST_GAP);
        // "a" (press, release) then Up, then "\nb" as a paste.
        assert_eq!(out.len(), 4, "{out:?}");
        assert_eq!(out[2], key(KeyCode::Up, KeyEventKind::Press));
        assert_eq!(out[3], Event::Paste("\nb".into()));
    }
}
