//! Jekyll's Liquid blocks that have a Markdown equivalent: `{% highlight lang %}…{% endhighlight
//! %}` becomes a fenced code block (so the code is highlighted like any other and escapes smart
//! punctuation, which would curl its quotes), and `{% raw %}…{% endraw %}` is unwrapped, its
//! content kept as written. Liquid output naming the site's address becomes a root path.

use super::syntax::{Delimiters, Tag};
use super::Piece;

/// The code block for a `highlight` tag opening at `open`: where the conversion ends (past the
/// `endhighlight`) and its pieces. `None` when the block is never closed.
pub fn highlight(source: &str, open: &Tag<'_>) -> Option<(usize, Vec<Piece>)> {
    let close = closer(source, open.end, "endhighlight")?;
    // `highlight rust linenos`: the language, then options Markdown has no place for.
    let lang = open
        .args()
        .split_whitespace()
        .next()
        .filter(|l| {
            l.chars()
                .all(|c| c.is_alphanumeric() || "-+#_.".contains(c))
        })
        .unwrap_or_default();
    let line_start = source[..open.start].rfind('\n').map_or(0, |i| i + 1);
    let before = &source[line_start..open.start];
    let (break_before, indent) = if before.trim().is_empty() {
        ("", before)
    } else {
        ("\n", "")
    };

    // Jekyll drops the line break after the opener and the indentation before the closer.
    let mut content = open.end..close.start;
    let after_open = &source[content.clone()];
    if let Some(i) = after_open
        .find('\n')
        .filter(|&i| after_open[..i].trim().is_empty())
    {
        content.start += i + 1;
    }
    let body = &source[content.clone()];
    let last_line = body.rfind('\n').map_or(0, |i| i + 1);
    let break_after_content = if body[last_line..].trim().is_empty() {
        content.end = content.start + last_line;
        ""
    } else {
        "\n"
    };
    let fence = "`".repeat(longest_backtick_run(&source[content.clone()]).max(2) + 1);

    let mut pieces = vec![
        Piece::Text(format!("{break_before}{fence}{lang}\n"), open.start),
        Piece::Copy(content),
        Piece::Text(format!("{break_after_content}{indent}{fence}"), close.start),
    ];
    let rest_of_line = &source[close.end..];
    let rest_of_line = &rest_of_line[..rest_of_line.find('\n').unwrap_or(rest_of_line.len())];
    if !rest_of_line.trim().is_empty() {
        pieces.push(Piece::Text("\n".to_owned(), close.end));
    }
    Some((close.end, pieces))
}

/// The content of a `raw` block opening at `open`, as written: where the conversion ends (past
/// the `endraw`) and its one piece. `None` when the block is never closed.
pub fn raw(source: &str, open: &Tag<'_>) -> Option<(usize, Vec<Piece>)> {
    let close = closer(source, open.end, "endraw")?;
    Some((close.end, vec![Piece::Copy(open.end..close.start)]))
}

/// A `comment` block opening at `open`: Liquid prints nothing of it, so nothing replaces it up
/// to its `endcomment`. `None` when the block is never closed.
pub fn comment(source: &str, open: &Tag<'_>) -> Option<(usize, Vec<Piece>)> {
    let close = closer(source, open.end, "endcomment")?;
    Some((close.end, Vec::new()))
}

/// What a Liquid expression naming the site's address stands for here: `site.baseurl` and
/// `site.url` are empty (the root path is where the site's files are, so
/// `{{ site.baseurl }}/img/a.png` is `/img/a.png`), `"/img/a.png" | relative_url` (or
/// `absolute_url`) is the path itself. `None` for any other expression.
pub fn site_address(expression: &str) -> Option<String> {
    if matches!(expression, "site.baseurl" | "site.url") {
        return Some(String::new());
    }
    let quote = expression
        .chars()
        .next()
        .filter(|c| *c == '"' || *c == '\'')?;
    let (path, filter) = expression[1..].split_once(quote)?;
    let filter = filter.trim().strip_prefix('|')?.trim();
    matches!(filter, "relative_url" | "absolute_url").then(|| path.to_owned())
}

/// The first `{% name %}` at or after `from`. Liquid blocks of one kind do not nest.
fn closer<'a>(source: &'a str, from: usize, name: &str) -> Option<Tag<'a>> {
    let mut at = from;
    while let Some(i) = source[at..].find("{%") {
        let start = at + i;
        match Tag::read(source, start) {
            Some(tag) if tag.delimiters == Delimiters::Statement && tag.name() == name => {
                return Some(tag)
            }
            _ => at = start + 2,
        }
    }
    None
}

fn longest_backtick_run(text: &str) -> usize {
    text.split(|c| c != '`').map(str::len).max().unwrap_or(0)
}
