//! Markdown rendering and text extraction. Only the native pipeline renders (word counts, search
//! text, article bodies and the bio, written as HTML at build time); the wasm app ships no
//! Markdown renderer and only injects that HTML. The module still compiles for wasm so the
//! browser test (`tests/web_markdown.rs`) can check the rendered HTML in a real DOM.
//!
//! [`render()`] turns Markdown into HTML that is safe to put into the page with `innerHTML`:
//! pulldown-cmark's events are rewritten on the way to its HTML writer (heading ids, code blocks,
//! table cells, raw HTML made readable), and the whole document is then sanitized once by
//! ammonia against an allowlist (see [`html::sanitize`]) and finished (lazy images, focusable
//! code blocks and tables: see [`html::finish`]). Every later pass over the HTML (asset links,
//! feed URLs, search text) reads it with the same tokenizer, html5ever's ([`html::tokens`]).

mod code;
mod footnotes;
pub mod html;
mod ids;
mod render;
mod toc;

// Native only: syntect's Oniguruma is C, and the browser never highlights (the pipeline does).
#[cfg(not(target_arch = "wasm32"))]
pub mod highlight;

pub use render::LinkTargets;
use toc::heading_anchor;
pub use toc::{toc_html, without_page_navigation, MAX_TOC_ENTRIES, MIN_TOC_HEADINGS};

use pulldown_cmark::{Event, Options, Parser, Tag};

/// A post's body as published: [`render`], every heading ending with a link to itself
/// (`<a class="heading-anchor" href="#id">`), and a table of contents (see [`toc_html`]) in
/// front when the post has enough headings. Headings of every level get the link: the title
/// lives in the front matter, so even a `#` heading in the body is a section.
pub fn render_article(markdown: &str) -> Rendered {
    article(markdown, None)
}

/// [`render_article`] with links redirected by `links`: the pipeline points links to other
/// posts' Markdown files at those posts' pages.
pub fn render_article_with_links(markdown: &str, links: LinkTargets<'_>) -> Rendered {
    article(markdown, Some(links))
}

fn article(markdown: &str, links: Option<LinkTargets<'_>>) -> Rendered {
    let mut rendered = render::render_with(markdown, true, links);
    if let Some(toc) = toc_html(&rendered.headings) {
        rendered.html.insert_str(0, &toc);
    }
    let (html, demoted) = html::publish_demoting(&rendered.html);
    rendered.html = html;
    if demoted {
        for heading in &mut rendered.headings {
            heading.level = (heading.level + 1).min(6);
        }
    }
    rendered
}

/// Renders Markdown (read with [`options`]) to sanitized HTML plus its headings: the
/// document alone, without the article's navigation (the bio, and tests). See `render::render_with`
/// for what the rendering does, and [`html::publish`] for the sanitizing.
pub fn render(markdown: &str) -> Rendered {
    let mut rendered = render::render_with(markdown, false, None);
    rendered.html = html::publish(&rendered.html);
    rendered
}

/// The byte ranges of `markdown` that are code: code blocks (fenced or indented, fences
/// included) and code spans (backticks included), in order. Text there is shown as written, so
/// passes over the source (template syntax, summary markers) must leave it alone.
pub fn code_ranges(markdown: &str) -> Vec<std::ops::Range<usize>> {
    let mut ranges: Vec<std::ops::Range<usize>> = Vec::new();
    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        if matches!(event, Event::Start(Tag::CodeBlock(_)) | Event::Code(_)) {
            ranges.push(range);
        }
    }
    ranges
}

/// The Markdown dialect every post is read with: CommonMark plus the GitHub-style extensions
/// authors expect from Zola and Hugo.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// The text a reader sees of a Markdown document: [`render`]ed, then read as
/// [`html::text::plain_text`] reads the published HTML (no markup, no URLs, raw HTML as the
/// sanitizer lets it through, code kept; blocks separated by newlines).
pub fn plain_text(markdown: &str) -> String {
    html::text::plain_text(&render(markdown).html)
}

/// Words a reader reads in a Markdown document (see [`html::text::word_count`]).
pub fn word_count(markdown: &str) -> u32 {
    html::text::word_count(&plain_text(markdown))
}

/// A rendered Markdown document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rendered {
    /// Sanitised HTML, ready for `innerHTML`.
    pub html: String,
    /// Every heading in document order, with the id it carries in [`Rendered::html`].
    pub headings: Vec<Heading>,
}

/// A heading of a rendered document, for a table of contents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Heading {
    /// 1 to 6.
    pub level: u8,
    /// The `id` attribute: the `{#custom}` id if given, else a unique slug of the text.
    pub id: String,
    /// The heading's text as a reader sees it, whitespace collapsed.
    pub text: String,
}
