//! The question screen: the text, the rows (choices, a text field, "I don't know"), the cursor.

use super::*;

/// A question screen in two parts: the question text, which stays on screen, and the rows
/// below it (with the focused row's line and the text cursor), which scroll.
pub(super) struct QuestionLines<'a> {
    pub head: Vec<Line<'a>>,
    pub rows: Vec<Line<'a>>,
    pub focus: usize,
    pub cursor: Option<(usize, usize)>,
}

pub(super) fn question<'a>(app: &App<'_>, theme: &Theme, width: usize) -> QuestionLines<'a> {
    let s = strings(&app.lang);
    let Some(q) = app.question() else {
        return QuestionLines {
            head: Vec::new(),
            rows: Vec::new(),
            focus: 0,
            cursor: None,
        };
    };
    let head: Vec<Line<'a>> = wrap(q.text.get(&app.lang), width)
        .into_iter()
        .map(|l| Line::styled(l, theme.title))
        .collect();
    let mut out: Vec<Line<'a>> = Vec::new();
    if q.sensitive {
        out.extend(
            wrap(i18n::endings::privacy(&app.lang, app.encrypted), width)
                .into_iter()
                .map(|l| Line::styled(l, theme.dim)),
        );
    }
    if !out.is_empty() {
        out.push(Line::from(""));
    }
    let mut focus_line = out.len();
    let mut cursor = None;
    for (i, row) in app.rows().iter().enumerate() {
        // Nothing is highlighted until the person chooses.
        let focused = !app.untouched && i == app.focus;
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
                if let Some(d) = understood_date(app, q.kind) {
                    push_wrapped(&mut out, "  ", &d, width, theme.info);
                }
            }
            Row::Done => out.push(Line::styled(
                format!("{marker} {} (Ctrl-S)", s.done_row),
                style,
            )),
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
    QuestionLines {
        head,
        rows: out,
        focus: focus_line,
        cursor,
    }
}

/// How the date typed so far is read, in words, so a day-first or month-first slip shows
/// before the answer is given.
fn understood_date(app: &App<'_>, kind: Kind) -> Option<String> {
    if kind != Kind::Date {
        return None;
    }
    let d = crate::date::Date::parse_typed(&app.input.value(), &app.lang)?;
    Some(i18n::fill(
        strings(&app.lang).date_understood,
        &[("date", i18n::long_date(&app.lang, d))],
    ))
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
                "Día/mes/año, ejemplo: 30/06/2015"
            } else {
                "Month/day/year, example: 06/30/2015"
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
