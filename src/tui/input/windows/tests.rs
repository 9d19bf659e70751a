//! Each test feeds the events crossterm 0.29 makes of the console's key records (its
//! `event/sys/windows/parse.rs`): records for Ctrl, Shift and Alt alone make no event, number
//! pad digits with Alt alone make none, a record whose character is a control code gets the
//! key's own character, and the release of Alt carrying a character becomes a `Release` of it.

use std::time::{Duration, Instant};

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::super::Action;
use super::Keys;

const NONE: KeyModifiers = KeyModifiers::NONE;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;
/// Right Alt (AltGr) is reported with Left Ctrl: the console sets both flags.
const ALTGR: KeyModifiers = KeyModifiers::CONTROL.union(KeyModifiers::ALT);

fn down(c: char, m: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new_with_kind(
        KeyCode::Char(c),
        m,
        KeyEventKind::Press,
    ))
}

fn up(c: char, m: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new_with_kind(
        KeyCode::Char(c),
        m,
        KeyEventKind::Release,
    ))
}

/// Runs events through one `Keys`, one millisecond apart.
fn actions(events: &[Event]) -> Vec<Action> {
    let mut keys = Keys::default();
    let start = Instant::now();
    events
        .iter()
        .enumerate()
        .filter_map(|(i, e)| keys.map_at(e, start + Duration::from_millis(i as u64)))
        .collect()
}

#[test]
fn altgr_characters_are_text() {
    // Spanish keyboard, AltGr+2: (Ctrl down, Alt down: no events) 2 down and up with '@'.
    assert_eq!(
        actions(&[down('@', ALTGR), up('@', ALTGR)]),
        [Action::Char('@')]
    );
    // US-International, AltGr+N and AltGr+Shift+N.
    assert_eq!(
        actions(&[
            down('ñ', ALTGR),
            up('ñ', ALTGR),
            down('Ñ', ALTGR | SHIFT),
            up('Ñ', ALTGR | SHIFT),
        ]),
        [Action::Char('ñ'), Action::Char('Ñ')]
    );
    // Latin-American AltGr+Q, and € on a German keyboard (AltGr+E).
    assert_eq!(
        actions(&[down('@', ALTGR), up('@', ALTGR), down('€', ALTGR)]),
        [Action::Char('@'), Action::Char('€')]
    );
}

#[test]
fn altgr_let_go_before_the_key_types_once() {
    // AltGr released first: the 2 key's release then carries '2' with no modifiers.
    assert_eq!(
        actions(&[down('@', ALTGR), up('2', NONE)]),
        [Action::Char('@')]
    );
    // Shift released before the letter.
    assert_eq!(
        actions(&[down('A', SHIFT), up('a', NONE)]),
        [Action::Char('A')]
    );
    // Dead key ´ (no events: the console gives no character) then e: 'é' down, 'e' up.
    assert_eq!(
        actions(&[down('é', NONE), up('e', NONE)]),
        [Action::Char('é')]
    );
}

#[test]
fn alt_codes_are_text() {
    // Alt+0241: Alt down and the number pad digits make no events; Alt's release carries 'ñ'
    // (the console reports Alt as no longer held; some report it still held).
    assert_eq!(actions(&[up('ñ', NONE)]), [Action::Char('ñ')]);
    assert_eq!(actions(&[up('¿', KeyModifiers::ALT)]), [Action::Char('¿')]);
    // After ordinary typing, and a key held down with repeats.
    assert_eq!(
        actions(&[
            down('a', NONE),
            up('a', NONE),
            up('ñ', NONE),
            down('o', NONE),
            down('o', NONE),
            down('o', NONE),
            up('o', NONE),
            up('é', NONE),
        ]),
        [
            Action::Char('a'),
            Action::Char('ñ'),
            Action::Char('o'),
            Action::Char('o'),
            Action::Char('o'),
            Action::Char('é'),
        ]
    );
}

#[test]
fn overlapping_keys_type_each_once() {
    assert_eq!(
        actions(&[
            down('a', NONE),
            down('b', NONE),
            up('a', NONE),
            up('b', NONE)
        ]),
        [Action::Char('a'), Action::Char('b')]
    );
}

#[test]
fn a_key_whose_release_went_elsewhere_is_forgotten() {
    // 'x' pressed, then the window lost the keyboard: its release never comes. A second
    // later an Alt code still types.
    let mut keys = Keys::default();
    let t = Instant::now();
    assert_eq!(keys.map_at(&down('x', NONE), t), Some(Action::Char('x')));
    assert_eq!(
        keys.map_at(&up('ñ', NONE), t + Duration::from_secs(2)),
        Some(Action::Char('ñ'))
    );
}

#[test]
fn ctrl_chords_stay_commands() {
    // Ctrl+C: the record's character is 0x03, so crossterm gives the key's own 'c'.
    assert_eq!(actions(&[down('c', CTRL), up('c', CTRL)]), [Action::Quit]);
    assert_eq!(actions(&[down('l', CTRL)]), [Action::Lock]);
    assert_eq!(actions(&[down('s', CTRL)]), [Action::Submit]);
    assert_eq!(actions(&[down('x', CTRL), up('x', NONE)]), []);
    // Ctrl+Alt with a key that makes no character on the layout: the key's own letter or
    // digit, never typed.
    for c in ['a', '2', 'x'] {
        assert!(
            !actions(&[down(c, ALTGR), up(c, ALTGR)]).contains(&Action::Char(c)),
            "Ctrl+Alt+{c} typed {c}"
        );
    }
}
