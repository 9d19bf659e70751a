//! Encrypted intakes: with a clinic key nothing the applicant says is ever on disk in clear;
//! staff open every intake with the identity, the applicant only their own unfinished one.
#![cfg(feature = "encryption")]

mod store_common;

use std::fs;

use pd_intake::answer::Answer;
use pd_intake::autosave::Autosave;
use pd_intake::interview::Interview;
use pd_intake::load::load_str;
use pd_intake::store::{self, StoreError};
use store_common::*;

const SECRET: &str = "Zanzibar-marimba-7731 my brother's address";

#[test]
fn no_answer_and_no_code_is_ever_on_disk_in_clear() {
    let keys = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let c = clinic(keys.path(), "clinic.key");
    let st = sealed_store(data.path(), &c.public);
    let qn = load_str(V1).unwrap();
    let mut iv = Interview::new(&qn, today());
    let mut s = st.new_session().unwrap();
    answer(&mut iv, "story", Answer::Text(SECRET.into()));
    s.save(&iv, "es").unwrap();
    let code = s.code().unwrap().to_owned();
    assert_nowhere(data.path(), &[SECRET, "Zanzibar", &code, "\"story\""]);

    finish(&mut iv);
    s.save(&iv, "es").unwrap();
    assert_nowhere(data.path(), &[SECRET, "Zanzibar", &code, "\"story\""]);

    let rec = st
        .load_record(s.path().to_str().unwrap(), Some(&c.identity))
        .unwrap();
    assert_eq!(
        rec.answer("story"),
        Some(&serde_json::json!(SECRET)),
        "staff can read it"
    );
    assert_eq!(rec.code, code);
}

#[test]
fn staff_open_every_intake_the_applicant_only_their_own_unfinished_one() {
    let keys = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let c = clinic(keys.path(), "clinic.key");
    let other = clinic(keys.path(), "other.key");
    let st = sealed_store(data.path(), &c.public);
    let qn = load_str(V1).unwrap();

    let mut iv = Interview::new(&qn, today());
    let mut s = st.new_session().unwrap();
    answer(&mut iv, "story", Answer::Text(SECRET.into()));
    s.save(&iv, "en").unwrap();
    let code = s.code().unwrap().to_owned();

    // Without the identity: dates and status only; nothing that depends on an answer (the
    // count of answers tells which branches were taken) and not the language.
    let listed = st.list(None);
    let l = listed[0].as_ref().unwrap();
    assert!(l.encrypted);
    assert_eq!(l.code, None);
    assert_eq!((l.meta.answered, l.meta.language.as_deref()), (None, None));
    let with_id = st.list(Some(&c.identity));
    let l = with_id[0].as_ref().unwrap();
    assert_eq!(
        (l.meta.answered, l.meta.language.as_deref()),
        (Some(1), Some("en"))
    );
    assert!(matches!(
        st.load_record(s.path().to_str().unwrap(), None),
        Err(StoreError::Locked { .. })
    ));
    // The wrong clinic's identity opens nothing.
    assert_eq!(
        st.list(Some(&other.identity))[0].as_ref().unwrap().code,
        None
    );
    assert!(
        st.load_record(s.path().to_str().unwrap(), Some(&other.identity))
            .is_err()
    );
    // The right identity shows the code; the code itself resumes.
    assert_eq!(
        st.list(Some(&c.identity))[0]
            .as_ref()
            .unwrap()
            .code
            .as_deref(),
        Some(code.as_str())
    );
    assert_eq!(st.load_record(&code, Some(&c.identity)).unwrap().code, code);
    drop(s);
    let r = st.resume(&code, &qn, today()).unwrap();
    assert_eq!(r.answers, iv.answers().to_vec());

    // A wrong code is refused and counted.
    let wrong = if code == "K7P-2QX" {
        "K7P-2QY"
    } else {
        "K7P-2QX"
    };
    assert!(matches!(
        st.resume(wrong, &qn, today()),
        Err(StoreError::NoSuchCode { failures: 1, .. })
    ));

    // Keep answering through the resumed session, then finish: the code no longer opens it.
    let mut s2 = r.session;
    let mut iv2 = Interview::with_answers(&qn, today(), r.answers);
    answer(&mut iv2, "has_children", Answer::Choice("yes".into()));
    s2.save(&iv2, "en").unwrap();
    assert_eq!(
        files_under(data.path())
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .count(),
        1
    );
    drop(s2); // the applicant closes the window and comes back
    let r2 = st.resume(&code, &qn, today()).unwrap();
    assert_eq!(r2.answers, iv2.answers().to_vec());
    let mut s2 = r2.session;
    finish(&mut iv2);
    s2.save(&iv2, "en").unwrap();
    assert!(matches!(
        st.resume(&code, &qn, today()),
        Err(StoreError::NoSuchCode { .. })
    ));
    let text = fs::read_to_string(s2.path()).unwrap();
    assert!(
        !text.contains("resume_key"),
        "a finished intake keeps no code-sealed key"
    );
    assert_eq!(
        st.load_record(&code, Some(&c.identity)).unwrap().status,
        store::Status::Complete
    );
}

#[test]
fn a_plaintext_intake_resumed_after_a_key_is_set_moves_into_an_envelope() {
    let keys = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let c = clinic(keys.path(), "clinic.key");
    let qn = load_str(V1).unwrap();
    let plain = plain_store(data.path());
    let mut iv = Interview::new(&qn, today());
    let mut s = plain.new_session().unwrap();
    answer(&mut iv, "story", Answer::Text(SECRET.into()));
    s.save(&iv, "en").unwrap();
    let code = s.code().unwrap().to_owned();
    let plain_path = s.path().to_owned();
    drop(s);

    let st = sealed_store(data.path(), &c.public);
    let r = st.resume(&code, &qn, today()).unwrap();
    let mut s2 = r.session;
    s2.save(&iv, "en").unwrap();
    assert!(!plain_path.exists(), "the plaintext copy is gone");
    assert_nowhere(data.path(), &[SECRET, &code]);
    drop(s2);
    assert_eq!(
        st.resume(&code, &qn, today()).unwrap().answers,
        iv.answers().to_vec()
    );
}

#[test]
fn keygen_writes_a_private_identity_and_never_overwrites_one() {
    let keys = tempfile::tempdir().unwrap();
    let path = keys.path().join("clinic.key");
    let public = store::write_identity(&path).unwrap();
    assert!(public.starts_with("age1"), "{public}");
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(&format!("# public key: {public}")));
    assert!(text.lines().any(|l| l.starts_with("AGE-SECRET-KEY-1")));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    assert!(store::write_identity(&path).is_err());
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        text,
        "the first identity is intact"
    );
    assert!(matches!(
        store::open_store(None, Some("age1nonsense")),
        Err(StoreError::BadRecipient(_))
    ));
}

#[test]
fn a_bad_identity_file_is_a_clear_error() {
    let keys = tempfile::tempdir().unwrap();
    let path = keys.path().join("bad.key");
    fs::write(&path, "# nothing here\n").unwrap();
    let e = store::read_identity(&path).err().unwrap();
    assert!(e.to_string().contains("bad.key"), "{e}");
}
