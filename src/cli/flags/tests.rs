use super::*;

fn help(sub: &str) -> String {
    let mut cmd = command();
    cmd.build();
    cmd.find_subcommand_mut(sub)
        .unwrap()
        .render_long_help()
        .to_string()
}

const UI: [&str; 3] = ["--theme", "--mouse", "--recipient"];

#[test]
fn commands_show_only_their_own_global_options() {
    for sub in ["keygen", "schema"] {
        let h = help(sub);
        for flag in UI
            .iter()
            .chain(&["--lang", "--data-dir", "--today", "--plain"])
        {
            assert!(!h.contains(flag), "{sub} --help shows {flag}:\n{h}");
        }
    }
    let score = help("score");
    for flag in ["--lang", "--today", "--questions"] {
        assert!(score.contains(flag), "score --help lacks {flag}:\n{score}");
    }
    for flag in UI.iter().chain(&["--data-dir", "--plain"]) {
        assert!(!score.contains(flag), "score --help shows {flag}:\n{score}");
    }
    let list = help("list");
    assert!(
        list.contains("--data-dir") && !list.contains("--lang"),
        "{list}"
    );
    // The interview keeps them all.
    let resume = help("resume");
    for flag in UI
        .iter()
        .chain(&["--lang", "--data-dir", "--plain", "--today"])
    {
        assert!(
            resume.contains(flag),
            "resume --help lacks {flag}:\n{resume}"
        );
    }
}

#[test]
fn a_foreign_global_option_is_a_usage_error_before_or_after_the_command() {
    for args in [
        &[
            "pd-intake",
            "keygen",
            "-o",
            "k.txt",
            "--theme",
            "high-contrast",
        ][..],
        &["pd-intake", "--mouse", "schema"],
        &["pd-intake", "list", "--lang", "es"],
    ] {
        let e = parse_from(args).unwrap_err();
        assert_eq!(e.exit_code(), 2, "{args:?}");
        assert!(
            e.to_string().contains("is not an option of `pd-intake"),
            "{args:?}: {e}"
        );
    }
}

#[test]
fn global_options_still_work_on_either_side_of_their_command() {
    for args in [
        &["pd-intake", "score", "--answers", "a.yaml", "--lang", "es"][..],
        &["pd-intake", "--lang", "es", "score", "--answers", "a.yaml"],
    ] {
        let cli = parse_from(args).unwrap();
        assert_eq!(cli.lang.as_deref(), Some("es"), "{args:?}");
    }
    let cli = parse_from(["pd-intake", "--theme", "high-contrast", "--plain"]).unwrap();
    assert!(cli.plain && cli.ui.theme == crate::cli::Theme::HighContrast);
}
