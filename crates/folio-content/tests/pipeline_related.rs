#![cfg(not(target_arch = "wasm32"))]
//! "Read next" as the pipeline writes it into the manifest.

mod common;

use std::fs;

use common::{toml_post, Fixture};
use folio_content::build;

#[test]
fn the_manifest_names_each_posts_related_posts_never_itself_or_a_draft() {
    let fx = Fixture::new();
    let post = |file: &str, title: &str, date: &str, extra: &str, body: &str| {
        fx.write(file, toml_post(title, date, extra, body));
    };
    post(
        "gc1.md",
        "Garbage collector pauses",
        "2024-01-01",
        "",
        "The garbage collector paused the heap for seconds.\n",
    );
    post(
        "gc2.md",
        "Tuning the garbage collector",
        "2024-02-01",
        "",
        "Heap sizing and garbage collector flags.\n",
    );
    post(
        "gc3.md",
        "Garbage collector logs",
        "2023-02-01",
        "",
        "Reading garbage collector logs of the heap.\n",
    );
    post(
        "k8s.md",
        "Kubernetes pods",
        "2024-03-01",
        "",
        "Pods, nodes and the scheduler.\n",
    );
    post(
        "k8s2.md",
        "Kubernetes nodes",
        "2023-03-01",
        "",
        "Nodes and pods under the scheduler.\n",
    );
    post(
        "draft.md",
        "Garbage collector draft",
        "2024-01-15",
        "draft = true",
        "The garbage collector heap heap heap.\n",
    );
    let report = build(&fx.options()).expect("build");
    let posts = &report.manifest.posts;
    let slug = |i: &u32| posts[*i as usize].slug.as_str();
    let related = |s: &str| -> Vec<&str> {
        let post = posts.iter().find(|p| p.slug == s).expect("published");
        post.related.iter().map(slug).collect()
    };
    assert_eq!(related("gc1")[..2], ["gc2", "gc3"]);
    assert_eq!(related("k8s")[0], "k8s2");
    for post in posts {
        assert!(post.related.len() <= 3);
        assert!(!post
            .related
            .iter()
            .map(slug)
            .any(|s| s == post.slug || s == "draft"));
    }

    // Positions in the manifest's post list, as the app reads them.
    let json: serde_json::Value =
        serde_json::from_slice(&fs::read(fx.out().join("manifest.json")).expect("manifest"))
            .expect("JSON");
    let first = &json["posts"][0];
    assert_eq!(first["slug"], posts[0].slug.as_str());
    let written: Vec<u32> = first["related"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|v| v.as_u64().expect("a position") as u32)
        .collect();
    assert_eq!(written, posts[0].related);
}
