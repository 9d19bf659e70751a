//! A running intake can never be dumped to a core file (it holds the record and the code).
#![cfg(target_os = "linux")]

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[test]
fn a_running_interview_has_core_dumps_turned_off() {
    let data = tempfile::tempdir().unwrap();
    // Plain mode waits for its first answer on the pipe, which stays open while we look.
    let mut child = Command::new(env!("CARGO_BIN_EXE_pd-intake"))
        .args(["--plain", "--data-dir"])
        .arg(data.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let limits = format!("/proc/{}/limits", child.id());
    let start = Instant::now();
    let line = loop {
        let text = std::fs::read_to_string(&limits).unwrap_or_default();
        let line = text
            .lines()
            .find(|l| l.starts_with("Max core file size"))
            .map(str::to_owned);
        match line {
            // Both limits: the soft one is often 0 already by default; the hard one shows
            // that the process itself turned dumps off for good.
            Some(l) if l.split_whitespace().nth(5) == Some("0") => break l,
            _ if start.elapsed() > Duration::from_secs(20) => break line.unwrap_or_default(),
            _ => std::thread::sleep(Duration::from_millis(50)),
        }
    };
    let _ = child.kill();
    let _ = child.wait();
    let fields: Vec<&str> = line.split_whitespace().collect();
    assert_eq!(fields.get(4..6), Some(&["0", "0"][..]), "{line}");
}
