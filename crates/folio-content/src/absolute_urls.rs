//! Relative links and images in a post's rendered HTML made absolute, for feeds: a feed reader
//! shows the content far from the site, where `img/chart.png` means nothing.
//!
//! They are resolved the way the site itself resolves them: the app's page carries
//! `<base href>` set to the site's base path, so in an article `img/chart.png` and
//! `../img/chart.png` both mean `<base URL>img/chart.png`, and `/img/chart.png` means the host's
//! root. Only a fragment (`#section`, a footnote) means the article itself, so it is resolved
//! against the post's URL.
//!
//! The input is [`folio_markdown::render`]'s output, whose every tag was written by its
//! serialiser: attribute values are double-quoted, with `"`, `<` and `>` escaped. That makes a
//! small scanner exact here (it is not a general HTML parser): `href`, `src`, `cite` and each
//! `srcset` candidate are rewritten; everything else is copied as is.

use url::Url;

/// `html` with relative URLs resolved against `base` (fragments against `page`).
pub fn absolutize(html: &str, base: &Url, page: &Url) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 16);
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        rest = &rest[lt..];
        let is_start_tag = rest.as_bytes().get(1).is_some_and(u8::is_ascii_alphabetic);
        let Some(end) = tag_end(rest).filter(|_| is_start_tag) else {
            out.push('<');
            rest = &rest[1..];
            continue;
        };
        rewrite_tag(&rest[..end], base, page, &mut out);
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The length of the tag at the start of `html`, through its `>`, skipping quoted values.
fn tag_end(html: &str) -> Option<usize> {
    let mut quoted = false;
    for (i, b) in html.bytes().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b'>' if !quoted => return Some(i + 1),
            _ => {}
        }
    }
    None
}

/// Copies one start tag to `out`, rewriting its URL attributes.
fn rewrite_tag(tag: &str, base: &Url, page: &Url, out: &mut String) {
    let mut rest = tag;
    while let Some(eq) = rest.find("=\"") {
        let name_start = rest[..eq]
            .rfind(|c: char| c.is_ascii_whitespace())
            .map_or(0, |i| i + 1);
        let name = &rest[name_start..eq];
        let value_start = eq + 2;
        let Some(len) = rest[value_start..].find('"') else {
            break;
        };
        let value = &rest[value_start..value_start + len];
        out.push_str(&rest[..value_start]);
        if name.eq_ignore_ascii_case("srcset") {
            out.push_str(&rewrite_srcset(value, base, page));
        } else if ["href", "src", "cite"]
            .iter()
            .any(|n| name.eq_ignore_ascii_case(n))
        {
            out.push_str(&rewrite_value(value, base, page));
        } else {
            out.push_str(value);
        }
        rest = &rest[value_start + len..];
    }
    out.push_str(rest);
}

/// Each `url descriptor` candidate of a `srcset`, its URL resolved.
fn rewrite_srcset(value: &str, base: &Url, page: &Url) -> String {
    value
        .split(',')
        .map(|candidate| {
            let trimmed = candidate.trim_start();
            let lead = &candidate[..candidate.len() - trimmed.len()];
            let url_end = trimmed
                .find(|c: char| c.is_ascii_whitespace())
                .unwrap_or(trimmed.len());
            let (url, descriptor) = trimmed.split_at(url_end);
            format!("{lead}{}{descriptor}", rewrite_value(url, base, page))
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// One escaped attribute value, resolved if it is a relative URL, escaped again.
fn rewrite_value(escaped: &str, base: &Url, page: &Url) -> String {
    let Some(value) = unescape(escaped) else {
        return escaped.to_owned(); // a named reference this module does not know: leave it
    };
    let value = value.trim();
    if value.is_empty() || Url::parse(value).is_ok() {
        return escaped.to_owned(); // empty, or already absolute (mailto:, https:, ...)
    }
    let against = if value.starts_with('#') { page } else { base };
    match against.join(value) {
        Ok(url) => escape_attr(url.as_str()),
        Err(_) => escaped.to_owned(),
    }
}

/// Decodes the references the serialisers write (`&amp;` and its kin, numeric ones); `None`
/// for any other named reference.
fn unescape(value: &str) -> Option<String> {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let semi = rest.find(';')?;
        let name = &rest[1..semi];
        let c = match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            _ => {
                let code = match name.strip_prefix('#')? {
                    hex if hex.starts_with(['x', 'X']) => u32::from_str_radix(&hex[1..], 16),
                    dec => dec.parse(),
                };
                char::from_u32(code.ok()?)?
            }
        };
        out.push(c);
        rest = &rest[semi + 1..];
    }
    out.push_str(rest);
    Some(out)
}

fn escape_attr(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(html: &str) -> String {
        let base = Url::parse("https://example.com/blog/").unwrap();
        let page = Url::parse("https://example.com/blog/posts/p").unwrap();
        absolutize(html, &base, &page)
    }

    #[test]
    fn relative_links_and_images_resolve_against_the_site_base() {
        assert_eq!(
            run(r#"<p><a href="other">x</a> <img src="img/a.png" alt="a" /></p>"#),
            r#"<p><a href="https://example.com/blog/other">x</a> <img src="https://example.com/blog/img/a.png" alt="a" /></p>"#
        );
        assert_eq!(
            run(r#"<a href="/root.html">r</a><a href="../up">u</a>"#),
            r#"<a href="https://example.com/root.html">r</a><a href="https://example.com/up">u</a>"#
        );
        assert_eq!(
            run(r#"<a href="//cdn.example/x.js">c</a>"#),
            r#"<a href="https://cdn.example/x.js">c</a>"#
        );
    }

    #[test]
    fn fragments_resolve_against_the_post() {
        assert_eq!(
            run(r##"<sup><a href="#fn-1">1</a></sup>"##),
            r##"<sup><a href="https://example.com/blog/posts/p#fn-1">1</a></sup>"##
        );
    }

    #[test]
    fn absolute_urls_and_text_are_left_alone() {
        let html = r#"<p>a &lt;b href="x"&gt; <a href="https://rust-lang.org">r</a> <a href="mailto:a@b.c">m</a></p><pre><code>&lt;img src="x"&gt;</code></pre>"#;
        assert_eq!(run(html), html);
        assert_eq!(run("1 < 2 and a<b"), "1 < 2 and a<b");
    }

    #[test]
    fn escaped_values_are_decoded_then_escaped_again() {
        assert_eq!(
            run(r#"<a href="search?q=a&amp;b=&#x27;c&#x27;" title="t">s</a>"#),
            r#"<a href="https://example.com/blog/search?q=a&amp;b=%27c%27" title="t">s</a>"#
        );
        // A named reference outside the basic five: left exactly as written.
        assert_eq!(
            run(r#"<a href="a&copy;b">s</a>"#),
            r#"<a href="a&copy;b">s</a>"#
        );
    }

    #[test]
    fn srcset_and_cite_are_urls_too() {
        assert_eq!(
            run(r#"<img srcset="a.png 1x, /b.png 2x" /><blockquote cite="src">q</blockquote>"#),
            r#"<img srcset="https://example.com/blog/a.png 1x, https://example.com/b.png 2x" /><blockquote cite="https://example.com/blog/src">q</blockquote>"#
        );
    }

    #[test]
    fn rendered_markdown_comes_out_absolute() {
        let html = folio_markdown::render("[a](x.html) ![i](i.png)[^1]\n\n[^1]: note\n").html;
        let out = run(&html);
        assert!(
            out.contains(r#"href="https://example.com/blog/x.html""#),
            "{out}"
        );
        assert!(
            out.contains(r#"src="https://example.com/blog/i.png""#),
            "{out}"
        );
        assert!(
            out.contains(r#"href="https://example.com/blog/posts/p#"#),
            "{out}"
        );
        assert!(
            !out.contains(r#"="x.html""#) && !out.contains(r##"="#"##),
            "{out}"
        );
    }
}
