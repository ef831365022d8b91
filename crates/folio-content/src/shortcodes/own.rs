//! A site's own shortcodes (Hugo's `layouts/shortcodes/`, Zola's `templates/shortcodes/`):
//! their templates are the site's theme, which Folio does not run, so each becomes what can be
//! kept of it without guessing: the file or page its arguments name (an image for an image
//! file, else a link), or nothing; the content between a paired one's tags stays, as Markdown.
//! The build says so for each, with the line (see `super::convert`).

use folio_core::html_text::escape_attr;

/// Arguments that name what a shortcode shows or links to, in the order they are tried.
const TARGET_KEYS: [&str; 10] = [
    "src", "image", "img", "file", "filename", "path", "url", "href", "link", "video",
];
/// Arguments that describe it, in the order they are tried.
const TEXT_KEYS: [&str; 7] = [
    "alt",
    "caption",
    "title",
    "text",
    "name",
    "label",
    "description",
];
const IMAGE_EXTENSIONS: [&str; 8] = ["png", "jpg", "jpeg", "gif", "webp", "svg", "avif", "bmp"];

/// What a shortcode with these arguments becomes: `(html, what it is)` (`"an image"`, `"a
/// link"`), or `None` when its arguments name nothing to show.
pub fn render(args: &[(Option<&str>, String)]) -> Option<(String, &'static str)> {
    let named = |keys: &[&str]| {
        keys.iter().find_map(|key| {
            args.iter()
                .find(|(k, v)| k.is_some_and(|k| k.eq_ignore_ascii_case(key)) && !v.is_empty())
                .map(|(_, v)| v.as_str())
        })
    };
    let target = named(&TARGET_KEYS).or_else(|| {
        args.iter()
            .filter(|(k, _)| k.is_none())
            .map(|(_, v)| v.as_str())
            .find(|v| looks_like_address(v))
    })?;
    let text = named(&TEXT_KEYS);
    let extension = target
        .split(['?', '#'])
        .next()
        .and_then(|path| path.rsplit_once('.'))
        .map(|(_, ext)| ext.to_ascii_lowercase());
    let mut html = String::new();
    if extension.is_some_and(|e| IMAGE_EXTENSIONS.contains(&e.as_str())) {
        html.push_str("<img src=\"");
        escape_attr(&mut html, target);
        html.push_str("\" alt=\"");
        escape_attr(&mut html, text.unwrap_or_default());
        html.push_str("\">");
        return Some((html, "an image"));
    }
    html.push_str("<a href=\"");
    escape_attr(&mut html, target);
    html.push_str("\">");
    escape_attr(&mut html, text.unwrap_or(target));
    html.push_str("</a>");
    Some((html, "a link"))
}

/// A positional argument that is an address: a URL, a path from the root, or a file name.
fn looks_like_address(value: &str) -> bool {
    if value.contains(char::is_whitespace) {
        return false;
    }
    value.starts_with("http://")
        || value.starts_with("https://")
        || value.starts_with('/')
        || value.rsplit_once('.').is_some_and(|(stem, ext)| {
            !stem.is_empty()
                && (2..=4).contains(&ext.len())
                && ext.chars().all(|c| c.is_ascii_alphanumeric())
        })
}

/// Zola's call arguments, `(src="a.png", width=300, tags=["a", "b"])`, as Hugo's are read:
/// `(name, value)` pairs, strings unquoted.
pub fn zola_args(call: &str) -> Vec<(Option<&str>, String)> {
    let inner = call.trim();
    let inner = inner.strip_prefix('(').unwrap_or(inner);
    let inner = inner.strip_suffix(')').unwrap_or(inner);
    let mut out = Vec::new();
    let mut rest = inner;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ',');
        if rest.is_empty() {
            return out;
        }
        let Some(eq) = rest.find('=') else {
            return out;
        };
        let key = rest[..eq].trim();
        let after = rest[eq + 1..].trim_start();
        let (value, remaining) = zola_value(after);
        out.push((Some(key), value));
        rest = remaining;
    }
}

/// One value at the start of `text` and the text after it.
fn zola_value(text: &str) -> (String, &str) {
    if let Some(quote) = text
        .chars()
        .next()
        .filter(|c| matches!(c, '"' | '\'' | '`'))
    {
        let body = &text[1..];
        let end = body.find(quote).unwrap_or(body.len());
        return (body[..end].to_owned(), body.get(end + 1..).unwrap_or(""));
    }
    if text.starts_with('[') {
        let end = text.find(']').map_or(text.len(), |i| i + 1);
        return (text[..end].to_owned(), &text[end..]);
    }
    let end = text.find(',').unwrap_or(text.len());
    (text[..end].trim().to_owned(), &text[end..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zola_arguments_are_read_like_hugo_ones() {
        assert_eq!(
            zola_args("(src=\"a, b.png\", width=300 , tags=[\"x\", \"y\"], alt='it''s')"),
            [
                (Some("src"), "a, b.png".to_owned()),
                (Some("width"), "300".to_owned()),
                (Some("tags"), "[\"x\", \"y\"]".to_owned()),
                (Some("alt"), "it".to_owned()),
            ]
        );
        assert!(zola_args("()").is_empty());
    }

    #[test]
    fn the_named_file_is_an_image_or_a_link() {
        let image = render(&[
            (Some("src"), "a.png".into()),
            (Some("caption"), "A \"b\"".into()),
        ]);
        assert_eq!(
            image,
            Some((
                "<img src=\"a.png\" alt=\"A &quot;b&quot;\">".to_owned(),
                "an image"
            ))
        );
        let link = render(&[
            (None, "warning".into()),
            (None, "https://x.org/v.mp4".into()),
        ]);
        assert_eq!(
            link,
            Some((
                "<a href=\"https://x.org/v.mp4\">https://x.org/v.mp4</a>".to_owned(),
                "a link"
            ))
        );
        assert_eq!(render(&[(None, "warning".into())]), None);
        assert_eq!(render(&[(Some("class"), "wide".into())]), None);
    }
}
