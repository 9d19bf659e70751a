//! `pd-intake setup`: encryption on in one step, and the plaintext intakes already on the
//! laptop sealed so that nothing of them is left readable in the data folder.
#![cfg(feature = "encryption")]

mod store_common;

use assert_cmd::Command;
use pd_intake::answer::Answer;
use pd_intake::autosave::Autosave;
use pd_intake::load::load_str;
use store_common::*;

const SECRET: &str = "Ocelote-2290 my employer's name";

fn pd(home: &std::path::Path) -> Command {
    let mut c = Command::cargo_bin("pd-intake").unwrap();
    c.env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data-home"));
    c
}

#[test]
fn setup_makes_the_identity_writes_the_settings_and_seals_what_was_plaintext() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("intakes");
    let usb = home.path().join("usb");
    std::fs::create_dir_all(&usb).unwrap();
    let qn = load_str(V1).unwrap();
    let st = plain_store(&data);
    let (mut iv, mut s) = begun(&st, &qn);
    answer(&mut iv, "story", Answer::Text(SECRET.into()));
    s.save(&iv, "en").unwrap();
    let code = s.code().unwrap().to_owned();
    drop(s);

    let identity = usb.join("clinic-identity.txt");
    let settings = home.path().join("config/pd-intake/config.yaml");
    let out = pd(home.path())
        .arg("--data-dir")
        .arg(&data)
        .args(["setup", "--identity"])
        .arg(&identity)
        .args([
            "--clinic-name",
            "Clínica Esperanza",
            "--clinic-phone",
            "555-0100",
        ])
        .arg("--encrypt-existing")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("1 intake(s) saved here before are NOT encrypted"),
        "{stdout}"
    );
    assert!(stdout.contains("encrypted "), "{stdout}");
    assert!(stdout.contains("does not wipe the disk"), "{stdout}");
    let text = std::fs::read_to_string(&settings).unwrap();
    assert!(
        text.contains("age1") && text.contains("Clínica Esperanza"),
        "{text}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&settings).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    assert_nowhere(&data, &[SECRET, &code, "\"story\""]);

    // Staff open it with the identity; the applicant's code still continues it, and the
    // next save (with the settings found by default) stays encrypted.
    let listed = pd(home.path())
        .arg("--data-dir")
        .arg(&data)
        .args(["list", "--json", "--identity"])
        .arg(&identity)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&listed.stdout).contains(&code));
    let config = pd_intake::config::load(Some(&settings)).unwrap();
    let sealed = pd_intake::store::open_store_to(Some(&data), &config.recipients)
        .unwrap()
        .with_work_factor(10);
    let r = sealed.resume(&code, &qn, today()).unwrap();
    assert_eq!(r.answers, iv.answers().to_vec());

    // Running setup again reuses the identity and finds nothing left to encrypt.
    let again = pd(home.path())
        .arg("--data-dir")
        .arg(&data)
        .args(["setup", "--identity"])
        .arg(&identity)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&again.stdout);
    assert!(
        stdout.contains("Using the clinic identity already at"),
        "{stdout}"
    );
    assert!(!stdout.contains("NOT encrypted"), "{stdout}");
}

#[test]
fn encrypt_existing_without_a_key_says_what_to_do() {
    let home = tempfile::tempdir().unwrap();
    let out = pd(home.path())
        .arg("--data-dir")
        .arg(home.path().join("d"))
        .arg("encrypt-existing")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("pd-intake setup --identity"));
}

#[test]
fn the_take_home_sheet_prints_the_clinic_from_the_settings() {
    let home = tempfile::tempdir().unwrap();
    let settings = home.path().join("clinic.yaml");
    std::fs::write(
        &settings,
        "clinic:\n  name: \"Clínica Esperanza\"\n  phone: \"555-0100\"\n",
    )
    .unwrap();
    let out = pd(home.path())
        .args(["--questions", "tests/fixtures/report_questionnaire.yaml"])
        .args(["--today", "2026-11-27", "--config"])
        .arg(&settings)
        .args([
            "report",
            "tests/fixtures/answers/report_es.yaml",
            "--take-home",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(
        text.contains("Clínica Esperanza") && text.contains("555-0100"),
        "{text}"
    );
}
