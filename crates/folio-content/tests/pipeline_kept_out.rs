#![cfg(not(target_arch = "wasm32"))]
//! Posts the old generator keeps private stay private: Jekyll's `published: false` and
//! `_drafts/`, Hugo's `publishDate` and `expiryDate`, and the files of a held-back page bundle.
//! "Today" is 2024-06-01 in every fixture.

mod common;

use common::{only_post, Fixture};
use folio_content::{build, prepare, Options, Report};

fn slugs(report: &Report) -> Vec<String> {
    let mut slugs: Vec<_> = report
        .manifest
        .posts
        .iter()
        .map(|p| p.slug.clone())
        .collect();
    slugs.sort();
    slugs
}

fn prepared(options: &Options) -> Report {
    prepare(options).unwrap_or_else(|e| panic!("build should succeed: {e}"))
}

fn yaml(keys: &str) -> String {
    format!("---\n{keys}\n---\nWords.\n")
}

#[test]
fn jekyll_published_false_is_a_draft() {
    let fx = Fixture::new();
    fx.write(
        "_posts/2024-01-01-hidden.md",
        yaml("title: Hidden\npublished: false"),
    );
    fx.write(
        "_posts/2024-01-02-shown.md",
        yaml("title: Shown\npublished: true"),
    );
    fx.write(
        "toml.md",
        "+++\ntitle = \"T\"\ndate = 2024-01-03\npublished = false\n+++\n",
    );
    let mut options = fx.options();
    let report = prepared(&options);
    assert_eq!(slugs(&report), ["shown"]);
    assert_eq!(report.drafts_skipped, 2);
    options.include_drafts = true;
    assert_eq!(slugs(&prepared(&options)), ["hidden", "shown", "toml"]);
}

#[test]
fn jekyll_drafts_folder_holds_drafts_and_undated_ones_never_go_out() {
    let fx = Fixture::new();
    fx.write("_drafts/dated.md", yaml("title: Dated\ndate: 2024-02-02"));
    let undated = fx.write("_drafts/idea.md", yaml("title: Idea"));
    fx.write("_posts/2024-01-01-live.md", yaml("title: Live"));

    let mut options = fx.options();
    let report = prepared(&options);
    assert_eq!(slugs(&report), ["live"]);
    assert_eq!(report.drafts_skipped, 2, "both drafts are counted");
    assert!(
        !report.warnings.iter().any(|w| w.path == undated),
        "without --drafts an undated draft is just a draft"
    );

    options.include_drafts = true;
    let report = prepared(&options);
    assert_eq!(slugs(&report), ["dated", "live"]);
    assert_eq!(report.drafts_skipped, 1);
    let warning = report
        .warnings
        .iter()
        .find(|w| w.path == undated)
        .expect("the undated draft is named");
    assert!(warning.to_string().contains("without a date"), "{warning}");
}

#[test]
fn hugo_publish_date_holds_a_post_back_until_its_day() {
    let fx = Fixture::new();
    fx.write(
        "scheduled.md",
        yaml("title: Scheduled\ndate: 2024-01-01\npublishDate: 2024-06-02"),
    );
    fx.write(
        "lower.md",
        "+++\ntitle = \"Lower\"\ndate = 2024-01-02\npublishdate = 2024-07-01\n+++\n",
    );
    fx.write("pub.md", yaml("title: Pub\npubdate: 2025-01-01"));
    fx.write(
        "live.md",
        yaml("title: Live\ndate: 2024-01-03\npublishDate: 2024-06-01"),
    );
    fx.write("only.md", yaml("title: Only\npublishDate: 2024-05-05"));
    fx.write(
        "early.md",
        yaml("title: Early\ndate: 2030-01-01\npublishDate: 2024-01-01"),
    );

    let mut options = fx.options();
    let report = prepared(&options);
    assert_eq!(
        slugs(&report),
        ["early", "live", "only"],
        "as in Hugo, publishDate decides instead of date"
    );
    assert_eq!(report.future_skipped, 3);
    assert_eq!(
        report.manifest.post("only").unwrap().date,
        "2024-05-05",
        "without a date, publishDate is the date"
    );

    options.include_future = true;
    let report = prepared(&options);
    assert_eq!(
        slugs(&report),
        ["early", "live", "lower", "only", "pub", "scheduled"]
    );
    assert_eq!(
        report.manifest.post("scheduled").unwrap().date,
        "2024-01-01",
        "the date shown stays `date`"
    );
}

#[test]
fn hugo_expiry_date_keeps_a_post_out_from_that_day() {
    let fx = Fixture::new();
    fx.write(
        "today.md",
        yaml("title: Today\ndate: 2024-01-01\nexpiryDate: 2024-06-01"),
    );
    fx.write(
        "lower.md",
        yaml("title: Lower\ndate: 2024-01-01\nexpirydate: 2023-01-01"),
    );
    fx.write(
        "tomorrow.md",
        yaml("title: Tomorrow\ndate: 2024-01-01\nexpiryDate: 2024-06-02"),
    );
    let mut options = fx.options();
    options.include_drafts = true;
    options.include_future = true;
    let report = prepared(&options);
    assert_eq!(
        only_post(&report).slug,
        "tomorrow",
        "no flag brings an expired post back"
    );
    assert_eq!(report.expired_skipped, 2);
    assert_eq!((report.drafts_skipped, report.future_skipped), (0, 0));
}

#[test]
fn a_held_back_bundle_takes_its_files_with_it() {
    let fx = Fixture::new();
    fx.write(
        "posts/secret/index.md",
        yaml("title: Secret\ndate: 2024-01-01\ndraft: true"),
    );
    fx.write("posts/secret/launch-plan.png", b"png");
    fx.write("posts/secret/deep/more.txt", b"txt");
    fx.write(
        "posts/soon/index.md",
        yaml("title: Soon\ndate: 2024-01-01\npublishDate: 2030-01-01"),
    );
    fx.write("posts/soon/teaser.png", b"png");
    fx.write("_drafts/idea/index.md", yaml("title: Idea"));
    fx.write("_drafts/idea/sketch.png", b"png");
    fx.write("_drafts/loose.png", b"png");
    fx.write(
        "posts/live/index.md",
        yaml("title: Live\ndate: 2024-01-01\n"),
    );
    fx.write("posts/live/photo.png", b"png");
    fx.write("posts/loose.png", b"png");

    build(&fx.options()).expect("build");
    let files: Vec<String> = fx
        .written()
        .into_iter()
        .filter(|f| f.starts_with("out/files/"))
        .collect();
    assert_eq!(
        files,
        [
            "out/files/posts/live/photo.png",
            "out/files/posts/loose.png"
        ]
    );

    let mut options = fx.options();
    options.include_drafts = true;
    build(&options).expect("build");
    assert!(fx
        .out()
        .join("files/posts/secret/launch-plan.png")
        .is_file());
    assert!(fx.out().join("files/posts/secret/deep/more.txt").is_file());
    assert!(!fx.out().join("files/posts/soon/teaser.png").exists());
    assert!(fx.out().join("files/_drafts/loose.png").is_file());
    assert!(
        !fx.out().join("files/_drafts/idea").exists(),
        "an undated draft never goes out, nor its files"
    );
}
