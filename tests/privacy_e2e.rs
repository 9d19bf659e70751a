//! The whole promise, from the outside: with a clinic key set up, a new interview, a resume on
//! a command line without the key, a killed interview and a staff report leave nothing the
//! applicant typed, and no resume code, in any file under the data folder.
#![cfg(all(feature = "encryption", unix))]

mod store_common;

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};

use store_common::{V1, assert_nowhere};

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
