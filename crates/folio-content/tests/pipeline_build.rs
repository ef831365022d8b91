#![cfg(not(target_arch = "wasm32"))]
//! Whole builds on small fixtures: output files, ordering, publishing rules, slugs, the site
//! file, and every kind of bad input leaving the previous output untouched.

mod common;

use std::fs;
use std::path::Path;

use common::{only_post, toml_post, Fixture};
use folio_content::{build, BuildError, Options};
use folio_core::model::{Manifest, Site};

fn build_fixture(fx: &Fixture) -> Result<folio_content::Report, BuildError> {
    build(&fx.options())
}

#[test]
fn writes_manifest_and_bodies_without_front_matter() {
    let fx = Fixture::new();
    fx.write(
        "hello.md",
        toml_post(
            "Hello",
            "2020-01-01",
            "tags = [\"a\"]",
            "# Hi\n\nBody text.\n",
        ),
    );
    fx.write(
        "bundle/index.md",
        "---\ntitle: Bundle\ndate: 2021-01-01\n---\nBundled.\n",
    );
    let report = build_fixture(&fx).expect("build");
    assert_eq!(
        fx.written(),
        [
            "out/bodies/bundle.html",
            "out/bodies/hello.html",
            "out/manifest.json",
            "out/posts/bundle.md",
            "out/posts/hello.md",
            "out/robots.txt"
        ],
        "no base URL: no feeds or sitemap"
    );
    let manifest: Manifest =
        serde_json::from_slice(&fs::read(fx.out().join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest, report.manifest);
    assert_eq!(
        manifest.site,
        Site::default(),
        "no site file: plain defaults"
    );
    assert_eq!(
        fs::read_to_string(fx.out().join("posts/hello.md")).unwrap(),
        "# Hi\n\nBody text.\n"
    );
    assert_eq!(
        fs::read_to_string(fx.out().join("posts/bundle.md")).unwrap(),
        "Bundled.\n"
    );
    let json = fs::read_to_string(fx.out().join("manifest.json")).unwrap();
    assert!(
        !json.contains("Body text"),
        "the manifest carries no bodies"
    );
}

#[test]
fn posts_are_newest_first_with_title_then_slug_breaking_ties() {
    let fx = Fixture::new();
    fx.write("old.md", toml_post("Old", "2019-01-01", "", ""));
    fx.write("b.md", toml_post("Same day B", "2020-05-05", "", ""));
    fx.write("a2.md", toml_post("Same day A", "2020-05-05", "", ""));
    fx.write(
        "a1.md",
        toml_post("Same day A", "2020-05-05T23:00:00Z", "", ""),
    );
    fx.write("new.md", toml_post("New", "2021-01-01", "", ""));
    let slugs: Vec<_> = fx
        .report()
        .manifest
        .posts
        .into_iter()
        .map(|p| p.slug)
        .collect();
    assert_eq!(slugs, ["new", "a1", "a2", "b", "old"]);
}

#[test]
fn drafts_and_future_posts_need_their_flags() {
    let fx = Fixture::new();
    fx.write("live.md", toml_post("Live", "2024-06-01", "", "")); // "today" in the fixture
    fx.write(
        "draft.md",
        toml_post("Draft", "2024-01-01", "draft = true", ""),
    );
    fx.write("soon.md", "---\ntitle: Soon\ndate: 2024-06-02\n---\n");
    fx.write(
        "both.md",
        toml_post("Both", "2030-01-01", "draft = true", ""),
    );
    let published = |options: &Options| -> Vec<String> {
        let report = folio_content::prepare(options).expect("build");
        let mut slugs: Vec<_> = report.manifest.posts.into_iter().map(|p| p.slug).collect();
        slugs.sort();
        slugs
    };
    let mut options = fx.options();
    let report = folio_content::prepare(&options).unwrap();
    assert_eq!((report.drafts_skipped, report.future_skipped), (2, 1));
    assert_eq!(published(&options), ["live"]);
    options.include_drafts = true;
    assert_eq!(published(&options), ["draft", "live"]);
    options.include_future = true;
    assert_eq!(published(&options), ["both", "draft", "live", "soon"]);
    options.include_drafts = false;
    assert_eq!(published(&options), ["live", "soon"]);
}

#[test]
fn slugs_from_front_matter_stem_and_bundle_folder() {
    let fx = Fixture::new();
    fx.write("Mixed-Case.md", toml_post("Stem", "2020-01-01", "", ""));
    fx.write(
        "posts/my-bundle/index.md",
        toml_post("Bundle", "2020-01-02", "", ""),
    );
    fx.write(
        "x.md",
        toml_post("Explicit", "2020-01-03", "slug = \"chosen\"", ""),
    );
    let report = fx.report();
    let mut slugs: Vec<_> = report
        .manifest
        .posts
        .iter()
        .map(|p| p.slug.as_str())
        .collect();
    slugs.sort();
    assert_eq!(slugs, ["Mixed-Case", "chosen", "my-bundle"]);
}

#[test]
fn colliding_slugs_get_numbered_in_path_order() {
    let fx = Fixture::new();
    fx.write("c/same.md", toml_post("Third", "2020-01-01", "", ""));
    fx.write("a/same.md", toml_post("First", "2020-01-02", "", ""));
    fx.write("b/same/index.md", toml_post("Second", "2020-01-03", "", ""));
    fx.write(
        "z.md",
        toml_post("Explicit", "2020-01-04", "slug = \"same-3\"", ""),
    );
    let report = fx.report();
    let title = |slug: &str| report.manifest.post(slug).map(|p| p.title.as_str());
    assert_eq!(title("same"), Some("First"));
    assert_eq!(title("same-2"), Some("Second"));
    assert_eq!(
        title("same-3"),
        Some("Explicit"),
        "an explicit slug is never renamed"
    );
    assert_eq!(title("same-4"), Some("Third"));
}

/// Runs a failing build over `fx` with a previous output in place and checks that the error
/// names `path` (and `line`), and that the previous output is exactly as it was.
fn assert_fails_cleanly(fx: &Fixture, path: &Path, line: Option<usize>, words: &str) -> BuildError {
    fs::create_dir_all(fx.out().join("posts")).unwrap();
    fs::write(fx.out().join("manifest.json"), "previous").unwrap();
    fs::write(fx.out().join("posts/old.md"), "old body").unwrap();
    let before = fx.written();

    let err = build_fixture(fx).expect_err("build should fail");
    assert_eq!(err.path(), path, "{err}");
    assert_eq!(err.line(), line, "{err}");
    let message = err.to_string();
    assert!(message.contains(&path.display().to_string()), "{message}");
    if let Some(line) = line {
        assert!(
            message.contains(&format!("{}:{line}:", path.display())),
            "{message}"
        );
    }
    assert!(
        message.contains(words),
        "{message:?} should mention {words:?}"
    );

    assert_eq!(fx.written(), before, "nothing written, nothing left behind");
    assert_eq!(
        fs::read_to_string(fx.out().join("manifest.json")).unwrap(),
        "previous"
    );
    err
}

#[test]
fn duplicate_explicit_slugs_name_both_files() {
    let fx = Fixture::new();
    let first = fx.write("a.md", toml_post("A", "2020-01-01", "slug = \"dup\"", ""));
    let second = fx.write(
        "b.md",
        "---\ntitle: B\ndate: 2020-01-02\n\nslug: dup\n---\n",
    );
    let err = assert_fails_cleanly(&fx, &second, Some(5), "\"dup\"");
    assert!(
        err.to_string().contains(&format!("{}:4", first.display())),
        "{err}"
    );
}

#[test]
fn missing_title_fails_cleanly() {
    let fx = Fixture::new();
    fx.write("ok.md", toml_post("Fine", "2020-01-01", "", ""));
    let path = fx.write("untitled.md", "+++\ndate = 2020-01-01\n+++\nWords.\n");
    assert_fails_cleanly(&fx, &path, Some(1), "missing title");
}

#[test]
fn bad_dates_fail_with_their_line() {
    let fx = Fixture::new();
    let path = fx.write(
        "bad.md",
        "+++\ntitle = \"T\"\n\ndate = \"2020-02-30\"\n+++\n",
    );
    assert_fails_cleanly(&fx, &path, Some(4), "2020-02-30");

    let fx = Fixture::new();
    let path = fx.write("bad.md", "---\ntitle: T\ndate: next tuesday\n---\n");
    assert_fails_cleanly(&fx, &path, Some(3), "next tuesday");

    let fx = Fixture::new();
    let path = fx.write(
        "bad.md",
        "+++\ntitle = \"T\"\npath = \"2020/13/01/x\"\n+++\n",
    );
    assert_fails_cleanly(&fx, &path, Some(3), "2020-13-01");
}

#[test]
fn unterminated_front_matter_fails_cleanly() {
    let fx = Fixture::new();
    let path = fx.write("open.md", "+++\ntitle = \"T\"\ndate = 2020-01-01\n\nBody\n");
    assert_fails_cleanly(&fx, &path, Some(1), "never closed");
}

#[test]
fn invalid_utf8_fails_with_the_line_of_the_bad_byte() {
    let fx = Fixture::new();
    let path = fx.write(
        "latin1.md",
        b"+++\ntitle = \"T\"\ndate = 2020-01-01\n+++\ncaf\xe9\n".as_slice(),
    );
    assert_fails_cleanly(&fx, &path, Some(5), "UTF-8");
}

#[test]
fn invalid_toml_fails_with_its_file_line() {
    let fx = Fixture::new();
    fx.write("fine.md", toml_post("Fine", "2020-01-01", "", ""));
    let path = fx.write(
        "broken.md",
        "+++\ntitle = \"T\"\ndate = 2020-01-01\ntags = [\"a\"\n+++\n",
    );
    assert_fails_cleanly(&fx, &path, Some(4), "TOML");
}

#[test]
fn invalid_yaml_fails_with_its_file_line() {
    let fx = Fixture::new();
    let path = fx.write(
        "broken.md",
        "---\ntitle: T\ndate: 2020-01-01\ntags: [a\nx: 1\n---\n",
    );
    // libyaml gives up on the unclosed list at the next line, 4 lines into the front matter.
    let err = assert_fails_cleanly(&fx, &path, Some(5), "YAML");
    assert!(
        err.to_string().contains("at line 4 column 7"),
        "positions inside the message are file lines too: {err}"
    );
}

#[test]
fn wrong_value_type_fails_with_its_line() {
    let fx = Fixture::new();
    let path = fx.write(
        "typed.md",
        "+++\ntitle = \"T\"\ndate = 2020-01-01\ndraft = \"yes\"\n+++\n",
    );
    assert_fails_cleanly(&fx, &path, Some(4), "draft");
}

#[test]
fn invalid_explicit_slug_fails() {
    let fx = Fixture::new();
    let path = fx.write(
        "evil.md",
        toml_post("T", "2020-01-01", "slug = \"../../etc\"", ""),
    );
    assert_fails_cleanly(&fx, &path, Some(4), "slug");
}

#[test]
fn site_file_fills_the_site_and_highlights() {
    let fx = Fixture::new();
    fx.write(
        "site.toml",
        r#"author = "Ann Author"
tagline = "Notes on delivery"
bio = """
First paragraph.

Second paragraph."""
base_url = "https://ann.example/notes"
feed_url = "atom.xml"
mailing_list_url = "https://example.com/subscribe"
[reach_out]
label = "Reach out"
url = "mailto:ann@example.com"
[[links]]
label = "GitHub"
url = "https://github.com/ann"
[[links]]
label = "Email"
url = "mailto:ann@example.com"
[[highlights]]
slug = "second"
blurb = "The second one."
[[highlights]]
slug = "first"
blurb = "The first one."
"#,
    );
    fx.write("first.md", toml_post("First", "2020-01-01", "", ""));
    fx.write("second.md", toml_post("Second", "2020-01-02", "", ""));
    fx.write("plain.md", toml_post("Plain", "2020-01-03", "", ""));
    let manifest = fx.report().manifest;
    let site = &manifest.site;
    assert_eq!(site.author, "Ann Author");
    assert_eq!(site.tagline, "Notes on delivery");
    assert_eq!(site.bio, "First paragraph.\n\nSecond paragraph.");
    assert_eq!(site.base_url, "https://ann.example/notes/");
    assert_eq!(
        site.bio_html,
        "<p>First paragraph.</p>\n<p>Second paragraph.</p>\n"
    );
    assert_eq!(site.feed_url, "atom.xml");
    assert_eq!(
        site.mailing_list.as_ref().map(|l| l.url.as_str()),
        Some("https://example.com/subscribe")
    );
    assert_eq!(
        site.reach_out.as_ref().map(|l| l.label.as_str()),
        Some("Reach out")
    );
    let labels: Vec<_> = site.links.iter().map(|l| l.label.as_str()).collect();
    assert_eq!(labels, ["GitHub", "Email"]);
    assert_eq!(site.highlights, ["second", "first"], "the author's order");
    assert_eq!(
        manifest.post("second").unwrap().highlight.as_deref(),
        Some("The second one.")
    );
    assert_eq!(
        manifest.post("first").unwrap().highlight.as_deref(),
        Some("The first one.")
    );
    assert_eq!(manifest.post("plain").unwrap().highlight, None);
}

#[test]
fn site_file_can_live_elsewhere_and_must_exist_when_named() {
    let fx = Fixture::new();
    fx.write("a.md", toml_post("A", "2020-01-01", "", ""));
    let elsewhere = fx.root().join("config/site.toml");
    fs::create_dir_all(elsewhere.parent().unwrap()).unwrap();
    fs::write(&elsewhere, "author = \"Elsewhere\"\n").unwrap();
    let mut options = fx.options();
    options.site_file = Some(elsewhere.clone());
    assert_eq!(
        folio_content::prepare(&options)
            .unwrap()
            .manifest
            .site
            .author,
        "Elsewhere"
    );

    options.site_file = Some(fx.root().join("missing.toml"));
    let err = folio_content::prepare(&options).unwrap_err();
    assert_eq!(err.path(), fx.root().join("missing.toml"));
}

#[test]
fn unknown_site_key_fails_naming_it() {
    let fx = Fixture::new();
    fx.write("a.md", toml_post("A", "2020-01-01", "", ""));
    let path = fx.write("site.toml", "author = \"A\"\n\ntagine = \"typo\"\n");
    assert_fails_cleanly(&fx, &path, Some(3), "tagine");
}

#[test]
fn highlight_of_a_missing_post_fails_with_its_line() {
    let fx = Fixture::new();
    fx.write("a.md", toml_post("A", "2020-01-01", "", ""));
    let path = fx.write(
        "site.toml",
        "[[highlights]]\nslug = \"a\"\nblurb = \"ok\"\n\n[[highlights]]\nslug = \"nope\"\nblurb = \"x\"\n",
    );
    assert_fails_cleanly(&fx, &path, Some(6), "\"nope\"");
}

#[test]
fn highlight_of_an_unpublished_post_is_dropped_with_a_warning() {
    let fx = Fixture::new();
    fx.write("a.md", toml_post("A", "2020-01-01", "", ""));
    fx.write("later.md", toml_post("Later", "2099-01-01", "", ""));
    fx.write(
        "site.toml",
        "[[highlights]]\nslug = \"later\"\n[[highlights]]\nslug = \"a\"\n",
    );
    let report = fx.report();
    assert_eq!(report.manifest.site.highlights, ["a"]);
    assert_eq!(only_post(&report).highlight.as_deref(), Some(""));
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w.message.contains("\"later\"")),
        "{:?}",
        report.warnings
    );
}

#[test]
fn a_new_build_replaces_the_old_output_whole() {
    let fx = Fixture::new();
    fx.write("one.md", toml_post("One", "2020-01-01", "", ""));
    build_fixture(&fx).unwrap();
    fs::remove_file(fx.content().join("one.md")).unwrap();
    fx.write("two.md", toml_post("Two", "2020-01-02", "", ""));
    build_fixture(&fx).unwrap();
    assert_eq!(
        fx.written(),
        [
            "out/bodies/two.html",
            "out/manifest.json",
            "out/posts/two.md",
            "out/robots.txt"
        ]
    );
    let search = fx.search_files();
    assert!(
        search.contains(&"out/search/index.bin".to_owned()),
        "{search:?}"
    );
    assert!(
        search.len() >= 3,
        "root, dictionary and postings at least: {search:?}"
    );
}

#[test]
fn output_inside_the_content_folder_is_not_read_back() {
    let fx = Fixture::new();
    fx.write("a.md", toml_post("A", "2020-01-01", "", "Body"));
    let mut options = fx.options();
    options.out_dir = fx.content().join("public");
    build(&options).unwrap();
    assert!(fx.content().join("public/posts/a.md").exists());
    // The written body has no front matter: read back as content it would fail the build.
    let again = build(&options).expect("second build ignores its own output");
    assert_eq!(again.manifest.posts.len(), 1);
}

#[test]
fn hidden_folders_are_not_content() {
    let fx = Fixture::new();
    fx.write("a.md", toml_post("A", "2020-01-01", "", ""));
    fx.write(".git/notes.md", "no front matter");
    fx.write(".draft.md", "no front matter");
    assert_eq!(only_post(&fx.report()).slug, "a");
}

#[test]
fn refuses_an_output_folder_that_holds_the_content() {
    let fx = Fixture::new();
    let post = fx.write("a.md", toml_post("A", "2020-01-01", "", ""));
    for out in [fx.content(), fx.root().to_owned()] {
        let mut options = fx.options();
        options.out_dir = out.clone();
        let err = build(&options).expect_err("must refuse");
        assert_eq!(err.path(), out);
        assert!(err.to_string().contains("holds the content"), "{err}");
        assert!(post.is_file(), "content untouched");
    }
}

#[test]
fn a_post_highlighted_twice_fails() {
    let fx = Fixture::new();
    fx.write("a.md", toml_post("A", "2020-01-01", "", ""));
    let path = fx.write(
        "site.toml",
        "[[highlights]]\nslug = \"a\"\n[[highlights]]\nslug = \"a\"\n",
    );
    assert_fails_cleanly(&fx, &path, Some(4), "twice");
}

#[test]
fn the_written_search_index_finds_posts_by_their_words() {
    let fx = Fixture::new();
    fx.write(
        "one.md",
        toml_post(
            "Tuning garbage collectors",
            "2020-01-01",
            "",
            "Pauses and heaps.\n",
        ),
    );
    fx.write(
        "two.md",
        toml_post(
            "Kubernetes networking",
            "2020-01-02",
            "",
            "Sidecars everywhere.\n",
        ),
    );
    let report = build_fixture(&fx).unwrap();
    let out = fx.root().join("out");
    let mut searcher =
        folio_core::search::Searcher::new(&fs::read(out.join("search/index.bin")).unwrap())
            .unwrap();
    for (query, expected) in [("garbage", "one"), ("sidecar", "two"), ("kubernets", "two")] {
        let query = folio_core::search::parse_query(query);
        searcher
            .load_parts_for(&query, |path| {
                fs::read(out.join(path)).map_err(LoadError::Io)
            })
            .unwrap();
        let hits = searcher.search(&query, 10);
        let slug = &report.manifest.posts[hits[0].doc as usize].slug;
        assert_eq!(slug, expected, "{query:?}");
    }
}

// The fields are read through Debug when a test fails.
#[derive(Debug)]
#[allow(dead_code)]
enum LoadError {
    Io(std::io::Error),
    Format(folio_core::search::FormatError),
}

impl From<folio_core::search::FormatError> for LoadError {
    fn from(e: folio_core::search::FormatError) -> Self {
        LoadError::Format(e)
    }
}
