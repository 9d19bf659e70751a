//! Words the summary adds above its groups (unfinished intake, next court date, content age)
//! and for counting days, one table per language. Kept beside the renderers that use them.

pub struct Words {
    /// `{sections}`: the titles of the sections not asked yet.
    pub unfinished: &'static str,
    /// `{date}`, `{when}`.
    pub next_court_date: &'static str,
    pub court_date_passed: &'static str,
    pub today: &'static str,
    pub tomorrow: &'static str,
    /// `{n}`.
    pub in_days: &'static str,
    pub yesterday: &'static str,
    /// `{n}`.
    pub days_ago: &'static str,
    pub out_of_date: &'static str,
    pub important: &'static str,
    /// Welcome screen, for staff: `{date}`, `{days}`.
    pub staff_content_age: &'static str,
}

pub static EN: Words = Words {
    unfinished: "This intake is not finished. Not asked yet: {sections}. What is below may change.",
    next_court_date: "Your next court date: {date} ({when}).",
    court_date_passed: "The court date you gave, {date}, has passed ({when}). Talk to a lawyer right away.",
    today: "today",
    tomorrow: "tomorrow",
    in_days: "in {n} days",
    yesterday: "yesterday",
    days_ago: "{n} days ago",
    out_of_date: "This information may be out of date; ask the staff.",
    important: "Important",
    staff_content_age: "Staff: the legal content was last checked on {date}, {days} days ago. It may be out of date.",
};

pub static ES: Words = Words {
    unfinished: "Esta entrevista no está terminada. Falta preguntar: {sections}. Lo que sigue puede cambiar.",
    next_court_date: "Su próxima fecha de corte: {date} ({when}).",
    court_date_passed: "La fecha de corte que dio, {date}, ya pasó ({when}). Hable con un abogado cuanto antes.",
    today: "hoy",
    tomorrow: "mañana",
    in_days: "en {n} días",
    yesterday: "ayer",
    days_ago: "hace {n} días",
    out_of_date: "Es posible que esta información no esté al día; pregunte al personal.",
    important: "Importante",
    staff_content_age: "Personal: el contenido legal se revisó por última vez el {date}, hace {days} días. Es posible que no esté al día.",
};

pub fn words(lang: &str) -> &'static Words {
    match lang {
        "es" => &ES,
        _ => &EN,
    }
}

/// "today", "in 3 days", "2 days ago" in `lang`.
pub fn days_from_now(lang: &str, days: i64) -> String {
    let w = words(lang);
    match days {
        0 => w.today.to_owned(),
        1 => w.tomorrow.to_owned(),
        -1 => w.yesterday.to_owned(),
        n if n > 1 => w.in_days.replace("{n}", &n.to_string()),
        n => w.days_ago.replace("{n}", &(-n).to_string()),
    }
}

/// The welcome screen's staff line about content age, when the content is over 180 days old.
pub fn content_age_note(
    qn: &crate::model::Questionnaire,
    today: crate::date::Date,
    lang: &str,
) -> Option<String> {
    let age = crate::scoring::content_age(qn, today).filter(|a| a.out_of_date)?;
    Some(
        words(lang)
            .staff_content_age
            .replace("{date}", &age.policy_as_of)
            .replace("{days}", &age.days.to_string()),
    )
}

/// Staff lines joined one per line (`None` when there are none).
pub fn join_notes(notes: impl IntoIterator<Item = Option<String>>) -> Option<String> {
    let v: Vec<String> = notes.into_iter().flatten().collect();
    (!v.is_empty()).then(|| v.join("\n"))
}
