//! Navigation, language, saving and stopping.

use super::*;

#[test]
fn back_keeps_answers_and_shows_the_earlier_one() {
    let qn = load_str(SMALL).unwrap();
    // yes -> 3 children -> back -> back to has_children: Enter keeps yes, Enter keeps 3.
    let (o, out, a) = drive(&qn, "en", "\nyes\n3\nb\nb\n\n\n1\n", &mut NoSave);
    assert!(
        out.contains("Your answer before: Yes. Press Enter to keep it"),
        "{out}"
    );
    assert!(out.contains("Your answer before: 3."), "{out}");
    assert_eq!(
        answer_of(&qn, &a, "children_count"),
        Some(Answer::Number(3))
    );
    assert_eq!(
        answer_of(&qn, &a, "work"),
        Some(Answer::Choice("working_now".into()))
    );
    assert_eq!(
        o.asked,
        [
            "hello",
            "has_children",
            "children_count",
            "work",
            "children_count",
            "has_children",
            "children_count",
            "work",
            "papers"
        ]
    );
}

#[test]
fn back_at_the_start_says_so() {
    let qn = load_str(SMALL).unwrap();
    let (o, out, _) = drive(&qn, "en", "b\n\nb\n", &mut NoSave);
    assert!(out.contains("This is the first question."), "{out}");
    assert_eq!(
        o.asked,
        ["hello", "has_children", "hello"],
        "back from the first screen stays there"
    );
}

#[test]
fn language_is_asked_when_not_given_and_can_switch_mid_way() {
    let qn = load_str(SMALL).unwrap();
    let (_, out, _) = drive(&qn, "", "2\n\n:en\n", &mut NoSave);
    assert!(
        out.starts_with("Choose your language. Elija su idioma.\n1. English\n2. Español\n"),
        "{out}"
    );
    assert!(out.contains("¿Tiene hijos?"));
    assert!(
        out.contains("Do you have children?"),
        "switched to English:\n{out}"
    );
    let (_, out, _) = drive(&qn, "", "klingon\nes\n", &mut NoSave);
    assert!(
        out.contains("\"klingon\" is not one of the choices. «klingon» no es una de las opciones."),
        "{out}"
    );
    assert!(out.contains("Modo sencillo"));
    let (_, out, _) = drive(&qn, "en", "\n:fr\n", &mut NoSave);
    assert!(out.contains("\":fr\" is not one of the choices."), "{out}");
}

#[test]
fn eof_mid_interview_saves_and_stops_cleanly() {
    struct Count(usize, Vec<String>);
    impl Autosave for Count {
        fn save(&mut self, iv: &Interview<'_>, lang: &str) -> Result<(), SaveError> {
            self.0 += 1;
            self.1.push(format!("{lang}:{}", iv.answered_count()));
            Ok(())
        }
        fn code(&self) -> Option<&str> {
            Some("K7Q-2MX")
        }
    }
    let qn = load_str(SMALL).unwrap();
    let mut saver = Count(0, Vec::new());
    let (o, out, _) = drive(&qn, "en", "\nyes\n2", &mut saver);
    assert!(!o.finished);
    assert!(o.saved);
    assert_eq!(
        saver.1,
        ["en:1", "en:2", "en:2"],
        "after every answer, and at the end"
    );
    assert!(out.ends_with("Saved.\n"), "{out}");
    assert!(!out.contains("K7Q-2MX"), "the caller prints the code");
    // Nothing answered: nothing to save, nothing claimed.
    let mut saver = Count(0, Vec::new());
    let (_, out, _) = drive(&qn, "", "", &mut saver);
    assert_eq!(saver.0, 0);
    assert!(!out.contains("Saved"));
}

/// Issue 15 item 7: the first failed save stops the interview, for staff (what failed and
/// why), keeps the answers, and retries on Enter; giving up leaves nothing claimed saved.
#[test]
fn a_failing_save_stops_the_interview_for_staff_and_retries_on_enter() {
    /// Fails the first `n` saves.
    struct FailFirst(usize, usize);
    impl Autosave for FailFirst {
        fn save(&mut self, _: &Interview<'_>, _: &str) -> Result<(), SaveError> {
            self.1 += 1;
            if self.1 <= self.0 {
                Err(SaveError("could not write /data/X.json: disk full".into()))
            } else {
                Ok(())
            }
        }
        fn code(&self) -> Option<&str> {
            (self.1 > self.0).then_some("K7Q-2MX")
        }
    }
    let qn = load_str(SMALL).unwrap();
    // "no" fails to save; the next lines are retries (the first fails again), then it goes on.
    let mut saver = FailFirst(2, 0);
    let (o, out, a) = drive(&qn, "en", "\nno\n1\n\n1\n", &mut saver);
    assert_eq!(
        out.matches("Could not save — please tell the staff.")
            .count(),
        2,
        "{out}"
    );
    assert!(
        out.contains("For staff: could not write /data/X.json: disk full"),
        "{out}"
    );
    assert!(out.contains("Press Enter to try again"), "{out}");
    assert_eq!(
        answer_of(&qn, &a, "work"),
        Some(Answer::Choice("working_now".into())),
        "after the retry worked the interview went on"
    );
    assert!(
        !out.contains("Do you work?") || out.find("Saved.") < out.find("Do you work?"),
        "the next question only after the save worked:\n{out}"
    );
    assert!(o.saved);
    // Stopping on the failure: nothing claimed saved, nothing further asked.
    let mut saver = FailFirst(usize::MAX, 0);
    let (o, out, a) = drive(&qn, "en", "\nno\n:q\n1\n", &mut saver);
    assert!(!o.saved && !o.finished, "{o:?}");
    assert!(!out.contains("Saved."), "{out}");
    assert!(!out.contains("Do you work?"), "{out}");
    assert_eq!(
        answer_of(&qn, &a, "has_children"),
        Some(Answer::Choice("no".into()))
    );
}

#[test]
fn script_answers_every_question_in_order() {
    let qn = load_str(SMALL).unwrap();
    let file = "answers:\n  has_children: \"yes\"\n  children_count: 2\n  papers: [leases, pay_stubs]\n  notes: \"two\\nlines\"\n";
    let lines = script_from_answers_file(&qn, file, today()).unwrap();
    assert_eq!(
        lines,
        [
            "",
            "yes",
            "2",
            "unknown",
            "pay_stubs,leases",
            "unknown",
            "two lines"
        ]
    );
    let (o, _, a) = drive(&qn, "en", &(lines.join("\n") + "\n"), &mut NoSave);
    assert!(o.finished);
    assert_eq!(
        o.asked,
        [
            "hello",
            "has_children",
            "children_count",
            "work",
            "papers",
            "entry_year",
            "notes"
        ]
    );
    assert_eq!(answer_of(&qn, &a, "work"), Some(Answer::Unknown));
}

#[test]
fn replay_returns_the_questions_asked() {
    let qn = load_str(SMALL).unwrap();
    let lines: Vec<String> = ["", "yes", "b", "", "4", "1", "none", "unknown", "x"]
        .map(String::from)
        .to_vec();
    let o = replay(&qn, &lines, today(), "en");
    assert!(o.finished);
    assert_eq!(
        o.asked,
        [
            "hello",
            "has_children",
            "children_count",
            "has_children",
            "children_count",
            "work",
            "papers",
            "entry_year",
            "notes"
        ]
    );
}

#[test]
fn changing_an_answer_says_what_was_set_aside_and_keeps_it() {
    let qn = load_str(SMALL).unwrap();
    let (o, out, a) = drive(&qn, "en", "\nyes\n3\nb\nb\nno\nb\nyes\n\n", &mut NoSave);
    assert!(
        out.contains("Because of this answer, 1 later answer no longer counts."),
        "{out}"
    );
    assert!(
        out.contains("1 answer you gave before counts again."),
        "{out}"
    );
    assert_eq!(
        answer_of(&qn, &a, "children_count"),
        Some(Answer::Number(3))
    );
    assert_eq!(o.asked.last().map(String::as_str), Some("work"));
}

#[test]
fn colon_q_stops_and_saves_like_end_of_input() {
    let qn = load_str(SMALL).unwrap();
    let (o, out, _) = drive(&qn, "en", "\nno\n:q\n1\n", &mut NoSave);
    assert!(!o.finished && o.saved);
    assert_eq!(
        o.asked,
        ["hello", "has_children", "work"],
        "nothing read after :q"
    );
    assert!(out.trim_end().ends_with("Saved."));
}

#[test]
fn summary_keeps_abbreviations_in_titles() {
    let qn = load_str(&SMALL.replace("Familia en EE. UU.", "Años en EE. UU.")).unwrap();
    let (o, out, _) = drive(&qn, "es", "\nsí\n2\n1\n1\n2001\nnada\n", &mut NoSave);
    assert!(o.finished);
    assert!(out.contains("  Años en EE. UU.: fuerte."), "{out}");
    assert!(
        out.contains("Porque usted dijo: ¿Tiene hijos? Sí."),
        "{out}"
    );
}
