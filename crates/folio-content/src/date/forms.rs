//! The date forms the generators accept, read into their parts. Jekyll hands a date to Ruby's
//! `Time.parse`, Hugo to Go's list of layouts (RFC 3339, RFC 1123/822, ANSIC, Ruby's own...),
//! Zola to TOML or RFC 3339; between them a blog may write `2024-4-9`, `2019-11-22 8:44:42 -0800`,
//! `2019-04-09T8:09:26-07:00`, `Mon, 02 Jan 2006 15:04:05 MST`, `January 2, 2006` or Ruby's
//! `2023-01-29 18:30:22 2023 -0800` (a stray year, which Ruby skips). Anything else is refused.

/// A date as written: the calendar day, and the time of day and offset when given.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Parts {
    pub year: i32,
    pub month: u8,
    pub day: u8,
    /// Hour, minute, second, nanosecond.
    pub time: Option<(u8, u8, u8, u32)>,
    /// Whether the time was written with seconds (YAML reads only such a time as a timestamp).
    pub has_seconds: bool,
    /// Seconds east of UTC, when written.
    pub offset: Option<i32>,
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];
const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
/// Zone abbreviations Go's layouts (`MST`) and Ruby write, with their offsets in hours.
const ZONES: [(&str, i32); 14] = [
    ("utc", 0),
    ("gmt", 0),
    ("ut", 0),
    ("z", 0),
    ("est", -5),
    ("edt", -4),
    ("cst", -6),
    ("cdt", -5),
    ("mst", -7),
    ("mdt", -6),
    ("pst", -8),
    ("pdt", -7),
    ("cet", 1),
    ("cest", 2),
];

/// Reads `text` (see the module documentation); `None` when it is no date a generator accepts.
pub fn parse_parts(text: &str) -> Option<Parts> {
    let text = text.trim();
    if text.is_empty() || !text.is_ascii() {
        return None;
    }
    let mut parts = Parts::default();
    let (mut year, mut month, mut day) = (None, None, None);
    for token in tokens(text)? {
        let lower = token.to_ascii_lowercase();
        let word = lower.trim_end_matches('.');
        if let Some(i) = month_index(word) {
            if month.is_some() {
                return None;
            }
            month = Some(i + 1);
        } else if WEEKDAYS
            .iter()
            .any(|d| word.starts_with(d) && is_weekday(word))
        {
            continue;
        } else if word == "am" || word == "pm" {
            let (hour, m, s, n) = parts.time?;
            if !(1..=12).contains(&hour) {
                return None;
            }
            let hour = (hour % 12) + if word == "pm" { 12 } else { 0 };
            parts.time = Some((hour, m, s, n));
        } else if let Some(hours) = zone(word) {
            if parts.offset.is_some() {
                return None;
            }
            parts.offset = Some(hours * 3600);
        } else if token.starts_with(['+', '-']) {
            if parts.offset.is_some() || parts.time.is_none() {
                return None;
            }
            parts.offset = Some(offset(token)?);
        } else if token.contains(':') {
            if parts.time.is_some() {
                return None;
            }
            let (time, glued_offset) = split_glued_offset(token);
            parts.time = Some(time_of_day(time)?);
            parts.has_seconds = time.matches(':').count() >= 2;
            if let Some(glued) = glued_offset {
                parts.offset = Some(if glued.eq_ignore_ascii_case("z") {
                    0
                } else {
                    offset(glued)?
                });
            }
        } else if token.contains(['-', '/']) {
            if year.is_some() || month.is_some() {
                return None;
            }
            let (y, m, d) = numeric_date(token)?;
            (year, month, day) = (Some(y), Some(m), Some(d));
        } else if token.bytes().all(|b| b.is_ascii_digit()) {
            let n: i32 = token.parse().ok()?;
            match (token.len(), year, day) {
                // Ruby skips a year written twice (`2023-01-29 18:30:22 2023 -0800`).
                (4, Some(y), _) if y == n => {}
                (4, None, _) => year = Some(n),
                (1 | 2, _, None) if month.is_some() || parts.time.is_none() => {
                    day = Some(u8::try_from(n).ok()?)
                }
                // RFC 822's two-digit year (`02 Jan 06`).
                (2, None, Some(_)) => year = Some(2000 + n),
                _ => return None,
            }
        } else {
            return None;
        }
    }
    parts.year = year?;
    parts.month = month?;
    parts.day = day?;
    time::Date::from_calendar_date(
        parts.year,
        time::Month::try_from(parts.month).ok()?,
        parts.day,
    )
    .ok()?;
    Some(parts)
}

/// Words of the text: commas are spaces, and an ISO `T` between the day and the time splits.
fn tokens(text: &str) -> Option<Vec<&str>> {
    let mut out = Vec::new();
    for word in text.split(|c: char| c.is_ascii_whitespace() || c == ',') {
        if word.is_empty() {
            continue;
        }
        // `2020-03-12T10:00:00Z`: the day, then the time.
        match word.find(['T', 't']) {
            Some(i) if i >= 8 && word[..i].contains('-') && word[i + 1..].contains(':') => {
                out.push(&word[..i]);
                out.push(&word[i + 1..]);
            }
            _ => out.push(word),
        }
    }
    Some(out)
}

fn month_index(word: &str) -> Option<u8> {
    if word.len() < 3 || !word.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    const FULL: [&str; 12] = [
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
    let i = MONTHS.iter().position(|m| word.starts_with(m))?;
    (FULL[i].starts_with(word) || word == "sept").then_some(i as u8)
}

fn is_weekday(word: &str) -> bool {
    const FULL: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    FULL.iter().any(|d| d.starts_with(word)) || matches!(word, "tues" | "thur" | "thurs")
}

fn zone(word: &str) -> Option<i32> {
    ZONES
        .iter()
        .find(|(name, _)| *name == word)
        .map(|(_, h)| *h)
}

/// `Y-M-D` or `Y/M/D`, months and days with one or two digits.
fn numeric_date(token: &str) -> Option<(i32, u8, u8)> {
    let mut fields = token.split(['-', '/']);
    let (y, m, d) = (fields.next()?, fields.next()?, fields.next()?);
    let digits = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    if fields.next().is_some() || !digits(y, 4..=4) || !digits(m, 1..=2) || !digits(d, 1..=2) {
        return None;
    }
    Some((y.parse().ok()?, m.parse().ok()?, d.parse().ok()?))
}

/// `10:00:00Z` → (`10:00:00`, `Z`); `8:09:26-07:00` → (`8:09:26`, `-07:00`).
fn split_glued_offset(token: &str) -> (&str, Option<&str>) {
    match token.find(['Z', 'z', '+', '-']) {
        Some(i) => (&token[..i], Some(&token[i..])),
        None => (token, None),
    }
}

/// `H:MM`, `H:MM:SS`, `H:MM:SS.fraction`.
fn time_of_day(text: &str) -> Option<(u8, u8, u8, u32)> {
    let (clock, fraction) = match text.split_once(['.', ',']) {
        Some((clock, fraction)) => (clock, Some(fraction)),
        None => (text, None),
    };
    let mut fields = clock.split(':');
    let two =
        |s: &str, min: usize| (min..=2).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    let (h, m) = (fields.next()?, fields.next()?);
    let s = fields.next();
    if fields.next().is_some() || !two(h, 1) || !two(m, 2) || s.is_some_and(|s| !two(s, 2)) {
        return None;
    }
    let (h, m, s): (u8, u8, u8) = (
        h.parse().ok()?,
        m.parse().ok()?,
        s.map_or(Some(0), |s| s.parse().ok())?,
    );
    if h > 23 || m > 59 || s > 60 {
        return None;
    }
    let nanos = match fraction {
        Some(f) if !f.is_empty() && f.len() <= 9 && f.bytes().all(|b| b.is_ascii_digit()) => {
            f.parse::<u32>().ok()? * 10u32.pow(9 - f.len() as u32)
        }
        Some(_) => return None,
        None => 0,
    };
    Some((h, m, s.min(59), nanos))
}

/// `+0100`, `+01:00`, `-07`, `+1` → seconds east of UTC.
fn offset(text: &str) -> Option<i32> {
    let sign = match text.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let rest = &text[1..];
    let (h, m) = match rest.split_once(':') {
        Some((h, m)) => (h, m),
        None if rest.len() > 2 => rest.split_at(rest.len() - 2),
        None => (rest, "0"),
    };
    let ok = |s: &str| (1..=2).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    if !ok(h) || !ok(m) {
        return None;
    }
    let (h, m): (i32, i32) = (h.parse().ok()?, m.parse().ok()?);
    (h <= 23 && m <= 59).then_some(sign * (h * 3600 + m * 60))
}
