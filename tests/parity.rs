//! Parity of the two front ends: for the same answers, the full-screen interview and plain
//! mode ask exactly the same questions in the same order and record the same answers (one
//! engine, one meaning of typed words, two renderers).

use pd_intake::answer::Answer;
use pd_intake::answers_file;
use pd_intake::date::Date;
use pd_intake::interview::Interview;
use pd_intake::load;
use pd_intake::model::{Kind, Questionnaire};
use pd_intake::plain;
use pd_intake::tui::App;
use pd_intake::tui::app::{Row, Screen};
use pd_intake::tui::input::Action;

fn today() -> Date {
    Date::parse("2026-11-27").unwrap()
}

/// Walks the full-screen app with keys, answering from `answers` ("I don't know" where a
/// question has no answer), and returns the ids of the questions it showed, in order.
fn tui_sequence(qn: &Questionnaire, answers: &[Option<Answer>], lang: &str) -> Vec<String> {
    tui_recording(qn, answers, lang).0
}

/// The words a person would type for "I don't know" in a field, in `lang`.
fn dont_know_words(lang: &str) -> &'static str {
    if lang == "es" {
        "no se"
    } else {
        "I don't know"
    }
}

/// A date as typed in `lang` (day first in Spanish, month first in English).
fn typed_date(d: &Date, lang: &str) -> String {
    if lang == "es" {
        format!("{}/{:02}/{}", d.day, d.month, d.year)
    } else {
        format!("{:02}/{}/{}", d.month, d.day, d.year)
    }
}

/// `tui_sequence`, also returning the answers the app recorded. In fields, "I don't know"
/// is typed as words and dates in the language's own order, as a person would.
fn tui_recording(
    qn: &Questionnaire,
    answers: &[Option<Answer>],
    lang: &str,
) -> (Vec<String>, Vec<Option<Answer>>) {
    let mut app = App::new(Interview::new(qn, today()), lang);
    app.handle(Action::Enter); // welcome: language already chosen
    let mut asked = Vec::new();
    for _ in 0..10_000 {
        if app.screen == Screen::Summary {
            return (asked, app.iv.answers().to_vec());
        }
        assert_eq!(
            app.screen,
            Screen::Question,
            "unexpected screen after {asked:?}"
        );
        let q = app.question().expect("a question");
        asked.push(q.id.clone());
        let qi = qn.question_index(&q.id).unwrap();
        let rows = app.rows();
        let focus_on = |app: &mut App<'_>, row: Row| {
            let target = rows.iter().position(|r| *r == row).expect("row exists");
            app.handle(Action::Home);
            for _ in 0..target {
                app.handle(Action::Down);
            }
        };
        let field = rows.contains(&Row::Input);
        match (q.kind, answers[qi].clone()) {
            (Kind::Info, _) => {}
            (_, None | Some(Answer::Unknown)) if field => {
                focus_on(&mut app, Row::Input);
                app.handle(Action::Paste(dont_know_words(lang).into()));
            }
            (_, Some(Answer::Date(d))) => {
                focus_on(&mut app, Row::Input);
                app.handle(Action::Paste(typed_date(&d, lang)));
            }
            (_, None | Some(Answer::Unknown)) => focus_on(&mut app, Row::DontKnow),
            (_, Some(Answer::Declined)) => focus_on(&mut app, Row::RatherNotSay),
            (_, Some(Answer::Choice(c))) => focus_on(
                &mut app,
                Row::Choice(q.choices.iter().position(|x| x.id == c).unwrap()),
            ),
            (_, Some(Answer::Choices(cs))) => {
                for c in cs {
                    focus_on(
                        &mut app,
                        Row::Choice(q.choices.iter().position(|x| x.id == c).unwrap()),
                    );
                    app.handle(Action::Toggle);
                }
            }
            (_, Some(a)) => {
                focus_on(&mut app, Row::Input);
                app.handle(Action::Paste(a.notation()));
            }
        }
        app.handle(Action::Submit);
        assert!(
            app.message.is_none()
                || !matches!(app.message, Some(pd_intake::tui::app::Message::Error(_))),
            "refused at {}: {:?}",
            q.id,
            app.message
        );
    }
    panic!("the interview did not end");
}

#[test]
fn both_front_ends_ask_the_same_questions_for_every_scenario() {
    let qn = load::builtin();
    let mut checked = 0;
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/scenarios")).unwrap()
    {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "yaml") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let file = answers_file::parse(&text, &["name", "today", "expect"]).unwrap();
        let matched = answers_file::apply(&qn, &file, today()).unwrap();
        for lang in ["en", "es"] {
            let (tui, tui_answers) = tui_recording(&qn, &matched.answers, lang);
            let lines = plain::script_from_answers_file(&qn, &text, today()).unwrap();
            let (plain, plain_answers) = plain::replay_recording(&qn, &lines, today(), lang);
            assert!(
                plain.finished,
                "{}: plain mode did not finish",
                path.display()
            );
            assert_eq!(
                tui,
                plain.asked,
                "{} ({lang}): the front ends asked different questions",
                path.display()
            );
            for (i, q) in qn.questions.iter().enumerate() {
                assert_eq!(
                    tui_answers[i],
                    plain_answers[i],
                    "{} ({lang}): the front ends recorded different answers to {}",
                    path.display(),
                    q.id
                );
            }
            assert!(plain_answers.iter().any(Option::is_some));
            checked += 1;
        }
    }
    assert!(checked >= 24, "only {checked} scenario runs");
}

#[test]
fn parity_holds_on_the_all_kinds_fixture_with_mostly_unknown() {
    let qn = load::load_str(include_str!("fixtures/all_kinds.yaml")).unwrap();
    let answers = vec![None; qn.questions.len()];
    for lang in ["en", "es"] {
        let (tui, tui_answers) = tui_recording(&qn, &answers, lang);
        let lines = plain::script(&qn, &answers, today());
        let (plain, plain_answers) = plain::replay_recording(&qn, &lines, today(), lang);
        assert_eq!(tui, plain.asked);
        assert_eq!(tui_answers, plain_answers, "{lang}");
        // Typed "I don't know" words in the fields are "I don't know" in both.
        let notes = qn.question_index("notes").unwrap();
        assert_eq!(tui_answers[notes], Some(Answer::Unknown), "{lang}");
    }
    let tui = tui_sequence(&qn, &answers, "en");
    assert!(tui.contains(&"notes".to_owned()));
}
