#![cfg(not(target_arch = "wasm32"))]
//! The search index is built from the published (sanitized) HTML, so what is indexed is what a
//! reader sees: raw HTML's character references decoded, text the reader never sees (inside
//! `<svg>`, `<math>`, scripts) left out, generic types shown as text indexed.

mod common;

use std::fs;

use common::{toml_post, Fixture};
use folio_content::build;
use folio_core::search::{parse_query, Searcher};

/// The built site's searcher, with every part loaded.
fn searcher(fx: &Fixture) -> Searcher {
    let out = fx.out();
    let mut searcher = Searcher::new(&fs::read(out.join("search/index.bin")).expect("index.bin"))
        .expect("a valid index");
    for part in searcher.all_parts() {
        let bytes = fs::read(out.join(&part)).unwrap_or_else(|e| panic!("{part}: {e}"));
        searcher.add_part(&part, &bytes).expect("a valid part");
    }
    searcher
}

/// The titles of the posts a query finds.
fn found(fx: &Fixture, searcher: &Searcher, query: &str) -> Vec<String> {
    let manifest: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(fx.out().join("manifest.json")).unwrap()).unwrap();
    searcher
        .search(&parse_query(query), 10)
        .into_iter()
        .map(|hit| {
            manifest["posts"][hit.doc as usize]["title"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect()
}

#[test]
fn raw_html_is_indexed_as_the_reader_sees_it() {
    let fx = Fixture::new();
    fx.write(
        "cafe.md",
        toml_post(
            "Raw",
            "2024-01-01",
            "",
            "<p>A caf&eacute; &mdash; na&iuml;ve &#x263A; visit.</p>\n\n\
             <svg><text>invisiblesvgword</text></svg>\n\n\
             <math><mi>invisiblemathword</mi></math>\n\n\
             <script>invisiblescriptword()</script>\n\n\
             <div>\n<Vec<Widget>> holds widgets\n</div>\n",
        ),
    );
    fx.write(
        "other.md",
        toml_post("Other", "2024-01-02", "", "Plain tea, nothing else.\n"),
    );
    build(&fx.options()).expect("build");
    let searcher = searcher(&fx);

    assert_eq!(found(&fx, &searcher, "café"), ["Raw"]);
    assert_eq!(found(&fx, &searcher, "naïve"), ["Raw"]);
    assert_eq!(
        found(&fx, &searcher, "widget"),
        ["Raw"],
        "text shown as text is indexed"
    );
    for unseen in [
        "invisiblesvgword",
        "invisiblemathword",
        "invisiblescriptword",
    ] {
        assert!(
            found(&fx, &searcher, unseen).is_empty(),
            "{unseen} is indexed"
        );
    }

    // The snippet text is the same text: decoded, no replacement characters.
    let doc = searcher.search(&parse_query("café"), 1)[0].doc;
    let text_path = searcher.text_path(doc).expect("a text file");
    let text = fs::read_to_string(fx.out().join(text_path)).unwrap();
    assert!(text.contains("A café — naïve ☺ visit."), "{text}");
    assert!(text.contains("<Vec<Widget>> holds widgets"), "{text}");
    assert!(!text.contains('\u{FFFD}') && !text.contains("&"), "{text}");
}

#[test]
fn word_counts_are_the_words_a_reader_reads() {
    let fx = Fixture::new();
    // Seven words: the script's and the comment's are not read, the code is.
    fx.write(
        "post.md",
        toml_post(
            "Count",
            "2024-01-01",
            "",
            "One <b>two</b> three.\n\n<script>not read at all</script>\n\n<!-- nor this -->\n\n`four` five\n\n```\nsix seven\n```\n",
        ),
    );
    let report = build(&fx.options()).expect("build");
    assert_eq!(common::only_post(&report).word_count, 7);
}
