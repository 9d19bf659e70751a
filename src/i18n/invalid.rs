//! Why an answer was refused, in words for the applicant (the engine gives only a code).

use crate::answer::Invalid;

/// Why an answer was refused, in the applicant's language.
pub fn invalid(lang: &str, e: &Invalid) -> String {
    let es = lang == "es";
    match e {
        Invalid::Empty => if es {
            "Escriba una respuesta, o elija «No sé»."
        } else {
            "Please type an answer, or choose \"I don't know\"."
        }
        .into(),
        Invalid::NotAChoice(c) => {
            if es {
                format!("«{c}» no es una de las opciones.")
            } else {
                format!("\"{c}\" is not one of the choices.")
            }
        }
        Invalid::ExclusiveWithOthers(_) => {
            if es {
                "«Ninguna» no va junto con otras opciones.".into()
            } else {
                "\"None\" cannot go with other choices.".into()
            }
        }
        Invalid::NotANumber => if es {
            "Escriba solo un número, por ejemplo 3."
        } else {
            "Please type only a number, like 3."
        }
        .into(),
        Invalid::TooSmall(n) => {
            if es {
                format!("El número debe ser {n} o más.")
            } else {
                format!("The number must be {n} or more.")
            }
        }
        Invalid::TooLarge(n) => {
            if es {
                format!("El número debe ser {n} o menos.")
            } else {
                format!("The number must be {n} or less.")
            }
        }
        Invalid::NotAYear => if es {
            "Escriba el año con 4 números, por ejemplo 2015."
        } else {
            "Please type the year with 4 digits, like 2015."
        }
        .into(),
        Invalid::YearInFuture => if es {
            "Ese año todavía no ha llegado."
        } else {
            "That year has not come yet."
        }
        .into(),
        Invalid::NotADate => if es {
            "Escriba la fecha así: día/mes/año, por ejemplo 30/06/2015."
        } else {
            "Please type the date like this: month/day/year, like 06/30/2015."
        }
        .into(),
        Invalid::DateTooEarly(d) => {
            if es {
                format!("La fecha debe ser {d} o después.")
            } else {
                format!("The date must be {d} or later.")
            }
        }
        Invalid::DateTooLate(d) => {
            if es {
                format!("La fecha debe ser {d} o antes.")
            } else {
                format!("The date must be {d} or earlier.")
            }
        }
        Invalid::DateInPast => if es {
            "Esa fecha ya pasó. Escriba una fecha de hoy en adelante."
        } else {
            "That date has already passed. Please give a date from today on."
        }
        .into(),
        Invalid::YearInPast => if es {
            "Ese año ya pasó."
        } else {
            "That year has already passed."
        }
        .into(),
        Invalid::DateInFuture => if es {
            "Esa fecha todavía no ha llegado. Escriba una fecha de hoy o de antes."
        } else {
            "That date has not come yet. Please give today's date or an earlier one."
        }
        .into(),
        Invalid::TooLong(n) => {
            if es {
                format!("El texto es muy largo. Use {n} letras o menos.")
            } else {
                format!("The text is too long. Please use {n} characters or fewer.")
            }
        }
        Invalid::NoAnswerOnInfo | Invalid::UnknownNotOffered => if es {
            "Esta pregunta necesita otra respuesta."
        } else {
            "This question needs another answer."
        }
        .into(),
    }
}
