//! Read aloud in the real binary and a real pseudo-terminal: `--speech-command` captures what
//! would be spoken on a walk through every question kind in both languages, and a key press
//! ends a voice that is still speaking (its process is gone).
#![cfg(unix)]

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

mod pty_support;

use pty_support::{BIN, DOWN, ENTER, Term};
const F5: &str = "\x1b[15~";

/// pd-intake on the all-kinds fixture.
fn start(args: &[&str], data_dir: &Path) -> Term {
    let mut cmd = Command::new(BIN);
    cmd.args(["--today", "2026-11-27", "--data-dir"])
        .arg(data_dir)
        .args(["--questions", &fixture()])
        .args(args);
    Term::spawn(cmd)
}

fn fixture() -> String {
    format!(
        "{}/tests/fixtures/all_kinds.yaml",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// Waits until `f` holds (the voice runs beside the interface, in its own time).
fn eventually(what: &str, mut f: impl FnMut() -> bool) {
    let start = Instant::now();
    while !f() {
        assert!(start.elapsed() < Duration::from_secs(30), "never: {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Each utterance captured, ending with its language tag line.
fn utterances(file: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(file).unwrap_or_default();
    text.split_inclusive("]\n")
        .filter(|u| u.ends_with("]\n"))
        .map(str::to_owned)
        .collect()
}

/// Walks the all-kinds questionnaire with read-aloud on, one screen at a time: the keys for
/// a screen are sent only once its words are captured, and each screen is said exactly once.
fn walk_and_capture(lang_down: bool) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("spoken.txt");
    let cmd = format!(
        "cat >> '{0}'; echo \"[$PD_INTAKE_LANG]\" >> '{0}'",
        file.display()
    );
    let data = dir.path().join("data");
    let mut t = start(&["--read-aloud", "--speech-command", &cmd], &data);
    t.wait_for("Elija su idioma");
    let steps: &[&[&str]] = &[
        if lang_down { &[DOWN, ENTER] } else { &[ENTER] }, // welcome
        &[ENTER],                                          // intro (info)
        &["1", ENTER],                                     // has_children (yes_no)
        &["1", ENTER],                                     // relatives (multi_choice)
        &["1", ENTER],                                     // family_documents
        &["2", "0", "0", "9", ENTER],                      // entry_year (year)
        &["2", ENTER],                                     // status (single_choice)
        &["4", ENTER],                                     // household (number)
        &["2027-01-15", ENTER],                            // court_date (date)
        &["2", ENTER],                                     // arrested (yes_no, sensitive)
        &["hola", "\x13"],                                 // notes (text), Ctrl-S
    ];
    for (i, keys) in steps.iter().enumerate() {
        eventually(&format!("screen {i} said"), || utterances(&file).len() > i);
        // Moving on the welcome screen is a new language for the voice: wait for that too.
        for k in keys.iter() {
            t.send(k);
            if lang_down && i == 0 && *k == DOWN {
                eventually("welcome in Spanish", || utterances(&file).len() > 1);
            }
        }
    }
    let want = steps.len() + 1 + usize::from(lang_down); // every screen, then the summary
    eventually("the summary said", || utterances(&file).len() >= want);
    t.send("\x03");
    std::thread::sleep(Duration::from_millis(300));
    let said = utterances(&file);
    assert_eq!(said.len(), want, "{said:#?}");
    if lang_down {
        // Choosing Español on the welcome screen changed the screen's language.
        said[1..].to_vec()
    } else {
        said
    }
}

#[test]
fn every_kind_read_in_english_in_screen_order() {
    let said = walk_and_capture(false);
    let starts = [
        "Choose your language / Elija su idioma.\none: English.\ntwo: Español.",
        "We will ask about your life in the US.\nContinue.\n[en]",
        "Do you have children?\none: Yes.\ntwo: No.\nthree: I don't know.\nfour: I'd rather not say.\n[en]",
        "Who in your family is a US citizen?\none: A child.\ntwo: My spouse.\nthree: None of these.",
        "Which papers do you have?\none: Birth certificates.\ntwo: None yet.",
        "What year did you come to the US?\nType your answer: Example: 2015.",
        "Do you have any papers now?\none: No papers.\ntwo: TPS.\nthree: DACA.\nfour: I don't know.",
        "How many people live with you?\nType your answer: Numbers only, example: 2.",
        "When is your next court date?\nType your answer: Month/day/year, example: June 30, 2015.",
        "Have you ever been arrested?\n",
        "Anything else you want staff to know?\nType your answer.\ntwo: I don't know.",
        "Your summary",
    ];
    for (u, s) in said.iter().zip(starts) {
        assert!(u.starts_with(s), "expected {s:?}, said {u:?}");
        assert!(u.ends_with("[en]\n"), "{u}");
        for symbol in ['›', '✔', '▲', '•', '[', '·'] {
            assert!(
                !u[..u.len() - 5].contains(symbol),
                "{symbol} read aloud in {u:?}"
            );
        }
    }
    assert!(said[9].contains("\none: Yes.\ntwo: No.\n"), "{}", said[9]);
}

#[test]
fn every_kind_read_in_spanish_in_screen_order() {
    let said = walk_and_capture(true);
    let starts = [
        "Choose your language / Elija su idioma.\nuno: English.\ndos: Español.\ntres: Tengo un código",
        "Le vamos a preguntar sobre su vida en EE. UU.\nSeguir.\n[es]",
        "¿Tiene hijos?\nuno: Sí.\ndos: No.\ntres: No sé.\ncuatro: Prefiero no decir.\n[es]",
        "¿Quién en su familia es ciudadano de EE. UU.?\nuno: Un hijo o hija.\ndos: Mi esposo o esposa.",
        "¿Qué papeles tiene?\nuno: Actas de nacimiento.",
        "¿En qué año llegó a EE. UU.?\nEscriba su respuesta: Ejemplo: 2015.",
        "¿Tiene algún papel ahora?\nuno: Sin papeles.\ndos: TPS.\ntres: DACA.\ncuatro: No sé.",
        "¿Cuántas personas viven con usted?\nEscriba su respuesta: Solo números, ejemplo: 2.",
        "¿Cuándo es su próxima cita en la corte?\nEscriba su respuesta: Día/mes/año, ejemplo: 30 de junio de 2015.",
        "¿Alguna vez lo han arrestado?\n",
        "¿Algo más que quiera decirle al personal?\nEscriba su respuesta.\ndos: No sé.",
        "Su resumen",
    ];
    for (u, s) in said.iter().zip(starts) {
        assert!(u.starts_with(s), "expected {s:?}, said {u:?}");
        assert!(u.ends_with("[es]\n"), "{u}");
    }
}

/// Gone, or a zombie (killed, waiting to be reaped).
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
fn a_key_stops_the_voice_and_leaving_stops_it_too() {
    let dir = tempfile::tempdir().unwrap();
    let pids = dir.path().join("pids");
    // A voice that would talk for a minute, and a child of its own.
    let cmd = format!("sleep 60 & echo $$ $! >> '{}'; wait", pids.display());
    let data = dir.path().join("data");
    let mut t = start(&["--speech-command", &cmd], &data);
    t.wait_for("Choose your language");
    t.send(ENTER);
    t.wait_for("We will ask");
    assert!(!pids.exists(), "nothing is read unless asked");
    t.send(F5);
    let read = |n: usize| -> Vec<String> {
        let text = std::fs::read_to_string(&pids).unwrap_or_default();
        text.lines()
            .nth(n)
            .map(|l| l.split(' ').map(str::to_owned).collect())
            .unwrap_or_default()
    };
    eventually("F5 started the voice", || read(0).len() == 2);
    let first = read(0);
    assert!(first.iter().all(|p| !gone(p)), "the voice is speaking");
    t.send(DOWN);
    eventually("a key ended the voice and its child", || {
        first.iter().all(|p| gone(p))
    });
    // The interview went on: Down moved nothing out of place, the screen is still there.
    t.wait_for("We will ask");
    t.send(F5);
    eventually("F5 again", || read(1).len() == 2);
    let second = read(1);
    t.send("\x03"); // leaving the interview ends the voice too
    eventually("leaving ended the voice", || second.iter().all(|p| gone(p)));
}

#[test]
fn plain_mode_reads_each_question_too() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("spoken.txt");
    let cmd = format!(
        "cat >> '{0}'; echo \"[$PD_INTAKE_LANG]\" >> '{0}'",
        file.display()
    );
    let mut child = Command::new(BIN)
        .args([
            "--today",
            "2026-11-27",
            "--plain",
            "--lang",
            "es",
            "--read-aloud",
        ])
        .args([
            "--questions",
            &fixture(),
            "--speech-command",
            &cmd,
            "--data-dir",
        ])
        .arg(dir.path().join("data"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    eventually("the first screen said", || utterances(&file).len() == 1);
    stdin.write_all(b"\n").unwrap(); // intro
    eventually("the second", || utterances(&file).len() == 2);
    stdin.write_all(b"2\n").unwrap(); // has_children = no
    eventually("the third", || utterances(&file).len() == 3);
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let said = utterances(&file);
    assert_eq!(
        said[0],
        "Le vamos a preguntar sobre su vida en EE. UU.\nSeguir.\n[es]\n"
    );
    assert!(said[1].starts_with("¿Tiene hijos?\nuno: Sí.\ndos: No.\ntres: No sé."));
    assert!(
        said[2].starts_with("¿Quién en su familia es ciudadano de EE. UU.?\nuno: Un hijo o hija.")
    );
}

#[test]
fn plain_mode_without_a_voice_says_so_once_and_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("no-programs");
    std::fs::create_dir(&empty).unwrap();
    let out = Command::new(BIN)
        .args([
            "--today",
            "2026-11-27",
            "--plain",
            "--lang",
            "en",
            "--read-aloud",
        ])
        .args(["--questions", &fixture(), "--data-dir"])
        .arg(dir.path().join("data"))
        .env("PATH", &empty)
        .stdin(std::fs::File::open(write(dir.path(), "in.txt", "\n1\n")).unwrap())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    let note = "This computer has no voice to read aloud.";
    assert_eq!(stdout.matches(note).count(), 1, "{stdout}");
    assert!(
        stdout.contains("Who in your family is a US citizen?"),
        "{stdout}"
    );
}

fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}
