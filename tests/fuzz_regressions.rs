//! Inputs from fuzzing (`fuzz/`, see BENCHMARKS.md) and the hostile shapes it explores:
//! every one must give a report, never a panic. A crash found by `cargo fuzz` goes here with
//! its bytes inline, next to the fix.

use pd_intake::answers_file;
use pd_intake::check::{Options, check_source};
use pd_intake::date::Date;
use pd_intake::load;
use pd_intake::store::record;

fn today() -> Date {
    Date::new(2026, 11, 27).unwrap()
}

/// Loads and checks a question file; returns whether it was refused with a message.
fn refused(text: &str) -> bool {
    let diags = check_source(text, &Options::default());
    load::load_str(text).is_err() && !diags.0.is_empty()
}

#[test]
fn broken_question_files_are_refused_with_a_message() {
    for text in [
        "",
        "\u{feff}",
        "format: 1\nid: x\nsections: [",
        "- - - - - - - - - - - - - - - - - - - - - - - -",
        "format: 99999999999999999999999",
        "format: 1\nid: a\nversion: \"1\"\ntitle: t\nlanguages: []\nsections: []\n",
        "a: &x [*x]",
        "{question: {question: {question: q}}}",
    ] {
        assert!(refused(text), "accepted: {text:?}");
    }
}

/// Runs on an 8 MiB stack, what the binary's main thread gets: unoptimized test builds of
/// the YAML parser use more stack per nesting level than the 2 MiB test threads have
/// (release builds refuse these files on a 2 MiB stack too).
#[test]
fn deep_nesting_is_refused_not_a_stack_overflow() {
    std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(deep_nesting)
        .unwrap()
        .join()
        .unwrap();
}

fn deep_nesting() {
    let deep = format!("{}1{}", "[".repeat(5000), "]".repeat(5000));
    assert!(refused(&deep));
    let cond = format!(
        "format: 1\nid: a\nversion: \"1\"\ntitle: t\nlanguages: [{{code: en, name: E}}]\n\
         sections:\n  - id: s\n    title: t\n    questions:\n      - {{id: q, kind: yes_no, text: t}}\n      \
         - {{id: r, kind: yes_no, text: t, when: {}{{question: q, is: \"yes\"}}{}}}\n",
        "{not: ".repeat(200),
        "}".repeat(200)
    );
    assert!(refused(&cond));
}

#[test]
fn hostile_answers_files_are_refused_or_fitted() {
    let qn = load::builtin();
    for text in [
        "answers:\n  entry_year: 99999999999999999999",
        "answers:\n  entry_year: -9223372036854775808",
        "answers:\n  birth_date: 0000-00-00",
        "answers:\n  birth_date: 9999-12-31",
        "answers: {in_court_case: [yes, no]}",
        "answers: {in_court_case: {a: b}}",
        "answers:\n  unknown: unknown",
        "questionnaire: [1]\nanswers: {}",
    ] {
        if let Ok(file) = answers_file::parse(text, &[]) {
            let _ = answers_file::apply(&qn, &file, today());
        }
    }
}

#[test]
fn damaged_records_are_unreadable_not_a_panic() {
    for bytes in [
        &b""[..],
        b"{",
        b"null",
        b"{\"format\": 18446744073709551615}",
        b"{\"format\": 1, \"encrypted\": true}",
        b"{\"format\": 1, \"answers\": {\"in_court_case\": {\"deep\": [[[[]]]]}}}",
        b"\xff\xfe{}",
    ] {
        assert!(record::parse_record(bytes).is_err(), "{bytes:?}");
    }
}
