//! `sitemap.xml` (sitemaps.org 0.9) and `robots.txt`, which points crawlers to it.
//!
//! The sitemap lists every page a reader can land on: home, the archive, the tag index, every
//! post (`lastmod`: its update, else its date) and every tag page, one per slug (`lastmod`: its
//! newest post).
//! Search results pages are left out: they are views of the others. Every `loc` is absolute
//! under the base URL.
//!
//! `robots.txt` only counts at the root of a host: for a site under a sub-path, crawlers never
//! read `/blog/robots.txt`, so its `Sitemap:` line belongs in the host's own robots.txt (or the
//! sitemap can be submitted to the search engines directly). It is written all the same, so
//! moving the site to its own host needs no change.

use std::collections::BTreeMap;

use super::base_url::BaseUrl;
use super::outputs::SITEMAP;
use folio_core::model::Manifest;
use folio_core::site_url::{self, tag_path};
use folio_core::tags::tag_slug;
use quick_xml::events::BytesText;
use quick_xml::Writer;

/// The sitemap of `manifest`'s pages under `base`.
pub fn sitemap(manifest: &Manifest, base: &BaseUrl) -> Vec<u8> {
    let newest = |dates: &mut dyn Iterator<Item = &str>| dates.max().map(str::to_owned);
    let last_change = |post: &folio_core::model::PostSummary| -> String {
        // `YYYY-MM-DD` compares correctly as text.
        post.updated
            .clone()
            .filter(|u| *u > post.date)
            .unwrap_or_else(|| post.date.clone())
    };
    let changes: Vec<String> = manifest.posts.iter().map(last_change).collect();
    let site_lastmod = newest(&mut changes.iter().map(String::as_str));

    // One entry per tag page: spellings with one slug share it. Keyed by slug, with a spelling
    // to name the page by and its newest change.
    let mut tags: BTreeMap<String, (&str, &str)> = BTreeMap::new();
    for (post, changed) in manifest.posts.iter().zip(&changes) {
        for tag in &post.tags {
            let entry = tags.entry(tag_slug(tag)).or_insert((tag, changed));
            if changed.as_str() > entry.1 {
                entry.1 = changed;
            }
        }
    }

    let mut urls: Vec<(String, Option<String>)> = Vec::new();
    let mut url = |path: &str, lastmod: Option<&str>| {
        if let Some(loc) = site_url::absolute(base.as_str(), path) {
            urls.push((loc, lastmod.map(str::to_owned)));
        }
    };
    url("/", site_lastmod.as_deref());
    url("/archive", site_lastmod.as_deref());
    if !tags.is_empty() {
        url("/tags", site_lastmod.as_deref());
    }
    for (post, changed) in manifest.posts.iter().zip(&changes) {
        url(&site_url::post_path(&post.slug), Some(changed));
    }
    for (tag, changed) in tags.values() {
        url(&tag_path(tag), Some(changed));
    }

    let mut out = b"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n".to_vec();
    let mut writer = Writer::new_with_indent(&mut out, b' ', 2);
    // Writing to memory cannot fail.
    let _ = writer
        .create_element("urlset")
        .with_attribute(("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9"))
        .write_inner_content(|w| {
            for (loc, lastmod) in &urls {
                w.create_element("url").write_inner_content(|w| {
                    w.create_element("loc")
                        .write_text_content(BytesText::new(loc))?;
                    if let Some(lastmod) = lastmod {
                        w.create_element("lastmod")
                            .write_text_content(BytesText::new(lastmod))?;
                    }
                    Ok(())
                })?;
            }
            Ok(())
        });
    out.push(b'\n');
    out
}

/// `robots.txt`: everything may be crawled; the sitemap's URL when there is one.
pub fn robots(base: Option<&BaseUrl>) -> Vec<u8> {
    let mut out = String::from("User-agent: *\nAllow: /\n");
    if let Some(sitemap) = base.and_then(|b| site_url::absolute(b.as_str(), SITEMAP)) {
        out.push_str(&format!("\nSitemap: {sitemap}\n"));
    }
    out.into_bytes()
}
