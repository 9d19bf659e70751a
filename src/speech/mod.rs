//! Reading the interview aloud with the computer's own offline voice (espeak-ng, `say`,
//! Windows' System.Speech) or a recorded file. No terminal here: front ends decide when to
//! speak; this module only turns screens into words (`words`) and runs the voice beside the
//! interface, one utterance at a time.

use std::ffi::{OsStr, OsString};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

mod numbers;
mod words;

pub use numbers::{date_words, number_words};
pub use words::{question_words, spoken_text, summary_words, welcome_words};

/// A question's recording in `lang`, then its choices' recordings in order. Without a
/// recording of the question the synthetic voice reads the whole screen: half a recording
/// and half a voice would be harder to follow than either.
pub fn recordings(q: &crate::model::Question, lang: &str) -> Option<Vec<PathBuf>> {
    let (first, _) = q.audio.get(lang)?;
    let mut files = vec![first.clone()];
    files.extend(
        q.choices
            .iter()
            .filter_map(|c| c.audio.get(lang).map(|(p, _)| p.clone())),
    );
    Some(files)
}

/// The environment variable holding the language code for `--speech-command`.
pub const LANG_ENV: &str = "PD_INTAKE_LANG";

/// No voice could be started (none installed, or the command would not run).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("no voice to read aloud")]
pub struct NoVoice;

/// Speaks one utterance at a time. `say` and `play` return as soon as the child process is
/// started; the text goes to its stdin from a thread, so a voice that reads slowly never
/// holds up a key or a frame. A new utterance, `stop` or dropping the speaker ends the one
/// before (with its whole process group on Unix, so a shell's children go too).
pub struct Speaker {
    command: Option<String>,
    current: Option<Child>,
    /// Ended utterances not yet reaped (reaped without waiting at the next call).
    ended: Vec<Child>,
    /// Where programs are looked for (PATH; tests give their own).
    search: Option<OsString>,
}

impl Speaker {
    /// `command`: the `--speech-command` override (run by the shell, text on stdin, language
    /// in `PD_INTAKE_LANG`); `None` uses the system's voice.
    pub fn new(command: Option<String>) -> Self {
        Speaker {
            command,
            current: None,
            ended: Vec::new(),
            search: std::env::var_os("PATH"),
        }
    }

    /// A speaker that looks for the system's voice and players in `path` only.
    pub fn with_search_path(command: Option<String>, path: &str) -> Self {
        let mut sp = Speaker::new(command);
        sp.search = Some(path.into());
        sp
    }

    /// Whether a voice can be started here (the override, or a system voice found on PATH).
    pub fn available(&self) -> bool {
        self.command.is_some() || self.system_voice("en").is_some()
    }

    /// Starts reading `text` in `lang`, ending any utterance still going.
    pub fn say(&mut self, text: &str, lang: &str) -> Result<(), NoVoice> {
        self.stop();
        let mut cmd = match &self.command {
            Some(c) => shell(c),
            None => self.system_voice(lang).ok_or(NoVoice)?,
        };
        cmd.env(LANG_ENV, lang);
        let child = self.start(cmd, true)?;
        self.feed(child, text.to_owned());
        Ok(())
    }

    /// Plays recorded files in turn instead of the synthetic voice (`paplay`/`aplay`/`ffplay`,
    /// `afplay`, PowerShell's SoundPlayer: WAV only there), ending any utterance still going.
    pub fn play(&mut self, files: &[PathBuf], lang: &str) -> Result<(), NoVoice> {
        self.stop();
        let mut cmd = self.player(files).ok_or(NoVoice)?;
        cmd.env(LANG_ENV, lang);
        let child = self.start(cmd, false)?;
        self.current = Some(child);
        Ok(())
    }

    /// Whether an utterance is still being spoken.
    pub fn speaking(&mut self) -> bool {
        match &mut self.current {
            Some(c) => matches!(c.try_wait(), Ok(None)),
            None => false,
        }
    }

    /// Ends the current utterance at once (no waiting for the process to go).
    pub fn stop(&mut self) {
        if let Some(mut child) = self.current.take() {
            end(&mut child);
            self.ended.push(child);
        }
        self.ended
            .retain_mut(|c| !matches!(c.try_wait(), Ok(Some(_)) | Err(_)));
    }

    fn start(&mut self, mut cmd: Command, stdin: bool) -> Result<Child, NoVoice> {
        cmd.stdin(if stdin { Stdio::piped() } else { Stdio::null() })
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        own_group(&mut cmd);
        cmd.spawn().map_err(|_| NoVoice)
    }

    fn feed(&mut self, mut child: Child, text: String) {
        if let Some(mut stdin) = child.stdin.take() {
            // A closed pipe (the voice was stopped) only ends the thread.
            std::thread::spawn(move || {
                let _ = stdin.write_all(text.as_bytes());
                let _ = stdin.write_all(b"\n");
            });
        }
        self.current = Some(child);
    }
}

impl Drop for Speaker {
    fn drop(&mut self) {
        self.stop();
    }
}

#[cfg(unix)]
fn own_group(cmd: &mut Command) {
    use std::os::unix::process::CommandExt;
    cmd.process_group(0);
}

#[cfg(not(unix))]
fn own_group(_cmd: &mut Command) {}

/// Kills the utterance and everything it started. The group id is the child's pid, which
/// stays taken until the child is reaped, so this never signals a stranger.
#[cfg(unix)]
fn end(child: &mut Child) {
    use rustix::process::{Pid, Signal, kill_process_group};
    if let Ok(Some(_)) = child.try_wait() {
        return;
    }
    match i32::try_from(child.id()).ok().and_then(Pid::from_raw) {
        Some(pid) if pid != Pid::INIT => {
            let _ = kill_process_group(pid, Signal::KILL);
        }
        _ => {
            let _ = child.kill();
        }
    }
}

#[cfg(not(unix))]
fn end(child: &mut Child) {
    let _ = child.kill();
}

#[cfg(windows)]
fn shell(command: &str) -> Command {
    use std::os::windows::process::CommandExt;
    // cmd has its own quoting: pass the command line through untouched.
    let mut c = Command::new("cmd");
    c.arg("/C").raw_arg(command);
    c
}

#[cfg(not(windows))]
fn shell(command: &str) -> Command {
    let mut c = Command::new("sh");
    c.args(["-c", command]);
    c
}

impl Speaker {
    /// The system's own voice for `lang`, if one is installed.
    fn system_voice(&self, lang: &str) -> Option<Command> {
        let find_program = |name: &str| find_program_in(self.search.as_ref()?, name);
        let spanish = lang == "es" || lang.starts_with("es-");
        if cfg!(target_os = "macos") {
            let mut c = Command::new(find_program("say")?);
            c.args(["-f", "-"]);
            return Some(c);
        }
        if cfg!(windows) {
            let mut c = Command::new(find_program("powershell.exe")?);
            c.args([
                "-NoProfile",
                "-NonInteractive",
                "-Command",
                Self::WINDOWS_SPEAK,
            ]);
            return Some(c);
        }
        let (program, voice) = match find_program("espeak-ng") {
            Some(p) => (p, if spanish { "es-419" } else { "en-us" }),
            // The older espeak knows fewer voices: plain "es" and "en-us".
            None => (
                find_program("espeak")?,
                if spanish { "es" } else { "en-us" },
            ),
        };
        let mut c = Command::new(program);
        c.args(["-v", voice, "--stdin"]);
        Some(c)
    }

    /// SAPI through System.Speech: a voice of the language's culture when one is installed.
    const WINDOWS_SPEAK: &str = "Add-Type -AssemblyName System.Speech; \
$s = New-Object System.Speech.Synthesis.SpeechSynthesizer; \
try { $v = $s.GetInstalledVoices([Globalization.CultureInfo]::new($env:PD_INTAKE_LANG)) | \
Select-Object -First 1; if ($v) { $s.SelectVoice($v.VoiceInfo.Name) } } catch {}; \
$s.Speak([Console]::In.ReadToEnd())";

    /// The system's sound player for recorded files, played one after the other.
    fn player(&self, files: &[PathBuf]) -> Option<Command> {
        let find_program = |name: &str| find_program_in(self.search.as_ref()?, name);
        if cfg!(windows) {
            // Windows paths cannot hold `|`: it separates the files.
            let list: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
            let mut c = Command::new(find_program("powershell.exe")?);
            c.args([
                "-NoProfile",
                "-NonInteractive",
                "-Command",
                Self::WINDOWS_PLAY,
            ]);
            c.env("PD_INTAKE_AUDIO", list.join("|"));
            return Some(c);
        }
        let players: &[(&str, &str)] = if cfg!(target_os = "macos") {
            &[("afplay", "")]
        } else {
            &[
                ("paplay", ""),
                ("aplay", "-q"),
                ("ffplay", "-nodisp -autoexit -loglevel quiet"),
            ]
        };
        let (program, args) = players
            .iter()
            .find_map(|(name, args)| Some((find_program(name)?, *args)))?;
        // One shell for the whole sequence, so that stopping it (its process group) stops
        // whichever file is playing and the ones after it.
        let mut c = Command::new("sh");
        c.arg("-c")
            .arg(format!(
                "p=\"$0\"; for f; do \"$p\" {args} \"$f\" || exit; done"
            ))
            .arg(program)
            .args(files);
        Some(c)
    }

    const WINDOWS_PLAY: &str = "foreach ($f in $env:PD_INTAKE_AUDIO.Split('|')) { \
(New-Object Media.SoundPlayer $f).PlaySync() }";
}

/// `name` in a PATH folder, as a file (and executable, on Unix).
fn find_program_in(path: &OsStr, name: &str) -> Option<PathBuf> {
    std::env::split_paths(path)
        .map(|dir| dir.join(name))
        .find(|p| is_program(p))
}

#[cfg(unix)]
fn is_program(p: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    p.metadata()
        .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_program(p: &Path) -> bool {
    p.is_file()
}

#[cfg(test)]
mod tests;
#[cfg(all(test, target_os = "linux"))]
pub(crate) use tests::process::fake_player as fake_player_for_tests;
