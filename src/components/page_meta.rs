//! What a page says about itself in `<head>`: the document title, the description, the
//! canonical URL, and the OpenGraph and Twitter card tags that link previews (chat apps,
//! social sites, feed readers) are drawn from. Every page sets them through [`PageMeta`], so no
//! page forgets one and every route has the same set.
//!
//! leptos_meta puts each tag into `<head>` while the page is shown and takes it out when the
//! reader moves on, so tags never pile up across client-side navigation.

use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};

use crate::model::Site;
use crate::site_url;

/// The site-wide part: the name previews show and the base of canonical URLs.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SiteMeta {
    pub name: String,
    /// Absolute, ending in `/`; empty when the site has none (then no canonical URL is given:
    /// a guessed one could name the wrong host).
    pub base_url: String,
}

impl From<&Site> for SiteMeta {
    fn from(site: &Site) -> Self {
        SiteMeta {
            name: site.author.clone(),
            base_url: site.base_url.clone(),
        }
    }
}

/// For an article: when it was published and updated (`YYYY-MM-DD`), and its tags.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ArticleMeta {
    pub published: String,
    pub modified: Option<String>,
    pub tags: Vec<String>,
}

#[component]
pub fn PageMeta(
    /// The document title.
    #[prop(into)]
    title: Signal<String>,
    /// One or two sentences about the page.
    #[prop(into)]
    description: String,
    #[prop(into)] site: SiteMeta,
    /// The page's app path, already encoded (`/`, `/posts/x`, see [`site_url`]), for the
    /// canonical URL and `og:url`; `None` for a page with no address of its own.
    #[prop(optional, into)]
    path: Option<String>,
    /// The page's own title for previews, without the site name; default: the document title.
    #[prop(optional, into)]
    headline: Option<String>,
    /// Set on an article (`og:type` article, its dates and tags).
    #[prop(optional)]
    article: Option<ArticleMeta>,
    /// Asks search engines not to index the page (not found).
    #[prop(optional)]
    noindex: bool,
) -> impl IntoView {
    let canonical = path.and_then(|p| site_url::absolute(&site.base_url, &p));
    let preview_title = Signal::derive(move || headline.clone().unwrap_or_else(|| title.get()));
    let kind = if article.is_some() {
        "article"
    } else {
        "website"
    };
    let canonical = canonical.map(|url| {
        view! {
            <Link rel="canonical" href=url.clone() />
            <Meta property="og:url" content=url />
        }
    });
    let article = article.map(|a| {
        let modified = a
            .modified
            .map(|m| view! { <Meta property="article:modified_time" content=m /> });
        let tags = a
            .tags
            .into_iter()
            .map(|t| view! { <Meta property="article:tag" content=t /> })
            .collect_view();
        view! {
            <Meta property="article:published_time" content=a.published />
            {modified}
            {tags}
        }
    });
    view! {
        <Title text=move || title.get() />
        <Meta name="description" content=description.clone() />
        {noindex.then(|| view! { <Meta name="robots" content="noindex" /> })}
        {canonical}
        <Meta property="og:type" content=kind />
        <Meta property="og:title" content=move || preview_title.get() />
        <Meta property="og:description" content=description.clone() />
        <Meta property="og:site_name" content=site.name />
        {article}
        <Meta name="twitter:card" content="summary" />
        <Meta name="twitter:title" content=move || preview_title.get() />
        <Meta name="twitter:description" content=description />
    }
}
