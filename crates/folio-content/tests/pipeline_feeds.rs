#![cfg(not(target_arch = "wasm32"))]
//! The Atom and RSS feeds, read back the way feed readers read them: `atom_syndication` and
//! `rss` (with its validation), and roxmltree for strict XML well-formedness.

mod common;

use std::fs;

use atom_syndication::Feed;
use common::{toml_post, Fixture};
use folio_content::build;
use rss::validation::Validate;

const SITE: &str = r#"author = "Ann Author"
tagline = "Notes & asides"
base_url = "https://example.com/blog/"
"#;

/// Three posts, given out of order, one with everything a feed has to carry.
fn fixture(site: &str) -> Fixture {
    let fx = Fixture::new();
    fx.write("site.toml", site);
    fx.write(
        "new.md",
        toml_post(
            "New <post> & more",
            "2024-05-01",
            "updated = 2024-05-20\ndescription = \"The summary.\"\ntags = [\"rust\", \"c++\"]",
            "See [the other one](other-post) and ![a chart](img/chart.png).[^n]\n\n\
             <img src=\"raw.png\" alt=\"raw\">\n\n\
             Ampersand &amp; form feed \u{c} here.\n\n[^n]: A note.\n",
        ),
    );
    fx.write(
        "old.md",
        toml_post("Old", "2020-01-01T10:00:00+02:00", "", "Old body.\n"),
    );
    fx.write("mid.md", toml_post("Mid", "2022-03-03", "", "Mid body.\n"));
    fx
}

fn read(fx: &Fixture, file: &str) -> String {
    let text = fs::read_to_string(fx.out().join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
    roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{file} is not XML: {e}"));
    text
}

#[test]
fn atom_feed_reads_back_with_absolute_links_dates_and_full_content() {
    let fx = fixture(SITE);
    let report = build(&fx.options()).expect("build");
    assert_eq!(report.manifest.site.feed_url, "atom.xml");
    let feed: Feed = read(&fx, "atom.xml")
        .parse()
        .expect("atom_syndication reads it");

    assert_eq!(feed.title().as_str(), "Ann Author");
    assert_eq!(feed.subtitle().map(|s| s.as_str()), Some("Notes & asides"));
    assert_eq!(feed.id(), "https://example.com/blog/");
    let self_link = feed.links().iter().find(|l| l.rel() == "self").unwrap();
    assert_eq!(self_link.href(), "https://example.com/blog/atom.xml");
    assert_eq!(feed.authors()[0].name(), "Ann Author");
    assert_eq!(feed.updated().to_rfc3339(), "2024-05-20T00:00:00+00:00");

    let ids: Vec<&str> = feed.entries().iter().map(|e| e.id()).collect();
    assert_eq!(
        ids,
        [
            "https://example.com/blog/posts/new",
            "https://example.com/blog/posts/mid",
            "https://example.com/blog/posts/old"
        ],
        "newest first"
    );
    for entry in feed.entries() {
        assert_eq!(entry.links()[0].href(), entry.id());
    }

    let new = &feed.entries()[0];
    assert_eq!(new.title().as_str(), "New <post> & more");
    assert_eq!(
        new.published().unwrap().to_rfc3339(),
        "2024-05-01T00:00:00+00:00"
    );
    assert_eq!(new.updated().to_rfc3339(), "2024-05-20T00:00:00+00:00");
    assert_eq!(new.summary().unwrap().as_str(), "The summary.");
    let tags: Vec<&str> = new.categories().iter().map(|c| c.term()).collect();
    assert_eq!(tags, ["rust", "c++"]);

    let content = new.content().unwrap();
    assert_eq!(content.content_type(), Some("html"));
    let html = content.value().unwrap();
    for absolute in [
        r#"href="https://example.com/blog/other-post""#,
        r#"src="https://example.com/blog/img/chart.png""#,
        r#"src="https://example.com/blog/raw.png""#,
        r##"href="https://example.com/blog/posts/new#"##,
    ] {
        assert!(html.contains(absolute), "{absolute} in {html}");
    }
    assert!(html.contains("<p>See "), "the content is HTML: {html}");
    assert!(!html.contains('\u{c}'), "no character XML cannot hold");

    let old = &feed.entries()[2];
    assert_eq!(
        old.published().unwrap().to_rfc3339(),
        "2020-01-01T10:00:00+02:00",
        "a time and offset are kept"
    );
    assert_eq!(old.updated(), old.published().unwrap());
    assert!(old.summary().is_none() && old.categories().is_empty());
}

#[test]
fn rss_feed_validates_and_carries_the_same_posts() {
    let fx = fixture(SITE);
    build(&fx.options()).expect("build");
    let channel = rss::Channel::read_from(read(&fx, "rss.xml").as_bytes()).expect("rss reads it");
    channel.validate().expect("valid RSS 2.0: dates, URLs");

    assert_eq!(channel.title(), "Ann Author");
    assert_eq!(channel.link(), "https://example.com/blog/");
    assert_eq!(channel.description(), "Notes & asides");
    let links: Vec<_> = channel.items().iter().map(|i| i.link().unwrap()).collect();
    assert_eq!(
        links,
        [
            "https://example.com/blog/posts/new",
            "https://example.com/blog/posts/mid",
            "https://example.com/blog/posts/old"
        ]
    );
    let new = &channel.items()[0];
    let guid = new.guid().unwrap();
    assert!(guid.is_permalink());
    assert_eq!(guid.value(), "https://example.com/blog/posts/new");
    assert_eq!(new.pub_date(), Some("Wed, 01 May 2024 00:00:00 +0000"));
    assert_eq!(
        channel.items()[2].pub_date(),
        Some("Wed, 01 Jan 2020 10:00:00 +0200")
    );
    let categories: Vec<_> = new.categories().iter().map(|c| c.name()).collect();
    assert_eq!(categories, ["rust", "c++"]);
    let html = new.description().unwrap();
    assert!(
        html.contains(r#"src="https://example.com/blog/img/chart.png""#),
        "{html}"
    );
    assert_eq!(
        channel.last_build_date(),
        Some("Mon, 20 May 2024 00:00:00 +0000")
    );
}

#[test]
fn feed_content_has_no_table_of_contents_or_heading_anchors() {
    // On the page they navigate; in a feed reader they are a list of dead links and stray `#`s.
    let fx = Fixture::new();
    fx.write("site.toml", SITE);
    fx.write(
        "long.md",
        toml_post(
            "Long",
            "2024-01-01",
            "",
            "Intro.\n\n## First\n\nA.\n\n## Second\n\nB.\n\n## Third\n\nC.\n",
        ),
    );
    build(&fx.options()).expect("build");
    let page = fs::read_to_string(fx.out().join("bodies/long.html")).unwrap();
    assert!(page.contains("class=\"toc\"") && page.contains("heading-anchor"));
    let feed: Feed = read(&fx, "atom.xml").parse().unwrap();
    let rss = rss::Channel::read_from(read(&fx, "rss.xml").as_bytes()).unwrap();
    let atom_html = feed.entries()[0].content().unwrap().value().unwrap();
    let rss_html = rss.items()[0].description().expect("rss description");
    for html in [atom_html, rss_html] {
        assert!(
            !html.contains("toc") && !html.contains("heading-anchor"),
            "{html}"
        );
        assert!(!html.contains(">#</a>"), "{html}");
        assert!(html.contains("<h2 id=\"first\">First</h2>"), "{html}");
        assert!(html.starts_with("<p>Intro.</p>"), "{html}");
    }
}

#[test]
fn feed_limit_keeps_the_newest_posts_and_zero_keeps_all() {
    let count = |site: &str| {
        let fx = fixture(site);
        build(&fx.options()).expect("build");
        let feed: Feed = read(&fx, "atom.xml").parse().unwrap();
        let rss = rss::Channel::read_from(read(&fx, "rss.xml").as_bytes()).unwrap();
        assert_eq!(feed.entries().len(), rss.items().len());
        feed.entries()
            .iter()
            .map(|e| e.title().as_str().to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        count(&format!("{SITE}feed_limit = 1\n")),
        ["New <post> & more"]
    );
    assert_eq!(count(&format!("{SITE}feed_limit = 0\n")).len(), 3);
    assert_eq!(count(SITE).len(), 3, "the default (20) is more than 3");
}

#[test]
fn a_site_without_posts_still_has_a_valid_feed() {
    let fx = Fixture::new();
    fx.write("site.toml", SITE);
    build(&fx.options()).expect("build");
    let feed: Feed = read(&fx, "atom.xml").parse().unwrap();
    assert!(feed.entries().is_empty());
    rss::Channel::read_from(read(&fx, "rss.xml").as_bytes())
        .unwrap()
        .validate()
        .unwrap();
}

#[test]
fn feed_url_follows_what_is_written() {
    // No base URL: no feed, so no link to one (a warning says why the given one was dropped).
    let fx = fixture("author = \"A\"\nfeed_url = \"atom.xml\"\n");
    let report = build(&fx.options()).expect("build");
    assert_eq!(report.manifest.site.feed_url, "");
    assert!(!fx.out().join("atom.xml").exists());
    assert!(!fx.out().join("rss.xml").exists());
    assert!(report
        .warnings
        .iter()
        .any(|w| w.message.contains("feed_url")));

    // An external feed is kept as given.
    let fx = fixture(&format!("{SITE}feed_url = \"https://feeds.example/ann\"\n"));
    let report = build(&fx.options()).expect("build");
    assert_eq!(report.manifest.site.feed_url, "https://feeds.example/ann");

    // A relative URL no build writes is a mistake, named with its line.
    let fx = fixture(&format!("{SITE}feed_url = \"feed.xml\"\n"));
    let err = build(&fx.options()).unwrap_err();
    assert_eq!(err.line(), Some(4));
    assert!(err.to_string().contains("feed.xml"), "{err}");
    assert!(!fx.out().exists(), "nothing written");
}

#[test]
fn under_a_sub_path_every_feed_url_has_it() {
    let fx = fixture("author = \"A\"\nbase_url = \"https://example.com/\"\n");
    let mut options = fx.options();
    options.base_path = Some("/blog/".parse().unwrap());
    let report = build(&options).expect("build");
    assert_eq!(report.manifest.site.base_url, "https://example.com/blog/");
    let feed: Feed = read(&fx, "atom.xml").parse().unwrap();
    assert_eq!(feed.id(), "https://example.com/blog/");
    assert_eq!(feed.entries()[0].id(), "https://example.com/blog/posts/new");
    let html = feed.entries()[0].content().unwrap().value().unwrap();
    assert!(
        html.contains(r#"src="https://example.com/blog/img/chart.png""#),
        "{html}"
    );
}

#[test]
fn srcset_with_data_urls_and_commas_reaches_the_feeds_whole() {
    // A data: URL holds commas; a srcset's candidates are split as HTML splits them, so it stays
    // one candidate, and the file candidate beside it is published and made absolute.
    let fx = Fixture::new();
    fx.write("site.toml", SITE);
    fx.write(
        "posts/pics/index.md",
        toml_post(
            "Pics",
            "2024-01-01",
            "",
            "<img src=\"pic.png\" alt=\"p\" srcset=\"data:image/png;base64,AAAA,BBBB 1x, pic.png 2x\">\n\n\
             <picture><source srcset=\"pic.png 1x,data:image/gif;base64,R0lG,ODlh 2x\"><img src=\"pic.png\" alt=\"q\"></picture>\n",
        ),
    );
    fx.write("posts/pics/pic.png", b"not read: no size".as_slice());
    build(&fx.options()).expect("build");

    let want = [
        r#"srcset="data:image/png;base64,AAAA,BBBB 1x, https://example.com/blog/files/posts/pics/pic.png 2x""#,
        r#"srcset="https://example.com/blog/files/posts/pics/pic.png 1x,data:image/gif;base64,R0lG,ODlh 2x""#,
    ];
    let feed: Feed = read(&fx, "atom.xml").parse().expect("atom");
    let atom_html = feed.entries()[0]
        .content()
        .unwrap()
        .value()
        .unwrap()
        .to_owned();
    let channel = rss::Channel::read_from(read(&fx, "rss.xml").as_bytes()).expect("rss");
    let rss_html = channel.items()[0].description().unwrap().to_owned();
    for html in [&atom_html, &rss_html] {
        for srcset in want {
            assert!(html.contains(srcset), "{srcset} in {html}");
        }
    }
}
