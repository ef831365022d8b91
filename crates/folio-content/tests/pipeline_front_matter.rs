#![cfg(not(target_arch = "wasm32"))]
//! Front matter as Zola, Hugo, Jekyll and the Go blog write it, read through the public
//! pipeline API.

mod common;

use common::{only_post, toml_post, Fixture};

#[test]
fn toml_front_matter_zola_style() {
    let fx = Fixture::new();
    fx.write(
        "post.md",
        r#"+++
path = "2020/03/12/Rust-1.42"
title = "Announcing Rust 1.42.0"
authors = ["The Rust Release Team"]
description = "Slice patterns and more"
aliases = ["2020/03/12/Rust-1.42.html", " releases/1.42.0 "]

[taxonomies]
tags = ["release", "rust"]
categories = ["news"]

[extra]
release = true
+++

The Rust team is happy to announce a new version.
"#,
    );
    let report = fx.report();
    let post = only_post(&report);
    assert_eq!(post.title, "Announcing Rust 1.42.0");
    assert_eq!(post.slug, "post");
    assert_eq!(post.date, "2020-03-12");
    assert_eq!(post.summary, "Slice patterns and more");
    assert_eq!(post.tags, ["release", "rust"]);
    assert_eq!(post.word_count, 10);
    assert_eq!(post.reading_minutes, 1);
    assert_eq!(post.updated, None);
    let record = &report.posts[0];
    assert_eq!(
        record.aliases,
        [
            "2020/03/12/Rust-1.42.html",
            "releases/1.42.0",
            "2020/03/12/Rust-1.42"
        ],
        "Zola's path is where the post lived: an old URL too"
    );
    assert_eq!(
        record.body,
        "The Rust team is happy to announce a new version.\n"
    );
    assert_eq!(record.source, fx.content().join("post.md"));
}

#[test]
fn yaml_front_matter_hugo_and_jekyll_style() {
    let fx = Fixture::new();
    fx.write(
        "hugo.md",
        "---\ntitle: \"Hugo: post\"\ndate: 2021-05-06T07:08:09+02:00\nupdated: 2021-06-01\n\
         summary: A summary\ntags: [go, \" web \", go]\ncategories: [x]\ndraft: false\n\
         slug: hugo-post\n---\nBody words here.\n",
    );
    let report = fx.report();
    let post = only_post(&report);
    assert_eq!(post.title, "Hugo: post");
    assert_eq!(post.slug, "hugo-post");
    assert_eq!(post.date, "2021-05-06");
    assert_eq!(post.updated.as_deref(), Some("2021-06-01"));
    assert_eq!(post.summary, "A summary");
    assert_eq!(post.tags, ["go", "web"], "trimmed, deduplicated, in order");
    assert_eq!(report.posts[0].published, "2021-05-06T07:08:09+02:00");
}

#[test]
fn description_wins_over_summary_and_either_may_be_missing() {
    let fx = Fixture::new();
    fx.write(
        "a.md",
        toml_post(
            "A",
            "2020-01-01",
            "description = \"D\"\nsummary = \"S\"",
            "x",
        ),
    );
    fx.write("b.md", toml_post("B", "2020-01-02", "summary = \"S\"", "x"));
    fx.write("c.md", toml_post("C", "2020-01-03", "", "x"));
    fx.write(
        "d.md",
        "---\ntitle: D\ndate: 2020-01-04\ndescription: YD\n---\nx\n",
    );
    let report = fx.report();
    let summary = |slug: &str| report.manifest.post(slug).map(|p| p.summary.as_str());
    assert_eq!(summary("a"), Some("D"));
    assert_eq!(summary("b"), Some("S"));
    assert_eq!(summary("c"), Some(""));
    assert_eq!(summary("d"), Some("YD"));
}

#[test]
fn tags_from_both_places_and_jekyll_word_lists() {
    let fx = Fixture::new();
    fx.write(
        "a.md",
        toml_post(
            "A",
            "2020-01-01",
            "tags = [\"x\", \"y\"]\n[taxonomies]\ntags = [\"y\", \"z\"]",
            "",
        ),
    );
    fx.write(
        "b.md",
        "---\ntitle: B\ndate: 2020-01-02\ntags: jekyll  ruby\n---\n",
    );
    let report = fx.report();
    assert_eq!(report.manifest.post("a").unwrap().tags, ["x", "y", "z"]);
    assert_eq!(report.manifest.post("b").unwrap().tags, ["jekyll", "ruby"]);
}

#[test]
fn every_date_form() {
    let fx = Fixture::new();
    // (file, contents, expected day, expected RFC 3339 publication time)
    let cases = [
        (
            "rfc-z.md",
            toml_post("A", "\"2020-03-12T10:00:00Z\"", "", ""),
            "2020-03-12",
            "2020-03-12T10:00:00Z",
        ),
        (
            "rfc-offset.md",
            "---\ntitle: B\ndate: 2020-03-12T23:30:00-05:00\n---\n".to_owned(),
            "2020-03-12",
            "2020-03-12T23:30:00-05:00",
        ),
        (
            "plain-toml.md",
            toml_post("C", "\"2020-03-13\"", "", ""),
            "2020-03-13",
            "2020-03-13T00:00:00Z",
        ),
        (
            "plain-yaml.md",
            "---\ntitle: D\ndate: 2020-03-14\n---\n".to_owned(),
            "2020-03-14",
            "2020-03-14T00:00:00Z",
        ),
        (
            "toml-native-date.md",
            toml_post("E", "2020-03-15", "", ""),
            "2020-03-15",
            "2020-03-15T00:00:00Z",
        ),
        (
            "toml-native-datetime.md",
            toml_post("F", "2020-03-16T08:00:00+01:00", "", ""),
            "2020-03-16",
            "2020-03-16T08:00:00+01:00",
        ),
        (
            "yaml-jekyll-timestamp.md",
            "---\ntitle: G\ndate: 2020-03-17 10:00:00 +0000\n---\n".to_owned(),
            "2020-03-17",
            "2020-03-17T10:00:00Z",
        ),
        (
            "yaml-no-offset.md",
            "---\ntitle: H\ndate: 2020-03-18 09:30:00\n---\n".to_owned(),
            "2020-03-18",
            "2020-03-18T09:30:00Z",
        ),
        (
            "_posts/2020-03-19-jekyll-name.md",
            "---\ntitle: I\n---\nBody\n".to_owned(),
            "2020-03-19",
            "2020-03-19T00:00:00Z",
        ),
        (
            "zola-path.md",
            "+++\ntitle = \"J\"\npath = \"2020/03/20/zola-path\"\n+++\n".to_owned(),
            "2020-03-20",
            "2020-03-20T00:00:00Z",
        ),
        (
            "inside/zola-inside.md",
            "+++\ntitle = \"K\"\npath = \"inside-rust/2020/03/21/zola-inside\"\n+++\n".to_owned(),
            "2020-03-21",
            "2020-03-21T00:00:00Z",
        ),
    ];
    for (file, contents, _, _) in &cases {
        fx.write(file, contents);
    }
    let report = fx.report();
    assert_eq!(report.manifest.posts.len(), cases.len());
    for (file, _, day, published) in &cases {
        let (index, record) = report
            .posts
            .iter()
            .enumerate()
            .find(|(_, r)| r.source == fx.content().join(file))
            .unwrap_or_else(|| panic!("{file} missing"));
        assert_eq!(report.manifest.posts[index].date, *day, "{file}");
        assert_eq!(record.published, *published, "{file}");
    }
    assert!(
        report.manifest.post("jekyll-name").is_some(),
        "Jekyll slug drops the date"
    );
}

#[test]
fn front_matter_date_beats_file_name_and_path() {
    let fx = Fixture::new();
    fx.write(
        "2019-01-01-named.md",
        "+++\ntitle = \"A\"\ndate = 2021-07-07\npath = \"2018/02/02/x\"\n+++\n",
    );
    fx.write(
        "pathy.md",
        "+++\ntitle = \"B\"\ndate = 2021-07-08\npath = \"2018/02/02/y\"\n+++\n",
    );
    let report = fx.report();
    assert_eq!(report.manifest.post("named").unwrap().date, "2021-07-07");
    assert_eq!(report.manifest.post("pathy").unwrap().date, "2021-07-08");
}

#[test]
fn bom_and_crlf_are_tolerated() {
    let fx = Fixture::new();
    fx.write(
        "bom.md",
        "\u{feff}+++\r\ntitle = \"With BOM\"\r\ndate = 2020-01-01\r\n+++\r\n\r\nHello CRLF world\r\n",
    );
    fx.write(
        "yaml.md",
        "\u{feff}---\r\ntitle: Yaml CRLF\r\ndate: 2020-01-02\r\n---\r\nHi\r\n",
    );
    let report = fx.report();
    let bom = report.manifest.post("bom").expect("BOM post");
    assert_eq!(bom.title, "With BOM");
    assert_eq!(bom.word_count, 3);
    assert_eq!(report.manifest.post("yaml").unwrap().title, "Yaml CRLF");
    let record = report.posts.iter().find(|p| p.slug == "bom").unwrap();
    assert_eq!(record.body, "Hello CRLF world\r\n");
}

#[test]
fn section_and_template_pages_are_skipped_with_warnings() {
    let fx = Fixture::new();
    fx.write(
        "_index.md",
        "+++\ntitle = \"Blog\"\nsort_by = \"date\"\n+++\n",
    );
    fx.write("releases/_index.md", "not even front matter");
    fx.write(
        "releases/latest.md",
        "+++\ntemplate = \"latest.html\"\n+++\n",
    );
    fx.write("real.md", toml_post("Real", "2020-01-01", "", "Text"));
    let report = fx.report();
    assert_eq!(only_post(&report).slug, "real");
    assert_eq!(report.not_posts, 3);
    // (The other warning: no base URL, so no feeds.)
    let warned: Vec<_> = report
        .warnings
        .iter()
        .map(|w| w.path.clone())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    assert_eq!(
        warned,
        [
            fx.content().join("_index.md"),
            fx.content().join("releases/_index.md"),
            fx.content().join("releases/latest.md"),
        ]
    );
}

#[test]
fn dated_files_without_a_title_are_errors() {
    for (file, contents) in [
        ("body.md", "+++\ndate = 2020-01-01\n+++\nSome body\n"),
        ("empty-body.md", "+++\ndate = 2020-01-01\n+++\n"),
        (
            "blank-title.md",
            "---\ntitle: \"  \"\ndate: 2020-01-01\n---\nBody\n",
        ),
    ] {
        let fx = Fixture::new();
        let path = fx.write(file, contents);
        let err = fx.error();
        assert_eq!(err.path(), path, "{file}");
        assert_eq!(err.line(), Some(1), "{file}");
        assert!(err.to_string().contains("missing title"), "{file}: {err}");
    }
}

#[test]
fn unknown_keys_are_ignored_in_both_formats() {
    let fx = Fixture::new();
    fx.write(
        "a.md",
        "---\ntitle: A\ndate: 2020-01-01\nlayout: post\nauthor: {name: x}\ncategories: [a]\n---\n",
    );
    fx.write(
        "b.md",
        toml_post("B", "2020-01-02", "weight = 3\n[extra]\nx = [1, 2]", ""),
    );
    assert_eq!(fx.report().manifest.posts.len(), 2);
}
