//! Template syntax from Jekyll (Liquid), Hugo and Zola in a post's Markdown, converted before
//! the Markdown is rendered: those generators run their templates over a post first, so an
//! imported post is full of tags that would otherwise come out as text (and code inside them
//! would get curly quotes from smart punctuation).
//!
//! Converted: Jekyll `{% highlight lang %}…{% endhighlight %}` (a fenced code block),
//! `{% raw %}…{% endraw %}` (unwrapped), `{% post_url name %}` and `{% link path %}` (the post's
//! page), `{{ site.baseurl }}` and `{{ site.url }}` (empty, so `{{ site.baseurl }}/img/a.png` is
//! the root path `/img/a.png`), `{{ "/img/a.png" | relative_url }}` (the path), `{{ site.x }}`
//! and `{{ page.x }}` (the value in `_config.yml` or the front matter); Hugo's built-in `ref`,
//! `relref`, `figure`, `highlight`, `details`, `param` and the embeds `youtube`, `vimeo`, `gist`,
//! `x`/`tweet` (links, see [`builtin`]); and the escaped forms `{{</* x */>}}`, `{{/* x() */}}`,
//! which stand for the tag as text. Links to posts become the target post's page (resolved by
//! [`PostRefs`]).
//!
//! A site's own shortcode (Hugo `{{< x >}}`, Zola `{{ x() }}` and `{% x() %}…{% end %}`)
//! becomes what its arguments name (see [`own`]) with its content kept, or nothing; one that
//! writes only the site's address (`{{< baseurl >}}`) becomes the root path. Any other Liquid
//! tag on a Jekyll site is left out (`{% include %}` is the theme's). Each is a note with its
//! line, once per name and post: a post full of them should not flood the build's output.
//! Code blocks and code spans are never touched: that is where posts show template syntax.

mod builtin;
mod hugo;
mod liquid;
mod output;
mod own;
mod syntax;

use std::ops::Range;

use crate::site_config::Generator;
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
    /// Jekyll's `{% link _posts/2024-02-03-name.md %}`: a post by its path from the site root.
    fn jekyll_link(&self, path: &str) -> Result<String, String> {
        Err(format!("no post at {path}"))
    }
    /// The generator whose templates the post was written for.
    fn generator(&self) -> Generator {
        Generator::Plain
    }
    /// A site setting as text: Jekyll's `site.x`, Hugo's `.Site.Params.x` (`params.x`).
    fn site_value(&self, _key: &str) -> Option<String> {
        None
    }
    /// A front-matter value of the post as text: `page.x`, Hugo's `.Params.x`.
    fn page_value(&self, _key: &str) -> Option<String> {
        None
    }
    /// Whether the site's own shortcode `name` writes nothing but the site's address.
    fn writes_site_address(&self, _name: &str) -> bool {
        false
    }
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
    /// The source from the tag's start to `end` is replaced by the pieces, with a note when
    /// something of the original is not kept.
    Replace {
        end: usize,
        pieces: Vec<Piece>,
        note: Option<String>,
    },
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
    let mut noted: Vec<String> = Vec::new();
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
            Conversion::Replace { end, pieces, note } => {
                if let Some(message) = note {
                    note_once(&mut notes, &mut noted, start, message);
                }
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
                    note_once(&mut notes, &mut noted, start, message);
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

/// Adds a note unless one with the same message (the same tag name) was added for this post.
fn note_once(notes: &mut Vec<Note>, noted: &mut Vec<String>, offset: usize, message: String) {
    if !noted.contains(&message) {
        noted.push(message.clone());
        notes.push(Note { offset, message });
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
        note: None,
    }
}

fn replace_noted(tag: &Tag<'_>, text: String, note: String) -> Conversion {
    Conversion::Replace {
        end: tag.end,
        pieces: vec![Piece::Text(text, tag.start)],
        note: Some(note),
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
    let generator = refs.generator();
    match tag.delimiters {
        Delimiters::Expression => match liquid::site_address(tag.inner) {
            Some(path) => replace_with(tag, path),
            None if tag.is_call() => {
                own_shortcode(source, tag, "Zola", &own::zola_args(tag.args()), refs)
            }
            None if generator == Generator::Jekyll => liquid_output(tag, refs),
            // Liquid output (`{{ page.title }}`) or text that merely looks like it: the other
            // generators show it as written too.
            None => Conversion::Keep(None),
        },
        Delimiters::Statement if tag.is_call() => {
            own_shortcode(source, tag, "Zola", &own::zola_args(tag.args()), refs)
        }
        Delimiters::Statement if name == "end" && generator != Generator::Jekyll => {
            replace_with(tag, String::new())
        }
        Delimiters::Statement => {
            let block = match name {
                "highlight" => liquid::highlight(source, tag),
                "raw" => liquid::raw(source, tag),
                "comment" => liquid::comment(source, tag),
                "post_url" => {
                    let post = tag.args().split_whitespace().next().unwrap_or_default();
                    return resolved(format!("Jekyll post_url {post}"), refs.post_url(post));
                }
                "link" => {
                    let path = tag.args().split_whitespace().next().unwrap_or_default();
                    return match refs.jekyll_link(path) {
                        Ok(href) => replace_with(tag, href),
                        Err(why) => replace_noted(
                            tag,
                            format!("/{}", path.trim_start_matches('/')),
                            format!("Jekyll link {path} names no published post ({why}); linked as a path"),
                        ),
                    };
                }
                _ => None,
            };
            match block {
                Some((end, pieces)) => Conversion::Replace {
                    end,
                    pieces,
                    note: None,
                },
                // Jekyll runs every other tag through the theme (`include`) or Liquid's control
                // flow; neither has a place in a post here, and the text between stays.
                None if generator == Generator::Jekyll => replace_noted(
                    tag,
                    String::new(),
                    format!("Jekyll tag {name} is the site's template; left out"),
                ),
                None => unsupported("Jekyll", name),
            }
        }
        Delimiters::HugoAngle | Delimiters::HugoPercent => hugo_shortcode(source, tag, refs),
    }
}

fn hugo_shortcode(source: &str, tag: &Tag<'_>, refs: &dyn PostRefs) -> Conversion {
    let name = tag.name();
    let resolved = |what: String, result: Result<String, String>| match result {
        Ok(href) => replace_with(tag, href),
        Err(why) => Conversion::Keep(Some(format!(
            "{what} names no published post ({why}); shown as text"
        ))),
    };
    let args = syntax::hugo_args(tag.args());
    match name {
        "ref" | "relref" => {
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
                note: None,
            },
            None => replace_noted(
                tag,
                String::new(),
                "Hugo figure without src; left out".into(),
            ),
        },
        "highlight" => match builtin::highlight(source, tag) {
            Some((end, pieces)) => Conversion::Replace {
                end,
                pieces,
                note: None,
            },
            None => unsupported("Hugo", "highlight (never closed)"),
        },
        "details" => replace_with(tag, builtin::details_open(tag)),
        "/details" => replace_with(tag, builtin::DETAILS_END.to_owned()),
        "param" => {
            let key = builtin::arg(&args, "name", 0).unwrap_or_default();
            match refs.page_value(key).or_else(|| refs.site_value(&format!("params.{key}"))) {
                Some(value) => replace_with(tag, value),
                None => replace_noted(
                    tag,
                    String::new(),
                    format!("Hugo param {key} is set neither in the front matter nor the site's params; left out"),
                ),
            }
        }
        "youtube" | "vimeo" | "gist" | "x" | "tweet" | "twitter" | "instagram" => {
            match builtin::embed(name, tag) {
                Some(html) => replace_with(tag, format!("{html}{}", hugo::block_end(source, tag))),
                None => replace_noted(
                    tag,
                    String::new(),
                    format!("Hugo {name} names nothing to link to; left out"),
                ),
            }
        }
        _ if name.starts_with('/') => replace_with(tag, String::new()),
        _ => own_shortcode(source, tag, "Hugo", &args, refs),
    }
}

/// A site's own shortcode (see the module documentation).
fn own_shortcode(
    source: &str,
    tag: &Tag<'_>,
    generator: &str,
    args: &[(Option<&str>, String)],
    refs: &dyn PostRefs,
) -> Conversion {
    let name = tag.name();
    if refs.writes_site_address(name) {
        return replace_with(tag, String::new());
    }
    match own::render(args) {
        Some((html, what)) => replace_noted(
            tag,
            format!("{html}{}", hugo::block_end(source, tag)),
            format!("{generator} shortcode {name} is the site's own: shown as {what}"),
        ),
        None => replace_noted(
            tag,
            String::new(),
            format!("{generator} shortcode {name} is the site's own: left out, its content kept"),
        ),
    }
}

/// Jekyll's `{{ expression }}`: a `site.` or `page.` variable (filters after `|` dropped), or
/// a quoted string; anything else Liquid prints as nothing, and so does this, with a note.
fn liquid_output(tag: &Tag<'_>, refs: &dyn PostRefs) -> Conversion {
    let expression = tag.inner.split('|').next().unwrap_or_default().trim();
    let value = if let Some(key) = expression.strip_prefix("site.") {
        refs.site_value(key)
    } else if let Some(key) = expression.strip_prefix("page.") {
        refs.page_value(key)
    } else {
        expression
            .strip_prefix('"')
            .and_then(|e| e.strip_suffix('"'))
            .or_else(|| {
                expression
                    .strip_prefix('\'')
                    .and_then(|e| e.strip_suffix('\''))
            })
            .map(str::to_owned)
    };
    match value {
        Some(value) => replace_with(tag, value),
        None => replace_noted(
            tag,
            String::new(),
            format!("Liquid {{{{ {expression} }}}} has no value here; left out"),
        ),
    }
}

#[cfg(test)]
mod tests;
