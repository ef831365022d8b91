//! The local references of an HTML page (links, images, scripts, stylesheets) and the ids its
//! fragments may name: what the build checks in every post it writes (see `super::local_links`)
//! and what `folio-check` checks in a whole built site.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use folio_core::html_text::{pieces, unescape, Piece, StartTag};

/// One URL a page refers to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference {
    /// The element (`a`, `img`, ...), lowercased.
    pub element: String,
    /// The URL as the browser reads it (entities decoded).
    pub url: String,
    /// Where the attribute's value is in the page's HTML.
    pub span: Range<usize>,
}

/// Which attribute of which element holds a URL the page needs.
fn url_attribute(element: &str) -> Option<&'static str> {
    match element {
        "a" | "link" | "area" => Some("href"),
        "img" | "script" | "source" | "video" | "audio" | "track" | "iframe" | "embed" => {
            Some("src")
        }
        _ => None,
    }
}

/// Every URL the page's elements refer to, in order.
pub fn references(html: &str) -> Vec<Reference> {
    let mut out = Vec::new();
    for piece in pieces(html) {
        let Piece::Markup(markup) = piece else {
            continue;
        };
        let Some(tag) = StartTag::parse(markup) else {
            continue;
        };
        let element = tag.name.to_ascii_lowercase();
        let Some(attribute) = url_attribute(&element) else {
            continue;
        };
        let Some(attr) = tag.attr(attribute) else {
            continue;
        };
        let Some(value) = attr.value else {
            continue;
        };
        let at = markup.as_ptr() as usize - html.as_ptr() as usize;
        out.push(Reference {
            element,
            url: unescape(value).trim().to_owned(),
            span: at + attr.value_span.start..at + attr.value_span.end,
        });
    }
    out
}

/// The ids a fragment of this page may name: `id` of any element, `name` of an `<a>`.
pub fn ids(html: &str) -> HashSet<String> {
    let mut ids = HashSet::new();
    for piece in pieces(html) {
        let Piece::Markup(markup) = piece else {
            continue;
        };
        let Some(tag) = StartTag::parse(markup) else {
            continue;
        };
        for name in ["id", "name"] {
            if name == "name" && !tag.name.eq_ignore_ascii_case("a") {
                continue;
            }
            if let Some(value) = tag.attr(name).and_then(|a| a.value) {
                ids.insert(unescape(value));
            }
        }
    }
    ids
}

/// Whether a URL leaves the site: a scheme (`https:`, `mailto:`) or a host (`//x`).
pub fn is_external(url: &str) -> bool {
    url.starts_with("//")
        || url
            .split(['/', '?', '#'])
            .next()
            .is_some_and(|first| first.contains(':'))
}

/// An id with only its letters and digits, lowercased: the generators spell a heading's id
/// differently (`so-there-s-a-lot` in one, `sotheres-a-lot` in another), but keep these.
pub fn loose_key(id: &str) -> String {
    id.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A page's ids, and for fragments written for another generator's ids, the one id each loose
/// key stands for (none when two ids share it).
#[derive(Clone, Debug, Default)]
pub struct Anchors {
    pub ids: HashSet<String>,
    loose: HashMap<String, Option<String>>,
}

impl Anchors {
    pub fn of(html: &str) -> Self {
        let ids = self::ids(html);
        let mut loose: HashMap<String, Option<String>> = HashMap::new();
        for id in &ids {
            loose
                .entry(loose_key(id))
                .and_modify(|slot| *slot = None)
                .or_insert_with(|| Some(id.clone()));
        }
        Anchors { ids, loose }
    }

    /// The id a fragment names: itself, percent-decoded, or the one id with its loose key.
    pub fn find(&self, fragment: &str) -> Option<String> {
        if self.ids.contains(fragment) {
            return Some(fragment.to_owned());
        }
        let decoded = percent_decode(fragment);
        if self.ids.contains(&decoded) {
            return Some(decoded);
        }
        self.loose.get(&loose_key(&decoded)).cloned().flatten()
    }
}

/// `%20` and the like decoded; invalid sequences kept as written.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_references_ids_and_loose_anchors() {
        let html = "<h2 id=\"so-there-s-a-lot\">So…</h2><a href=\"#x&amp;y\">a</a>\
                    <img src=\"files/a.png\"><a name=\"old\"></a><p id=\"a-b\"></p><p id=\"ab\"></p>";
        let refs = references(html);
        assert_eq!(refs.len(), 2);
        assert_eq!(
            (refs[0].element.as_str(), refs[0].url.as_str()),
            ("a", "#x&y")
        );
        assert_eq!(&html[refs[1].span.clone()], "files/a.png");
        let anchors = Anchors::of(html);
        assert!(anchors.ids.contains("old"));
        assert_eq!(
            anchors.find("sotheres-a-lot").as_deref(),
            Some("so-there-s-a-lot")
        );
        assert_eq!(
            anchors.find("So%20there%27s%20a%20lot").as_deref(),
            Some("so-there-s-a-lot")
        );
        assert_eq!(anchors.find("a_b"), None, "two ids share the loose key");
        assert_eq!(anchors.find("nothing"), None);
    }

    #[test]
    fn external_urls() {
        for url in ["https://x.org", "mailto:a@b", "//cdn.x/a.js"] {
            assert!(is_external(url), "{url}");
        }
        for url in ["/a:b", "a.png", "#x", "posts/a?x=http://y"] {
            assert!(!is_external(url), "{url}");
        }
    }
}
