//! Raw HTML in Markdown: a small tag tokenizer and an allowlist sanitizer.
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
        } else if name == "img" {
            if !attrs.iter().any(|(a, _)| *a == "loading") {
                attrs.push(("loading", "lazy".into()));
            }
            attrs.push(("decoding", "async".into()));
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

/// A start tag as written: name and attributes in source case, values still escaped.
struct StartTag<'a> {
    name: &'a str,
    attrs: Vec<(&'a str, Option<&'a str>)>,
    self_closing: bool,
    /// Bytes from `<` to `>` inclusive.
    len: usize,
}

enum Token<'a> {
    /// A comment, doctype, processing instruction or CDATA section of this many bytes.
    Ignored(usize),
    Start(StartTag<'a>),
    End {
        name: &'a str,
        len: usize,
    },
    /// A `<` that begins no well-formed tag.
    Malformed,
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0C')
}

fn skip_space(b: &[u8], mut i: usize) -> usize {
    while b.get(i).copied().is_some_and(is_space) {
        i += 1;
    }
    i
}

fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')
}

/// Reads the token `s` starts with; `s` starts with `<`.
fn token(s: &str) -> Token<'_> {
    let b = s.as_bytes();
    let until = |from: usize, end: &str| s[from..].find(end).map(|i| from + i + end.len());
    match b.get(1) {
        Some(b'!') if s.starts_with("<!--") => {
            // `<!-->` and `<!--->` are complete (empty) comments to a browser, and `--!>` ends
            // one too. An unterminated comment runs to the end of the chunk.
            if s[4..].starts_with('>') || s[4..].starts_with("->") {
                return Token::Ignored(if b[4] == b'>' { 5 } else { 6 });
            }
            let end = [until(4, "-->"), until(4, "--!>")]
                .into_iter()
                .flatten()
                .min();
            Token::Ignored(end.unwrap_or(s.len()))
        }
        Some(b'!') if s.starts_with("<![CDATA[") => {
            Token::Ignored(until(9, "]]>").unwrap_or(s.len()))
        }
        Some(b'!') => until(2, ">").map_or(Token::Malformed, Token::Ignored),
        // To a browser, `<?…>` is a comment up to the first `>`.
        Some(b'?') => until(2, ">").map_or(Token::Malformed, Token::Ignored),
        Some(b'/') if b.get(2).is_some_and(u8::is_ascii_alphabetic) => {
            let mut i = 3;
            while b.get(i).copied().is_some_and(is_name_byte) {
                i += 1;
            }
            let name = &s[2..i];
            i = skip_space(b, i);
            if b.get(i) == Some(&b'>') {
                Token::End { name, len: i + 1 }
            } else {
                Token::Malformed
            }
        }
        Some(c) if c.is_ascii_alphabetic() => start_tag(s).map_or(Token::Malformed, Token::Start),
        _ => Token::Malformed,
    }
}

/// Parses the start tag `s` starts with, or `None` if it is not well-formed: attributes must
/// be separated by whitespace, names and unquoted values must not hold `<` (names no quotes
/// either), quoted values must close.
fn start_tag(s: &str) -> Option<StartTag<'_>> {
    let b = s.as_bytes();
    let mut i = 1;
    while b.get(i).copied().is_some_and(is_name_byte) {
        i += 1;
    }
    let name = &s[1..i];
    let mut attrs = Vec::new();
    loop {
        let after_space = skip_space(b, i);
        match *b.get(after_space)? {
            b'>' => {
                return Some(StartTag {
                    name,
                    attrs,
                    self_closing: false,
                    len: after_space + 1,
                })
            }
            b'/' if b.get(after_space + 1) == Some(&b'>') => {
                return Some(StartTag {
                    name,
                    attrs,
                    self_closing: true,
                    len: after_space + 2,
                })
            }
            _ if after_space == i => return None,
            _ => {}
        }
        i = after_space;
        let attr_start = i;
        while let Some(&c) = b.get(i) {
            if is_space(c) || matches!(c, b'/' | b'>' | b'=') {
                break;
            }
            if matches!(c, b'"' | b'\'' | b'<') {
                return None;
            }
            i += 1;
        }
        if i == attr_start {
            return None;
        }
        let attr = &s[attr_start..i];
        let eq = skip_space(b, i);
        let mut value = None;
        if b.get(eq) == Some(&b'=') {
            let v = skip_space(b, eq + 1);
            match *b.get(v)? {
                q @ (b'"' | b'\'') => {
                    let close = v + 1 + s[v + 1..].find(char::from(q))?;
                    value = Some(&s[v + 1..close]);
                    i = close + 1;
                }
                b'>' => return None,
                _ => {
                    let mut end = v;
                    // Browsers also take `<` here; stopping at it makes `<a x=<b>` malformed.
                    while b
                        .get(end)
                        .is_some_and(|&c| !is_space(c) && c != b'>' && c != b'<')
                    {
                        end += 1;
                    }
                    value = Some(&s[v..end]);
                    i = end;
                }
            }
        }
        attrs.push((attr, value));
    }
}

/// Bytes of `rest` up to and including the end tag `</name…>` (any case), or all of it.
fn skip_content(rest: &str, name: &str) -> usize {
    let mut from = 0;
    while let Some(at) = rest[from..].find("</").map(|i| from + i) {
        let after = at + 2 + name.len();
        let named = rest
            .get(at + 2..after)
            .is_some_and(|n| n.eq_ignore_ascii_case(name));
        let ends = rest
            .as_bytes()
            .get(after)
            .is_some_and(|&c| is_space(c) || matches!(c, b'/' | b'>'));
        if named && ends {
            return rest[after..]
                .find('>')
                .map_or(rest.len(), |i| after + i + 1);
        }
        from = at + 2;
    }
    rest.len()
}

/// Length of the character reference `s` starts with (`&amp;`, `&#106;`, `&#x6A;`), if it is
/// complete, semicolon included.
fn reference_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let (first, digit): (usize, fn(&u8) -> bool) = match (b.get(1), b.get(2)) {
        (Some(b'#'), Some(b'x' | b'X')) => (3, u8::is_ascii_hexdigit),
        (Some(b'#'), _) => (2, u8::is_ascii_digit),
        (Some(c), _) if c.is_ascii_alphabetic() => (1, u8::is_ascii_alphanumeric),
        _ => return None,
    };
    let mut i = first;
    while b.get(i).is_some_and(digit) {
        i += 1;
    }
    (i > first && b.get(i) == Some(&b';')).then_some(i + 1)
}

/// An attribute value as written, ready to go between double quotes: `"`, `<`, `>` and every `&`
/// that does not begin a complete character reference are escaped; references are kept.
fn normalise(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 8);
    let mut last = 0;
    for (i, c) in value.bytes().enumerate() {
        let rep = match c {
            b'"' => "&quot;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'&' if reference_len(&value[i..]).is_none() => "&amp;",
            _ => continue,
        };
        out.push_str(&value[last..i]);
        out.push_str(rep);
        last = i + 1;
    }
    out.push_str(&value[last..]);
    out
}

/// A [`normalise`]d value as the browser reads it, as far as a URL scheme check cares: numeric
/// references and the named ones that spell scheme characters (`&colon;`, `&Tab;`, ...) are
/// decoded. No named reference stands for an ASCII letter or digit, so the others can stay:
/// their `&` is not a scheme character, and neither is what the browser makes of them.
fn decode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let Some(len) = reference_len(rest) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let name = &rest[1..len - 1];
        if let Some(num) = name.strip_prefix('#') {
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16),
                None => num.parse(),
            };
            let c = code.ok().and_then(char::from_u32).filter(|&c| c != '\0');
            out.push(c.unwrap_or('\u{FFFD}'));
        } else {
            out.push_str(match name {
                "Tab" => "\t",
                "NewLine" => "\n",
                "colon" => ":",
                "plus" => "+",
                "period" => ".",
                "fjlig" => "fj",
                "amp" => "&",
                _ => &rest[..len],
            });
        }
        rest = &rest[len..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(html: &str) -> String {
        let mut out = String::new();
        Sanitizer::default().sanitize(html, &mut out, None);
        out
    }

    #[test]
    fn references_are_kept_and_bare_ampersands_escaped() {
        assert_eq!(
            normalise("a&amp;b&c&#38;&#x26;&#;&x=\"<>"),
            "a&amp;b&amp;c&#38;&#x26;&amp;#;&amp;x=&quot;&lt;&gt;"
        );
        assert_eq!(
            decode("&#106;ava&#X73;cript&colon;&Tab;&NewLine;&amp;&lt;&#0;&#99999999999;"),
            "javascript:\t\n&&lt;\u{FFFD}\u{FFFD}"
        );
    }

    #[test]
    fn tokens() {
        assert_eq!(clean("<!-->a<!--->b<!-- x --!>c<!-- open"), "abc");
        assert_eq!(clean("<!DOCTYPE html><?php x ?>a<![CDATA[<b>]]>b"), "ab");
        assert_eq!(clean("a < b <! c"), "a &lt; b &lt;! c");
        assert_eq!(clean("<b >x</b\n>"), "<b>x</b>");
        assert_eq!(
            clean("<b class=x title = 'y'>"),
            "<b class=\"x\" title=\"y\">"
        );
        assert_eq!(clean("<b class=\"x\"title=y>"), "&lt;b class=\"x\"title=y>");
        assert_eq!(clean("<b a=>"), "&lt;b a=>");
        assert_eq!(clean("<b class=\"x>"), "&lt;b class=\"x>");
        assert_eq!(clean("<br class=x/>"), "<br class=\"x/\" />");
    }

    #[test]
    fn skipped_content_ends_at_its_own_end_tag() {
        assert_eq!(clean("a<script>x</scripty></script >b"), "ab");
        assert_eq!(clean("a<STYLE>x</style"), "a");
        assert_eq!(clean("a<svg><text>t</text></svg>b"), "ab");
    }

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
