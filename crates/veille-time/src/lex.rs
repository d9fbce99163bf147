//! Word lists: months, weekdays, units, number and ordinal words, in folded form (lowercase, no
//! accents). Each function answers for one language; the grammar asks with the text's language.

use veille_core::Lang;

/// A month name. `strong` is false for forms that are also common words or names ("may",
/// "march", "jan", abbreviations): those count as months only next to a day number or a year.
pub(crate) fn month(w: &str, lang: Lang) -> Option<(u32, bool)> {
    let m = match lang {
        Lang::Fr => match w {
            "janvier" => (1, true),
            "janv" | "jan" => (1, false),
            "fevrier" => (2, true),
            "fev" | "fevr" | "feb" => (2, false),
            "mars" => (3, true),
            "avril" => (4, true),
            "avr" => (4, false),
            "mai" => (5, true),
            "juin" => (6, true),
            "juillet" => (7, true),
            "juil" | "jul" => (7, false),
            "aout" => (8, true),
            "septembre" => (9, true),
            "sept" | "sep" => (9, false),
            "octobre" => (10, true),
            "oct" => (10, false),
            "novembre" => (11, true),
            "nov" => (11, false),
            "decembre" => (12, true),
            "dec" => (12, false),
            _ => return None,
        },
        Lang::En => match w {
            "january" => (1, true),
            "jan" => (1, false),
            "february" => (2, true),
            "feb" => (2, false),
            "march" | "mar" => (3, false),
            "april" => (4, true),
            "apr" => (4, false),
            "may" => (5, false),
            "june" => (6, true),
            "jun" => (6, false),
            "july" => (7, true),
            "jul" => (7, false),
            "august" => (8, true),
            "aug" => (8, false),
            "september" => (9, true),
            "sept" | "sep" => (9, false),
            "october" => (10, true),
            "oct" => (10, false),
            "november" => (11, true),
            "nov" => (11, false),
            "december" => (12, true),
            "dec" => (12, false),
            _ => return None,
        },
    };
    Some(m)
}

/// A weekday (ISO number, Monday = 1). Returns (weekday, plural, abbreviation).
pub(crate) fn weekday(w: &str, lang: Lang) -> Option<(u32, bool, bool)> {
    let r = match lang {
        Lang::Fr => match w {
            "lundi" => (1, false, false),
            "mardi" => (2, false, false),
            "mercredi" => (3, false, false),
            "jeudi" => (4, false, false),
            "vendredi" => (5, false, false),
            "samedi" => (6, false, false),
            "dimanche" => (7, false, false),
            "lundis" => (1, true, false),
            "mardis" => (2, true, false),
            "mercredis" => (3, true, false),
            "jeudis" => (4, true, false),
            "vendredis" => (5, true, false),
            "samedis" => (6, true, false),
            "dimanches" => (7, true, false),
            "lun" => (1, false, true),
            "mar" => (2, false, true),
            "mer" => (3, false, true),
            "jeu" => (4, false, true),
            "ven" => (5, false, true),
            "sam" => (6, false, true),
            "dim" => (7, false, true),
            _ => return None,
        },
        Lang::En => match w {
            "monday" => (1, false, false),
            "tuesday" => (2, false, false),
            "wednesday" => (3, false, false),
            "thursday" => (4, false, false),
            "friday" => (5, false, false),
            "saturday" => (6, false, false),
            "sunday" => (7, false, false),
            "mondays" => (1, true, false),
            "tuesdays" => (2, true, false),
            "wednesdays" => (3, true, false),
            "thursdays" => (4, true, false),
            "fridays" => (5, true, false),
            "saturdays" => (6, true, false),
            "sundays" => (7, true, false),
            "mon" => (1, false, true),
            "tue" | "tues" => (2, false, true),
            "wed" => (3, false, true),
            "thu" | "thur" | "thurs" => (4, false, true),
            "fri" => (5, false, true),
            "sat" => (6, false, true),
            "sun" => (7, false, true),
            _ => return None,
        },
    };
    Some(r)
}

/// Units of durations. Quarters, semesters, fortnights, decades and centuries are stored as
/// multiples of months, weeks or years, the way TIMEX3 writes them (P3M, P2W, P10Y).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    BusinessDay,
    Week,
    Fortnight,
    Month,
    Quarter,
    Semester,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// Index into [`crate::expr::Dur::parts`] and the multiplier.
    pub(crate) fn slot(self) -> (usize, f64) {
        use crate::expr::dur_slot::*;
        match self {
            Unit::Second => (S, 1.0),
            Unit::Minute => (MI, 1.0),
            Unit::Hour => (H, 1.0),
            Unit::Day => (D, 1.0),
            Unit::BusinessDay => (BD, 1.0),
            Unit::Week => (W, 1.0),
            Unit::Fortnight => (W, 2.0),
            Unit::Month => (M, 1.0),
            Unit::Quarter => (M, 3.0),
            Unit::Semester => (M, 6.0),
            Unit::Year => (Y, 1.0),
            Unit::Decade => (Y, 10.0),
            Unit::Century => (Y, 100.0),
        }
    }
}

/// A unit word; the bool says the form is plural ("jours", "days").
pub(crate) fn unit(w: &str, lang: Lang) -> Option<(Unit, bool)> {
    use Unit::*;
    let r = match lang {
        Lang::Fr => match w {
            "seconde" | "sec" | "s" => (Second, false),
            "secondes" | "secs" => (Second, true),
            "minute" | "min" | "mn" => (Minute, false),
            "minutes" | "mins" => (Minute, true),
            "heure" | "h" | "hr" => (Hour, false),
            "heures" | "hrs" => (Hour, true),
            "jour" | "journee" => (Day, false),
            "jours" | "journees" => (Day, true),
            "semaine" => (Week, false),
            "semaines" => (Week, true),
            "quinzaine" => (Fortnight, false),
            "quinzaines" => (Fortnight, true),
            "mois" => (Month, false),
            "trimestre" => (Quarter, false),
            "trimestres" => (Quarter, true),
            "semestre" => (Semester, false),
            "semestres" => (Semester, true),
            "an" | "annee" => (Year, false),
            "ans" | "annees" => (Year, true),
            "decennie" => (Decade, false),
            "decennies" => (Decade, true),
            "siecle" => (Century, false),
            "siecles" => (Century, true),
            _ => return None,
        },
        Lang::En => match w {
            "second" | "sec" | "s" => (Second, false),
            "seconds" | "secs" => (Second, true),
            "minute" | "min" => (Minute, false),
            "minutes" | "mins" => (Minute, true),
            "hour" | "h" | "hr" => (Hour, false),
            "hours" | "hrs" => (Hour, true),
            "day" => (Day, false),
            "days" => (Day, true),
            "week" | "wk" => (Week, false),
            "weeks" | "wks" => (Week, true),
            "fortnight" => (Fortnight, false),
            "fortnights" => (Fortnight, true),
            "month" => (Month, false),
            "months" => (Month, true),
            "quarter" => (Quarter, false),
            "quarters" => (Quarter, true),
            "semester" => (Semester, false),
            "semesters" => (Semester, true),
            "year" | "yr" => (Year, false),
            "years" | "yrs" => (Year, true),
            "decade" => (Decade, false),
            "decades" => (Decade, true),
            "century" => (Century, false),
            "centuries" => (Century, true),
            _ => return None,
        },
    };
    Some(r)
}

/// Kinds of number words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NumWord {
    /// 0..=99 as one word (French "soixante" = 60, "dix" = 10).
    Small(u32),
    Hundred,
    Thousand,
}

pub(crate) fn num_word(w: &str, lang: Lang) -> Option<NumWord> {
    use NumWord::*;
    let r = match lang {
        Lang::Fr => match w {
            "zero" => Small(0),
            "un" | "une" => Small(1),
            "deux" => Small(2),
            "trois" => Small(3),
            "quatre" => Small(4),
            "cinq" => Small(5),
            "six" => Small(6),
            "sept" => Small(7),
            "huit" => Small(8),
            "neuf" => Small(9),
            "dix" => Small(10),
            "onze" => Small(11),
            "douze" => Small(12),
            "treize" => Small(13),
            "quatorze" => Small(14),
            "quinze" => Small(15),
            "seize" => Small(16),
            "vingt" | "vingts" => Small(20),
            "trente" => Small(30),
            "quarante" => Small(40),
            "cinquante" => Small(50),
            "soixante" => Small(60),
            "septante" => Small(70),
            "huitante" | "octante" => Small(80),
            "nonante" => Small(90),
            "cent" | "cents" => Hundred,
            "mille" | "milles" | "mil" => Thousand,
            _ => return None,
        },
        Lang::En => match w {
            "zero" | "oh" => Small(0),
            "one" => Small(1),
            "two" => Small(2),
            "three" => Small(3),
            "four" => Small(4),
            "five" => Small(5),
            "six" => Small(6),
            "seven" => Small(7),
            "eight" => Small(8),
            "nine" => Small(9),
            "ten" => Small(10),
            "eleven" => Small(11),
            "twelve" => Small(12),
            "thirteen" => Small(13),
            "fourteen" => Small(14),
            "fifteen" => Small(15),
            "sixteen" => Small(16),
            "seventeen" => Small(17),
            "eighteen" => Small(18),
            "nineteen" => Small(19),
            "twenty" => Small(20),
            "thirty" => Small(30),
            "forty" | "fourty" => Small(40),
            "fifty" => Small(50),
            "sixty" => Small(60),
            "seventy" => Small(70),
            "eighty" => Small(80),
            "ninety" => Small(90),
            "hundred" => Hundred,
            "thousand" => Thousand,
            _ => return None,
        },
    };
    Some(r)
}

/// An ordinal word standing alone ("premier", "troisième", "third", "twentieth"). French
/// ordinals are built on the cardinal stem ("vingt-deuxième"), so only the last word is an
/// ordinal; the grammar composes "vingt" + "deuxieme" = 22.
pub(crate) fn ordinal_word(w: &str, lang: Lang) -> Option<u32> {
    match lang {
        Lang::Fr => {
            match w {
                "premier" | "premiere" | "premieres" | "premiers" => return Some(1),
                "second" | "seconde" => return Some(2),
                "dernier" | "derniere" => return None,
                _ => {}
            }
            let stem = w
                .strip_suffix("ieme")
                .or_else(|| w.strip_suffix("iemes"))
                .or_else(|| w.strip_suffix("eme"))?;
            let v = match stem {
                "un" => 1,
                "deux" => 2,
                "trois" => 3,
                "quatr" => 4,
                "cinqu" => 5,
                "six" => 6,
                "sept" => 7,
                "huit" => 8,
                "neuv" => 9,
                "dix" => 10,
                "onz" => 11,
                "douz" => 12,
                "treiz" => 13,
                "quatorz" => 14,
                "quinz" => 15,
                "seiz" => 16,
                "vingt" => 20,
                "trent" => 30,
                "quarant" => 40,
                "cinquant" => 50,
                "soixant" => 60,
                "cent" => 100,
                "mill" => 1000,
                _ => return None,
            };
            Some(v)
        }
        Lang::En => Some(match w {
            "first" => 1,
            "second" => 2,
            "third" => 3,
            "fourth" => 4,
            "fifth" => 5,
            "sixth" => 6,
            "seventh" => 7,
            "eighth" => 8,
            "ninth" => 9,
            "tenth" => 10,
            "eleventh" => 11,
            "twelfth" => 12,
            "thirteenth" => 13,
            "fourteenth" => 14,
            "fifteenth" => 15,
            "sixteenth" => 16,
            "seventeenth" => 17,
            "eighteenth" => 18,
            "nineteenth" => 19,
            "twentieth" => 20,
            "thirtieth" => 30,
            _ => return None,
        }),
    }
}

/// A suffix glued to digits that makes them an ordinal ("1er", "2e", "3ème", "21st").
pub(crate) fn ordinal_suffix(w: &str, lang: Lang) -> bool {
    match lang {
        Lang::Fr => matches!(
            w,
            "er" | "re" | "ere" | "e" | "eme" | "ieme" | "me" | "nd" | "nde" | "d" | "de" | "es"
        ),
        Lang::En => matches!(w, "st" | "nd" | "rd" | "th" | "d"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups() {
        assert_eq!(month("aout", Lang::Fr), Some((8, true)));
        assert_eq!(month("may", Lang::En), Some((5, false)));
        assert_eq!(weekday("vendredi", Lang::Fr), Some((5, false, false)));
        assert_eq!(weekday("sundays", Lang::En), Some((7, true, false)));
        assert_eq!(unit("ans", Lang::Fr), Some((Unit::Year, true)));
        assert_eq!(ordinal_word("vingtieme", Lang::Fr), Some(20));
        assert_eq!(ordinal_word("troiseme", Lang::Fr), Some(3));
        assert_eq!(ordinal_word("twentieth", Lang::En), Some(20));
        assert!(ordinal_suffix("er", Lang::Fr));
    }
}
