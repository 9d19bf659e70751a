//! The question screen: the text, the rows (choices, a text field, "I don't know"), the cursor.

use super::*;

/// Lines of a question screen, the line of the focused row, and where the text cursor goes.
pub(super) fn question<'a>(
    app: &App<'_>,
    theme: &Theme,
    width: usize,
) -> (Vec<Line<'a>>, usize, Option<(usize, usize)>) {
    let s = strings(&app.lang);
    let Some(q) = app.question() else {
        return (Vec::new(), 0, None);
    };
    let mut out: Vec<Line<'a>> = wrap(q.text.get(&app.lang), width)
        .into_iter()
        .map(|l| Line::styled(l, theme.title))
        .collect();
    if q.sensitive {
        out.extend(
            wrap(s.sensitive_note, width)
                .into_iter()
                .map(|l| Line::styled(l, theme.dim)),
        );
    }
    out.push(Line::from(""));
    let mut focus_line = out.len();
    let mut cursor = None;
    for (i, row) in app.rows().iter().enumerate() {
        let focused = i == app.focus;
        if matches!(row, Row::DontKnow) {
            out.push(Line::from(""));
        }
        if focused {
            focus_line = out.len();
        }
        let style = if focused { theme.focus } else { theme.base };
        let marker = if focused { "›" } else { " " };
        match row {
            Row::Choice(c) => {
                let label = choice_label(
                    s,
                    q.kind,
                    &q.choices[*c].id,
                    q.choices[*c].label.get(&app.lang),
                );
                let tick = if q.kind == Kind::MultiChoice {
                    if app.marked[*c] { "[x] " } else { "[ ] " }
                } else {
                    ""
                };
                let prefix = format!("{marker} {}. {tick}", i + 1);
                push_wrapped(&mut out, &prefix, &label, width, style);
            }
            Row::Input => {
                let prompt = format!("{marker} {}:", s.type_answer);
                out.push(Line::styled(prompt, style));
                let value = app.input.value();
                let before: String = value.chars().take(app.input.cursor()).collect();
                let field_w = width.saturating_sub(4).max(1);
                let start = out.len();
                let lines = wrap_field(&value, field_w);
                for l in &lines {
                    out.push(Line::from(vec![
                        Span::raw("  "),
                        Span::styled(format!("{l:<field_w$}"), theme.focus),
                    ]));
                }
                if focused {
                    let before_lines = wrap_field(&before, field_w);
                    let row = before_lines.len().saturating_sub(1);
                    let col = before_lines
                        .last()
                        .map_or(0, |l| unicode_width::UnicodeWidthStr::width(l.as_str()));
                    cursor = Some((start + row, 2 + col));
                    focus_line = start + row;
                }
                if let Some(h) = input_hint(app, q.kind) {
                    out.push(Line::styled(format!("  {h}"), theme.dim));
                }
            }
            Row::Continue => out.push(Line::styled(format!("{marker} {}", s.continue_), style)),
            Row::DontKnow => out.push(Line::styled(
                format!("{marker} {}. {}", i + 1, s.dont_know),
                style,
            )),
            Row::RatherNotSay => out.push(Line::styled(
                format!("{marker} {}. {}", i + 1, s.rather_not_say),
                style,
            )),
        }
    }
    (out, focus_line, cursor)
}

/// Field text split into lines: explicit newlines kept, long lines cut at the field width.
pub(super) fn wrap_field(text: &str, width: usize) -> Vec<String> {
    let mut out = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        let mut w = 0;
        for ch in para.chars() {
            let cw = unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
            if w + cw > width {
                out.push(std::mem::take(&mut line));
                w = 0;
            }
            line.push(ch);
            w += cw;
        }
        out.push(line);
    }
    out
}

pub(crate) fn input_hint(app: &App<'_>, kind: Kind) -> Option<String> {
    let es = app.lang == "es";
    match kind {
        Kind::Year => Some(if es { "Ejemplo: 2015" } else { "Example: 2015" }.to_owned()),
        Kind::Date => Some(
            if es {
                "Año-mes-día, ejemplo: 2015-06-30"
            } else {
                "Year-month-day, example: 2015-06-30"
            }
            .to_owned(),
        ),
        Kind::Number => Some(
            if es {
                "Solo números, ejemplo: 2"
            } else {
                "Numbers only, example: 2"
            }
            .to_owned(),
        ),
        Kind::Text => {
            let max = app.input.max_chars;
            Some(format!("{}/{max}", app.input.len()))
        }
        _ => None,
    }
}

pub(super) fn choice_label(s: &Strings, kind: Kind, id: &str, label: &str) -> String {
    match (kind, id) {
        (Kind::YesNo, "yes") => s.yes.to_owned(),
        (Kind::YesNo, "no") => s.no.to_owned(),
        _ => label.to_owned(),
    }
}

/// Wraps `text` after a fixed prefix; continuation lines are indented under the text.
pub(super) fn push_wrapped<'a>(
    out: &mut Vec<Line<'a>>,
    prefix: &str,
    text: &str,
    width: usize,
    style: Style,
) {
    let indent = unicode_width::UnicodeWidthStr::width(prefix);
    for (i, l) in wrap(text, width.saturating_sub(indent))
        .into_iter()
        .enumerate()
    {
        let lead = if i == 0 {
            prefix.to_owned()
        } else {
            " ".repeat(indent)
        };
        out.push(Line::styled(format!("{lead}{l}"), style));
    }
}
