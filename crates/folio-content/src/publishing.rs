//! The files that publish the site beyond what the app reads: the Atom and RSS feeds (the site's,
//! and an Atom feed per tag), the sitemap, robots.txt and the redirect pages for old URLs.
//!
//! Feeds and sitemap need absolute URLs, so they are written only when the site has a base URL;
//! without one (a content folder with no site file, like the Rust blog's), [`super::prepare`]
//! warns and the site still builds, with robots.txt and the redirects.

use super::aliases;
use super::atom::atom;
use super::feed_items::{channel, tag_channel};
use super::outputs::{tag_feed_file, ATOM, ROBOTS, RSS, SITEMAP};
use super::rss::rss;
use super::sitemap::{robots, sitemap};
use super::Report;
use folio_core::site_url;
use folio_core::tags::site_tags;

/// Every such file for `report`, as (path relative to the site root, contents).
pub fn files(report: &Report) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::with_capacity(4 + report.redirects.len());
    let base_url = report.base_url.as_ref();
    if let Some(base) = base_url {
        let feed = channel(report, base, report.feed_limit);
        let url = |file: &str| site_url::absolute(base.as_str(), file).unwrap_or_default();
        files.push((ATOM.to_owned(), atom(&feed, &url(ATOM))));
        files.push((RSS.to_owned(), rss(&feed, &url(RSS))));
        files.push((SITEMAP.to_owned(), sitemap(&report.manifest, base)));
        // A feed per tag, beside the tag's page (`tags/<slug>/index.html`), as Hugo and Zola
        // publish them. Not in the sitemap, which lists pages, not feeds.
        for entry in site_tags(&report.manifest) {
            let feed = tag_channel(report, base, report.feed_limit, &entry.tag, &entry.slug);
            let self_url = url(&site_url::tag_feed_path(&entry.slug));
            files.push((tag_feed_file(&entry.slug), atom(&feed, &self_url)));
        }
    }
    files.push((ROBOTS.to_owned(), robots(base_url)));
    for redirect in &report.redirects {
        let title = report
            .manifest
            .post(&redirect.slug)
            .map_or(redirect.slug.as_str(), |p| p.title.as_str());
        let page = aliases::page(redirect, title, &report.base_path, base_url);
        files.push((redirect.file.clone(), page));
    }
    files
}
