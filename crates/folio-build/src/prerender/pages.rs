//! Each route's prerendered page: its `<head>` tags (from [`folio_core::head_tags`], as the app's
//! `PageMeta` writes them) and its `<main>` markup, mirroring the page components in
//! `src/pages/` element for element.

use super::frame::{self, Current};
use super::html::{attr, text};
use super::shell::Page;
use folio_core::format::post_count;
use folio_core::format::{human_date, reading_time};
use folio_core::head_tags::{head_tags, PageInfo};
use folio_core::listing::{by_year, neighbours, tag_counts, TagCount};
use folio_core::model::{Manifest, PostSummary, Site};
use folio_core::site_url::tag_path;
use folio_core::tags::distinct_tags;

/// The manifest plus the site's path (`<base href>`), which every link starts with.
pub struct SiteContext<'a> {
    pub manifest: &'a Manifest,
    base: String,
}

impl<'a> SiteContext<'a> {
    pub fn new(manifest: &'a Manifest, base_href: String) -> Self {
        let base = base_href.trim_end_matches('/').to_owned();
        SiteContext { manifest, base }
    }

    /// An app path (`/posts/x`) as the app links it: under the site's path.
    pub fn href(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

/// A page's parts before they are poured into the shell.
pub struct PageHtml {
    title: String,
    head: String,
    body: String,
}

impl PageHtml {
    pub fn as_page(&self) -> Page<'_> {
        Page {
            title: &self.title,
            head: &self.head,
            body: &self.body,
        }
    }
}

fn page(
    site: &SiteContext,
    title: &str,
    info: &PageInfo,
    current: Current,
    main: &str,
) -> PageHtml {
    let s = &site.manifest.site;
    let head = head_tags(&s.author, &s.base_url, info)
        .iter()
        .map(|tag| tag.html())
        .collect();
    PageHtml {
        title: text(title),
        head,
        // A page without an address of its own (none is prerendered today) links the home page.
        body: frame::page(site, info.path.as_deref().unwrap_or("/"), current, main),
    }
}

pub fn home(site: &SiteContext) -> PageHtml {
    let s = &site.manifest.site;
    let info = PageInfo::home(s);
    let mut main = String::from("<section class=\"intro\" aria-labelledby=\"intro-heading\">");
    main += &format!("<h1 id=\"intro-heading\">{}</h1>", text(&s.author));
    if !s.tagline.is_empty() {
        main += &format!("<p class=\"tagline\">{}</p>", text(&s.tagline));
    }
    main += &format!(
        "<div class=\"bio\" data-testid=\"bio\">{}</div>",
        s.bio_html
    );
    if let Some(link) = &s.reach_out {
        main += &format!(
            "<p class=\"reach-out\"><a class=\"button\" data-testid=\"reach-out\" href=\"{}\">{}</a></p>",
            attr(&link.url),
            text(&link.label)
        );
    }
    if !s.links.is_empty() {
        main += "<ul class=\"contact-links\" aria-label=\"Contact\">";
        for link in &s.links {
            main += &format!(
                "<li><a href=\"{}\">{}</a></li>",
                attr(&link.url),
                text(&link.label)
            );
        }
        main += "</ul>";
    }
    main += "</section>";
    let featured = site.manifest.highlights();
    if !featured.is_empty() {
        main += "<section class=\"highlights\" data-testid=\"highlights\" aria-labelledby=\"highlights-heading\"><h2 id=\"highlights-heading\">Highlights</h2>";
        for post in featured {
            main += &format!(
                "<article class=\"highlight\" data-testid=\"highlight\"><h3><a href=\"{}\" data-testid=\"post-link\">{}</a></h3><p data-testid=\"blurb\">{}</p></article>",
                attr(&post_href(site, &post.slug)),
                text(&post.title),
                text(post.highlight.as_deref().unwrap_or_default())
            );
        }
        main += "</section>";
    }
    main += "<section class=\"all-writing\" data-testid=\"all-writing\" aria-labelledby=\"all-writing-heading\"><h2 id=\"all-writing-heading\">All writing</h2>";
    main += &post_list(site, site.manifest.posts.iter());
    main += "</section>";
    main += &subscribe(s);
    page(site, &s.author, &info, Current::Other, &main)
}

pub fn post(site: &SiteContext, post: &PostSummary, body: &str) -> PageHtml {
    let s = &site.manifest.site;
    let info = PageInfo::post(s, post);
    let page_href = site.href(&format!("/posts/{}", post.slug));
    let body = folio_core::html_text::rewrite_fragment_links(body, &page_href);
    let mut main = String::from(
        "<article class=\"article\" data-testid=\"article\"><header class=\"article-header\">",
    );
    main += &format!(
        "<h1>{}</h1><p class=\"meta\">{} · <span data-testid=\"reading-time\">{}</span>",
        text(&post.title),
        time(&post.date),
        reading_time(post.reading_minutes)
    );
    if let Some(updated) = post.updated.as_ref().filter(|u| **u != post.date) {
        main += &format!(
            "<span class=\"updated\"> · updated {}</span>",
            time(updated)
        );
    }
    main += "</p>";
    if !post.tags.is_empty() {
        main += "<ul class=\"tags\" aria-label=\"Tags\">";
        for tag in distinct_tags(&post.tags) {
            main += &format!(
                "<li><a href=\"{}\" data-testid=\"tag-link\">#{}</a></li>",
                attr(&tag_href(site, tag)),
                text(tag)
            );
        }
        main += "</ul>";
    }
    main += &format!(
        "</header><div class=\"prose\" data-testid=\"article-body\">{body}</div></article>"
    );
    let around = neighbours(site.manifest, &post.slug);
    if around.older.is_some() || around.newer.is_some() {
        main += "<nav class=\"post-nav\" aria-label=\"More posts\" data-testid=\"post-nav\">";
        if let Some(older) = &around.older {
            main += &format!("<a href=\"{}\" rel=\"prev\" class=\"older\" data-testid=\"older-post\"><span class=\"direction\">Older</span> <span class=\"title\">{}</span></a>", attr(&post_href(site, &older.slug)), text(&older.title));
        }
        if let Some(newer) = &around.newer {
            main += &format!("<a href=\"{}\" rel=\"next\" class=\"newer\" data-testid=\"newer-post\"><span class=\"direction\">Newer</span> <span class=\"title\">{}</span></a>", attr(&post_href(site, &newer.slug)), text(&newer.title));
        }
        main += "</nav>";
    }
    main += &subscribe(s);
    let title = format!("{} · {}", post.title, s.author);
    page(site, &title, &info, Current::Other, &main)
}

pub fn tag(site: &SiteContext, entry: &TagCount) -> PageHtml {
    let s = &site.manifest.site;
    let tag = entry.tag.as_str();
    let posts: Vec<_> = site.manifest.tagged(&entry.slug).collect();
    let count = post_count(posts.len());
    let info = PageInfo::tag(tag, &count);
    let main = format!(
        "<section class=\"tag-page\"><h1>Posts tagged <span class=\"tag-name\">#{}</span></h1><p class=\"count\">{}</p>{}</section>",
        text(tag),
        text(&count),
        post_list(site, posts.into_iter())
    );
    page(
        site,
        &format!("#{tag} · {}", s.author),
        &info,
        Current::Other,
        &main,
    )
}

pub fn tags(site: &SiteContext) -> PageHtml {
    let s = &site.manifest.site;
    let counts = tag_counts(site.manifest);
    let summary = folio_core::listing::tags_summary(counts.len(), site.manifest.posts.len());
    let info = PageInfo::tags(&summary);
    let mut main = format!("<section class=\"tags-page\"><h1>Tags</h1><p class=\"count\">{}</p><ul class=\"tag-counts\">", text(&summary));
    for entry in counts {
        main += &format!(
            "<li data-testid=\"tag-count\"><a href=\"{}\" data-testid=\"tag-link\">#{}</a> <span class=\"count\" data-testid=\"count\">{}</span></li>",
            attr(&tag_href(site, &entry.tag)),
            text(&entry.tag),
            post_count(entry.count)
        );
    }
    main += "</ul></section>";
    page(
        site,
        &format!("Tags · {}", s.author),
        &info,
        Current::Tags,
        &main,
    )
}

pub fn archive(site: &SiteContext) -> PageHtml {
    let s = &site.manifest.site;
    let years = by_year(site.manifest);
    let summary = folio_core::listing::archive_summary(&years, site.manifest.posts.len());
    let info = PageInfo::archive(s);
    let mut main = format!(
        "<section class=\"archive-page\"><h1>Archive</h1><p class=\"count\">{}</p>",
        text(&summary)
    );
    for group in years {
        main += &format!(
            "<section class=\"archive-year\" data-testid=\"archive-year\" aria-labelledby=\"year-{y}\"><h2 id=\"year-{y}\"><span data-testid=\"year\">{y}</span> <span class=\"count\" data-testid=\"count\">{}</span></h2>{}</section>",
            post_count(group.posts.len()),
            post_list(site, group.posts.iter()),
            y = text(&group.year),
        );
    }
    main += "</section>";
    page(
        site,
        &format!("Archive · {}", s.author),
        &info,
        Current::Archive,
        &main,
    )
}

pub fn search(site: &SiteContext) -> PageHtml {
    let s = &site.manifest.site;
    let info = PageInfo::search();
    // The empty page; with `?q=` the app fills in the results once it runs.
    let main = concat!(
        "<section class=\"search-page\"><h1>Search</h1><p class=\"empty-hint\">",
        "Type in the search box above: every post is searched as you type, by title, tags and ",
        "full text. Press <kbd>/</kbd> to get there from anywhere.</p>",
        "<h2 class=\"visually-hidden\">Results</h2></section>"
    );
    page(
        site,
        &format!("Search · {}", s.author),
        &info,
        Current::Other,
        main,
    )
}

fn post_list<'p>(site: &SiteContext, posts: impl Iterator<Item = &'p PostSummary>) -> String {
    let mut out = String::from("<ul class=\"post-list\">");
    for post in posts {
        out += &format!(
            "<li data-testid=\"post-item\"><a href=\"{}\" data-testid=\"post-link\">{}</a>{}</li>",
            attr(&post_href(site, &post.slug)),
            text(&post.title),
            time(&post.date)
        );
    }
    out + "</ul>"
}

fn subscribe(s: &Site) -> String {
    let feed = (!s.feed_url.is_empty()).then(|| {
        format!(
            "<a data-testid=\"rss-link\" rel=\"external\" href=\"{}\">RSS feed</a>",
            attr(&s.feed_url)
        )
    });
    let list = s.mailing_list.clone().unwrap_or_default();
    let link = (!list.url.is_empty()).then(|| {
        format!(
            "<a data-testid=\"mailing-list-link\" href=\"{}\">mailing list</a>",
            attr(&list.url)
        )
    });
    let has_form = !list.action.is_empty();
    let (intro, joiner) = match (feed.is_some(), has_form, link.is_some()) {
        (false, false, false) => return String::new(),
        (true, true, _) => ("Get updates via ", " or by email."),
        (false, true, _) => ("Get updates by email.", ""),
        (true, false, true) => ("Get updates via ", " or "),
        _ => ("Get updates via ", ""),
    };
    let mut out = format!(
        "<section class=\"subscribe\" data-testid=\"subscribe\" aria-label=\"Get updates\"><p class=\"subscribe-intro\">{intro}{}{joiner}{}</p>",
        feed.unwrap_or_default(),
        link.unwrap_or_default()
    );
    if has_form {
        out += &format!(
            "<form class=\"subscribe-form\" data-testid=\"subscribe-form\" method=\"{}\" action=\"{}\"><label class=\"subscribe-label\"><span>{}</span><input type=\"email\" name=\"{}\" required autocomplete=\"email\" placeholder=\"you@example.com\" data-testid=\"subscribe-email\"></label>",
            attr(&list.method), attr(&list.action), text(&list.label), attr(&list.email_field)
        );
        for field in &list.hidden {
            out += &format!(
                "<input type=\"hidden\" name=\"{}\" value=\"{}\">",
                attr(&field.name),
                attr(&field.value)
            );
        }
        out += &format!(
            "<button class=\"button\" type=\"submit\">{}</button></form>",
            text(&list.button)
        );
    }
    out + "</section>"
}

fn time(date: &str) -> String {
    format!(
        "<time datetime=\"{}\">{}</time>",
        attr(date),
        text(&human_date(date))
    )
}

fn post_href(site: &SiteContext, slug: &str) -> String {
    site.href(&format!("/posts/{slug}"))
}

/// The link to the page of `tag` (in any spelling): `/tags/<slug>`, as the app links it.
fn tag_href(site: &SiteContext, tag: &str) -> String {
    site.href(&tag_path(tag))
}
