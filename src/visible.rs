//! Text that reaches a terminal shows control characters, never obeys them. An applicant's
//! typed answer (or a hostile record file) could hold ESC sequences that rewrite a staff
//! terminal, set its clipboard or title, or a bell; every text output (reports in txt, md and
//! html, `list`, the plain-mode summary) passes through here. JSON output stays exact.

use std::borrow::Cow;
use std::fmt::Write;

/// `s` with every control character except line breaks and tabs written as a visible escape
/// (`\u{1b}`), and bidirectional overrides too (they reorder what staff read).
pub fn escape_controls(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_escape) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if needs_escape(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Like `escape_controls`, for one-line fields: line breaks are escaped too.
pub fn escape_line(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c == '\n' || needs_escape(c)) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(escape_controls(s).replace('\n', "\\n"))
}

fn needs_escape(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_controls_are_shown_not_obeyed() {
        let hostile = "ok\x1b]52;c;aGk=\x07 \x08\x08\r\u{9b}2J \u{202e}evil\nnext\tcol";
        let shown = escape_controls(hostile);
        assert_eq!(
            shown,
            "ok\\u{1b}]52;c;aGk=\\u{7} \\u{8}\\u{8}\\u{d}\\u{9b}2J \\u{202e}evil\nnext\tcol"
        );
        assert!(
            !shown
                .chars()
                .any(|c| c.is_control() && c != '\n' && c != '\t')
        );
        assert_eq!(escape_line("a\nb\x1b"), "a\\nb\\u{1b}");
        assert!(matches!(escape_controls("José ñ"), Cow::Borrowed(_)));
    }
}
