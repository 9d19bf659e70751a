//! Times each phase of `pd-intake check` on one file, in-process (median of N runs): read,
//! YAML → located tree, tree → questionnaire, warnings, rendering them, dropping it all.
//! "events" is serde-saphyr's parser alone (part of "parse", not added to the total).
//!
//! cargo build --release --example check_phases
//! target/release/examples/check_phases FILE [RUNS]

use std::time::{Duration, Instant};

use pd_intake::check::{Locator, Options, warnings};
use pd_intake::{load, yaml};
use serde_saphyr::granit_parser::{Options as ParserOptions, Parser};

const PHASES: [&str; 8] = [
    "read", "events", "parse", "load", "warnings", "render", "drop", "total",
];

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: check_phases FILE [RUNS]");
    let runs: usize = args
        .next()
        .map_or(5, |r| r.parse().expect("RUNS is a number"));
    let mut times: Vec<Vec<Duration>> = vec![Vec::new(); PHASES.len()];
    for _ in 0..runs {
        for (i, t) in one_run(&path).into_iter().enumerate() {
            times[i].push(t);
        }
    }
    for (name, t) in PHASES.iter().zip(&mut times) {
        t.sort();
        println!("{name:9} {:9.1} ms", t[t.len() / 2].as_secs_f64() * 1000.0);
    }
}

fn one_run(path: &str) -> [Duration; PHASES.len()] {
    let mut out = [Duration::ZERO; PHASES.len()];
    let t = Instant::now();
    let text = std::fs::read_to_string(path).expect("a readable UTF-8 file");
    out[0] = t.elapsed();

    let t = Instant::now();
    let mut options = ParserOptions::default();
    options.emit_comments = false;
    assert!(Parser::new_from_str_with_options(&text, options).count() > 0);
    out[1] = t.elapsed();

    let t = Instant::now();
    let tree = yaml::parse(&text).expect("valid YAML");
    out[2] = t.elapsed();
    let t = Instant::now();
    let qn = load::load_tree(&tree, &text).expect("a valid questionnaire");
    out[3] = t.elapsed();
    let t = Instant::now();
    let w = warnings(&qn, &Locator::new(Some(&tree)), &Options::default());
    out[4] = t.elapsed();
    let t = Instant::now();
    let rendered = w.render(path);
    out[5] = t.elapsed();
    let t = Instant::now();
    drop((rendered, w, qn, tree, text));
    out[6] = t.elapsed();
    out[7] = out.iter().sum::<Duration>() - out[1];
    out
}
