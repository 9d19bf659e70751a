//! Plain mode: the line-by-line front end for screen readers, braille displays, plain consoles
//! and scripts. Each question is printed once as plain lines (no escape codes, no redraws, no
//! decorative symbols); one typed line answers it. The engine decides everything else.

use std::io::{self, BufRead, Write};
use std::sync::Arc;

use crate::answer::{DEFAULT_MAX_CHARS, Invalid};
use crate::autosave::Autosave;
use crate::i18n::{self, strings};
use crate::interview::{Interview, Position, Recorded};
use crate::model::{Kind, QIdx, Questionnaire};
use crate::scoring;
use crate::setup::Setup;

mod guarded;
mod parse;
mod read;
mod script;
mod show;
mod summary;
mod voice;
pub mod watch;

pub use parse::{Command, command};
pub use read::{LINE_LIMIT, Line, next_line};
pub use script::{replay, replay_recording, script, script_from_answers_file};
pub use summary::render as summary_lines;
pub use watch::Watch;

/// What happened, for the caller (exit status) and the parity test.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Ids of the questions shown, in order (info screens included; a question shown again
    /// after "back" appears again; reprints after invalid input or `?` do not).
    pub asked: Vec<String>,
    /// The applicant reached the summary.
    pub finished: bool,
    /// The last save succeeded (false if saving failed or nothing needed saving).
    pub saved: bool,
    /// It ended while locked (left alone, then stopped without the code): the caller must
    /// not show the code.
    pub locked: bool,
    /// A signal (Ctrl-C, SIGTERM) ended it; the code was already shown.
    pub interrupted: bool,
}

/// How plain mode runs beyond its input and output.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Encryption (the privacy sentence) and the idle lock.
    pub setup: Setup,
    /// On a real terminal: signals and the idle lock (see `watch`).
    pub watch: Option<Arc<Watch>>,
    /// The data folder, named for staff when a save fails.
    pub data_dir: Option<String>,
    /// `--read-aloud`: read each question aloud too, with `--speech-command` or the system voice.
    pub read_aloud: bool,
    pub speech_command: Option<String>,
}

/// Whether to use plain mode instead of the full-screen interview.
pub fn wants_plain(
    flag: bool,
    term: Option<&str>,
    accessible: Option<&str>,
    stdin_tty: bool,
    stdout_tty: bool,
) -> bool {
    let dumb = term.is_some_and(|t| t.trim() == "dumb");
    let accessible = accessible.is_some_and(|a| !matches!(a.trim(), "" | "0" | "false" | "no"));
    flag || dumb || accessible || !stdin_tty || !stdout_tty
}

/// Runs an interview line by line until the summary, `:q` or the end of input. `lang` empty
/// means "ask at the start" (when the questionnaire has several languages); the language in
/// effect at the end is left in `lang`. Saves after every answer and language switch.
pub fn run<R: BufRead, W: Write>(
    qn: &Questionnaire,
    iv: &mut Interview<'_>,
    lang: &mut String,
    input: R,
    output: W,
    saver: &mut dyn Autosave,
) -> io::Result<Outcome> {
    run_with(qn, iv, lang, input, output, saver, &Options::default())
}

/// `run`, with the setup and (on a terminal) the watch over signals and idle time.
pub fn run_with<R: BufRead, W: Write>(
    qn: &Questionnaire,
    iv: &mut Interview<'_>,
    lang: &mut String,
    input: R,
    output: W,
    saver: &mut dyn Autosave,
    opts: &Options,
) -> io::Result<Outcome> {
    let mut s = Session {
        opts,
        voice: opts
            .read_aloud
            .then(|| voice::Voice::new(crate::speech::Speaker::new(opts.speech_command.clone()))),
        gave_up: false,
        unlock_failures: 0,
        qn,
        iv,
        lang,
        input,
        out: output,
        saver,
        told_save_failed: false,
        last_section: None,
        outcome: Outcome::default(),
    };
    s.start()?;
    let r = s.main_loop();
    s.out.flush()?;
    r?;
    Ok(s.outcome)
}

struct Session<'a, 'q, R, W> {
    opts: &'a Options,
    /// Saving failed and the person stopped instead of trying again.
    gave_up: bool,
    unlock_failures: u32,
    qn: &'a Questionnaire,
    iv: &'a mut Interview<'q>,
    lang: &'a mut String,
    input: R,
    out: W,
    saver: &'a mut dyn Autosave,
    told_save_failed: bool,
    last_section: Option<usize>,
    outcome: Outcome,
    voice: Option<voice::Voice>,
}

/// Where a question leaves the loop.
enum Step {
    Moved,
    Stop,
}

impl<R: BufRead, W: Write> Session<'_, '_, R, W> {
    /// Writes lines with every control character (ESC included) blanked: content and typed
    /// text come from outside, and a stray escape code would confuse a screen reader.
    fn say<S: AsRef<str>>(&mut self, lines: impl IntoIterator<Item = S>) -> io::Result<()> {
        for l in lines {
            let clean: String = l
                .as_ref()
                .chars()
                .map(|c| if c.is_control() && c != '\t' { ' ' } else { c })
                .collect();
            writeln!(self.out, "{}", clean.trim_end())?;
        }
        self.out.flush()
    }

    fn start(&mut self) -> io::Result<()> {
        if self.qn.languages.len() <= 1 {
            *self.lang = self.qn.default_language().to_owned();
        } else if self.lang.is_empty() || !self.qn.has_language(self.lang) {
            if self.lang.is_empty() && !self.choose_language()? {
                return Ok(());
            }
            if !self.qn.has_language(self.lang) {
                *self.lang = self.qn.default_language().to_owned();
            }
        }
        let s = strings(self.lang);
        let (title, notice) = (
            self.qn.title.get(self.lang).to_owned(),
            self.qn.notice.get(self.lang).to_owned(),
        );
        self.say([title, s.plain_intro.to_owned()])?;
        self.say(show::text_lines(&notice))
    }

    /// Asks for the language once, in every language offered. False at end of input.
    fn choose_language(&mut self) -> io::Result<bool> {
        let qn = self.qn;
        let ask: Vec<&str> = qn
            .languages
            .iter()
            .map(|l| i18n::strings(&l.code).welcome_choose_language)
            .collect();
        loop {
            let mut lines = vec![format!("{}.", ask.join(". "))];
            lines.extend(
                qn.languages
                    .iter()
                    .enumerate()
                    .map(|(i, l)| format!("{}. {}", i + 1, l.name)),
            );
            self.say(lines)?;
            let typed = match self.read(None)? {
                Line::Eof => return Ok(false),
                Line::TooLong => String::new(),
                Line::Text(t) => t.trim().to_lowercase(),
            };
            let by_number = typed
                .parse::<usize>()
                .ok()
                .and_then(|n| n.checked_sub(1))
                .and_then(|i| qn.languages.get(i));
            let found = by_number.or_else(|| {
                let code = typed.trim_start_matches(':');
                qn.languages
                    .iter()
                    .find(|l| l.code == code || l.name.to_lowercase() == typed)
            });
            if let Some(l) = found {
                *self.lang = l.code.clone();
                return Ok(true);
            }
            let why: Vec<String> = qn
                .languages
                .iter()
                .map(|l| i18n::invalid(&l.code, &Invalid::NotAChoice(typed.clone())))
                .collect();
            self.say([why.join(" ")])?;
        }
    }

    fn main_loop(&mut self) -> io::Result<()> {
        if self.lang.is_empty() {
            return Ok(()); // end of input while choosing the language: nothing to save
        }
        loop {
            match self.iv.position() {
                Position::End => match self.iv.first_open() {
                    Position::Question(q) => {
                        self.iv.go_to(q);
                    }
                    Position::End => return self.finish(),
                },
                Position::Question(q) => {
                    if let Step::Stop = self.ask(q)? {
                        return self.stop();
                    }
                }
            }
        }
    }

    /// Shows a question and reads lines until it is answered, left with back, or input ends.
    fn ask(&mut self, q: QIdx) -> io::Result<Step> {
        self.outcome.asked.push(self.qn.questions[q].id.clone());
        self.show(q)?;
        self.read_aloud(q)?;
        let qn = self.qn;
        let question = &qn.questions[q];
        loop {
            let line = self.read(Some(q))?;
            if let Some(v) = &mut self.voice {
                v.hush(); // a line typed: the voice stops, as for any key in the full screen
            }
            let cmd = match line {
                Line::Eof => return Ok(Step::Stop),
                Line::TooLong if question.kind == Kind::Info => Command::Empty,
                Line::TooLong => {
                    self.refuse(
                        q,
                        &Invalid::TooLong(question.max_chars.unwrap_or(DEFAULT_MAX_CHARS)),
                    )?;
                    continue;
                }
                Line::Text(t) => command(&t),
            };
            match cmd {
                Command::Stop => return Ok(Step::Stop),
                Command::Help => {
                    let lines = show::help(self.iv, q, self.lang, self.opts.setup.encrypted);
                    self.say(lines)?;
                }
                Command::Back => {
                    if self.iv.back() {
                        return Ok(Step::Moved);
                    }
                    self.say([strings(self.lang).plain_first])?;
                }
                Command::Language(code) => {
                    if self.qn.has_language(&code) {
                        *self.lang = code;
                        if !self.save()? {
                            return Ok(Step::Stop);
                        }
                        self.last_section = None;
                        self.show(q)?;
                    } else {
                        self.refuse(q, &Invalid::NotAChoice(format!(":{code}")))?;
                    }
                }
                _ if question.kind == Kind::Info => {
                    self.iv.next();
                    return Ok(Step::Moved);
                }
                Command::Empty if self.iv.stored(q).is_some() => {
                    self.iv.next();
                    return Ok(Step::Moved);
                }
                Command::Empty => self.refuse(q, &Invalid::Empty)?,
                Command::Answer(typed) => {
                    // Only the choices on offer can be typed (a choice's `when`).
                    let recorded = parse::answer(&self.iv.offered(q), &typed, self.lang)
                        .and_then(|a| self.iv.record(q, a));
                    match recorded {
                        Ok(r) => {
                            if !self.save()? {
                                return Ok(Step::Stop);
                            }
                            if let Some(crate::answer::Answer::Date(d)) = self.iv.stored(q) {
                                // How the typed date was read (day or month first), so a
                                // slip can be fixed with "b".
                                let said = i18n::fill(
                                    strings(self.lang).date_understood,
                                    &[("date", i18n::long_date(self.lang, *d))],
                                );
                                self.say([said])?;
                            }
                            self.tell_changes(&r)?;
                            self.iv.next();
                            return Ok(Step::Moved);
                        }
                        Err(e) => self.refuse(q, &e)?,
                    }
                }
            }
        }
    }

    fn show(&mut self, q: QIdx) -> io::Result<()> {
        let section = self.qn.questions[q].section;
        let mut lines = vec![String::new()];
        if self.last_section != Some(section) {
            self.last_section = Some(section);
            lines.push(self.qn.sections[section].title.get(self.lang).to_owned());
        }
        lines.extend(show::question(
            self.iv,
            q,
            self.lang,
            self.opts.setup.encrypted,
        ));
        self.say(lines)
    }

    /// Says why the line was not taken, then repeats the question.
    fn refuse(&mut self, q: QIdx, why: &Invalid) -> io::Result<()> {
        self.say([i18n::invalid(self.lang, why)])?;
        self.show(q)
    }

    fn tell_changes(&mut self, r: &Recorded) -> io::Result<()> {
        let s = strings(self.lang);
        let mut lines = Vec::new();
        if !r.set_aside.is_empty() {
            lines.push(i18n::count(self.lang, &s.set_aside, r.set_aside.len()));
        }
        if !r.restored.is_empty() {
            lines.push(i18n::count(self.lang, &s.restored, r.restored.len()));
        }
        self.say(lines)
    }

    fn finish(&mut self) -> io::Result<()> {
        if !self.save()? {
            return Ok(());
        }
        self.outcome.finished = true;
        let summary = scoring::summarize(self.iv, self.lang);
        let mut lines = vec![String::new()];
        lines.extend(summary::render(self.qn, &summary, self.lang));
        self.say(lines)
    }

    /// End of input or `:q`: keep what was answered. The caller prints the code to continue
    /// later (`Autosave::code`), as it does after the full-screen interview.
    fn stop(&mut self) -> io::Result<()> {
        if self.gave_up || self.iv.answers().iter().all(Option::is_none) {
            return Ok(());
        }
        if self.save()? {
            let saved = format!("{}.", strings(self.lang).saved);
            self.say([String::new(), saved])?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
