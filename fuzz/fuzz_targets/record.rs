//! Any bytes as a saved intake (store record): parsing must say "unreadable", never panic;
//! a record that parses must restore against the built-in questionnaire and score.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use pd_intake::date::Date;
use pd_intake::interview::Interview;
use pd_intake::model::Questionnaire;
use pd_intake::store::{migrate, record};
use pd_intake::{load, scoring};

static QN: LazyLock<Questionnaire> = LazyLock::new(load::builtin);

fuzz_target!(|data: &[u8]| {
    let Ok(r) = record::parse_record(data) else {
        return;
    };
    let _ = r.meta();
    let today = Date::new(2026, 11, 27).unwrap();
    let restored = migrate::restore(&QN, &r, today);
    let iv = Interview::with_answers(&QN, today, restored.answers);
    let _ = scoring::summarize(&iv, "en");
});
