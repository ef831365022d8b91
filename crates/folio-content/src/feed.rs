//! `atom.xml`: the Atom feed (RFC 4287) of the newest posts, with their full content.
//!
//! Each entry's id is its post's URL (permanent as long as the slug is: a renamed post should
//! keep its old slug in `slug =`), its content the whole rendered post as escaped HTML
//! (`type="html"`) with every URL absolute, and its categories the post's tags. The feed's
//! `updated` is the newest entry's, so building twice without a change writes the same bytes.

use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use super::feed_items::Channel;
use super::xml::{element, escape, escape_into};

/// The Atom document for `channel`; `self_url` is where it is published.
pub fn atom(channel: &Channel, self_url: &str) -> Vec<u8> {
    let mut out = String::with_capacity(
        1024 + channel
            .items
            .iter()
            .map(|i| i.html.len() + 1024)
            .sum::<usize>(),
    );
    out.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    element(&mut out, 2, "title", &channel.title);
    if !channel.subtitle.is_empty() {
        element(&mut out, 2, "subtitle", &channel.subtitle);
    }
    element(&mut out, 2, "id", &channel.home_url);
    link(&mut out, 2, "alternate", "text/html", &channel.home_url);
    link(&mut out, 2, "self", "application/atom+xml", self_url);
    // A site without posts has no date of its own: the build's time is the honest answer.
    let updated = channel.updated.unwrap_or_else(OffsetDateTime::now_utc);
    element(&mut out, 2, "updated", &rfc3339(updated));
    out.push_str("  <author>\n");
    element(&mut out, 4, "name", &channel.author);
    out.push_str("  </author>\n");
    element(&mut out, 2, "generator", "Folio");

    for item in &channel.items {
        out.push_str("  <entry>\n");
        element(&mut out, 4, "title", &item.title);
        element(&mut out, 4, "id", &item.url);
        link(&mut out, 4, "alternate", "text/html", &item.url);
        element(&mut out, 4, "published", &rfc3339(item.published));
        element(&mut out, 4, "updated", &rfc3339(item.updated));
        if !item.summary.is_empty() {
            element(&mut out, 4, "summary", &item.summary);
        }
        for tag in &item.tags {
            out.push_str("    <category term=\"");
            escape_into(&mut out, tag);
            out.push_str("\"/>\n");
        }
        out.push_str("    <content type=\"html\">");
        escape_into(&mut out, &item.html);
        out.push_str("</content>\n");
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out.into_bytes()
}

fn link(out: &mut String, indent: usize, rel: &str, kind: &str, href: &str) {
    out.extend(std::iter::repeat_n(' ', indent));
    out.push_str(&format!(
        "<link rel=\"{rel}\" type=\"{kind}\" href=\"{}\"/>\n",
        escape(href)
    ));
}

fn rfc3339(moment: OffsetDateTime) -> String {
    // Only years outside 0..=9999 fail to format; post dates never are.
    moment.format(&Rfc3339).unwrap_or_default()
}
