#![cfg(not(target_arch = "wasm32"))]
//! Links between posts, as Zola (`@/…`), Hugo (`ref`, `relref`), Jekyll (`post_url`) and plain
//! Markdown (`other.md`) write them, go to the target post's page; a link to a Markdown file
//! that is no published post is kept as written, with a warning naming the file and line.

mod common;

use std::fs;

use common::{toml_post, Fixture};
use folio_content::{build, Report};

/// The `href` of each link in a post's rendered body, in order.
fn hrefs(report: &Report, slug: &str) -> Vec<String> {
    let post = report
        .posts
        .iter()
        .find(|p| p.slug == slug)
        .unwrap_or_else(|| panic!("no post {slug}"));
    post.html
        .split("<a href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|href| !href.starts_with('#')) // heading anchors
        .map(str::to_owned)
        .collect()
}

fn warnings(report: &Report) -> Vec<String> {
    report.warnings.iter().map(|w| w.to_string()).collect()
}

/// A Zola-style blog, a Jekyll `_posts` folder and a Hugo section, linking each other.
fn fixture() -> Fixture {
    let fx = Fixture::new();
    fx.write(
        "blog/other.md",
        toml_post("Other", "2024-01-01", "", "## Section\n"),
    );
    fx.write("blog/b.md", toml_post("B", "2024-01-02", "", "b\n"));
    fx.write("2024/post.md", toml_post("Post", "2024-01-03", "", "p\n"));
    fx.write(
        "blog/draft.md",
        toml_post("Draft", "2024-01-04", "draft = true", "d\n"),
    );
    fx.write(
        "_posts/2024-02-03-second.md",
        "---\ntitle: Second\n---\nJekyll post.\n",
    );
    fx.write(
        "hugo/toml-post.md",
        toml_post("TOML post", "2024-01-05", "", "h\n"),
    );
    fx
}

#[test]
fn zola_and_relative_markdown_links_go_to_the_post_page() {
    let fx = fixture();
    fx.write(
        "blog/linking.md",
        toml_post(
            "Linking",
            "2024-03-01",
            "",
            "[x](@/blog/other.md) and [y](@/blog/other.md#section).\n\n\
             [b](b.md), [up](../2024/post.md#x), [self](./linking.md)\n\n\
             [ref]: @/hugo/toml-post.md\n\nBy [reference][ref].\n",
        ),
    );
    let report = fx.report();
    assert_eq!(
        hrefs(&report, "linking"),
        [
            "posts/other",
            "posts/other#section",
            "posts/b",
            "posts/post#x",
            "posts/linking",
            "posts/toml-post"
        ]
    );
    // Every post resolves; `post` has no heading `x`, which is worth a warning.
    let about_linking: Vec<String> = warnings(&report)
        .into_iter()
        .filter(|w| w.contains("linking.md"))
        .collect();
    assert_eq!(about_linking.len(), 1, "{about_linking:?}");
    assert!(
        about_linking[0].ends_with("linking.md:7: link to #x: no such heading or anchor in post")
    );
}

#[test]
fn jekyll_post_url_and_hugo_refs_go_to_the_post_page() {
    let fx = fixture();
    fx.write(
        "_posts/2024-02-04-third.md",
        "---\ntitle: Third\n---\nSee [the second]({% post_url 2024-02-03-second %}).\n",
    );
    fx.write(
        "hugo/refs.md",
        toml_post(
            "Refs",
            "2024-03-02",
            "",
            "[a]({{< ref \"toml-post.md\" >}}) [b]({{< relref \"toml-post.md#x\" >}}) \
             [c]({{% ref toml-post.md %}}) [d]({{< ref \"/blog/other.md\" >}}) \
             [e]({{< relref b >}})\n",
        ),
    );
    let report = fx.report();
    assert_eq!(hrefs(&report, "third"), ["posts/second"]);
    assert_eq!(
        hrefs(&report, "refs"),
        [
            "posts/toml-post",
            "posts/toml-post#x",
            "posts/toml-post",
            "posts/other",
            "posts/b"
        ]
    );
}

#[test]
fn links_to_unpublished_or_unknown_files_are_kept_with_a_warning() {
    let fx = fixture();
    let path = fx.write(
        "blog/broken.md",
        toml_post(
            "Broken",
            "2024-03-03",
            "",
            "First line.\n\n[d](draft.md)\n\n[g](@/blog/gone.md#x)\n\n\
             [j]({% post_url 2020-01-01-nothing %})\n",
        ),
    );
    let report = fx.report();
    assert_eq!(hrefs(&report, "broken"), ["draft.md", "@/blog/gone.md#x"]);
    let html = &report
        .posts
        .iter()
        .find(|p| p.slug == "broken")
        .unwrap()
        .html;
    assert!(
        html.contains("({% post_url 2020-01-01-nothing %})"),
        "{html}"
    );
    let file = path.display();
    let expected = [
        format!(
            "{file}:9: link to draft.md names no published post (blog/draft.md is a draft); \
             left as written"
        ),
        format!(
            "{file}:11: link to @/blog/gone.md#x names no published post (no post \
             blog/gone.md); left as written"
        ),
        format!(
            "{file}:13: Jekyll post_url 2020-01-01-nothing names no published post (no such \
             post); shown as text"
        ),
    ];
    let got: Vec<String> = warnings(&report)
        .into_iter()
        .filter(|w| w.contains("broken.md"))
        .collect();
    assert_eq!(got, expected);
}

#[test]
fn post_links_follow_the_base_path_into_the_feeds() {
    let fx = fixture();
    fx.write(
        "blog/linking.md",
        toml_post(
            "Linking",
            "2024-03-01",
            "",
            "[x](@/blog/other.md#section)\n",
        ),
    );
    fx.write("site.toml", "base_url = \"https://example.com/\"\n");
    let mut options = fx.options();
    options.base_path = Some("/blog/".parse().unwrap());
    let report = build(&options).expect("build");
    // Relative to the base like every link the build writes: the page's <base href> (here
    // /blog/) makes it /blog/posts/other.
    assert_eq!(hrefs(&report, "linking"), ["posts/other#section"]);
    let atom = fs::read_to_string(fx.out().join("atom.xml")).unwrap();
    assert!(
        atom.contains("href=&quot;https://example.com/blog/posts/other#section&quot;")
            || atom.contains("href=\"https://example.com/blog/posts/other#section\""),
        "{atom}"
    );
    assert!(!atom.contains("@/"), "{atom}");
}
