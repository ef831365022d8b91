//! Raw HTML in Markdown: an allowlist sanitizer over the tokens of [`super::html_lexer`].
//!
//! Every chunk of raw HTML (a whole HTML block, or one inline tag) is tokenized into text,
//! comments, start tags, end tags and stray `<`, and written out again:
//!
//! - Allowed elements ([`ELEMENTS`]: static blog content such as tables, `details`, `img`,
//!   `a`, `kbd`, `sup`, `progress`) are re-serialised with their allowed attributes only,
//!   lowercased, every value double-quoted and escaped. `href`, `src` and `srcset` go through
//!   the same scheme check as Markdown links ([`dangerous_scheme`]), after decoding character
//!   references the way the browser will. Raw `<img>` gets `loading="lazy"` (unless it says
//!   otherwise) and `decoding="async"`; `<a>` with `target="_blank"` or an off-site `href` gets
//!   `rel="noopener noreferrer"`.
//! - `script`, `style`, `template`, `iframe`, `svg`, `math` and the other raw-text elements
//!   ([`SKIP_CONTENT`]) are removed with their content up to the matching end tag in the same
//!   chunk (pulldown-cmark hands a `<script>…</script>` block over as one HTML block).
//! - Embedding, form and document elements ([`DROP_TAG`]) lose their tags; their content, if
//!   any, is sanitised like the rest. `noscript` is unwrapped too: its content is the fallback
//!   for the scripts removed here, so it is exactly what a reader of this site should see.
//! - Any other element (`<Vec<T>>`, `<video>`, `<font>`) and anything malformed (a `<` that
//!   does not begin a well-formed tag) is escaped, so it shows as text.
//! - A raw `<table>` is wrapped in the same scrolling `<div class="table-wrap">` as a Markdown
//!   table (closed after its kept `</table>`), so a wide one scrolls instead of widening the page.
//! - Comments, doctypes, processing instructions and CDATA sections are dropped.
//!
//! So every `<` in the output was written by this module's serialiser, and the output never
//! opens a comment or a raw-text element: HTML that follows it is parsed normally.
//!
//! Balance: an end tag is kept only while a raw start tag of that element is open (counted per
//! element name over the whole document), so a stray `</li>`, `</td>` or `</p>` cannot close
//! what Markdown generated around it. Unclosed elements are left to the browser. Nothing can escape the page's container either way: the
//! app sets the HTML with `innerHTML`, whose fragment parser starts from a stack holding only
//! the container's context, so a stray `</div>` (or `</body>`) finds no open element to close
//! and is ignored; every node ends up inside the container.

use super::html_lexer::{decode, normalise, skip_content, token, StartTag, Token};
use super::render::{TABLE_WRAP_CLOSE, TABLE_WRAP_OPEN};
use super::sanitize::{dangerous_scheme, is_external};

/// Allowed attributes on every allowed element. No `style` (the CSP forbids inline styles) and
/// no event handlers.
const GLOBAL_ATTRS: &[&str] = &["id", "class", "title", "lang", "dir", "align"];

/// Allowed elements, each with the attributes it may carry besides [`GLOBAL_ATTRS`].
const ELEMENTS: &[(&str, &[&str])] = &[
    ("a", &["href", "name", "target", "rel"]),
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
    ("div", &[]),
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
            "src", "srcset", "sizes", "alt", "width", "height", "loading",
        ],
    ),
    ("ins", &[]),
    ("kbd", &[]),
    ("li", &["value"]),
    ("mark", &[]),
    ("ol", &["start", "reversed", "type"]),
    ("p", &[]),
    ("picture", &[]),
    ("pre", &[]),
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

/// Allowed elements without content or end tag.
const VOID: &[&str] = &["br", "col", "hr", "img", "source", "wbr"];

/// Removed together with their content. Most are raw text to the browser's parser, so their
/// content is not markup anyway; `svg` and `math` would only leave debris behind.
const SKIP_CONTENT: &[&str] = &[
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

/// Removed, content kept (and sanitised).
const DROP_TAG: &[&str] = &[
    "noscript", "object", "embed", "applet", "param", "form", "input", "button", "select",
    "option", "optgroup", "link", "meta", "base", "frame", "frameset", "html", "head", "body",
];

/// Sanitises the raw HTML of one document, chunk by chunk (see the module docs).
#[derive(Default)]
pub(super) struct Sanitizer {
    /// Per [`ELEMENTS`] entry: raw start tags not yet closed by a raw end tag.
    open: Vec<u32>,
    /// Every `id` value written, decoded.
    pub(super) ids: Vec<String>,
}

impl Sanitizer {
    /// Writes the sanitised form of `html` to `out`. If `visible` is given, the text a reader
    /// will see from this chunk (text and escaped tags) is appended to it.
    pub(super) fn sanitize(
        &mut self,
        html: &str,
        out: &mut String,
        mut visible: Option<&mut String>,
    ) {
        let mut show = |out: &mut String, raw: &str, escape: bool| {
            if escape {
                super::sanitize::escape_html(out, raw);
            } else {
                out.push_str(raw);
            }
            if let Some(v) = visible.as_deref_mut() {
                v.push_str(raw);
            }
        };
        // Past the last `>` only an unterminated comment or CDATA section can start: saying so
        // up front keeps malformed input like `<a x=<a x=…` linear.
        let last_gt = html.rfind('>');
        let mut rest = html;
        while !rest.is_empty() {
            let Some(lt) = rest.find('<') else {
                show(out, rest, false);
                break;
            };
            show(out, &rest[..lt], false);
            rest = &rest[lt..];
            let closable = last_gt.is_some_and(|gt| gt > html.len() - rest.len());
            let token = if closable || rest.starts_with("<!--") || rest.starts_with("<![CDATA[") {
                token(rest)
            } else {
                Token::Malformed
            };
            let len = match token {
                Token::Ignored(len) => len,
                Token::Malformed => {
                    show(out, "<", true);
                    1
                }
                Token::Start(tag) => {
                    let name = tag.name;
                    if let Some(el) = find(ELEMENTS.iter().map(|e| e.0), name) {
                        self.start_tag(el, &tag, out);
                        tag.len
                    } else if find(SKIP_CONTENT.iter().copied(), name).is_some() {
                        tag.len + skip_content(&rest[tag.len..], name)
                    } else if find(DROP_TAG.iter().copied(), name).is_some() {
                        tag.len
                    } else {
                        show(out, &rest[..tag.len], true);
                        tag.len
                    }
                }
                Token::End { name, len } => {
                    if let Some(el) = find(ELEMENTS.iter().map(|e| e.0), name) {
                        if self.open.get(el).is_some_and(|&n| n > 0) {
                            self.open[el] -= 1;
                            out.push_str("</");
                            out.push_str(ELEMENTS[el].0);
                            out.push('>');
                            if ELEMENTS[el].0 == "table" {
                                out.push_str(TABLE_WRAP_CLOSE);
                            }
                        }
                    } else if find(SKIP_CONTENT.iter().chain(DROP_TAG).copied(), name).is_none() {
                        show(out, &rest[..len], true);
                    }
                    len
                }
            };
            rest = &rest[len..];
        }
    }

    /// Writes the start tag of `ELEMENTS[el]` with its allowed attributes.
    fn start_tag(&mut self, el: usize, tag: &StartTag<'_>, out: &mut String) {
        let (name, own_attrs) = ELEMENTS[el];
        let mut attrs: Vec<(&str, String)> = Vec::with_capacity(tag.attrs.len() + 2);
        for &(attr, value) in &tag.attrs {
            let known = GLOBAL_ATTRS.iter().chain(own_attrs).copied();
            let Some(attr) = known.into_iter().find(|a| a.eq_ignore_ascii_case(attr)) else {
                continue; // event handlers, `style`, `srcdoc`, `formaction`, `xlink:href`, ...
            };
            if attrs.iter().any(|(a, _)| *a == attr) {
                continue; // the browser keeps the first of duplicate attributes
            }
            let mut value = normalise(value.unwrap_or_default());
            match attr {
                "href" | "src" if dangerous_scheme(&decode(&value), attr == "src") => {
                    value = "#".into();
                }
                // Candidates are `url descriptor` pairs split by commas; checking every piece
                // also covers a URL that itself holds a comma.
                "srcset"
                    if decode(&value)
                        .split(|c: char| c == ',' || c.is_ascii_whitespace())
                        .any(|url| dangerous_scheme(url, true)) =>
                {
                    continue;
                }
                "target" if !value.eq_ignore_ascii_case("_blank") => continue,
                "target" => value = "_blank".into(),
                "id" => self.ids.push(decode(&value)),
                _ => {}
            }
            attrs.push((attr, value));
        }
        if name == "a" {
            let off_site = attrs
                .iter()
                .any(|(a, v)| *a == "href" && is_external(&decode(v)))
                || attrs.iter().any(|(a, _)| *a == "target");
            if off_site {
                let rel = match attrs.iter().position(|(a, _)| *a == "rel") {
                    Some(i) => &mut attrs[i].1,
                    None => {
                        attrs.push(("rel", String::new()));
                        &mut attrs.last_mut().expect("just pushed").1
                    }
                };
                for token in ["noopener", "noreferrer"] {
                    if !rel
                        .split_ascii_whitespace()
                        .any(|t| t.eq_ignore_ascii_case(token))
                    {
                        if !rel.is_empty() {
                            rel.push(' ');
                        }
                        rel.push_str(token);
                    }
                }
            }
        } else if name == "pre" {
            // Focusable like a Markdown code block, so a keyboard can scroll it.
            attrs.push(("tabindex", "0".into()));
        } else if name == "img" {
            if !attrs.iter().any(|(a, _)| *a == "loading") {
                attrs.push(("loading", "lazy".into()));
            }
            attrs.push(("decoding", "async".into()));
        }

        if name == "table" {
            out.push_str(TABLE_WRAP_OPEN);
        }
        out.push('<');
        out.push_str(name);
        for (attr, value) in &attrs {
            out.push(' ');
            out.push_str(attr);
            out.push_str("=\"");
            out.push_str(value);
            out.push('"');
        }
        if VOID.contains(&name) {
            out.push_str(" />");
        } else if tag.self_closing {
            // `<a name="x"/>` means an empty element; to a browser it would open one.
            out.push_str("></");
            out.push_str(name);
            out.push('>');
            if name == "table" {
                out.push_str(TABLE_WRAP_CLOSE);
            }
        } else {
            out.push('>');
            if self.open.len() < ELEMENTS.len() {
                self.open.resize(ELEMENTS.len(), 0);
            }
            self.open[el] += 1;
        }
    }
}

/// The index of `name` (any case) in `list`.
fn find<'a>(mut list: impl Iterator<Item = &'a str>, name: &str) -> Option<usize> {
    list.position(|n| n.eq_ignore_ascii_case(name))
}

/// One chunk through a fresh sanitizer, for the unit tests of this module and the lexer's.
#[cfg(test)]
pub(super) fn clean(html: &str) -> String {
    let mut out = String::new();
    Sanitizer::default().sanitize(html, &mut out, None);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_input_takes_linear_time() {
        // Each of these would make a naive tokenizer rescan the rest of the chunk per `<`.
        let n = 40_000;
        for piece in ["<a x=", "<!", "<?", "<a x=\"<", "<b title=x", "</a"] {
            let html = piece.repeat(n) + " \"";
            let start = std::time::Instant::now();
            let out = clean(&html);
            assert!(out.len() >= html.len(), "{piece}");
            assert!(
                start.elapsed().as_secs() < 5,
                "{piece}: {:?}",
                start.elapsed()
            );
        }
    }
}
