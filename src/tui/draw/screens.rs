//! The other screens: welcome, review, summary.

use super::*;

pub(super) fn welcome<'a>(app: &App<'_>, theme: &Theme, width: usize) -> Vec<Line<'a>> {
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
            Span::raw(format!(
                "   {}: ",
                i18n::endings::words(&app.lang).code_prompt_label
            )),
            Span::styled(format!("{:<8}", app.code_entry.value()), theme.focus),
        ]));
    }
    // Offered in both languages: the person may not read the one chosen above.
    let on_read = app.on_read_aloud_row();
    let prefix = format!(
        "{} {}. [{}] ",
        if on_read { "›" } else { " " },
        qn.languages.len() + 2,
        if app.read_aloud { "x" } else { " " },
    );
    let label = format!("{} / {}", i18n::EN.read_to_me, i18n::ES.read_to_me);
    let style = if on_read { theme.focus } else { theme.base };
    push_wrapped(&mut out, &prefix, &label, width, style);
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

pub(super) fn review<'a>(app: &App<'_>, theme: &Theme, width: usize) -> (Vec<Line<'a>>, usize) {
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

pub(super) fn words(app: &App<'_>, q: usize, a: &Answer) -> String {
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

pub(super) fn summary<'a>(app: &App<'_>, theme: &Theme, width: usize) -> Vec<Line<'a>> {
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
        // Wrapped, never cut: the code is what the person needs to come back.
        out.extend(
            wrap(&format!("{}: {code}", s.intake_code), width)
                .into_iter()
                .map(|l| Line::styled(l, theme.info)),
        );
    }
    for t in &v.top {
        push_bullet(&mut out, "! ", t, width, theme.error);
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

pub(super) fn push_bullet<'a>(
    out: &mut Vec<Line<'a>>,
    bullet: &str,
    text: &str,
    width: usize,
    style: Style,
) {
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
