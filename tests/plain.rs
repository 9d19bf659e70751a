//! Plain mode end to end on the built-in questionnaire: scenario answers typed line by line,
//! pasted novels, end of input, and (once `start` calls plain mode) the real binary.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::io::{self, BufRead, Read, Write};
use std::path::Path;
use std::rc::Rc;

use pd_intake::answer::Answer;
use pd_intake::answers_file;
use pd_intake::autosave::NoSave;
use pd_intake::date::Date;
use pd_intake::interview::{Interview, Position};
use pd_intake::load;
use pd_intake::model::Questionnaire;
use pd_intake::plain::{self, Outcome};
use pd_intake::scoring;

fn today() -> Date {
    Date::parse("2026-11-27").unwrap()
}

struct Run {
    outcome: Outcome,
    out: String,
    answers: Vec<Option<Answer>>,
}

fn drive(qn: &Questionnaire, lang: &str, input: &[u8]) -> Run {
    let mut iv = Interview::new(qn, today());
    let mut lang = lang.to_owned();
    let mut out = Vec::new();
    let outcome = plain::run(qn, &mut iv, &mut lang, input, &mut out, &mut NoSave).unwrap();
    assert!(!out.contains(&0x1b), "escape byte on stdout");
    Run {
        outcome,
        out: String::from_utf8(out).unwrap(),
        answers: iv.answers().to_vec(),
    }
}

/// The ids the engine visits walking forward with these answers (what any front end must ask).
fn engine_walk(qn: &Questionnaire, answers: &[Option<Answer>]) -> Vec<String> {
    let mut iv = Interview::new(qn, today());
    let mut ids = Vec::new();
    while let Position::Question(q) = iv.position() {
        ids.push(qn.questions[q].id.clone());
        if let Some(a) = answers[q].clone() {
            iv.record(q, a).unwrap();
        }
        iv.next();
    }
    ids
}

fn scenarios() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(p).unwrap(),
            )
        })
        .collect()
}

#[test]
fn every_scenario_typed_line_by_line_asks_the_engine_order_and_scores_like_the_file() {
    let qn = load::builtin();
    let found = scenarios();
    assert!(!found.is_empty(), "tests/scenarios has answer files");
    for (name, text) in found {
        let lines = plain::script_from_answers_file(&qn, &text, today())
            .unwrap_or_else(|d| panic!("{name}: {d:?}"));
        let run = drive(&qn, "en", (lines.join("\n") + "\n").as_bytes());
        assert!(run.outcome.finished, "{name}: reached the summary");
        assert!(run.out.contains("Your summary"), "{name}");
        assert!(
            !run.out.contains("?.") && !run.out.contains(".."),
            "{name}: sentences end once"
        );
        assert_eq!(
            run.outcome.asked,
            engine_walk(&qn, &run.answers),
            "{name}: plain mode asks what the engine visits"
        );

        // Plain mode recorded exactly what the file says, so it scores exactly like `score`.
        let file = answers_file::parse(&text, &["name", "today", "expect"]).unwrap();
        let matched = answers_file::apply(&qn, &file, today()).unwrap();
        let from_file = Interview::with_answers(&qn, today(), matched.answers);
        let typed = Interview::with_answers(&qn, today(), run.answers);
        assert_eq!(
            scoring::summarize(&typed, "en"),
            scoring::summarize(&from_file, "en"),
            "{name}"
        );
    }
}

#[test]
fn all_unknown_intake_in_spanish_completes_with_words_only() {
    let qn = load::builtin();
    let lines = plain::script(&qn, &[], today());
    let run = drive(&qn, "es", (lines.join("\n") + "\n").as_bytes());
    assert!(run.outcome.finished);
    assert!(
        run.out.contains("Su resumen")
            && run.out.contains("Preguntas para terminar con el personal"),
        "{}",
        run.out
    );
    for sym in ['✔', '○', '▲', '→', '│', '─', '•'] {
        assert!(!run.out.contains(sym), "decorative {sym}");
    }
}

#[test]
fn a_100_kb_paste_into_a_text_question_is_refused_then_the_interview_goes_on() {
    let qn = load::builtin();
    let country = qn.question_index("citizenship_country").unwrap();
    // Type unknown up to the country question, paste a novel, then a real answer.
    let mut input = String::new();
    let mut iv = Interview::new(&qn, today());
    while iv.current() != Some(country) {
        let q = iv.current().unwrap();
        input.push_str(if qn.questions[q].allow_unknown {
            "unknown\n"
        } else {
            "\n"
        });
        if qn.questions[q].allow_unknown {
            iv.record(q, Answer::Unknown).unwrap();
        }
        iv.next();
    }
    input.push_str(&"Mexico ".repeat(100 * 1024 / 7));
    input.push_str("\nMexico\n");
    let run = drive(&qn, "en", input.as_bytes());
    assert!(
        run.out
            .contains("The text is too long. Please use 80 characters or fewer."),
        "refused with the reason"
    );
    assert_eq!(run.answers[country], Some(Answer::Text("Mexico".into())));
    assert!(!run.outcome.finished, "input ended mid-interview");
    assert!(run.out.len() < 100 * 1024, "the paste is not echoed");
}

#[test]
fn end_of_input_mid_interview_stops_cleanly_with_answers_kept() {
    let qn = load::builtin();
    let run = drive(&qn, "en", b"\nno\n2\nunknown");
    assert!(!run.outcome.finished);
    assert_eq!(
        run.answers.iter().filter(|a| a.is_some()).count(),
        3,
        "{}",
        run.out
    );
    assert!(run.out.trim_end().ends_with("Saved."), "{}", run.out);
}

/// A reader that writes each line into the transcript as it is read ("> line"), to show a
/// session the way a person sees it at a console.
struct Echo {
    lines: VecDeque<String>,
    cur: Vec<u8>,
    at: usize,
    log: Rc<RefCell<Vec<u8>>>,
}

impl Read for Echo {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.fill_buf()?.read(buf)?;
        self.consume(n);
        Ok(n)
    }
}

impl BufRead for Echo {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.at == self.cur.len() {
            if let Some(l) = self.lines.pop_front() {
                writeln!(self.log.borrow_mut(), "> {l}")?;
                self.cur = format!("{l}\n").into_bytes();
                self.at = 0;
            }
        }
        Ok(&self.cur[self.at..])
    }
    fn consume(&mut self, n: usize) {
        self.at += n;
    }
}

struct Shared(Rc<RefCell<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, b: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// `cargo test --test plain transcript -- --ignored --nocapture` prints a whole session.
#[test]
#[ignore = "prints a transcript for people to read"]
fn transcript() {
    let qn = load::builtin();
    let scenario =
        std::env::var("SCENARIO").unwrap_or_else(|_| "long_time_parent_with_papers".into());
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/scenarios/{scenario}.yaml")),
    )
    .unwrap();
    let mut lines: VecDeque<String> = plain::script_from_answers_file(&qn, &text, today())
        .unwrap()
        .into();
    // Show the commands once: help and a refused answer at question 1, back and keep at
    // question 2, a language round trip at question 3 (lines[0] is the welcome screen).
    for (at, extra) in [(3, [":es", ":en"]), (2, ["b", ""]), (1, ["?", "maybe"])] {
        for l in extra.iter().rev() {
            lines.insert(at, (*l).into());
        }
    }
    // The language question comes first: 1 = English, 2 = Español.
    lines.push_front(
        if std::env::var("LANG_CHOICE").as_deref() == Ok("es") {
            "2"
        } else {
            "1"
        }
        .into(),
    );
    let log = Rc::new(RefCell::new(Vec::new()));
    let input = Echo {
        lines,
        cur: Vec::new(),
        at: 0,
        log: log.clone(),
    };
    let mut iv = Interview::new(&qn, today());
    let mut lang = String::new();
    let o = plain::run(
        &qn,
        &mut iv,
        &mut lang,
        input,
        Shared(log.clone()),
        &mut NoSave,
    )
    .unwrap();
    assert!(o.finished);
    print!("{}", String::from_utf8(log.borrow().clone()).unwrap());
}

/// The real binary with piped stdin: plain mode is chosen, completes, prints no escape byte.
#[test]
fn piped_answers_complete_an_intake_with_the_binary() {
    let qn = load::builtin();
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/scenarios/long_time_parent_with_papers.yaml"),
    )
    .unwrap();
    let lines = plain::script_from_answers_file(&qn, &text, today()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = assert_cmd::Command::cargo_bin("pd-intake")
        .unwrap()
        .args([
            "--plain",
            "--lang",
            "en",
            "--today",
            "2026-11-27",
            "--data-dir",
        ])
        .arg(dir.path())
        .write_stdin(lines.join("\n") + "\n")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!out.stdout.contains(&0x1b), "no escape byte on stdout");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("Your summary") && stdout.contains("Your strongest points"),
        "{stdout}"
    );
}

/// The command of issue 8 without `--lang`: the language is asked; input ends mid-interview.
#[test]
fn binary_asks_the_language_and_saves_at_end_of_input() {
    let dir = tempfile::tempdir().unwrap();
    let out = assert_cmd::Command::cargo_bin("pd-intake")
        .unwrap()
        .args(["--plain", "--today", "2026-11-27", "--data-dir"])
        .arg(dir.path())
        .write_stdin("2\n\nno\nno\n")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!out.stdout.contains(&0x1b));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.starts_with("Choose your language. Elija su idioma."),
        "{stdout}"
    );
    assert!(
        stdout.contains("¿Tiene ahora una orden de deportación?"),
        "{stdout}"
    );
    assert!(stdout.contains("Guardado."), "{stdout}");
    assert!(
        stdout.matches("Su código para seguir después").count() <= 1,
        "the code once:\n{stdout}"
    );
    assert!(
        std::fs::read_dir(dir.path()).unwrap().next().is_some(),
        "something was written to the data folder"
    );
}
