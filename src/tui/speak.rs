//! Read aloud in the full-screen interview: F5 reads the screen, read-aloud mode reads each
//! new screen by itself, any key stops the voice. The runner tells the reader about each
//! action as it arrives (to stop at once) and after each frame (to start speaking only once
//! the screen is drawn, so a voice never delays a frame).

use super::app::{App, Message, Screen};
use super::draw::input_hint;
use super::input::Action;
use crate::i18n::strings;
use crate::model::Kind;
use crate::report::view::answer_words;
use crate::scoring::Because;
use crate::speech::{self, Speaker};

/// What makes a screen "new" for read-aloud mode.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Shown {
    screen: Screen,
    question: Option<usize>,
    lang: String,
    help: bool,
    read_aloud: bool,
}

impl Shown {
    fn of(app: &App<'_>) -> Shown {
        Shown {
            screen: app.screen,
            question: app.iv.current(),
            lang: app.lang.clone(),
            help: app.help_open,
            read_aloud: app.read_aloud,
        }
    }
}

pub struct Reader {
    speaker: Speaker,
    last: Option<Shown>,
    /// F5 pressed, or F2 pressed while the voice was reading: read after the next frame.
    asked: bool,
    told_no_voice: bool,
}

impl Reader {
    pub fn new(speaker: Speaker) -> Self {
        Reader {
            speaker,
            last: None,
            asked: false,
            told_no_voice: false,
        }
    }

    /// An action has arrived: any key silences the voice at once. F5 asks for the screen;
    /// F2 while reading asks again, in the new language.
    pub fn heard(&mut self, action: &Action) {
        if matches!(action, Action::Resize(..)) {
            return;
        }
        let was_reading = self.speaker.speaking();
        self.speaker.stop();
        self.asked = *action == Action::ReadAloud || (*action == Action::Language && was_reading);
    }

    /// The frame is on screen: speak if asked, or if read-aloud mode is on and the screen is
    /// new. Returns true when the screen must be drawn again (the no-voice message).
    pub fn after_frame(&mut self, app: &mut App<'_>) -> bool {
        if matches!(app.screen, Screen::Locked | Screen::Break | Screen::Leaving) {
            // However the screen got there (a key, or the idle timer), the voice goes quiet.
            self.speaker.stop();
        }
        let now = Shown::of(app);
        let new = self.last.as_ref() != Some(&now);
        self.last = Some(now);
        let wanted = std::mem::take(&mut self.asked) || (app.read_aloud && new);
        if !wanted {
            return false;
        }
        let spoken = match recorded(app) {
            Some(files) => self.speaker.play(&files, &app.lang),
            None => {
                let words = screen_words(app);
                if words.is_empty() {
                    return false;
                }
                self.speaker.say(&words, &app.lang)
            }
        };
        match spoken {
            Ok(()) => false,
            Err(speech::NoVoice) if !self.told_no_voice => {
                self.told_no_voice = true;
                app.message = Some(Message::Info(strings(&app.lang).no_voice.to_owned()));
                true
            }
            Err(speech::NoVoice) => false,
        }
    }
}

/// The recordings for the screen, if it is a question recorded in the interview's language.
fn recorded(app: &App<'_>) -> Option<Vec<std::path::PathBuf>> {
    if app.screen != Screen::Question || app.help_open {
        return None;
    }
    speech::recordings(&app.iv.offered(app.iv.current()?), &app.lang)
}

/// The words of the screen as it is now (nothing for the lock screen: it hides the intake).
pub fn screen_words(app: &App<'_>) -> String {
    let qn = app.iv.questionnaire();
    let lang = app.lang.as_str();
    match app.screen {
        Screen::Welcome => speech::welcome_words(qn, lang, app.read_aloud),
        Screen::Question => {
            // Only the choices the screen offers (a choice's `when` may hide it).
            let Some(q) = app.iv.current().map(|i| app.iv.offered(i)) else {
                return String::new();
            };
            let q = &q;
            // The text field's counter ("0/200") is not worth saying; the examples are.
            let hint = match q.kind {
                Kind::Text => None,
                k => input_hint(app, k),
            };
            speech::question_words(q, lang, app.help_open, hint.as_deref(), app.encrypted)
        }
        Screen::Review => {
            let s = strings(lang);
            let mut lines = vec![s.review.to_owned()];
            for i in app.review_items() {
                let question = &qn.questions[i];
                let answer = app.iv.stored(i).map(|a| {
                    answer_words(
                        qn,
                        &Because {
                            question: question.id.clone(),
                            answer: a.to_json(),
                        },
                        lang,
                    )
                });
                lines.push(format!(
                    "{} {}",
                    question.text.get(lang),
                    answer.unwrap_or_default()
                ));
            }
            lines
                .iter()
                .map(|l| speech::spoken_text(l, lang))
                .collect::<Vec<_>>()
                .join(".\n")
        }
        Screen::Summary => app
            .summary
            .as_ref()
            .map(|v| speech::summary_words(v, lang))
            .unwrap_or_default(),
        // The lock screen hides the intake; the break and leaving screens show the resume
        // code, which a voice would tell the whole room; a failed save is for staff.
        Screen::Locked | Screen::Break | Screen::Leaving | Screen::SaveFailed => String::new(),
    }
}

#[cfg(all(test, unix))]
#[path = "speak_tests.rs"]
mod tests;
