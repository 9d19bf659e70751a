//! Saved intakes without encryption: nothing said is lost, nothing is half-written, and a
//! damaged file is reported, never overwritten.

mod store_common;

use std::fs;
use std::time::{Duration, SystemTime};

use pd_intake::answer::Answer;
use pd_intake::autosave::Autosave;
use pd_intake::interview::Interview;
use pd_intake::load::load_str;
use pd_intake::store::{self, StoreError};
use store_common::*;

#[test]
fn first_answer_creates_the_record_and_resume_brings_everything_back() {
    let dir = tempfile::tempdir().unwrap();
    let st = plain_store(dir.path());
    let qn = load_str(V1).unwrap();
    let mut iv = Interview::new(&qn, today());
    let mut s = st.new_session().unwrap();
    s.save(&iv, "en").unwrap();
    assert_eq!(s.code(), None, "no answer yet: no code, no file");
    assert!(files_under(dir.path()).is_empty());

    answer(&mut iv, "has_children", Answer::Choice("yes".into()));
    s.save(&iv, "es").unwrap();
    let code = s.code().expect("a code once something is saved").to_owned();
    answer(&mut iv, "status", Answer::Choice("tps".into()));
    answer(
        &mut iv,
        "story",
        Answer::Text("Llegué en 2009 con mi hermana".into()),
    );
    s.save(&iv, "es").unwrap();
    let first_path = s.path().to_owned();
    drop(s); // the window closes

    let r = st
        .resume(&code.to_lowercase().replace('-', " "), &qn, today())
        .unwrap();
    assert_eq!(r.language, "es");
    assert_eq!(r.answers, iv.answers().to_vec());
    assert!(r.changes.is_none(), "same questionnaire file");
    assert_eq!(r.position, iv.current());
    assert_eq!(
        r.session.path(),
        first_path,
        "keeps saving to the same record"
    );

    let rec = st.load_record(&code, None).unwrap();
    assert_eq!(rec.code, code);
    assert_eq!(rec.created, "2026-03-04T10:00:00Z");
    assert_eq!(rec.status, store::Status::InProgress);
    assert_eq!(
        rec.answer("story"),
        Some(&serde_json::json!("Llegué en 2009 con mi hermana"))
    );
    assert_eq!(rec.questionnaire.sha256, qn.sha256);
}

#[test]
fn finishing_marks_the_record_complete_and_closes_it_to_resume() {
    let dir = tempfile::tempdir().unwrap();
    let st = plain_store(dir.path());
    let qn = load_str(V1).unwrap();
    let mut iv = Interview::new(&qn, today());
    let mut s = st.new_session().unwrap();
    finish(&mut iv);
    s.save(&iv, "en").unwrap();
    let code = s.code().unwrap().to_owned();
    let listed = st.list(None);
    assert_eq!(listed.len(), 1);
    assert_eq!(
        listed[0].as_ref().unwrap().meta.status,
        store::Status::Complete
    );
    assert!(matches!(
        st.resume(&code, &qn, today()),
        Err(StoreError::Finished { .. })
    ));
}

#[cfg(unix)]
#[test]
fn records_are_private_to_their_owner() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("nested/intakes");
    let st = plain_store(&data);
    let qn = load_str(V1).unwrap();
    let mut iv = Interview::new(&qn, today());
    let mut s = st.new_session().unwrap();
    answer(&mut iv, "has_children", Answer::Choice("no".into()));
    s.save(&iv, "en").unwrap();
    let mode = |p: &std::path::Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&data), 0o700);
    assert_eq!(mode(s.path()), 0o600);
    let path = s.path().to_owned();
    let lock = path.with_file_name(format!(
        ".{}.lock",
        path.file_stem().unwrap().to_str().unwrap()
    ));
    assert_eq!(mode(&lock), 0o600, "the open intake's lock");
    drop(s);
    assert_eq!(
        files_under(dir.path()),
        vec![path],
        "no temp or lock file left behind"
    );
}

#[test]
fn an_unwritable_folder_fails_the_save_keeps_the_answers_and_a_later_save_catches_up() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let st = plain_store(&data);
    let qn = load_str(V1).unwrap();
    let (mut iv, mut s) = begun(&st, &qn);
    s.save(&iv, "en").unwrap();
    let code = s.code().unwrap().to_owned();
    let before = fs::read(s.path()).unwrap();

    let restore = make_unwritable(&data);
    answer(&mut iv, "status", Answer::Choice("daca".into()));
    let err = s.save(&iv, "en").expect_err("the folder cannot be written");
    assert!(err.to_string().contains("could not write"), "{err}");
    assert_eq!(
        iv.stored(qn.question_index("status").unwrap()),
        Some(&Answer::Choice("daca".into()))
    );
    assert_eq!(
        s.code(),
        Some(code.as_str()),
        "the code stays valid for what was saved"
    );
    answer(&mut iv, "story", Answer::Text("still typing".into()));
    assert!(
        s.save(&iv, "en").is_err(),
        "retried at the next answer, still failing"
    );
    restore();
    assert_eq!(
        fs::read(s.path()).unwrap(),
        before,
        "the old record is intact"
    );

    s.save(&iv, "en").unwrap();
    drop(s);
    let r = st.resume(&code, &qn, today()).unwrap();
    assert_eq!(
        r.answers,
        iv.answers().to_vec(),
        "the later save wrote everything"
    );
}

#[test]
fn a_folder_that_cannot_be_created_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("file");
    fs::write(&blocker, "not a folder").unwrap();
    let st = plain_store(&blocker.join("data"));
    let qn = load_str(V1).unwrap();
    let (iv, mut s) = begun(&st, &qn);
    assert!(s.save(&iv, "en").is_err());
    assert_eq!(s.code(), None, "no code for a record that does not exist");
    assert!(st.list(None).is_empty());
}

#[test]
fn a_crash_between_temp_write_and_rename_leaves_the_old_record_whole() {
    let dir = tempfile::tempdir().unwrap();
    let st = plain_store(dir.path());
    let qn = load_str(V1).unwrap();
    let (iv, mut s) = begun(&st, &qn);
    s.save(&iv, "en").unwrap();
    let code = s.code().unwrap().to_owned();
    let saved = iv.answers().to_vec();
    // What a kill -9 after the temp write and before the rename leaves: a half-written temp.
    let old_tmp = dir.path().join(format!(".tmp-{code}.json-0badc0ffee00"));
    fs::write(&old_tmp, "{\"format\": 1, \"code\": \"").unwrap();
    let f = fs::File::options().write(true).open(&old_tmp).unwrap();
    f.set_modified(SystemTime::now() - Duration::from_secs(3600))
        .unwrap();
    let young_tmp = dir.path().join(format!(".tmp-{code}.json-0000000000ff"));
    fs::write(&young_tmp, "{").unwrap();

    assert_eq!(st.list(None).len(), 1, "temp files are not intakes");
    let st = store::open_store(Some(dir.path()), None).unwrap();
    assert!(!old_tmp.exists(), "a stale temp file is cleaned up");
    assert!(
        young_tmp.exists(),
        "a fresh one may belong to a save in progress"
    );
    drop(s);
    let r = st.resume(&code, &qn, today()).unwrap();
    assert_eq!(r.answers, saved);
}

#[test]
fn damaged_and_newer_records_are_reported_and_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let st = plain_store(dir.path());
    let qn = load_str(V1).unwrap();
    let (iv, mut s) = begun(&st, &qn);
    s.save(&iv, "en").unwrap();
    let good = fs::read_to_string(s.path()).unwrap();

    let bad = [
        (
            "AAA-AAA",
            good.replace(s.code().unwrap(), "AAA-AAA")[..good.len() / 2].to_owned(),
        ),
        ("BBB-BBB", "\u{0}\u{1}garbage".to_owned()),
        (
            "CCC-CCC",
            good.replace(s.code().unwrap(), "CCC-CCC")
                .replace("\"format\": 1", "\"format\": 99"),
        ),
    ];
    for (code, text) in &bad {
        fs::write(dir.path().join(format!("{code}.json")), text).unwrap();
    }
    let listed = st.list(None);
    assert_eq!(listed.len(), 4);
    assert!(listed[0].is_ok(), "good records first");
    let messages: Vec<String> = listed[1..]
        .iter()
        .map(|r| r.as_ref().unwrap_err().to_string())
        .collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("AAA-AAA.json") && m.contains("ends too early")),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("BBB-BBB.json") && m.contains("damaged")),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("CCC-CCC.json") && m.contains("newer pd-intake")),
        "{messages:?}"
    );

    assert!(matches!(
        st.resume("AAA-AAA", &qn, today()),
        Err(StoreError::Corrupt { .. })
    ));
    assert!(matches!(
        st.resume("BBB-BBB", &qn, today()),
        Err(StoreError::Corrupt { .. })
    ));
    assert!(matches!(
        st.resume("CCC-CCC", &qn, today()),
        Err(StoreError::NewerFormat { format: 99, .. })
    ));
    for (code, text) in &bad {
        assert_eq!(
            &fs::read_to_string(dir.path().join(format!("{code}.json"))).unwrap(),
            text,
            "{code} untouched"
        );
    }
    let code = s.code().unwrap().to_owned();
    drop(s);
    assert!(
        st.resume(&code, &qn, today()).is_ok(),
        "the good record still resumes"
    );
}

#[test]
fn wrong_codes_are_refused_and_each_one_makes_the_next_attempt_wait_longer() {
    let dir = tempfile::tempdir().unwrap();
    let st = plain_store(dir.path());
    let qn = load_str(V1).unwrap();
    assert!(matches!(
        st.resume("hello", &qn, today()),
        Err(StoreError::BadCode(_))
    ));
    let Err(StoreError::NoSuchCode { failures: 1, .. }) = st.resume("K7P-2QX", &qn, today()) else {
        panic!("refused")
    };
    let Err(e @ StoreError::NoSuchCode { failures: 2, .. }) = st.resume("K7P-2QY", &qn, today())
    else {
        panic!("refused again")
    };
    assert_eq!(e.to_string(), "no unfinished intake has the code K7P-2QY");
    let real = store::open_store(Some(dir.path()), None).unwrap();
    assert_eq!(real.delay_after(0), Duration::ZERO);
    assert_eq!(real.delay_after(1), Duration::from_secs(1));
    assert_eq!(real.delay_after(3), Duration::from_secs(4));
    assert_eq!(real.delay_after(30), Duration::from_secs(60), "capped");
}

#[test]
fn a_changed_questionnaire_still_resumes_and_says_what_changed() {
    let dir = tempfile::tempdir().unwrap();
    let st = plain_store(dir.path());
    let v1 = load_str(V1).unwrap();
    let mut iv = Interview::new(&v1, today());
    let mut s = st.new_session().unwrap();
    answer(&mut iv, "has_children", Answer::Choice("yes".into()));
    answer(&mut iv, "status", Answer::Choice("tps".into()));
    answer(&mut iv, "family", Answer::Choices(vec!["child".into()]));
    answer(&mut iv, "story", Answer::Text("my story".into()));
    s.save(&iv, "en").unwrap();
    let code = s.code().unwrap().to_owned();
    drop(s);

    let v2 = load_str(V2).unwrap();
    let r = st.resume(&code, &v2, today()).unwrap();
    let ch = r.changes.clone().expect("the file changed");
    let idx = |id: &str| v2.question_index(id).unwrap();
    assert_eq!(
        ch.removed,
        vec!["story".to_owned()],
        "answer to a removed question set aside"
    );
    assert_eq!(
        ch.asked_again,
        vec![idx("status")],
        "`tps` is no longer a choice"
    );
    assert_eq!(
        ch.flagged,
        vec![idx("family")],
        "choices changed, answer still fits"
    );
    assert_eq!(ch.added, vec![idx("country")]);
    assert!(ch.to_string().contains("version 1 -> 2"), "{ch}");
    assert_eq!(
        r.answers[idx("has_children")],
        Some(Answer::Choice("yes".into()))
    );
    assert_eq!(
        r.answers[idx("family")],
        Some(Answer::Choices(vec!["child".into()]))
    );
    assert_eq!(r.answers[idx("status")], None, "asked again");
    let iv2 = Interview::with_answers(&v2, today(), r.answers.clone());
    assert_eq!(
        iv2.current(),
        Some(idx("status")),
        "the first open question is the changed one"
    );

    let mut s2 = r.session;
    s2.save(&iv2, "en").unwrap();
    let rec = st.load_record(&code, None).unwrap();
    let aside: Vec<&str> = rec.set_aside.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        aside,
        ["status", "story"],
        "nothing the applicant said is thrown away"
    );
    drop(s2);
    let back = st.resume(&code, &v1, today()).unwrap();
    assert_eq!(
        back.answers,
        iv.answers().to_vec(),
        "going back to the old file restores every answer"
    );
}

#[test]
fn an_intake_of_another_questionnaire_is_not_mixed_in() {
    let dir = tempfile::tempdir().unwrap();
    let st = plain_store(dir.path());
    let qn = load_str(V1).unwrap();
    let (iv, mut s) = begun(&st, &qn);
    s.save(&iv, "en").unwrap();
    let other = load_str(&V1.replace("id: family\n", "id: other\n")).unwrap();
    let e = st.resume(s.code().unwrap(), &other, today()).unwrap_err();
    assert!(matches!(e, StoreError::OtherQuestionnaire { .. }), "{e}");
}
