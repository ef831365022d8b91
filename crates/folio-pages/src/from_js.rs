//! Reading the manifest out of `JSON.parse`'s value, field by field.
//!
//! `manifest.json` is the app's only JSON. serde's derived deserializers, driven over a
//! `JsValue`, cost the wasm a visitor per type and per field type (about 23 kB before gzip, the
//! largest piece of the app's own code); this reader is one small function per type. It accepts
//! what serde_json accepts for the [`crate::model`] types (`tests/web_manifest.rs` checks the two
//! agree): unknown keys are ignored, `null` or a missing key is `None` for an `Option`, a struct
//! with `#[serde(default)]` takes its `Default` for missing keys, and whole numbers in `u32` range
//! are read as `u32`. A value that does not fit is an error naming where it is
//! (`posts[3].word_count`) and what was expected.

use std::fmt;

use js_sys::{Array, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::model::{FormField, Link, MailingList, Manifest, PostSummary, Site};

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

    /// The same error, one level further out: inside field `name`.
    fn in_field(self, name: &str) -> Self {
        self.within(name)
    }

    /// The same error, inside the array item at `index`.
    fn in_item(self, index: u32) -> Self {
        self.within(&format!("[{index}]"))
    }

    /// `segment` put in front of the path, with a `.` before a field name that follows.
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
pub trait FromJs: Sized {
    fn from_js(value: JsValue) -> Result<Self, Error>;
}

/// `value` as a `T`.
pub fn from_value<T: FromJs>(value: JsValue) -> Result<T, Error> {
    T::from_js(value)
}

impl FromJs for String {
    fn from_js(value: JsValue) -> Result<Self, Error> {
        value
            .as_string()
            .ok_or_else(|| Error::new("expected a string"))
    }
}

impl FromJs for u32 {
    fn from_js(value: JsValue) -> Result<Self, Error> {
        match value.as_f64() {
            Some(n) if n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&n) => Ok(n as u32),
            _ => Err(Error::new(
                "expected a whole number from 0 to 4294967295 (u32)",
            )),
        }
    }
}

impl<T: FromJs> FromJs for Option<T> {
    fn from_js(value: JsValue) -> Result<Self, Error> {
        if value.is_null_or_undefined() {
            Ok(None)
        } else {
            T::from_js(value).map(Some)
        }
    }
}

impl<T: FromJs> FromJs for Vec<T> {
    fn from_js(value: JsValue) -> Result<Self, Error> {
        if !Array::is_array(&value) {
            return Err(Error::new("expected an array"));
        }
        let items: Array = value.unchecked_into();
        (0..items.length())
            .map(|i| T::from_js(items.get(i)).map_err(|e| e.in_item(i)))
            .collect()
    }
}

/// The fields of a JSON object.
struct Fields(JsValue);

impl Fields {
    fn of(value: JsValue) -> Result<Fields, Error> {
        if value.is_object() && !Array::is_array(&value) {
            Ok(Fields(value))
        } else {
            Err(Error::new("expected an object"))
        }
    }

    fn get(&self, name: &str) -> JsValue {
        Reflect::get(&self.0, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
    }

    /// A field that must be there (an `Option` may be missing: it is `None` then).
    fn required<T: FromJs>(&self, name: &str) -> Result<T, Error> {
        let value = self.get(name);
        if value.is_undefined() && T::from_js(JsValue::NULL).is_err() {
            return Err(Error::new(&format!("missing field `{name}`")));
        }
        T::from_js(value).map_err(|e| e.in_field(name))
    }

    /// A field that may be left out, with its value then.
    fn or<T: FromJs>(&self, name: &str, default: T) -> Result<T, Error> {
        let value = self.get(name);
        if value.is_undefined() {
            return Ok(default);
        }
        T::from_js(value).map_err(|e| e.in_field(name))
    }
}

impl FromJs for Manifest {
    fn from_js(value: JsValue) -> Result<Self, Error> {
        let f = Fields::of(value)?;
        Ok(Manifest {
            site: f.required("site")?,
            posts: f.required("posts")?,
        })
    }
}

impl FromJs for Site {
    fn from_js(value: JsValue) -> Result<Self, Error> {
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

impl FromJs for Link {
    fn from_js(value: JsValue) -> Result<Self, Error> {
        let f = Fields::of(value)?;
        Ok(Link {
            label: f.required("label")?,
            url: f.required("url")?,
        })
    }
}

impl FromJs for MailingList {
    fn from_js(value: JsValue) -> Result<Self, Error> {
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

impl FromJs for FormField {
    fn from_js(value: JsValue) -> Result<Self, Error> {
        let f = Fields::of(value)?;
        Ok(FormField {
            name: f.required("name")?,
            value: f.required("value")?,
        })
    }
}

impl FromJs for PostSummary {
    fn from_js(value: JsValue) -> Result<Self, Error> {
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
