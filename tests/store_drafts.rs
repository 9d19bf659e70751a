//! Drafts (text typed but not submitted) travel with the record: saved, encrypted like the
//! answers with a clinic key, restored on resume, never an answer and never in a report.

mod store_common;

use std::time::Duration;

use pd_intake::autosave::Autosave;
use pd_intake::load::load_str;
use pd_intake::store::{self, clock};
use store_common::*;

const STORY: &str = "Me amenazaron en 2019 — Zanzibar-marimba-7731";

#[test]
fn a_draft_is_saved_and_comes_back_on_resume_but_is_no_answer() {
    let dir = tempfile::tempdir().unwrap();
    let st = plain_store(dir.path());
    let qn = load_str(V1).unwrap();
    let (mut iv, mut session) = begun(&st, &qn);
    let story = qn.question_index("story").unwrap();
    iv.set_draft(story, Some(STORY.into()));
    session.save(&iv, "en").unwrap();
    let code = session.code().unwrap().to_owned();
    let text = std::fs::read_to_string(session.path()).unwrap();
    let record: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(record["drafts"]["story"], STORY);
    assert!(record["answers"].get("story").is_none());
    assert_eq!(record["answered"], 1, "a draft is not counted as answered");

    let path = session.path().to_owned();
    drop(session); // the intake is in use while its session lives
    let r = st.resume(&code, &qn, today()).unwrap();
    assert_eq!(r.drafts, vec![(story, STORY.to_owned())]);
    assert_eq!(r.answers[story], None);
    // A report of the record never shows the draft.
    let out = assert_cmd::Command::cargo_bin("pd-intake")
        .unwrap()
        .args(["--today", "2026-03-04", "report", "--format", "txt"])
        .arg(&path)
        .arg("--questions")
        .arg(write_v1(dir.path()))
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!report.contains("Zanzibar"), "{report}");
}

fn write_v1(dir: &std::path::Path) -> std::path::PathBuf {
    let p = dir.join("v1.yaml");
    std::fs::write(&p, V1).unwrap();
    p
}

#[test]
fn a_draft_alone_is_saved_so_a_first_story_is_not_lost() {
    let dir = tempfile::tempdir().unwrap();
    let st = plain_store(dir.path());
    let qn = load_str(V1).unwrap();
    let mut iv = pd_intake::interview::Interview::new(&qn, today());
    let mut session = st.new_session().unwrap();
    iv.set_draft(0, Some("sí, creo".into()));
    session.save(&iv, "en").unwrap();
    assert!(
        session.is_saved(),
        "typed text makes a record even before any answer"
    );
}

#[cfg(feature = "encryption")]
#[test]
fn with_a_clinic_key_a_draft_is_never_on_disk_in_the_clear() {
    let dir = tempfile::tempdir().unwrap();
    let public = store::write_identity(&dir.path().join("clinic.key")).unwrap();
    let data = dir.path().join("data");
    let st = store::open_store(Some(&data), Some(&public))
        .unwrap()
        .with_clock(clock::fixed("2026-03-04T10:00:00Z"))
        .with_work_factor(10)
        .with_delay_unit(Duration::ZERO);
    let qn = load_str(V1).unwrap();
    let (mut iv, mut session) = begun(&st, &qn);
    let story = qn.question_index("story").unwrap();
    iv.set_draft(story, Some(STORY.into()));
    session.save(&iv, "en").unwrap();
    let code = session.code().unwrap().to_owned();
    for f in files_under(&data) {
        let text = String::from_utf8_lossy(&std::fs::read(&f).unwrap()).into_owned();
        assert!(
            !text.contains("Zanzibar"),
            "{} holds the draft",
            f.display()
        );
        assert!(
            !text.contains("drafts"),
            "{} names drafts in the clear",
            f.display()
        );
    }
    drop(session);
    let r = st.resume(&code, &qn, today()).unwrap();
    assert_eq!(r.drafts, vec![(story, STORY.to_owned())]);
}
