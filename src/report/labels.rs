//! Words of the staff report's chrome, one table per language. Staff read these, not
//! applicants; the applicant's take-home sheet takes its words from `crate::i18n`.

use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct Labels {
    pub staff_report: &'static str,
    pub staff_only: &'static str,
    pub code: &'static str,
    pub no_code: &'static str,
    pub status: &'static str,
    pub complete: &'static str,
    pub in_progress: &'static str,
    pub created: &'static str,
    pub updated: &'static str,
    pub not_recorded: &'static str,
    pub answered_in: &'static str,
    pub scored_on: &'static str,
    pub questionnaire: &'static str,
    pub policy_as_of: &'static str,
    pub summary: &'static str,
    pub based_on: &'static str,
    pub has: &'static str,
    pub to_get: &'static str,
    pub all_documents: &'static str,
    pub answers: &'static str,
    pub question: &'static str,
    pub answer: &'static str,
    pub sensitive: &'static str,
    /// `{lang}`: the language the applicant typed in.
    pub typed_in: &'static str,
    pub dont_know: &'static str,
    pub declined: &'static str,
    pub not_answered: &'static str,
    pub none: &'static str,
}

pub static EN: Labels = Labels {
    staff_report: "Staff report",
    staff_only: "For clinic staff: includes sensitive answers. Keep with the case file.",
    code: "Intake code",
    no_code: "none (answers file)",
    status: "Status",
    complete: "complete",
    in_progress: "in progress",
    created: "Started",
    updated: "Last saved",
    not_recorded: "not recorded",
    answered_in: "Answered in",
    scored_on: "Scored on",
    questionnaire: "Questionnaire",
    policy_as_of: "Legal content checked",
    summary: "Summary",
    based_on: "Based on",
    has: "Has",
    to_get: "To get",
    all_documents: "All documents",
    answers: "Answers by section",
    question: "Question",
    answer: "Answer",
    sensitive: "sensitive",
    typed_in: "as typed, in {lang}",
    dont_know: "Answered “I don't know”",
    declined: "Answered “I'd rather not say”",
    not_answered: "Not answered yet",
    none: "None.",
};

pub static ES: Labels = Labels {
    staff_report: "Informe para el personal",
    staff_only: "Para el personal de la clínica: incluye respuestas delicadas. Guárdelo con el expediente.",
    code: "Código de la entrevista",
    no_code: "ninguno (archivo de respuestas)",
    status: "Estado",
    complete: "completa",
    in_progress: "en curso",
    created: "Comenzada",
    updated: "Guardada por última vez",
    not_recorded: "sin registro",
    answered_in: "Contestada en",
    scored_on: "Evaluada el",
    questionnaire: "Cuestionario",
    policy_as_of: "Contenido legal revisado",
    summary: "Resumen",
    based_on: "Según",
    has: "Tiene",
    to_get: "Por conseguir",
    all_documents: "Todos los documentos",
    answers: "Respuestas por sección",
    question: "Pregunta",
    answer: "Respuesta",
    sensitive: "delicada",
    typed_in: "tal como se escribió, en {lang}",
    dont_know: "Contestó «No sé»",
    declined: "Contestó «Prefiero no decir»",
    not_answered: "Sin contestar todavía",
    none: "Ninguna.",
};

/// The labels for a language code; other codes fall back to English (like `i18n::strings`).
pub fn labels(lang: &str) -> &'static Labels {
    match lang {
        "es" => &ES,
        _ => &EN,
    }
}
