//! `atom.xml`: the Atom feed (RFC 4287) of the newest posts, with their full content, written by
//! [`atom_syndication`].
//!
//! Each entry's id is its post's URL (permanent as long as the slug is: a renamed post should
//! keep its old slug in `slug =`), its content the whole rendered post as escaped HTML
//! (`type="html"`) with every URL absolute, and its categories the post's tags. The feed's
//! `updated` is the newest entry's, so building twice without a change writes the same bytes.

use atom_syndication::{
    Category, Content, Entry, Feed, FixedDateTime, Generator, Link, Person, Text,
};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use super::feed_items::Channel;
use super::xml_text::xml_text;

/// The Atom document for `channel`; `self_url` is where it is published.
pub fn atom(channel: &Channel, self_url: &str) -> Vec<u8> {
    // A site without posts has no date of its own: the build's time is the honest answer.
    let updated = channel.updated.unwrap_or_else(OffsetDateTime::now_utc);
    let feed = Feed {
        title: Text::plain(xml_text(&channel.title)),
        subtitle: (!channel.subtitle.is_empty()).then(|| Text::plain(xml_text(&channel.subtitle))),
        id: channel.home_url.clone(),
        links: vec![
            link("alternate", "text/html", &channel.home_url),
            link("self", "application/atom+xml", self_url),
        ],
        updated: date(updated),
        authors: vec![Person {
            name: xml_text(&channel.author),
            ..Person::default()
        }],
        generator: Some(Generator {
            value: "Folio".into(),
            ..Generator::default()
        }),
        entries: channel.items.iter().map(entry).collect(),
        ..Feed::default()
    };
    let mut out = b"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n".to_vec();
    // Writing to memory cannot fail.
    let body = feed.write_to(Vec::new()).unwrap_or_default();
    // The crate writes its own `<?xml version="1.0"?>`; ours names the encoding.
    let body = body
        .strip_prefix(b"<?xml version=\"1.0\"?>".as_slice())
        .unwrap_or(&body);
    out.extend_from_slice(body.strip_prefix(b"\n".as_slice()).unwrap_or(body));
    out.push(b'\n');
    out
}

fn entry(item: &super::feed_items::Item) -> Entry {
    Entry {
        title: Text::plain(xml_text(&item.title)),
        id: item.url.clone(),
        links: vec![link("alternate", "text/html", &item.url)],
        published: Some(date(item.published)),
        updated: date(item.updated),
        summary: (!item.summary.is_empty()).then(|| Text::plain(xml_text(&item.summary))),
        categories: item
            .tags
            .iter()
            .map(|tag| Category {
                term: xml_text(tag),
                ..Category::default()
            })
            .collect(),
        content: Some(Content {
            value: Some(xml_text(&item.html)),
            content_type: Some("html".into()),
            ..Content::default()
        }),
        ..Entry::default()
    }
}

fn link(rel: &str, kind: &str, href: &str) -> Link {
    Link {
        href: href.to_owned(),
        rel: rel.to_owned(),
        mime_type: Some(kind.to_owned()),
        ..Link::default()
    }
}

/// `moment` as the crate's date type (through RFC 3339, which both sides read exactly).
fn date(moment: OffsetDateTime) -> FixedDateTime {
    // Only years outside 0..=9999 fail to format; post dates never are.
    let text = moment.format(&Rfc3339).unwrap_or_default();
    FixedDateTime::parse_from_rfc3339(&text).unwrap_or_default()
}
