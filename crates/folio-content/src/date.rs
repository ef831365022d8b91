//! Post dates in the forms blogs actually write them.
//!
//! Accepted: `YYYY-MM-DD`; RFC 3339 (`2020-03-12T10:00:00Z`, `...+01:00`); the same with a space
//! for the `T`, optional seconds and fraction, and an optional offset written `+0000`, `+00:00`
//! or `Z` (Jekyll's `2020-03-12 10:00:00 +0000`); TOML's native dates and datetimes (Zola writes
//! `date = 2020-03-12` unquoted). A time without an offset is taken as UTC. Besides the front
//! matter, a date can come from a Jekyll file name (`2020-03-12-name.md`) or a Zola `path`
//! (`2020/03/12/name`).

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use time::macros::format_description;
use time::{Date, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

/// When a post was published (or updated).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PostDate {
    /// The calendar day as written, not shifted to UTC: an author who writes `2020-03-12T23:00-05:00`
    /// means the 12th.
    pub day: Date,
    /// The exact moment, when a time of day was given.
    pub moment: Option<OffsetDateTime>,
}

impl PostDate {
    /// A date without a time of day.
    pub fn from_day(day: Date) -> Self {
        PostDate { day, moment: None }
    }

    /// `YYYY-MM-DD`, the manifest's form.
    pub fn ymd(&self) -> String {
        format_ymd(self.day)
    }

    /// RFC 3339, for feeds: the exact moment, or midnight UTC of the day when no time was given.
    pub fn rfc3339(&self) -> String {
        let moment = self
            .moment
            .unwrap_or_else(|| PrimitiveDateTime::new(self.day, Time::MIDNIGHT).assume_utc());
        moment
            .format(&time::format_description::well_known::Rfc3339)
            // Only years outside 0..=9999 fail to format, and `Date` parsing never yields those.
            .unwrap_or_else(|_| self.ymd())
    }
}

fn format_ymd(day: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        day.year(),
        u8::from(day.month()),
        day.day()
    )
}

/// Why a date text was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError {
    pub value: String,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid date {:?} (expected YYYY-MM-DD, RFC 3339 like 2020-03-12T10:00:00Z, \
             or 2020-03-12 10:00:00 +0000)",
            self.value
        )
    }
}

impl std::error::Error for DateError {}

/// Parses `YYYY-MM-DD` alone.
pub fn parse_day(text: &str) -> Result<Date, DateError> {
    Date::parse(text, format_description!("[year]-[month]-[day]")).map_err(|_| DateError {
        value: text.to_owned(),
    })
}

/// Parses any of the accepted textual forms (see the module docs).
pub fn parse(text: &str) -> Result<PostDate, DateError> {
    let trimmed = text.trim();
    let error = || DateError {
        value: trimmed.to_owned(),
    };
    let (day_text, rest) = trimmed.split_at_checked(10).ok_or_else(error)?;
    let day = parse_day(day_text).map_err(|_| error())?;
    if rest.is_empty() {
        return Ok(PostDate::from_day(day));
    }
    let rest = rest.strip_prefix(['T', 't', ' ']).ok_or_else(error)?;
    let time_end = rest.find(['Z', 'z', '+', '-', ' ']).unwrap_or(rest.len());
    let (time_text, offset_text) = rest.split_at(time_end);
    let time = Time::parse(
        time_text,
        format_description!("[hour]:[minute][optional [:[second][optional [.[subsecond]]]]]"),
    )
    .map_err(|_| error())?;
    let offset = match offset_text.trim_start() {
        "" | "Z" | "z" => UtcOffset::UTC,
        offset => UtcOffset::parse(
            offset,
            format_description!("[offset_hour sign:mandatory][optional [:]][offset_minute]"),
        )
        .map_err(|_| error())?,
    };
    Ok(PostDate {
        day,
        moment: Some(PrimitiveDateTime::new(day, time).assume_offset(offset)),
    })
}

/// Splits a Jekyll-style name `2020-03-12-name` (or `_name`, as Zola also allows) into the
/// date text and the name. Only the shape is checked: the caller decides what a non-existent
/// day like `2020-13-45` means.
pub fn split_dated_name(name: &str) -> Option<(&str, &str)> {
    let bytes = name.as_bytes();
    let shaped = bytes.len() > 11
        && bytes[..10].iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
        && matches!(bytes[10], b'-' | b'_');
    // The checks above are all ASCII, so byte 10 and 11 are char boundaries.
    shaped.then(|| (&name[..10], &name[11..]))
}

/// The first `YYYY/MM/DD` run of path segments in a Zola `path` (`2020/03/12/Rust-1.42`,
/// `inside-rust/2020/03/12/x`), as `YYYY-MM-DD` text.
pub fn date_in_zola_path(path: &str) -> Option<String> {
    let segments: Vec<&str> = path.split('/').collect();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    segments.windows(3).find_map(|w| {
        (digits(w[0], 4) && digits(w[1], 2) && digits(w[2], 2))
            .then(|| format!("{}-{}-{}", w[0], w[1], w[2]))
    })
}

/// Front-matter dates: a string in any accepted form, or a TOML native date/datetime. Parsing
/// here (rather than after deserializing) lets the TOML/YAML parser attach its line number to a
/// bad date.
impl<'de> Deserialize<'de> for PostDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(PostDateVisitor)
    }
}

/// Also reads dates inside other front-matter values (Hugo's `published`).
pub(super) struct PostDateVisitor;

impl<'de> Visitor<'de> for PostDateVisitor {
    type Value = PostDate;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a date (YYYY-MM-DD or RFC 3339)")
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<PostDate, E> {
        parse(value).map_err(E::custom)
    }

    /// TOML hands its native datetimes to `deserialize_any` as a one-entry map that
    /// `toml::value::Datetime` knows how to read.
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<PostDate, A::Error> {
        let datetime =
            toml::value::Datetime::deserialize(de::value::MapAccessDeserializer::new(map))?;
        if datetime.date.is_none() {
            return Err(de::Error::custom(format!(
                "invalid date {datetime} (a time of day needs a date)"
            )));
        }
        parse(&datetime.to_string()).map_err(de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    #[test]
    fn plain_day() {
        let d = parse("2020-03-12").unwrap();
        assert_eq!(d, PostDate::from_day(date!(2020 - 03 - 12)));
        assert_eq!(d.ymd(), "2020-03-12");
        assert_eq!(d.rfc3339(), "2020-03-12T00:00:00Z");
    }

    #[test]
    fn rfc3339_forms() {
        let utc = parse("2020-03-12T10:00:00Z").unwrap();
        assert_eq!(utc.moment, Some(datetime!(2020-03-12 10:00:00 UTC)));
        let offset = parse(" 2020-03-12T23:30:00.5-05:00 ").unwrap();
        assert_eq!(
            offset.day,
            date!(2020 - 03 - 12),
            "the day as written, not UTC's"
        );
        assert_eq!(offset.moment, Some(datetime!(2020-03-12 23:30:00.5 -05:00)));
        assert_eq!(offset.rfc3339(), "2020-03-12T23:30:00.5-05:00");
    }

    #[test]
    fn jekyll_style_timestamps() {
        assert_eq!(
            parse("2020-03-12 10:00:00 +0000").unwrap().moment,
            Some(datetime!(2020-03-12 10:00:00 UTC))
        );
        assert_eq!(
            parse("2020-03-12 10:00:00 -0700").unwrap().moment,
            Some(datetime!(2020-03-12 10:00:00 -07:00))
        );
        assert_eq!(
            parse("2020-03-12 10:00").unwrap().moment,
            Some(datetime!(2020-03-12 10:00:00 UTC)),
            "no seconds, no offset: UTC"
        );
        assert_eq!(
            parse("2020-03-12T10:00:00").unwrap().moment,
            Some(datetime!(2020-03-12 10:00:00 UTC)),
            "TOML local datetime"
        );
    }

    #[test]
    fn rejects_what_is_not_a_date() {
        for bad in [
            "",
            "yesterday",
            "2020-13-01",
            "2020-02-30",
            "2020-3-12",
            "12/03/2020",
            "2020-03-12T25:00:00Z",
            "2020-03-12X10:00",
            "2020-03-12T10:00:00 PST",
            "2020-03-12é",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} should not parse");
        }
        assert!(parse("2020-13-01")
            .unwrap_err()
            .to_string()
            .contains("\"2020-13-01\""));
    }

    #[test]
    fn dated_names() {
        assert_eq!(
            split_dated_name("2020-03-12-name"),
            Some(("2020-03-12", "name"))
        );
        assert_eq!(
            split_dated_name("2020-03-12_a-b"),
            Some(("2020-03-12", "a-b"))
        );
        assert_eq!(split_dated_name("2020-03-12-"), None);
        assert_eq!(split_dated_name("2020-03-12"), None);
        assert_eq!(split_dated_name("2025-09-crates-io"), None);
        assert_eq!(split_dated_name("2023-Rust-Annual-Survey"), None);
    }

    #[test]
    fn zola_paths() {
        assert_eq!(
            date_in_zola_path("2020/03/12/Rust-1.42").as_deref(),
            Some("2020-03-12")
        );
        assert_eq!(
            date_in_zola_path("inside-rust/2021/01/26/ffi-unwind").as_deref(),
            Some("2021-01-26")
        );
        assert_eq!(date_in_zola_path("/2019/1/2/x"), None);
        assert_eq!(date_in_zola_path("about"), None);
        assert_eq!(
            date_in_zola_path("a/2020/03/12").as_deref(),
            Some("2020-03-12")
        );
    }

    #[test]
    fn toml_native_values() {
        #[derive(serde::Deserialize)]
        struct Doc {
            date: PostDate,
        }
        let day: Doc = toml::from_str("date = 2020-03-12").unwrap();
        assert_eq!(day.date, PostDate::from_day(date!(2020 - 03 - 12)));
        let moment: Doc = toml::from_str("date = 2020-03-12T10:00:00+01:00").unwrap();
        assert_eq!(
            moment.date.moment,
            Some(datetime!(2020-03-12 10:00:00 +01:00))
        );
        let local: Doc = toml::from_str("date = 2020-03-12 10:00:00").unwrap();
        assert_eq!(local.date.moment, Some(datetime!(2020-03-12 10:00:00 UTC)));
        assert!(toml::from_str::<Doc>("date = 10:00:00").is_err());
        assert!(toml::from_str::<Doc>("date = 2020").is_err());
    }
}
