//! Hugo's built-in shortcodes that blogs use, as HTML the post sanitizer keeps: `highlight` (a
//! fenced code block), `details` (`<details>` with a `<summary>`), `param` (a front-matter or
//! site parameter), and the embeds `youtube` (a link around the video's thumbnail), `vimeo`,
//! `gist` and `x`/`tweet` (plain links). No third-party script or frame, so the page's
//! Content-Security-Policy stays as it is; `figure`, `ref` and `relref` live beside this.

use super::syntax::{hugo_args, Delimiters, Tag};
use super::Piece;
use folio_core::html_text::escape_attr;

/// A named argument, else the positional one at `index`.
pub fn arg<'a>(args: &'a [(Option<&str>, String)], name: &str, index: usize) -> Option<&'a str> {
    args.iter()
        .find(|(key, _)| *key == Some(name))
        .or_else(|| args.iter().filter(|(key, _)| key.is_none()).nth(index))
        .map(|(_, value)| value.as_str())
        .filter(|value| !value.is_empty())
}

/// The HTML for an embed shortcode; `None` when it names nothing to link to.
pub fn embed(name: &str, tag: &Tag<'_>) -> Option<String> {
    let args = hugo_args(tag.args());
    let link = |href: String, text: String| {
        let mut html = String::from("<a href=\"");
        escape_attr(&mut html, &href);
        html.push_str("\">");
        escape_attr(&mut html, &text);
        html.push_str("</a>");
        html
    };
    match name {
        "youtube" => {
            let id = arg(&args, "id", 0)?;
            let title = arg(&args, "title", usize::MAX).unwrap_or("Video on YouTube");
            let mut html = String::from("<a href=\"https://www.youtube.com/watch?v=");
            escape_attr(&mut html, id);
            html.push_str("\"><img src=\"https://i.ytimg.com/vi/");
            escape_attr(&mut html, id);
            html.push_str("/hqdefault.jpg\" alt=\"");
            escape_attr(&mut html, title);
            html.push_str("\" width=\"480\" height=\"360\"></a>");
            Some(html)
        }
        "vimeo" => {
            let id = arg(&args, "id", 0)?;
            let title = arg(&args, "title", usize::MAX).unwrap_or("Video on Vimeo");
            Some(link(format!("https://vimeo.com/{id}"), title.to_owned()))
        }
        "gist" => {
            let user = arg(&args, "user", 0)?;
            let id = arg(&args, "id", 1)?;
            let file = arg(&args, "file", 2);
            let href = match file {
                Some(file) => format!(
                    "https://gist.github.com/{user}/{id}#file-{}",
                    file.replace('.', "-")
                ),
                None => format!("https://gist.github.com/{user}/{id}"),
            };
            Some(link(href, format!("Gist {}", file.unwrap_or(id))))
        }
        "x" | "tweet" | "twitter" => {
            let user = arg(&args, "user", 0)
                .filter(|_| args.len() > 1 || args.iter().any(|(k, _)| *k == Some("user")));
            let id = arg(&args, "id", if user.is_some() { 1 } else { 0 })?;
            let href = match user {
                Some(user) => format!("https://x.com/{user}/status/{id}"),
                None => format!("https://x.com/i/status/{id}"),
            };
            Some(link(
                href,
                format!("Post on X by {}", user.unwrap_or("its author")),
            ))
        }
        "instagram" => {
            let id = arg(&args, "id", 0)?;
            Some(link(
                format!("https://www.instagram.com/p/{id}/"),
                "Post on Instagram".to_owned(),
            ))
        }
        _ => None,
    }
}

/// `{{< details summary="…" >}}`: the opening of a `<details>` block (its closer is
/// [`DETAILS_END`]); the content between stays Markdown, so it is set off by blank lines.
pub fn details_open(tag: &Tag<'_>) -> String {
    let args = hugo_args(tag.args());
    let summary = arg(&args, "summary", 0).unwrap_or("Details");
    let mut html = String::from("\n\n<details");
    if arg(&args, "open", usize::MAX).is_some_and(|v| v == "true") {
        html.push_str(" open");
    }
    html.push_str("><summary>");
    escape_attr(&mut html, summary);
    html.push_str("</summary>\n\n");
    html
}

pub const DETAILS_END: &str = "\n\n</details>\n\n";

/// `{{< highlight lang opts >}}code{{< /highlight >}}` as a fenced code block: where the
/// conversion ends (past the closer) and its pieces; `None` when the block is never closed.
pub fn highlight(source: &str, open: &Tag<'_>) -> Option<(usize, Vec<Piece>)> {
    let close = closer(source, open.end, "/highlight")?;
    let args = hugo_args(open.args());
    let lang = arg(&args, "lang", 0)
        .filter(|l| {
            l.chars()
                .all(|c| c.is_alphanumeric() || "-+#_.".contains(c))
        })
        .unwrap_or_default();
    let mut content = open.end..close.start;
    let body = &source[content.clone()];
    if let Some(i) = body.find('\n').filter(|&i| body[..i].trim().is_empty()) {
        content.start += i + 1;
    }
    let body = &source[content.clone()];
    let last_line = body.rfind('\n').map_or(0, |i| i + 1);
    let newline = if body[last_line..].trim().is_empty() {
        content.end = content.start + last_line;
        ""
    } else {
        "\n"
    };
    let longest = source[content.clone()]
        .split(|c| c != '`')
        .map(str::len)
        .max()
        .unwrap_or(0);
    let fence = "`".repeat(longest.max(2) + 1);
    Some((
        close.end,
        vec![
            Piece::Text(format!("\n{fence}{lang}\n"), open.start),
            Piece::Copy(content),
            Piece::Text(format!("{newline}{fence}\n"), close.start),
        ],
    ))
}

/// The first Hugo tag named `name` at or after `from`.
pub fn closer<'a>(source: &'a str, from: usize, name: &str) -> Option<Tag<'a>> {
    let mut at = from;
    while let Some(i) = source[at..].find("{{") {
        let start = at + i;
        match Tag::read(source, start) {
            Some(tag)
                if matches!(
                    tag.delimiters,
                    Delimiters::HugoAngle | Delimiters::HugoPercent
                ) && tag.name() == name =>
            {
                return Some(tag)
            }
            _ => at = start + 2,
        }
    }
    None
}
