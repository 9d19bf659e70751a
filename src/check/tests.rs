//! Each warning on a tiny questionnaire built for it, and silence on a clean one.

use super::*;

const HEAD: &str =
    "format: 1\nid: t\nversion: \"1\"\ntitle: T\nlanguages: [{code: en, name: English}]\n";

fn warn(body: &str) -> String {
    let text = format!("{HEAD}{body}");
    let d = check_source(&text, &Options::default());
    assert!(!d.has_errors(), "{}", d.render("t.yaml"));
    d.render("t.yaml")
}

const TWO: &str = "sections:
  - id: s
    title: S
    questions:
      - {id: kids, kind: yes_no, text: \"Do you have children?\"}
      - {id: age, kind: number, text: \"How old are you?\", min: 0, max: 120}
";

#[test]
fn a_clean_file_has_no_warnings() {
    let r = warn(&format!(
        "{TWO}      - {{id: more, kind: yes_no, text: \"More?\", when: {{question: kids, is: \"yes\"}}}}\n"
    ));
    assert_eq!(r, "");
}

#[test]
fn direct_contradictions_are_never_true_and_the_question_is_not_reported_twice() {
    let r = warn(&format!(
        "{TWO}      - id: more\n        kind: yes_no\n        text: \"More?\"\n        when:\n          all:\n            - {{question: kids, is: \"yes\"}}\n            - {{question: kids, is: \"no\"}}\n"
    ));
    assert_eq!(r.matches("warning").count(), 1, "{r}");
    assert!(
        r.contains("t.yaml:16:11: warning: this condition can never be true"),
        "{r}"
    );
}

#[test]
fn x_and_not_x_and_out_of_range_numbers() {
    let r = warn(&format!(
        "{TWO}      - id: more\n        kind: yes_no\n        text: \"More?\"\n        when: {{all: [{{question: age, at_least: 18}}, {{not: {{question: age, at_least: 18}}}}]}}\n      - {{id: old, kind: yes_no, text: \"Old?\", when: {{question: age, at_least: 200}}}}\n"
    ));
    assert!(
        r.contains("t.yaml:15:15: warning: this condition can never be true"),
        "{r}"
    );
    assert!(
        r.contains("t.yaml:16:53: warning: this condition can never be true"),
        "{r}"
    );
}

#[test]
fn always_true_parts_and_unreachable_followers() {
    let r = warn(&format!(
        "{TWO}      - id: more\n        kind: yes_no\n        text: \"More?\"\n        when: {{any: [{{question: kids, is: \"yes\"}}, {{question: age, at_least: 0}}]}}\n      - {{id: dead, kind: yes_no, text: \"Dead?\", when: {{all: [{{question: kids, is: \"yes\"}}, {{question: kids, is_not: \"yes\"}}]}}}}\n      - {{id: after, kind: yes_no, text: \"After?\", when: {{question: dead, is: \"yes\"}}}}\n"
    ));
    assert!(
        r.contains("t.yaml:15:15: warning: this condition is true for every answer"),
        "{r}"
    );
    assert!(r.contains("it reads `dead`, which no path asks"), "{r}");
}

#[test]
fn factors_that_cannot_be_strong_or_decided() {
    let r = warn(&format!(
        "documents:\n  - {{id: lease, name: Lease}}\n{TWO}      - id: papers\n        kind: multi_choice\n        text: \"Papers?\"\n        choices: [{{id: lease, label: Lease}}, {{id: none, label: None, exclusive: true}}]\n      - {{id: more, kind: yes_no, text: \"More?\", when: {{question: kids, is: \"yes\"}}}}\nfactors:\n  - id: fam\n    direction: favorable\n    title: F\n    explain: E\n    applies: {{question: kids, is: \"yes\"}}\n    evidence: {{question: papers, min: 2}}\n  - id: loose\n    direction: favorable\n    title: L\n    explain: E\n    applies: {{question: more, is: \"yes\"}}\nflags:\n  - {{id: fl, title: F, explain: E, when: {{any: [{{question: more, is: \"no\"}}, {{question: age, at_least: 99}}]}}}}\n"
    ));
    assert!(r.contains("the factor `fam` can never be `strong`"), "{r}");
    assert!(r.contains("offers only 1"), "{r}");
    assert!(r.contains("the factor `loose` can stay `unknown`"), "{r}");
    assert!(
        r.contains("on the path `kids` = no, `more` is not asked"),
        "{r}"
    );
    assert!(r.contains("the flag `fl` cannot be decided"), "{r}");
}

#[test]
fn text_warnings_grade_numbers_placeholders_length_language() {
    let text = "format: 1\nid: t\nversion: \"1\"\ntitle: {en: T, es: T}\nlanguages: [{code: en, name: English}, {code: es, name: Español}]
sections:
  - id: s
    title: {en: S, es: S}
    questions:
      - id: a
        kind: yes_no
        text: {en: \"Notwithstanding administrative determinations, individuals demonstrating extraordinary circumstances qualify under the current regulations today.\", es: \"Notwithstanding administrative determinations, individuals demonstrating extraordinary circumstances qualify under the current regulations today.\"}
      - id: b
        kind: yes_no
        text: {en: \"Since 2010, {name}?\", es: \"¿Desde 2011?\"}
";
    let d = check_source(text, &Options::default());
    let r = d.render("t.yaml");
    assert!(
        r.contains("t.yaml:12:15: warning: the text of `a` reads at grade"),
        "{r}"
    );
    assert!(
        r.contains("has the numbers 2010 in `en` but 2011 in `es`"),
        "{r}"
    );
    assert!(
        r.contains("has placeholders {name} in `en` but none in `es`"),
        "{r}"
    );
    assert!(!r.contains("never used"), "{r}");
    let copied = text.replace("¿Desde 2011?", "Since 2010, {name}?");
    let r = check_source(&copied, &Options::default()).render("t.yaml");
    assert!(
        r.contains("t.yaml:5:40: warning: the language `es` is declared but never used"),
        "{r}"
    );
    let strict = check_source(
        text,
        &Options {
            max_grade: 40.0,
            max_chars: 20,
            today: None,
        },
    );
    let r = strict.render("t.yaml");
    assert!(!r.contains("reads at grade"), "{r}");
    assert!(r.contains("is very long"), "{r}");
}

#[test]
fn loader_errors_come_back_unchanged() {
    let d = check_source("format: 2\n", &Options::default());
    assert!(d.has_errors());
}

#[test]
fn the_builtin_questionnaire_has_no_errors() {
    let d = check_source(load::BUILTIN_TEXT, &Options::default());
    assert!(!d.has_errors(), "{}", d.render(load::BUILTIN_NAME));
}

#[test]
fn the_logic_report_words_rules_in_english_and_spanish() {
    let text = "format: 1\nid: t\nversion: \"1\"\ntitle: {en: T, es: T}\nlanguages: [{code: en, name: English}, {code: es, name: Español}]
sections:
  - id: s
    title: {en: Family, es: Familia}
    questions:
      - {id: kids, kind: yes_no, text: {en: \"Do you have children?\", es: \"¿Tiene hijos?\"}}
      - {id: count, kind: number, text: {en: \"How many?\", es: \"¿Cuántos?\"}, when: {question: kids, is: \"yes\"}}
factors:
  - id: fam
    direction: favorable
    title: {en: Family here, es: Familia aquí}
    explain: {en: Family counts., es: La familia cuenta.}
    applies: {all: [{question: kids, is: \"yes\"}, {not: {question: count, at_most: 0}}]}
";
    let qn = load::load_str(text).unwrap();
    let en = explain::explain(&qn, "en");
    assert!(
        en.contains("**Asked when** the answer to “Do you have children?” (`kids`) is **Yes**"),
        "{en}"
    );
    assert!(
        en.contains("- factor “Family here” (`fam`): whether it applies"),
        "{en}"
    );
    assert!(en.contains("**Applies when** all of these are true:\n- the answer to “Do you have children?” (`kids`) is **Yes**\n- this is NOT true:\n  - the answer to “How many?” (`count`) is **0** or less"), "{en}");
    assert!(
        en.contains("**Decides whether these are asked:** `count`"),
        "{en}"
    );
    let es = explain::explain(&qn, "es");
    assert!(
        es.contains("**Se pregunta cuando** la respuesta a “¿Tiene hijos?” (`kids`) es **Sí**"),
        "{es}"
    );
    assert!(
        es.contains("**Aplica cuando** todo esto es cierto:"),
        "{es}"
    );
}
