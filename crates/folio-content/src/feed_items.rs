//! The posts as the feeds carry them: absolute URLs, parsed dates and the full content as HTML,
//! prepared once for both the Atom and the RSS writer.
//!
//! How many: the newest `feed_limit` posts (default [`DEFAULT_LIMIT`], 0 for all). Full content
//! for every post makes feeds that readers re-download on every poll (the Rust blog's 750 posts
//! are about 9 MB of Atom); the newest 20 are what a subscriber has not read yet, and what
//! Jekyll (10), WordPress (10) and Hugo themes such as PaperMod commonly ship. A site that
//! wants its whole archive in the feed sets `feed_limit = 0`.

use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;
use url::Url;

use super::absolute_urls::absolutize;
use super::base_url::BaseUrl;
use super::{PostRecord, Report};
use folio_core::model::PostSummary;
use folio_core::site_url;
use folio_core::tags::has_tag;
use folio_markdown::without_page_navigation;

/// How many posts the feeds carry when the site file does not say.
pub const DEFAULT_LIMIT: usize = 20;

/// The feed as a whole.
#[derive(Clone, Debug, PartialEq)]
pub struct Channel {
    /// The site's title: the author's name, as in the app's header.
    pub title: String,
    /// The tagline; empty for none.
    pub subtitle: String,
    pub author: String,
    /// The home page's URL (the base URL).
    pub home_url: String,
    /// The newest `updated` of the items; `None` when there are no posts.
    pub updated: Option<OffsetDateTime>,
    pub items: Vec<Item>,
}

/// One post in a feed.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub title: String,
    /// The post's page: its link and its permanent id.
    pub url: String,
    pub published: OffsetDateTime,
    /// The front matter's `updated` when it is not before `published`, else `published`.
    pub updated: OffsetDateTime,
    /// The front matter's description; empty for none.
    pub summary: String,
    pub tags: Vec<String>,
    /// The whole post as published in `bodies/<slug>.html` (sanitised, files beside the post
    /// under `files/`), relative URLs made absolute, without the table of contents and heading
    /// anchors (in-page navigation a feed reader shows as junk).
    pub html: String,
}

/// The channel for `report`'s newest `limit` posts (0: all), newest first.
pub fn channel(report: &Report, base: &BaseUrl, limit: usize) -> Channel {
    let site = &report.manifest.site;
    let mut channel = items_of(report, base, limit, |_| true);
    channel.title = site.author.clone();
    channel.subtitle = site.tagline.clone();
    channel.home_url = base.as_str().to_owned();
    channel
}

/// The channel of the tag `tag` (its page's slug `slug`): the newest `limit` posts (0: all)
/// carrying it in any spelling, newest first, named after the tag and the site as the tag's
/// page is, its home the tag's page.
pub fn tag_channel(
    report: &Report,
    base: &BaseUrl,
    limit: usize,
    tag: &str,
    slug: &str,
) -> Channel {
    let site = &report.manifest.site;
    let mut channel = items_of(report, base, limit, |post| has_tag(&post.tags, slug));
    channel.title = format!("#{tag} \u{b7} {}", site.author);
    channel.subtitle = format!("Posts tagged {tag}");
    channel.home_url =
        site_url::absolute(base.as_str(), &site_url::tag_path(tag)).unwrap_or_default();
    channel
}

/// The newest `limit` posts (0: all) that `keep` accepts, in manifest order, as a channel with
/// the site's author and no title yet.
fn items_of(
    report: &Report,
    base: &BaseUrl,
    limit: usize,
    keep: impl Fn(&PostSummary) -> bool,
) -> Channel {
    let limit = if limit == 0 { usize::MAX } else { limit };
    let items: Vec<Item> = report
        .manifest
        .posts
        .iter()
        .zip(&report.posts)
        .filter(|(summary, _)| keep(summary))
        .take(limit)
        .map(|(summary, record)| item(summary, record, base))
        .collect();
    Channel {
        title: String::new(),
        subtitle: String::new(),
        author: report.manifest.site.author.clone(),
        home_url: String::new(),
        updated: items.iter().map(|i| i.updated).max(),
        items,
    }
}

fn item(summary: &PostSummary, record: &PostRecord, base: &BaseUrl) -> Item {
    let url =
        site_url::absolute(base.as_str(), &site_url::post_path(&record.slug)).unwrap_or_default();
    let published = parse_time(&record.published);
    let updated = record
        .updated
        .as_deref()
        .map(parse_time)
        .filter(|u| *u >= published)
        .unwrap_or(published);
    // The slug is encoded by `post_path`, so the URL always parses; the base is the fallback.
    let page = Url::parse(&url).unwrap_or_else(|_| base.url().clone());
    Item {
        title: summary.title.clone(),
        published,
        updated,
        summary: summary.summary.clone(),
        tags: summary.tags.clone(),
        html: absolutize(&without_page_navigation(&record.html), base.url(), &page),
        url,
    }
}

/// The pipeline writes these dates itself with [`super::PostDate::rfc3339`], so they parse.
fn parse_time(rfc3339: &str) -> OffsetDateTime {
    OffsetDateTime::parse(rfc3339, &Rfc3339).unwrap_or(OffsetDateTime::UNIX_EPOCH)
}
