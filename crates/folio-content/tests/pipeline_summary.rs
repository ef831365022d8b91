#![cfg(not(target_arch = "wasm32"))]
//! A post without a `description`/`summary` takes its summary from the text before its summary
//! marker: `<!-- more -->` (Zola, Hugo) or Jekyll's `excerpt_separator`. No marker, no summary.

mod common;

use common::{only_post, toml_post, Fixture};

fn summary_of(post: &str) -> String {
    let fx = Fixture::new();
    fx.write("post.md", post);
    only_post(&fx.report()).summary.clone()
}

#[test]
fn the_text_before_more_is_the_summary_as_plain_text() {
    for marker in ["<!-- more -->", "<!--more-->", "<!--  more  -->"] {
        let body = format!(
            "The **first** paragraph, with [a link](https://x.org) and `code`.\n\n\
             - a list\n\n{marker}\n\nThe rest.\n"
        );
        assert_eq!(
            summary_of(&toml_post("P", "2024-01-01", "", &body)),
            "The first paragraph, with a link and code. a list",
            "{marker}"
        );
    }
}

#[test]
fn the_body_keeps_everything() {
    let fx = Fixture::new();
    fx.write(
        "post.md",
        toml_post(
            "P",
            "2024-01-01",
            "",
            "Intro.\n\n<!-- more -->\n\nMore text.\n",
        ),
    );
    let report = fx.report();
    assert!(report.posts[0].html.contains("Intro."));
    assert!(report.posts[0].html.contains("More text."));
}

#[test]
fn jekyll_excerpt_separator_is_the_marker() {
    let post = "---\ntitle: J\ndate: 2024-01-01\nexcerpt_separator: <!--cut-->\n---\n\
                Before *the* cut.\n\n<!--cut-->\n\nAfter. <!-- more -->\n";
    assert_eq!(summary_of(post), "Before the cut.");
}

#[test]
fn front_matter_wins_and_no_marker_means_no_summary() {
    let with_description = toml_post(
        "P",
        "2024-01-01",
        "description = \"Given.\"",
        "Intro.\n\n<!-- more -->\n",
    );
    assert_eq!(summary_of(&with_description), "Given.");
    assert_eq!(
        summary_of(&toml_post("P", "2024-01-01", "", "Just text.\n")),
        ""
    );
    let marker_in_code = "Text.\n\n```html\n<!-- more -->\n```\n";
    assert_eq!(
        summary_of(&toml_post("P", "2024-01-01", "", marker_in_code)),
        ""
    );
}
