//! Relative links and images in a post's rendered HTML made absolute, for feeds: a feed reader
//! shows the content far from the site, where `img/chart.png` means nothing.
//!
//! They are resolved the way the site itself resolves them: the app's page carries
//! `<base href>` set to the site's base path, so in an article `img/chart.png` and
//! `../img/chart.png` both mean `<base URL>img/chart.png`, and `/img/chart.png` means the host's
//! root. Only a fragment (`#section`, a footnote) means the article itself, so it is resolved
//! against the post's URL.
//!
//! The input is the sanitized article, read with the same tokenizer as every other pass
//! (`folio_markdown::html::tokens`): `href`, `src`, `cite` and each `srcset` candidate are
//! rewritten, everything else is written back as it was.

use folio_markdown::html::srcset::map_urls;
use folio_markdown::html::tokens::{rewrite, Token};
use url::Url;

/// `html` with relative URLs resolved against `base` (fragments against `page`).
pub fn absolutize(html: &str, base: &Url, page: &Url) -> String {
    rewrite(html, |token, out| {
        out.push(match token {
            Token::Start(mut tag) => {
                for (name, value) in &mut tag.attrs {
                    match name.as_str() {
                        "href" | "src" | "cite" => {
                            if let Some(url) = resolve(value, base, page) {
                                *value = url;
                            }
                        }
                        "srcset" => *value = map_urls(value, |url| resolve(url, base, page)),
                        _ => {}
                    }
                }
                Token::Start(tag)
            }
            token => token,
        })
    })
}

/// A relative URL resolved (a fragment against `page`, anything else against `base`); `None`
/// for an empty or already absolute one (`mailto:`, `https:`...), which stays as written.
fn resolve(value: &str, base: &Url, page: &Url) -> Option<String> {
    let value = value.trim();
    if value.is_empty() || Url::parse(value).is_ok() {
        return None;
    }
    let against = if value.starts_with('#') { page } else { base };
    against.join(value).ok().map(String::from)
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
        assert_eq!(run("1 &lt; 2 and a&lt;b"), "1 &lt; 2 and a&lt;b");
    }

    #[test]
    fn escaped_values_are_decoded_then_escaped_again() {
        assert_eq!(
            run(r#"<a href="search?q=a&amp;b=&#x27;c&#x27;" title="t">s</a>"#),
            r#"<a href="https://example.com/blog/search?q=a&amp;b=%27c%27" title="t">s</a>"#
        );
        // Any named reference is read as the browser reads it.
        assert_eq!(
            run(r#"<a href="a&copy;b">s</a>"#),
            r#"<a href="https://example.com/blog/a%C2%A9b">s</a>"#
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
