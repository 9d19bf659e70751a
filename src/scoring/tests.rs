use super::*;
use crate::load::load_str;

const Q: &str = r#"
format: 1
id: s
version: "1"
title: {en: Scoring test, es: Prueba}
languages: [{code: en, name: English}, {code: es, name: Español}]
documents:
  - {id: lease, name: {en: Lease, es: Contrato de renta}}
  - {id: bills, name: {en: Bills, es: Recibos}}
sections:
  - id: main
    title: {en: Main, es: Principal}
    questions:
      - {id: entry_year, kind: year, text: {en: "Year?", es: "¿Año?"}}
      - id: presence_docs
        kind: multi_choice
        text: {en: "Papers?", es: "¿Papeles?"}
        when: {question: entry_year, years_ago_at_least: 2}
        choices:
          - {id: lease, label: {en: Lease, es: Contrato}}
          - {id: bills, label: {en: Bills, es: Recibos}}
          - {id: none, label: {en: None, es: Ninguno}, exclusive: true}
      - {id: arrested, kind: yes_no, text: {en: "Arrested?", es: "¿Arrestado?"}}
      - {id: violent, kind: yes_no, text: {en: "Violent?", es: "¿Violento?"}, when: {question: arrested, is: "yes"}}
      - {id: court_case, kind: yes_no, text: {en: "Court?", es: "¿Corte?"}}
factors:
  - id: long_presence
    direction: favorable
    title: {en: Long presence, es: Mucho tiempo}
    explain: {en: Time here counts., es: El tiempo cuenta.}
    applies: {question: entry_year, years_ago_at_least: 2}
    strong: {question: entry_year, years_ago_at_least: 10}
    evidence: {question: presence_docs, min: 1}
  - id: criminal_history
    direction: adverse
    title: {en: Record, es: Antecedentes}
    explain: {en: A lawyer must look., es: Un abogado debe ver.}
    applies: {question: arrested, is: "yes"}
    serious: {question: violent, is: "yes"}
flags:
  - {id: cancellation, title: {en: C, es: C}, explain: {en: C, es: C}, when: {question: entry_year, years_ago_at_least: 10}}
notices:
  - {id: in_court, text: {en: "In court", es: "En corte"}, when: {question: court_case, is: "yes"}}
  - {id: not_in_court, text: {en: "Not in court", es: "No en corte"}, when: {question: court_case, is: "no"}}
"#;

fn run(answers: &[(&str, Answer)]) -> Summary {
    let qn = load_str(Q).unwrap();
    let today = Date::parse("2026-11-27").unwrap();
    let mut iv = Interview::new(&qn, today);
    for (id, a) in answers {
        iv.record(qn.question_index(id).unwrap(), a.clone())
            .unwrap();
    }
    summarize(&iv, "es")
}

fn docs(ids: &[&str]) -> Answer {
    Answer::Choices(ids.iter().map(|s| (*s).to_owned()).collect())
}

fn yn(b: bool) -> Answer {
    Answer::Choice(if b { "yes" } else { "no" }.into())
}

#[test]
fn strong_when_strong_and_documented() {
    let s = run(&[
        ("entry_year", Answer::Number(2010)),
        ("presence_docs", docs(&["lease"])),
    ]);
    let f = s.factor("long_presence").unwrap();
    assert_eq!(f.status, Status::Strong);
    assert_eq!(f.strength, Some(Strength::Strong));
    assert_eq!(f.documents_have, vec!["lease"]);
    assert!(f.documents_to_get.is_empty());
    assert_eq!(
        f.because[0],
        Because {
            question: "entry_year".into(),
            answer: 2010.into()
        }
    );
    assert_eq!(s.flags[0].id, "cancellation");
}

#[test]
fn weak_when_not_strong_but_documented() {
    let s = run(&[
        ("entry_year", Answer::Number(2020)),
        ("presence_docs", docs(&["lease", "bills"])),
    ]);
    let f = s.factor("long_presence").unwrap();
    assert_eq!((f.status, f.strength), (Status::Weak, Some(Strength::Weak)));
    assert!(s.flags.is_empty());
}

#[test]
fn undocumented_keeps_strength_and_lists_papers_to_get() {
    let s = run(&[
        ("entry_year", Answer::Number(2010)),
        ("presence_docs", docs(&["none"])),
    ]);
    let f = s.factor("long_presence").unwrap();
    assert_eq!(
        (f.status, f.strength),
        (Status::Undocumented, Some(Strength::Strong))
    );
    assert_eq!(f.documents_to_get, vec!["lease", "bills"]);
    assert!(f.documents_have.is_empty());
    // "I don't know" about papers is undocumented too.
    let s = run(&[
        ("entry_year", Answer::Number(2020)),
        ("presence_docs", Answer::Unknown),
    ]);
    assert_eq!(
        s.factor("long_presence").unwrap().status,
        Status::Undocumented
    );
}

#[test]
fn not_applicable_and_unknown() {
    let s = run(&[
        ("entry_year", Answer::Number(2026)),
        ("arrested", yn(false)),
    ]);
    assert_eq!(
        s.factor("long_presence").unwrap().status,
        Status::NotApplicable
    );
    assert_eq!(
        s.factor("criminal_history").unwrap().status,
        Status::NotApplicable
    );
    let s = run(&[
        ("entry_year", Answer::Unknown),
        ("arrested", Answer::Declined),
    ]);
    assert_eq!(s.factor("long_presence").unwrap().status, Status::Unknown);
    assert_eq!(
        s.factor("criminal_history").unwrap().status,
        Status::Unknown
    );
    assert_eq!(s.factor("long_presence").unwrap().strength, None);
    // never asked is unknown too
    let s = run(&[]);
    assert_eq!(s.factor("long_presence").unwrap().status, Status::Unknown);
}

#[test]
fn concern_with_serious_true_false_and_unknown() {
    let s = run(&[("arrested", yn(true)), ("violent", yn(true))]);
    let f = s.factor("criminal_history").unwrap();
    assert_eq!((f.status, f.serious), (Status::Concern, Some(true)));
    assert_eq!(f.because.len(), 2);
    let s = run(&[("arrested", yn(true)), ("violent", yn(false))]);
    assert_eq!(s.factor("criminal_history").unwrap().serious, Some(false));
    let s = run(&[("arrested", yn(true)), ("violent", Answer::Unknown)]);
    assert_eq!(s.factor("criminal_history").unwrap().serious, None);
    assert_eq!(
        s.factor("criminal_history").unwrap().status,
        Status::Concern
    );
}

#[test]
fn unknown_strength_with_papers_reads_weak() {
    // entry year known to be 2+ years but the strong test reads a hidden question: emulate by
    // a strong condition that is unknown — here via a declined year after documents exist.
    let qn = load_str(&Q.replace(
        "strong: {question: entry_year, years_ago_at_least: 10}",
        "strong: {question: court_case, is: \"no\"}",
    ))
    .unwrap();
    let mut iv = Interview::new(&qn, Date::parse("2026-11-27").unwrap());
    iv.record(0, Answer::Number(2015)).unwrap();
    iv.record(1, docs(&["bills"])).unwrap();
    iv.record(4, Answer::Unknown).unwrap();
    let s = summarize(&iv, "en");
    let f = s.factor("long_presence").unwrap();
    assert_eq!(
        (f.status, f.strength),
        (Status::Weak, Some(Strength::Unknown))
    );
}

#[test]
fn hidden_answers_do_not_count() {
    // violent answered, then arrested changed to no: the old answer must not make anything serious.
    let s = run(&[
        ("arrested", yn(true)),
        ("violent", yn(true)),
        ("arrested", yn(false)),
    ]);
    assert_eq!(
        s.factor("criminal_history").unwrap().status,
        Status::NotApplicable
    );
    // papers given while presence applied, then the year changed to recent: no papers counted
    let s = run(&[
        ("entry_year", Answer::Number(2010)),
        ("presence_docs", docs(&["lease"])),
        ("entry_year", Answer::Number(2026)),
    ]);
    assert!(s.factor("long_presence").unwrap().documents_have.is_empty());
}

#[test]
fn notices_are_in_the_language_and_unanswered_listed() {
    let s = run(&[("court_case", yn(true)), ("entry_year", Answer::Unknown)]);
    assert_eq!(
        s.notices,
        vec![NoticeResult {
            id: "in_court".into(),
            text: "En corte".into()
        }]
    );
    assert_eq!(s.unanswered, vec!["entry_year", "arrested"]);
}

#[test]
fn json_contract_has_the_fields() {
    let s = run(&[
        ("entry_year", Answer::Number(2010)),
        ("presence_docs", docs(&["lease"])),
    ]);
    let v: serde_json::Value = serde_json::from_str(&s.to_json()).unwrap();
    assert_eq!(v["format"], 2);
    assert_eq!(v["questionnaire"]["id"], "s");
    assert_eq!(v["questionnaire"]["sha256"].as_str().unwrap().len(), 64);
    assert_eq!(v["today"], "2026-11-27");
    let f = &v["factors"][0];
    for key in [
        "id",
        "direction",
        "status",
        "strength",
        "serious",
        "because",
        "documents_have",
        "documents_to_get",
    ] {
        assert!(f.get(key).is_some(), "factor lacks {key}");
    }
    assert_eq!(f["status"], "strong");
    assert!(v["flags"][0]["because"].is_array());
    assert!(v["unanswered"].is_array());
}

#[test]
fn clock_conversion() {
    assert_eq!(crate::days::from_day_number(0).to_string(), "1970-01-01");
    assert_eq!(
        crate::days::from_day_number(20_419).to_string(),
        "2025-11-27"
    );
    assert_eq!(
        crate::days::from_day_number(11_016).to_string(),
        "2000-02-29"
    );
}
