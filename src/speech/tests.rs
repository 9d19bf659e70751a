//! Words of every question kind in both languages, and the speaker's process handling.

use super::*;
use crate::load::load_str;
use crate::model::{Kind, Questionnaire};

const ALL_KINDS: &str = include_str!("../../tests/fixtures/all_kinds.yaml");

fn qn() -> Questionnaire {
    load_str(ALL_KINDS).unwrap()
}

fn said(id: &str, lang: &str, help: bool, hint: Option<&str>) -> String {
    let qn = qn();
    question_words(qn.question(id).unwrap(), lang, help, hint, false)
}

#[test]
fn yes_no_in_both_languages() {
    assert_eq!(
        said("has_children", "en", false, None),
        "Do you have children?\none: Yes.\ntwo: No.\nthree: I don't know.\nfour: I'd rather not say."
    );
    assert_eq!(
        said("has_children", "es", false, None),
        "¿Tiene hijos?\nuno: Sí.\ndos: No.\ntres: No sé.\ncuatro: Prefiero no decir."
    );
}

#[test]
fn single_and_multi_choice_in_both_languages() {
    assert_eq!(
        said("status", "en", false, None),
        "Do you have any papers now?\none: No papers.\ntwo: TPS.\nthree: DACA.\nfour: I don't know.\nfive: I'd rather not say."
    );
    assert_eq!(
        said("status", "es", false, None),
        "¿Tiene algún papel ahora?\nuno: Sin papeles.\ndos: TPS.\ntres: DACA.\ncuatro: No sé.\ncinco: Prefiero no decir."
    );
    assert_eq!(
        said("relatives", "es", false, None),
        "¿Quién en su familia es ciudadano de EE. UU.?\nuno: Un hijo o hija.\ndos: Mi esposo o esposa.\ntres: Ninguno.\ncuatro: No sé.\ncinco: Prefiero no decir."
    );
    assert!(said("relatives", "en", false, None).contains("\ntwo: My spouse.\n"));
}

#[test]
fn typed_answers_in_both_languages() {
    for (id, kind) in [
        ("entry_year", Kind::Year),
        ("household", Kind::Number),
        ("court_date", Kind::Date),
        ("notes", Kind::Text),
    ] {
        assert_eq!(qn().question(id).unwrap().kind, kind);
        let en = said(id, "en", false, None);
        let es = said(id, "es", false, None);
        assert!(en.contains("\nType your answer.\n"), "{en}");
        assert!(es.contains("\nEscriba su respuesta.\n"), "{es}");
        assert!(en.ends_with("two: I don't know.\nthree: I'd rather not say."));
        assert!(es.ends_with("dos: No sé.\ntres: Prefiero no decir."));
    }
    // The field's example is read as people say a date.
    assert_eq!(
        said(
            "court_date",
            "en",
            false,
            Some("Year-month-day, example: 2015-06-30")
        ),
        "When is your next court date?\nType your answer: Year-month-day, example: June 30, 2015.\ntwo: I don't know.\nthree: I'd rather not say."
    );
    assert!(
        said(
            "court_date",
            "es",
            false,
            Some("Año-mes-día, ejemplo: 2015-06-30")
        )
        .contains("Escriba su respuesta: Año-mes-día, ejemplo: 30 de junio de 2015.")
    );
    assert!(said("entry_year", "es", false, Some("Ejemplo: 2015")).contains("Ejemplo: 2015."));
}

#[test]
fn information_and_sensitive_screens() {
    assert_eq!(
        said("intro", "en", false, None),
        "We will ask about your life in the US.\nContinue."
    );
    assert_eq!(
        said("intro", "es", false, None),
        "Le vamos a preguntar sobre su vida en EE. UU.\nSeguir."
    );
    let en = said("arrested", "en", false, None);
    let es = said("arrested", "es", false, None);
    let note_en = crate::i18n::endings::privacy("en", false);
    let note_es = crate::i18n::endings::privacy("es", false);
    assert!(en.starts_with(&format!(
        "Have you ever been arrested?\n{}",
        spoken_text(note_en, "en")
    )));
    assert!(es.starts_with(&format!(
        "¿Alguna vez lo han arrestado?\n{}",
        spoken_text(note_es, "es")
    )));
}

#[test]
fn help_is_read_only_when_open() {
    let closed = said("has_children", "en", false, None);
    let open = said("has_children", "en", true, None);
    assert!(!closed.contains("Why we ask"));
    assert!(open.starts_with(&closed));
    assert!(open.ends_with("\nHelp.\nWhy we ask: family here can help your case."));
    assert!(
        said("has_children", "es", true, None)
            .ends_with("\nAyuda.\nPor qué preguntamos: su familia aquí puede ayudar.")
    );
}

#[test]
fn symbols_are_not_read_and_dates_are() {
    assert_eq!(spoken_text("✔ Strong ▲ › • done", "en"), "Strong, done");
    assert_eq!(spoken_text("[x] A child", "en"), "x A child");
    assert_eq!(
        spoken_text("Question 3 · about 5 left", "en"),
        "Question 3, about 5 left"
    );
    assert_eq!(
        spoken_text("Court on 2015-06-30.", "es"),
        "Court on 30 de junio de 2015."
    );
    // The order each language types a date in.
    assert_eq!(
        spoken_text("Month/day/year, example: 06/30/2015", "en"),
        "Month/day/year, example: June 30, 2015"
    );
    assert_eq!(
        spoken_text("Día/mes/año, ejemplo: 30/06/2015.", "es"),
        "Día/mes/año, ejemplo: 30 de junio de 2015."
    );
    assert_eq!(spoken_text("30/06/2015", "en"), "30/06/2015");
    assert_eq!(
        spoken_text("1/2/3/2015 12/1/20155", "en"),
        "1/2/3/2015 12/1/20155"
    );
    // Not a date: left as written.
    assert_eq!(spoken_text("Case 2015-13-45", "en"), "Case 2015-13-45");
    assert_eq!(spoken_text("id 12015-06-30", "en"), "id 12015-06-30");
}

#[test]
fn summary_words_follow_the_screen() {
    use crate::interview::Interview;
    let qn = qn();
    let iv = Interview::new(&qn, crate::date::Date::new(2026, 11, 27).unwrap());
    let s = crate::scoring::summarize(&iv, "es");
    let v = crate::report::view::build(&qn, &s, "es");
    let said = summary_words(&v, "es");
    assert!(
        said.starts_with("Su resumen.\nEsto no es asesoría legal."),
        "{said}"
    );
    // An empty group says what the screen says under it.
    assert!(
        said.contains("Sus puntos más fuertes: cero.\nNada aquí."),
        "{said}"
    );
    assert!(!said.contains('✔') && !said.contains('['), "{said}");
}

#[test]
fn welcome_screen_words() {
    let qn = qn();
    let w = welcome_words(&qn, "es", false);
    assert!(
        w.starts_with("Choose your language / Elija su idioma"),
        "{w}"
    );
    assert!(w.contains("\nuno: English.\ndos: Español.\ntres: Tengo un código para seguir.\n"));
    assert!(w.contains("cuatro: Read the questions to me / Léame las preguntas: no."));
    assert!(
        welcome_words(&qn, "en", true)
            .contains("four: Read the questions to me / Léame las preguntas: on.")
    );
}

#[cfg(unix)]
pub(super) mod process {
    use super::*;
    use std::time::{Duration, Instant};

    fn wait_for(mut f: impl FnMut() -> bool) -> bool {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(20) {
            if f() {
                return true;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        false
    }

    /// Gone, or a zombie waiting for a parent that is not us.
    fn gone(pid: &str) -> bool {
        match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
            Err(_) => true,
            Ok(s) => s
                .rsplit(')')
                .next()
                .is_some_and(|r| r.trim_start().starts_with('Z')),
        }
    }

    #[test]
    fn the_command_gets_the_text_and_the_language() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("spoken.txt");
        let cmd = format!("(echo \"[$PD_INTAKE_LANG]\"; cat) > '{}'", out.display());
        let mut sp = Speaker::new(Some(cmd));
        assert!(sp.available());
        sp.say("uno: Sí.", "es").unwrap();
        assert!(wait_for(|| !sp.speaking()));
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "[es]\nuno: Sí.\n");
    }

    #[test]
    fn a_new_utterance_and_stop_end_the_old_one_and_its_children() {
        let dir = tempfile::tempdir().unwrap();
        let pids = dir.path().join("pids");
        // The shell starts a child of its own: stopping must end both.
        let cmd = format!("sleep 60 & echo $$ $! >> '{}'; wait", pids.display());
        let mut sp = Speaker::new(Some(cmd));
        let started = Instant::now();
        sp.say("first", "en").unwrap();
        // `say` never waits for the voice.
        assert!(started.elapsed() < Duration::from_secs(5));
        assert!(wait_for(
            || std::fs::read_to_string(&pids).is_ok_and(|s| s.ends_with('\n'))
        ));
        sp.say("second", "en").unwrap();
        assert!(wait_for(
            || std::fs::read_to_string(&pids).is_ok_and(|s| s.lines().count() == 2)
        ));
        let text = std::fs::read_to_string(&pids).unwrap();
        let first: Vec<&str> = text.lines().next().unwrap().split(' ').collect();
        assert!(
            wait_for(|| first.iter().all(|p| gone(p))),
            "{first:?} still running"
        );
        assert!(sp.speaking());
        sp.stop();
        assert!(!sp.speaking());
        let second: Vec<&str> = text.lines().nth(1).unwrap().split(' ').collect();
        assert!(wait_for(|| {
            sp.stop();
            second.iter().all(|p| gone(p))
        }));
    }

    #[test]
    fn programs_are_found_on_the_path_only() {
        assert!(find_program_in("/bin:/usr/bin".as_ref(), "sh").is_some());
        assert!(find_program_in("".as_ref(), "sh").is_none());
        // A folder is not a program.
        assert!(find_program_in("/".as_ref(), "tmp").is_none());
    }

    #[test]
    fn no_voice_installed_is_said_not_hidden() {
        let dir = tempfile::tempdir().unwrap();
        let empty = dir.path().to_str().unwrap();
        let mut sp = Speaker::with_search_path(None, empty);
        assert!(!sp.available());
        assert_eq!(sp.say("x", "en"), Err(NoVoice));
        assert_eq!(sp.play(&["a.wav".into()], "en"), Err(NoVoice));
        assert!(!sp.speaking());
        // The override needs no voice on the path.
        let mut cmd = Speaker::with_search_path(Some("exit 0".into()), empty);
        assert!(cmd.available());
        assert_eq!(cmd.say("x", "en"), Ok(()));
    }

    /// A folder holding a fake `paplay` that logs the file it was given.
    #[cfg(target_os = "linux")]
    pub(crate) fn fake_player(dir: &std::path::Path) -> std::path::PathBuf {
        use std::os::unix::fs::PermissionsExt;
        let log = dir.join("played.txt");
        let bin = dir.join("bin");
        std::fs::create_dir_all(&bin).unwrap();
        let script = format!("#!/bin/sh\necho \"$*\" >> '{}'\n", log.display());
        std::fs::write(bin.join("paplay"), script).unwrap();
        std::fs::set_permissions(bin.join("paplay"), std::fs::Permissions::from_mode(0o755))
            .unwrap();
        log
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn recordings_play_one_after_the_other_through_the_player() {
        let dir = tempfile::tempdir().unwrap();
        let log = fake_player(dir.path());
        let bin = dir.path().join("bin");
        let mut sp = Speaker::with_search_path(None, bin.to_str().unwrap());
        let files = vec![
            std::path::PathBuf::from("/a/q1 es.ogg"),
            std::path::PathBuf::from("/a/tps.ogg"),
        ];
        sp.play(&files, "es").unwrap();
        assert!(wait_for(|| !sp.speaking()));
        assert_eq!(
            std::fs::read_to_string(&log).unwrap(),
            "/a/q1 es.ogg\n/a/tps.ogg\n"
        );
    }
}
