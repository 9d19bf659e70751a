//! Any bytes as an answers file against the built-in questionnaire: parsing and matching
//! must report problems, never panic; what they accept must score.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use pd_intake::answers_file;
use pd_intake::date::Date;
use pd_intake::interview::Interview;
use pd_intake::model::Questionnaire;
use pd_intake::{load, scoring};

static QN: LazyLock<Questionnaire> = LazyLock::new(load::builtin);

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(file) = answers_file::parse(text, &[]) else {
        return;
    };
    let today = Date::new(2026, 11, 27).unwrap();
    let Ok(m) = answers_file::apply(&QN, &file, today) else {
        return;
    };
    let iv = Interview::with_answers(&QN, today, m.answers);
    let _ = scoring::summarize(&iv, "es");
    let _ = answers_file::to_yaml(&QN, "en", iv.answers());
});
