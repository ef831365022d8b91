//! The pages drawn on the host (feature `ssr`), as the prerenderer draws them: the same
//! components the browser app runs, so what is checked here is what readers get at first paint.
#![cfg(feature = "ssr")]

use std::sync::Arc;

use folio_pages::components::site_data::InitialBody;
use folio_pages::model::{Manifest, PostSummary, Site};
use folio_pages::render::render_page;

fn post(slug: &str, title: &str, date: &str, tags: &[&str]) -> PostSummary {
    PostSummary {
        slug: slug.into(),
        title: title.into(),
        date: date.into(),
        tags: tags.iter().map(|t| t.to_string()).collect(),
        reading_minutes: 3,
        ..PostSummary::default()
    }
}

fn manifest(tags: bool) -> Arc<Manifest> {
    let t: &[&str] = if tags { &["rust", "C++"] } else { &[] };
    Arc::new(Manifest {
        site: Site {
            author: "Ada Example".into(),
            base_url: "https://example.com/blog/".into(),
            ..Site::default()
        },
        posts: vec![
            post("newer", "A newer post", "2024-03-01", t),
            post("older", "An older post", "2024-01-01", &[]),
        ],
    })
}

#[test]
fn an_article_is_drawn_with_its_body_title_and_head_tags() {
    let body = InitialBody {
        slug: "newer".into(),
        html: "<p>The body <em>as built</em>.</p>".into(),
    };
    let page = render_page("/posts/newer", "/blog/", manifest(true), Some(body));
    assert_eq!(page.title, "A newer post · Ada Example");
    assert!(page.body.contains("<h1>A newer post</h1>"), "{}", page.body);
    assert!(page.body.contains("<p>The body <em>as built</em>.</p>"));
    // Links are under the base path; the skip link names the page's own path.
    assert!(
        page.body.contains("href=\"/blog/posts/newer#main\""),
        "{}",
        page.body
    );
    assert!(page.body.contains("href=\"/blog/posts/older\""));
    assert!(
        page.body.contains("href=\"/blog/tags/c-plus-plus\""),
        "{}",
        page.body
    );
    let canonical = page
        .head
        .iter()
        .find(|t| t.key == "canonical")
        .expect("a canonical link");
    assert_eq!(canonical.value, "https://example.com/blog/posts/newer");
}

#[test]
fn the_header_has_a_tags_link_only_on_a_site_with_tags() {
    let with = render_page("/", "/", manifest(true), None);
    let without = render_page("/", "/", manifest(false), None);
    assert!(with.body.contains(">Tags</a>"), "{}", with.body);
    assert!(!without.body.contains(">Tags</a>"), "{}", without.body);
    assert!(without.body.contains(">Archive</a>"));
}

#[test]
fn the_tags_page_is_not_found_on_a_site_without_tags() {
    let with = render_page("/tags", "/", manifest(true), None);
    let without = render_page("/tags", "/", manifest(false), None);
    assert!(with.body.contains("<h1>Tags</h1>"), "{}", with.body);
    assert!(!with.body.contains("data-testid=\"not-found\""));
    assert!(
        without.body.contains("data-testid=\"not-found\""),
        "{}",
        without.body
    );
    assert!(!without.body.contains("<h1>Tags</h1>"), "{}", without.body);
}

#[test]
fn the_footer_names_the_author_the_years_and_the_sites_line() {
    let plain = render_page("/", "/", manifest(true), None);
    let footer = &plain.body[plain.body.find("<footer").expect("a footer")..];
    assert!(footer.contains("\u{a9} 2024 Ada Example"), "{footer}");
    assert!(!footer.contains("footer-line"), "{footer}");
    let mut site = (*manifest(true)).clone();
    site.site.footer = "Typeset with care.".into();
    site.posts[1].date = "2019-05-05".into();
    let page = render_page("/archive", "/", std::sync::Arc::new(site), None);
    let footer = &page.body[page.body.find("<footer").expect("a footer")..];
    assert!(
        footer.contains("\u{a9} 2019\u{2013}2024 Ada Example"),
        "{footer}"
    );
    assert!(footer.contains("Typeset with care."), "{footer}");
}

#[test]
fn each_route_draws_its_own_page() {
    let m = manifest(true);
    for (path, h1) in [
        ("/", "Ada Example"),
        ("/archive", "Archive"),
        ("/tags", "Tags"),
        ("/search", "Search"),
        ("/posts/nope", "Page not found"),
        ("/nowhere", "Page not found"),
    ] {
        let page = render_page(path, "/", m.clone(), None);
        let at = page
            .body
            .find("<h1")
            .unwrap_or_else(|| panic!("{path}: no h1"));
        let heading = &page.body[at..];
        let text: String = heading[heading.find('>').unwrap() + 1..heading.find("</h1>").unwrap()]
            .replace("<!>", "");
        assert!(text.contains(h1), "{path}: h1 {text:?}");
        assert_eq!(page.body.matches("<h1").count(), 1, "{path}: one h1");
    }
    let tag = render_page("/tags/c-plus-plus", "/", m, None);
    assert!(tag.body.contains("#C++"), "{}", tag.body);
    assert!(tag.body.contains("A newer post"));
    assert!(!tag.body.contains("An older post"));
}

#[test]
fn every_id_the_page_draws_is_one_no_post_can_take() {
    // The build's sanitizer renames a post's id that the page uses (folio_core::page_ids), so
    // every id the page itself draws around a post or the bio must be listed there.
    let body = InitialBody {
        slug: "newer".into(),
        html: String::new(),
    };
    for (route, body) in [("/posts/newer", Some(body)), ("/", None)] {
        let page = render_page(route, "/blog/", manifest(true), body);
        let ids: Vec<&str> = page
            .body
            .split(" id=\"")
            .skip(1)
            .map(|rest| &rest[..rest.find('"').unwrap()])
            .collect();
        assert!(ids.contains(&"main"), "{}", page.body);
        for id in ids {
            assert!(
                folio_core::page_ids::APP_IDS.contains(&id),
                "{route}: {id} is not in APP_IDS"
            );
        }
    }
}

#[test]
fn an_article_ends_with_its_read_next_posts_title_and_date() {
    let mut m = (*manifest(true)).clone();
    m.posts
        .push(post("third", "A third post", "2023-06-01", &[]));
    m.posts[0].related = vec![2, 1, 99];
    let page = render_page("/posts/newer", "/blog/", Arc::new(m.clone()), None);
    let section = &page.body[page
        .body
        .find("data-testid=\"read-next\"")
        .expect("a Read next section")..];
    let section = &section[..section.find("</section>").unwrap()];
    assert!(section.contains("Read next</h2>"), "{section}");
    // In the pipeline's order; a position naming no post is skipped.
    let third = section.find("href=\"/blog/posts/third\"").expect("third");
    let older = section.find("href=\"/blog/posts/older\"").expect("older");
    assert!(third < older, "{section}");
    assert!(
        section.contains("<time datetime=\"2023-06-01\">"),
        "{section}"
    );
    assert_eq!(section.matches("<li").count(), 2, "{section}");

    // A post with no related posts has no section.
    let page = render_page("/posts/older", "/blog/", Arc::new(m), None);
    assert!(!page.body.contains("read-next"), "{}", page.body);
}

#[test]
fn a_tag_page_links_its_feed_when_the_site_writes_feeds() {
    let mut m = (*manifest(true)).clone();
    m.site.feed_url = "atom.xml".into();
    let page = render_page("/tags/c-plus-plus", "/blog/", Arc::new(m.clone()), None);
    // Under the count, under the base path; the browser's to open, not the router's.
    assert!(
        page.body.contains(
            "<p class=\"tag-feed\"><a rel=\"external\" href=\"/blog/tags/c-plus-plus/atom.xml\" \
             data-testid=\"tag-feed\">RSS feed of #C++</a></p>"
        ),
        "{}",
        page.body
    );

    // No base URL, no feeds written; no feed link asked for: no link.
    for edit in [
        |m: &mut Manifest| m.site.base_url.clear(),
        |m: &mut Manifest| m.site.feed_url.clear(),
    ] {
        let mut m = m.clone();
        edit(&mut m);
        let page = render_page("/tags/c-plus-plus", "/blog/", Arc::new(m), None);
        assert!(!page.body.contains("atom.xml"), "{}", page.body);
    }
}
