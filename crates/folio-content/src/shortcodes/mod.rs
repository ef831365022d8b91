//! Template syntax from Jekyll (Liquid), Hugo and Zola in a post's Markdown, converted before
//! the Markdown is rendered: those generators run their templates over a post first, so an
//! imported post is full of tags that would otherwise come out as text (and code inside them
//! would get curly quotes from smart punctuation).
//!
//! Converted: Jekyll `{% highlight lang %}…{% endhighlight %}` (a fenced code block),
//! `{% raw %}…{% endraw %}` (unwrapped), `{% post_url name %}`, `{{ site.baseurl }}` and
//! `{{ site.url }}` (empty, so `{{ site.baseurl }}/img/a.png` is the root path `/img/a.png`),
//! `{{ "/img/a.png" | relative_url }}` (the path);
//! Hugo `{{< ref >}}`, `{{< relref >}}` (in either delimiters) and `{{< figure >}}`; and the
//! escaped forms `{{</* x */>}}`, `{{/* x() */}}`, which stand for the tag as text. Links to
//! posts become the target post's page (resolved by [`PostRefs`]).
//!
//! Everything else is left as written, with a note for the first unsupported shortcode or tag
//! of the post (one per file: a post full of them should not flood the build's output). Code
//! blocks and code spans are never touched: that is where posts show template syntax.

mod hugo;
mod liquid;
mod output;
mod syntax;

use std::ops::Range;

use output::Output;
pub use output::SourceMap;
use syntax::{Delimiters, Tag};

/// Where links written as template tags go: the page of the post they name (relative to the
/// site's base, fragment kept), or why there is none.
pub trait PostRefs {
    /// Jekyll's `{% post_url 2024-02-03-name %}`: a post by its file stem.
    fn post_url(&self, name: &str) -> Result<String, String>;
    /// Hugo's `ref`/`relref`: a post by its path or file name, `#fragment` allowed.
    fn hugo_ref(&self, target: &str) -> Result<String, String>;
}

/// A post's Markdown with its template syntax converted.
#[derive(Debug)]
pub struct Converted {
    pub markdown: String,
    /// From offsets in `markdown` back to the source.
    pub source_map: SourceMap,
    /// What the author should hear about, in source order.
    pub notes: Vec<Note>,
}

/// Something to warn about, at a byte offset of the source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    pub offset: usize,
    pub message: String,
}

/// Part of a conversion: new text standing for a source offset, or a range of the source
/// copied as is.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Piece {
    Text(String, usize),
    Copy(Range<usize>),
}

/// What becomes of one tag.
enum Conversion {
    /// The source from the tag's start to `end` is replaced by the pieces.
    Replace { end: usize, pieces: Vec<Piece> },
    /// Left as text; with a note when it is not supported.
    Keep(Option<String>),
}

/// Converts the template syntax of `markdown` (see the module documentation).
pub fn convert(markdown: &str, refs: &dyn PostRefs) -> Converted {
    // Most posts have no template syntax: spare them a second Markdown parse.
    let may_have_tags = markdown.contains("{{") || markdown.contains("{%");
    let code = if may_have_tags {
        folio_markdown::code_ranges(markdown)
    } else {
        Vec::new()
    };
    let mut code = code.iter().peekable();
    let mut out = Output::with_capacity(markdown.len());
    let mut notes = Vec::new();
    let mut unsupported_noted = false;
    let mut copied_to = 0;
    let mut at = 0;
    while let Some(i) = markdown[at..].find('{').filter(|_| may_have_tags) {
        let start = at + i;
        while code.next_if(|range| range.end <= start).is_some() {}
        if let Some(range) = code.peek().filter(|range| range.start <= start) {
            at = range.end;
            continue;
        }
        let Some(tag) = Tag::read(markdown, start) else {
            at = start + 1;
            continue;
        };
        match conversion(markdown, &tag, refs) {
            Conversion::Replace { end, pieces } => {
                out.copy(markdown, copied_to..start);
                for piece in pieces {
                    match piece {
                        Piece::Text(text, source) => out.replace(&text, source),
                        Piece::Copy(range) => out.copy(markdown, range),
                    }
                }
                copied_to = end;
                at = end;
            }
            Conversion::Keep(note) => {
                if let Some(message) = note {
                    let unsupported = message.ends_with(UNSUPPORTED);
                    if !(unsupported && unsupported_noted) {
                        notes.push(Note {
                            offset: start,
                            message,
                        });
                    }
                    unsupported_noted |= unsupported;
                }
                at = tag.end;
            }
        }
    }
    out.copy(markdown, copied_to..markdown.len());
    let (markdown, source_map) = out.into_map();
    Converted {
        markdown,
        source_map,
        notes,
    }
}

const UNSUPPORTED: &str = "is not supported; shown as text";

fn unsupported(generator: &str, name: &str) -> Conversion {
    Conversion::Keep(Some(format!("{generator} shortcode {name} {UNSUPPORTED}")))
}

fn replace_with(tag: &Tag<'_>, text: String) -> Conversion {
    Conversion::Replace {
        end: tag.end,
        pieces: vec![Piece::Text(text, tag.start)],
    }
}

fn conversion(source: &str, tag: &Tag<'_>, refs: &dyn PostRefs) -> Conversion {
    if let Some(text) = tag.escaped_text(source) {
        return replace_with(tag, text);
    }
    let name = tag.name();
    let resolved = |what: String, result: Result<String, String>| match result {
        Ok(href) => replace_with(tag, href),
        Err(why) => Conversion::Keep(Some(format!(
            "{what} names no published post ({why}); shown as text"
        ))),
    };
    match tag.delimiters {
        Delimiters::Expression => match liquid::site_address(tag.inner) {
            Some(path) => replace_with(tag, path),
            None if tag.is_call() => unsupported("Zola", name),
            // Liquid output (`{{ page.title }}`) or text that merely looks like it.
            None => Conversion::Keep(None),
        },
        Delimiters::Statement if tag.is_call() || name == "end" => unsupported("Zola", name),
        Delimiters::Statement => {
            let block = match name {
                "highlight" => liquid::highlight(source, tag),
                "raw" => liquid::raw(source, tag),
                "post_url" => {
                    let post = tag.args().split_whitespace().next().unwrap_or_default();
                    return resolved(format!("Jekyll post_url {post}"), refs.post_url(post));
                }
                _ => None,
            };
            match block {
                Some((end, pieces)) => Conversion::Replace { end, pieces },
                None => unsupported("Jekyll", name),
            }
        }
        Delimiters::HugoAngle | Delimiters::HugoPercent => match name {
            "ref" | "relref" => {
                let args = syntax::hugo_args(tag.args());
                let target = args
                    .iter()
                    .find(|(key, _)| key.is_none() || *key == Some("path"))
                    .map(|(_, value)| value.as_str())
                    .unwrap_or_default();
                resolved(format!("Hugo {name} {target}"), refs.hugo_ref(target))
            }
            "figure" => match hugo::figure(source, tag) {
                Some(pieces) => Conversion::Replace {
                    end: tag.end,
                    pieces,
                },
                None => unsupported("Hugo", name),
            },
            _ => unsupported("Hugo", name.trim_start_matches('/')),
        },
    }
}

#[cfg(test)]
mod tests;
