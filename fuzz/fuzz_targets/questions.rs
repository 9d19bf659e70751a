//! Any bytes as a question file: loading and checking must report, never panic. When the
//! file loads, an interview over it must run to the end and score.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pd_intake::answer::Answer;
use pd_intake::check::{Options, check_source};
use pd_intake::date::Date;
use pd_intake::interview::{Interview, Position};
use pd_intake::{load, scoring};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = check_source(text, &Options::default());
    let Ok(qn) = load::load_str(text) else {
        return;
    };
    let today = Date::new(2026, 11, 27).unwrap();
    let mut iv = Interview::new(&qn, today);
    let mut steps = 0;
    while let Position::Question(q) = iv.position() {
        if qn.questions[q].allow_unknown {
            let _ = iv.record(q, Answer::Unknown);
        }
        iv.next();
        steps += 1;
        if steps > qn.questions.len() + 1 {
            panic!("next did not reach the end");
        }
    }
    let _ = scoring::summarize(&iv, qn.default_language());
});
