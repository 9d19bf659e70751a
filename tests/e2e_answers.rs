//! Issue 15 in a real terminal: Enter never answers for the person, typed text survives
//! review and kill -9, a multi-line paste stays in its one-line field.
#![cfg(unix)]

mod pty_support;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use pty_support::{ENTER, Term};

const STORY: &str = r#"
format: 1
id: story
version: "1"
title: {en: "Story", es: "Historia"}
languages: [{code: en, name: English}, {code: es, name: Español}]
sections:
  - id: s
    title: {en: "You", es: "Usted"}
    questions:
      - id: court
        kind: yes_no
        text: {en: "Do you have a court case?", es: "¿Tiene un caso en la corte?"}
      - id: city
        kind: text
        text: {en: "Which city?", es: "¿En qué ciudad vive?"}
      - id: fear
        kind: text
        multiline: true
        text: {en: "Why are you afraid to go back?", es: "¿Por qué tiene miedo de volver?"}
      - {id: end, kind: yes_no, text: {en: "Done?", es: "¿Terminó?"}}
"#;

fn records(dir: &Path) -> Vec<serde_json::Value> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
        .map(|e| serde_json::from_slice(&std::fs::read(e.path()).unwrap()).unwrap())
        .collect()
}

fn story_file(dir: &Path) -> String {
    let path = dir.join("story.yaml");
    std::fs::write(&path, STORY).unwrap();
    path.display().to_string()
}

#[test]
fn quick_enters_from_the_welcome_screen_record_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = Term::start(&["--lang", "es"], dir.path());
    t.wait_for("Elija su idioma");
    for _ in 0..6 {
        t.send(ENTER);
        t.pump();
    }
    let s = t.screen();
    assert!(s.contains("Pregunta 1"), "{s}");
    assert!(s.contains("Aún no ha elegido"), "{s}");
    t.send("\x03"); // nothing saved: nothing to continue, it leaves at once
    t.wait_exit();
    let saved = records(dir.path());
    assert!(
        saved
            .iter()
            .all(|r| r["answers"].as_object().is_none_or(|a| a.is_empty())),
        "nothing was chosen, so nothing is recorded: {saved:?}"
    );
}

#[test]
fn a_typed_story_survives_review_and_kill_9() {
    let dir = tempfile::tempdir().unwrap();
    let q = story_file(dir.path());
    let mut t = Term::start(&["--questions", &q, "--lang", "es"], dir.path());
    t.wait_for("Elija su idioma");
    t.send(ENTER);
    t.wait_for("¿Tiene un caso en la corte?");
    t.send("2");
    t.send(ENTER);
    t.wait_for("¿En qué ciudad vive?");
    t.send("Houston");
    t.send(ENTER);
    t.wait_for("¿Por qué tiene miedo de volver?");
    let story = "Me amenazaron en 2019 y otra vez en 2021";
    t.send(story);
    t.send("\x1bOR"); // F3: review
    t.wait_for("Revisar mis respuestas");
    t.send("\x1b"); // back to the open question
    let s = t.wait_for("¿Por qué tiene miedo de volver?");
    assert!(s.contains(story), "the text is still in the field:\n{s}");
    // The runner saves a draft at the first pause in typing.
    std::thread::sleep(Duration::from_millis(900));
    t.pump();
    let status = Command::new("kill")
        .args(["-9", &t.pid()])
        .status()
        .unwrap();
    assert!(status.success());
    t.wait_exit();
    let saved = records(dir.path());
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0]["drafts"]["fear"], story, "{}", saved[0]);
    assert!(
        saved[0]["answers"].get("fear").is_none(),
        "a draft is not an answer"
    );
    let code = saved[0]["code"].as_str().unwrap().to_owned();

    let mut t = Term::start(&["--questions", &q, "resume", &code], dir.path());
    let s = t.wait_for("¿Por qué tiene miedo de volver?");
    assert!(s.contains(story), "resumed with the text:\n{s}");
    assert!(s.contains("sigue aquí"), "{s}");
    t.send("\x03");
    // Leaving shows the code on a page that waits for Enter.
    t.wait_for("Sus respuestas están guardadas");
    t.send(ENTER);
    t.wait_exit();
}

#[test]
fn a_multi_line_paste_stays_in_a_one_line_field() {
    let dir = tempfile::tempdir().unwrap();
    let q = story_file(dir.path());
    let mut t = Term::start(&["--questions", &q, "--lang", "es"], dir.path());
    t.wait_for("Elija su idioma");
    t.send(ENTER);
    t.wait_for("¿Tiene un caso en la corte?");
    t.send("2");
    t.send(ENTER);
    t.wait_for("¿En qué ciudad vive?");
    // Bracketed paste, with the CR line breaks terminals send.
    t.send("\x1b[200~San Pedro Sula\rHonduras\r\x1b[201~");
    let s = t.wait_for("San Pedro Sula Honduras");
    assert!(
        s.contains("¿En qué ciudad vive?"),
        "still on the question:\n{s}"
    );
    assert!(!s.contains("¿Por qué tiene miedo"), "{s}");
    t.send(ENTER);
    t.wait_for("¿Por qué tiene miedo de volver?");
    t.send("\x03");
    // Leaving shows the code on a page that waits for Enter.
    t.wait_for("Sus respuestas están guardadas");
    t.send(ENTER);
    t.wait_exit();
    let saved = records(dir.path());
    assert_eq!(saved[0]["answers"]["city"], "San Pedro Sula Honduras ");
}
