//! Parsing a long file in pieces, one per core.

use super::{Node, Value, build};

/// Texts at least this long are parsed in pieces, one per core (see `build_in_pieces`).
const PIECES_FROM: usize = 64 * 1024;

/// A long file whose top level is a mapping is cut before some of its top-level keys (lines
/// like `sections:` at column 0) and the pieces are parsed on separate threads, then joined:
/// serde-saphyr's parser is most of the time spent loading a large question file.
///
/// Each piece but the last ends with the next piece's key alone (`sections:`), so that the
/// parser sees the same next token as in a whole parse (the place of an empty value depends
/// on it); that entry is dropped after parsing. Anything that would read across a cut (a
/// quoted text or a bracket running on over it, an alias to an anchor in an earlier piece, a
/// tag handle declared at the top) makes its piece fail to parse; then `None` is returned
/// and the whole text is parsed in one go, giving exactly the tree and the messages of a
/// plain parse. Files with a document marker (`---`, `...`) after their first key are never
/// cut. `tests.rs` checks that pieces and a whole parse never differ.
pub(super) fn build_in_pieces(text: &str) -> Option<Node> {
    if text.len() < PIECES_FROM {
        return None;
    }
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    build_pieces(text, threads.min(8))
}

/// A piece to parse: its text, the lines before it, and the key it ends with (not its own).
struct Piece {
    text: String,
    lines_before: usize,
    borrowed_key: Option<String>,
}

/// `build_in_pieces` with `n` pieces at most, whatever the length of the text.
fn build_pieces(text: &str, n: usize) -> Option<Node> {
    let cuts = cut_points(text, n);
    if cuts.is_empty() {
        return None;
    }
    let mut starts = vec![(0, 0)];
    starts.extend(cuts);
    let pieces: Vec<Piece> = starts
        .iter()
        .enumerate()
        .map(|(i, &(at, lines_before))| match starts.get(i + 1) {
            Some(&(end, _)) => {
                let key = top_level_key(&text[end..]).unwrap_or_default();
                Piece {
                    text: format!("{}{key}:\n", &text[at..end]),
                    lines_before,
                    borrowed_key: Some(key.to_owned()),
                }
            }
            None => Piece {
                text: text[at..].to_owned(),
                lines_before,
                borrowed_key: None,
            },
        })
        .collect();
    let parse = |p: &Piece| -> Option<Vec<(super::Key, Node)>> {
        let Value::Map(mut entries) = build(&p.text, p.lines_before).ok()?.value else {
            return None;
        };
        if let Some(key) = &p.borrowed_key {
            let (last, _) = entries.pop()?;
            if last.name != *key {
                return None;
            }
        }
        Some(entries)
    };
    let parts: Vec<Option<Vec<(super::Key, Node)>>> = std::thread::scope(|s| {
        let others: Vec<_> = pieces[1..]
            .iter()
            .map(|p| s.spawn(move || parse(p)))
            .collect();
        let first = parse(&pieces[0]);
        std::iter::once(first)
            .chain(others.into_iter().map(|h| h.join().ok().flatten()))
            .collect()
    });
    // The root's place is the first key's, as in a whole parse.
    let mut all = Vec::new();
    for part in parts {
        all.extend(part?);
    }
    let pos = all.first()?.0.pos;
    Some(Node {
        pos,
        value: Value::Map(all),
    })
}

/// For the differential fuzz target (`fuzz/fuzz_targets/yaml_pieces.rs`): parsing `text` in
/// up to `n` pieces gives the tree of a whole parse, or gives up (and the whole is parsed).
#[doc(hidden)]
pub fn pieces_agree(text: &str, n: usize) -> bool {
    build_pieces(text, n).is_none_or(|tree| build(text, 0).ok() == Some(tree))
}

/// Where to cut `text` into about `n` pieces of similar size: `(byte offset, lines before it)`
/// of top-level key lines (a plain key at column 0 followed by `:`), never the first key.
/// Empty when the text should not be cut: one piece wanted, or a line break this count
/// of lines would miss (a `\r` alone is a line break in YAML).
fn cut_points(text: &str, n: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let lone_cr = |i: usize| b[i] == b'\r' && b.get(i + 1) != Some(&b'\n');
    if n < 2 || (0..b.len()).any(lone_cr) {
        return out;
    }
    let mut seen_key = false;
    let (mut at, mut line) = (0, 0);
    for l in text.split_inclusive('\n') {
        let marker = ["---", "..."].iter().any(|m| {
            l.strip_prefix(m)
                .is_some_and(|r| r.is_empty() || r.starts_with([' ', '\t', '\r', '\n']))
        });
        if marker && seen_key {
            return Vec::new();
        }
        if top_level_key(l).is_some() {
            let target = text.len() * (out.len() + 1) / n;
            if seen_key && at >= target && out.len() + 1 < n {
                out.push((at, line));
            }
            seen_key = true;
        }
        at += l.len();
        line += 1;
    }
    out
}

/// The key of a line that starts a top-level entry: `name:` at column 0, the name made of
/// letters, digits, `_` and `-`, starting with a letter or `_`, and the colon followed by a
/// space, a tab or the end of the line.
pub fn top_level_key(line: &str) -> Option<&str> {
    let len = line
        .bytes()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == b'_' || *c == b'-')
        .count();
    let name = &line[..len];
    let colon = line[len..]
        .strip_prefix(':')
        .is_some_and(|r| r.is_empty() || r.starts_with([' ', '\t', '\r', '\n']));
    (colon && name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')).then_some(name)
}

#[cfg(test)]
mod tests;
