//! Issue 15's promises, key by key: nothing chosen until the person chooses, typed text kept
//! as a draft, the question on screen on small windows, two-digit numbers, pastes, dates.

use std::time::{Duration, Instant};

use super::App;
use super::app::{Effect, Message, Row, Screen};
use super::input::Action::*;
use super::tests::{current_id, press, qn, screen, today, typed, walk};
use crate::answer::Answer;
use crate::date::Date;
use crate::interview::Interview;
use crate::load::load_str;

fn nothing_recorded(app: &App<'_>) -> bool {
    app.iv.answers().iter().all(Option::is_none)
}

fn error(app: &App<'_>) -> String {
    match &app.message {
        Some(Message::Error(m)) => m.clone(),
        other => panic!("no error shown: {other:?}"),
    }
}

#[test]
fn enter_on_every_kind_of_choice_without_choosing_records_nothing() {
    let qn = qn();
    // Spanish, past the information screen, on "¿Tiene hijos?" (yes/no).
    let mut app = walk(&qn, true, &[&[Enter]]);
    assert_eq!(current_id(&app), "has_children");
    let s = screen(&app, 80, 24);
    assert!(!s.contains('›'), "nothing highlighted at first:\n{s}");
    press(&mut app, &[Enter, Enter, Toggle, Submit]);
    assert_eq!(current_id(&app), "has_children", "Enter did not move on");
    assert!(nothing_recorded(&app));
    assert!(
        error(&app).contains("Aún no ha elegido"),
        "{:?}",
        app.message
    );
    assert!(screen(&app, 40, 12).contains("Aún no ha elegido"));
    // Choosing is explicit: an arrow starts at the first row, then Enter records it.
    press(&mut app, &[Down, Down, Enter]);
    assert_eq!(app.iv.stored(1), Some(&Answer::Choice("no".into())));
    // Multi-choice: Enter with nothing marked marks nothing and does not move on, even with
    // a row in focus.
    assert_eq!(current_id(&app), "relatives");
    press(&mut app, &[Enter]);
    press(&mut app, &[Down, Enter]);
    assert_eq!(current_id(&app), "relatives");
    assert_eq!(app.marked, vec![false, false, false]);
    assert!(
        error(&app).contains("Aún no ha marcado nada"),
        "{:?}",
        app.message
    );
    assert_eq!(app.iv.stored(2), None);
    // Single choice: the same.
    press(&mut app, &[Char('3'), Enter]);
    press(
        &mut app,
        &[Char('2'), Char('0'), Char('0'), Char('9'), Enter],
    );
    assert_eq!(current_id(&app), "status");
    press(&mut app, &[Enter, Toggle]);
    assert_eq!(current_id(&app), "status");
    assert_eq!(app.iv.stored(qn.question_index("status").unwrap()), None);
    // Number, date and text fields: an empty Enter says how to answer and stays.
    press(&mut app, &[Char('1'), Enter]);
    for id in ["household", "court_date"] {
        assert_eq!(current_id(&app), id);
        press(&mut app, &[Enter]);
        assert_eq!(current_id(&app), id);
        assert!(
            error(&app).contains("Escriba una respuesta"),
            "{:?}",
            app.message
        );
        press(&mut app, &[Down, Enter]); // "No sé", chosen
    }
    assert_eq!(current_id(&app), "arrested");
    press(&mut app, &[Enter]);
    assert_eq!(current_id(&app), "arrested");
}

#[test]
fn quick_enters_on_the_welcome_screen_answer_nothing() {
    for qn in [qn(), crate::load::builtin_shared().clone()] {
        for lang in ["en", "es"] {
            let mut app = App::new(Interview::new(&qn, today()), lang);
            press(&mut app, &vec![Enter; 8]);
            assert!(nothing_recorded(&app), "{lang}: {:?}", app.iv.answers());
            assert_eq!(app.screen, Screen::Question);
        }
    }
}

#[test]
fn keys_do_nothing_while_the_window_is_too_small() {
    let qn = qn();
    let mut app = walk(&qn, false, &[&[Enter]]);
    app.handle(Resize(30, 10));
    press(
        &mut app,
        &[Char('1'), Enter, Down, Enter, Back, Review, Language],
    );
    assert!(nothing_recorded(&app));
    assert_eq!((app.screen, app.lang.as_str()), (Screen::Question, "en"));
    assert_eq!(current_id(&app), "has_children");
    assert_eq!(app.handle(Quit), Effect::Quit, "quit still works");
    app.handle(Resize(80, 24));
    press(&mut app, &[Char('1'), Enter]);
    assert_eq!(app.iv.stored(1), Some(&Answer::Choice("yes".into())));
}

/// Stands on the multi-line `notes` question of the fixture.
fn at_notes(qn: &crate::model::Questionnaire) -> App<'_> {
    let mut iv = Interview::new(qn, today());
    let notes = qn.question_index("notes").unwrap();
    iv.record(1, Answer::Choice("no".into())).unwrap();
    for q in 2..notes {
        if iv.is_visible(q) {
            iv.record(q, Answer::Unknown).unwrap();
        }
    }
    iv.go_to(notes);
    App::new(iv, "es")
}

#[test]
fn typed_text_is_a_draft_through_review_back_language_and_lock() {
    let qn = qn();
    let notes = qn.question_index("notes").unwrap();
    let mut app = at_notes(&qn);
    let story = "Tengo miedo de volver porque en 2019 me amenazaron.";
    typed(&mut app, story);
    assert_eq!(app.iv.draft(notes), Some(story), "kept with the interview");
    assert!(app.draft_unsaved, "the runner saves it at the next pause");
    assert_eq!(app.handle(Review), Effect::Save, "leaving saves the draft");
    assert_eq!(app.screen, Screen::Review);
    app.handle(Back); // back to the first open question: notes
    assert_eq!(current_id(&app), "notes");
    assert_eq!(app.input.value(), story);
    assert!(screen(&app, 80, 24).contains("me amenazaron"));
    // Esc to the previous question and forward again.
    app.handle(Back);
    assert_ne!(current_id(&app), "notes");
    press(&mut app, &[Char('2'), Enter]);
    assert_eq!(current_id(&app), "notes");
    assert_eq!(app.input.value(), story);
    // Language switch and lock keep it.
    app.handle(Language);
    app.handle(Lock);
    app.handle(Enter); // no code: Enter unlocks
    assert_eq!(app.input.value(), story);
    // Never an answer: nothing stored for notes until it is submitted.
    assert_eq!(app.iv.stored(notes), None);
    app.handle(Submit);
    assert_eq!(app.iv.stored(notes), Some(&Answer::Text(story.into())));
    assert_eq!(app.iv.draft(notes), None, "submitted: no longer a draft");
}

#[test]
fn a_resumed_draft_comes_back_in_the_field() {
    let qn = qn();
    let notes = qn.question_index("notes").unwrap();
    let mut iv = Interview::new(&qn, today());
    iv.record(1, Answer::Choice("no".into())).unwrap();
    iv.go_to(notes);
    iv.set_draft(notes, Some("a medio escribir".into()));
    let app = App::new(iv, "es");
    assert_eq!(app.input.value(), "a medio escribir");
    let s = screen(&app, 80, 24);
    assert!(s.contains("Lo que usted escribió antes sigue aquí"), "{s}");
}

#[test]
fn multi_line_text_has_a_done_row_reached_with_tab() {
    let qn = qn();
    let notes = qn.question_index("notes").unwrap();
    let mut app = at_notes(&qn);
    typed(&mut app, "uno");
    app.handle(Enter);
    typed(&mut app, "dos");
    app.handle(Tab);
    assert_eq!(app.focused_row(), Some(Row::Done));
    let s = screen(&app, 80, 24);
    assert!(s.contains("› Listo: guardar este texto"), "{s}");
    app.handle(Enter);
    assert_eq!(app.iv.stored(notes), Some(&Answer::Text("uno\ndos".into())));
}

const LONG: &str = r#"
format: 1
id: long
version: "1"
title: {en: "Long", es: "Largo"}
languages: [{code: en, name: English}, {code: es, name: Español}]
sections:
  - id: s
    title: {en: "S", es: "S"}
    questions:
      - id: arrested
        kind: yes_no
        sensitive: true
        text: {en: "Have you been arrested?", es: "¿Lo han arrestado alguna vez?"}
      - id: country
        kind: single_choice
        text: {en: "Which country?", es: "¿Qué país?"}
        choices:
          - {id: c1, label: {en: "Uno", es: "Uno"}}
          - {id: c2, label: {en: "Dos", es: "Dos"}}
          - {id: c3, label: {en: "Tres", es: "Tres"}}
          - {id: c4, label: {en: "Cuatro", es: "Cuatro"}}
          - {id: c5, label: {en: "Cinco", es: "Cinco"}}
          - {id: c6, label: {en: "Seis", es: "Seis"}}
          - {id: c7, label: {en: "Siete", es: "Siete"}}
          - {id: c8, label: {en: "Ocho", es: "Ocho"}}
          - {id: c9, label: {en: "Nueve", es: "Nueve"}}
          - {id: c10, label: {en: "Diez", es: "Diez"}}
          - {id: c11, label: {en: "Once", es: "Once"}}
      - id: family
        kind: multi_choice
        text: {en: "Family?", es: "¿Familia?"}
        choices:
          - {id: f1, label: {en: "Uno", es: "Uno"}}
          - {id: f2, label: {en: "Dos", es: "Dos"}}
          - {id: f3, label: {en: "Tres", es: "Tres"}}
          - {id: f4, label: {en: "Cuatro", es: "Cuatro"}}
          - {id: f5, label: {en: "Cinco", es: "Cinco"}}
          - {id: f6, label: {en: "Seis", es: "Seis"}}
          - {id: f7, label: {en: "Siete", es: "Siete"}}
          - {id: f8, label: {en: "Ocho", es: "Ocho"}}
          - {id: f9, label: {en: "Nueve", es: "Nueve"}}
          - {id: f10, label: {en: "Diez", es: "Diez"}}
          - {id: f11, label: {en: "Once", es: "Once"}}
      - {id: city, kind: text, text: {en: "City?", es: "¿Ciudad?"}}
      - id: birth
        kind: date
        max: today
        text: {en: "Birth date?", es: "¿Fecha de nacimiento?"}
      - id: hearing
        kind: date
        min: today
        text: {en: "Next hearing?", es: "¿Próxima audiencia?"}
"#;

#[test]
fn the_question_stays_on_a_small_screen_while_the_choices_scroll() {
    let qn = load_str(LONG).unwrap();
    let mut app = App::new(Interview::new(&qn, today()), "es");
    app.handle(Enter);
    let first = screen(&app, 40, 12);
    assert!(first.contains("¿Lo han arrestado alguna vez?"), "{first}");
    for _ in 0..6 {
        app.handle(Down);
        let s = screen(&app, 40, 12);
        assert!(s.contains("¿Lo han arrestado alguna vez?"), "{s}");
        assert!(s.contains('›'), "the focused row is in view:\n{s}");
    }
    press(&mut app, &[Char('2'), Enter]);
    // Eleven choices: the cut list says there is more, and the question stays.
    app.handle(Down);
    let top = screen(&app, 40, 12);
    assert!(
        top.contains("¿Qué país?") && top.contains("↓ hay más abajo"),
        "{top}"
    );
    app.handle(End);
    let bottom = screen(&app, 40, 12);
    assert!(
        bottom.contains("¿Qué país?") && bottom.contains("↑ hay más arriba"),
        "{bottom}"
    );
    assert!(bottom.contains("› 13. Prefiero no decir"), "{bottom}");
    // With a message taking room too, the whole question is still there.
    let qn = super::tests::qn();
    let mut app = walk(&qn, true, &[&[Enter], &[Char('2'), Enter], &[Down, Enter]]);
    let s = screen(&app, 40, 12);
    assert!(s.contains("Aún no ha marcado"), "{s}");
    assert!(
        s.contains("¿Quién en su familia es ciudadano de") && s.contains("EE. UU.?"),
        "{s}"
    );
    assert!(s.contains("› 1. [ ]"), "{s}");
    app.handle(End);
    assert!(screen(&app, 40, 12).contains("¿Quién en su familia"));
}

#[test]
fn two_digit_numbers_choose_rows_ten_and_up() {
    let qn = load_str(LONG).unwrap();
    let mut iv = Interview::new(&qn, today());
    iv.go_to(1);
    let mut app = App::new(iv, "en");
    app.handle(Enter); // welcome
    assert_eq!(current_id(&app), "country");
    press(&mut app, &[Char('1'), Char('0'), Enter]);
    assert_eq!(app.iv.stored(1), Some(&Answer::Choice("c10".into())));
    // A lone "1" waits for a second digit; a pause decides it is row 1.
    app.handle(Back);
    app.handle(Char('1'));
    assert!(
        !app.tick(Instant::now()),
        "not yet: a second digit may come"
    );
    assert!(app.tick(Instant::now() + Duration::from_secs(1)));
    assert_eq!(app.focused_row(), Some(Row::Choice(0)));
    // A digit that cannot start a two-digit row acts at once; "1" then Enter is row 1.
    press(&mut app, &[Char('3')]);
    assert_eq!(app.focused_row(), Some(Row::Choice(2)));
    press(&mut app, &[Char('1'), Enter]);
    assert_eq!(app.iv.stored(1), Some(&Answer::Choice("c1".into())));
    // Multi-choice: "11" marks row 11 only; "12" is "I don't know".
    assert_eq!(current_id(&app), "family");
    press(&mut app, &[Char('1'), Char('1')]);
    let mut want = vec![false; 11];
    want[10] = true;
    assert_eq!(app.marked, want);
    press(&mut app, &[Char('1'), Char('2'), Enter]);
    assert_eq!(app.iv.stored(2), Some(&Answer::Unknown));
}

#[test]
fn a_paste_is_text_in_its_field_never_a_submit() {
    let qn = load_str(LONG).unwrap();
    let city = qn.question_index("city").unwrap();
    let mut iv = Interview::new(&qn, today());
    iv.go_to(city);
    let mut app = App::new(iv, "en");
    app.handle(Enter);
    assert_eq!(current_id(&app), "city");
    app.handle(Paste("San Pedro Sula\nHonduras\r\n".into()));
    assert_eq!(current_id(&app), "city", "the paste did not submit");
    assert_eq!(app.input.value(), "San Pedro Sula Honduras ");
    assert_eq!(app.iv.stored(city), None);
    // On a choice screen a paste chooses nothing.
    app.handle(Back);
    app.handle(Paste("1\n".into()));
    assert_eq!(current_id(&app), "family");
    assert!(app.marked.iter().all(|m| !m));
}

#[test]
fn typed_dates_follow_the_language_and_show_how_they_were_read() {
    let qn = load_str(LONG).unwrap();
    let birth = qn.question_index("birth").unwrap();
    let hearing = qn.question_index("hearing").unwrap();
    let mut iv = Interview::new(&qn, today());
    iv.go_to(birth);
    let mut app = App::new(iv, "es");
    app.handle(Enter);
    typed(&mut app, "15/03/1990");
    let s = screen(&app, 80, 24);
    assert!(s.contains("Entendimos: 15 de marzo de 1990"), "{s}");
    // A birth date in the future is refused, with the reason.
    press(&mut app, &vec![Backspace; 10]);
    typed(&mut app, "15/03/2027");
    app.handle(Enter);
    assert_eq!(current_id(&app), "birth");
    assert!(
        error(&app).contains("todavía no ha llegado"),
        "{:?}",
        app.message
    );
    press(&mut app, &vec![Backspace; 10]);
    typed(&mut app, "15/03/1990");
    app.handle(Enter);
    assert_eq!(
        app.iv.stored(birth),
        Some(&Answer::Date(Date::new(1990, 3, 15).unwrap()))
    );
    // `min: today`: a hearing already past is refused; English reads month first.
    app.handle(Language);
    typed(&mut app, "03/15/2027");
    assert!(screen(&app, 80, 24).contains("We read this as: March 15, 2027"));
    app.handle(Enter);
    assert_eq!(
        app.iv.stored(hearing),
        Some(&Answer::Date(Date::new(2027, 3, 15).unwrap()))
    );
    app.handle(Back);
    press(&mut app, &vec![Backspace; 10]);
    typed(&mut app, "01/02/2020");
    app.handle(Enter);
    assert!(error(&app).contains("already passed"), "{:?}", app.message);
}

#[test]
fn the_welcome_notice_and_the_help_scroll_to_their_end() {
    let qn = crate::load::builtin_shared();
    let mut app = App::new(Interview::new(qn, today()), "es");
    let notice = qn.notice.get("es");
    let last_word = notice.split_whitespace().last().unwrap();
    let first = screen(&app, 40, 12);
    assert!(first.contains("↓ hay más abajo"), "{first}");
    let mut seen = false;
    for _ in 0..60 {
        app.handle(PageDown);
        let s = screen(&app, 40, 12);
        seen |= s.contains(last_word);
    }
    assert!(seen, "the end of the notice ({last_word}) can be read");
    assert!(!screen(&app, 40, 12).contains("↓ hay más abajo"));
    // Help: a long text scrolls too.
    let mut app = walk(qn, true, &[&[Enter]]);
    app.handle(Help);
    let help = app.question().and_then(|q| q.help.clone()).unwrap();
    let end = help.get("es").split_whitespace().last().unwrap().to_owned();
    let mut seen = false;
    for _ in 0..40 {
        seen |= screen(&app, 40, 12).contains(&end);
        app.handle(Down);
    }
    assert!(seen, "the end of the help ({end}) can be read");
}

#[test]
fn the_summary_shows_the_whole_code_on_a_narrow_screen() {
    let qn = qn();
    let mut iv = Interview::new(&qn, today());
    iv.go_to_end();
    let mut app = App::new(iv, "es");
    app.code = Some("K7P2-QXMV-8RTA".into());
    app.enter_summary();
    let s = screen(&app, 40, 12);
    assert!(s.contains("K7P2-QXMV-8RTA"), "{s}");
}
