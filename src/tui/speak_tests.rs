//! Read aloud driven by key sequences, with `--speech-command` capturing what is said.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::*;
use crate::date::Date;
use crate::interview::Interview;
use crate::load::load_str;
use crate::model::Questionnaire;

const ALL_KINDS: &str = include_str!("../../tests/fixtures/all_kinds.yaml");

fn qn() -> Questionnaire {
    load_str(ALL_KINDS).unwrap()
}

/// A reader whose voice appends each utterance (and a blank line) to a file.
fn capturing(dir: &Path) -> (Reader, PathBuf) {
    let out = dir.join("spoken.txt");
    let cmd = format!(
        "cat >> '{0}'; echo \"[$PD_INTAKE_LANG]\" >> '{0}'",
        out.display()
    );
    (Reader::new(Speaker::new(Some(cmd))), out)
}

fn utterances(out: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(out).unwrap_or_default();
    text.split_inclusive("]\n")
        .filter(|u| u.ends_with("]\n"))
        .map(str::to_owned)
        .collect()
}

/// One key as the runner handles it: heard, handled, drawn; then waits until the voice has
/// finished writing `expect` utterances in all (a voice cut short would lose words).
fn key(app: &mut App<'_>, reader: &mut Reader, action: Action, out: &Path, expect: usize) {
    reader.heard(&action);
    app.handle(action);
    reader.after_frame(app);
    let start = Instant::now();
    while utterances(out).len() < expect && start.elapsed() < Duration::from_secs(30) {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(utterances(out).len(), expect, "{:?}", utterances(out));
}

#[test]
fn read_aloud_says_each_new_screen_once_in_order_and_f2_switches_the_voice() {
    use Action::*;
    let dir = tempfile::tempdir().unwrap();
    let (mut reader, out) = capturing(dir.path());
    let qn = qn();
    let mut app = App::new(Interview::new(&qn, Date::new(2026, 11, 27).unwrap()), "en");
    app.read_aloud = true;
    reader.after_frame(&mut app);
    key(&mut app, &mut reader, Resize(80, 24), &out, 1);
    key(&mut app, &mut reader, Enter, &out, 2); // intro
    key(&mut app, &mut reader, Enter, &out, 3); // has_children
    key(&mut app, &mut reader, Down, &out, 3); // same screen: silence, nothing new
    key(&mut app, &mut reader, Language, &out, 4); // the same screen in Spanish
    key(&mut app, &mut reader, Char('?'), &out, 5); // help opened
    let said = utterances(&out);
    assert!(said[0].starts_with("Choose your language / Elija su idioma.\none: English."));
    assert!(said[0].ends_with("[en]\n"));
    assert_eq!(
        said[1],
        "We will ask about your life in the US.\nContinue.\n[en]\n"
    );
    assert_eq!(
        said[2],
        "Do you have children?\none: Yes.\ntwo: No.\nthree: I don't know.\nfour: I'd rather not say.\n[en]\n"
    );
    assert_eq!(
        said[3],
        "¿Tiene hijos?\nuno: Sí.\ndos: No.\ntres: No sé.\ncuatro: Prefiero no decir.\n[es]\n"
    );
    assert!(
        said[4].ends_with("Ayuda.\nPor qué preguntamos: su familia aquí puede ayudar.\n[es]\n")
    );
}

#[test]
fn f4_reads_the_screen_only_when_asked() {
    use Action::*;
    let dir = tempfile::tempdir().unwrap();
    let (mut reader, out) = capturing(dir.path());
    let qn = qn();
    let mut app = App::new(Interview::new(&qn, Date::new(2026, 11, 27).unwrap()), "en");
    app.handle(Down); // Español
    reader.after_frame(&mut app);
    key(&mut app, &mut reader, Enter, &out, 0);
    key(&mut app, &mut reader, Enter, &out, 0);
    key(&mut app, &mut reader, ReadAloud, &out, 1);
    assert!(utterances(&out)[0].starts_with("¿Tiene hijos?\nuno: Sí."));
    // F5 changes nothing on screen.
    assert_eq!(app.screen, Screen::Question);
    assert_eq!(app.question().unwrap().id, "has_children");
}

#[test]
fn the_welcome_choice_turns_read_aloud_on() {
    use Action::*;
    let dir = tempfile::tempdir().unwrap();
    let (mut reader, out) = capturing(dir.path());
    let qn = qn();
    let mut app = App::new(Interview::new(&qn, Date::new(2026, 11, 27).unwrap()), "en");
    reader.after_frame(&mut app);
    key(&mut app, &mut reader, Char('4'), &out, 0);
    assert!(app.on_read_aloud_row());
    key(&mut app, &mut reader, Enter, &out, 1);
    assert!(app.read_aloud);
    assert!(utterances(&out)[0].contains("Léame las preguntas: on."));
    assert_eq!(app.screen, Screen::Welcome);
    key(&mut app, &mut reader, Char('1'), &out, 1);
    key(&mut app, &mut reader, Enter, &out, 2);
    assert!(utterances(&out)[1].starts_with("We will ask about your life"));
    // And off again: no more speech on new screens.
    let mut app2 = App::new(Interview::new(&qn, Date::new(2026, 11, 27).unwrap()), "en");
    app2.read_aloud = true;
    app2.handle(Char('4'));
    app2.handle(Toggle);
    assert!(!app2.read_aloud);
}

#[test]
fn any_key_stops_the_voice() {
    use Action::*;
    let qn = qn();
    let mut reader = Reader::new(Speaker::new(Some("exec sleep 60".into())));
    let mut app = App::new(Interview::new(&qn, Date::new(2026, 11, 27).unwrap()), "en");
    app.read_aloud = true;
    reader.after_frame(&mut app);
    assert!(reader.speaker.speaking());
    reader.heard(&Resize(80, 24)); // a resized window is not a key
    assert!(reader.speaker.speaking());
    reader.heard(&Down);
    assert!(!reader.speaker.speaking());
    // F5 after a stop reads again.
    reader.heard(&ReadAloud);
    reader.after_frame(&mut app);
    assert!(reader.speaker.speaking());
    reader.heard(&Char('x'));
    assert!(!reader.speaker.speaking());
    // A screen locked without a key (the idle lock) silences the voice too, and says nothing.
    reader.heard(&ReadAloud);
    reader.after_frame(&mut app);
    assert!(reader.speaker.speaking());
    app.screen = Screen::Locked;
    reader.after_frame(&mut app);
    assert!(!reader.speaker.speaking());
    reader.heard(&ReadAloud);
    reader.after_frame(&mut app);
    assert!(!reader.speaker.speaking());
}

#[test]
fn no_voice_is_said_once_in_the_persons_language() {
    use Action::*;
    let dir = tempfile::tempdir().unwrap();
    let qn = qn();
    let none = Speaker::with_search_path(None, dir.path().to_str().unwrap());
    let mut reader = Reader::new(none);
    let mut app = App::new(Interview::new(&qn, Date::new(2026, 11, 27).unwrap()), "en");
    app.handle(Down);
    app.handle(Enter);
    reader.heard(&ReadAloud);
    assert!(reader.after_frame(&mut app));
    let no_voice = crate::i18n::ES.no_voice;
    assert_eq!(app.message, Some(Message::Info(no_voice.to_owned())));
    app.message = None;
    reader.heard(&ReadAloud);
    assert!(!reader.after_frame(&mut app));
    assert_eq!(app.message, None);
    // The interview goes on.
    app.handle(Enter);
    assert_eq!(app.question().unwrap().id, "has_children");
}

#[cfg(target_os = "linux")]
#[test]
fn a_recorded_question_is_played_instead_of_the_voice() {
    use Action::*;
    let dir = tempfile::tempdir().unwrap();
    let log = crate::speech::fake_player_for_tests(dir.path());
    let text = ALL_KINDS
        .replacen(
            "        help: {en: \"Why we ask: family here",
            "        audio: {es: q1.es.ogg}\n        help: {en: \"Why we ask: family here",
            1,
        )
        .replacen(
            "{id: tps, label: {en: \"TPS\", es: \"TPS\"}}",
            "{id: tps, label: {en: \"TPS\", es: \"TPS\"}, audio: {es: tps.es.ogg}}",
            1,
        );
    let qn = load_str(&text).unwrap();
    let bin = dir.path().join("bin");
    let spoken = dir.path().join("spoken.txt");
    // The voice command would write here: it must not be used for the recorded screen.
    let voice = format!("cat >> '{}'", spoken.display());
    let mut reader = Reader::new(Speaker::with_search_path(
        Some(voice),
        bin.to_str().unwrap(),
    ));
    let mut app = App::new(Interview::new(&qn, Date::new(2026, 11, 27).unwrap()), "en");
    app.read_aloud = true;
    app.handle(Down); // Español
    app.handle(Enter);
    app.handle(Enter);
    reader.after_frame(&mut app);
    let start = Instant::now();
    while !log.exists() && start.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(std::fs::read_to_string(&log).unwrap(), "q1.es.ogg\n");
    // In English there is no recording: the voice reads it.
    reader.heard(&Language);
    app.handle(Language);
    reader.after_frame(&mut app);
    let start = Instant::now();
    while !std::fs::read_to_string(&spoken).is_ok_and(|s| s.contains("Do you have children?"))
        && start.elapsed() < Duration::from_secs(20)
    {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(
        std::fs::read_to_string(&spoken)
            .unwrap()
            .starts_with("Do you have children?")
    );
}

#[test]
fn a_choice_hidden_by_its_when_is_not_read() {
    use Action::*;
    let text = ALL_KINDS.replacen(
        "{id: daca, label: {en: \"DACA\", es: \"DACA\"}}",
        "{id: daca, label: {en: \"DACA\", es: \"DACA\"}, when: {question: has_children, is: \"yes\"}}",
        1,
    );
    let qn = load_str(&text).unwrap();
    let mut app = App::new(Interview::new(&qn, Date::new(2026, 11, 27).unwrap()), "en");
    for a in [Enter, Enter, Char('2'), Enter, Char('3'), Enter] {
        app.handle(a);
    }
    for c in "2009".chars() {
        app.handle(Char(c));
    }
    app.handle(Enter);
    assert_eq!(app.question().unwrap().id, "status");
    let said = screen_words(&app);
    assert!(!said.contains("DACA"), "{said}");
    assert!(
        said.contains("\ntwo: TPS.\nthree: I don't know.\nfour: I'd rather not say."),
        "{said}"
    );
}
