//! Chrome strings (buttons, key hints, messages to applicants) in one table per language.
//! Content (questions, factors) comes from the question file; nothing here is legal content.

pub mod endings;

use crate::scoring::Status;

mod invalid;
mod plural;
pub mod words;

pub use invalid::invalid;
pub use plural::{Plural, PluralCategory, count, plural_category};

pub struct Strings {
    pub yes: &'static str,
    pub no: &'static str,
    pub dont_know: &'static str,
    pub rather_not_say: &'static str,
    pub group_strong: &'static str,
    pub group_needs_papers: &'static str,
    pub group_weak: &'static str,
    pub group_lawyer: &'static str,
    pub group_unknown: &'static str,
    pub notices: &'static str,
    pub documents_bring: &'static str,
    pub documents_get: &'static str,
    pub would_be_strong: &'static str,
    pub serious: &'static str,
    pub other_relief: &'static str,
    pub nothing_here: &'static str,
    pub because: &'static str,
    pub next_step: &'static str,
    pub summary_title: &'static str,
    pub not_legal_advice: &'static str,
    pub welcome_choose_language: &'static str,
    pub start: &'static str,
    pub continue_: &'static str,
    pub back: &'static str,
    pub help: &'static str,
    pub quit: &'static str,
    pub language_key: &'static str,
    pub select: &'static str,
    pub toggle: &'static str,
    pub submit_text: &'static str,
    pub newline: &'static str,
    pub scroll: &'static str,
    pub why_we_ask: &'static str,
    pub enlarge_window: &'static str,
    /// The first line of a question screen whose start is out of view.
    pub more_above: &'static str,
    pub question_n: &'static str,
    pub about_left: &'static str,
    pub none_left: &'static str,
    pub exactly_left: Plural,
    pub flag_word: &'static str,
    pub unencrypted_note: &'static str,
    pub report_unavailable: &'static str,
    pub report_saved: &'static str,
    pub report_encrypted: &'static str,
    pub staff_report_key: &'static str,
    pub take_home_key: &'static str,
    pub space_key: &'static str,
    pub continue_with_code: &'static str,
    pub intake_code: &'static str,
    pub code_did_not_work: &'static str,
    pub questionnaire_changed: Plural,
    pub set_aside: Plural,
    pub restored: Plural,
    pub review: &'static str,
    pub finish: &'static str,
    pub type_answer: &'static str,
    pub could_not_save: &'static str,
    pub saved: &'static str,
    pub resume_code: &'static str,
    pub quit_confirm: &'static str,
    pub answer_missing: &'static str,
    pub plain_intro: &'static str,
    pub plain_press_enter: &'static str,
    pub plain_several: &'static str,
    pub plain_or_unknown: &'static str,
    pub plain_keep: &'static str,
    pub plain_first: &'static str,
    pub plain_no_help: &'static str,
    pub plain_left_range: &'static str,
    pub plain_left_exact: Plural,
    pub plain_left_none: &'static str,
    pub plain_hint_number: &'static str,
    pub plain_hint_year: &'static str,
    pub plain_hint_date: &'static str,
    pub plain_hint_text: &'static str,
    /// Read aloud (issue 21): the key hint, the welcome choice, its state, no voice found.
    pub read_aloud_key: &'static str,
    pub read_to_me: &'static str,
    pub on: &'static str,
    pub off: &'static str,
    pub no_voice: &'static str,
    /// Enter on a yes/no or single-choice question with nothing chosen.
    pub choose_first: &'static str,
    /// Enter on a multi-choice question with nothing marked.
    pub mark_first: &'static str,
    /// The row under a multi-line text field that submits it.
    pub done_row: &'static str,
    /// The last line of a cut list or text.
    pub more_below: &'static str,
    /// Under a date field: how the typed date was read.
    pub date_understood: &'static str,
    pub months: [&'static str; 12],
    /// `{day}`, `{month}`, `{year}`: a date in words.
    pub long_date: &'static str,
    /// A typed but unsubmitted text brought back.
    pub draft_restored: &'static str,
}

pub static EN: Strings = Strings {
    yes: "Yes",
    no: "No",
    dont_know: "I don't know",
    rather_not_say: "I'd rather not say",
    group_strong: "Your strongest points",
    group_needs_papers: "Needs papers",
    group_weak: "Weaker points",
    group_lawyer: "Talk to a lawyer about",
    group_unknown: "Questions to finish with staff",
    notices: "Important",
    documents_bring: "Papers to bring",
    documents_get: "Papers to get",
    would_be_strong: "could be a strong point with papers",
    serious: "serious",
    other_relief: "You may qualify for another way to stay. A lawyer must check.",
    nothing_here: "Nothing here.",
    because: "Because you said",
    next_step: "Next step",
    summary_title: "Your summary",
    not_legal_advice: "This is not legal advice. Show this to the clinic staff.",
    welcome_choose_language: "Choose your language",
    start: "Start",
    continue_: "Continue",
    back: "Back",
    help: "Help",
    quit: "Quit",
    language_key: "Español",
    select: "Choose",
    toggle: "Mark",
    submit_text: "Done",
    newline: "New line",
    scroll: "Scroll",
    why_we_ask: "Why we ask",
    enlarge_window: "Please make the window bigger.",
    more_above: "↑ more above (Up arrow)",
    question_n: "Question {n}",
    about_left: "about {min}–{max} questions left",
    none_left: "almost done",
    exactly_left: Plural {
        one: "{n} question left",
        other: "{n} questions left",
    },
    flag_word: "another way to stay?",
    report_unavailable: "Reports cannot be saved here. Staff can use: pd-intake report CODE.",
    report_saved: "Saved for staff: {path}",
    report_encrypted: "Intakes here are encrypted, so no report is saved in the clear. Staff can use: pd-intake report {code} --identity FILE.",
    staff_report_key: "Staff report",
    take_home_key: "Papers to bring (print)",
    space_key: "Space",
    continue_with_code: "I have a code to continue",
    intake_code: "Your intake code (show it to the staff)",
    code_did_not_work: "That code did not work. Please check it with the staff.",
    questionnaire_changed: Plural {
        one: "The questions were updated since you started: {n} question will be asked again or for the first time.",
        other: "The questions were updated since you started: {n} questions will be asked again or for the first time.",
    },
    unencrypted_note: "For staff: no clinic key is set, so intakes are saved on this computer without encryption. To turn it on: pd-intake setup --identity FILE.",
    set_aside: Plural {
        one: "Because of this answer, {n} later answer no longer counts. It is kept in case you change back.",
        other: "Because of this answer, {n} later answers no longer count. They are kept in case you change back.",
    },
    restored: Plural {
        one: "{n} answer you gave before counts again.",
        other: "{n} answers you gave before count again.",
    },
    review: "Review my answers",
    finish: "See my summary",
    type_answer: "Type your answer",
    could_not_save: "Could not save — please tell the staff.",
    saved: "Saved",
    resume_code: "Your code to continue later",
    quit_confirm: "Your answers are saved. Press q again to leave, or any other key to stay.",
    answer_missing: "Please choose an answer first.",
    plain_intro: "Plain mode: one question at a time. Type the number of your answer, or its words, and press Enter. Type ? for help, b to go back, :es for Spanish, :q to stop for now. Your answers are saved after each one.",
    plain_press_enter: "Press Enter to continue.",
    plain_several: "You may choose more than one: type the numbers with commas, like 1,3.",
    plain_or_unknown: "If you don't know, type unknown. If you'd rather not say, type declined.",
    plain_keep: "Your answer before: {answer}. Press Enter to keep it, or type a new answer.",
    plain_first: "This is the first question.",
    plain_no_help: "There is no more help for this question.",
    plain_left_range: "About {min} to {max} left.",
    plain_left_exact: Plural {
        one: "{n} question left.",
        other: "{n} questions left.",
    },
    plain_left_none: "Almost done.",
    plain_hint_number: "Type a number, like 3.",
    plain_hint_year: "Type the year with 4 digits, like 2015.",
    plain_hint_date: "Type the date as month/day/year, like 06/30/2015 (or 2015-06-30).",
    plain_hint_text: "Type your answer on one line and press Enter.",
    read_aloud_key: "read aloud",
    read_to_me: "Read the questions to me",
    on: "on",
    off: "off",
    no_voice: "This computer has no voice to read aloud. Ask the staff for help, or go on reading.",
    choose_first: "Nothing chosen yet. Use the arrows or a number, then Enter.",
    mark_first: "Nothing marked yet. Mark with Space or a number, then Enter.",
    done_row: "Done: save this text",
    more_below: "↓ more below",
    date_understood: "We read this as: {date}",
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    long_date: "{month} {day}, {year}",
    draft_restored: "What you typed before is still here.",
};

pub static ES: Strings = Strings {
    yes: "Sí",
    no: "No",
    dont_know: "No sé",
    rather_not_say: "Prefiero no decir",
    group_strong: "Sus puntos más fuertes",
    group_needs_papers: "Le faltan papeles",
    group_weak: "Puntos más débiles",
    group_lawyer: "Hable con un abogado sobre",
    group_unknown: "Preguntas para terminar con el personal",
    notices: "Importante",
    documents_bring: "Papeles para traer",
    documents_get: "Papeles para conseguir",
    would_be_strong: "podría ser un punto fuerte con papeles",
    serious: "grave",
    other_relief: "Puede que usted califique para otra forma de quedarse. Un abogado debe revisarlo.",
    nothing_here: "Nada aquí.",
    because: "Porque usted dijo",
    next_step: "Siguiente paso",
    summary_title: "Su resumen",
    not_legal_advice: "Esto no es asesoría legal. Muéstrele esto al personal de la clínica.",
    welcome_choose_language: "Elija su idioma",
    start: "Empezar",
    continue_: "Seguir",
    back: "Atrás",
    help: "Ayuda",
    quit: "Salir",
    language_key: "English",
    select: "Elegir",
    toggle: "Marcar",
    submit_text: "Listo",
    newline: "Nueva línea",
    scroll: "Desplazar",
    why_we_ask: "Por qué preguntamos",
    enlarge_window: "Por favor, agrande la ventana.",
    more_above: "↑ hay más arriba (flecha hacia arriba)",
    question_n: "Pregunta {n}",
    about_left: "faltan unas {min}–{max} preguntas",
    none_left: "casi termina",
    exactly_left: Plural {
        one: "falta {n} pregunta",
        other: "faltan {n} preguntas",
    },
    flag_word: "¿otra forma de quedarse?",
    report_unavailable: "Aquí no se pueden guardar informes. El personal puede usar: pd-intake report CÓDIGO.",
    report_saved: "Guardado para el personal: {path}",
    report_encrypted: "Las entrevistas aquí están cifradas, así que no se guarda ningún informe sin cifrar. El personal puede usar: pd-intake report {code} --identity ARCHIVO.",
    staff_report_key: "Informe para el personal",
    take_home_key: "Papeles para traer (imprimir)",
    space_key: "Espacio",
    continue_with_code: "Tengo un código para seguir",
    intake_code: "Su código de entrevista (muéstrelo al personal)",
    code_did_not_work: "Ese código no funcionó. Por favor, revíselo con el personal.",
    questionnaire_changed: Plural {
        one: "Las preguntas cambiaron desde que usted empezó: se le hará {n} pregunta otra vez o por primera vez.",
        other: "Las preguntas cambiaron desde que usted empezó: se le harán {n} preguntas otra vez o por primera vez.",
    },
    unencrypted_note: "Para el personal: no hay clave de la clínica, así que las entrevistas se guardan en esta computadora sin cifrar. Para cifrarlas: pd-intake setup --identity ARCHIVO.",
    set_aside: Plural {
        one: "Por esta respuesta, {n} respuesta que viene después ya no cuenta. La guardamos por si usted cambia de idea.",
        other: "Por esta respuesta, {n} respuestas que vienen después ya no cuentan. Las guardamos por si usted cambia de idea.",
    },
    restored: Plural {
        one: "{n} respuesta que usted ya había dado vuelve a contar.",
        other: "{n} respuestas que usted ya había dado vuelven a contar.",
    },
    review: "Revisar mis respuestas",
    finish: "Ver mi resumen",
    type_answer: "Escriba su respuesta",
    could_not_save: "No se pudo guardar. Por favor, avise al personal.",
    saved: "Guardado",
    resume_code: "Su código para seguir después",
    quit_confirm: "Sus respuestas están guardadas. Pulse q otra vez para salir, o cualquier otra tecla para quedarse.",
    answer_missing: "Primero elija una respuesta.",
    plain_intro: "Modo sencillo: una pregunta a la vez. Escriba el número de su respuesta, o sus palabras, y pulse Enter. Escriba ? para ayuda, b para volver atrás, :en para inglés, :q para parar por ahora. Sus respuestas se guardan después de cada una.",
    plain_press_enter: "Pulse Enter para seguir.",
    plain_several: "Puede elegir más de una: escriba los números con comas, por ejemplo 1,3.",
    plain_or_unknown: "Si no sabe, escriba no sé. Si prefiere no decir, escriba prefiero no decir.",
    plain_keep: "Su respuesta anterior: {answer}. Pulse Enter para dejarla, o escriba otra respuesta.",
    plain_first: "Esta es la primera pregunta.",
    plain_no_help: "No hay más ayuda para esta pregunta.",
    plain_left_range: "Quedan entre {min} y {max}.",
    plain_left_exact: Plural {
        one: "Queda {n} pregunta.",
        other: "Quedan {n} preguntas.",
    },
    plain_left_none: "Casi termina.",
    plain_hint_number: "Escriba un número, por ejemplo 3.",
    plain_hint_year: "Escriba el año con 4 números, por ejemplo 2015.",
    plain_hint_date: "Escriba la fecha así: día/mes/año, por ejemplo 30/06/2015.",
    plain_hint_text: "Escriba su respuesta en una línea y pulse Enter.",
    read_aloud_key: "leer en voz alta",
    read_to_me: "Léame las preguntas",
    on: "sí",
    off: "no",
    no_voice: "Esta computadora no tiene una voz para leer en voz alta. Pida ayuda al personal o siga leyendo.",
    choose_first: "Aún no ha elegido. Use las flechas o un número, y luego Enter.",
    mark_first: "Aún no ha marcado nada. Marque con Espacio o un número, y luego Enter.",
    done_row: "Listo: guardar este texto",
    more_below: "↓ hay más abajo",
    date_understood: "Entendimos: {date}",
    months: [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    long_date: "{day} de {month} de {year}",
    draft_restored: "Lo que usted escribió antes sigue aquí.",
};

/// The strings for a language code; unknown codes fall back to English.
pub fn strings(lang: &str) -> &'static Strings {
    match lang {
        "es" => &ES,
        _ => &EN,
    }
}

/// Fills `{name}` placeholders.
pub fn fill(template: &str, pairs: &[(&str, String)]) -> String {
    let mut s = template.to_owned();
    for (k, v) in pairs {
        s = s.replace(&format!("{{{k}}}"), v);
    }
    s
}

/// A date in words in `lang` ("March 15, 2027", "15 de marzo de 2027"), to show how a typed
/// date was read.
pub fn long_date(lang: &str, d: crate::date::Date) -> String {
    let s = strings(lang);
    let month = s.months[usize::from(d.month.clamp(1, 12)) - 1];
    fill(
        s.long_date,
        &[
            ("day", d.day.to_string()),
            ("month", month.to_owned()),
            ("year", d.year.to_string()),
        ],
    )
}

/// A status as a word and a symbol, so colour is never the only signal.
pub fn status_word(lang: &str, s: Status) -> (&'static str, &'static str) {
    let es = lang == "es";
    match s {
        Status::Strong => ("✔", if es { "fuerte" } else { "strong" }),
        Status::Weak => ("○", if es { "débil" } else { "weaker" }),
        Status::Undocumented => ("▲", if es { "faltan papeles" } else { "needs papers" }),
        Status::Concern => (
            "!",
            if es {
                "hable con un abogado"
            } else {
                "talk to a lawyer"
            },
        ),
        Status::NotApplicable => ("–", if es { "no aplica" } else { "does not apply" }),
        Status::Unknown => ("?", if es { "por aclarar" } else { "to clarify" }),
    }
}
