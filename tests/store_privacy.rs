//! The privacy promises against the next person at the laptop (design §5a): an encrypted
//! intake never turns plaintext, guessing a code is not narrowed by anything in the clear, a
//! planted envelope cannot make resume do absurd work, one window per intake, and a
//! stranger's wrong codes do not punish the applicant.
#![cfg(feature = "encryption")]

mod store_common;

use std::fs;

use pd_intake::answer::Answer;
use pd_intake::autosave::Autosave;
use pd_intake::load::load_str;
use pd_intake::store::{self, StoreError, code};
use store_common::*;

const SECRET: &str = "Quetzal-4417 the street where my cousin lives";

#[test]
fn a_resume_without_the_clinic_key_keeps_the_intake_encrypted_to_it() {
    let keys = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let c = clinic(keys.path(), "clinic.key");
    let qn = load_str(V1).unwrap();
    let sealed = sealed_store(data.path(), &c.public);
    let (mut iv, mut s) = begun(&sealed, &qn);
    s.save(&iv, "en").unwrap();
    let code = s.code().unwrap().to_owned();
    drop(s);

    // The same laptop, but this command line has no --recipient and no config file.
    let bare = plain_store(data.path()).with_work_factor(10);
    let r = bare.resume(&code, &qn, today()).unwrap();
    let mut s = r.session;
    answer(&mut iv, "story", Answer::Text(SECRET.into()));
    s.save(&iv, "en").unwrap();
    let text = fs::read_to_string(s.path()).unwrap();
    assert!(text.contains("\"encrypted\": true"), "{text}");
    assert_nowhere(data.path(), &[SECRET, &code, "\"story\""]);
    drop(s);
    // Still the clinic's, and still the applicant's.
    let rec = bare.load_record(&code, Some(&c.identity)).unwrap();
    assert_eq!(rec.answer("story"), Some(&serde_json::json!(SECRET)));
    assert_eq!(rec.recipients, vec![c.public.clone()]);
    assert!(
        bare.resume(&code, &qn, today()).is_ok(),
        "the code still works"
    );
}

#[test]
fn nothing_in_the_clear_narrows_a_guess_or_tells_the_answers() {
    let keys = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let c = clinic(keys.path(), "clinic.key");
    let qn = load_str(V1).unwrap();
    let st = sealed_store(data.path(), &c.public);
    let (mut iv, mut s) = begun(&st, &qn);
    answer(&mut iv, "status", Answer::Choice("tps".into()));
    s.save(&iv, "es").unwrap();
    let code = s.code().unwrap().to_owned();
    let env: serde_json::Value = serde_json::from_slice(&fs::read(s.path()).unwrap()).unwrap();
    let clear: Vec<&str> = env
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        clear,
        ["encrypted", "format", "meta", "record", "resume_key"]
    );
    let meta: Vec<&str> = env["meta"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(meta, ["created", "questionnaire", "status", "updated"]);
    // The file name carries only the code's locator, which is independent of its secret part.
    let name = s.path().file_name().unwrap().to_str().unwrap().to_owned();
    assert!(
        name.starts_with(&format!("{}-", code::locator(&code))),
        "{name}"
    );
    assert!(!name.contains(&code[2..4]) || name.len() > 20, "{name}");
    assert_eq!(code::SECRET_LEN, 9);
}

#[test]
fn a_planted_envelope_with_a_huge_work_factor_is_refused_not_obeyed() {
    let keys = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let c = clinic(keys.path(), "clinic.key");
    let qn = load_str(V1).unwrap();
    // One step above what resume accepts (a real attack would ask for 2^30).
    let st = sealed_store(data.path(), &c.public).with_work_factor(store::CODE_WORK_FACTOR + 1);
    let (iv, mut s) = begun(&st, &qn);
    s.save(&iv, "en").unwrap();
    let code = s.code().unwrap().to_owned();
    drop(s);
    assert!(matches!(
        st.resume(&code, &qn, today()),
        Err(StoreError::NoSuchCode { .. })
    ));
}

#[test]
fn a_second_window_on_the_same_intake_is_refused_and_a_stale_lock_blocks_nobody() {
    let data = tempfile::tempdir().unwrap();
    let qn = load_str(V1).unwrap();
    let st = plain_store(data.path());
    let (iv, mut s) = begun(&st, &qn);
    s.save(&iv, "en").unwrap();
    let code = s.code().unwrap().to_owned();
    drop(s);

    let first = st.resume(&code, &qn, today()).unwrap();
    let second = st.resume(&code, &qn, today());
    assert!(matches!(second, Err(StoreError::InUse)), "{second:?}");
    assert!(
        second
            .unwrap_err()
            .to_string()
            .contains("open in another window")
    );
    drop(first);

    // What a killed process leaves: the lock file, but no lock (the OS released it).
    let path = data.path().join(format!("{code}.json"));
    let stale = path.with_file_name(format!(".{code}.lock"));
    fs::write(&stale, "").unwrap();
    assert!(st.resume(&code, &qn, today()).is_ok());
}

#[test]
fn wrong_codes_slow_down_only_the_process_that_typed_them() {
    let data = tempfile::tempdir().unwrap();
    let qn = load_str(V1).unwrap();
    let stranger = plain_store(data.path());
    for _ in 0..3 {
        let other = code::generate().unwrap();
        assert!(stranger.resume(&other, &qn, today()).is_err());
    }
    let applicant = plain_store(data.path());
    let other = code::generate().unwrap();
    let Err(StoreError::NoSuchCode { failures, .. }) = applicant.resume(&other, &qn, today())
    else {
        panic!("a wrong code is refused");
    };
    assert_eq!(failures, 1, "a new window starts with no delay");
    assert!(
        !data.path().join(".wrong-codes").exists(),
        "nothing shared on disk"
    );
}

#[test]
fn a_typo_in_a_code_is_caught_before_any_slow_work() {
    let data = tempfile::tempdir().unwrap();
    let qn = load_str(V1).unwrap();
    let st = plain_store(data.path());
    let code = code::generate().unwrap();
    let mut typo = code.clone().into_bytes();
    typo[0] = if typo[0] == b'A' { b'B' } else { b'A' };
    let typo = String::from_utf8(typo).unwrap();
    assert!(matches!(
        st.resume(&typo, &qn, today()),
        Err(StoreError::Typo)
    ));
}
