//! `rss.xml`: the same posts as the Atom feed, in RSS 2.0, written by the [`rss`] crate, for
//! the readers and services that only take RSS.
//!
//! Every item's `description` holds the full post as escaped HTML, as Zola and Hugo write it,
//! rather than a summary plus `content:encoded`: one copy of each post keeps the file half the
//! size. `guid` is the post's URL (a permalink), dates are RFC 2822, and the channel links to
//! itself with `atom:link rel="self"` as the RSS Advisory Board recommends.

use rss::extension::atom::{AtomExtension, Link};
use rss::{Category, Channel as RssChannel, Guid, Item};
use time::format_description::well_known::Rfc2822;
use time::OffsetDateTime;

use super::feed_items::Channel;
use super::xml_text::xml_text;

/// The RSS document for `channel`; `self_url` is where it is published.
pub fn rss(channel: &Channel, self_url: &str) -> Vec<u8> {
    let description = if channel.subtitle.is_empty() {
        format!("Writing by {}", channel.author)
    } else {
        channel.subtitle.clone()
    };
    let updated = channel.updated.unwrap_or_else(OffsetDateTime::now_utc);
    let rss = RssChannel {
        title: xml_text(&channel.title),
        link: channel.home_url.clone(),
        description: xml_text(&description),
        last_build_date: Some(rfc2822(updated)),
        generator: Some("Folio".into()),
        atom_ext: Some(AtomExtension {
            links: vec![Link {
                href: self_url.to_owned(),
                rel: "self".into(),
                mime_type: Some("application/rss+xml".into()),
                ..Link::default()
            }],
        }),
        items: channel.items.iter().map(item).collect(),
        ..RssChannel::default()
    };
    let mut out = b"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n".to_vec();
    // Writing to memory cannot fail.
    let body = rss.write_to(Vec::new()).unwrap_or_default();
    let body = body
        .strip_prefix(b"<?xml version=\"1.0\" encoding=\"utf-8\"?>".as_slice())
        .unwrap_or(&body);
    out.extend_from_slice(body.strip_prefix(b"\n".as_slice()).unwrap_or(body));
    out.push(b'\n');
    out
}

fn item(item: &super::feed_items::Item) -> Item {
    Item {
        title: Some(xml_text(&item.title)),
        link: Some(item.url.clone()),
        guid: Some(Guid {
            value: item.url.clone(),
            permalink: true,
        }),
        pub_date: Some(rfc2822(item.published)),
        categories: item
            .tags
            .iter()
            .map(|tag| Category {
                name: xml_text(tag),
                domain: None,
            })
            .collect(),
        description: Some(xml_text(&item.html)),
        ..Item::default()
    }
}

fn rfc2822(moment: OffsetDateTime) -> String {
    // RFC 2822 cannot write years before 1900; no post is that old.
    moment.format(&Rfc2822).unwrap_or_default()
}
