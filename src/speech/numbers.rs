//! Numbers and dates as a voice should say them, in English and Spanish. Anything else falls
//! back to English words, the questionnaire's fallback language too.

use crate::date::Date;

const EN_ONES: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const EN_TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

// Spanish writes 0–29 as one word ("veintiséis"); after that "treinta y uno".
const ES_ONES: [&str; 30] = [
    "cero",
    "uno",
    "dos",
    "tres",
    "cuatro",
    "cinco",
    "seis",
    "siete",
    "ocho",
    "nueve",
    "diez",
    "once",
    "doce",
    "trece",
    "catorce",
    "quince",
    "dieciséis",
    "diecisiete",
    "dieciocho",
    "diecinueve",
    "veinte",
    "veintiuno",
    "veintidós",
    "veintitrés",
    "veinticuatro",
    "veinticinco",
    "veintiséis",
    "veintisiete",
    "veintiocho",
    "veintinueve",
];
const ES_TENS: [&str; 10] = [
    "",
    "",
    "",
    "treinta",
    "cuarenta",
    "cincuenta",
    "sesenta",
    "setenta",
    "ochenta",
    "noventa",
];
const ES_HUNDREDS: [&str; 10] = [
    "",
    "ciento",
    "doscientos",
    "trescientos",
    "cuatrocientos",
    "quinientos",
    "seiscientos",
    "setecientos",
    "ochocientos",
    "novecientos",
];

fn spanish(lang: &str) -> bool {
    lang == "es" || lang.starts_with("es-")
}

/// `n` in words ("twenty-one", "veintiuno"), for 0 to 999,999; larger numbers stay digits.
pub fn number_words(n: u64, lang: &str) -> String {
    if n >= 1_000_000 {
        return n.to_string();
    }
    if spanish(lang) {
        es_words(n)
    } else {
        en_words(n)
    }
}

fn en_words(n: u64) -> String {
    match n {
        0..=19 => EN_ONES[n as usize].to_owned(),
        20..=99 => {
            let tens = EN_TENS[(n / 10) as usize];
            match n % 10 {
                0 => tens.to_owned(),
                u => format!("{tens}-{}", EN_ONES[u as usize]),
            }
        }
        100..=999 => join(
            format!("{} hundred", EN_ONES[(n / 100) as usize]),
            n % 100,
            en_words,
        ),
        _ => join(
            format!("{} thousand", en_words(n / 1000)),
            n % 1000,
            en_words,
        ),
    }
}

fn es_words(n: u64) -> String {
    match n {
        0..=29 => ES_ONES[n as usize].to_owned(),
        30..=99 => {
            let tens = ES_TENS[(n / 10) as usize];
            match n % 10 {
                0 => tens.to_owned(),
                u => format!("{tens} y {}", ES_ONES[u as usize]),
            }
        }
        100 => "cien".to_owned(),
        101..=999 => join(
            ES_HUNDREDS[(n / 100) as usize].to_owned(),
            n % 100,
            es_words,
        ),
        1000..=1999 => join("mil".to_owned(), n % 1000, es_words),
        _ => join(format!("{} mil", es_words(n / 1000)), n % 1000, es_words),
    }
}

fn join(head: String, rest: u64, words: fn(u64) -> String) -> String {
    if rest == 0 {
        head
    } else {
        format!("{head} {}", words(rest))
    }
}

/// A date as it is said: "June 30, 2015" / "30 de junio de 2015" (the interface's own date
/// words, the ones shown under a date field). The year stays in digits: every voice reads a
/// year better than "two thousand fifteen" written out.
pub fn date_words(d: Date, lang: &str) -> String {
    crate::i18n::long_date(lang, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_numbers() {
        let said: Vec<String> = [0, 1, 3, 13, 20, 21, 45, 100, 115, 999, 1000, 2015]
            .into_iter()
            .map(|n| number_words(n, "en"))
            .collect();
        assert_eq!(
            said,
            [
                "zero",
                "one",
                "three",
                "thirteen",
                "twenty",
                "twenty-one",
                "forty-five",
                "one hundred",
                "one hundred fifteen",
                "nine hundred ninety-nine",
                "one thousand",
                "two thousand fifteen"
            ]
        );
    }

    #[test]
    fn spanish_numbers() {
        let said: Vec<String> = [0, 1, 16, 21, 22, 30, 31, 100, 101, 515, 1000, 2015]
            .into_iter()
            .map(|n| number_words(n, "es"))
            .collect();
        assert_eq!(
            said,
            [
                "cero",
                "uno",
                "dieciséis",
                "veintiuno",
                "veintidós",
                "treinta",
                "treinta y uno",
                "cien",
                "ciento uno",
                "quinientos quince",
                "mil",
                "dos mil quince"
            ]
        );
        assert_eq!(number_words(3, "es-419"), "tres");
        assert_eq!(number_words(2_000_000, "es"), "2000000");
    }

    #[test]
    fn dates() {
        let d = Date::new(2015, 6, 30).unwrap();
        assert_eq!(date_words(d, "en"), "June 30, 2015");
        assert_eq!(date_words(d, "es"), "30 de junio de 2015");
        let d = Date::new(2024, 1, 1).unwrap();
        assert_eq!(date_words(d, "es"), "1 de enero de 2024");
    }
}
