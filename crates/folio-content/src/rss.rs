//! `rss.xml`: the same posts as the Atom feed, in RSS 2.0, for the readers and services that
//! only take RSS.
//!
//! Every item's `description` holds the full post as escaped HTML, as Zola and Hugo write it,
//! rather than a summary plus `content:encoded`: one copy of each post keeps the file half the
//! size. `guid` is the post's URL (a permalink), dates are RFC 2822, and the channel links to
//! itself with `atom:link rel="self"` as the RSS Advisory Board recommends.

use time::format_description::well_known::Rfc2822;
use time::OffsetDateTime;

use super::feed_items::Channel;
use super::xml::{element, escape, escape_into};

/// The RSS document for `channel`; `self_url` is where it is published.
pub fn rss(channel: &Channel, self_url: &str) -> Vec<u8> {
    let mut out = String::with_capacity(
        1024 + channel
            .items
            .iter()
            .map(|i| i.html.len() + 1024)
            .sum::<usize>(),
    );
    out.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.push_str("<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n");
    out.push_str("  <channel>\n");
    element(&mut out, 4, "title", &channel.title);
    element(&mut out, 4, "link", &channel.home_url);
    let description = if channel.subtitle.is_empty() {
        format!("Writing by {}", channel.author)
    } else {
        channel.subtitle.clone()
    };
    element(&mut out, 4, "description", &description);
    out.push_str(&format!(
        "    <atom:link href=\"{}\" rel=\"self\" type=\"application/rss+xml\"/>\n",
        escape(self_url)
    ));
    let updated = channel.updated.unwrap_or_else(OffsetDateTime::now_utc);
    element(&mut out, 4, "lastBuildDate", &rfc2822(updated));
    element(&mut out, 4, "generator", "Folio");

    for item in &channel.items {
        out.push_str("    <item>\n");
        element(&mut out, 6, "title", &item.title);
        element(&mut out, 6, "link", &item.url);
        out.push_str("      <guid isPermaLink=\"true\">");
        escape_into(&mut out, &item.url);
        out.push_str("</guid>\n");
        element(&mut out, 6, "pubDate", &rfc2822(item.published));
        for tag in &item.tags {
            element(&mut out, 6, "category", tag);
        }
        element(&mut out, 6, "description", &item.html);
        out.push_str("    </item>\n");
    }
    out.push_str("  </channel>\n</rss>\n");
    out.into_bytes()
}

fn rfc2822(moment: OffsetDateTime) -> String {
    // RFC 2822 cannot write years before 1900; no post is that old.
    moment.format(&Rfc2822).unwrap_or_default()
}
