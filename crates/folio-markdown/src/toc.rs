//! Navigation inside an article, built at build time: a table of contents from the headings,
//! and the link every heading carries to itself.
//!
//! Which headings the table lists: the three outermost levels the post uses, starting at its
//! shallowest heading, and never deeper than h4. Most posts write their sections as `##`, so that
//! is h2–h4; a post that writes `#` sections (its title lives in the front matter, so its `#`
//! headings are sections too) gets h1–h3. A table needs [`MIN_TOC_HEADINGS`] listed headings: a
//! short post with one or two sections reads better without one.

use super::sanitize::{escape_href, escape_html};
use super::Heading;

/// Fewer listed headings than this and the post gets no table of contents.
pub const MIN_TOC_HEADINGS: usize = 3;

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
    let top = headings.iter().map(|h| h.level).min()?;
    let deepest = (top + TOC_DEPTH).min(TOC_DEEPEST);
    let listed: Vec<&Heading> = headings.iter().filter(|h| h.level <= deepest).collect();
    if listed.len() < MIN_TOC_HEADINGS {
        return None;
    }
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
        escape_href(&mut html, &heading.id);
        html.push_str("\">");
        escape_html(&mut html, &heading.text);
        html.push_str("</a>");
    }
    for _ in open {
        html.push_str("</li></ol>");
    }
    html.push_str("</nav>\n");
    Some(html)
}

/// Start of the table of contents [`toc_html`] writes; raw HTML can never write a `<nav>` (it is
/// not allowlisted), so this marks ours.
const TOC_OPEN: &str = "<nav class=\"toc\" aria-label=\"Contents\">";
/// Start and end of a [`heading_anchor`]. Its `href` and label are escaped, so the generated
/// link holds no `<` or `>` before its end: a raw link with the same class never matches.
const ANCHOR_OPEN: &str = " <a class=\"heading-anchor\" href=\"#";
const ANCHOR_CLOSE: &str = "\">#</a>";

/// An article's HTML ([`super::render_article`]) without what only makes sense on the page:
/// the table of contents and the `#` link after every heading. Feed readers show both as junk
/// (a list of dead in-page links, a stray `#` after each heading).
pub fn without_page_navigation(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    if let Some(at) = rest.find(TOC_OPEN) {
        if let Some(end) = rest[at..].find("</nav>") {
            out.push_str(&rest[..at]);
            let after = &rest[at + end + "</nav>".len()..];
            rest = after.strip_prefix('\n').unwrap_or(after);
        }
    }
    while let Some(at) = rest.find(ANCHOR_OPEN) {
        let tail = &rest[at + ANCHOR_OPEN.len()..];
        let generated = tail
            .find(ANCHOR_CLOSE)
            .filter(|&end| !tail[..end].contains(['<', '>']));
        match generated {
            Some(end) => {
                out.push_str(&rest[..at]);
                rest = &tail[end + ANCHOR_CLOSE.len()..];
            }
            None => {
                out.push_str(&rest[..at + ANCHOR_OPEN.len()]);
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The link a heading ends with, to its own id, so a reader can copy a link to the section.
/// Its text is a `#`, hidden until the heading is hovered or the link focused (see the
/// stylesheet); its accessible name says what it is for.
pub(super) fn heading_anchor(id: &str, text: &str) -> String {
    let mut html = String::with_capacity(id.len() * 2 + text.len() + 96);
    html.push_str(" <a class=\"heading-anchor\" href=\"#");
    escape_href(&mut html, id);
    html.push_str("\" aria-label=\"Link to this section: ");
    escape_html(&mut html, text);
    html.push_str("\">#</a>");
    html
}
