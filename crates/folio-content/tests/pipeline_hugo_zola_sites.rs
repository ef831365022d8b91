#![cfg(not(target_arch = "wasm32"))]
//! Hugo and Zola sites built as they are (issue 13): the site's root or its `content/` folder
//! given, front matter after blank lines and a BOM, unpadded dates, `static/` published at the
//! root, a site's own `baseurl` shortcode, taxonomies as tags, links by old addresses.

mod common;

use common::Fixture;
use folio_content::{prepare, Options, Report};

fn body<'a>(report: &'a Report, slug: &str) -> &'a str {
    &report
        .posts
        .iter()
        .find(|p| p.slug == slug)
        .expect(slug)
        .html
}

/// A Hugo site: `hugo.toml`, `layouts/shortcodes/`, `static/` and `content/` side by side.
fn hugo_site() -> Fixture {
    let fx = Fixture::new();
    fx.write(
        "../hugo.toml",
        "baseURL = \"https://example.org/notes/\"\n[taxonomies]\ntag = \"tags\"\n\
         series = \"series\"\n[permalinks]\nposts = \"/:year/:contentbasename/\"\n",
    );
    fx.write(
        "../layouts/shortcodes/baseurl.html",
        "{{ .Site.BaseURL -}}\n",
    );
    fx.write("../static/img/logo.png", b"not really a png");
    // A blank line and a BOM before the front matter, as real posts have them.
    fx.write(
        "posts/first/index.md",
        "\u{feff}\n+++\ntitle = \"First\"\ndate = \"2024-4-09\"\ntags = [\"rust\"]\n\
         series = [\"Intro\"]\ncategories = [\"ignored\"]\n+++\n\
         ![Logo]({{< baseurl >}}/img/logo.png)\n\n## A section\n",
    );
    fx.write(
        "posts/second.md",
        "\n\n---\ntitle: Second\ndate: 2024-04-10T8:09:26-07:00\n---\n\
         [Back]({{< baseurl >}}/2024/first/) and [there](https://example.org/notes/2024/first/#a-section).\n\n\
         ![Its diagram](/2024/first/diagram.png) in the [Intro series](/series/Intro/).\n",
    );
    fx.write("posts/first/diagram.png", b"not really a png");
    fx
}

#[test]
fn a_hugo_root_builds_from_its_content_folder() {
    let fx = hugo_site();
    // The site's root given: posts come from `content/`, the rest is the theme's.
    let root = fx.content().parent().unwrap().to_owned();
    let mut options = Options::new(&root, fx.root().join("site-out"));
    options.today = fx.options().today;
    let report = prepare(&options).unwrap();
    let slugs: Vec<&str> = report
        .manifest
        .posts
        .iter()
        .map(|p| p.slug.as_str())
        .collect();
    assert_eq!(slugs, ["second", "first"]);
    assert!(report
        .warnings
        .iter()
        .all(|w| !w.path.starts_with(root.join("layouts"))));
    // The same from `content/` itself.
    assert_eq!(fx.report().manifest.posts.len(), 2);
}

#[test]
fn blank_lines_bom_and_unpadded_dates_are_read_as_hugo_reads_them() {
    let report = hugo_site().report();
    let first = report.manifest.post("first").unwrap();
    assert_eq!(first.date, "2024-04-09");
    assert_eq!(report.manifest.post("second").unwrap().date, "2024-04-10");
    assert_eq!(report.not_posts, 0);
}

#[test]
fn static_files_the_address_shortcode_and_old_addresses() {
    let report = hugo_site().report();
    let first = body(&report, "first");
    assert!(first.contains("src=\"files/img/logo.png\""), "{first}");
    assert!(
        report
            .assets
            .iter()
            .any(|a| a.output == "files/img/logo.png"),
        "static/ is published"
    );
    let second = body(&report, "second");
    assert!(second.contains("href=\"posts/first\""), "{second}");
    assert!(
        second.contains("href=\"posts/first#a-section\""),
        "{second}"
    );
    // A bundle's file at its page's old address, a taxonomy term's page.
    assert!(
        second.contains("src=\"files/posts/first/diagram.png\""),
        "{second}"
    );
    assert!(second.contains("href=\"tags/intro\""), "{second}");
    assert!(!second.contains("{{"), "{second}");
}

#[test]
fn the_sites_taxonomies_are_tags() {
    let report = hugo_site().report();
    // `series` is one of the site's taxonomies; `categories` is not, on this site.
    assert_eq!(
        report.manifest.post("first").unwrap().tags,
        ["rust", "Intro"]
    );
}

#[test]
fn a_zola_sites_shortcodes_take_paths_from_the_content_folder() {
    let fx = Fixture::new();
    fx.write(
        "../config.toml",
        "base_url = \"https://example.net\"\ntaxonomies = [{ name = \"tags\" }, { name = \"topics\" }]\n",
    );
    fx.write("blog/a/shot.png", b"not really a png");
    fx.write(
        "blog/a/index.md",
        "+++\ntitle = \"A\"\ndate = 2024-01-02\n[taxonomies]\ntopics = [\"linux\"]\n+++\n\
         {{ figure(image=\"blog/a/shot.png\", alt=\"Shot\") }}\n\n{% aside(kind=\"x\") %}\nKept.\n{% end %}\n\
         [B](/blog/b/)\n",
    );
    // Not a bundle: shown at `/blog/b/`, so `../` is its own folder.
    fx.write(
        "blog/b.md",
        "+++\ntitle = \"B\"\ndate = 2024-01-03\n+++\n![Up](../up.png)\n",
    );
    fx.write("blog/up.png", b"not really a png");
    let report = fx.report();
    let a = body(&report, "a");
    assert!(
        a.contains("<img src=\"files/blog/a/shot.png\" alt=\"Shot\""),
        "{a}"
    );
    assert!(a.contains("<p>Kept.</p>") && !a.contains("aside"), "{a}");
    assert!(a.contains("href=\"posts/b\""), "{a}");
    assert_eq!(report.manifest.post("a").unwrap().tags, ["linux"]);
    assert!(body(&report, "b").contains("src=\"files/blog/up.png\""));
    let lines: Vec<Option<usize>> = report
        .warnings
        .iter()
        .filter(|w| w.path.ends_with("blog/a/index.md"))
        .map(|w| w.line)
        .collect();
    assert_eq!(
        lines,
        [Some(7), Some(9)],
        "each own shortcode named with its line"
    );
}
