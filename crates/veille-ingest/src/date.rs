//! Publication dates as metadata writes them, reduced to a calendar day.
//!
//! The day is the one *as written*: `2020-10-02T23:30:00-05:00` is the 2nd of October, even
//! though it is already the 3rd in UTC. The newsroom wrote the article on its own calendar, and
//! "yesterday" in the text means the day before that one.

use veille_core::Date;

/// Parses an ISO 8601 date or datetime (`2020-10-02`, `2020-10-02T09:14:00+01:00`,
/// `2020/10/02 09:14`, `20201002`) or an RFC 2822 / RFC 1123 date
/// (`Fri, 02 Oct 2020 09:14:00 GMT`, `2 October 2020`, `October 2, 2020`).
/// Anything else is `None`: no guessing between day-first and month-first forms.
pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    iso_date(s).or_else(|| rfc2822_date(s))
}

fn iso_date(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = b.get(r)?;
        if part.is_empty() || !part.iter().all(u8::is_ascii_digit) {
            return None;
        }
        std::str::from_utf8(part).ok()?.parse().ok()
    };
    // The character after the date must end it: "2020-10-023" is not a date.
    let ends_at = |i: usize| b.get(i).is_none_or(|c| !c.is_ascii_digit());
    if b.len() >= 10 && matches!(b[4], b'-' | b'/') && b[7] == b[4] && ends_at(10) {
        return Date::new(digits(0..4)? as i32, digits(5..7)?, digits(8..10)?).ok();
    }
    if b.len() >= 8 && ends_at(8) {
        return Date::new(digits(0..4)? as i32, digits(4..6)?, digits(6..8)?).ok();
    }
    None
}

fn month_number(name: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let lower = name.trim_end_matches(['.', ',']).to_ascii_lowercase();
    let prefix = lower.get(..3)?;
    let i = MONTHS.iter().position(|m| *m == prefix)?;
    // "Sept" and full names are fine; "Octopus" is not a month.
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    (lower.len() == 3 || full[i].starts_with(&lower) || lower == "sept").then_some(i as u32 + 1)
}

fn rfc2822_date(s: &str) -> Option<Date> {
    let mut words: Vec<&str> = s.split_whitespace().collect();
    // An optional weekday: "Fri," or "Friday,".
    if words.first().is_some_and(|w| w.ends_with(',')) {
        words.remove(0);
    }
    let num = |w: &str| -> Option<u32> {
        let w = w.trim_end_matches(',');
        (!w.is_empty() && w.len() <= 4 && w.bytes().all(|c| c.is_ascii_digit()))
            .then(|| w.parse().ok())
            .flatten()
    };
    let year = |w: &str| -> Option<i32> {
        let w = w.trim_end_matches(',');
        (w.len() == 4).then(|| num(w)).flatten().map(|y| y as i32)
    };
    let (d, m, y) = match words.as_slice() {
        // 02 Oct 2020 …
        [d, m, y, ..] if num(d).is_some() && month_number(m).is_some() => {
            (num(d)?, month_number(m)?, year(y)?)
        }
        // October 2, 2020 …
        [m, d, y, ..] if month_number(m).is_some() && num(d).is_some() => {
            (num(d)?, month_number(m)?, year(y)?)
        }
        _ => return None,
    };
    Date::new(y, m, d).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Option<String> {
        parse_date(s).map(|d| d.to_string())
    }

    #[test]
    fn iso_forms_keep_the_day_as_written() {
        assert_eq!(
            p("2020-10-02T09:14:00+01:00").as_deref(),
            Some("2020-10-02")
        );
        assert_eq!(
            p("2020-10-02T23:30:00-05:00").as_deref(),
            Some("2020-10-02")
        );
        assert_eq!(p("2020-10-02T09:14:00Z").as_deref(), Some("2020-10-02"));
        assert_eq!(p(" 2020-10-02 ").as_deref(), Some("2020-10-02"));
        assert_eq!(p("2020-10-02 09:14:00").as_deref(), Some("2020-10-02"));
        assert_eq!(p("2020/10/02").as_deref(), Some("2020-10-02"));
        assert_eq!(p("20201002").as_deref(), Some("2020-10-02"));
        assert_eq!(p("20201002T091400Z").as_deref(), Some("2020-10-02"));
    }

    #[test]
    fn rfc2822_forms() {
        assert_eq!(
            p("Fri, 02 Oct 2020 09:14:00 GMT").as_deref(),
            Some("2020-10-02")
        );
        assert_eq!(p("2 October 2020").as_deref(), Some("2020-10-02"));
        assert_eq!(p("Sept 30, 2021").as_deref(), Some("2021-09-30"));
        assert_eq!(p("Friday, October 2, 2020").as_deref(), Some("2020-10-02"));
    }

    #[test]
    fn rejects_what_it_cannot_read_safely() {
        for bad in [
            "",
            "2020-13-02",
            "2020-02-30",
            "2020-10-023",
            "02/10/2020",
            "hier",
            "1601625240",
            "32 Oct 2020",
            "02 Octopus 2020",
            "2020-10",
            "é",
        ] {
            assert_eq!(p(bad), None, "{bad:?}");
        }
    }
}
