//! The question-file keys added in 2026 (docs/question-format.md, "Additions in 2026"): they
//! load, the checker explains them, and each one changes what scoring says.

mod score_support;

use pd_intake::check::{Options, check_source, explain::explain};
use pd_intake::model::Condition;
use score_support::*;

#[test]
fn the_fixture_loads_clean_with_every_addition_in_the_model() {
    let text = std::fs::read_to_string(ADDITIONS).unwrap();
    let d = check_source(&text, &Options::default());
    assert!(d.0.is_empty(), "{}", d.render(ADDITIONS));
    let qn = additions();
    let docs = qn.question("family_documents").unwrap();
    assert!(docs.choice("marriage_certificate").unwrap().when.is_some());
    assert!(docs.choice("none").unwrap().when.is_none());
    let presence = qn.factors.iter().find(|f| f.id == "long_presence").unwrap();
    assert_eq!(presence.explain_when.len(), 1);
    let court = qn.notices.iter().find(|n| n.id == "court_case").unwrap();
    assert_eq!(court.text_when.len(), 2);
    assert!(matches!(
        court.text_when[0].when,
        Condition::DaysUntilAtMost(_, -1)
    ));
    assert_eq!(qn.hearing_date, qn.question_index("court_date"));
}

#[test]
fn policy_as_of_placeholder_is_replaced_in_every_language() {
    let qn = additions();
    assert_eq!(qn.notice.get("en"), "Legal content checked on 2026-06-01.");
    assert_eq!(
        qn.notice.get("es"),
        "Contenido legal revisado el 2026-06-01."
    );
    let s = summary(
        &qn,
        &[("in_court", "\"yes\""), ("court_date", "2026-11-20")],
    );
    let passed = s
        .notices
        .iter()
        .find(|n| n.id == "hearing_date_passed")
        .unwrap();
    assert!(passed.text.contains("2026-06-01"), "{}", passed.text);
    assert!(!passed.text.contains("{policy_as_of}"));
}

#[test]
fn date_conditions_count_days_from_today() {
    let qn = additions();
    let notice = |date: &str| {
        let s = summary(&qn, &[("in_court", "\"yes\""), ("court_date", date)]);
        let ids: Vec<String> = s.notices.iter().map(|n| n.id.clone()).collect();
        let text = s
            .notices
            .iter()
            .find(|n| n.id == "court_case")
            .unwrap()
            .text
            .clone();
        (ids, text)
    };
    // today is 2026-12-01
    let (ids, text) = notice("2026-11-30");
    assert_eq!(ids, ["court_case", "hearing_date_passed"]);
    assert!(text.starts_with("Your court date has passed"), "{text}");
    let (ids, text) = notice("2026-12-01");
    assert_eq!(ids, ["court_case"], "today is not in the past");
    assert!(text.starts_with("Your court date is soon"), "{text}");
    let (_, text) = notice("2026-12-15");
    assert!(
        text.starts_with("Your court date is soon"),
        "14 days: {text}"
    );
    let (_, text) = notice("2026-12-16");
    assert_eq!(text, "Go to every court date.", "15 days away is not soon");
}

#[test]
fn explain_when_replaces_the_explanation_in_the_summary() {
    let qn = additions();
    let s = summary(
        &qn,
        &[("entry_date", "2001-05-01"), ("fear_return", "\"yes\"")],
    );
    let f = s.factor("long_presence").unwrap();
    assert!(
        f.explain.starts_with("Twenty years or more"),
        "{}",
        f.explain
    );
    let asylum = s.flags.iter().find(|f| f.id == "asylum").unwrap();
    assert!(
        asylum.explain.contains("may have passed"),
        "{}",
        asylum.explain
    );
    let s = summary(
        &qn,
        &[("entry_date", "2026-06-01"), ("fear_return", "\"yes\"")],
    );
    let asylum = s.flags.iter().find(|f| f.id == "asylum").unwrap();
    assert_eq!(
        asylum.explain,
        "Asylum is usually asked for within 1 year of arriving."
    );
    let s = summary(&qn, &[("entry_date", "2012-05-01")]);
    assert_eq!(
        s.factor("long_presence").unwrap().explain,
        "Many years here count in your favor."
    );
}

#[test]
fn the_hearing_date_is_in_the_summary_with_days_until() {
    let qn = additions();
    let s = summary(
        &qn,
        &[("in_court", "\"yes\""), ("court_date", "2026-12-03")],
    );
    let h = s.hearing.unwrap();
    assert_eq!(
        (h.date.as_str(), h.days_until, h.passed),
        ("2026-12-03", 2, false)
    );
    let s = summary(&qn, &[("in_court", "\"no\""), ("court_date", "2026-12-03")]);
    assert!(s.hearing.is_none(), "a hidden answer is not a court date");
}

#[test]
fn the_logic_report_describes_the_additions() {
    let qn = additions();
    let md = explain(&qn, "en");
    for want in [
        "**“Marriage certificate” (`marriage_certificate`) is offered** (and, for documents, listed as one to get) **only when** the answer to “Are you married?” (`marital_status`) is **Married**",
        "the date answered to “When is your next court date?” (`court_date`) is in the past",
        "the date answered to “When is your next court date?” (`court_date`) is **14** or fewer days from today",
        "**Said instead when** the answer to “When did you arrive?” (`entry_date`) was **20** or more years ago",
        "> Twenty years or more here count strongly in your favor.",
        "The next court date is the answer to “When is your next court date?” (`court_date`)",
    ] {
        assert!(md.contains(want), "missing {want:?} in:\n{md}");
    }
    let es = explain(&qn, "es");
    assert!(
        es.contains("la fecha que se respondió a “¿Cuándo es su próxima fecha de corte?” (`court_date`) ya pasó"),
        "{es}"
    );
}

#[test]
fn check_reads_date_conditions_when_looking_for_contradictions() {
    // A date cannot be both in the past and 10 or more days away: the checker says so.
    let text = std::fs::read_to_string(ADDITIONS).unwrap().replace(
        "    when: {question: court_date, days_until_at_most: -1}\nhearing_date",
        "    when: {all: [{question: court_date, days_until_at_most: -1}, {question: court_date, days_until_at_least: 10}]}\nhearing_date",
    );
    let d = check_source(&text, &Options::default());
    let shown = d.render("f.yaml");
    assert!(
        shown.contains("warning: this condition can never be true"),
        "{shown}"
    );
}

#[test]
fn the_editor_schema_accepts_the_additions_and_rejects_their_misspellings() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string("questions/questionnaire.schema.json").unwrap(),
    )
    .unwrap();
    let v = jsonschema::draft7::new(&schema).expect("a valid draft-07 schema");
    let text = std::fs::read_to_string(ADDITIONS).unwrap();
    let doc = pd_intake::yaml::parse(&text).unwrap().to_json();
    let errors: Vec<String> = v.iter_errors(&doc).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    for (from, to) in [
        ("days_until_at_most: -1}", "days_until_at_mots: -1}"),
        ("    explain_when:\n", "    explain_if:\n"),
        ("    text_when:\n", "    texts_when:\n"),
        ("hearing_date: court_date", "hearing_date: 12"),
        (
            "when: {question: has_children, is: \"yes\"}}",
            "whenever: {question: has_children, is: \"yes\"}}",
        ),
    ] {
        assert!(text.contains(from), "{from}");
        let bad = pd_intake::yaml::parse(&text.replacen(from, to, 1))
            .unwrap()
            .to_json();
        assert!(!v.is_valid(&bad), "accepted {to:?}");
    }
}

#[test]
fn the_interview_offers_a_choice_unless_its_when_is_false() {
    let qn = additions();
    let docs = qn.question_index("family_documents").unwrap();
    let shown = |pairs: &[(&str, &str)]| -> Vec<String> {
        let iv = pd_intake::interview::Interview::with_answers(&qn, today(), answers(&qn, pairs));
        iv.shown_choices(docs)
            .into_iter()
            .map(|i| qn.questions[docs].choices[i].id.clone())
            .collect()
    };
    assert_eq!(
        shown(&[
            ("marital_status", "not_married"),
            ("has_children", "\"yes\"")
        ]),
        ["birth_certificates", "none"]
    );
    // Unknown marriage: the certificate is still offered (only a false `when` hides it).
    assert_eq!(
        shown(&[
            ("marital_status", "unknown"),
            ("has_children", "\"no\""),
            ("fled_abuser", "\"yes\"")
        ]),
        ["marriage_certificate", "none"]
    );
}

#[test]
fn plain_mode_numbers_and_reads_only_the_choices_on_offer() {
    let dir = tempfile::tempdir().unwrap();
    // Not married, one child here, did not flee; then try the hidden marriage certificate.
    let out = assert_cmd::Command::cargo_bin("pd-intake")
        .unwrap()
        .args([
            "--plain",
            "--lang",
            "en",
            "--today",
            "2026-12-01",
            "--questions",
            ADDITIONS,
            "--data-dir",
        ])
        .arg(dir.path())
        .write_stdin("not_married\nyes\nno\nmarriage_certificate\n1\n")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let asked = &stdout[stdout.find("Which papers do you have?").expect(&stdout)..];
    let asked = &asked[..asked.find("\n\n").unwrap_or(asked.len())];
    assert!(
        asked.contains("1. Birth certificates\n2. None\n3. I don't know"),
        "{asked}"
    );
    assert!(!asked.contains("Marriage certificate"), "{asked}");
    assert!(
        stdout.contains("\"marriage_certificate\" is not one of the choices."),
        "the hidden choice typed by id is refused: {stdout}"
    );
}

#[test]
fn the_full_screen_rows_are_the_choices_on_offer() {
    use pd_intake::tui::app::{App, Row};
    let qn = additions();
    let docs = qn.question_index("family_documents").unwrap();
    let mut iv = pd_intake::interview::Interview::with_answers(
        &qn,
        today(),
        answers(
            &qn,
            &[
                ("marital_status", "not_married"),
                ("has_children", "\"yes\""),
                ("fled_abuser", "\"no\""),
            ],
        ),
    );
    assert!(iv.go_to(docs));
    let app = App::new(iv, "en");
    let ids: Vec<&str> = app
        .rows()
        .iter()
        .filter_map(|r| match r {
            Row::Choice(i) => Some(qn.questions[docs].choices[*i].id.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(ids, ["birth_certificates", "none"]);
}
