//! Post dates in the forms blogs actually write them.
//!
//! Accepted: what Jekyll (Ruby's `Time.parse`), Hugo (Go's layouts) and Zola (TOML, RFC 3339)
//! accept, read by [`forms`]: `YYYY-MM-DD` with or without zero padding, RFC 3339, a space for the
//! `T`, a time with or without seconds and fraction, an offset written `+0000`, `+00:00`, `Z` or
//! as a zone abbreviation, RFC 1123 and similar (`Mon, 02 Jan 2006 15:04:05 MST`), month names
//! (`January 2, 2006`), Ruby's stray repeated year; TOML's native dates and datetimes (Zola writes
//! `date = 2020-03-12` unquoted). A time without an offset is taken as UTC (Jekyll's `timezone`
//! then moves it, see [`PostDate::in_jekyll_zone`]). Besides the front
//! matter, a date can come from a Jekyll file name (`2020-03-12-name.md`) or a Zola `path`
//! (`2020/03/12/name`).

mod forms;

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
    /// How the date was written, which decides what a site's time zone does to it.
    pub written: Written,
}

/// How a date was written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Written {
    /// A day alone.
    #[default]
    Day,
    /// A time of day without an offset; `seconds`: with seconds, which YAML reads as a UTC
    /// timestamp while Ruby reads the rest as the site's local time.
    LocalTime { seconds: bool },
    /// A time with an offset or zone.
    WithOffset,
}

impl PostDate {
    /// A date without a time of day.
    pub fn from_day(day: Date) -> Self {
        PostDate {
            day,
            moment: None,
            written: Written::Day,
        }
    }

    /// The date as Jekyll gives it on a site whose `_config.yml` sets `timezone` (`zone`, an
    /// IANA name): Jekyll reads every date as a moment and shows it in that zone, so
    /// `2017-10-03 22:49:03 -0400` is the 4th in UTC. A time with seconds and no offset is a
    /// YAML timestamp, which is UTC; one without seconds is read in the zone itself. A day alone
    /// stays that day. `None` when the zone is unknown.
    pub fn in_jekyll_zone(self, zone: &str) -> Option<PostDate> {
        let tz = jiff::tz::TimeZone::get(zone).ok()?;
        let Some(moment) = self.moment else {
            return Some(self);
        };
        let instant = match self.written {
            Written::Day => return Some(self),
            Written::LocalTime { seconds: false } => {
                let civil = jiff::civil::DateTime::new(
                    i16::try_from(moment.year()).ok()?,
                    i8::try_from(u8::from(moment.month())).ok()?,
                    i8::try_from(moment.day()).ok()?,
                    i8::try_from(moment.hour()).ok()?,
                    i8::try_from(moment.minute()).ok()?,
                    i8::try_from(moment.second()).ok()?,
                    i32::try_from(moment.nanosecond()).ok()?,
                )
                .ok()?;
                let zoned = tz.to_ambiguous_zoned_datetime(civil).compatible().ok()?;
                zoned.timestamp().as_second()
            }
            Written::LocalTime { seconds: true } | Written::WithOffset => moment.unix_timestamp(),
        };
        let seconds = tz
            .to_offset(jiff::Timestamp::from_second(instant).ok()?)
            .seconds();
        let offset = UtcOffset::from_whole_seconds(seconds).ok()?;
        let local = OffsetDateTime::from_unix_timestamp(instant)
            .ok()?
            .replace_nanosecond(moment.nanosecond())
            .ok()?
            .to_offset(offset);
        Some(PostDate {
            day: local.date(),
            moment: Some(local),
            written: Written::WithOffset,
        })
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
             2020-03-12 10:00:00 +0000 or another form Jekyll, Hugo or Zola reads)",
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
    let parts = forms::parse_parts(trimmed).ok_or_else(error)?;
    let month = time::Month::try_from(parts.month).map_err(|_| error())?;
    let day = Date::from_calendar_date(parts.year, month, parts.day).map_err(|_| error())?;
    let Some((hour, minute, second, nano)) = parts.time else {
        if parts.offset.is_some() {
            return Err(error());
        }
        return Ok(PostDate::from_day(day));
    };
    let time = Time::from_hms_nano(hour, minute, second, nano).map_err(|_| error())?;
    let offset = match parts.offset {
        Some(seconds) => UtcOffset::from_whole_seconds(seconds).map_err(|_| error())?,
        None => UtcOffset::UTC,
    };
    Ok(PostDate {
        day,
        moment: Some(PrimitiveDateTime::new(day, time).assume_offset(offset)),
        written: match parts.offset {
            Some(_) => Written::WithOffset,
            None => Written::LocalTime {
                seconds: parts.has_seconds,
            },
        },
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
            "12/03/2020",
            "2020-03-12T25:00:00Z",
            "2020-03-12X10:00",
            "2020-03-12 10:00:00 2021",
            "2020-03-12 +0100",
            "March 2020",
            "2020-03-12 10:00 11:00",
            "2020-03-12é",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} should not parse");
        }
        assert!(parse("2020-13-01")
            .unwrap_err()
            .to_string()
            .contains("\"2020-13-01\""));
    }

    /// Every form the generators read, each with what it means.
    #[test]
    fn forms_jekyll_hugo_and_zola_accept() {
        let moment = |text: &str| parse(text).unwrap().moment.unwrap();
        // Unpadded month and day (Ruby and Go read them).
        assert_eq!(parse("2024-4-9").unwrap().day, date!(2024 - 04 - 09));
        assert_eq!(parse("2024-4-09").unwrap().day, date!(2024 - 04 - 09));
        // An unpadded hour, with and without seconds, with an offset glued on or apart.
        assert_eq!(
            moment("2019-11-22 8:44:42 -0800"),
            datetime!(2019-11-22 08:44:42 -08:00)
        );
        assert_eq!(
            moment("2019-04-09T8:09:26-07:00"),
            datetime!(2019-04-09 08:09:26 -07:00)
        );
        assert_eq!(moment("2019-04-25 9:00"), datetime!(2019-04-25 09:00 UTC));
        assert_eq!(
            moment("2021-01-02T10:00+01"),
            datetime!(2021-01-02 10:00 +01:00)
        );
        // Ruby skips a year written twice.
        assert_eq!(
            moment("2023-01-29 18:30:22 2023 -0800"),
            datetime!(2023-01-29 18:30:22 -08:00)
        );
        // Go's RFC 1123 / RFC 822 / ANSIC / Ruby layouts, and zone abbreviations.
        assert_eq!(
            moment("Mon, 02 Jan 2006 15:04:05 MST"),
            datetime!(2006-01-02 15:04:05 -07:00)
        );
        assert_eq!(
            moment("Mon, 02 Jan 2006 15:04:05 -0700"),
            datetime!(2006-01-02 15:04:05 -07:00)
        );
        assert_eq!(
            moment("02 Jan 06 15:04 UTC"),
            datetime!(2006-01-02 15:04 UTC)
        );
        assert_eq!(
            moment("Mon Jan  2 15:04:05 2006"),
            datetime!(2006-01-02 15:04:05 UTC)
        );
        assert_eq!(
            moment("Mon Jan 02 15:04:05 -0700 2006"),
            datetime!(2006-01-02 15:04:05 -07:00)
        );
        assert_eq!(
            moment("2020-03-12T10:00:00 PST"),
            datetime!(2020-03-12 10:00 -08:00)
        );
        // Month names, a slash-separated day, 12-hour clocks.
        assert_eq!(parse("January 2, 2006").unwrap().day, date!(2006 - 01 - 02));
        assert_eq!(parse("2 Sept 2021").unwrap().day, date!(2021 - 09 - 02));
        assert_eq!(parse("2021/9/2").unwrap().day, date!(2021 - 09 - 02));
        assert_eq!(
            moment("2021-09-02 3:15 PM"),
            datetime!(2021-09-02 15:15 UTC)
        );
        assert_eq!(
            moment("2021-09-02 12:05 am"),
            datetime!(2021-09-02 00:05 UTC)
        );
    }

    #[test]
    fn jekyll_time_zone_moves_moments_as_jekyll_does() {
        // With an offset: the same moment, shown in the site's zone (the next day in UTC).
        let late = parse("2017-10-03 22:49:03 -0400").unwrap();
        let utc = late.in_jekyll_zone("UTC").unwrap();
        assert_eq!(utc.day, date!(2017 - 10 - 04));
        assert_eq!(utc.moment, Some(datetime!(2017-10-04 02:49:03 UTC)));
        // Seconds and no offset: a YAML timestamp, UTC, then shown in the zone.
        let early = parse("2020-01-02 03:00:00").unwrap();
        let la = early.in_jekyll_zone("America/Los_Angeles").unwrap();
        assert_eq!(la.day, date!(2020 - 01 - 01));
        // No seconds: Ruby reads it in the zone itself, so the day stays.
        let local = parse("2020-01-02 03:00").unwrap();
        let la = local.in_jekyll_zone("America/Los_Angeles").unwrap();
        assert_eq!(la.day, date!(2020 - 01 - 02));
        assert_eq!(la.moment, Some(datetime!(2020-01-02 03:00 -08:00)));
        // A day alone stays that day; an unknown zone is refused.
        let day = parse("2020-01-02").unwrap();
        assert_eq!(day.in_jekyll_zone("Asia/Tokyo"), Some(day));
        assert_eq!(late.in_jekyll_zone("Mars/Olympus"), None);
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
