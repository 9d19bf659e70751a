//! Dates as the interview sees them: today is the computer's local date (not UTC), and
//! `min: today` / `max: today` refuse impossible dates with a reason.

use pd_intake::answer::{self, Answer, Invalid};
use pd_intake::date::Date;
use pd_intake::load::load_str;

/// `score` without `--today` under a time zone: the date it scored as of.
fn today_in(tz: &str, dir: &std::path::Path) -> String {
    let answers = dir.join("a.yaml");
    std::fs::write(
        &answers,
        "questionnaire: discretion\nlanguage: en\nanswers: {}\n",
    )
    .unwrap();
    let out = assert_cmd::Command::cargo_bin("pd-intake")
        .unwrap()
        .env("TZ", tz)
        .args(["score", "--format", "json", "--answers"])
        .arg(&answers)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["today"].as_str().unwrap().to_owned()
}

#[test]
fn today_is_the_local_date() {
    let dir = tempfile::tempdir().unwrap();
    // UTC+14 and UTC-12 are 26 hours apart: at every moment their dates differ, so a
    // program that used UTC for both would print the same date twice.
    let east = today_in("Pacific/Kiritimati", dir.path());
    let west = today_in("Etc/GMT+12", dir.path());
    assert_ne!(east, west, "UTC+14 and UTC-12 are on different days");
    let (e, w) = (Date::parse(&east).unwrap(), Date::parse(&west).unwrap());
    assert!(e > w, "{east} {west}");
}

const BOUNDS: &str = r#"
format: 1
id: bounds
version: "1"
title: Bounds
languages: [{code: en, name: English}]
sections:
  - id: s
    title: S
    questions:
      - {id: birth, kind: date, max: today, text: "Birth date?"}
      - {id: hearing, kind: date, min: today, text: "Next hearing?"}
      - {id: arrival, kind: year, max: today, text: "Year you came?"}
"#;

#[test]
fn min_and_max_today_refuse_impossible_dates() {
    let qn = load_str(BOUNDS).unwrap();
    let today = Date::parse("2026-11-27").unwrap();
    let q = |id: &str| &qn.questions[qn.question_index(id).unwrap()];
    let d = |s: &str| Answer::Date(Date::parse(s).unwrap());
    assert_eq!(
        answer::validate(q("birth"), &d("2026-11-28"), today),
        Err(Invalid::DateInFuture)
    );
    assert_eq!(
        answer::validate(q("birth"), &d("2026-11-27"), today),
        Ok(())
    );
    assert_eq!(
        answer::validate(q("hearing"), &d("2026-11-26"), today),
        Err(Invalid::DateInPast)
    );
    assert_eq!(
        answer::validate(q("hearing"), &d("2026-11-27"), today),
        Ok(())
    );
    assert_eq!(
        answer::validate(q("arrival"), &Answer::Number(2027), today),
        Err(Invalid::YearInFuture)
    );
    // The reasons are words for the applicant, in their language.
    let es = pd_intake::i18n::invalid("es", &Invalid::DateInFuture);
    assert!(es.contains("todavía no ha llegado"), "{es}");
    // `today` fits only dates and years.
    let bad = BOUNDS.replace(
        "{id: arrival, kind: year, max: today",
        "{id: arrival, kind: text, max: today",
    );
    assert!(load_str(&bad).is_err());
}
