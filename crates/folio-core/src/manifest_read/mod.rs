//! The app's reader of `manifest.json`: [`json`] parses the text, and one small function per
//! [`crate::model`] type reads the fields it needs.
//!
//! serde's derived deserializers would cost the wasm a visitor per type and per field type
//! (about 23 kB before gzip); these readers are a few lines each. They accept what serde_json
//! accepts for the model types (`tests/manifest_read.rs` checks the two agree): unknown keys are
//! ignored (and a key written twice, which serde_json refuses, counts once: the first), `null`
//! or a missing key is `None` for an `Option`, a struct with `#[serde(default)]`
//! takes its `Default` for missing keys, and numbers read as `u32` must be whole and in range. A
//! value that does not fit is an error naming where it is (`posts[3].word_count`) and what was
//! expected; text that is not JSON names its line and column.

pub mod json;

use std::fmt;

use json::Value;

use crate::model::{FormField, Link, MailingList, Manifest, PostSummary, Site};

/// Reads a manifest from the text of `manifest.json`.
pub fn read(text: &str) -> Result<Manifest, Error> {
    let value = json::parse(text).map_err(|e| Error {
        path: String::new(),
        message: format!(
            "not JSON (line {}, column {}: {})",
            e.line, e.column, e.message
        ),
    })?;
    Manifest::from_json(&value)
}

/// Why the value is not a manifest, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    /// Where in the value, outermost first (`posts[3].word_count`); empty for the top.
    path: String,
    message: String,
}

impl Error {
    fn new(message: &str) -> Self {
        Error {
            path: String::new(),
            message: message.to_owned(),
        }
    }

    /// The same error, inside the array item at `index`.
    fn in_item(self, index: usize) -> Self {
        self.within(&format!("[{index}]"))
    }

    /// `segment` (a field name or `[i]`) put in front of the path, with a `.` between a
    /// segment and a field name that follows it.
    fn within(mut self, segment: &str) -> Self {
        if !self.path.is_empty() && !self.path.starts_with('[') {
            self.path.insert(0, '.');
        }
        self.path.insert_str(0, segment);
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for Error {}

/// A type that can be read from a parsed JSON value.
trait FromJson: Sized {
    fn from_json(value: &Value) -> Result<Self, Error>;
}

impl FromJson for String {
    fn from_json(value: &Value) -> Result<Self, Error> {
        match value {
            Value::String(s) => Ok(s.clone().into_owned()),
            _ => Err(Error::new("expected a string")),
        }
    }
}

impl FromJson for u32 {
    fn from_json(value: &Value) -> Result<Self, Error> {
        match value {
            // Digits only: serde_json reads `1.0` or `1e3` as a float, which is not a u32.
            Value::Number(n) if n.bytes().all(|b| b.is_ascii_digit()) => n.parse().ok(),
            _ => None,
        }
        .ok_or_else(|| Error::new("expected a whole number from 0 to 4294967295 (u32)"))
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(value: &Value) -> Result<Self, Error> {
        match value {
            Value::Null => Ok(None),
            value => T::from_json(value).map(Some),
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: &Value) -> Result<Self, Error> {
        match value {
            Value::Array(items) => items
                .iter()
                .enumerate()
                .map(|(i, item)| T::from_json(item).map_err(|e| e.in_item(i)))
                .collect(),
            _ => Err(Error::new("expected an array")),
        }
    }
}

/// The members of a JSON object.
struct Fields<'v, 'a>(&'v [(std::borrow::Cow<'a, str>, Value<'a>)]);

impl<'v, 'a> Fields<'v, 'a> {
    fn of(value: &'v Value<'a>) -> Result<Self, Error> {
        match value {
            Value::Object(members) => Ok(Fields(members)),
            _ => Err(Error::new("expected an object")),
        }
    }

    fn get(&self, name: &str) -> Option<&'v Value<'a>> {
        self.0.iter().find(|(key, _)| key == name).map(|(_, v)| v)
    }

    /// A field that must be there (an `Option` may be missing: it is `None` then).
    fn required<T: FromJson>(&self, name: &str) -> Result<T, Error> {
        match self.get(name) {
            Some(value) => T::from_json(value).map_err(|e| e.within(name)),
            None => T::from_json(&Value::Null)
                .map_err(|_| Error::new(&format!("missing field `{name}`"))),
        }
    }

    /// A field that may be left out, with its value then.
    fn or<T: FromJson>(&self, name: &str, default: T) -> Result<T, Error> {
        match self.get(name) {
            Some(value) => T::from_json(value).map_err(|e| e.within(name)),
            None => Ok(default),
        }
    }
}

impl FromJson for Manifest {
    fn from_json(value: &Value) -> Result<Self, Error> {
        let f = Fields::of(value)?;
        Ok(Manifest {
            site: f.required("site")?,
            posts: f.required("posts")?,
        })
    }
}

impl FromJson for Site {
    fn from_json(value: &Value) -> Result<Self, Error> {
        let f = Fields::of(value)?;
        let d = Site::default();
        Ok(Site {
            author: f.or("author", d.author)?,
            tagline: f.or("tagline", d.tagline)?,
            footer: f.or("footer", d.footer)?,
            bio: f.or("bio", d.bio)?,
            bio_html: f.or("bio_html", d.bio_html)?,
            reach_out: f.or("reach_out", d.reach_out)?,
            links: f.or("links", d.links)?,
            base_url: f.or("base_url", d.base_url)?,
            feed_url: f.or("feed_url", d.feed_url)?,
            mailing_list: f.or("mailing_list", d.mailing_list)?,
            highlights: f.or("highlights", d.highlights)?,
        })
    }
}

impl FromJson for Link {
    fn from_json(value: &Value) -> Result<Self, Error> {
        let f = Fields::of(value)?;
        Ok(Link {
            label: f.required("label")?,
            url: f.required("url")?,
        })
    }
}

impl FromJson for MailingList {
    fn from_json(value: &Value) -> Result<Self, Error> {
        let f = Fields::of(value)?;
        let d = MailingList::default();
        Ok(MailingList {
            action: f.or("action", d.action)?,
            method: f.or("method", d.method)?,
            email_field: f.or("email_field", d.email_field)?,
            hidden: f.or("hidden", d.hidden)?,
            label: f.or("label", d.label)?,
            button: f.or("button", d.button)?,
            url: f.or("url", d.url)?,
        })
    }
}

impl FromJson for FormField {
    fn from_json(value: &Value) -> Result<Self, Error> {
        let f = Fields::of(value)?;
        Ok(FormField {
            name: f.required("name")?,
            value: f.required("value")?,
        })
    }
}

impl FromJson for PostSummary {
    fn from_json(value: &Value) -> Result<Self, Error> {
        let f = Fields::of(value)?;
        let d = PostSummary::default();
        Ok(PostSummary {
            slug: f.or("slug", d.slug)?,
            title: f.or("title", d.title)?,
            date: f.or("date", d.date)?,
            updated: f.or("updated", d.updated)?,
            summary: f.or("summary", d.summary)?,
            tags: f.or("tags", d.tags)?,
            word_count: f.or("word_count", d.word_count)?,
            reading_minutes: f.or("reading_minutes", d.reading_minutes)?,
            highlight: f.or("highlight", d.highlight)?,
            related: f.or("related", d.related)?,
        })
    }
}
