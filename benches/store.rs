//! Cost of saving an intake: the autosave after every answer (plaintext and encrypted), the
//! one-time creation of an encrypted intake (scrypt seals its key with the code), and resume.
//! Run: `cargo bench --bench store`. Records are the built-in questionnaire fully answered.

use std::sync::LazyLock;

use divan::Bencher;
use pd_intake::answer::Answer;
use pd_intake::autosave::Autosave;
use pd_intake::date::Date;
use pd_intake::interview::{Interview, Position};
use pd_intake::load;
use pd_intake::model::{Kind, Questionnaire};
use pd_intake::store::{self, Store};

static QN: LazyLock<Questionnaire> = LazyLock::new(load::builtin);

fn main() {
    divan::main();
}

fn today() -> Date {
    Date::new(2026, 3, 4).unwrap()
}

/// Every visible question answered with a plausible value (long free text included).
fn answered() -> Interview<'static> {
    let mut iv = Interview::new(&QN, today());
    for _ in 0..QN.questions.len() * 2 {
        let Position::Question(qi) = iv.first_open() else {
            break;
        };
        let q = &QN.questions[qi];
        let a = match q.kind {
            Kind::YesNo => Answer::Choice("yes".into()),
            Kind::SingleChoice => Answer::Choice(q.choices[0].id.clone()),
            Kind::MultiChoice => Answer::Choices(vec![q.choices[0].id.clone()]),
            Kind::Number => Answer::Number(q.min.unwrap_or(1).max(1)),
            Kind::Year => Answer::Number(2010),
            Kind::Date => Answer::Date(Date::new(2010, 1, 1).unwrap()),
            Kind::Text => Answer::Text("Trabajo en construcción desde hace doce años y ".repeat(6)),
            Kind::Info => continue,
        };
        if iv.record(qi, a).is_err() && iv.record(qi, Answer::Declined).is_err() {
            break;
        }
    }
    iv
}

fn clinic() -> String {
    let dir = tempfile::tempdir().unwrap();
    store::write_identity(&dir.path().join("clinic.key")).unwrap()
}

fn stores() -> (tempfile::TempDir, Store, Store) {
    let dir = tempfile::tempdir().unwrap();
    let plain = store::open_store(Some(&dir.path().join("plain")), None).unwrap();
    let sealed = store::open_store(Some(&dir.path().join("sealed")), Some(&clinic())).unwrap();
    (dir, plain, sealed)
}

/// One autosave of an existing plaintext intake (write, fsync, rename, fsync folder).
#[divan::bench]
fn autosave_plaintext(b: Bencher) {
    let (_dir, st, _) = stores();
    let iv = answered();
    let mut s = st.new_session().unwrap();
    s.save(&iv, "es").unwrap();
    b.bench_local(|| s.save(&iv, "es").unwrap());
}

/// One autosave of an existing encrypted intake (two X25519 recipients, then the same write).
#[divan::bench]
fn autosave_encrypted(b: Bencher) {
    let (_dir, _, st) = stores();
    let iv = answered();
    let mut s = st.new_session().unwrap();
    s.save(&iv, "es").unwrap();
    b.bench_local(|| s.save(&iv, "es").unwrap());
}

/// The first save of an encrypted intake: includes sealing its key with the code (scrypt).
#[divan::bench(sample_count = 10, sample_size = 1)]
fn first_save_encrypted(b: Bencher) {
    let (_dir, _, st) = stores();
    let iv = answered();
    b.with_inputs(|| st.new_session().unwrap())
        .bench_local_values(|mut s| s.save(&iv, "es").unwrap());
}

/// Opening an unfinished encrypted intake with its code (scrypt, then decrypt and migrate).
#[divan::bench(sample_count = 10, sample_size = 1)]
fn resume_encrypted(b: Bencher) {
    let (_dir, _, st) = stores();
    let iv = answered();
    let mut s = st.new_session().unwrap();
    s.save(&iv, "es").unwrap();
    let code = s.code().unwrap().to_owned();
    drop(s); // one window per intake: the bench is the next one
    b.bench_local(|| st.resume(&code, &QN, today()).unwrap());
}

/// What one offline guess costs: a wrong code with the right locator, so the record's scrypt
/// envelope is tried and fails (the work an attacker repeats for every guess).
#[divan::bench(sample_count = 10, sample_size = 1)]
fn one_wrong_guess(b: Bencher) {
    let (_dir, _, st) = stores();
    // The growing delay is per process and beside the point here: an offline guesser has none.
    let st = st.with_delay_unit(std::time::Duration::ZERO);
    let iv = answered();
    let mut s = st.new_session().unwrap();
    s.save(&iv, "es").unwrap();
    let code = s.code().unwrap().to_owned();
    drop(s);
    let locator = pd_intake::store::code::locator(&code).to_owned();
    let guess = std::iter::repeat_with(|| pd_intake::store::code::generate().unwrap())
        .find(|g| g.starts_with(&locator) && *g != code)
        .unwrap();
    b.bench_local(|| st.resume(&guess, &QN, today()).unwrap_err());
}
