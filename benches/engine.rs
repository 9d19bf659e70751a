//! How the engine's costs grow with the questionnaire: load, check, one key press (answer +
//! next, a typed character, a frame), and scoring, on the built-in file and on generated
//! files of 100 to 100,000 questions. Run: `cargo bench --bench engine`.
//! Per-key-press work must stay flat as the file grows; load, check and scoring may grow.

#[path = "support/gen.rs"]
mod generate;

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use divan::{Bencher, black_box};
use pd_intake::answer::{self, Answer};
use pd_intake::check::{self, Locator};
use pd_intake::date::Date;
use pd_intake::interview::{Interview, Position};
use pd_intake::model::{Kind, QIdx, Question, Questionnaire};
use pd_intake::tui::App;
use pd_intake::tui::draw::draw;
use pd_intake::tui::input::Action;
use pd_intake::tui::theme::Theme;
use pd_intake::{load, scoring, yaml};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SIZES: [&str; 5] = ["builtin", "100", "1000", "10000", "100000"];
/// Load + check grows a little faster than the file (see BENCHMARKS.md): about 3 s a run at
/// 100,000 questions.
const CHECK_SIZES: [&str; 5] = ["builtin", "100", "1000", "10000", "100000"];

fn main() {
    divan::main();
}

fn today() -> Date {
    Date::new(2026, 11, 27).unwrap()
}

/// The question file's text for a size label (generated once).
fn source(size: &str) -> &'static str {
    static CACHE: LazyLock<Mutex<HashMap<String, &'static str>>> = LazyLock::new(Default::default);
    let mut c = CACHE.lock().unwrap();
    c.entry(size.to_owned()).or_insert_with(|| match size {
        "builtin" => load::BUILTIN_TEXT,
        n => Box::leak(generate::questionnaire(n.parse().unwrap()).into_boxed_str()),
    })
}

/// The loaded questionnaire for a size label (loaded once, kept for the whole run).
fn questionnaire(size: &str) -> &'static Questionnaire {
    static CACHE: LazyLock<Mutex<HashMap<String, &'static Questionnaire>>> =
        LazyLock::new(Default::default);
    let text = source(size);
    let mut c = CACHE.lock().unwrap();
    c.entry(size.to_owned())
        .or_insert_with(|| Box::leak(Box::new(load::load_str(text).unwrap())))
}

/// A valid answer a careful applicant might give; "I don't know" when nothing simple fits.
fn plausible(q: &Question, flip: bool) -> Option<Answer> {
    let pick = usize::from(flip && q.choices.len() > 1);
    let candidates = match q.kind {
        Kind::Info => return None,
        Kind::YesNo | Kind::SingleChoice => vec![Answer::Choice(q.choices[pick].id.clone())],
        Kind::MultiChoice => vec![Answer::Choices(vec![q.choices[pick].id.clone()])],
        Kind::Number => vec![Answer::Number(q.min.unwrap_or(0).max(3))],
        Kind::Year => vec![Answer::Number(2005), Answer::Number(2020)],
        Kind::Date => vec![Answer::Date(Date::new(2020, 1, 15).unwrap())],
        Kind::Text => vec![Answer::Text("We live with my aunt.".into())],
    };
    candidates
        .into_iter()
        .find(|a| answer::validate(q, a, today()).is_ok())
        .or(Some(Answer::Unknown))
}

/// An interview with the first half of the visible questions answered, standing on the
/// next open one: a typical moment in the middle of a long intake.
fn halfway(qn: &'static Questionnaire) -> Interview<'static> {
    let mut iv = Interview::new(qn, today());
    let stop = qn.questions.len() / 2;
    while let Position::Question(q) = iv.position() {
        if q >= stop {
            break;
        }
        if let Some(a) = plausible(&qn.questions[q], false) {
            let _ = iv.record(q, a);
        }
        iv.next();
    }
    iv
}

/// The next question (at or after the current one) that is not an info screen.
fn answerable(iv: &Interview<'_>) -> QIdx {
    let qn = iv.questionnaire();
    iv.visible_questions()
        .skip_while(|q| Some(*q) != iv.current())
        .find(|q| !matches!(qn.questions[*q].kind, Kind::Info | Kind::Text))
        .unwrap()
}

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn load_only(bencher: Bencher, size: &str) {
    let text = source(size);
    bencher.bench(|| load::load_str(black_box(text)).unwrap());
}

/// What `pd-intake check FILE` does after reading the file: load, then every warning.
#[divan::bench(args = CHECK_SIZES, sample_count = 5, sample_size = 1)]
fn load_and_check(bencher: Bencher, size: &str) {
    let text = source(size);
    bencher.bench(|| check::check_source(black_box(text), &check::Options::default()));
}

/// Only the warnings, on an already loaded questionnaire.
#[divan::bench(args = CHECK_SIZES, sample_count = 5, sample_size = 1)]
fn check_warnings(bencher: Bencher, size: &str) {
    let qn = questionnaire(size);
    let tree = yaml::parse(source(size)).unwrap();
    let loc = Locator::new(Some(&tree));
    bencher.bench(|| check::warnings(black_box(qn), &loc, &check::Options::default()));
}

/// One key press that answers: record a (changing) answer, then move to the next question.
#[divan::bench(args = SIZES)]
fn answer_and_next(bencher: Bencher, size: &str) {
    let qn = questionnaire(size);
    let mut iv = halfway(qn);
    let q = answerable(&iv);
    let mut flip = false;
    bencher.bench_local(|| {
        flip = !flip;
        iv.go_to(q);
        let _ = iv.record(q, plausible(&qn.questions[q], flip).unwrap());
        black_box(iv.next());
        black_box(iv.progress());
    });
}

/// For comparison: recomputing visibility and progress over every question, which is what
/// each answer cost before the engine updated only what an answer affects.
#[divan::bench(args = SIZES, sample_count = 20)]
fn full_recompute(bencher: Bencher, size: &str) {
    let qn = questionnaire(size);
    let answers = halfway(qn).answers().to_vec();
    bencher.bench(|| Interview::with_answers(qn, today(), black_box(answers.clone())));
}

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(80, 24)).unwrap()
}

/// Drawing the current question screen at 80x24.
#[divan::bench(args = SIZES)]
fn draw_frame(bencher: Bencher, size: &str) {
    let app = App::new(halfway(questionnaire(size)), "en");
    let theme = Theme::new(false, true);
    let mut t = terminal();
    bencher.bench_local(|| t.draw(|f| draw(f, &app, &theme)).map(|_| ()).unwrap());
}

/// A key press on a question: Down (focus moves), then the frame it causes.
#[divan::bench(args = SIZES)]
fn key_down_and_draw(bencher: Bencher, size: &str) {
    let mut app = App::new(halfway(questionnaire(size)), "en");
    let theme = Theme::new(false, true);
    let mut t = terminal();
    bencher.bench_local(|| {
        app.handle(Action::Down);
        t.draw(|f| draw(f, &app, &theme)).map(|_| ()).unwrap()
    });
}

/// Typing one character into a text answer, then the frame it causes.
#[divan::bench(args = SIZES)]
fn type_char_and_draw(bencher: Bencher, size: &str) {
    let qn = questionnaire(size);
    let mut iv = halfway(qn);
    let text_q = iv
        .visible_questions()
        .find(|q| qn.questions[*q].kind == Kind::Text)
        .unwrap();
    iv.go_to(text_q);
    // Resumed with answers, the app opens on the current question, not the welcome screen.
    let mut app = App::new(iv, "en");
    let theme = Theme::new(false, true);
    let mut t = terminal();
    let mut n = 0u32;
    bencher.bench_local(|| {
        n += 1;
        // Keep the field short so every press does the same work.
        let key = if n.is_multiple_of(2) {
            Action::Backspace
        } else {
            Action::Char('a')
        };
        app.handle(key);
        t.draw(|f| draw(f, &app, &theme)).map(|_| ()).unwrap()
    });
}

/// The summary from a finished interview (done once, at the end).
#[divan::bench(args = SIZES, sample_count = 20)]
fn score(bencher: Bencher, size: &str) {
    let qn = questionnaire(size);
    let mut iv = Interview::new(qn, today());
    while let Position::Question(q) = iv.position() {
        if let Some(a) = plausible(&qn.questions[q], false) {
            let _ = iv.record(q, a);
        }
        iv.next();
    }
    bencher.bench(|| scoring::summarize(black_box(&iv), "en"));
}
