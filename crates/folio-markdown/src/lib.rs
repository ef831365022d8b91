//! Markdown rendering and text extraction. Only the native pipeline renders (word counts, search
//! text, article bodies and the bio, written as HTML at build time); the wasm app ships no
//! Markdown renderer and only injects that HTML. The module still compiles for wasm so the
//! browser test (`tests/web_markdown.rs`) can check the rendered HTML in a real DOM.
//!
//! [`render()`] turns Markdown into HTML that is safe to put into the page with `innerHTML`:
//! raw HTML passes an allowlist sanitizer (static blog markup kept with safe attributes, script
//! and style removed, anything unknown escaped as text), links and images with a scheme that
//! runs code point to `#`, and headings get unique ids for a table of contents. It is one pass
//! over pulldown-cmark's events, rewritten on the way to its HTML writer; only the heading ids
//! are patched in afterwards, once all taken ids are known.

mod code;
mod html_allowlist;
mod html_lexer;
mod ids;
mod raw_text;
mod render;
mod sanitize;
mod toc;

// Native only: syntect's Oniguruma is C, and the browser never highlights (the pipeline does).
#[cfg(not(target_arch = "wasm32"))]
pub mod highlight;

pub use render::{render, LinkTargets};
use toc::heading_anchor;
pub use toc::{toc_html, without_page_navigation, MIN_TOC_HEADINGS};

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

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

/// The text a reader sees: no markup, no URLs, no raw HTML tags (but the text inside them);
/// code kept (its words are read too). Blocks are separated by newlines so words never run
/// together.
pub fn plain_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut raw = raw_text::RawText::default();
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::Html(t) | Event::InlineHtml(t) => raw.push(&t, &mut out),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::CodeBlock,
            )
            | Event::End(TagEnd::TableCell | TagEnd::BlockQuote(_)) => out.push('\n'),
            Event::Start(Tag::TableCell) => out.push(' '),
            _ => {}
        }
    }
    out
}

/// Words a reader reads: whitespace-separated runs in [`plain_text`] that hold a letter or digit.
pub fn word_count(markdown: &str) -> u32 {
    let words = plain_text(markdown)
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    u32::try_from(words).unwrap_or(u32::MAX)
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
