//! Shared by the exchange tests: saved intakes made from answers, stores with and without a
//! clinic key, and the command line.
#![allow(dead_code)] // each test file uses a different part

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use pd_intake::answer::Answer;
use pd_intake::answers_file;
use pd_intake::autosave::Autosave;
use pd_intake::date::Date;
use pd_intake::interview::Interview;
use pd_intake::model::Questionnaire;
use pd_intake::store::{self, Store, clock};

/// The program, with no clinic key configured on this machine (tests pass --recipient).
pub fn pd() -> Command {
    let mut c = Command::cargo_bin("pd-intake").unwrap();
    c.env("XDG_CONFIG_HOME", "/nonexistent/pd-intake-test-config")
        .env("HOME", "/nonexistent/pd-intake-test-home");
    c
}

/// A small questionnaire: a name, a yes/no and a date.
pub const SMALL: &str = r#"
format: 1
id: people
version: "3"
title: People
languages: [{code: en, name: English}]
sections:
  - id: who
    title: Who
    questions:
      - {id: full_name, kind: text, text: "Your name?"}
      - {id: detained_now, kind: yes_no, text: "Detained?"}
      - {id: next_hearing_date, kind: date, text: "Next court date?"}
"#;

/// One answer slot per question of `qn`, filled from `pairs`.
pub fn slots(qn: &Questionnaire, pairs: &[(&str, Answer)]) -> Vec<Option<Answer>> {
    let mut v = vec![None; qn.questions.len()];
    for (id, a) in pairs {
        v[qn.question_index(id).unwrap()] = Some(a.clone());
    }
    v
}

/// `pd-intake ARGS --data-dir DIR`, expected to succeed; returns stdout.
pub fn ok(dir: &Path, args: &[&str]) -> String {
    let out = pd().args(args).arg("--data-dir").arg(dir).output().unwrap();
    assert!(
        out.status.success(),
        "pd-intake {args:?} failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// `pd-intake ARGS --data-dir DIR`, expected to fail; returns stdout + stderr.
pub fn fails(dir: &Path, args: &[&str]) -> String {
    let out = pd().args(args).arg("--data-dir").arg(dir).output().unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        !out.status.success(),
        "pd-intake {args:?} succeeded:\n{text}"
    );
    text
}

pub fn plain_store(dir: &Path, at: &str) -> Store {
    store::open_store(Some(dir), None)
        .unwrap()
        .with_clock(clock::fixed(at))
        .with_delay_unit(Duration::ZERO)
}

/// A store encrypting to `public` with a cheap resume-code work factor (tests only).
pub fn sealed_store(dir: &Path, public: &str, at: &str) -> Store {
    store::open_store(Some(dir), Some(public))
        .unwrap()
        .with_clock(clock::fixed(at))
        .with_work_factor(1)
        .with_delay_unit(Duration::ZERO)
}

/// A clinic identity in `dir`: (its file, its public key).
pub fn clinic(dir: &Path) -> (PathBuf, String) {
    let path = dir.join("clinic.key");
    let public = store::write_identity(&path).unwrap();
    (path, public)
}

/// The answers of an answers file (YAML text) fitted to `qn`.
pub fn answers_of(qn: &Questionnaire, yaml: &str, today: Date) -> (Vec<Option<Answer>>, String) {
    let file = answers_file::parse(yaml, &["name", "today", "expect"]).unwrap();
    let matched = answers_file::apply(qn, &file, today).unwrap();
    let lang = file
        .language
        .unwrap_or_else(|| qn.default_language().to_owned());
    (matched.answers, lang)
}

/// Saves `answers` as a new intake; finished when `finish` and every question is answered.
/// Returns its code.
pub fn save(
    st: &Store,
    qn: &Questionnaire,
    answers: Vec<Option<Answer>>,
    lang: &str,
    today: Date,
    finish: bool,
) -> String {
    let mut iv = Interview::with_answers(qn, today, answers);
    if finish {
        iv.go_to_end();
    }
    let mut s = st.new_session().unwrap();
    s.save(&iv, lang).unwrap();
    s.code().unwrap().to_owned()
}

/// Every file under `dir`, recursively, sorted, with its bytes.
pub fn tree(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let bytes = std::fs::read(&p).unwrap();
                out.push((p.strip_prefix(dir).unwrap().to_owned(), bytes));
            }
        }
    }
    out.sort();
    out
}

pub fn day(s: &str) -> Date {
    Date::parse(s).unwrap()
}

/// Every built-in scenario (16 at first, more as the law changes): (file stem, YAML text, their `today`).
pub fn scenarios() -> Vec<(String, String, Date)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.extension().is_some_and(|x| x == "yaml") {
            let text = std::fs::read_to_string(&p).unwrap();
            let today = text
                .lines()
                .find_map(|l| l.strip_prefix("today: "))
                .map(|d| day(d.trim()))
                .unwrap_or_else(|| day("2026-11-27"));
            let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
            out.push((stem, text, today));
        }
    }
    out.sort();
    out
}
