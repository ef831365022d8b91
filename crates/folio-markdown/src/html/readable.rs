//! Raw HTML in a post, made ready for the sanitizer so that a reader sees what the author
//! meant, where a browser (and so the sanitizer) would read it differently:
//!
//! - A tag whose name is no element this site knows (`<T>` in `Vec<T>`, `<video>`, `<font>`) is
//!   shown as text: authors writing about generic types mean the text, and an element the
//!   sanitizer does not allow would silently vanish.
//! - `<noscript>` is unwrapped: its content is the fallback for the scripts the sanitizer
//!   removes, so it is exactly what a reader of this site should see (the browser would read it
//!   as raw text, and the sanitizer would show it as escaped markup).
//!
//! This is not a safety measure: the sanitizer still reads the result as a browser would.

use std::borrow::Cow;

use super::sanitize::{is_allowed, REMOVED_WITH_CONTENT};

/// Elements whose tags the sanitizer drops while keeping their content: known, so not shown as
/// text.
const DROPPED_TAGS: &[&str] = &[
    "object", "select", "embed", "applet", "param", "form", "input", "button", "option",
    "optgroup", "link", "meta", "base", "frame", "frameset", "html", "head", "body",
];

/// How a raw tag is treated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RawTag {
    /// Passed to the sanitizer.
    Known,
    /// Shown as text.
    Unknown,
    /// Removed (its content stays).
    Unwrapped,
    /// Not a tag (a comment, a `<` before a space...).
    NotATag,
}

/// What `html`, starting with `<`, begins: a tag this site knows, one it does not, `noscript`.
pub fn classify(html: &str) -> RawTag {
    let Some(name) = tag_name(html) else {
        return RawTag::NotATag;
    };
    let name = name.to_ascii_lowercase();
    if name == "noscript" {
        RawTag::Unwrapped
    } else if is_allowed(&name)
        || REMOVED_WITH_CONTENT.contains(&name.as_str())
        || DROPPED_TAGS.contains(&name.as_str())
    {
        RawTag::Known
    } else {
        RawTag::Unknown
    }
}

/// The name of the tag `html` starts with, as the HTML tokenizer reads it: after `<` or `</`,
/// a letter, then anything up to whitespace, `/` or `>`.
fn tag_name(html: &str) -> Option<&str> {
    let rest = html.strip_prefix('<')?;
    let rest = rest.strip_prefix('/').unwrap_or(rest);
    if !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let end = rest
        .find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
        .unwrap_or(rest.len());
    Some(&rest[..end])
}

/// A block of raw HTML with unknown tags escaped and `noscript` tags removed.
pub fn readable(html: &str) -> Cow<'_, str> {
    if !html.contains('<') {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len() + 16);
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        rest = &rest[lt..];
        match classify(rest) {
            RawTag::Unknown => {
                out.push_str("&lt;");
                rest = &rest[1..];
            }
            RawTag::Unwrapped => match rest.find('>') {
                Some(gt) => rest = &rest[gt + 1..],
                None => rest = "",
            },
            RawTag::Known | RawTag::NotATag => {
                out.push('<');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}
