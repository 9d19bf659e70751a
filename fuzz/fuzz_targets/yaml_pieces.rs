//! Any text parsed in 2 to 5 pieces must give the tree of a whole parse, or fall back to it
//! (`src/yaml/pieces.rs`). The first byte picks the number of pieces.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pd_intake::yaml;

fuzz_target!(|data: &[u8]| {
    let Some((first, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let n = 2 + usize::from(*first % 4);
    assert!(yaml::pieces_agree(text, n), "{n} pieces differ from the whole:\n{text}");
});
