//! Word wrapping by display width (accents, CJK and emoji take their real width).

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Wraps `text` to `width` columns; explicit newlines are kept; over-long words are cut.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut out = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        let mut line_w = 0;
        for word in para.split(' ').filter(|w| !w.is_empty()) {
            let w = word.width();
            if line_w > 0 && line_w + 1 + w > width {
                out.push(std::mem::take(&mut line));
                line_w = 0;
            }
            if w > width {
                for ch in word.chars() {
                    let cw = ch.width().unwrap_or(0);
                    if line_w + cw > width && line_w > 0 {
                        out.push(std::mem::take(&mut line));
                        line_w = 0;
                    }
                    line.push(ch);
                    line_w += cw;
                }
                continue;
            }
            if line_w > 0 {
                line.push(' ');
                line_w += 1;
            }
            line.push_str(word);
            line_w += w;
        }
        out.push(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_by_display_width() {
        assert_eq!(wrap("uno dos tres", 7), vec!["uno dos", "tres"]);
        assert_eq!(wrap("niño niño", 4), vec!["niño", "niño"]);
        assert_eq!(wrap("漢字漢字", 4), vec!["漢字", "漢字"]);
        assert_eq!(wrap("a\n\nb", 10), vec!["a", "", "b"]);
        assert_eq!(wrap("abcdefgh", 3), vec!["abc", "def", "gh"]);
        for l in wrap("José tiene muchísimos papeles importantes", 6) {
            assert!(l.width() <= 6, "{l}");
        }
    }
}
