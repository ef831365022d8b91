#![cfg(not(target_arch = "wasm32"))]
//! A Jekyll site built as it is (issue 13): `_config.yml` read for `timezone`,
//! `excerpt_separator`, `{{ site.x }}` and the permalinks posts link each other by; `.markdown`
//! posts reached by `post_url` and `link`; categories as tags; root paths to the site's files;
//! a page with unreadable front matter skipped as Jekyll skips it.

mod common;

use common::Fixture;
use folio_content::Report;

fn body<'a>(report: &'a Report, slug: &str) -> &'a str {
    &report
        .posts
        .iter()
        .find(|p| p.slug == slug)
        .expect(slug)
        .html
}

fn site() -> Fixture {
    let fx = Fixture::new();
    fx.write(
        "_config.yml",
        "title: A blog\nrepository: me/blog\ntimezone: America/Los_Angeles\n\
         excerpt_separator: \"<!--cut-->\"\npermalink: /:year/:title/\nbaseurl: \"\"\n",
    );
    fx.write(
        "_posts/2023-01-29-first.markdown",
        "---\ntitle: First\ndate: 2023-01-29 18:30:22 2023 -0800\ncategory: Rust\n\
         categories: [web, \"CI/CD\"]\nreddit: https://reddit.com/r/x\n---\n\
         Summary here.\n<!--cut-->\nCode at {{ site.repository }}, talk on [Reddit]({{ page.reddit }}).\n\n\
         ![Chart](/img/chart.png)\n\n## Second part\n",
    );
    fx.write(
        "_posts/2023-02-01-second.md",
        "---\ntitle: Second\ndate: 2023-02-01 03:00:00\n---\n\
         See [the first]({% post_url 2023-01-29-first %}), [again]({% link _posts/2023-01-29-first.markdown %}),\n\
         [by its old address](/2023/first/#second-part) and [its part](/2023/first/#secondpart).\n",
    );
    fx.write("img/chart.png", b"not really a png");
    // A reveal.js deck whose YAML Jekyll cannot read either: Jekyll warns and goes on.
    fx.write("talks/deck.md", "---\nstyle: pre { a: b }\n---\n# Slides\n");
    fx
}

#[test]
fn dates_follow_the_sites_time_zone_and_rubys_forms() {
    let report = site().report();
    let date = |slug: &str| report.manifest.post(slug).unwrap().date.clone();
    // 18:30 at -08:00 is still the 29th in Los Angeles; Ruby's repeated year is skipped.
    assert_eq!(date("first"), "2023-01-29");
    // A YAML timestamp without offset is UTC: 03:00 UTC is the evening before in Los Angeles.
    assert_eq!(date("second"), "2023-01-31");
}

#[test]
fn site_and_page_values_links_and_root_paths() {
    let report = site().report();
    let first = body(&report, "first");
    assert!(first.contains("Code at me/blog"), "{first}");
    assert!(
        first.contains("<a href=\"https://reddit.com/r/x\""),
        "{first}"
    );
    assert!(first.contains("src=\"files/img/chart.png\""), "{first}");
    let second = body(&report, "second");
    assert_eq!(
        second.matches("href=\"posts/first\"").count(),
        2,
        "{second}"
    );
    // The old permalink (`/:year/:title/`) is the post; the heading id written Jekyll's way
    // (`secondpart`) is Folio's (`second-part`).
    assert_eq!(
        second.matches("href=\"posts/first#second-part\"").count(),
        2,
        "{second}"
    );
    assert!(!second.contains("{%") && !first.contains("{{"), "{second}");
}

#[test]
fn categories_are_tags_and_the_excerpt_separator_comes_from_the_config() {
    let report = site().report();
    let first = report.manifest.post("first").unwrap();
    assert_eq!(first.tags, ["Rust", "web", "CI/CD"]);
    assert_eq!(first.summary, "Summary here.");
}

#[test]
fn a_page_with_unreadable_front_matter_is_skipped_not_fatal() {
    let report = site().report();
    assert_eq!(report.manifest.posts.len(), 2);
    let warning = report
        .warnings
        .iter()
        .find(|w| w.path.ends_with("talks/deck.md"))
        .expect("a warning about the deck");
    assert_eq!(warning.line, Some(2));
    assert!(warning.message.contains("not a post, skipped"), "{warning}");
    assert_eq!(report.skipped, [("pages with unreadable front matter", 1)]);
}

#[test]
fn a_missing_image_is_a_warning_with_its_line() {
    let fx = site();
    fx.write(
        "_posts/2023-03-01-third.md",
        "---\ntitle: Third\n---\nText.\n\n![Gone](/img/gone.png)\n",
    );
    let report = fx.report();
    let warning = report
        .warnings
        .iter()
        .find(|w| w.path.ends_with("2023-03-01-third.md"))
        .expect("a warning about the image");
    assert_eq!(warning.line, Some(6));
    assert_eq!(
        warning.message,
        "missing /img/gone.png: the site has no such file or post"
    );
}
