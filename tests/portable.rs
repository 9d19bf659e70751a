//! Portable mode: `pd-intake.portable` beside the program keeps data and settings beside it.

use std::path::Path;
use std::process::Command;

/// A copy of the built program in its own folder, as on a USB stick.
fn program_in(dir: &Path) -> std::path::PathBuf {
    let exe = dir.join(
        Path::new(env!("CARGO_BIN_EXE_pd-intake"))
            .file_name()
            .unwrap(),
    );
    std::fs::copy(env!("CARGO_BIN_EXE_pd-intake"), &exe).unwrap();
    exe
}

/// Runs with a home of its own, so the platform folders are known and empty.
fn run(exe: &Path, home: &Path, args: &[&str]) -> std::process::Output {
    Command::new(exe)
        .args(args)
        .env("HOME", home)
        .env_remove("XDG_DATA_HOME")
        .env_remove("XDG_CONFIG_HOME")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap()
}

#[test]
fn the_marker_puts_data_and_settings_beside_the_program() {
    let stick = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let exe = program_in(stick.path());

    let out = run(&exe, home.path(), &["list"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        !text.contains(&*stick.path().to_string_lossy()),
        "without the marker: {text}"
    );

    std::fs::write(stick.path().join("pd-intake.portable"), "").unwrap();
    let out = run(&exe, home.path(), &["list"]);
    let text = String::from_utf8_lossy(&out.stdout);
    let data = stick.path().join("pd-intake-data");
    assert!(
        text.contains(&*data.to_string_lossy()),
        "with the marker: {text}"
    );

    // The clinic key is read from the settings folder beside the program too: a broken one
    // there stops a new intake before anything is saved.
    let config = stick.path().join("pd-intake-config");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("recipient"), "not-a-key\n").unwrap();
    let out = run(&exe, home.path(), &["--plain"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success() && err.contains("not-a-key"), "{err}");
    assert!(!data.exists() || std::fs::read_dir(&data).unwrap().next().is_none());

    // --data-dir still wins.
    let other = tempfile::tempdir().unwrap();
    let out = run(
        &exe,
        home.path(),
        &["list", "--data-dir", &other.path().to_string_lossy()],
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains(&*other.path().to_string_lossy()));
}
