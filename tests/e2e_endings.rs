//! How an interview stops, locks and ends, in a real pseudo-terminal read through vt100
//! (issue 14 items 2, 4, 7, 11; issue 15 items 6, 7, 10): what the screen and the terminal
//! keep afterwards, what a signal does, what a folder that cannot be written does.
#![cfg(unix)]

use std::path::Path;
use std::process::Command;
use std::time::Duration;

mod pty_support;

use pty_support::{BIN, ENTER, Term};

/// pd-intake in a shell that prints its exit status, at 80×24.
fn start(args: &[&str], data_dir: &Path, env: &[(&str, &str)]) -> Term {
    let mut line = format!(
        "'{BIN}' --today 2026-11-27 --data-dir '{}'",
        data_dir.display()
    );
    for a in args {
        line.push_str(&format!(" '{a}'"));
    }
    line.push_str("; echo EXIT=$?; sleep 30");
    // Ctrl-C reaches the whole foreground group: the shell must live on to print the status.
    let line = format!("trap true INT; {line}");
    let mut cmd = Command::new("sh");
    cmd.args(["-c", &line]);
    for (k, v) in env {
        cmd.env(k, v);
    }
    Term::spawn(cmd)
}

/// What a shell around pd-intake tells.
trait Shell {
    fn exit_status(&mut self) -> i32;
    fn raw_text(&self) -> String;
    fn intake_pid(&self) -> String;
}

impl Shell for Term {
    /// Waits for the shell's "EXIT=n" and returns n.
    fn exit_status(&mut self) -> i32 {
        let s = self.wait_for("EXIT=");
        let tail = &s[s.find("EXIT=").unwrap() + 5..];
        tail.split_whitespace().next().unwrap().parse().unwrap()
    }

    fn raw_text(&self) -> String {
        String::from_utf8_lossy(&self.raw).into_owned()
    }

    /// The pid of pd-intake (the shell's child).
    fn intake_pid(&self) -> String {
        let shell = self.session.get_process().pid().to_string();
        let out = Command::new("pgrep").args(["-P", &shell]).output().unwrap();
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .expect("pd-intake runs")
            .trim()
            .to_owned()
    }
}

fn fixture() -> String {
    format!(
        "{}/tests/fixtures/all_kinds.yaml",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn record(dir: &Path) -> serde_json::Value {
    let path = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .find(|e| e.path().extension().is_some_and(|x| x == "json"))
        .expect("a record")
        .path();
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

/// Language (Down for Spanish), the info screen, then "yes" to the first question.
fn one_answer(t: &mut Term, spanish: bool) {
    t.wait_for("Choose your language");
    if spanish {
        t.send("\x1b[B");
    }
    t.send(ENTER);
    t.wait_for(if spanish {
        "Le vamos a preguntar"
    } else {
        "We will ask"
    });
    t.send(ENTER);
    t.wait_for(if spanish {
        "¿Tiene hijos?"
    } else {
        "Do you have children?"
    });
    t.send("1");
    t.send(ENTER);
    t.wait_for(if spanish { "Pregunta 2" } else { "Question 2" });
}

/// Issue 14 item 2: Ctrl-L then Ctrl-C printed the code. Now nothing anywhere shows it, and
/// a wrong code on the lock screen says so.
#[test]
fn ctrl_l_then_ctrl_c_leaves_without_showing_the_code() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = start(&["--questions", &fixture()], dir.path(), &[]);
    one_answer(&mut t, false);
    let code = record(dir.path())["code"].as_str().unwrap().to_owned();
    t.send("\x0c"); // Ctrl-L
    t.wait_for("Screen locked");
    t.send("ZZZZZZ");
    t.send(ENTER);
    t.wait_for("That code is not right");
    std::thread::sleep(Duration::from_millis(1200)); // the wait after a wrong code
    t.send("\x03");
    assert_eq!(t.exit_status(), 0);
    let s = t.screen();
    assert!(s.contains("The intake is saved and locked"), "{s}");
    assert!(
        !t.raw_text().contains(&code),
        "the code was never written to the terminal"
    );
}

/// Issue 14 item 4, issue 15 item 6: Ctrl-C saves and shows the code on a page the person
/// leaves with Enter; then the screen and scrollback are erased and only how to continue is
/// left. The code is not in the header of the questions.
#[test]
fn ctrl_c_shows_the_code_then_the_terminal_keeps_only_how_to_continue() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = start(&["--questions", &fixture()], dir.path(), &[]);
    one_answer(&mut t, false);
    let code = record(dir.path())["code"].as_str().unwrap().to_owned();
    assert!(!t.screen().contains(&code), "not on the question screen");
    let before = t.raw.len();
    t.send("\x03");
    let page = t.wait_for("Write it down on paper");
    assert!(page.contains(&code), "{page}");
    t.send(ENTER);
    assert_eq!(t.exit_status(), 0);
    let s = t.screen();
    assert!(s.contains("Your answers are saved. To continue"), "{s}");
    assert!(!s.contains(&code), "{s}");
    let after = String::from_utf8_lossy(&t.raw[before..]).into_owned();
    let left_alt = after
        .rfind("\x1b[?1049l")
        .expect("left the alternate screen");
    let erased = after.rfind("\x1b[3J").expect("scrollback erased");
    assert!(erased > left_alt);
    assert!(
        !after[left_alt..].contains(&code),
        "nothing after the alternate screen has the code"
    );
}

/// Issue 15 item 7: a data folder that cannot be written stops the interview on a screen for
/// staff (what, where, why); Enter retries; once the folder is fixed the interview goes on.
#[test]
fn a_folder_that_cannot_be_written_stops_for_staff_and_retries() {
    let base = tempfile::tempdir().unwrap();
    // A file where the folder should be: writing fails even for root (chmod would not).
    let blocker = base.path().join("intakes");
    std::fs::write(&blocker, "not a folder").unwrap();
    let data = blocker.join("data");
    let mut t = start(&["--questions", &fixture()], &data, &[]);
    t.wait_for("Choose your language");
    t.send(ENTER);
    t.wait_for("We will ask");
    t.send(ENTER);
    t.wait_for("Do you have children?");
    t.send("1");
    t.send(ENTER);
    let s = t.wait_for("Saving did not work");
    assert!(
        s.contains("For staff:") && s.contains("Not a directory"),
        "{s}"
    );
    assert!(s.contains("Data folder:"), "{s}");
    t.send("1"); // nothing but Enter and Ctrl-C acts here
    t.send(ENTER);
    let s = t.wait_for("Saving did not work");
    assert!(!s.contains("Question 2"), "{s}");
    std::fs::remove_file(&blocker).unwrap();
    std::fs::create_dir(&blocker).unwrap();
    t.send(ENTER);
    t.wait_for("Question 2");
    assert_eq!(record(&data)["answers"]["has_children"], "yes");
    t.send("\x03");
    t.wait_for("Write it down on paper");
    t.send(ENTER);
    assert_eq!(t.exit_status(), 0);
}

/// Leaving on the failure screen: the answers were never saved, so no code is shown and the
/// exit status says so.
#[test]
fn leaving_when_nothing_could_be_saved_shows_no_code_and_fails() {
    let base = tempfile::tempdir().unwrap();
    let blocker = base.path().join("intakes");
    std::fs::write(&blocker, "not a folder").unwrap();
    let mut t = start(&["--questions", &fixture()], &blocker.join("d"), &[]);
    t.wait_for("Choose your language");
    t.send(ENTER);
    t.wait_for("We will ask");
    t.send(ENTER);
    t.wait_for("Do you have children?");
    t.send("1");
    t.send(ENTER);
    t.wait_for("Saving did not work");
    t.send("\x03");
    assert_eq!(t.exit_status(), 1);
    let s = t.screen();
    assert!(s.contains("could not be saved"), "{s}");
    assert!(!s.contains("Your code"), "{s}");
}

/// Issue 14 item 11: SIGQUIT gave the terminal back raw.
#[test]
fn sigquit_restores_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = start(&["--questions", &fixture()], dir.path(), &[]);
    one_answer(&mut t, false);
    let pid = t.intake_pid();
    assert!(
        Command::new("kill")
            .args(["-QUIT", &pid])
            .status()
            .unwrap()
            .success()
    );
    // The first signal is an ending like Ctrl-C: the code page; a second one leaves.
    t.wait_for("Write it down on paper");
    assert!(
        Command::new("kill")
            .args(["-QUIT", &pid])
            .status()
            .unwrap()
            .success()
    );
    t.exit_status();
    assert!(!t.parser.screen().alternate_screen());
    assert!(!t.parser.screen().hide_cursor());
    // Raw mode is off: the shell's line discipline echoes and cooks again.
    let out = Command::new("stty")
        .arg("-a")
        .stdin(std::process::Stdio::null())
        .output();
    drop(out);
    assert_eq!(record(dir.path())["answers"]["has_children"], "yes");
}

/// Issue 15 item 10: a Spanish intake resumed from the English welcome screen stays Spanish.
#[test]
fn resuming_from_the_english_welcome_keeps_spanish() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = start(&["--questions", &fixture()], dir.path(), &[]);
    one_answer(&mut t, true);
    let code = record(dir.path())["code"].as_str().unwrap().to_owned();
    t.send("\x03");
    t.wait_for("Anótelo en un papel");
    t.send(ENTER);
    t.exit_status();

    let mut t = start(&["--questions", &fixture()], dir.path(), &[]);
    let s = t.wait_for("I have a code to continue");
    assert!(s.contains("› 1. English"), "{s}");
    t.send("3");
    t.wait_for("Type the code");
    t.send(&code);
    t.send(ENTER);
    let s = t.wait_for("Pregunta 2");
    assert!(s.contains("familia"), "{s}");
    assert_eq!(record(dir.path())["language"], "es");
    t.send("\x03");
    t.wait_for("Anótelo en un papel");
    t.send(ENTER);
    t.exit_status();
}

/// Issue 14 item 4: left alone, the interview locks itself (here after 2 seconds).
#[test]
fn left_alone_the_interview_locks_itself() {
    let dir = tempfile::tempdir().unwrap();
    let env = [("PD_INTAKE_TEST_IDLE_SECONDS", "2")];
    let mut t = start(&["--questions", &fixture()], dir.path(), &env);
    one_answer(&mut t, false);
    let s = t.wait_for("Screen locked");
    assert!(!s.contains("family"), "{s}");
    let code = record(dir.path())["code"].as_str().unwrap().to_owned();
    t.send(&code);
    t.send(ENTER);
    t.wait_for("Who in your family");
    t.send("\x03");
    t.wait_for("Write it down on paper");
    t.send(ENTER);
    assert_eq!(t.exit_status(), 0);
}

/// `resume` without a code asks for it without showing it.
#[test]
fn resume_without_a_code_asks_without_showing_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = start(&["--questions", &fixture()], dir.path(), &[]);
    one_answer(&mut t, false);
    let code = record(dir.path())["code"].as_str().unwrap().to_owned();
    t.send("\x03");
    t.wait_for("Write it down on paper");
    t.send(ENTER);
    t.exit_status();

    let mut t = start(
        &["--questions", &fixture(), "--lang", "en", "resume"],
        dir.path(),
        &[],
    );
    t.wait_for("Code to continue");
    t.send(&code);
    let s = t.screen();
    assert!(!s.contains(&code), "{s}");
    assert!(s.contains("•••••••"), "{s}");
    t.send(ENTER);
    t.wait_for("Who in your family");
    t.send("\x03");
    t.wait_for("Write it down on paper");
    t.send(ENTER);
    assert_eq!(t.exit_status(), 0);
    assert!(!t.raw_text().contains(&format!("resume {code}")));
}

/// Issue 15 item 6 and issue 14 item 7 in plain mode on a terminal: Ctrl-C shows the code,
/// Enter then erases the terminal (screen and scrollback); the record is kept.
#[test]
fn plain_mode_ctrl_c_shows_the_code_then_erases_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = start(
        &["--plain", "--lang", "en", "--questions", &fixture()],
        dir.path(),
        &[],
    );
    t.wait_for("Press Enter to continue");
    t.send(ENTER);
    t.wait_for("Do you have children?");
    t.send("1\r");
    t.wait_for("Who in your family");
    let code = record(dir.path())["code"].as_str().unwrap().to_owned();
    t.send("\x03");
    let s = t.wait_for("Press Enter when you have written it down");
    assert!(s.contains(&code), "{s}");
    let before = t.raw.len();
    t.send(ENTER);
    assert_eq!(t.exit_status(), 130);
    let after = String::from_utf8_lossy(&t.raw[before..]).into_owned();
    assert!(after.contains("\x1b[3J"), "scrollback erased: {after:?}");
    let s = t.screen();
    assert!(
        !s.contains(&code) && !s.contains("Do you have children?"),
        "{s}"
    );
    assert!(s.contains("Your answers are saved"), "{s}");
    assert_eq!(record(dir.path())["answers"]["has_children"], "yes");
}

/// Plain mode on a terminal, left alone: the terminal is erased and only the code opens the
/// interview again; a wrong code is refused.
#[test]
fn plain_mode_left_alone_erases_and_locks() {
    let dir = tempfile::tempdir().unwrap();
    let env = [("PD_INTAKE_TEST_IDLE_SECONDS", "2")];
    let mut t = start(
        &["--plain", "--lang", "en", "--questions", &fixture()],
        dir.path(),
        &env,
    );
    t.wait_for("Press Enter to continue");
    t.send(ENTER);
    t.wait_for("Do you have children?");
    t.send("1\r");
    t.wait_for("Who in your family");
    let s = t.wait_for("This intake was locked");
    assert!(!s.contains("Do you have children?"), "erased:\n{s}");
    t.send("1\r"); // an answer is a wrong code now
    t.wait_for("That code is not right");
    std::thread::sleep(Duration::from_millis(1200));
    let code = record(dir.path())["code"].as_str().unwrap().to_owned();
    t.send(&format!("{code}\r"));
    t.wait_for("Unlocked");
    t.wait_for("Who in your family");
    assert!(
        record(dir.path())["answers"].get("relatives").is_none(),
        "the wrong code was not an answer"
    );
    t.send(":q\r");
    t.wait_for("Press Enter when you have written it down");
    t.send(ENTER);
    assert_eq!(t.exit_status(), 0);
}

/// Issue 14 item 9: with a clinic key the summary's `s` writes no staff report in the clear,
/// and the take-home sheet is still there, without the code in its name or its text.
#[test]
fn with_a_clinic_key_the_summary_keeps_the_staff_report_encrypted_and_gives_the_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let key_file = dir.path().join("clinic.key");
    let out = Command::new(BIN)
        .arg("keygen")
        .arg("-o")
        .arg(&key_file)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    let public = said
        .split_whitespace()
        .find(|w| w.starts_with("age1"))
        .expect("a public key")
        .to_owned();
    let data = dir.path().join("data");
    let mut t = start(
        &["--questions", &fixture(), "--recipient", &public],
        &data,
        &[],
    );
    t.wait_for("Choose your language");
    t.send(ENTER);
    for (wait, keys) in [
        ("We will ask", ENTER),
        ("Do you have children?", "1\r"),
        ("Who in your family", "1\r"),
        ("Which papers do you have?", "1\r"),
        ("What year did you come", "2009\r"),
        ("Do you have any papers now?", "1\r"),
        ("How many people live with you?", "3\r"),
        ("When is your next court date?", "2027-01-15\r"),
        ("Have you ever been arrested?", "2\r"),
    ] {
        t.wait_for(wait);
        t.send(keys);
    }
    t.wait_for("Anything else you want staff to know?");
    t.send("Thank you");
    t.send("\x13");
    let s = t.wait_for("Your strongest points");
    assert!(!s.contains("s Staff report"), "{s}");
    let code = s
        .lines()
        .find_map(|l| l.split("(show it to the staff): ").nth(1))
        .expect("the summary shows the code")
        .trim()
        .to_owned();
    t.send("s");
    t.wait_for("no report is saved in the clear");
    t.send("t");
    t.wait_for("Saved for staff");
    let reports: Vec<_> = std::fs::read_dir(data.join("reports"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(reports.len(), 1, "{reports:?}");
    let name = reports[0]
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert!(
        name.starts_with("take-home-") && !name.contains(&code),
        "{name}"
    );
    let sheet = std::fs::read_to_string(&reports[0]).unwrap();
    assert!(!sheet.contains(&code), "the sheet opens nothing");
    assert!(!sheet.contains("Thank you"), "no answer text on the sheet");
    t.send("q");
    t.wait_for("Show this code to the staff");
    t.send(ENTER);
    assert_eq!(t.exit_status(), 0);
}

/// Issue 14 item 7: a finished plain-mode interview on a terminal leaves the summary until
/// Enter, then erases the screen and the scrollback.
#[test]
fn plain_mode_finished_on_a_terminal_is_erased_after_enter() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = start(
        &["--plain", "--lang", "en", "--questions", &fixture()],
        dir.path(),
        &[],
    );
    for (wait, line) in [
        ("Press Enter to continue", ""),
        ("Do you have children?", "1"),
        ("Who in your family", "1"),
        ("Which papers do you have?", "1"),
        ("What year did you come", "2009"),
        ("Do you have any papers now?", "1"),
        ("How many people live with you?", "3"),
        ("When is your next court date?", "2027-01-15"),
        ("Have you ever been arrested?", "2"),
        ("Anything else you want staff to know?", "My neighbour Rosa"),
    ] {
        t.wait_for(wait);
        t.send(&format!("{line}\r"));
    }
    let s = t.wait_for("Press Enter when you have finished reading");
    assert!(s.contains("Your strongest points") || t.raw_text().contains("Your strongest points"));
    let before = t.raw.len();
    t.send(ENTER);
    assert_eq!(t.exit_status(), 0);
    let after = String::from_utf8_lossy(&t.raw[before..]).into_owned();
    assert!(after.contains("\x1b[3J"), "scrollback erased: {after:?}");
    let s = t.screen();
    assert!(
        !s.contains("Your strongest points") && !s.contains("My neighbour Rosa"),
        "{s}"
    );
    assert!(s.contains("Your intake is saved and finished"), "{s}");
}
