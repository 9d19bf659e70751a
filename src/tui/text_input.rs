//! A small text field: one or several lines, cursor by characters, capped length.

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    chars: Vec<char>,
    cursor: usize,
    pub multiline: bool,
    /// Characters beyond this are refused as they are typed or pasted (the engine re-checks).
    pub max_chars: usize,
}

impl TextInput {
    pub fn new(value: &str, multiline: bool, max_chars: usize) -> Self {
        let chars: Vec<char> = value.chars().collect();
        TextInput {
            cursor: chars.len(),
            chars,
            multiline,
            max_chars,
        }
    }
    pub fn value(&self) -> String {
        self.chars.iter().collect()
    }
    pub fn is_empty(&self) -> bool {
        self.chars.iter().all(|c| c.is_whitespace())
    }
    pub fn cursor(&self) -> usize {
        self.cursor
    }
    pub fn len(&self) -> usize {
        self.chars.len()
    }
    /// Inserts text; returns false if some of it did not fit. Line ends of any platform
    /// (CR LF, LF, and the lone CR most terminals send for a pasted newline) are one line
    /// break, which a one-line field turns into a space.
    pub fn insert(&mut self, s: &str) -> bool {
        let mut all = true;
        let mut chars = s.chars().peekable();
        while let Some(c) = chars.next() {
            let c = match c {
                '\r' if chars.peek() == Some(&'\n') => continue,
                '\r' => {
                    if self.multiline {
                        '\n'
                    } else {
                        ' '
                    }
                }
                '\n' | '\t' if !self.multiline => ' ',
                '\t' => ' ',
                c if c.is_control() && c != '\n' => continue,
                c => c,
            };
            if self.chars.len() >= self.max_chars {
                all = false;
                break;
            }
            self.chars.insert(self.cursor, c);
            self.cursor += 1;
        }
        all
    }
    pub fn backspace(&mut self) {
        if self.cursor > 0 {
            self.cursor -= 1;
            self.chars.remove(self.cursor);
        }
    }
    pub fn delete(&mut self) {
        if self.cursor < self.chars.len() {
            self.chars.remove(self.cursor);
        }
    }
    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }
    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.chars.len());
    }
    pub fn home(&mut self) {
        self.cursor = 0;
    }
    pub fn end(&mut self) {
        self.cursor = self.chars.len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_line_turns_pasted_newlines_into_spaces() {
        let mut t = TextInput::new("", false, 100);
        t.insert("uno\r\ndos\n");
        assert_eq!(t.value(), "uno dos ");
        let mut m = TextInput::new("", true, 100);
        m.insert("uno\r\ndos");
        assert_eq!(m.value(), "uno\ndos");
        // Terminals send a pasted line break as a lone CR: still a break, never glued.
        let mut t = TextInput::new("", false, 100);
        t.insert("Honduras\rGuatemala\r");
        assert_eq!(t.value(), "Honduras Guatemala ");
        let mut m = TextInput::new("", true, 100);
        m.insert("uno\rdos");
        assert_eq!(m.value(), "uno\ndos");
    }

    #[test]
    fn a_pasted_novel_is_cut_at_the_cap() {
        let mut t = TextInput::new("", true, 10);
        assert!(!t.insert(&"x".repeat(100_000)));
        assert_eq!(t.len(), 10);
    }

    #[test]
    fn editing_keys() {
        let mut t = TextInput::new("niño", false, 100);
        t.backspace();
        t.left();
        t.insert("x");
        t.home();
        t.delete();
        assert_eq!(t.value(), "ixñ");
        t.end();
        assert_eq!(t.cursor(), 3);
    }
}
