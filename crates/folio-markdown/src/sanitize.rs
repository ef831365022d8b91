//! The URL policy and escaping shared by Markdown links and raw HTML (see `html_allowlist` for
//! raw HTML): URLs with a scheme that runs code (`javascript:`, `vbscript:`, `data:` other than
//! raster images) become `#`.

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

/// Whether the browser would read `url` (an attribute value after character references are
/// decoded) with a scheme that runs code. `image` allows `data:` raster images.
pub(super) fn dangerous_scheme(url: &str, image: bool) -> bool {
    let mut chars = url
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'));
    let mut scheme = String::new();
    let mut colon = false;
    for c in chars.by_ref() {
        if c == ':' {
            colon = true;
            break;
        }
        if (!c.is_ascii_alphanumeric() && !matches!(c, '+' | '-' | '.')) || scheme.len() > 16 {
            return false; // not a scheme: a relative URL (or one no browser runs)
        }
        scheme.push(c.to_ascii_lowercase());
    }
    if !colon {
        return false; // a relative URL such as `data` or `javascript.html`
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
