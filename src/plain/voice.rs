//! Plain mode with `--read-aloud`: each question is also read aloud (its recording when the
//! question file has one), beside the printed lines; a typed line stops the voice.

use std::io::{self, BufRead, Write};

use super::Session;
use crate::i18n::strings;
use crate::model::QIdx;
use crate::speech::{self, Speaker};

pub(super) struct Voice {
    speaker: Speaker,
    told_no_voice: bool,
}

impl Voice {
    pub(super) fn new(speaker: Speaker) -> Self {
        Voice {
            speaker,
            told_no_voice: false,
        }
    }

    pub(super) fn hush(&mut self) {
        self.speaker.stop();
    }
}

impl<R: BufRead, W: Write> Session<'_, '_, R, W> {
    /// Reads question `q` aloud; when no voice can start, says so once and goes on.
    pub(super) fn read_aloud(&mut self, q: QIdx) -> io::Result<()> {
        let lang = self.lang.clone();
        let Some(v) = &mut self.voice else {
            return Ok(());
        };
        // Only the choices plain mode offers (a choice's `when` may hide it).
        let offered = self.iv.offered(q);
        let question = &offered;
        let started = match speech::recordings(question, &lang) {
            Some(files) => v.speaker.play(&files, &lang),
            None => {
                let words =
                    speech::question_words(question, &lang, false, None, self.opts.setup.encrypted);
                v.speaker.say(&words, &lang)
            }
        };
        if started.is_err() && !v.told_no_voice {
            v.told_no_voice = true;
            self.say([strings(&lang).no_voice])?;
        }
        Ok(())
    }
}
