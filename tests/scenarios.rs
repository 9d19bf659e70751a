//! Every scenario under tests/scenarios/ scores as it expects on the built-in questionnaire.
//! A failure lists every difference in every file at once, located in the scenario file.

use std::path::Path;

use pd_intake::{load, scenario};

#[test]
fn every_scenario_gives_its_expected_outcome() {
    let qn = load::builtin();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/scenarios exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 8,
        "expected the project's scenarios in {}",
        dir.display()
    );
    let mut problems = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).expect("readable scenario");
        let d = scenario::run_str(&qn, &text);
        if !d.0.is_empty() {
            problems.push(d.render(&format!(
                "tests/scenarios/{}",
                f.file_name().unwrap_or_default().to_string_lossy()
            )));
        }
    }
    assert!(
        problems.is_empty(),
        "{} of {} scenarios differ:\n{}",
        problems.len(),
        files.len(),
        problems.join("\n")
    );
}
