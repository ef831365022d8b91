//! The one pass from pulldown-cmark's events to HTML, sanitized afterwards (see [`render_with`]).

use pulldown_cmark::{
    Alignment, CodeBlockKind, CowStr, Event, HeadingLevel, LinkType, Parser, Tag, TagEnd,
};
use pulldown_cmark_escape::{escape_href, escape_html};
use std::collections::HashMap;

use crate::footnotes::Footnotes;
use crate::html::readable::{classify, readable, RawTag};
use crate::html::sanitize::content_id;
use crate::html::tokens::{is_void, serialize, tokenize, Token};
use crate::{code, ids, options, Heading, Rendered};

/// A heading whose id is decided after the pass: `at` is its `Start` event in the output,
/// `anchor_at` the empty slot before its `End` that receives the link to itself.
struct Pending {
    at: usize,
    anchor_at: Option<usize>,
    level: HeadingLevel,
    custom: Option<String>,
    text: String,
}

/// Decides where a link goes: called with each link's destination as written (autolinks and
/// email links excepted) and the byte offset of the link in the Markdown, it returns the URL to
/// write instead, or `None` to keep the destination.
pub type LinkTargets<'a> = &'a mut dyn FnMut(&str, usize) -> Option<String>;

/// Renders Markdown (read with [`options`]) to HTML plus its headings, not yet sanitized (see
/// [`crate::html::publish`]). With `anchors` every heading ends with a link to itself (see
/// [`crate::heading_anchor`]); `links` may redirect links (see [`LinkTargets`]).
///
/// - Headings: `{#custom}` ids are used as written; other headings get a slug of their text,
///   made unique against all other heading ids, the footnote ids (`[^note]` renders
///   `id="note"`) and raw HTML ids; `section` when the text has no letter or digit. Heading
///   classes are kept, other `{key=value}` attributes are dropped (they could be `onclick`).
/// - Raw HTML (block and inline) is made readable (see `html::readable`: unknown tags such as
///   the `<T>` of `Vec<T>` shown as text, `<noscript>` unwrapped) and left to the sanitizer,
///   which reads the whole document at the end (see `html::sanitize`).
/// - Links and images are written as given; the sanitizer drops URLs with schemes that run
///   code. Off-site links get `rel="noopener noreferrer"`, images `loading="lazy"
///   decoding="async"`, tables a scrolling wrapper (see `html::finish`).
/// - Column alignment is a class (`align-center`), never a `style` attribute (the CSP blocks
///   those).
/// - Footnotes link both ways: each reference has an id its note links back to (see
///   `footnotes`).
/// - Code blocks are `<pre tabindex="0"><code class="language-x">` (focusable to scroll), an
///   info string like `rust,ignore` reduced to its language, and highlighted when a grammar
///   knows the language (see `code`).
pub(super) fn render_with(
    markdown: &str,
    anchors: bool,
    mut links: Option<LinkTargets<'_>>,
) -> Rendered {
    // With offsets, so a link's place in the source can be named when it is redirected.
    let mut parser = Parser::new_ext(markdown, options()).into_offset_iter();
    let mut out: Vec<Event<'_>> = Vec::with_capacity(markdown.len() / 16 + 16);
    let mut pending: Vec<Pending> = Vec::new();
    let mut in_heading = false;
    let mut block_html: Option<String> = None;
    let mut raw = RawHtml::default();
    let mut ids = ids::Ids::default();
    let mut table = TableCells::default();
    let mut footnotes = Footnotes::default();

    while let Some((event, range)) = parser.next() {
        let heading_text = if in_heading {
            pending.last_mut().map(|h| &mut h.text)
        } else {
            None
        };
        match event {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs: _,
            }) => {
                let custom = id.filter(|id| !id.is_empty()).map(|id| id.into_string());
                if let Some(id) = &custom {
                    ids.reserve(id);
                }
                pending.push(Pending {
                    at: out.len(),
                    anchor_at: None,
                    level,
                    custom,
                    text: String::new(),
                });
                in_heading = true;
                let tag = Tag::Heading {
                    level,
                    id: None,
                    classes,
                    attrs: Vec::new(),
                };
                out.push(Event::Start(tag));
            }
            Event::End(TagEnd::Heading(_)) => {
                in_heading = false;
                if let Some(h) = pending.last_mut() {
                    // Filled once the id is known; empty HTML writes nothing.
                    h.anchor_at = Some(out.len());
                    out.push(Event::InlineHtml(CowStr::Borrowed("")));
                }
                out.push(event);
            }
            Event::Text(ref text) | Event::Code(ref text) => {
                if let Some(buf) = heading_text {
                    buf.push_str(text);
                }
                out.push(event);
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(buf) = heading_text {
                    buf.push(' ');
                }
                out.push(event);
            }
            Event::Start(Tag::HtmlBlock) => {
                block_html = Some(String::new());
                out.push(event);
            }
            // An HTML block arrives line by line; it is sanitised whole, so tags, comments and
            // `<script>…</script>` spanning lines are seen as such.
            Event::Html(ref chunk) if block_html.is_some() => {
                if let Some(buf) = &mut block_html {
                    buf.push_str(chunk);
                }
            }
            Event::End(TagEnd::HtmlBlock) => {
                if let Some(block) = block_html.take() {
                    out.push(Event::Html(raw.take(&readable(&block)).into()));
                }
                out.push(event);
            }
            // Inline HTML is one tag (or comment) per event, text in between comes as `Text`.
            Event::Html(chunk) | Event::InlineHtml(chunk) => match classify(&chunk) {
                RawTag::Unknown => {
                    if let Some(buf) = heading_text {
                        buf.push_str(&chunk);
                    }
                    out.push(Event::Text(chunk));
                }
                RawTag::Unwrapped => {}
                RawTag::Known | RawTag::NotATag => {
                    out.push(Event::InlineHtml(raw.take(&chunk).into()));
                }
            },
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id: _,
            }) => {
                let written_by_author = !matches!(link_type, LinkType::Autolink | LinkType::Email);
                let redirected = links
                    .as_mut()
                    .filter(|_| written_by_author)
                    .and_then(|targets| targets(&dest_url, range.start));
                let dest = redirected.as_deref().unwrap_or(&dest_url);
                out.push(Event::InlineHtml(link_open(link_type, dest, &title).into()));
            }
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) => {
                let mut events = parser.by_ref().map(|(event, _)| event);
                out.push(Event::InlineHtml(
                    image(&mut events, &dest_url, &title).into(),
                ));
            }
            Event::Start(Tag::Table(alignments)) => {
                table = TableCells {
                    alignments,
                    ..TableCells::default()
                };
                out.push(Event::Start(Tag::Table(Vec::new())));
            }
            Event::Start(Tag::TableHead) => {
                table.in_head = true;
                table.column = 0;
                out.push(event);
            }
            Event::End(TagEnd::TableHead) => {
                table.in_head = false;
                out.push(event);
            }
            Event::Start(Tag::TableRow) => {
                table.column = 0;
                out.push(event);
            }
            Event::Start(Tag::TableCell) => out.push(Event::Html(table.open_cell().into())),
            Event::End(TagEnd::TableCell) => {
                table.column += 1;
                let close = if table.in_head { "</th>" } else { "</td>" };
                out.push(Event::Html(CowStr::Borrowed(close)));
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                // pulldown-cmark takes the info string up to the first space as the language;
                // Rust posts also write `rust,ignore` or `rust title=x`.
                let lang = info.split([' ', '\t', ',', '{']).next().unwrap_or_default();
                let mut events = parser.by_ref().map(|(event, _)| event);
                out.push(code::fenced_block(&mut events, lang));
            }
            // Written the same way, so an indented block is focusable too.
            Event::Start(Tag::CodeBlock(CodeBlockKind::Indented)) => {
                let mut events = parser.by_ref().map(|(event, _)| event);
                out.push(code::fenced_block(&mut events, ""));
            }
            Event::FootnoteReference(name) => {
                reserve_both(&mut ids, &name);
                let slot = out.len();
                out.push(footnotes.reference(&name, slot));
            }
            Event::Start(Tag::FootnoteDefinition(name)) => {
                reserve_both(&mut ids, &name);
                out.push(footnotes.open(&name));
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                let slot = out.len();
                out.extend(footnotes.close(slot));
            }
            _ => out.push(event),
        }
    }

    // Raw HTML ids are taken like custom heading ids: no slug may reuse them.
    for id in &raw.ids {
        ids.reserve(id);
    }
    // Then the footnote references' ids, which headings' slugs must avoid too.
    footnotes.link(&mut out, &mut ids);
    // Headings deeper than a capped table of contents lists get no link to themselves (see
    // `toc`); otherwise every heading does.
    let anchored = crate::toc::capped_level(pending.iter().map(|h| h.level as u8)).unwrap_or(6);
    let mut headings = Vec::with_capacity(pending.len());
    for h in pending {
        let id = match h.custom {
            Some(id) => id,
            None => ids.unique(&h.text),
        };
        // As the sanitizer will publish it, so the table of contents links to it.
        let id = content_id(&id).into_owned();
        if let Event::Start(Tag::Heading { id: slot, .. }) = &mut out[h.at] {
            *slot = Some(CowStr::from(id.clone()));
        }
        let text = h.text.split_whitespace().collect::<Vec<_>>().join(" ");
        if let Some(at) = h.anchor_at.filter(|_| anchors && h.level as u8 <= anchored) {
            out[at] = Event::InlineHtml(super::heading_anchor(&id, &text).into());
        }
        headings.push(Heading {
            level: h.level as u8,
            id,
            text,
        });
    }

    let mut html = String::with_capacity(markdown.len() + markdown.len() / 2);
    pulldown_cmark::html::push_html(&mut html, out.into_iter());
    Rendered { html, headings }
}

/// Takes `id` as written (a heading slug must not equal it) and as published.
fn reserve_both(ids: &mut ids::Ids, id: &str) {
    ids.reserve(id);
    ids.reserve(&content_id(id));
}

/// Where the writer is in a Markdown table. Cells are written here rather than by
/// pulldown-cmark, whose writer puts column alignment in a `style` attribute that the page's
/// CSP (`style-src 'self'`) blocks: here it is a class (`align-left|center|right`, see
/// style/main.css).
#[derive(Default)]
struct TableCells {
    alignments: Vec<Alignment>,
    in_head: bool,
    column: usize,
}

impl TableCells {
    fn open_cell(&self) -> &'static str {
        let align = self.alignments.get(self.column).copied();
        match (self.in_head, align) {
            (true, Some(Alignment::Left)) => "<th class=\"align-left\">",
            (true, Some(Alignment::Center)) => "<th class=\"align-center\">",
            (true, Some(Alignment::Right)) => "<th class=\"align-right\">",
            (true, _) => "<th>",
            (false, Some(Alignment::Left)) => "<td class=\"align-left\">",
            (false, Some(Alignment::Center)) => "<td class=\"align-center\">",
            (false, Some(Alignment::Right)) => "<td class=\"align-right\">",
            (false, _) => "<td>",
        }
    }
}

/// The opening `<a>` of a link; pulldown-cmark's writer closes it at `End(Link)`. The URL is
/// written as given: the sanitizer judges its scheme.
fn link_open(link_type: LinkType, dest: &str, title: &str) -> String {
    let mut html = String::with_capacity(dest.len() + title.len() + 48);
    html.push_str("<a href=\"");
    if link_type == LinkType::Email {
        html.push_str("mailto:");
    }
    let _ = escape_href(&mut html, dest);
    if !title.is_empty() {
        html.push_str("\" title=\"");
        let _ = escape_html(&mut html, title);
    }
    html.push_str("\">");
    html
}

/// A whole `<img>`, consuming the image's events up to its `End(Image)`: their text is the
/// `alt` (nested links and emphasis contribute their text only).
fn image<'a>(events: &mut impl Iterator<Item = Event<'a>>, dest: &str, title: &str) -> String {
    let mut alt = String::new();
    let mut depth = 0usize;
    for event in events.by_ref() {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) if depth == 0 => break,
            Event::End(_) => depth -= 1,
            Event::Text(text) | Event::Code(text) => alt.push_str(&text),
            Event::SoftBreak | Event::HardBreak => alt.push(' '),
            _ => {}
        }
    }
    let mut html = String::with_capacity(dest.len() + alt.len() + title.len() + 64);
    html.push_str("<img src=\"");
    let _ = escape_href(&mut html, dest);
    html.push_str("\" alt=\"");
    let _ = escape_html(&mut html, &alt);
    if !title.is_empty() {
        html.push_str("\" title=\"");
        let _ = escape_html(&mut html, title);
    }
    html.push_str("\">");
    html
}

/// The raw HTML of one document, read chunk by chunk (an HTML block whole, inline HTML one tag
/// at a time) in order.
#[derive(Default)]
struct RawHtml {
    /// Elements raw HTML has opened and not closed, by name.
    open: HashMap<String, u32>,
    /// Ids raw HTML gives its elements, as written and as published: taken, like custom heading
    /// ids.
    ids: Vec<String>,
}

impl RawHtml {
    /// A chunk of raw HTML (made readable) without the end tags that close nothing raw HTML
    /// opened: raw HTML cannot close the elements Markdown generated around it (a stray `</li>`
    /// would end the list). Notes the chunk's ids and the elements it opens.
    fn take(&mut self, chunk: &str) -> String {
        let tokens = tokenize(chunk);
        let mut stray = false;
        let mut kept = Vec::with_capacity(tokens.len());
        for token in tokens {
            match &token {
                Token::Start(tag) => {
                    if let Some(id) = tag.attr("id") {
                        // As written (a heading slug must not equal it) and as published.
                        self.ids.push(id.to_owned());
                        self.ids.push(content_id(id).into_owned());
                    }
                    if !is_void(&tag.name) {
                        *self.open.entry(tag.name.clone()).or_default() += 1;
                    }
                }
                Token::End(name) => match self.open.get_mut(name) {
                    Some(open) if *open > 0 => *open -= 1,
                    _ => {
                        stray = true;
                        continue;
                    }
                },
                Token::Text(_) => {}
            }
            kept.push(token);
        }
        // Written again only when something went: comments, which the sanitizer drops anyway,
        // are all that is lost then.
        if stray {
            serialize(&kept)
        } else {
            chunk.to_owned()
        }
    }
}
