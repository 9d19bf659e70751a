//! How the full-screen interview stops, locks and ends (issue 14 items 2, 4, 9; issue 15
//! items 6, 7, 10): actions on the app, screens on a TestBackend.

use super::app::{App, Effect, Screen};
use super::input::Action;
use super::tests::{screen, walk};
use crate::interview::Interview;
use crate::load::load_str;
use crate::model::Questionnaire;

const ALL_KINDS: &str = include_str!("../../tests/fixtures/all_kinds.yaml");
const CODE: &str = "K7P-2QX";

fn qn() -> Questionnaire {
    load_str(ALL_KINDS).unwrap()
}

/// On the second question with one answer saved under `CODE`.
fn answered(qn: &Questionnaire, lang_down: bool) -> App<'_> {
    let mut app = walk(
        qn,
        lang_down,
        &[&[Action::Enter], &[Action::Char('1'), Action::Enter]],
    );
    app.code = Some(CODE.into());
    app
}

fn typed(app: &mut App<'_>, s: &str) {
    for c in s.chars() {
        app.handle(Action::Char(c));
    }
}

#[test]
fn on_the_lock_screen_no_key_but_the_code_does_anything() {
    use Action::*;
    let qn = qn();
    for lang_down in [false, true] {
        let mut app = answered(&qn, lang_down);
        app.handle(Help); // help open when the lock comes: it must not show through
        app.handle(Lock);
        let locked = screen(&app, 80, 24);
        for key in [
            Help,
            Language,
            Review,
            Back,
            Break,
            Tab,
            Down,
            Up,
            PageUp,
            Home,
            End,
            Enter,
            Toggle,
            Submit,
            Lock,
            Resize(80, 24),
            Char('?'),
            Char('!'),
        ] {
            let effect = app.handle(key.clone());
            assert_eq!(app.screen, Screen::Locked, "{key:?}");
            assert!(
                matches!(effect, Effect::None | Effect::WrongCode(_)),
                "{key:?}: {effect:?}"
            );
            app.message = None;
        }
        assert!(!app.help_open);
        for (w, h) in [(80, 24), (40, 12)] {
            let s = screen(&app, w, h);
            assert!(!s.contains("family") && !s.contains("familia"), "{s}");
            assert!(!s.contains(CODE), "{s}");
        }
        assert_eq!(screen(&app, 80, 24), locked, "nothing changed");
        // Quitting from the lock screen leaves without the code.
        assert_eq!(app.handle(Quit), Effect::Quit);
        assert!(app.ended_locked);
    }
}

#[test]
fn the_lock_screen_says_when_a_code_is_wrong() {
    let qn = qn();
    for (lang_down, said) in [
        (false, "That code is not right"),
        (true, "Ese código no es correcto"),
    ] {
        let mut app = answered(&qn, lang_down);
        app.handle(Action::Lock);
        typed(&mut app, "ZZZZZZ");
        assert_eq!(app.handle(Action::Enter), Effect::WrongCode(1));
        for (w, h) in [(80, 24), (40, 12)] {
            let s = screen(&app, w, h);
            assert!(s.contains(said), "{s}");
            let end = if lang_down { "guardadas." } else { "saved." };
            assert!(s.contains(end), "the help is whole:\n{s}");
        }
        typed(&mut app, &CODE.to_lowercase());
        app.handle(Action::Enter);
        assert_eq!(app.screen, Screen::Question);
        assert!(app.message.is_none(), "the wrong-code message is gone");
    }
}

#[test]
fn quitting_shows_the_code_on_a_page_and_esc_goes_back() {
    let qn = qn();
    for lang_down in [false, true] {
        let mut app = answered(&qn, lang_down);
        assert_eq!(
            app.handle(Action::Quit),
            Effect::Save,
            "save before showing the code"
        );
        assert_eq!(app.screen, Screen::Leaving);
        for (w, h) in [(80, 24), (40, 12)] {
            let s = screen(&app, w, h);
            assert!(s.contains(CODE), "{s}");
            assert!(s.contains("Enter"), "{s}");
        }
        app.handle(Action::Back);
        assert_eq!(app.screen, Screen::Question);
        app.handle(Action::Quit);
        assert_eq!(app.handle(Action::Enter), Effect::Quit);
        assert!(!app.ended_locked);
    }
    // Nothing answered: no code exists, and leaving is immediate.
    let mut app = App::new(Interview::new(&qn, super::tests::today()), "en");
    assert_eq!(app.handle(Action::Quit), Effect::Quit);
}

#[test]
fn take_a_break_shows_the_code_then_locks() {
    let qn = qn();
    let mut app = answered(&qn, false);
    assert_eq!(app.handle(Action::Break), Effect::Save);
    let s = screen(&app, 40, 12);
    assert!(s.contains(CODE) && s.contains("Write it down"), "{s}");
    app.handle(Action::Enter);
    assert_eq!(app.screen, Screen::Locked);
    assert!(!screen(&app, 80, 24).contains(CODE));
    typed(&mut app, CODE);
    app.handle(Action::Enter);
    assert_eq!(
        app.screen,
        Screen::Question,
        "back to the question, not the break"
    );
    // Before anything is saved there is no code: F4 does nothing.
    let mut fresh = walk(&qn, false, &[&[Action::Enter]]);
    assert_eq!(fresh.handle(Action::Break), Effect::None);
    assert_eq!(fresh.screen, Screen::Question);
}

#[test]
fn the_summary_q_asks_once() {
    let qn = qn();
    let mut app = answered(&qn, false);
    app.iv.go_to_end();
    app.enter_summary();
    assert_eq!(app.handle(Action::Char('q')), Effect::Save);
    assert_eq!(app.screen, Screen::Leaving);
    app.handle(Action::Back);
    assert_eq!(app.screen, Screen::Summary, "Esc stays");
    app.handle(Action::Char('q'));
    assert_eq!(
        app.handle(Action::Char('q')),
        Effect::Quit,
        "q twice leaves"
    );
}

#[test]
fn left_alone_it_locks_and_the_leaving_page_leaves_without_the_code() {
    let qn = qn();
    let mut app = answered(&qn, false);
    assert_eq!(app.idle(), Effect::Save);
    assert_eq!(app.screen, Screen::Locked);
    assert_eq!(app.idle(), Effect::None, "already locked");
    let mut app = answered(&qn, false);
    app.handle(Action::Quit);
    assert_eq!(app.idle(), Effect::Quit);
    assert!(app.ended_locked, "nothing shows the code after it");
    let mut fresh = walk(&qn, false, &[&[Action::Enter]]);
    assert_eq!(
        fresh.idle(),
        Effect::None,
        "nothing saved, nothing to protect"
    );
}

#[test]
fn a_failed_save_stops_on_a_screen_for_staff_until_a_save_works() {
    let qn = qn();
    for lang_down in [false, true] {
        let mut app = answered(&qn, lang_down);
        app.data_dir = Some("/srv/intakes".into());
        app.save_failed(
            "could not write /srv/intakes/X.json: Permission denied (os error 13)".into(),
        );
        for (w, h) in [(80, 24), (40, 12)] {
            let s = screen(&app, w, h);
            assert!(s.contains("Permission denied"), "{s}");
            assert!(s.contains("/srv/intakes"), "{s}");
        }
        for key in [
            Action::Char('1'),
            Action::Down,
            Action::Back,
            Action::Review,
        ] {
            assert_eq!(app.handle(key), Effect::None);
            assert_eq!(app.screen, Screen::SaveFailed);
        }
        assert_eq!(app.handle(Action::Enter), Effect::Save, "Enter retries");
        app.saved();
        assert_eq!(app.screen, Screen::Question);
        assert!(app.save_error.is_none());
    }
}

#[test]
fn the_privacy_sentence_matches_the_setup() {
    let qn = qn();
    // The sensitive question of the fixture, with its help open.
    let mut app = walk(&qn, false, &[&[Action::Enter]]);
    assert!(app.iv.go_to(qn.question_index("arrested").unwrap()));
    app.enter_question();
    assert!(
        app.question().is_some_and(|q| q.sensitive),
        "{:?}",
        app.screen
    );
    app.handle(Action::Help);
    let plain = screen(&app, 80, 24);
    assert!(!plain.contains("Only the clinic"), "{plain}");
    assert!(plain.contains("without encryption"), "{plain}");
    app.encrypted = true;
    let enc = screen(&app, 80, 24);
    assert!(
        enc.contains("Only the clinic's staff will see this answer"),
        "{enc}"
    );
}

#[test]
fn with_encryption_the_summary_offers_no_staff_report() {
    let qn = qn();
    let mut app = answered(&qn, false);
    app.iv.go_to_end();
    app.enter_summary();
    assert!(screen(&app, 80, 24).contains("s Staff report"));
    app.encrypted = true;
    let s = screen(&app, 80, 24);
    assert!(!s.contains("Staff report"), "{s}");
    assert!(s.contains("t Papers to bring"), "{s}");
}

/// A panic says how to continue: the record is saved after every answer.
#[test]
fn a_panic_says_how_to_continue() {
    for lang in ["en", "es"] {
        let lines = super::panic_lines(lang, CODE).join("\n");
        assert!(lines.contains(CODE), "{lines}");
        assert!(lines.contains("pd-intake"), "{lines}");
    }
}

#[test]
fn the_welcome_code_prompt_says_what_it_is() {
    let qn = qn();
    for (lang, label) in [("en", "Type the code"), ("es", "Escriba el código")] {
        let mut app = App::new(Interview::new(&qn, super::tests::today()), lang);
        app.handle(Action::Char('3'));
        let s = screen(&app, 80, 24);
        assert!(s.contains(label), "{s}");
        assert!(
            !s.contains("continue later") && !s.contains("seguir después"),
            "{s}"
        );
    }
}
