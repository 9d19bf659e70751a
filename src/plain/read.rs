//! Reading one typed line at a time, safely: a pasted novel or a file with no newline must not
//! grow memory without bound, and bytes that are not UTF-8 must not stop the interview.

use std::io::{self, BufRead, Read};

/// Longest line kept in memory; the rest of a longer line is read and thrown away. Far above
/// any text answer's limit, so the engine still words the refusal ("too long").
pub const LINE_LIMIT: u64 = 256 * 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    /// A line without its line ending.
    Text(String),
    /// A line longer than `LINE_LIMIT` bytes (its content is dropped).
    TooLong,
    /// End of input.
    Eof,
}

/// Reads the next line.
pub fn next_line<R: BufRead>(input: &mut R) -> io::Result<Line> {
    let mut buf = Vec::new();
    let n = input
        .by_ref()
        .take(LINE_LIMIT)
        .read_until(b'\n', &mut buf)?;
    if n == 0 {
        return Ok(Line::Eof);
    }
    if buf.last() != Some(&b'\n') && n as u64 == LINE_LIMIT {
        skip_rest(input)?;
        return Ok(Line::TooLong);
    }
    while matches!(buf.last(), Some(b'\n' | b'\r')) {
        buf.pop();
    }
    let text = String::from_utf8_lossy(&buf);
    // A byte-order mark from a Windows editor is not part of the answer.
    Ok(Line::Text(text.trim_start_matches('\u{feff}').to_owned()))
}

/// Drops everything up to and including the next newline (or the end of input).
fn skip_rest<R: BufRead>(input: &mut R) -> io::Result<()> {
    loop {
        let (done, used) = {
            let chunk = input.fill_buf()?;
            if chunk.is_empty() {
                return Ok(());
            }
            match chunk.iter().position(|b| *b == b'\n') {
                Some(i) => (true, i + 1),
                None => (false, chunk.len()),
            }
        };
        input.consume(used);
        if done {
            return Ok(());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(bytes: &[u8]) -> Vec<Line> {
        let mut r = bytes;
        let mut out = Vec::new();
        loop {
            let l = next_line(&mut r).unwrap();
            let eof = l == Line::Eof;
            out.push(l);
            if eof {
                return out;
            }
        }
    }

    #[test]
    fn splits_lines_and_strips_crlf_and_bom() {
        let got = lines(b"\xef\xbb\xbfyes\r\n\nlast");
        assert_eq!(
            got,
            vec![
                Line::Text("yes".into()),
                Line::Text(String::new()),
                Line::Text("last".into()),
                Line::Eof
            ]
        );
    }

    #[test]
    fn overlong_line_is_dropped_and_the_next_line_still_reads() {
        let mut bytes = vec![b'x'; 3 * LINE_LIMIT as usize];
        bytes.extend_from_slice(b"\nno\n");
        assert_eq!(
            lines(&bytes),
            vec![Line::TooLong, Line::Text("no".into()), Line::Eof]
        );
    }

    #[test]
    fn invalid_utf8_is_replaced_not_fatal() {
        assert_eq!(
            lines(b"caf\xe9\n"),
            vec![Line::Text("caf\u{fffd}".into()), Line::Eof]
        );
    }
}
