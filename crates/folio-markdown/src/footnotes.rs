//! Footnotes written by the renderer rather than pulldown-cmark's writer, so that each note links
//! back to where it is referenced: every reference (`[^name]` in the text) gets an id of its own,
//! and the note ends with a back-link to each of them, in order.
//!
//! Numbers follow pulldown-cmark's writer: a note is numbered when its name is first seen, as a
//! reference or as a definition. The reference ids (`fnref-<name>`, then `fnref-<name>-2` for the
//! second reference to the same note) are decided after the pass, once every other id written in
//! the post is known, so they never take an id the author gave something else; heading slugs
//! then avoid them. Like every id, they are published through the sanitizer's `content_id`.

use std::collections::HashMap;

use pulldown_cmark::{CowStr, Event};
use pulldown_cmark_escape::{escape_href, escape_html};

use crate::html::sanitize::content_id;
use crate::ids::Ids;

#[derive(Default)]
pub(super) struct Footnotes {
    numbers: HashMap<String, usize>,
    /// Each reference in document order: the slot in the output it fills, and its note.
    references: Vec<(usize, String)>,
    /// Each note's slot for its back-links (just before its end), and its name.
    back_links: Vec<(usize, String)>,
    /// The note being defined (definitions do not nest).
    defining: Option<String>,
}

impl Footnotes {
    fn number(&mut self, name: &str) -> usize {
        let next = self.numbers.len() + 1;
        *self.numbers.entry(name.to_owned()).or_insert(next)
    }

    /// A reference to the note `name`; its HTML is written by [`Footnotes::link`] into the
    /// placeholder this returns, which must go at `slot` in the output.
    pub(super) fn reference(&mut self, name: &str, slot: usize) -> Event<'static> {
        self.number(name);
        self.references.push((slot, name.to_owned()));
        Event::InlineHtml(CowStr::Borrowed(""))
    }

    /// The start of the note `name`: its box, id and number.
    pub(super) fn open(&mut self, name: &str) -> Event<'static> {
        let number = self.number(name);
        self.defining = Some(name.to_owned());
        let mut html = String::with_capacity(name.len() + 96);
        html.push_str("\n<div class=\"footnote-definition\" id=\"");
        let _ = escape_html(&mut html, name);
        html.push_str("\"><sup class=\"footnote-definition-label\">");
        html.push_str(&number.to_string());
        html.push_str("</sup>");
        Event::Html(CowStr::from(html))
    }

    /// The end of the note being defined: a placeholder at `slot` for its back-links, then the
    /// box's end.
    pub(super) fn close(&mut self, slot: usize) -> [Event<'static>; 2] {
        if let Some(name) = self.defining.take() {
            self.back_links.push((slot, name));
        }
        [
            Event::InlineHtml(CowStr::Borrowed("")),
            Event::Html(CowStr::Borrowed("</div>\n")),
        ]
    }

    /// Fills the placeholders: each reference with its number, linked to its note and carrying
    /// its own id (taken from `ids`), and each note with links back to its references.
    pub(super) fn link(self, out: &mut [Event<'_>], ids: &mut Ids) {
        let mut ids_of: HashMap<&str, Vec<String>> = HashMap::new();
        for (slot, name) in &self.references {
            let uses = ids_of.entry(name.as_str()).or_default();
            let base = match uses.len() {
                0 => format!("fnref-{name}"),
                n => format!("fnref-{name}-{}", n + 1),
            };
            let id = ids.free(base);
            // As published too, so no heading slug can become it.
            ids.reserve(&content_id(&id));
            let number = self.numbers[name];
            let mut html = String::with_capacity(name.len() * 2 + 96);
            html.push_str("<sup class=\"footnote-reference\" id=\"");
            let _ = escape_html(&mut html, &id);
            html.push_str("\"><a href=\"#");
            let _ = escape_href(&mut html, name);
            html.push_str("\">");
            html.push_str(&number.to_string());
            html.push_str("</a></sup>");
            out[*slot] = Event::InlineHtml(CowStr::from(html));
            uses.push(id);
        }
        for (slot, name) in &self.back_links {
            let Some(uses) = ids_of.get(name.as_str()) else {
                continue;
            };
            out[*slot] = Event::InlineHtml(CowStr::from(back_links(self.numbers[name], uses)));
        }
    }
}

/// The links from note `number` back to its references (`ids`, in document order): "↩" for
/// the first, "↩2", "↩3"... for later ones; each named for a screen reader.
fn back_links(number: usize, ids: &[String]) -> String {
    let mut html = String::with_capacity(ids.len() * 96);
    for (i, id) in ids.iter().enumerate() {
        html.push_str(" <a class=\"footnote-backref\" href=\"#");
        let _ = escape_href(&mut html, id);
        html.push_str("\" aria-label=\"Back to reference ");
        html.push_str(&number.to_string());
        if ids.len() > 1 {
            html.push_str(&format!(" ({} of {})", i + 1, ids.len()));
        }
        // U+FE0E: the arrow as text, never an emoji picture.
        html.push_str("\">\u{21a9}\u{fe0e}");
        if i > 0 {
            html.push_str(&format!("<sup>{}</sup>", i + 1));
        }
        html.push_str("</a>");
    }
    html
}
