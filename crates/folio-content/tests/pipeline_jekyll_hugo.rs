#![cfg(not(target_arch = "wasm32"))]
//! Jekyll and Hugo content folders work as they are: their spellings of front-matter keys,
//! Hugo's JSON front matter, Jekyll's file names, `.markdown` files and site machinery, pages
//! that are not posts, and posts ordered by their time of day.

mod common;

use std::fs;

use atom_syndication::Feed;
use common::{only_post, toml_post, Fixture};
use folio_content::build;

#[test]
fn lastmod_and_last_modified_at_are_the_update() {
    let fx = Fixture::new();
    fx.write(
        "hugo.md",
        "---\ntitle: H\ndate: 2024-01-01\nlastmod: 2024-02-02T10:00:00Z\n---\n",
    );
    fx.write(
        "jekyll.md",
        "---\ntitle: J\ndate: 2024-01-01\nlast_modified_at: 2024-03-03\n---\n",
    );
    fx.write(
        "both.md",
        "---\ntitle: B\ndate: 2024-01-01\nupdated: 2024-04-04\nlastmod: 2024-05-05\n---\n",
    );
    let report = fx.report();
    let updated = |slug| report.manifest.post(slug).unwrap().updated.clone();
    assert_eq!(updated("hugo").as_deref(), Some("2024-02-02"));
    assert_eq!(updated("jekyll").as_deref(), Some("2024-03-03"));
    assert_eq!(
        updated("both").as_deref(),
        Some("2024-04-04"),
        "updated wins"
    );
}

#[test]
fn jekyll_excerpt_is_the_summary_when_nothing_else_is() {
    let fx = Fixture::new();
    fx.write(
        "a.md",
        "---\ntitle: A\ndate: 2024-01-01\nexcerpt: The excerpt.\n---\n",
    );
    fx.write(
        "b.md",
        "---\ntitle: B\ndate: 2024-01-01\nexcerpt: No.\ndescription: The description.\n---\n",
    );
    let report = fx.report();
    assert_eq!(report.manifest.post("a").unwrap().summary, "The excerpt.");
    assert_eq!(
        report.manifest.post("b").unwrap().summary,
        "The description."
    );
}

#[test]
fn hugo_url_and_jekyll_permalink_become_redirects() {
    let fx = Fixture::new();
    fx.write(
        "hugo.md",
        "---\ntitle: Hugo\ndate: 2024-01-01\nurl: /2019/old-hugo/\n---\n",
    );
    fx.write(
        "jekyll.md",
        "---\ntitle: Jekyll\ndate: 2024-01-01\npermalink: /blog/old-jekyll.html\n---\n",
    );
    fx.write(
        "own.md",
        "---\ntitle: Own\ndate: 2024-01-01\nurl: /posts/own/\n---\n",
    );
    let pattern = fx.write(
        "pattern.md",
        "---\ntitle: Pattern\ndate: 2024-01-01\n\npermalink: /:year/:title/\n---\n",
    );
    let report = build(&fx.options()).expect("build");
    let mut files: Vec<_> = report
        .redirects
        .iter()
        .map(|r| (r.file.as_str(), r.slug.as_str()))
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            ("2019/old-hugo/index.html", "hugo"),
            ("blog/old-jekyll.html", "jekyll")
        ],
        "an old address that is the post's own needs no redirect"
    );
    let page = fs::read_to_string(fx.out().join("blog/old-jekyll.html")).unwrap();
    assert!(page.contains("url=/posts/jekyll"), "{page}");
    let warning = report
        .warnings
        .iter()
        .find(|w| w.path == pattern)
        .expect("the pattern is warned about");
    assert_eq!(warning.line, Some(5));
    let text = warning.to_string();
    assert!(
        text.starts_with(&format!("{}:5: ", pattern.display())),
        "{text}"
    );
    assert!(text.contains("/:year/:title/"), "{text}");
}

#[test]
fn hugo_json_front_matter() {
    let fx = Fixture::new();
    fx.write(
        "json.md",
        "{\n  \"title\": \"From JSON\",\n  \"date\": \"2024-01-02T08:00:00Z\",\n  \
         \"description\": \"S\",\n  \"tags\": [\"go\", \"web\"],\n  \"slug\": \"json-post\",\n  \
         \"aliases\": [\"/old-json/\"],\n  \"params\": {\"x\": 1}\n}\n\nThe body {with braces}.\n",
    );
    let report = fx.report();
    let post = only_post(&report);
    assert_eq!(
        (post.title.as_str(), post.slug.as_str(), post.date.as_str()),
        ("From JSON", "json-post", "2024-01-02")
    );
    assert_eq!(post.summary, "S");
    assert_eq!(post.tags, ["go", "web"]);
    assert_eq!(report.posts[0].body, "The body {with braces}.\n");
    assert_eq!(report.posts[0].aliases, ["/old-json/"]);

    let fx = Fixture::new();
    let path = fx.write(
        "bad.md",
        "{\n  \"title\": \"T\",\n  \"date\": \"2024-01-02\"\n  \"tags\": []\n}\nBody\n",
    );
    let err = fx.error();
    assert_eq!((err.path(), err.line()), (path.as_path(), Some(4)), "{err}");
    assert!(err.to_string().contains("JSON"), "{err}");

    let fx = Fixture::new();
    let path = fx.write("typed.md", "{\n\"title\": \"T\",\n\"date\": 2024\n}\n");
    let err = fx.error();
    assert_eq!((err.path(), err.line()), (path.as_path(), Some(3)), "{err}");

    let fx = Fixture::new();
    let path = fx.write("open.md", "{\n\"title\": \"T\",\n");
    let err = fx.error();
    assert_eq!((err.path(), err.line()), (path.as_path(), Some(1)), "{err}");
    assert!(err.to_string().contains("never closed"), "{err}");
}

#[test]
fn files_that_are_not_posts_are_skipped_with_a_warning() {
    let fx = Fixture::new();
    let about = fx.write("about.md", "---\ntitle: About me\n---\nHello.\n");
    let readme = fx.write("README.md", "# My blog\n\nBuilt with Jekyll.\n");
    let liquid = fx.write("index.md", "{% for post in site.posts %}{% endfor %}\n");
    fx.write(
        "_posts/2024-01-02-no-title-here.md",
        "---\nlayout: post\n---\nBody.\n",
    );
    let report = fx.report();
    let post = only_post(&report);
    assert_eq!(
        (post.slug.as_str(), post.title.as_str()),
        ("no-title-here", "No Title Here"),
        "Jekyll's title from the file name"
    );
    assert_eq!(report.not_posts, 3);
    for (path, why) in [
        (&about, "no date"),
        (&readme, "no front matter"),
        (&liquid, "no front matter"),
    ] {
        let warnings: Vec<String> = report
            .warnings
            .iter()
            .filter(|w| &w.path == path)
            .map(|w| w.to_string())
            .collect();
        assert_eq!(warnings.len(), 1, "one line per file: {warnings:?}");
        assert!(
            warnings[0].contains(why) && warnings[0].contains("not a post"),
            "{warnings:?}"
        );
    }
}

#[test]
fn markdown_extension_files_are_posts() {
    let fx = Fixture::new();
    fx.write(
        "_posts/2024-01-02-long-name.markdown",
        "---\ntitle: Long\n---\n# Heading\n",
    );
    fx.write(
        "bundle/index.markdown",
        toml_post("Bundled", "2024-01-03", "", "![x](x.png)\n"),
    );
    fx.write("bundle/x.png", b"png");
    build(&fx.options()).expect("build");
    let written = fx.written();
    for file in [
        "out/posts/long-name.md",
        "out/posts/bundle.md",
        "out/files/bundle/x.png",
    ] {
        assert!(written.iter().any(|w| w == file), "{file} in {written:?}");
    }
    assert!(
        !written.iter().any(|w| w.ends_with(".markdown")),
        "{written:?}"
    );
    let html = fs::read_to_string(fx.out().join("bodies/long-name.html")).unwrap();
    assert!(
        // (A body's `#` heading sits below the page's title: an h2.)
        html.contains("<h2 id=\"heading\">"),
        "rendered as Markdown: {html}"
    );
}

#[test]
fn jekyll_machinery_is_neither_read_nor_published() {
    let fx = Fixture::new();
    for file in [
        "_config.yml",
        "_layouts/default.html",
        "_includes/head.md",
        "_site/index.html",
        "_data/authors.yml",
        "_sass/main.scss",
        "Gemfile",
        "Gemfile.lock",
        "node_modules/pkg/README.md",
        "vendor/bundle/gem.rb",
        "blog/vendor/lib.js",
        "blog/node_modules/x.md",
    ] {
        fx.write(file, "---\nnot: [valid\n---\n");
    }
    fx.write(
        "_posts/2024-01-01-kept.md",
        "---\ntitle: Kept\n---\nBody.\n",
    );
    fx.write("_index.md", "+++\ntitle = \"Section\"\n+++\n");
    fx.write("assets/logo.png", b"png");
    let report = build(&fx.options()).expect("machinery is not read");
    assert_eq!(only_post(&report).slug, "kept");
    assert_eq!(
        report.not_posts, 1,
        "Zola's _index.md is still a section page"
    );
    let files: Vec<String> = fx
        .written()
        .into_iter()
        .filter(|f| f.starts_with("out/files/"))
        .collect();
    assert_eq!(files, ["out/files/assets/logo.png"]);
}

#[test]
fn posts_on_one_day_are_ordered_by_their_time() {
    let fx = Fixture::new();
    fx.write("site.toml", "base_url = \"https://example.com/\"\n");
    fx.write(
        "alpha.md",
        toml_post("Alpha", "2024-01-02T10:30:00+01:00", "", ""),
    );
    fx.write(
        "zulu.md",
        "---\ntitle: Zulu\ndate: 2024-01-02 20:00:00 +0000\n---\n",
    );
    fx.write("mike.md", toml_post("Mike", "2024-01-02", "", ""));
    fx.write("kilo.md", toml_post("Kilo", "2024-01-02", "", ""));
    fx.write("next.md", toml_post("Next", "2024-01-03T01:00:00Z", "", ""));
    fx.write("prev.md", toml_post("Prev", "2024-01-01T23:00:00Z", "", ""));
    let report = build(&fx.options()).expect("build");
    let order: Vec<&str> = report
        .manifest
        .posts
        .iter()
        .map(|p| p.title.as_str())
        .collect();
    let expected = ["Next", "Zulu", "Alpha", "Kilo", "Mike", "Prev"];
    assert_eq!(
        order, expected,
        "newest time first; without a time, after the timed posts, by title"
    );
    let feed: Feed = fs::read_to_string(fx.out().join("atom.xml"))
        .unwrap()
        .parse()
        .expect("atom");
    let in_feed: Vec<&str> = feed.entries().iter().map(|e| e.title().as_str()).collect();
    assert_eq!(in_feed, expected);
}
