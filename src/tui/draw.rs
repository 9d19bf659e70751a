//! Pure drawing from `&App`: no I/O, no state changes. One function per screen.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::app::{App, Message, Row, Screen};
use super::theme::Theme;
use super::wrap::wrap;
use crate::answer::Answer;
use crate::i18n::{self, Strings, strings};
use crate::model::Kind;
use crate::report::view::answer_words;
use crate::scoring::Because;

pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;

pub fn draw(f: &mut Frame<'_>, app: &App<'_>, theme: &Theme) {
    let area = f.area();
    f.render_widget(Block::default().style(theme.base), area);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let s = strings(&app.lang);
        let lines: Vec<Line<'_>> = wrap(s.enlarge_window, usize::from(area.width))
            .into_iter()
            .map(Line::from)
            .collect();
        f.render_widget(Paragraph::new(lines).style(theme.base), area);
        return;
    }
    let width = usize::from(area.width - 2);
    let (header, body_lines, focus_line, cursor) = match app.screen {
        Screen::Welcome => (
            header_title(app, theme),
            welcome(app, theme, width),
            app.focus + 2,
            None,
        ),
        Screen::Question => {
            let (lines, focus, cursor) = question(app, theme, width);
            (header_progress(app, theme, width), lines, focus, cursor)
        }
        Screen::Review => {
            let (lines, focus) = review(app, theme, width);
            (header_title(app, theme), lines, focus, None)
        }
        Screen::Summary => (
            header_title(app, theme),
            summary(app, theme, width),
            usize::from(app.scroll),
            None,
        ),
        Screen::Locked => (vec![Line::from("")], locked(app, width), 0, None),
    };
    let hints = hint_line(app, width);
    let message = message_lines(app, theme, width);
    let header_h = u16::try_from(header.len()).unwrap_or(2);
    let footer_h = u16::try_from(hints.len() + message.len()).unwrap_or(2);
    let body_h = area.height.saturating_sub(header_h + footer_h + 1);
    let header_area = Rect {
        x: area.x + 1,
        y: area.y,
        width: area.width - 2,
        height: header_h,
    };
    let body_area = Rect {
        x: area.x + 1,
        y: area.y + header_h + 1,
        width: area.width - 2,
        height: body_h,
    };
    let footer_area = Rect {
        x: area.x + 1,
        y: area.y + area.height - footer_h,
        width: area.width - 2,
        height: footer_h,
    };
    f.render_widget(Paragraph::new(header), header_area);
    // Scroll so the focused line (or the summary offset) is visible.
    let total = body_lines.len();
    let h = usize::from(body_h).max(1);
    let offset = if app.screen == Screen::Summary {
        focus_line.min(total.saturating_sub(h))
    } else if focus_line >= h {
        (focus_line + 2).min(total).saturating_sub(h)
    } else {
        0
    };
    let visible: Vec<Line<'_>> = body_lines.into_iter().skip(offset).take(h).collect();
    f.render_widget(Paragraph::new(visible), body_area);
    let mut footer = message;
    footer.extend(hints);
    f.render_widget(Paragraph::new(footer), footer_area);
    if let Some((line, col)) = cursor {
        if line >= offset && line < offset + h {
            let y = body_area.y + u16::try_from(line - offset).unwrap_or(0);
            let x = body_area.x
                + u16::try_from(col)
                    .unwrap_or(0)
                    .min(body_area.width.saturating_sub(1));
            f.set_cursor_position(Position { x, y });
        }
    }
    if app.help_open {
        help(f, app, theme, area);
    }
}

fn header_title<'a>(app: &App<'_>, theme: &Theme) -> Vec<Line<'a>> {
    let title = app.iv.questionnaire().title.get(&app.lang).to_owned();
    vec![Line::styled(title, theme.title)]
}

fn header_progress<'a>(app: &App<'_>, theme: &Theme, width: usize) -> Vec<Line<'a>> {
    let s = strings(&app.lang);
    let qn = app.iv.questionnaire();
    let section = app
        .question()
        .map(|q| qn.sections[q.section].title.get(&app.lang).to_owned())
        .unwrap_or_default();
    let p = app.iv.progress();
    let number = app
        .iv
        .current()
        .map_or(p.answered + 1, |q| app.iv.number(q));
    let n = i18n::fill(s.question_n, &[("n", number.to_string())]);
    let left = if p.possible == 0 {
        s.none_left.to_owned()
    } else if p.certain == p.possible {
        i18n::fill(s.exactly_left, &[("n", p.certain.to_string())])
    } else {
        i18n::fill(
            s.about_left,
            &[
                ("min", p.certain.to_string()),
                ("max", p.possible.to_string()),
            ],
        )
    };
    let mut lines: Vec<Line<'a>> = wrap(&section, width)
        .into_iter()
        .map(|l| Line::styled(l, theme.title))
        .collect();
    let code = app
        .code
        .as_ref()
        .map(|c| format!(" · {c}"))
        .unwrap_or_default();
    lines.push(Line::styled(format!("{n} · {left}{code}"), theme.dim));
    lines
}

fn welcome<'a>(app: &App<'_>, theme: &Theme, width: usize) -> Vec<Line<'a>> {
    let qn = app.iv.questionnaire();
    // Before a language is chosen, the prompt is shown in every language.
    let prompt = [&i18n::EN, &i18n::ES]
        .iter()
        .map(|t| t.welcome_choose_language)
        .collect::<Vec<_>>()
        .join(" / ");
    let mut out = vec![Line::styled(prompt, theme.heading)];
    out.push(Line::from(""));
    for (i, l) in qn.languages.iter().enumerate() {
        let focused = i == app.focus;
        let text = format!("{} {}. {}", if focused { "›" } else { " " }, i + 1, l.name);
        out.push(Line::styled(
            text,
            if focused { theme.focus } else { theme.base },
        ));
    }
    let s = strings(&app.lang);
    let on_code = app.on_code_row();
    out.push(Line::styled(
        format!(
            "{} {}. {}",
            if on_code { "›" } else { " " },
            qn.languages.len() + 1,
            s.continue_with_code
        ),
        if on_code { theme.focus } else { theme.base },
    ));
    if on_code {
        out.push(Line::from(vec![
            Span::raw(format!("   {}: ", s.resume_code)),
            Span::styled(format!("{:<8}", app.code_entry.value()), theme.focus),
        ]));
    }
    out.push(Line::from(""));
    for l in wrap(qn.notice.get(&app.lang), width) {
        out.push(Line::from(l));
    }
    if let Some(note) = &app.staff_note {
        out.push(Line::from(""));
        for l in wrap(note, width) {
            out.push(Line::styled(l, theme.error));
        }
    }
    out
}

/// Lines of a question screen, the line of the focused row, and where the text cursor goes.
fn question<'a>(
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
fn wrap_field(text: &str, width: usize) -> Vec<String> {
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

fn input_hint(app: &App<'_>, kind: Kind) -> Option<String> {
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

fn choice_label(s: &Strings, kind: Kind, id: &str, label: &str) -> String {
    match (kind, id) {
        (Kind::YesNo, "yes") => s.yes.to_owned(),
        (Kind::YesNo, "no") => s.no.to_owned(),
        _ => label.to_owned(),
    }
}

/// Wraps `text` after a fixed prefix; continuation lines are indented under the text.
fn push_wrapped<'a>(out: &mut Vec<Line<'a>>, prefix: &str, text: &str, width: usize, style: Style) {
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

fn review<'a>(app: &App<'_>, theme: &Theme, width: usize) -> (Vec<Line<'a>>, usize) {
    let s = strings(&app.lang);
    let qn = app.iv.questionnaire();
    let mut out = vec![Line::styled(s.review.to_owned(), theme.heading)];
    let mut focus_line = 0;
    let mut last_section = usize::MAX;
    for (i, q) in app.review_items().into_iter().enumerate() {
        let question = &qn.questions[q];
        if question.section != last_section {
            last_section = question.section;
            out.push(Line::from(""));
            out.push(Line::styled(
                qn.sections[question.section]
                    .title
                    .get(&app.lang)
                    .to_owned(),
                theme.title,
            ));
        }
        let focused = i == app.focus;
        if focused {
            focus_line = out.len();
        }
        let style = if focused { theme.focus } else { theme.base };
        let marker = if focused { "› " } else { "  " };
        push_wrapped(&mut out, marker, question.text.get(&app.lang), width, style);
        let answer = app
            .iv
            .stored(q)
            .map(|a| words(app, q, a))
            .unwrap_or_default();
        for l in wrap(&answer, width.saturating_sub(6)) {
            out.push(Line::styled(format!("      {l}"), theme.dim));
        }
    }
    (out, focus_line)
}

fn words(app: &App<'_>, q: usize, a: &Answer) -> String {
    let qn = app.iv.questionnaire();
    answer_words(
        qn,
        &Because {
            question: qn.questions[q].id.clone(),
            answer: a.to_json(),
        },
        &app.lang,
    )
}

fn summary<'a>(app: &App<'_>, theme: &Theme, width: usize) -> Vec<Line<'a>> {
    let s = strings(&app.lang);
    let Some(v) = &app.summary else {
        return Vec::new();
    };
    let mut out = vec![Line::styled(v.title.to_owned(), theme.heading)];
    out.extend(
        wrap(v.disclaimer, width)
            .into_iter()
            .map(|l| Line::styled(l, theme.dim)),
    );
    if let Some(code) = &app.code {
        out.push(Line::styled(
            format!("{}: {code}", s.resume_code),
            theme.info,
        ));
    }
    if !v.notices.is_empty() {
        out.push(Line::from(""));
        out.push(Line::styled(s.notices.to_owned(), theme.heading));
        for n in &v.notices {
            push_bullet(&mut out, "! ", n, width, theme.error);
        }
    }
    for g in &v.groups {
        out.push(Line::from(""));
        out.push(Line::styled(
            format!("{} ({})", g.title, g.items.len()),
            theme.heading,
        ));
        if g.items.is_empty() {
            out.push(Line::styled(format!("  {}", s.nothing_here), theme.dim));
        }
        for i in &g.items {
            let remark = i.remark.map(|r| format!(" — {r}")).unwrap_or_default();
            push_bullet(
                &mut out,
                &format!("{} ", i.symbol),
                &format!("{} [{}]{remark}", i.title, i.status_word),
                width,
                theme.title,
            );
            if !i.explain.is_empty() {
                push_bullet(&mut out, "  ", &i.explain, width, theme.base);
            }
            if !i.documents_have.is_empty() {
                push_bullet(
                    &mut out,
                    "  ",
                    &format!("{}: {}", s.documents_bring, i.documents_have.join("; ")),
                    width,
                    theme.base,
                );
            }
            if !i.documents_to_get.is_empty() {
                push_bullet(
                    &mut out,
                    "  ",
                    &format!("{}: {}", s.documents_get, i.documents_to_get.join("; ")),
                    width,
                    theme.info,
                );
            }
            if let Some(n) = &i.next_step {
                push_bullet(
                    &mut out,
                    "  ",
                    &format!("{}: {n}", s.next_step),
                    width,
                    theme.dim,
                );
            }
        }
    }
    out
}

fn push_bullet<'a>(out: &mut Vec<Line<'a>>, bullet: &str, text: &str, width: usize, style: Style) {
    let indent = unicode_width::UnicodeWidthStr::width(bullet) + 2;
    for (i, l) in wrap(text, width.saturating_sub(indent))
        .into_iter()
        .enumerate()
    {
        let prefix = if i == 0 {
            format!("  {bullet}")
        } else {
            " ".repeat(indent)
        };
        out.push(Line::styled(format!("{prefix}{l}"), style));
    }
}

fn locked<'a>(app: &App<'_>, width: usize) -> Vec<Line<'a>> {
    let es = app.lang == "es";
    let text = if app.code.is_some() {
        if es {
            "Pantalla bloqueada. Escriba su código y pulse Enter."
        } else {
            "Screen locked. Type your code and press Enter."
        }
    } else if es {
        "Pantalla bloqueada. Pulse Enter para seguir."
    } else {
        "Screen locked. Press Enter to continue."
    };
    let mut out: Vec<Line<'a>> = wrap(text, width).into_iter().map(Line::from).collect();
    out.push(Line::from("*".repeat(app.unlock.len())));
    out
}

fn message_lines<'a>(app: &App<'_>, theme: &Theme, width: usize) -> Vec<Line<'a>> {
    match &app.message {
        Some(Message::Error(m)) => wrap(&format!("! {m}"), width)
            .into_iter()
            .map(|l| Line::styled(l, theme.error))
            .collect(),
        Some(Message::Info(m)) => wrap(&format!("i {m}"), width)
            .into_iter()
            .map(|l| Line::styled(l, theme.info))
            .collect(),
        None => Vec::new(),
    }
}

/// The key-hint line, generated from what the keys do on this screen.
fn hint_line<'a>(app: &App<'_>, width: usize) -> Vec<Line<'a>> {
    let s = strings(&app.lang);
    let typing = app.screen == Screen::Question && app.focused_row() == Some(Row::Input);
    let multi = app.question().is_some_and(|q| q.kind == Kind::MultiChoice);
    let mut keys: Vec<(String, &str)> = Vec::new();
    match app.screen {
        Screen::Question => {
            if multi {
                keys.push((s.space_key.into(), s.toggle));
            }
            if typing && app.input.multiline {
                keys.extend([
                    ("Enter".into(), s.newline),
                    ("Ctrl-S".into(), s.submit_text),
                ]);
            } else {
                keys.push(("Enter".into(), s.continue_));
            }
            keys.push(("Esc".into(), s.back));
            keys.push((if typing { "F1".into() } else { "?".into() }, s.help));
            keys.push(("F2".into(), s.language_key));
            keys.push(("F3".into(), s.review));
        }
        Screen::Review => keys.extend([
            ("Enter".into(), s.select),
            ("Esc".into(), s.back),
            ("F2".into(), s.language_key),
        ]),
        Screen::Summary => keys.extend([
            ("↑↓".into(), s.scroll),
            ("q".into(), s.quit),
            ("s".into(), s.staff_report_key),
            ("t".into(), s.take_home_key),
            ("F2".into(), s.language_key),
            ("r".into(), s.review),
            ("Esc".into(), s.back),
        ]),
        Screen::Welcome => keys.extend([
            ("↑↓".into(), s.select),
            ("Enter".into(), s.start),
            ("F2".into(), s.language_key),
        ]),
        Screen::Locked => {}
    }
    // Keys are listed most important first; on a narrow window the last ones give way so
    // the hints never take more than two lines.
    loop {
        let text = keys
            .iter()
            .map(|(k, v)| format!("{k} {v}"))
            .collect::<Vec<_>>()
            .join(" · ");
        let lines = wrap(&text, width);
        if lines.len() <= 2 || keys.len() <= 2 {
            return lines.into_iter().map(Line::from).collect();
        }
        keys.pop();
    }
}

fn help(f: &mut Frame<'_>, app: &App<'_>, theme: &Theme, area: Rect) {
    let s = strings(&app.lang);
    let w = area.width.saturating_sub(4).max(1);
    let h = area.height.saturating_sub(2).max(1);
    let rect = Rect {
        x: area.x + 2,
        y: area.y + 1,
        width: w,
        height: h,
    };
    let inner = usize::from(w.saturating_sub(2));
    // Help texts begin with "Why we ask: …" themselves; the heading is the plain word "Help".
    let mut lines: Vec<Line<'_>> = vec![Line::styled(s.help.to_owned(), theme.heading)];
    if let Some(q) = app.question() {
        let help = q
            .help
            .as_ref()
            .map(|t| t.get(&app.lang).to_owned())
            .unwrap_or_default();
        lines.extend(wrap(&help, inner).into_iter().map(Line::from));
        if q.sensitive {
            lines.push(Line::from(""));
            lines.extend(wrap(s.sensitive_note, inner).into_iter().map(Line::from));
        }
    }
    lines.push(Line::from(""));
    lines.push(Line::styled(format!("Esc {}", s.back), theme.dim));
    f.render_widget(Clear, rect);
    f.render_widget(
        Paragraph::new(lines)
            .block(Block::bordered())
            .style(theme.base),
        rect,
    );
}
