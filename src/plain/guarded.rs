//! Plain mode's guarded steps: a save that fails stops the interview until it works, and a
//! line read while the interview is locked is a code attempt and nothing else.

use std::io::{self, BufRead, Write};

use super::{Command, Line, Session, command, next_line, watch};
use crate::i18n::{self, fill, strings};
use crate::model::QIdx;

impl<R: BufRead, W: Write> Session<'_, '_, R, W> {
    /// Saves. A failure stops the interview here, for staff: what failed and why, and a retry
    /// on Enter; the answers stay in memory. False when the person stopped instead (or input
    /// ended) with the answers not saved.
    pub(super) fn save(&mut self) -> io::Result<bool> {
        loop {
            let why = match self.saver.save(self.iv, self.lang) {
                Ok(()) => {
                    self.outcome.saved = true;
                    if let Some(w) = &self.opts.watch {
                        w.saved(self.saver.code(), self.lang);
                    }
                    if self.told_save_failed {
                        self.told_save_failed = false;
                        self.say([format!("{}.", strings(self.lang).saved)])?;
                    }
                    return Ok(true);
                }
                Err(e) => e.to_string(),
            };
            self.outcome.saved = false;
            self.told_save_failed = true;
            if let Some(w) = &self.opts.watch {
                w.unsaved();
            }
            let w = i18n::endings::words(self.lang);
            let mut lines = vec![
                strings(self.lang).could_not_save.to_owned(),
                fill(w.save_failed_staff, &[("why", why)]),
            ];
            if let Some(dir) = &self.opts.data_dir {
                lines.push(fill(w.save_failed_folder, &[("dir", dir.clone())]));
            }
            lines.push(w.plain_save_retry.to_owned());
            self.say(lines)?;
            match self.read(None)? {
                Line::Eof => {
                    self.gave_up = true;
                    return Ok(false);
                }
                Line::Text(t) if command(&t) == Command::Stop => {
                    self.gave_up = true;
                    return Ok(false);
                }
                _ => {}
            }
        }
    }

    /// The next line. While the interview is locked (left alone), lines are code attempts and
    /// nothing else; the right code shows question `q` again.
    pub(super) fn read(&mut self, q: Option<QIdx>) -> io::Result<Line> {
        loop {
            let line = next_line(&mut self.input)?;
            let Some(w) = self.opts.watch.clone() else {
                return Ok(line);
            };
            match w.after_line() {
                watch::After::Normal => return Ok(line),
                watch::After::Interrupted => {
                    self.outcome.interrupted = true;
                    return Ok(Line::Eof);
                }
                watch::After::Locked => {}
            }
            let typed = match line {
                Line::Eof => {
                    self.outcome.locked = true;
                    return Ok(Line::Eof);
                }
                Line::TooLong => String::new(),
                Line::Text(t) => t,
            };
            if command(&typed) == Command::Stop {
                self.outcome.locked = true;
                return Ok(Line::Eof);
            }
            let words = i18n::endings::words(self.lang);
            if w.try_unlock(&typed) {
                self.unlock_failures = 0;
                self.say([words.plain_unlocked])?;
                if let Some(q) = q {
                    self.last_section = None;
                    self.show(q)?;
                }
            } else {
                // Slower after each wrong code, in this process only.
                self.unlock_failures += 1;
                self.say([words.wrong_code])?;
                std::thread::sleep(crate::tui::wrong_code_wait(self.unlock_failures));
            }
        }
    }
}
