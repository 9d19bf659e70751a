//! Shared by the store tests: two versions of a small questionnaire and helpers.
#![allow(dead_code)] // each test file uses a different part

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use pd_intake::answer::Answer;
use pd_intake::date::Date;
use pd_intake::interview::{Interview, Position};
use pd_intake::model::Questionnaire;
use pd_intake::store::{self, Store, clock};

pub const V1: &str = r#"
format: 1
id: family
version: "1"
title: Family
languages: [{code: en, name: English}]
sections:
  - id: fam
    title: Family
    questions:
      - {id: has_children, kind: yes_no, text: "Do you have children?"}
      - id: status
        kind: single_choice
        text: "Your status?"
        choices: [{id: tps, label: TPS}, {id: daca, label: DACA}, {id: none, label: None}]
      - id: family
        kind: multi_choice
        text: "Family in the US?"
        choices: [{id: child, label: Child}, {id: spouse, label: Spouse}]
      - {id: story, kind: text, text: "Tell us"}
      - {id: notes, kind: text, text: "Anything else?"}
"#;

/// V1 with `story` removed, `tps` removed from `status`, a choice added to `family`, and a new
/// question `country`.
pub const V2: &str = r#"
format: 1
id: family
version: "2"
title: Family
languages: [{code: en, name: English}]
sections:
  - id: fam
    title: Family
    questions:
      - {id: has_children, kind: yes_no, text: "Do you have children?"}
      - id: status
        kind: single_choice
        text: "Your status?"
        choices: [{id: daca, label: DACA}, {id: none, label: None}]
      - id: family
        kind: multi_choice
        text: "Family in the US?"
        choices: [{id: child, label: Child}, {id: spouse, label: Spouse}, {id: parent, label: Parent}]
      - {id: country, kind: text, text: "Country?"}
      - {id: notes, kind: text, text: "Anything else?"}
"#;

pub fn today() -> Date {
    Date::parse("2026-03-04").unwrap()
}

/// A plaintext store with a fixed clock and no delay after wrong codes.
pub fn plain_store(dir: &Path) -> Store {
    store::open_store(Some(dir), None)
        .unwrap()
        .with_clock(clock::fixed("2026-03-04T10:00:00Z"))
        .with_delay_unit(Duration::ZERO)
}

/// Records an answer to the question `id` and moves on, as a front end does.
/// A new session on `st` whose interview has one answer (`has_children` = yes), not yet saved.
pub fn begun<'q>(st: &Store, qn: &'q Questionnaire) -> (Interview<'q>, store::Session) {
    let mut iv = Interview::new(qn, today());
    let s = st.new_session().unwrap();
    answer(&mut iv, "has_children", Answer::Choice("yes".into()));
    (iv, s)
}

pub fn answer(iv: &mut Interview<'_>, id: &str, a: Answer) {
    let q = iv.questionnaire().question_index(id).unwrap();
    assert!(iv.go_to(q), "{id} is visible");
    iv.record(q, a).unwrap();
    iv.next();
}

/// Answers everything in V1 with `Declined` where not given and goes to the end.
pub fn finish(iv: &mut Interview<'_>) {
    while let Position::Question(q) = iv.first_open() {
        iv.record(q, Answer::Declined).unwrap();
    }
    iv.go_to_end();
}

/// Every file under `dir`, recursively, sorted.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p)
            } else {
                out.push(p)
            }
        }
    }
    out.sort();
    out
}

/// Makes `dir` refuse writes; returns how to undo it. As root, permission bits do not stop
/// writes, so the folder is moved away and a plain file takes its place instead.
pub fn make_unwritable(dir: &Path) -> impl FnOnce() {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o500)).unwrap();
        let probe = dir.join("probe");
        if std::fs::write(&probe, "x").is_err() {
            let dir = dir.to_owned();
            return Box::new(move || {
                std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).unwrap()
            }) as Box<dyn FnOnce()>;
        }
        std::fs::remove_file(&probe).unwrap();
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700)).unwrap();
    }
    let away = dir.with_extension("away");
    std::fs::rename(dir, &away).unwrap();
    std::fs::write(dir, "in the way").unwrap();
    let dir = dir.to_owned();
    Box::new(move || {
        std::fs::remove_file(&dir).unwrap();
        std::fs::rename(&away, &dir).unwrap();
    })
}

pub struct Clinic {
    pub public: String,
    pub identity: store::StaffIdentity,
}

pub fn clinic(dir: &Path, name: &str) -> Clinic {
    let path = dir.join(name);
    let public = store::write_identity(&path).unwrap();
    Clinic {
        public,
        identity: store::read_identity(&path).unwrap(),
    }
}

/// Low scrypt work factor: the test is about who can open what, the benchmark about cost.
pub fn sealed_store(dir: &Path, public: &str) -> Store {
    store::open_store(Some(dir), Some(public))
        .unwrap()
        .with_clock(clock::fixed("2026-03-04T10:00:00Z"))
        .with_work_factor(10)
        .with_delay_unit(Duration::ZERO)
}

/// No file under `dir` holds `needle` (nor the resume code, which would open the intake).
pub fn assert_nowhere(dir: &Path, needles: &[&str]) {
    let files = files_under(dir);
    assert!(!files.is_empty());
    for f in files {
        let bytes = fs::read(&f).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        for n in needles {
            assert!(!text.contains(n), "{} contains {n:?}", f.display());
            assert!(
                !f.to_string_lossy().contains(n),
                "{} is named after {n:?}",
                f.display()
            );
        }
    }
}
