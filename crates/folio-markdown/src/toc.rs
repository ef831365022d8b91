//! Navigation inside an article, built at build time: a table of contents from the headings,
//! and the link every heading carries to itself.
//!
//! Which headings the table lists: the three outermost levels the post uses, starting at its
//! shallowest heading, and never deeper than h4. Most posts write their sections as `##`, so that
//! is h2–h4; a post that writes `#` sections (its title lives in the front matter, so its `#`
//! headings are sections too) gets h1–h3. A table needs [`MIN_TOC_HEADINGS`] listed headings: a
//! short post with one or two sections reads better without one.
//!
//! A very long table is capped: past [`MAX_TOC_ENTRIES`] listed headings only the outermost
//! level is listed, and never more than [`MAX_TOC_ENTRIES`] entries, then a line saying how many
//! more sections follow (each heading still links to itself). A post with 50,000 headings would
//! otherwise open with 50,000 links, which the browser must lay out before the page can be used.
//! In such a post only the listed level's headings carry the `#` link to themselves (every
//! heading keeps its id): a link per heading doubles the elements of a page that is mostly
//! headings, and the app lays out every one of them again when it takes the page over.

use pulldown_cmark_escape::{escape_href, escape_html};

use crate::html::tokens::{is_void, serialize, tokenize, Token};
use crate::Heading;

/// Fewer listed headings than this and the post gets no table of contents.
pub const MIN_TOC_HEADINGS: usize = 3;

/// The most entries a table of contents lists.
pub const MAX_TOC_ENTRIES: usize = 60;

/// Levels listed below the shallowest one (so three levels in all).
const TOC_DEPTH: u8 = 2;

/// The deepest level a table of contents lists.
const TOC_DEEPEST: u8 = 4;

/// `<nav class="toc">` with a nested, ordered list of links to the listed headings, in
/// document order; `None` when fewer than [`MIN_TOC_HEADINGS`] headings are listed.
///
/// A heading deeper than the one before it nests inside it, even when levels are skipped (an h4
/// right after an h2 is one level in, not two), so the list never has empty items; an h3 after
/// that h4 is then its sibling.
pub fn toc_html(headings: &[Heading]) -> Option<String> {
    let deepest = listed_depth(headings.iter().map(|h| h.level))?;
    let mut listed: Vec<&Heading> = headings.iter().filter(|h| h.level <= deepest).collect();
    if listed.len() < MIN_TOC_HEADINGS {
        return None;
    }
    // Sections past the cap, at the listed levels.
    let unlisted = listed.len().saturating_sub(MAX_TOC_ENTRIES);
    listed.truncate(MAX_TOC_ENTRIES);
    let mut html = String::with_capacity(64 + listed.len() * 64);
    html.push_str("<nav class=\"toc\" aria-label=\"Contents\"><p class=\"toc-title\">Contents</p>");
    // Levels of the open items, outermost first; each open item sits in an open `<ol>`.
    let mut open: Vec<u8> = Vec::new();
    for heading in listed {
        // Close items until the heading fits under the parent of the innermost open one.
        while open.len() > 1 && open[open.len() - 2] >= heading.level {
            html.push_str("</li></ol>");
            open.pop();
        }
        match open.last_mut() {
            Some(level) if *level >= heading.level => {
                html.push_str("</li><li>");
                *level = heading.level;
            }
            _ => {
                html.push_str("<ol><li>");
                open.push(heading.level);
            }
        }
        html.push_str("<a href=\"#");
        let _ = escape_href(&mut html, &heading.id);
        html.push_str("\">");
        let _ = escape_html(&mut html, &heading.text);
        html.push_str("</a>");
    }
    for _ in open {
        html.push_str("</li></ol>");
    }
    if unlisted > 0 {
        let more = if unlisted == 1 { "section" } else { "sections" };
        html.push_str(&format!(
            "<p class=\"toc-more\">… and {unlisted} more {more} below.</p>"
        ));
    }
    html.push_str("</nav>\n");
    Some(html)
}

/// The deepest heading level a table of contents of headings at `levels` lists: three levels
/// from the shallowest (never past h4), or only the shallowest when that would list more than
/// [`MAX_TOC_ENTRIES`]. `None` without headings.
pub(super) fn listed_depth(levels: impl Iterator<Item = u8> + Clone) -> Option<u8> {
    let top = levels.clone().min()?;
    let deepest = (top + TOC_DEPTH).min(TOC_DEEPEST);
    let listed = levels.filter(|&level| level <= deepest).count();
    Some(if listed > MAX_TOC_ENTRIES {
        top
    } else {
        deepest
    })
}

/// The one level a table of contents of headings at `levels` lists when it is capped (see
/// [`listed_depth`]); `None` when it is not.
pub(super) fn capped_level(levels: impl Iterator<Item = u8> + Clone) -> Option<u8> {
    let top = levels.clone().min()?;
    let deepest = (top + TOC_DEPTH).min(TOC_DEEPEST);
    (deepest > top && listed_depth(levels) == Some(top)).then_some(top)
}

/// An article's HTML ([`super::render_article`], sanitized) without what only makes sense on
/// the page: the table of contents (the `<nav class="toc">` it starts with) and the `#` link
/// after every heading (`<a class="heading-anchor">#</a>`, with the space before it), and the
/// code blocks' copy buttons. Feed readers show them as junk (a list of dead in-page links, a
/// stray `#` after each heading, buttons that do nothing).
/// Raw HTML with the same classes elsewhere, or with other text, is kept.
pub fn without_page_navigation(html: &str) -> String {
    let mut tokens = tokenize(html);
    let mut kept: Vec<Token> = Vec::with_capacity(tokens.len());
    let mut at = 0;
    if matches!(tokens.first(), Some(Token::Start(tag)) if tag.name == "nav" && tag.has_class("toc"))
    {
        at = element_end(&tokens, 0);
        if let Some(Token::Text(text)) = tokens.get_mut(at) {
            *text = text.trim_start_matches('\n').to_owned();
        }
    }
    while at < tokens.len() {
        let token = std::mem::replace(&mut tokens[at], Token::Text(String::new()));
        // A code block's copy button and its status line do nothing outside the page.
        if matches!(&token, Token::Start(tag) if tag.has_class("copy-code") || tag.has_class("copy-status"))
        {
            at = element_end(&tokens, at);
            continue;
        }
        let anchor = matches!(&token, Token::Start(tag) if tag.name == "a" && tag.has_class("heading-anchor"));
        // Its text and its end: nothing else inside.
        let generated = anchor
            && matches!(
                &tokens[at + 1..],
                [Token::Text(text), Token::End(name), ..] if text == "#" && name == "a"
            );
        if generated {
            at += 3;
            if let Some(Token::Text(before)) = kept.last_mut() {
                before.truncate(before.trim_end_matches(' ').len());
            }
            continue;
        }
        kept.push(token);
        at += 1;
    }
    serialize(&kept)
}

/// Where the element starting at `tokens[start]` ends: the index after its end tag.
fn element_end(tokens: &[Token], start: usize) -> usize {
    let mut depth = 0usize;
    for (i, token) in tokens.iter().enumerate().skip(start) {
        match token {
            Token::Start(tag) if !is_void(&tag.name) => depth += 1,
            Token::End(_) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
    }
    tokens.len()
}

/// The link a heading ends with, to its own id, so a reader can copy a link to the section.
/// Its text is a `#`, hidden until the heading is hovered or the link focused (see the
/// stylesheet); its accessible name says what it is for.
pub(super) fn heading_anchor(id: &str, text: &str) -> String {
    let mut html = String::with_capacity(id.len() * 2 + text.len() + 96);
    html.push_str(" <a class=\"heading-anchor\" href=\"#");
    let _ = escape_href(&mut html, id);
    html.push_str("\" aria-label=\"Link to this section: ");
    let _ = escape_html(&mut html, text);
    html.push_str("\">#</a>");
    html
}
