#![cfg(not(target_arch = "wasm32"))]
//! Posts analyzed apart from the builder (`AnalyzedDoc::new`, which the content pipeline runs on
//! several threads) and added in order give the index, byte for byte, that adding each post
//! with `add_doc` gives, whatever order the analyses ran in.

use folio_core::search::{AnalyzedDoc, BuildOptions, BuiltIndex, DocFields, IndexBuilder};

const POSTS: &[(&str, &[&str], &str, &str)] = &[
    (
        "Async closures",
        &["async", "lang"],
        "Closures that await.",
        "Async closures are stable: an async closure returns a future, and well-known crates can drop their workarounds.",
    ),
    (
        "The compiler's parallel front end",
        &["compiler"],
        "Faster builds.",
        "The parallel front end splits type checking across threads; builds of large crates get faster.",
    ),
    (
        "Crates and closures",
        &[],
        "",
        "A crate of closures, a closure of crates: words shared with the other posts, and new ones.",
    ),
];

fn fields(i: usize, tags: &[String]) -> DocFields<'_> {
    let (title, _, summary, body) = POSTS[i];
    DocFields {
        title,
        tags,
        summary,
        body,
    }
}

fn tags(i: usize) -> Vec<String> {
    POSTS[i].1.iter().map(|t| t.to_string()).collect()
}

fn files(index: &BuiltIndex) -> Vec<(String, Vec<u8>)> {
    index.files.clone()
}

#[test]
fn analyzed_apart_and_added_in_order_is_the_same_index() {
    let tags: Vec<Vec<String>> = (0..POSTS.len()).map(tags).collect();
    let mut one_by_one = IndexBuilder::new();
    for (i, t) in tags.iter().enumerate() {
        one_by_one.add_doc(i as u32, fields(i, t));
    }
    let expected = one_by_one.finish(&BuildOptions::default());

    // Analyzed last post first, as threads may finish, then added in the posts' order.
    let mut analyzed: Vec<(usize, AnalyzedDoc)> = (0..POSTS.len())
        .rev()
        .map(|i| (i, AnalyzedDoc::new(fields(i, &tags[i]))))
        .collect();
    analyzed.sort_by_key(|(i, _)| *i);
    let mut apart = IndexBuilder::new();
    for (i, doc) in analyzed {
        apart.add_analyzed(i as u32, doc);
    }
    let got = apart.finish(&BuildOptions::default());
    assert!(
        expected.files.len() >= 3,
        "a root, a dictionary and postings at least"
    );
    assert_eq!(files(&got), files(&expected));
}
