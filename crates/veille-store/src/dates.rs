//! Small value conversions: date ranges of TIMEX3 values, timestamps, source names.

use veille_core::date::days_in_month;
use veille_core::{Article, Date};

/// The calendar days a TIMEX3 value covers, for date filtering: `2024-03-12` is one day,
/// `2024-03` a month, `2024-W11` an ISO week, `2024-Q1` a quarter, `2024-H1` a half year,
/// `2024-SU` a (meteorological) season, `2024` a year. `None` for values that are not on the
/// calendar (`PRESENT_REF`, `XXXX-03-12`, durations): such events match no date filter, as
/// undated ones do, rather than being placed on a guessed day.
pub(crate) fn date_range(value: &str) -> Option<(Date, Date)> {
    let b = value.as_bytes();
    if b.len() < 4 || !b[..4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let year: i32 = value.get(..4)?.parse().ok()?;
    if b.len() == 4 {
        return month_range(year, 1, 12);
    }
    if b[4] != b'-' {
        return None;
    }
    if let Some(day) = value.get(..10).and_then(|d| d.parse::<Date>().ok()) {
        return Some((day, day));
    }
    let rest = value.get(5..)?;
    let two_digits = |s: &str| -> Option<u32> {
        let d = s.get(..2)?;
        if d.bytes().all(|c| c.is_ascii_digit()) {
            d.parse().ok()
        } else {
            None
        }
    };
    match rest.get(..2) {
        Some("SP") => return month_range(year, 3, 5),
        Some("SU") => return month_range(year, 6, 8),
        Some("FA") => return month_range(year, 9, 11),
        Some("WI") => {
            let start = Date::new(year, 12, 1).ok()?;
            let end = Date::new(year + 1, 2, days_in_month(year + 1, 2)).ok()?;
            return Some((start, end));
        }
        _ => {}
    }
    if let Some(week) = rest.strip_prefix('W') {
        let w = two_digits(week)?;
        if !(1..=53).contains(&w) {
            return None;
        }
        // ISO 8601: week 1 is the week holding January 4th; weeks start on Monday.
        let jan4 = Date::new(year, 1, 4).ok()?;
        let monday = jan4.add_days(-(i64::from(jan4.weekday()) - 1));
        let start = monday.add_days(7 * (i64::from(w) - 1));
        return Some((start, start.add_days(6)));
    }
    if let Some(q) = rest.strip_prefix('Q') {
        let q = q
            .get(..1)?
            .parse::<u32>()
            .ok()
            .filter(|q| (1..=4).contains(q))?;
        return month_range(year, 3 * q - 2, 3 * q);
    }
    if let Some(h) = rest.strip_prefix('H') {
        let h = h
            .get(..1)?
            .parse::<u32>()
            .ok()
            .filter(|h| (1..=2).contains(h))?;
        return month_range(year, 6 * h - 5, 6 * h);
    }
    let month = two_digits(rest)?;
    month_range(year, month, month)
}

fn month_range(year: i32, first: u32, last: u32) -> Option<(Date, Date)> {
    let start = Date::new(year, first, 1).ok()?;
    let end = Date::new(year, last, days_in_month(year, last)).ok()?;
    Some((start, end))
}

/// Now, in UTC, as RFC 3339 (`2024-03-12T08:30:00Z`), without a date-time dependency.
pub(crate) fn now_utc() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let secs = i64::try_from(secs).unwrap_or(0);
    let day = Date::from_days(secs.div_euclid(86_400));
    let s = secs.rem_euclid(86_400);
    format!("{day}T{:02}:{:02}:{:02}Z", s / 3600, s % 3600 / 60, s % 60)
}

/// The name an article's outlet goes by, for `num_sources`: the host of its URL (without
/// `www.`), else the parent directory of the file it was read from (collections are usually
/// one folder per outlet), `stdin` for `-`, `.` for a bare file name.
pub fn source_name(article: &Article) -> String {
    if let Some(host) = article.url.as_deref().and_then(url_host) {
        return host;
    }
    if let Some(host) = url_host(&article.source) {
        return host;
    }
    if article.source == "-" {
        return "stdin".to_string();
    }
    std::path::Path::new(&article.source)
        .parent()
        .and_then(|p| p.file_name())
        .map_or_else(|| ".".to_string(), |n| n.to_string_lossy().into_owned())
}

/// The host of `scheme://[user@]host[:port]/…`, lower-cased, `www.` removed.
fn url_host(url: &str) -> Option<String> {
    let (_, rest) = url.split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = if host.starts_with('[') {
        host.split_inclusive(']').next().unwrap_or(host) // IPv6 literal keeps its colons
    } else {
        host.split(':').next().unwrap_or(host)
    };
    let host = host.to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    (!host.is_empty()).then(|| host.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(v: &str) -> Option<(String, String)> {
        date_range(v).map(|(a, b)| (a.to_string(), b.to_string()))
    }
    fn pair(a: &str, b: &str) -> Option<(String, String)> {
        Some((a.to_string(), b.to_string()))
    }

    #[test]
    fn timex_values_to_ranges() {
        assert_eq!(range("2024-03-12"), pair("2024-03-12", "2024-03-12"));
        assert_eq!(range("2024-03-12T14:00"), pair("2024-03-12", "2024-03-12"));
        assert_eq!(range("2024-02"), pair("2024-02-01", "2024-02-29"));
        assert_eq!(range("2023"), pair("2023-01-01", "2023-12-31"));
        // 2024-W11: Monday 11 March to Sunday 17 March 2024.
        assert_eq!(range("2024-W11"), pair("2024-03-11", "2024-03-17"));
        // 2021-W01 starts in 2021 on 4 January; 2020-W53 ends on 3 January 2021.
        assert_eq!(range("2021-W01"), pair("2021-01-04", "2021-01-10"));
        assert_eq!(range("2020-W53"), pair("2020-12-28", "2021-01-03"));
        assert_eq!(range("2024-Q2"), pair("2024-04-01", "2024-06-30"));
        assert_eq!(range("2024-H2"), pair("2024-07-01", "2024-12-31"));
        assert_eq!(range("2023-WI"), pair("2023-12-01", "2024-02-29"));
        for v in [
            "",
            "PRESENT_REF",
            "XXXX-03-12",
            "2024-13",
            "2024-Q5",
            "2024-W60",
            "P3D",
            "20é4",
            "2024-é",
        ] {
            assert_eq!(range(v), None, "{v}");
        }
    }

    #[test]
    fn now_is_rfc3339() {
        let now = now_utc();
        assert_eq!(now.len(), 20, "{now}");
        assert!(now.ends_with('Z') && now.as_bytes()[10] == b'T', "{now}");
    }

    #[test]
    fn source_names() {
        let mut a = Article::new("corpus/lemonde/2024-03-12-peche.txt", "x".into());
        assert_eq!(source_name(&a), "lemonde");
        a.url = Some("https://www.Lemonde.fr:443/afrique/article/peche.html?x=1".into());
        assert_eq!(source_name(&a), "lemonde.fr");
        let b = Article::new("https://user@rfi.fr/fr/afrique", "x".into());
        assert_eq!(source_name(&b), "rfi.fr");
        assert_eq!(source_name(&Article::new("-", "x".into())), "stdin");
        assert_eq!(source_name(&Article::new("note.txt", "x".into())), ".");
        assert_eq!(url_host("http://[::1]:8080/a").as_deref(), Some("[::1]"));
        assert_eq!(url_host("file:///tmp/a.html"), None);
    }
}
