use super::*;
use crate::load::load_str;

const TINY: &str = r#"
format: 1
id: tiny
version: "1"
title: Tiny
languages: [{code: en, name: English}]
documents:
  - {id: birth_certificates, name: Birth certificates}
sections:
  - id: family
    title: Family
    questions:
      - {id: has_children, kind: yes_no, text: "Do you have children?"}
      - id: child_papers
        kind: multi_choice
        text: "Which papers do you have?"
        when: {question: has_children, is: "yes"}
        choices:
          - {id: birth_certificates, label: Birth certificates}
          - {id: none, label: None, exclusive: true}
      - {id: arrested, kind: yes_no, text: "Were you ever arrested?"}
factors:
  - id: us_family
    direction: favorable
    title: Family
    explain: Family here.
    applies: {question: has_children, is: "yes"}
    evidence: {question: child_papers, min: 1}
  - id: arrests
    direction: adverse
    title: Arrests
    explain: Arrests.
    applies: {question: arrested, is: "yes"}
    serious: {question: arrested, is: "yes"}
flags:
  - {id: lawyer, title: Lawyer, explain: See one., when: {question: arrested, is: "yes"}}
notices:
  - {id: papers, text: Bring papers., when: {question: has_children, is: "yes"}}
"#;

fn scenario(answers: &str, expect: &str) -> String {
    format!(
        "name: \"t\"\ntoday: 2026-11-27\nquestionnaire: tiny\nlanguage: en\nanswers: {answers}\nexpect:\n{expect}"
    )
}

#[test]
fn a_matching_scenario_has_no_differences() {
    let qn = load_str(TINY).unwrap();
    let text = scenario(
        "{has_children: \"yes\", child_papers: [birth_certificates], arrested: \"no\"}",
        "  factors: {us_family: strong, arrests: not_applicable}\n  serious: []\n  flags: []\n  notices: [papers]\n",
    );
    let d = run_str(&qn, &text);
    assert!(d.0.is_empty(), "{}", d.render("t.yaml"));
}

#[test]
fn a_wrong_expectation_is_reported_at_its_line_with_the_reason() {
    let qn = load_str(TINY).unwrap();
    let text = scenario(
        "{has_children: \"yes\", child_papers: [none], arrested: \"yes\"}",
        "  factors:\n    us_family: strong\n    arrests: concern\n  serious: []\n  flags: []\n  notices: [papers]\n",
    );
    let d = run_str(&qn, &text);
    let r = d.render("t.yaml");
    assert!(
        r.contains("t.yaml:8:5: error: factor `us_family`: expected strong, got undocumented"),
        "{r}"
    );
    assert!(r.contains("because has_children = \"yes\""), "{r}");
    assert!(
        r.contains("serious factor: given but not expected: arrests"),
        "{r}"
    );
    assert!(r.contains("flag: given but not expected: lawyer"), "{r}");
    assert_eq!(d.0.len(), 3, "{r}");
}

#[test]
fn unknown_ids_statuses_and_keys_are_reported() {
    let qn = load_str(TINY).unwrap();
    let text = scenario(
        "{has_children: \"no\", arrested: \"no\", renamed_question: \"yes\"}",
        "  factors: {nope: strong}\n  flags: [ghost]\n",
    );
    let r = run_str(&qn, &text).render("t.yaml");
    assert!(r.contains("no factor `nope`"), "{r}");
    assert!(r.contains("no flag `ghost`"), "{r}");
    assert!(r.contains("no question `renamed_question`"), "{r}");
    let bad = scenario("{}", "  factors: {us_family: great}\n  flagz: []\n");
    let r = run_str(&qn, &bad).render("t.yaml");
    assert!(r.contains("`\"great\"` is not a factor status"), "{r}");
    assert!(r.contains("unknown key `flagz` in `expect`"), "{r}");
    let r = run_str(&qn, "answers: {}\nexpect: {}\n").render("t.yaml");
    assert!(r.contains("no `today:`"), "{r}");
}

#[test]
fn invalid_answers_are_reported_not_scored() {
    let qn = load_str(TINY).unwrap();
    let text = scenario("{has_children: maybe}", "  factors: {}\n");
    let r = run_str(&qn, &text).render("t.yaml");
    assert!(r.contains("error: `has_children`"), "{r}");
}
