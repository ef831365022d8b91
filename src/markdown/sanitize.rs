//! The safety policy: what raw HTML and which URLs may reach the page.
//!
//! Raw HTML is escaped so it shows as text, except attribute-less tags from a small allowlist
//! that cannot carry script; comments are dropped. URLs with a scheme that runs code
//! (`javascript:`, `vbscript:`, `data:` other than raster images) become `#`.

/// Tags that may pass through verbatim, opening or closing, and only without attributes.
/// None of them can carry script, load anything, or switch the HTML parser into another mode.
const ALLOWED_TAGS: &[&str] = &[
    "abbr", "b", "br", "cite", "code", "del", "details", "dfn", "em", "i", "ins", "kbd", "mark",
    "q", "s", "samp", "small", "strong", "sub", "summary", "sup", "u", "var", "wbr",
];

/// Tags that are void elements, so `<br/>` and `<br />` are accepted too.
const VOID_TAGS: &[&str] = &["br", "wbr"];

/// A raw HTML chunk after the policy ran.
pub(super) enum RawHtml {
    /// Only allowlisted tags, comments and plain text: pass through (comments removed).
    Kept(String),
    /// Anything else: the whole chunk as escaped text. Holds the text a reader will see.
    Escaped { html: String, visible: String },
}

/// Applies the policy to one chunk of raw HTML. Block HTML arrives line by line, so a comment
/// can span chunks: `in_comment` carries that state between the chunks of one HTML block.
///
/// A chunk is kept only if it consists entirely of allowlisted tags, comments and text without
/// `<`; otherwise all of it is escaped, so nothing in it can form a tag.
pub(super) fn raw_html(chunk: &str, in_comment: &mut bool) -> RawHtml {
    let mut kept = String::with_capacity(chunk.len());
    let mut allowed = true;
    let mut rest = chunk;
    while !rest.is_empty() {
        if *in_comment {
            match rest.find("-->") {
                Some(end) => {
                    rest = &rest[end + 3..];
                    *in_comment = false;
                }
                None => rest = "",
            }
            continue;
        }
        let Some(lt) = rest.find('<') else {
            kept.push_str(rest);
            break;
        };
        kept.push_str(&rest[..lt]);
        rest = &rest[lt..];
        if let Some(body) = rest.strip_prefix("<!--") {
            // `<!-->` and `<!--->` are complete (empty) comments to a browser.
            if let Some(after) = body.strip_prefix('>').or_else(|| body.strip_prefix("->")) {
                rest = after;
            } else {
                rest = body;
                *in_comment = true;
            }
        } else if let Some(len) = allowed_tag_len(rest) {
            kept.push_str(&rest[..len]);
            rest = &rest[len..];
        } else {
            allowed = false;
            kept.push('<');
            rest = &rest[1..];
        }
    }
    if allowed {
        RawHtml::Kept(kept)
    } else {
        let mut html = String::with_capacity(kept.len() + kept.len() / 4);
        escape_html(&mut html, &kept);
        RawHtml::Escaped {
            html,
            visible: kept,
        }
    }
}

/// Length of the allowlisted tag `s` starts with (`<sup>`, `</sup>`, `<br />`, any case,
/// whitespace allowed before `>`), or `None`.
fn allowed_tag_len(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut i = 1; // past '<'
    let closing = bytes.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    let name_start = i;
    while bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
        i += 1;
    }
    let name = &s[name_start..i];
    let known = |list: &[&str]| list.iter().any(|t| t.eq_ignore_ascii_case(name));
    if name.is_empty() || !known(ALLOWED_TAGS) {
        return None;
    }
    while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
        i += 1;
    }
    if !closing && bytes.get(i) == Some(&b'/') && known(VOID_TAGS) {
        i += 1;
    }
    (bytes.get(i) == Some(&b'>')).then_some(i + 1)
}

/// The URL to write for a link or image destination: `url` itself, or `#` when its scheme can
/// run code. Schemes are read the way browsers read them: case-insensitively, after leading
/// spaces and control characters, with tabs and newlines anywhere removed.
pub(super) fn safe_url(url: &str, image: bool) -> &str {
    if dangerous_scheme(url, image) {
        "#"
    } else {
        url
    }
}

fn dangerous_scheme(url: &str, image: bool) -> bool {
    let mut chars = url
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'));
    let mut scheme = String::new();
    for c in chars.by_ref() {
        if c == ':' {
            break;
        }
        if (!c.is_ascii_alphanumeric() && !matches!(c, '+' | '-' | '.')) || scheme.len() > 16 {
            return false; // not a scheme: a relative URL (or one no browser runs)
        }
        scheme.push(c.to_ascii_lowercase());
    }
    match scheme.as_str() {
        "javascript" | "vbscript" => true,
        "data" if image => {
            let media: String = chars.take(11).flat_map(char::to_lowercase).collect();
            !["image/png", "image/gif", "image/jpeg", "image/webp"]
                .iter()
                .any(|t| {
                    media
                        .strip_prefix(t)
                        .is_some_and(|r| r.starts_with([';', ',']))
                })
        }
        "data" => true,
        _ => false,
    }
}

/// Whether a (safe) URL points off-site: absolute `http(s)` or protocol-relative.
pub(super) fn is_external(url: &str) -> bool {
    let url = url.trim_start();
    let starts = |p: &str| {
        url.get(..p.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(p))
    };
    starts("http://") || starts("https://") || url.starts_with("//")
}

/// Escapes text for an HTML attribute value or text node: `& < > " '`.
pub(super) fn escape_html(out: &mut String, s: &str) {
    let mut last = 0;
    for (i, b) in s.bytes().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&s[last..i]);
        out.push_str(rep);
        last = i + 1;
    }
    out.push_str(&s[last..]);
}

/// Writes a URL into a double-quoted attribute the way pulldown-cmark does: characters that
/// are not URL-safe are percent-encoded, `&` and `'` become entities.
pub(super) fn escape_href(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut last = 0;
    for (i, b) in s.bytes().enumerate() {
        let safe = b.is_ascii_alphanumeric() || b"!#$%()*+,-./:;=?@^_~".contains(&b);
        if safe {
            continue;
        }
        if last < i {
            // Guarded: `i` may sit inside a multi-byte character whose earlier bytes were
            // already encoded, and slicing there would panic.
            out.push_str(&s[last..i]);
        }
        match b {
            b'&' => out.push_str("&amp;"),
            b'\'' => out.push_str("&#x27;"),
            _ => {
                out.push('%');
                out.push(char::from(HEX[usize::from(b >> 4)]));
                out.push(char::from(HEX[usize::from(b & 0xF)]));
            }
        }
        last = i + 1;
    }
    out.push_str(&s[last..]);
}
