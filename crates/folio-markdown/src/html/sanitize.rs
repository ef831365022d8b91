//! The sanitizer every article and bio passes through once, at build time, as a whole
//! document: [ammonia], which parses with html5ever exactly as a browser would, keeps what this
//! policy allows and serializes a balanced tree.
//!
//! - Elements: static blog content ([`ELEMENTS`]: tables, `details`, images, links, `kbd`,
//!   `progress`...) plus what the renderer generates (`nav`, task-list checkboxes). `script`,
//!   `style`, `svg`, `math`, `iframe` and the other raw-text elements are removed with their
//!   content; any other element loses its tags and keeps its content.
//! - Attributes: [`GLOBAL_ATTRS`] plus each element's own; no `style` (the CSP forbids inline
//!   styles), no event handlers.
//! - URLs (`href`, `src`, each `srcset` candidate): relative, `http`, `https`, `mailto`; images
//!   may also be raster `data:` URLs. Anything else loses the attribute.
//! - Classes: only those the site's stylesheets and scripts give meaning to ([`CLASSES`],
//!   [`CLASS_PREFIXES`]); other class names are dropped, so a post cannot restyle the page.
//! - Ids: kept as written, so links to a section stay readable and stable (and links made for
//!   the site a post was imported from keep working), except the ids the app's own page uses
//!   ([`folio_core::page_ids::APP_IDS`]): such a content id becomes `content-<id>`, and the
//!   post's in-page links to it follow.

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::OnceLock;

use super::srcset::candidates;

/// Allowed elements, each with the attributes it may carry besides [`GLOBAL_ATTRS`].
const ELEMENTS: &[(&str, &[&str])] = &[
    ("a", &["href", "name", "target", "rel", "aria-label"]),
    ("abbr", &[]),
    ("aside", &[]),
    ("b", &[]),
    ("bdi", &[]),
    ("bdo", &[]),
    ("blockquote", &[]),
    ("br", &[]),
    ("caption", &[]),
    ("center", &[]),
    ("cite", &[]),
    ("code", &[]),
    ("col", &["span", "width"]),
    ("colgroup", &["span", "width"]),
    ("dd", &[]),
    ("del", &[]),
    ("details", &["open"]),
    ("dfn", &[]),
    ("div", &["tabindex", "role", "aria-label"]),
    ("dl", &[]),
    ("dt", &[]),
    ("em", &[]),
    ("figcaption", &[]),
    ("figure", &[]),
    ("h1", &[]),
    ("h2", &[]),
    ("h3", &[]),
    ("h4", &[]),
    ("h5", &[]),
    ("h6", &[]),
    ("hr", &[]),
    ("i", &[]),
    (
        "img",
        &[
            "src", "srcset", "sizes", "alt", "width", "height", "loading", "decoding",
        ],
    ),
    // Task-list items; always made a disabled checkbox (see `super::finish`).
    ("input", &["type", "disabled", "checked"]),
    ("ins", &[]),
    ("kbd", &[]),
    ("li", &["value"]),
    ("mark", &[]),
    ("nav", &["aria-label"]),
    ("ol", &["start", "reversed", "type"]),
    ("p", &[]),
    ("picture", &[]),
    ("pre", &["tabindex"]),
    ("progress", &["value", "max"]),
    ("q", &[]),
    ("rp", &[]),
    ("rt", &[]),
    ("ruby", &[]),
    ("s", &[]),
    ("samp", &[]),
    ("section", &[]),
    ("small", &[]),
    ("source", &["srcset", "sizes", "media", "type"]),
    ("span", &[]),
    ("strong", &[]),
    ("sub", &[]),
    ("summary", &[]),
    ("sup", &[]),
    ("table", &[]),
    ("tbody", &[]),
    ("td", &["colspan", "rowspan"]),
    ("tfoot", &[]),
    ("th", &["colspan", "rowspan", "scope"]),
    ("thead", &[]),
    ("time", &["datetime"]),
    ("tr", &[]),
    ("tt", &[]),
    ("u", &[]),
    ("ul", &[]),
    ("var", &[]),
    ("wbr", &[]),
];

/// Allowed on every allowed element.
const GLOBAL_ATTRS: &[&str] = &["id", "class", "title", "lang", "dir", "align"];

/// Removed together with their content: raw text to the browser (their content is not markup)
/// or foreign content that would only leave debris behind.
pub const REMOVED_WITH_CONTENT: &[&str] = &[
    "script",
    "style",
    "template",
    "iframe",
    "textarea",
    "title",
    "xmp",
    "noembed",
    "noframes",
    "plaintext",
    "svg",
    "math",
];

/// Class names the site gives meaning to: the renderer's markup (`style/main.css`) and
/// task lists as pulldown-cmark writes them.
const CLASSES: &[&str] = &[
    "toc",
    "toc-title",
    "toc-more",
    "heading-anchor",
    "table-wrap",
    "align-left",
    "align-center",
    "align-right",
    "footnote-reference",
    "footnote-definition",
    "footnote-definition-label",
    "footnote-backref",
    "contains-task-list",
    "task-list-item",
];

/// Class prefixes the site gives meaning to: the highlighter's token classes (`style/code.css`)
/// and a code block's language.
const CLASS_PREFIXES: &[&str] = &["hl-", "language-"];

/// The prefix a content id that the app's page already uses gets.
pub const CONTENT_ID_PREFIX: &str = "content-";

/// Whether the policy keeps the element `name` (lowercase).
pub fn is_allowed(name: &str) -> bool {
    ELEMENTS.iter().any(|(n, _)| *n == name)
}

/// `html` (a whole article or bio) as this policy allows it.
pub fn sanitize(html: &str) -> String {
    static POLICY: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    POLICY.get_or_init(policy).clean(html).to_string()
}

fn policy() -> ammonia::Builder<'static> {
    let mut builder = ammonia::Builder::empty();
    builder
        .tags(ELEMENTS.iter().map(|(name, _)| *name).collect())
        .clean_content_tags(REMOVED_WITH_CONTENT.iter().copied().collect())
        .generic_attributes(GLOBAL_ATTRS.iter().copied().collect())
        .tag_attributes(
            ELEMENTS
                .iter()
                .map(|(name, attrs)| (*name, attrs.iter().copied().collect::<HashSet<_>>()))
                .collect(),
        )
        // `data:` is let through here only to be narrowed to raster images below.
        .url_schemes(["http", "https", "mailto", "data"].into_iter().collect())
        .url_relative(ammonia::UrlRelative::PassThrough)
        // `rel` is the author's to keep; off-site links get theirs in `finish`.
        .link_rel(None)
        .strip_comments(true)
        .attribute_filter(filter_attribute);
    builder
}

/// The per-value part of the policy, after ammonia's own name and scheme checks.
fn filter_attribute<'a>(element: &str, attribute: &str, value: &'a str) -> Option<Cow<'a, str>> {
    match attribute {
        "class" => {
            let kept: Vec<&str> = value
                .split_ascii_whitespace()
                .filter(|c| CLASSES.contains(c) || CLASS_PREFIXES.iter().any(|p| c.starts_with(p)))
                .collect();
            (!kept.is_empty()).then(|| Cow::Owned(kept.join(" ")))
        }
        "id" => Some(content_id(value)),
        "href" if value.starts_with('#') => match content_id(&value[1..]) {
            Cow::Borrowed(_) => Some(Cow::Borrowed(value)),
            Cow::Owned(id) => Some(Cow::Owned(format!("#{id}"))),
        },
        "href" | "src" if scheme_of(value) == Some("data") => {
            (element == "img" && is_raster_data_url(value)).then_some(Cow::Borrowed(value))
        }
        "srcset" => candidates(value)
            .iter()
            .all(|c| safe_image_url(&value[c.url.clone()]))
            .then_some(Cow::Borrowed(value)),
        "target" => value
            .eq_ignore_ascii_case("_blank")
            .then_some(Cow::Borrowed("_blank")),
        _ => Some(Cow::Borrowed(value)),
    }
}

/// `id` as the content's id: itself, or `content-<id>` when the app's page uses it.
pub fn content_id(id: &str) -> Cow<'_, str> {
    if folio_core::page_ids::APP_IDS.contains(&id) {
        Cow::Owned(format!("{CONTENT_ID_PREFIX}{id}"))
    } else {
        Cow::Borrowed(id)
    }
}

/// The lowercase scheme of `url` as a browser reads it, if it has one.
fn scheme_of(url: &str) -> Option<&'static str> {
    match url::Url::parse(url) {
        Ok(url) => Some(match url.scheme() {
            "http" => "http",
            "https" => "https",
            "mailto" => "mailto",
            "data" => "data",
            _ => "other",
        }),
        Err(_) => None,
    }
}

/// Whether an image may be loaded from `url`: relative, `http(s)`, or a raster `data:` URL.
fn safe_image_url(url: &str) -> bool {
    match url::Url::parse(url) {
        Ok(parsed) => match parsed.scheme() {
            "http" | "https" => true,
            "data" => is_raster_data_url(url),
            _ => false,
        },
        Err(url::ParseError::RelativeUrlWithoutBase) => true,
        Err(_) => false,
    }
}

/// A `data:` URL of a PNG, GIF, JPEG or WebP image (never SVG, which can hold script).
fn is_raster_data_url(url: &str) -> bool {
    let Ok(parsed) = url::Url::parse(url) else {
        return false;
    };
    let media = parsed.path().to_ascii_lowercase();
    ["image/png", "image/gif", "image/jpeg", "image/webp"]
        .iter()
        .any(|t| {
            media
                .strip_prefix(t)
                .is_some_and(|r| r.starts_with([';', ',']))
        })
}
