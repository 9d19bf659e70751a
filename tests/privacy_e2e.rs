//! The whole promise, from the outside: with a clinic key set up, a new interview, a resume on
//! a command line without the key, a killed interview and a staff report leave nothing the
//! applicant typed, and no resume code, in any file under the data folder.
#![cfg(all(feature = "encryption", unix))]

mod pty_support;
mod store_common;

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};

use pd_intake::answer::Answer;
use pd_intake::autosave::Autosave;
use pd_intake::load::load_str;
use pty_support::{BIN, ENTER, Term};
use store_common::{V1, answer, assert_nowhere, begun, clinic, sealed_store};

const FIRST: &str = "Tlacuache-5531 the address of my sister";
const SECOND: &str = "Guacamaya-8804 the name of my boss";
const KILLED: &str = "Axolote-1207 typed before the window died";

fn pd(home: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_pd-intake"));
    c.env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data-home"))
        .env("TERM", "dumb");
    c
}

/// Runs a plain-mode interview fed `input`; returns what it printed.
fn plain(home: &Path, args: &[&str], input: &str) -> String {
    let mut child = pd(home)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn code_in(text: &str) -> String {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .find(|w| {
            w.len() == 14
                && w.matches('-').count() == 2
                && pd_intake::store::code::normalize(w).as_deref() == Some(*w)
        })
        .unwrap_or_else(|| panic!("no code in {text}"))
        .to_owned()
}

#[test]
fn nothing_typed_and_no_code_is_left_in_the_clear_on_any_path() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let data = h.join("intakes");
    let questions = h.join("q.yaml");
    std::fs::write(&questions, V1).unwrap();
    let identity = h.join("usb/clinic-identity.txt");
    std::fs::create_dir_all(identity.parent().unwrap()).unwrap();
    let d = data.to_str().unwrap();
    let q = questions.to_str().unwrap();
    let setup = pd(h)
        .args(["--data-dir", d, "setup", "--identity"])
        .arg(&identity)
        .output()
        .unwrap();
    assert!(setup.status.success(), "{setup:?}");

    // 1. An interview that stops half way.
    let out = plain(
        h,
        &["--plain", "--data-dir", d, "--questions", q],
        &format!("yes\ntps\nchild\n{FIRST}\n"),
    );
    let code = code_in(&out);
    assert_nowhere(&data, &[FIRST, &code, "\"story\""]);

    // 2. Resumed where the settings are not found (another account's shell, a typo in
    //    --config's absence): it stays encrypted to the clinic key it was sealed to.
    let bare = h.join("elsewhere");
    std::fs::create_dir_all(&bare).unwrap();
    let out = plain(
        &bare,
        &[
            "--plain",
            "--data-dir",
            d,
            "--questions",
            q,
            "resume",
            &code,
        ],
        &format!("{SECOND}\n"),
    );
    assert!(!out.contains("rror"), "{out}");
    assert_nowhere(&data, &[FIRST, SECOND, &code, "\"notes\""]);

    // 3. A second interview killed while it waits (answers so far are saved).
    let mut child = pd(h)
        .args(["--plain", "--data-dir", d, "--questions", q])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    writeln!(stdin, "no\nnone\nspouse\n{KILLED}").unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    // Wait until the text answer is saved: the next question is shown.
    while let Some(Ok(l)) = lines.next() {
        if l.contains("Anything else?") {
            break;
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert_nowhere(&data, &[FIRST, SECOND, KILLED, &code]);

    // 4. A staff report, written where staff choose (outside the data folder).
    let report = h.join("case-file/report.html");
    std::fs::create_dir_all(report.parent().unwrap()).unwrap();
    let r = pd(h)
        .args([
            "--data-dir",
            d,
            "--questions",
            q,
            "report",
            &code,
            "--format",
            "html",
            "--identity",
        ])
        .arg(&identity)
        .arg("-o")
        .arg(&report)
        .output()
        .unwrap();
    assert!(r.status.success(), "{r:?}");
    let html = std::fs::read_to_string(&report).unwrap();
    assert!(
        html.contains(FIRST) && html.contains(SECOND),
        "staff can read both answers"
    );
    assert_nowhere(
        &data,
        &[FIRST, SECOND, KILLED, &code, "\"story\"", "\"notes\""],
    );

    // 5. Exports for the case file and the staff machine (marked exported in the data folder).
    for (format, name) in [("csv", "intakes.csv"), ("bundle", "intakes.bundle")] {
        let out = pd(h)
            .args([
                "--data-dir",
                d,
                "--questions",
                q,
                "export",
                "--format",
                format,
                "--identity",
            ])
            .arg(&identity)
            .arg("-o")
            .arg(h.join("case-file").join(name))
            .output()
            .unwrap();
        assert!(out.status.success(), "{format}: {out:?}");
    }
    let csv = std::fs::read_to_string(h.join("case-file/intakes.csv")).unwrap();
    assert!(csv.contains(&code), "the CSV is for staff: {csv}");
    assert_nowhere(
        &data,
        &[FIRST, SECOND, KILLED, &code, "\"story\"", "\"notes\""],
    );
}

/// A resumed encrypted intake, on a command line that has no clinic key: the summary must
/// still treat it as encrypted (no staff report in the clear, no "saved without encryption").
#[test]
fn a_resumed_encrypted_intake_never_saves_a_clear_staff_report_from_the_summary() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let data = h.join("intakes");
    let questions = h.join("q.yaml");
    std::fs::write(&questions, V1).unwrap();
    let keys = clinic(h, "clinic.key");
    let qn = load_str(V1).unwrap();
    let st = sealed_store(&data, &keys.public);
    let (mut iv, mut s) = begun(&st, &qn);
    answer(&mut iv, "status", Answer::Choice("tps".into()));
    answer(&mut iv, "family", Answer::Choices(vec!["child".into()]));
    answer(&mut iv, "story", Answer::Text(FIRST.into()));
    s.save(&iv, "en").unwrap();
    let code = s.code().unwrap().to_owned();
    drop(s);

    let mut cmd = Command::new(BIN);
    cmd.env("HOME", h)
        .env("XDG_CONFIG_HOME", h.join("no-config"))
        .args(["--today", "2026-11-27", "--data-dir"])
        .arg(&data)
        .arg("--questions")
        .arg(&questions)
        .args(["resume", &code]);
    let mut t = Term::spawn(cmd);
    t.wait_for("Anything else?");
    t.send("nothing more");
    t.send(ENTER);
    t.wait_for("Your summary");
    t.send("s");
    let screen = t.wait_for("encrypted");
    assert!(!screen.contains("Saved for staff"), "{screen}");
    assert!(
        !data.join("reports").exists(),
        "no report folder in the clear"
    );
    assert_nowhere(&data, &[FIRST, "nothing more", &code]);
}
