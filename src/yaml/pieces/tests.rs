use proptest::prelude::*;

use super::*;

/// What parsing in pieces must give: the very tree of a whole parse, or nothing (and then
/// the caller parses the whole text).
fn agrees(text: &str, n: usize) -> Option<Node> {
    let whole = build(text, 0).ok();
    let pieces = build_pieces(text, n);
    if pieces.is_some() {
        assert_eq!(
            pieces, whole,
            "pieces differ from the whole for {n} pieces:\n{text}"
        );
    }
    pieces
}

#[test]
fn real_files_are_cut_and_give_the_same_tree() {
    for n in 2..=4 {
        assert!(
            agrees(crate::load::BUILTIN_TEXT, n).is_some(),
            "the built-in file is cut in {n}"
        );
    }
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut files = 0;
    for sub in ["", "/invalid"] {
        for entry in std::fs::read_dir(format!("{dir}{sub}")).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "yaml") {
                let text = std::fs::read_to_string(&path).unwrap();
                for n in 2..=3 {
                    agrees(&text, n);
                }
                files += 1;
            }
        }
    }
    assert!(files > 30, "only {files} fixture files");
}

#[test]
fn the_cuts_fall_on_top_level_keys_near_even_sizes() {
    let text = "a: 1\nb:\n  - x\nc: 3\nd: 4\n";
    let cuts = cut_points(text, 2);
    assert_eq!(cuts.len(), 1);
    let (at, line) = cuts[0];
    assert!(text[at..].starts_with("c:"), "{}", &text[at..]);
    assert_eq!(line, 3);
    assert!(cut_points(text, 1).is_empty());
    assert_eq!(cut_points(text, 8).len(), 3, "at most one cut per key");
    // Line numbers in a later piece count from the top of the file.
    let Some(Node {
        value: Value::Map(entries),
        ..
    }) = agrees(text, 2)
    else {
        panic!("not cut")
    };
    assert_eq!(entries[3].0.name, "d");
    assert_eq!(entries[3].0.pos.line, 5);
}

#[test]
fn anything_reading_across_a_cut_falls_back_to_the_whole_file() {
    let fall_back = [
        // a quoted text running on at column 0 (one text in a whole parse)
        "a: \"x\nb: y\"\nc: 1\nd: 2\n",
        "a: 'x\nb: y'\nc: 1\nd: 2\n",
        // a bracket running on
        "a: {x: 1,\nb: 2}\nc: 3\nd: 4\n",
        "a: [1,\nb: 2]\nc: 3\nd: 4\n",
        // an alias to an anchor in an earlier piece
        "a: &x 1\nb: 2\nc: *x\nd: *x\n",
        // a tag handle declared at the top
        "%TAG !e! tag:example.com,2000:\n---\na: !e!f 1\nb: !e!f 2\nc: !e!f 3\n",
        // a second document, after an end marker or a start marker
        "a: 1\n...\nb: 2\nc: 3\n",
        "a: 1\n---\nb: 2\nc: 3\n",
        "a: 1\n--- \nb: 2\nc: 3\n",
        // not a mapping at the top
        "- a\nb: 1\nc: 2\n",
        // an error in a piece
        "a: 1\nb: [\nc: 3\n",
        // a line break that is a `\r` alone (found by fuzzing: the line count was off)
        "a:\r:\nl:",
    ];
    for text in fall_back {
        for n in 2..=4 {
            agrees(text, n);
        }
        // Cut at every key: some cut crosses what runs on.
        assert_eq!(agrees(text, 16), None, "cut at every key:\n{text}");
    }
}

#[test]
fn what_a_whole_parse_reads_as_separate_keys_is_cut() {
    let cut = [
        "a: hello\nworld: x\nc: 1\n",
        "a: |\n  text\n  more\nb: 2\nc: 3\n",
        "a: >-\n  folded\nb: 2\nc: 3\n",
        "a: 1\r\nb: 2\r\nc: 3\r\n",
        "--- # explicit start\na: 1\nb: &x [1]\nc: *x\n",
        "# comment\na: 1\n\n# about b\nb: 2\nc: 3\n",
        "a: 1\nb_c-d: 2\nc:\n  d: 4\n",
    ];
    for text in cut {
        assert!(agrees(text, 2).is_some(), "not cut:\n{text}");
    }
}

/// Lines that can make or break YAML across a cut: keys at column 0, indented items,
/// quotes and brackets left open, anchors, aliases, document markers, block scalars.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-d]".prop_map(|k| format!("{k}: 1")),
        2 => "[a-d]".prop_map(|k| format!("{k}:")),
        2 => Just("  - x".to_owned()),
        2 => Just("  k: v".to_owned()),
        1 => Just("a: \"open".to_owned()),
        1 => Just("b: 'open".to_owned()),
        1 => Just("close\" '".to_owned()),
        1 => Just("c: [1,".to_owned()),
        1 => Just("d: {x: 1,".to_owned()),
        1 => Just("]}".to_owned()),
        1 => "[a-d]".prop_map(|k| format!("{k}: &x 1")),
        1 => "[a-d]".prop_map(|k| format!("{k}: *x")),
        1 => Just("---".to_owned()),
        1 => Just("...".to_owned()),
        1 => Just("e: |".to_owned()),
        1 => Just("  block".to_owned()),
        1 => Just("# note".to_owned()),
        1 => Just(String::new()),
        1 => Just("- item".to_owned()),
        1 => Just("plain text".to_owned()),
        1 => Just("k:\r:".to_owned()),
        1 => Just("k: 1\r".to_owned()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]
    #[test]
    fn pieces_never_differ_from_the_whole(lines in prop::collection::vec(line(), 1..24), n in 2usize..5) {
        let text = lines.join("\n") + "\n";
        let whole = build(&text, 0).ok();
        let pieces = build_pieces(&text, n);
        if pieces.is_some() {
            prop_assert_eq!(pieces, whole, "{}", text);
        }
    }
}

/// What an author of a large question file sees: problems found through `parse` (which cuts
/// files this long) are the ones, at the lines, a whole parse gives.
#[test]
fn problems_in_a_large_file_are_located_as_in_a_whole_parse() {
    let text = crate::load::BUILTIN_TEXT;
    assert!(
        text.len() >= PIECES_FROM,
        "the built-in file is long enough to be cut"
    );
    let lines = text.lines().count();
    // A bracket left open near the end, a top-level key given twice, a tab.
    let broken = format!("{text}extra: [1, 2\n");
    let d = crate::yaml::parse(&broken).expect_err("open bracket");
    assert!(d.0[0].message.starts_with("YAML syntax"), "{d}");
    assert_eq!(build(&broken, 0).expect_err("whole").pos, d.0[0].pos);
    let twice = format!("{text}flags: []\n");
    let d = crate::yaml::parse(&twice).expect_err("duplicate key");
    assert_eq!(d.0.len(), 1, "{d}");
    assert!(
        d.0[0].message.contains("the key `flags` appears twice"),
        "{d}"
    );
    assert_eq!(d.0[0].pos.line as usize, lines + 1, "{d}");
    let tab = format!("{text}more:\n\t- x\n");
    let d = crate::yaml::parse(&tab).expect_err("tab");
    assert_eq!(d.0[0].pos.line as usize, lines + 2, "{d}");
    // And through the checker, the errors of the loader keep their lines too.
    let unknown = format!("{text}extra_key: 1\n");
    let r =
        crate::check::check_source(&unknown, &crate::check::Options::default()).render("q.yaml");
    assert!(
        r.contains(&format!(
            "q.yaml:{}:1: error: unknown key `extra_key`",
            lines + 1
        )),
        "{r}"
    );
}
