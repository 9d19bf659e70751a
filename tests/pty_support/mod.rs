//! A real pseudo-terminal read through a terminal emulator, shared by the end-to-end tests.
#![allow(dead_code)]

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use expectrl::Expect;
use expectrl::session::OsSession;

pub const BIN: &str = env!("CARGO_BIN_EXE_pd-intake");
pub const DOWN: &str = "\x1b[B";
pub const ENTER: &str = "\r";

pub struct Term {
    pub session: OsSession,
    pub parser: vt100::Parser,
    /// Every byte the program wrote, for checks a screen cannot show (scrollback clearing).
    pub raw: Vec<u8>,
}

impl Term {
    /// pd-intake with a fixed date and its own data folder, at 80×24.
    pub fn start(args: &[&str], data_dir: &Path) -> Term {
        let mut cmd = Command::new(BIN);
        cmd.args(["--today", "2026-11-27", "--data-dir"])
            .arg(data_dir)
            .args(args);
        Term::spawn(cmd)
    }

    /// Any command (pd-intake in a shell, say) in a pty at 80×24 with a colour terminal.
    pub fn spawn(mut cmd: Command) -> Term {
        cmd.env("TERM", "xterm-256color")
            .env_remove("NO_COLOR")
            .env_remove("ACCESSIBLE");
        let mut session = expectrl::Session::spawn(cmd).expect("spawn pd-intake in a pty");
        session
            .get_process_mut()
            .set_window_size(80, 24)
            .expect("pty size");
        Term {
            session,
            parser: vt100::Parser::new(
                std::num::NonZeroU16::new(24).unwrap(),
                std::num::NonZeroU16::new(80).unwrap(),
                0,
            ),
            raw: Vec::new(),
        }
    }

    /// Reads whatever the program wrote until it has been quiet for a moment.
    pub fn pump(&mut self) {
        let mut buf = [0u8; 65536];
        let mut quiet_since = Instant::now();
        let start = Instant::now();
        while quiet_since.elapsed() < Duration::from_millis(150)
            && start.elapsed() < Duration::from_secs(5)
        {
            match self.session.try_read(&mut buf) {
                Ok(n) if n > 0 => {
                    self.parser.process(&buf[..n]);
                    self.raw.extend_from_slice(&buf[..n]);
                    quiet_since = Instant::now();
                }
                _ => std::thread::sleep(Duration::from_millis(10)),
            }
        }
    }

    pub fn screen(&mut self) -> String {
        self.pump();
        self.parser.screen().contents()
    }

    pub fn wait_for(&mut self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.contains(text) {
                return s;
            }
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "waited for {text:?}; screen:\n{s}"
            );
        }
    }

    pub fn send(&mut self, keys: &str) {
        self.session.send(keys).expect("write to pty");
        // Let crossterm tell a lone Esc from the start of an escape sequence.
        std::thread::sleep(Duration::from_millis(80));
    }

    pub fn pid(&self) -> String {
        self.session.get_process().pid().to_string()
    }

    pub fn wait_exit(&mut self) {
        let start = Instant::now();
        while self.session.get_process().is_alive().unwrap_or(false) {
            self.pump();
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "pd-intake did not exit"
            );
        }
        self.pump();
    }
}
