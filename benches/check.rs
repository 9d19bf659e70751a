//! `check` of the built-in questionnaire (load + every warning) must stay under 50 ms.
//! Run: cargo bench --bench check

use pd_intake::check::{Options, check_source};
use pd_intake::load;

fn main() {
    divan::main();
}

#[divan::bench]
fn load_and_check_builtin() -> usize {
    let d = check_source(divan::black_box(load::BUILTIN_TEXT), &Options::default());
    d.0.len()
}

#[divan::bench]
fn load_only_builtin() -> bool {
    load::load_str(divan::black_box(load::BUILTIN_TEXT)).is_ok()
}
