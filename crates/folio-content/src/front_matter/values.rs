//! `published`, a front-matter value of two shapes, read with a serde visitor so a wrong shape
//! is still reported by the TOML/YAML/JSON parser at its line.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;

use super::super::date::{PostDate, PostDateVisitor};

/// `published`: Jekyll's flag (`published: false` keeps a post out) or, in Hugo, another name
/// for `publishDate`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Published {
    Flag(bool),
    Date(PostDate),
}

impl<'de> Deserialize<'de> for Published {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PublishedVisitor;
        impl<'de> Visitor<'de> for PublishedVisitor {
            type Value = Published;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("true, false or a date")
            }
            fn visit_bool<E: de::Error>(self, value: bool) -> Result<Published, E> {
                Ok(Published::Flag(value))
            }
            fn visit_str<E: de::Error>(self, value: &str) -> Result<Published, E> {
                // A quoted flag (`published: "false"`) means the flag.
                match value.trim() {
                    "true" => Ok(Published::Flag(true)),
                    "false" => Ok(Published::Flag(false)),
                    _ => PostDateVisitor.visit_str(value).map(Published::Date),
                }
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Published, A::Error> {
                PostDateVisitor.visit_map(map).map(Published::Date)
            }
        }
        deserializer.deserialize_any(PublishedVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[derive(Deserialize)]
    struct Doc {
        published: Published,
    }

    #[test]
    fn published_is_a_flag_or_a_date_in_every_format() {
        let day = Published::Date(PostDate::from_day(date!(2024 - 01 - 02)));
        let toml = |s: &str| toml::from_str::<Doc>(s).map(|d| d.published);
        assert_eq!(toml("published = false").unwrap(), Published::Flag(false));
        assert_eq!(toml("published = 2024-01-02").unwrap(), day);
        assert!(toml("published = 3").is_err());
        let yaml = |s: &str| serde_norway::from_str::<Doc>(s).map(|d| d.published);
        assert_eq!(yaml("published: true").unwrap(), Published::Flag(true));
        assert_eq!(
            yaml("published: \"false\"").unwrap(),
            Published::Flag(false)
        );
        assert_eq!(yaml("published: 2024-01-02").unwrap(), day);
        assert!(yaml("published: soon").is_err());
        let json = |s: &str| serde_json::from_str::<Doc>(s).map(|d| d.published);
        assert_eq!(
            json("{\"published\": false}").unwrap(),
            Published::Flag(false)
        );
        assert_eq!(json("{\"published\": \"2024-01-02\"}").unwrap(), day);
    }
}
