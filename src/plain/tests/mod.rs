use super::*;
use crate::answer::Answer;
use crate::autosave::{NoSave, SaveError};
use crate::date::Date;
use crate::load::load_str;

/// Two languages, every kind plain mode renders, one sensitive question with help.
pub(crate) const SMALL: &str = r#"
format: 1
id: small
version: "1"
title: {en: "Small intake", es: "Entrevista corta"}
languages: [{code: en, name: English}, {code: es, name: Español}]
notice: {en: "Not legal advice.", es: "No es asesoría legal."}
documents:
  - {id: pay_stubs, name: {en: "Pay stubs", es: "Talones de pago"}}
  - {id: leases, name: {en: "Leases", es: "Contratos"}}
sections:
  - id: start
    title: {en: "Start", es: "Inicio"}
    questions:
      - {id: hello, kind: info, unknown: false, text: {en: "Hello.", es: "Hola."}}
      - id: has_children
        kind: yes_no
        text: {en: "Do you have children?", es: "¿Tiene hijos?"}
        help: {en: "Why we ask: family ties matter.", es: "Por qué preguntamos: la familia importa."}
        sensitive: true
      - {id: children_count, kind: number, min: 1, max: 20, text: {en: "How many children?", es: "¿Cuántos hijos?"}, when: {question: has_children, is: "yes"}}
      - id: work
        kind: single_choice
        text: {en: "Do you work?", es: "¿Trabaja?"}
        choices:
          - {id: working_now, label: {en: "I work now", es: "Trabajo ahora"}}
          - {id: not_working, label: {en: "I do not work", es: "No trabajo"}}
      - id: papers
        kind: multi_choice
        text: {en: "Which papers do you have?", es: "¿Qué papeles tiene?"}
        choices:
          - {id: pay_stubs, label: {en: "Pay stubs", es: "Talones de pago"}}
          - {id: leases, label: {en: "Leases", es: "Contratos"}}
          - {id: none, label: {en: "None of these", es: "Ninguno"}, exclusive: true}
      - {id: entry_year, kind: year, text: {en: "What year did you come?", es: "¿En qué año llegó?"}}
      - {id: notes, kind: text, max_chars: 200, text: {en: "Anything else?", es: "¿Algo más?"}}
factors:
  - id: us_family
    direction: favorable
    title: {en: "Family in the US", es: "Familia en EE. UU."}
    explain: {en: "Family ties count.", es: "La familia cuenta."}
    applies: {question: has_children, is: "yes"}
    evidence: {question: papers, min: 1}
"#;

mod session;

pub(super) fn today() -> Date {
    Date::parse("2026-11-27").unwrap()
}

/// Runs plain mode over `input` and returns (outcome, stdout).
pub(super) fn drive(
    qn: &Questionnaire,
    lang: &str,
    input: &str,
    saver: &mut dyn Autosave,
) -> (Outcome, String, Vec<Option<crate::answer::Answer>>) {
    let mut iv = Interview::new(qn, today());
    let mut lang = lang.to_owned();
    let mut out = Vec::new();
    let outcome = run(qn, &mut iv, &mut lang, input.as_bytes(), &mut out, saver).unwrap();
    (
        outcome,
        String::from_utf8(out).unwrap(),
        iv.answers().to_vec(),
    )
}

/// `drive` with options (the setup: encryption, the idle lock).
pub(super) fn drive_with(
    qn: &Questionnaire,
    lang: &str,
    input: &str,
    saver: &mut dyn Autosave,
    opts: &Options,
) -> (Outcome, String, Vec<Option<crate::answer::Answer>>) {
    let mut iv = Interview::new(qn, today());
    let mut lang = lang.to_owned();
    let mut out = Vec::new();
    let outcome = run_with(
        qn,
        &mut iv,
        &mut lang,
        input.as_bytes(),
        &mut out,
        saver,
        opts,
    )
    .unwrap();
    (
        outcome,
        String::from_utf8(out).unwrap(),
        iv.answers().to_vec(),
    )
}

pub(super) fn answer_of(
    qn: &Questionnaire,
    answers: &[Option<crate::answer::Answer>],
    id: &str,
) -> Option<crate::answer::Answer> {
    answers[qn.question_index(id).unwrap()].clone()
}

#[test]
fn a_date_is_typed_in_the_language_order_and_said_back_in_words() {
    let qn = load_str(include_str!("../../../tests/fixtures/all_kinds.yaml")).unwrap();
    let court = qn.question_index("court_date").unwrap();
    // info, has_children, relatives, entry_year, status, household, court_date
    let input = "\n2\n3\n2009\n1\n3\n15/03/2027\n";
    let (_, out, answers) = drive(&qn, "es", input, &mut NoSave);
    assert_eq!(
        answers[court],
        Some(Answer::Date(Date::new(2027, 3, 15).unwrap()))
    );
    assert!(out.contains("Entendimos: 15 de marzo de 2027"), "{out}");
    let input = "\n2\n3\n2009\n1\n3\n03/15/2027\n";
    let (_, out, answers) = drive(&qn, "en", input, &mut NoSave);
    assert_eq!(
        answers[court],
        Some(Answer::Date(Date::new(2027, 3, 15).unwrap()))
    );
    assert!(out.contains("We read this as: March 15, 2027"), "{out}");
}

#[test]
fn wants_plain_follows_flag_term_accessible_and_ttys() {
    assert!(!wants_plain(
        false,
        Some("xterm-256color"),
        None,
        true,
        true
    ));
    assert!(wants_plain(true, Some("xterm"), None, true, true));
    assert!(wants_plain(false, Some("dumb"), None, true, true));
    assert!(wants_plain(false, None, Some("1"), true, true));
    assert!(
        !wants_plain(false, None, Some("0"), true, true),
        "ACCESSIBLE=0 means off"
    );
    assert!(!wants_plain(false, None, Some(""), true, true));
    assert!(wants_plain(false, None, None, false, true), "piped input");
    assert!(
        wants_plain(false, None, None, true, false),
        "redirected output"
    );
}

#[test]
fn numbers_labels_and_ids_all_answer_choices() {
    let qn = load_str(SMALL).unwrap();
    for (work, papers) in [
        ("1", "1,2"),
        ("I work now", "pay stubs, leases"),
        ("working_now", "leases,pay_stubs"),
    ] {
        let input = format!("\nno\n{work}\n{papers}\n2009\nnothing\n");
        let (o, out, answers) = drive(&qn, "en", &input, &mut NoSave);
        assert!(o.finished, "{out}");
        assert_eq!(
            answer_of(&qn, &answers, "work"),
            Some(Answer::Choice("working_now".into()))
        );
        assert_eq!(
            answer_of(&qn, &answers, "papers"),
            Some(Answer::Choices(vec!["pay_stubs".into(), "leases".into()]))
        );
    }
}

#[test]
fn unknown_and_declined_by_word_number_and_spanish_phrase() {
    let qn = load_str(SMALL).unwrap();
    // yes_no has 2 choices, so 3 = I don't know, 4 = I'd rather not say.
    let (_, _, a) = drive(
        &qn,
        "en",
        "\n3\n4\nunknown,\nunknown\ndeclined\n",
        &mut NoSave,
    );
    assert_eq!(answer_of(&qn, &a, "has_children"), Some(Answer::Unknown));
    assert_eq!(answer_of(&qn, &a, "work"), Some(Answer::Declined));
    let (_, _, a) = drive(&qn, "es", "\nno se\nPrefiero no decir\n", &mut NoSave);
    assert_eq!(answer_of(&qn, &a, "has_children"), Some(Answer::Unknown));
    assert_eq!(answer_of(&qn, &a, "work"), Some(Answer::Declined));
}

#[test]
fn invalid_input_repeats_the_question_with_the_reason_in_english_and_spanish() {
    let qn = load_str(SMALL).unwrap();
    let (_, out, _) = drive(&qn, "en", "\nmaybe\n", &mut NoSave);
    assert!(
        out.contains("\"maybe\" is not one of the choices."),
        "{out}"
    );
    assert_eq!(
        out.matches("Do you have children?").count(),
        2,
        "asked again after the reason:\n{out}"
    );
    let (_, out, _) = drive(&qn, "es", "\nquizás\nsí\ncien\n", &mut NoSave);
    assert!(out.contains("«quizás» no es una de las opciones."), "{out}");
    assert!(
        out.contains("Escriba solo un número, por ejemplo 3."),
        "{out}"
    );
    assert_eq!(out.matches("¿Cuántos hijos?").count(), 2, "{out}");
}

#[test]
fn exclusive_choice_with_others_is_refused_alone_it_is_taken() {
    let qn = load_str(SMALL).unwrap();
    let (_, out, a) = drive(&qn, "en", "\nno\n1\n1,3\n3\n", &mut NoSave);
    assert!(
        out.contains("\"None\" cannot go with other choices."),
        "{out}"
    );
    assert_eq!(
        answer_of(&qn, &a, "papers"),
        Some(Answer::Choices(vec!["none".into()]))
    );
}

/// The privacy sentence says what the setup gives: the promise only with a clinic key.
#[test]
fn help_prints_why_we_ask_and_the_sensitive_note() {
    let qn = load_str(SMALL).unwrap();
    let encrypted = Options {
        setup: crate::setup::Setup {
            encrypted: true,
            ..Default::default()
        },
        ..Default::default()
    };
    let (_, out, _) = drive_with(&qn, "en", "\n?\n", &mut NoSave, &encrypted);
    assert!(out.contains("Why we ask: family ties matter."));
    assert!(
        out.matches("Only the clinic's staff will see this answer")
            .count()
            >= 2,
        "with the question and in help"
    );
    let (_, out, _) = drive(&qn, "en", "\nno\n?\n", &mut NoSave);
    assert!(out.contains("There is no more help for this question."));
    for lang in ["en", "es"] {
        let (_, out, _) = drive(&qn, lang, "\n?\n", &mut NoSave);
        assert!(
            !out.contains("Only the clinic") && !out.contains("Solo el personal"),
            "no promise without encryption:\n{out}"
        );
        let truth = crate::i18n::endings::privacy(lang, false);
        assert!(out.matches(truth).count() >= 2, "{out}");
    }
}

#[test]
fn progress_is_a_sentence() {
    let qn = load_str(SMALL).unwrap();
    let (_, out, _) = drive(&qn, "en", "\n", &mut NoSave);
    // has_children, work, papers, entry_year, notes are certain; children_count may come.
    assert!(out.contains("Question 1. About 5 to 6 left."), "{out}");
    let (_, out, _) = drive(&qn, "es", "\nno\nno\n", &mut NoSave);
    assert!(out.contains("Pregunta 2. Quedan 4 preguntas."), "{out}");
}

#[test]
fn a_pasted_novel_is_refused_as_too_long_and_the_interview_goes_on() {
    let qn = load_str(SMALL).unwrap();
    for size in [100 * 1024, 2 * LINE_LIMIT as usize] {
        let novel = "a".repeat(size);
        let input = format!("\nno\n1\n1\n2009\n{novel}\nshort note\n");
        let (o, out, a) = drive(&qn, "en", &input, &mut NoSave);
        assert!(
            out.contains("The text is too long. Please use 200 characters or fewer."),
            "size {size}"
        );
        assert!(o.finished);
        assert_eq!(
            answer_of(&qn, &a, "notes"),
            Some(Answer::Text("short note".into()))
        );
        assert!(out.len() < 20_000, "the novel is not echoed back");
    }
}

#[test]
fn output_has_no_escape_bytes_or_decorative_symbols_even_with_hostile_text() {
    let qn = load_str(SMALL).unwrap();
    let (o, out, _) = drive(
        &qn,
        "en",
        "\nyes\n2\n1\n2\n2001\n\x1b[31mred\x07 text\nb\n\n",
        &mut NoSave,
    );
    assert!(o.finished, "{out}");
    assert!(!out.contains('\x1b') && !out.contains('\x07'), "{out}");
    for sym in ['✔', '○', '▲', '→', '–', '—', '│', '─', '•'] {
        assert!(!out.contains(sym), "symbol {sym} in:\n{out}");
    }
    assert!(
        out.contains("Needs papers (0):") || out.contains("Your strongest points (1):"),
        "{out}"
    );
}

#[test]
fn an_info_screen_has_no_question_number() {
    // The same rule as the full-screen header (`tui::tests::info_screens_have_no_number`).
    let qn = load_str(SMALL).unwrap();
    let (_, out, _) = drive(&qn, "en", "\n", &mut NoSave);
    let hello = out.find("Hello.").expect("the info screen is shown");
    assert!(!out[..hello].contains("Question"), "{out}");
    // The first real question is question 1.
    assert!(
        out[hello..].contains("Question 1. About 5 to 6 left."),
        "{out}"
    );
}
