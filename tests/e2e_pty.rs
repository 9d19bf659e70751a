//! The real binary in a real pseudo-terminal (expectrl), read through a terminal emulator
//! (vt100): what an applicant would see, and what is left on disk when it is killed.
#![cfg(unix)]

use std::path::Path;
use std::process::Command;

mod pty_support;

use pty_support::{BIN, DOWN, ENTER, Term};

/// Starts on the all-kinds fixture in English and stands on its first question.
fn at_first_question(data_dir: &Path) -> Term {
    let q = fixture();
    let mut t = Term::start(&["--questions", &q], data_dir);
    t.wait_for("Choose your language");
    t.send(ENTER);
    t.wait_for("We will ask");
    t.send(ENTER);
    t.wait_for("Do you have children?");
    t
}

fn fixture() -> String {
    format!(
        "{}/tests/fixtures/all_kinds.yaml",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn walks_a_short_path_in_spanish_and_back_keeps_the_answer() {
    let dir = tempfile::tempdir().unwrap();
    let q = fixture();
    let mut t = Term::start(&["--questions", &q], dir.path());
    t.wait_for("Elija su idioma");
    t.send(DOWN);
    t.send(ENTER);
    t.wait_for("Le vamos a preguntar");
    t.send(ENTER);
    t.wait_for("¿Tiene hijos?");
    t.send("1");
    t.send(ENTER);
    let s = t.wait_for("¿Quién en su familia es ciudadano");
    assert!(s.contains("Pregunta 2"), "{s}");
    t.send("\x1b");
    let s = t.wait_for("¿Tiene hijos?");
    assert!(
        s.contains("› 1. Sí"),
        "the earlier answer is shown chosen:\n{s}"
    );
    t.send("\x03"); // Ctrl-C saves and shows the code (issue 14 item 4: not after exit)
    let page = t.wait_for("Anótelo en un papel");
    let code = record_code(dir.path());
    assert!(
        page.contains(&code),
        "the leaving page shows the code:\n{page}"
    );
    t.send(ENTER);
    t.wait_exit();
    let screen = t.parser.screen();
    assert!(!screen.alternate_screen(), "left the alternate screen");
    assert!(!screen.hide_cursor(), "the cursor is visible again");
    assert!(
        screen.contents().contains("Sus respuestas están guardadas"),
        "{}",
        screen.contents()
    );
    assert!(!screen.contents().contains(&code), "{}", screen.contents());
}

/// The code of the one record in `dir` (plaintext records).
fn record_code(dir: &Path) -> String {
    let record = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .find(|e| e.path().extension().is_some_and(|x| x == "json"))
        .expect("a record");
    let v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(record.path()).unwrap()).unwrap();
    v["code"].as_str().expect("a code").to_owned()
}

#[test]
fn sigterm_restores_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let q = fixture();
    let mut t = Term::start(&["--questions", &q], dir.path());
    t.wait_for("Choose your language");
    t.send(ENTER);
    t.wait_for("We will ask");
    assert!(t.parser.screen().alternate_screen());
    let status = Command::new("kill")
        .args(["-TERM", &t.pid()])
        .status()
        .unwrap();
    assert!(status.success());
    t.wait_exit();
    assert!(!t.parser.screen().alternate_screen());
    assert!(!t.parser.screen().hide_cursor());
}

#[test]
fn kill_9_after_five_answers_then_resume_has_all_five() {
    let dir = tempfile::tempdir().unwrap();
    let q = fixture();
    let mut t = at_first_question(dir.path());
    t.send("1");
    t.send(ENTER); // 1 has_children = yes
    t.wait_for("Who in your family");
    t.send("1");
    t.send(ENTER); // 2 relatives = [child]
    t.wait_for("Which papers do you have?");
    t.send("1");
    t.send(ENTER); // 3 family_documents = [birth_certificates]
    t.wait_for("What year did you come");
    t.send("2009");
    t.send(ENTER); // 4 entry_year = 2009
    t.wait_for("Do you have any papers now?");
    t.send("2");
    t.send(ENTER); // 5 status = tps
    t.wait_for("How many people live with you?");
    t.send("4"); // typed but not submitted: the only thing kill -9 may lose
    let status = Command::new("kill")
        .args(["-9", &t.pid()])
        .status()
        .unwrap();
    assert!(status.success());
    t.wait_exit();

    let records: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
        .collect();
    assert_eq!(records.len(), 1, "one intake record");
    let record: serde_json::Value =
        serde_json::from_slice(&std::fs::read(records[0].path()).unwrap()).unwrap();
    let answers = &record["answers"];
    assert_eq!(answers["has_children"], "yes");
    assert_eq!(answers["relatives"], serde_json::json!(["child"]));
    assert_eq!(
        answers["family_documents"],
        serde_json::json!(["birth_certificates"])
    );
    assert_eq!(answers["entry_year"], 2009);
    assert_eq!(answers["status"], "tps");
    assert!(answers.get("household").is_none());
    let code = record["code"].as_str().expect("a code").to_owned();

    let mut t = Term::start(&["--questions", &q, "resume", &code], dir.path());
    let s = t.wait_for("How many people live with you?");
    assert!(s.contains("Question 6"), "{s}");
    t.send("\x1b");
    let s = t.wait_for("Do you have any papers now?");
    assert!(s.contains("› 2. TPS"), "{s}");
    t.send("\x03");
    t.wait_for("Write it down on paper");
    t.send(ENTER);
    t.wait_exit();
}

#[test]
fn welcome_screen_continues_with_a_code_and_refuses_a_wrong_one() {
    let dir = tempfile::tempdir().unwrap();
    let q = fixture();
    let mut t = at_first_question(dir.path());
    t.send("2");
    t.send(ENTER);
    t.wait_for("Who in your family");
    t.send("\x03");
    let s = t.wait_for("Write it down on paper");
    let code = record_code(dir.path());
    assert!(s.contains(&code), "the code is shown when leaving:\n{s}");
    t.send(ENTER);
    t.wait_exit();

    let mut t = Term::start(&["--questions", &q], dir.path());
    let s = t.wait_for("I have a code to continue");
    assert!(
        !s.contains(&code),
        "other people's intakes are never listed"
    );
    t.send("3");
    t.send("ZZZ-ZZZ");
    t.send(ENTER);
    t.wait_for("That code did not work");
    t.send("3");
    t.send(&code.to_lowercase());
    t.send(ENTER);
    let s = t.wait_for("Who in your family");
    assert!(s.contains("Question 2"), "{s}");
    t.send("\x1b");
    let s = t.wait_for("Do you have children?");
    assert!(s.contains("› 2. No"), "{s}");
    t.send("\x03");
    t.wait_for("Write it down on paper");
    t.send(ENTER);
    t.wait_exit();
}

#[test]
fn summary_saves_the_staff_report_and_take_home_sheet_then_clears_the_screen() {
    let dir = tempfile::tempdir().unwrap();
    let q = fixture();
    let mut t = Term::start(&["--questions", &q], dir.path());
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
    t.send("\x13"); // Ctrl-S submits multi-line text
    let s = t.wait_for("Your strongest points");
    assert!(s.contains("Your summary"), "{s}");
    t.send("s");
    t.wait_for("Saved for staff");
    t.send("t");
    t.pump();
    t.send("q"); // asks once: the leaving page
    t.wait_for("Show this code to the staff");
    t.send(ENTER);
    t.wait_exit();
    let reports: Vec<String> = std::fs::read_dir(dir.path().join("reports"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        reports.iter().any(|n| n.ends_with("-staff.html")),
        "{reports:?}"
    );
    assert!(
        reports.iter().any(|n| n.ends_with("-take-home.html")),
        "{reports:?}"
    );
    // After leaving the alternate screen, the screen and the scrollback are erased (ESC[3J),
    // so the next person cannot scroll back to this intake.
    let text = String::from_utf8_lossy(&t.raw);
    let left_alt = text
        .rfind("\x1b[?1049l")
        .expect("left the alternate screen");
    let erased = text.rfind("\x1b[3J").unwrap_or_else(|| {
        panic!(
            "scrollback erased; output ends with {:?}",
            &text[text.len().saturating_sub(300)..]
        )
    });
    assert!(
        erased > left_alt,
        "the erase comes after the alternate screen is left"
    );
}

/// Opens a real terminal with Python's `pty`, answers one question, then closes the terminal
/// (what closing the window does) and reports whether pd-intake exited by itself.
const HANGUP_SCRIPT: &str = r#"
import fcntl, os, pty, select, struct, sys, termios, time
bin_, data, qfile = sys.argv[1:4]
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(1, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    os.execv(bin_, [bin_, "--today", "2026-11-27", "--data-dir", data, "--questions", qfile])
def drain(secs):
    # ratatui redraws only changed cells, so waiting for a phrase is unreliable here:
    # let the screen settle instead.
    end = time.time() + secs
    while time.time() < end:
        ready, _, _ = select.select([fd], [], [], max(0.0, end - time.time()))
        if ready:
            try:
                os.read(fd, 65536)
            except OSError:
                return
drain(1.0)
for key in [b"\r", b"\r", b"1", b"\r"]:
    os.write(fd, key)
    drain(0.4)
os.close(fd)
end = time.time() + 6
while time.time() < end:
    done, _ = os.waitpid(pid, os.WNOHANG)
    if done:
        print("EXITED"); sys.exit(0)
    time.sleep(0.1)
os.kill(pid, 9)
os.waitpid(pid, 0)
print("STILL RUNNING")
"#;

#[test]
fn closing_the_window_saves_and_exits_instead_of_spinning() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new("python3")
        .args(["-c", HANGUP_SCRIPT, BIN])
        .arg(dir.path())
        .arg(fixture())
        .env("TERM", "xterm-256color")
        .output()
        .expect("python3 runs the hangup script");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("EXITED"), "after the window closed: {said}");
    let record = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .find(|e| e.path().extension().is_some_and(|x| x == "json"))
        .expect("a record");
    let v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(record.path()).unwrap()).unwrap();
    assert_eq!(v["answers"]["has_children"], "yes");
}
