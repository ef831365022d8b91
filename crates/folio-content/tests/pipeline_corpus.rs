#![cfg(not(target_arch = "wasm32"))]
//! The Rust blog, as is: 754 Markdown files, 750 posts. The corpus lives beside the checkout
//! (`../shared/corpus`); it is never copied into the project.

mod common;
#[path = "../../folio-core/tests/support/shared.rs"]
mod shared;

use std::collections::HashSet;
use std::fs;
use std::path::PathBuf;

use common::Fixture;
use folio_content::{build, Options};

fn corpus() -> Option<PathBuf> {
    shared::shared("corpus/rust-blog/content")
}

#[test]
fn builds_the_rust_blog_as_is() {
    let fx = Fixture::new();
    let Some(content) = corpus() else { return };
    let mut options = Options::new(&content, fx.out());
    options.today = Some(time::macros::date!(2026 - 11 - 01));
    let report = build(&options).unwrap_or_else(|e| panic!("corpus build failed: {e}"));
    let posts = &report.manifest.posts;

    assert_eq!(posts.len(), 750);
    assert_eq!(report.not_posts, 4);
    // The corpus lacks many of the images and files its posts reference (they live on the
    // real site's CDN): each is a warning with its line, counted here, not listed.
    let (missing, others): (Vec<_>, Vec<_>) = report.warnings.iter().partition(|w| {
        w.message.ends_with("the site has no such file or post")
            || w.message.contains("no such heading or anchor")
    });
    let missing_images = missing
        .iter()
        .filter(|w| w.message.starts_with("missing "))
        .count();
    // The 291 images the corpus lacks (issue 13 counted them by hand).
    assert_eq!(missing_images, 291);
    assert!(missing.iter().all(|w| w.line.is_some()));
    let mut warned: Vec<_> = others
        .iter()
        .map(|w| {
            w.path
                .strip_prefix(&content)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    warned.sort();
    assert_eq!(
        warned,
        [
            // No base URL: about the content folder itself, which has no site.toml to name.
            "",
            // Links to `./rust-vision-doc.md`, a file the blog never had: broken there too.
            "Project-Goals-2025-April-Update.md",
            "Project-Goals-2025-July-Update.md",
            "Project-Goals-2025-March-Update.md",
            "Project-Goals-2025-May-Update.md",
            "Project-Goals-Feb-Update/index.md",
            "_index.md",
            "inside-rust/_index.md",
            "releases/_index.md",
            "releases/latest.md",
        ]
    );
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w.message.contains("no base_url")),
        "no site file, so no base URL: the feeds are skipped with a warning"
    );

    for post in posts {
        assert!(!post.title.trim().is_empty(), "{post:?}");
        assert_eq!(post.date.len(), 10, "{post:?}");
        assert!(post.reading_minutes >= 1);
    }
    let unique: HashSet<_> = posts.iter().map(|p| p.slug.as_str()).collect();
    assert_eq!(unique.len(), 750, "slugs are unique");
    assert!(
        posts.windows(2).all(|w| w[0].date >= w[1].date),
        "newest first"
    );

    // Spot checks against the source files.
    let post = |slug: &str| {
        report
            .manifest
            .post(slug)
            .unwrap_or_else(|| panic!("no post {slug:?}"))
    };
    let timeline = post("1.0-Timeline");
    assert_eq!(timeline.title, "Rust 1.0: Scheduling the trains");
    assert_eq!(timeline.date, "2014-12-12");
    assert_eq!(
        timeline.summary,
        "As 2014 is drawing to a close, it's time to begin the Rust 1.0 release cycle!"
    );
    let ffi = post("ffi-unwind-longjmp");
    assert_eq!(
        ffi.title,
        "Rust & the case of the disappearing stack frames"
    );
    assert_eq!(ffi.date, "2021-01-26");
    let survey = post("2023-Rust-Annual-Survey-2023-results");
    assert_eq!(survey.title, "2023 Annual Rust Survey Results");
    assert_eq!(survey.date, "2024-02-19");
    assert_eq!(post("Rust-1.3").title, "Announcing Rust 1.3");

    // Two stems occur twice; the later path gets `-2`.
    assert_eq!(
        post("all-hands").title,
        "The Rust Team All Hands in Berlin: a Recap"
    );
    assert_eq!(post("all-hands").date, "2018-04-06");
    assert_eq!(
        post("all-hands-2").title,
        "Save the Date: Rust All Hands 2025"
    );
    assert_eq!(post("all-hands-2").date, "2024-09-02");
    assert_eq!(post("electing-new-project-directors").date, "2023-08-30");
    assert_eq!(
        post("electing-new-project-directors-2").title,
        "Electing New Project Directors 2024"
    );

    // Zola aliases, and the `path` each post had on the Zola site, become redirects.
    let record = report.posts.iter().find(|p| p.slug == "Rust-1.3").unwrap();
    assert_eq!(
        record.aliases,
        [
            "2015/09/17/Rust-1.3.html",
            "releases/1.3.0",
            "2015/09/17/Rust-1.3"
        ]
    );
    for file in [
        "2015/09/17/Rust-1.3.html",
        "releases/1.3.0/index.html",
        "2015/09/17/Rust-1.3/index.html",
    ] {
        let page = fs::read_to_string(fx.out().join(file))
            .unwrap_or_else(|e| panic!("redirect page {file}: {e}"));
        assert!(
            page.contains(r#"<meta http-equiv="refresh" content="0; url=/posts/Rust-1.3">"#),
            "{file}: {page}"
        );
    }
    // Zola's internal links (`@/inside-rust/….md`) go to the posts' pages.
    let html = |slug: &str| &report.posts.iter().find(|p| p.slug == slug).unwrap().html;
    assert!(html("infrastructure-team-2025-q4-recap-and-q1-2026-plan")
        .contains("href=\"posts/infrastructure-team-2025-q3-recap-and-q4-plan#q4-2025-plans\""));
    assert!(html("infrastructure-team-2026-q2-recap-and-q3-plan")
        .contains("href=\"posts/outreachy-2026-may\""));
    assert!(report.posts.iter().all(|p| !p.html.contains("href=\"@/")));

    let old_urls: usize = report.posts.iter().map(|p| p.aliases.len()).sum();
    assert_eq!(report.redirects.len(), old_urls, "one page per old URL");
    assert!(old_urls > 1000, "{old_urls}");
    assert!(fx.out().join("robots.txt").is_file());
    assert!(!fx.out().join("atom.xml").exists());

    // What was written matches the report.
    assert_eq!(fs::read_dir(fx.out().join("posts")).unwrap().count(), 750);
    assert_eq!(fs::read_dir(fx.out().join("bodies")).unwrap().count(), 750);
    let body = fs::read_to_string(fx.out().join("posts/1.0-Timeline.md")).unwrap();
    assert!(
        body.starts_with("As 2014 is drawing to a close"),
        "{}",
        &body[..80]
    );
    assert!(!body.contains("+++"));
}
