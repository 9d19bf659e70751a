//! Every scenario under tests/scenarios/ scores as it expects on the built-in questionnaire.
//! A failure lists every difference in every file at once, located in the scenario file.

use std::path::Path;

use pd_intake::{load, scenario};

#[test]
fn every_scenario_gives_its_expected_outcome() {
    let qn = load::builtin();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/scenarios exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 8,
        "expected the project's scenarios in {}",
        dir.display()
    );
    let mut problems = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).expect("readable scenario");
        let d = scenario::run_str(&qn, &text);
        if !d.0.is_empty() {
            problems.push(d.render(&format!(
                "tests/scenarios/{}",
                f.file_name().unwrap_or_default().to_string_lossy()
            )));
        }
    }
    assert!(
        problems.is_empty(),
        "{} of {} scenarios differ:\n{}",
        problems.len(),
        files.len(),
        problems.join("\n")
    );
}

/// Texts that depend on the facts (catalog v2): a scenario's ids cannot show them, so the
/// summary's own texts are read here.
fn summary_of(file: &str) -> pd_intake::scoring::Summary {
    let qn = load::builtin();
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/scenarios")
        .join(file);
    let text = std::fs::read_to_string(&path).expect("readable scenario");
    let sc = scenario::parse(&text).expect("a valid scenario");
    let matched = pd_intake::answers_file::apply(&qn, &sc.answers, sc.today).expect("answers fit");
    let iv = pd_intake::interview::Interview::with_answers(&qn, sc.today, matched.answers);
    let lang = sc
        .answers
        .language
        .clone()
        .unwrap_or_else(|| "en".to_owned());
    pd_intake::scoring::summarize(&iv, &lang)
}

fn flag_text(s: &pd_intake::scoring::Summary, id: &str) -> String {
    s.flags
        .iter()
        .find(|f| f.id == id)
        .map(|f| f.explain.clone())
        .unwrap_or_else(|| panic!("flag `{id}` not raised"))
}

#[test]
fn cancellation_is_not_offered_as_hopeful_after_a_deportation() {
    let back = flag_text(
        &summary_of("defect_deported_then_came_back.yaml"),
        "cancellation",
    );
    assert!(back.contains("an old order may block this"), "{back}");
    assert!(!back.contains("can sometimes give a green card"), "{back}");
    let never = flag_text(
        &summary_of("defect_cancellation_harm_unsure.yaml"),
        "cancellation",
    );
    assert!(never.contains("can sometimes give a green card"), "{never}");
}

#[test]
fn asylum_says_do_not_file_alone_and_when_the_year_may_have_passed() {
    let old = flag_text(&summary_of("final_order_detained.yaml"), "asylum");
    assert!(
        old.contains("more than a year ago") && old.contains("may have passed"),
        "{old}"
    );
    let recent = flag_text(&summary_of("recent_arrival_in_court.yaml"), "asylum");
    assert!(recent.contains("pedir asilo"), "{recent}");
    for t in [&old, &recent] {
        assert!(
            t.contains("on your own") || t.contains("por su cuenta"),
            "{t}"
        );
    }
}

#[test]
fn a_court_date_in_the_past_says_so_and_the_notice_prints_the_checked_date() {
    let s = summary_of("notice_hearing_date_passed_date_in_the_past.yaml");
    let n = s
        .notices
        .iter()
        .find(|n| n.id == "hearing_date_passed")
        .expect("raised");
    assert!(
        n.text.starts_with("The court date you gave is in the past"),
        "{}",
        n.text
    );
    let qn = load::builtin();
    for lang in ["en", "es"] {
        let t = qn.notice.get(lang);
        assert!(
            t.contains("2026-06-30") && !t.contains("{policy_as_of}"),
            "{t}"
        );
    }
}
