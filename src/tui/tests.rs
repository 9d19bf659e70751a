//! Screens drawn on a TestBackend at 80×24 and 40×12, in English and Spanish, and key
//! sequences that walk the interview without a terminal.

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::app::{App, Screen};
use super::draw::draw;
use super::input::Action;
use super::theme::Theme;
use crate::answer::Answer;
use crate::date::Date;
use crate::interview::Interview;
use crate::load::load_str;
use crate::model::Questionnaire;

const ALL_KINDS: &str = include_str!("../../tests/fixtures/all_kinds.yaml");

pub(super) fn today() -> Date {
    Date::parse("2026-11-27").unwrap()
}

pub(super) fn qn() -> Questionnaire {
    load_str(ALL_KINDS).unwrap()
}

pub(super) fn screen(app: &App<'_>, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| draw(f, app, &Theme::new(false, true))).unwrap();
    let buf = t.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..h {
        let mut line = String::new();
        for x in 0..w {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

pub(super) fn press(app: &mut App<'_>, keys: &[Action]) {
    for k in keys {
        app.handle(k.clone());
    }
}

pub(super) fn typed(app: &mut App<'_>, s: &str) {
    for c in s.chars() {
        app.handle(Action::Char(c));
    }
}

pub(super) fn current_id(app: &App<'_>) -> String {
    app.question()
        .map_or_else(|| format!("{:?}", app.screen), |q| q.id.clone())
}

/// Walks to a screen: language, then answers, returning the app there.
pub(super) fn walk<'q>(qn: &'q Questionnaire, lang_down: bool, steps: &[&[Action]]) -> App<'q> {
    let mut app = App::new(Interview::new(qn, today()), "en");
    if lang_down {
        app.handle(Action::Down);
    }
    app.handle(Action::Enter);
    for s in steps {
        press(&mut app, s);
    }
    app
}

#[test]
fn every_screen_in_both_languages_and_sizes() {
    use Action::*;
    let qn = qn();
    let stops: Vec<(&str, Vec<&[Action]>)> = vec![
        ("info", vec![]),
        ("yes_no", vec![&[Enter]]),
        (
            "multi",
            vec![&[Enter], &[Char('1'), Enter], &[Down, Toggle, Down, Toggle]],
        ),
        (
            "year",
            vec![
                &[Enter],
                &[Char('1'), Enter],
                &[Char('1'), Enter],
                &[Char('1'), Enter],
            ],
        ),
        ("help", vec![&[Enter], &[Char('?')]]),
        (
            "review",
            vec![
                &[Enter],
                &[Char('1'), Enter],
                &[Char('1'), Enter],
                &[Char('1'), Enter],
                &[Review],
            ],
        ),
        (
            "single",
            vec![
                &[Enter],
                &[Char('1'), Enter],
                &[Char('3'), Enter],
                &[Char('2'), Char('0'), Char('0'), Char('5'), Enter],
            ],
        ),
        (
            "date",
            vec![
                &[Enter],
                &[Char('1'), Enter],
                &[Char('3'), Enter],
                &[Char('2'), Char('0'), Char('0'), Char('5'), Enter],
                &[Char('2'), Enter],
                &[Char('3'), Enter],
            ],
        ),
        (
            "text",
            vec![
                &[Enter],
                &[Char('1'), Enter],
                &[Char('3'), Enter],
                &[Char('2'), Char('0'), Char('0'), Char('5'), Enter],
                &[Char('2'), Enter],
                &[Char('3'), Enter],
                &[Down, Enter],
                &[Char('2'), Enter],
                &[Char('h'), Char('o'), Char('l'), Char('a')],
            ],
        ),
        ("locked", vec![&[Enter], &[Lock]]),
        (
            "summary",
            vec![
                &[Enter],
                &[Char('1'), Enter],
                &[Char('3'), Enter],
                &[Char('2'), Char('0'), Char('0'), Char('5'), Enter],
                &[Char('2'), Enter],
                &[Char('3'), Enter],
                &[Down, Enter],
                &[Char('2'), Enter],
                &[Char('o'), Char('k'), Submit],
            ],
        ),
    ];
    for (lang_down, lang) in [(false, "en"), (true, "es")] {
        let app = App::new(Interview::new(&qn, today()), lang);
        for (w, h) in [(80, 24), (40, 12)] {
            insta::assert_snapshot!(format!("welcome_{lang}_{w}x{h}"), screen(&app, w, h));
        }
        for (name, steps) in &stops {
            let app = walk(&qn, lang_down, steps);
            for (w, h) in [(80, 24), (40, 12)] {
                insta::assert_snapshot!(format!("{name}_{lang}_{w}x{h}"), screen(&app, w, h));
            }
        }
    }
}

#[test]
fn too_small_asks_for_a_bigger_window() {
    let qn = qn();
    let app = App::new(Interview::new(&qn, today()), "es");
    let s = screen(&app, 39, 12);
    assert!(s.contains("agrande"), "{s}");
    assert!(screen(&app, 1, 1).len() <= 4);
}

#[test]
fn walk_with_dont_know_and_back_keeps_answers() {
    use Action::*;
    let qn = qn();
    let mut app = walk(&qn, true, &[&[Enter]]);
    assert_eq!(current_id(&app), "has_children");
    assert_eq!(app.lang, "es");
    // "No sé" is the row after the two choices.
    press(&mut app, &[Char('3'), Enter]);
    assert_eq!(app.iv.stored(1), Some(&Answer::Unknown));
    assert_eq!(current_id(&app), "relatives");
    press(&mut app, &[Char('1'), Enter]);
    assert_eq!(current_id(&app), "family_documents");
    press(&mut app, &[Back, Back]);
    assert_eq!(current_id(&app), "has_children");
    assert_eq!(app.focus, 2, "the earlier \"No sé\" is shown as chosen");
    press(&mut app, &[Enter, Enter]);
    assert_eq!(
        current_id(&app),
        "family_documents",
        "the multi answer was kept: [x] child"
    );
    assert_eq!(
        app.iv.stored(2),
        Some(&Answer::Choices(vec!["child".into()]))
    );
}

#[test]
fn exclusive_choice_clears_the_others() {
    use Action::*;
    let qn = qn();
    let mut app = walk(&qn, false, &[&[Enter], &[Char('1'), Enter]]);
    press(&mut app, &[Down, Toggle, Down, Toggle, Down, Toggle]);
    assert_eq!(app.marked, vec![false, false, true]);
    press(&mut app, &[Up, Toggle]);
    assert_eq!(app.marked, vec![false, true, false]);
}

#[test]
fn invalid_year_shows_the_reason_in_spanish() {
    use Action::*;
    let qn = qn();
    let mut app = walk(
        &qn,
        true,
        &[&[Enter], &[Char('1'), Enter], &[Char('3'), Enter]],
    );
    assert_eq!(current_id(&app), "entry_year");
    typed(&mut app, "3000");
    app.handle(Enter);
    assert_eq!(current_id(&app), "entry_year");
    let s = screen(&app, 80, 24);
    assert!(s.contains("Ese año todavía no ha llegado"), "{s}");
    press(&mut app, &[Backspace, Backspace, Backspace, Backspace]);
    typed(&mut app, "2012");
    app.handle(Enter);
    assert_eq!(current_id(&app), "status");
}

#[test]
fn multiline_text_never_submits_on_a_pasted_newline() {
    use Action::*;
    let qn = qn();
    let notes = qn.question_index("notes").unwrap();
    let mut iv = Interview::new(&qn, today());
    iv.record(1, Answer::Choice("no".into())).unwrap();
    iv.go_to(notes);
    // A resumed intake opens on its current question.
    let mut app = App::new(iv, "en");
    assert_eq!(current_id(&app), "notes");
    app.handle(Help);
    assert!(app.help_open);
    app.handle(Back);
    assert!(!app.help_open);
    app.handle(Paste("line one\nline two\n".into()));
    app.handle(Enter);
    assert_eq!(
        current_id(&app),
        "notes",
        "Enter adds a line in a multi-line field"
    );
    app.handle(Paste("x".repeat(100_000)));
    assert!(screen(&app, 80, 24).contains("too long"));
    app.handle(Submit);
    assert_ne!(current_id(&app), "notes");
    let Some(Answer::Text(t)) = app.iv.stored(notes) else {
        panic!("no text stored")
    };
    assert!(t.starts_with("line one\nline two\n\n"), "{t:?}");
    assert_eq!(t.chars().count(), 200);
}

#[test]
fn language_switch_keeps_answers_and_redraws() {
    use Action::*;
    let qn = qn();
    let mut app = walk(&qn, false, &[&[Enter], &[Char('1'), Enter]]);
    let before = app.iv.answers().to_vec();
    assert!(screen(&app, 80, 24).contains("Who in your family"));
    app.handle(Language);
    assert_eq!(app.lang, "es");
    assert!(screen(&app, 80, 24).contains("Quién en su familia"));
    assert_eq!(app.iv.answers(), &before[..]);
}

#[test]
fn review_edits_and_returns_to_review() {
    use Action::*;
    let qn = qn();
    let mut app = walk(
        &qn,
        false,
        &[
            &[Enter],
            &[Char('1'), Enter],
            &[Char('1'), Enter],
            &[Char('1'), Enter],
        ],
    );
    app.handle(Review);
    assert_eq!(app.screen, Screen::Review);
    app.handle(Enter); // first answered: has_children
    assert_eq!(current_id(&app), "has_children");
    press(&mut app, &[Down, Enter]);
    assert_eq!(app.screen, Screen::Review);
    assert_eq!(app.iv.stored(1), Some(&Answer::Choice("no".into())));
}

#[test]
fn changing_an_answer_says_how_many_were_set_aside() {
    use Action::*;
    let qn = qn();
    let mut app = walk(
        &qn,
        false,
        &[
            &[Enter],
            &[Char('1'), Enter],
            &[Char('1'), Enter],
            &[Char('1'), Enter],
        ],
    );
    app.handle(Review);
    press(&mut app, &[Down, Enter]); // relatives
    assert_eq!(current_id(&app), "relatives");
    press(&mut app, &[Toggle, Down, Down, Toggle, Enter]);
    let s = screen(&app, 80, 24);
    assert!(s.contains("1 later answer no longer counts"), "{s}");
}

#[test]
fn lock_hides_everything_until_the_code() {
    use Action::*;
    let qn = qn();
    let mut app = walk(&qn, false, &[&[Enter]]);
    app.code = Some("K7P-2QX".into());
    app.handle(Lock);
    let s = screen(&app, 80, 24);
    assert!(!s.contains("children"), "{s}");
    typed(&mut app, "WRONG");
    assert_eq!(app.handle(Enter), super::app::Effect::WrongCode(1));
    assert_eq!(app.screen, Screen::Locked);
    typed(&mut app, "K7P-2QY");
    assert_eq!(
        app.handle(Enter),
        super::app::Effect::WrongCode(2),
        "the wait grows"
    );
    typed(&mut app, "k7p2qx");
    app.handle(Enter);
    assert_eq!(app.screen, Screen::Question);
}

mod property {
    use super::*;
    use proptest::prelude::*;

    fn action() -> impl Strategy<Value = Action> {
        use Action::*;
        prop_oneof![
            Just(Up),
            Just(Down),
            Just(Left),
            Just(Right),
            Just(Enter),
            Just(Toggle),
            Just(Submit),
            Just(Back),
            Just(Help),
            Just(Language),
            Just(Review),
            Just(Backspace),
            Just(Tab),
            Just(PageDown),
            Just(Home),
            any::<char>().prop_map(Char),
            "[0-9a-z\n ]{0,20}".prop_map(Paste),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(40))]
        #[test]
        fn any_size_any_keys_never_panic(w in 1u16..300, h in 1u16..100, keys in proptest::collection::vec(action(), 0..120)) {
            let qn = crate::load::builtin_shared();
            let mut app = App::new(Interview::new(qn, today()), "es");
            let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
            for k in keys {
                app.handle(k);
                t.draw(|f| draw(f, &app, &Theme::default())).unwrap();
            }
            if let Some(q) = app.iv.current() {
                prop_assert!(app.iv.is_visible(q));
            }
        }
    }
}

/// The first frame is drawn from the built-in questionnaire's header while the rest loads:
/// it must be the very frame the whole questionnaire gives, in every language, at every
/// size, on every row of the welcome screen.
#[test]
fn welcome_from_the_header_is_the_welcome_from_the_whole_file() {
    let head = crate::load::builtin_header();
    let full = crate::load::builtin_shared();
    for lang in ["en", "es"] {
        for (w, h) in [(80, 24), (40, 12), (120, 40), (39, 12)] {
            for downs in 0..3 {
                let mut a = App::new(Interview::new(head, today()), lang);
                let mut b = App::new(Interview::new(full, today()), lang);
                a.staff_note = Some("note".into());
                b.staff_note = Some("note".into());
                for _ in 0..downs {
                    a.handle(Action::Down);
                    b.handle(Action::Down);
                }
                let (sa, sb) = (screen(&a, w, h), screen(&b, w, h));
                assert_eq!(sa, sb, "{lang} {w}x{h} after {downs} Down");
                assert!(w < 40 || sa.contains("Español"), "{sa}");
            }
        }
    }
}

/// Issue 14 item 4: the code is not on every question (the next person at the laptop would
/// read it); F4 "take a break" shows it whole, at 80×24 and 40×12, in both languages.
#[test]
fn the_resume_code_is_shown_on_the_break_screen_never_cut_and_not_on_questions() {
    let qn = crate::load::builtin_shared();
    for lang_down in [false, true] {
        // Past the opening screen, to the first question of the built-in questionnaire.
        let mut app = walk(qn, lang_down, &[&[Action::Enter]]);
        app.code = Some("K7P-2QX".into());
        for (w, h) in [(80, 24), (40, 12)] {
            let s = screen(&app, w, h);
            assert!(!s.contains("K7P-2QX"), "{s}");
            assert!(s.contains("F4"), "the break key is in the hints:\n{s}");
        }
        app.handle(Action::Break);
        assert_eq!(app.screen, Screen::Break);
        for (w, h) in [(80, 24), (40, 12)] {
            let s = screen(&app, w, h);
            assert!(s.contains("K7P-2QX"), "{s}");
        }
    }
}

#[test]
fn info_screens_have_no_number() {
    let qn = crate::load::builtin_shared();
    for (lang_down, left) in [(false, "About "), (true, "Faltan unas ")] {
        let app = walk(qn, lang_down, &[]);
        assert_eq!(
            app.question().map(|q| q.kind),
            Some(crate::model::Kind::Info)
        );
        let info = screen(&app, 80, 24);
        let header = info.lines().nth(1).unwrap_or_default();
        assert!(header.trim_start().starts_with(left), "{info}");
        assert!(
            !info.contains("Question 1") && !info.contains("Pregunta 1"),
            "{info}"
        );
        let app = walk(qn, lang_down, &[&[Action::Enter]]);
        let question = screen(&app, 80, 24);
        assert!(
            question.contains(if lang_down {
                "Pregunta 1 · "
            } else {
                "Question 1 · "
            }),
            "{question}"
        );
    }
}

#[test]
fn a_long_text_on_a_small_screen_can_be_read_from_its_start() {
    let qn = crate::load::builtin_shared();
    // The opening information screen, in Spanish, at the smallest size: too long to fit.
    let mut app = walk(qn, true, &[]);
    let start = "Le damos la bienvenida.";
    let first = screen(&app, 40, 12);
    assert!(first.contains("↑ hay más arriba"), "{first}");
    assert!(!first.contains(start), "{first}");
    assert!(
        first.contains("› Seguir"),
        "the focused row is in view:\n{first}"
    );
    for _ in 0..30 {
        app.handle(Action::Up);
    }
    let top = screen(&app, 40, 12);
    assert!(top.contains(start), "{top}");
    assert!(!top.contains("hay más arriba"), "{top}");
    // Page Down comes back towards the end; any other key shows the focused row again.
    app.handle(Action::PageDown);
    app.handle(Action::Down);
    assert_eq!(screen(&app, 40, 12), first);
    // At 80×24 it all fits: no note.
    assert!(!screen(&app, 80, 24).contains("hay más arriba"));
    // Enter still goes on from a screen read from the top.
    for _ in 0..30 {
        app.handle(Action::Up);
    }
    app.handle(Action::Enter);
    assert!(screen(&app, 40, 12).contains("Pregunta 1"));
}
