#![cfg(not(target_arch = "wasm32"))]
//! "Read next" against "tag overlap alone", on real writing: how often the three posts offered
//! after an article share a tag or a series with it (see `related_support` for what counts).
//!
//! The tests hold generous bounds; the figures come from the benchmark, which is ignored by
//! default:
//!
//! ```sh
//! cargo test --release -p folio-content --test related_quality -- --ignored --nocapture
//! # and other sites (Jekyll, Hugo, Zola folders), measured on their tags:
//! FOLIO_RELATED_SITES=/path/to/hugo-site:/path/to/jekyll-site cargo test ... (same)
//! # and how the score moves with the weights (slower):
//! FOLIO_RELATED_SWEEP=1 cargo test ... (same)
//! ```

mod common;
mod related_support;
#[path = "../../folio-core/tests/support/shared.rs"]
mod shared;

use std::path::{Path, PathBuf};

use folio_content::{prepare, Options, Report};
use folio_core::related::{related_posts_with, RelatedDoc, RelatedParams, RELATED_COUNT};
use related_support::{
    ours, overlap_of, rust_blog_labels, score, tag_labels, tag_overlap, Labels, Score,
};

fn build(content: &Path) -> Report {
    let out = std::env::temp_dir().join(format!("folio-related-{}", std::process::id()));
    let mut options = Options::new(content, out);
    options.today = Some(time::macros::date!(2026 - 11 - 01));
    prepare(&options).unwrap_or_else(|e| panic!("{}: {e}", content.display()))
}

fn sample_site() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content")
}

fn rust_blog() -> Option<PathBuf> {
    shared::shared("corpus/rust-blog/content")
}

/// (ours, tag overlap) on `labels`.
fn both(report: &Report, labels: &Labels) -> (Score, Score) {
    (
        score(&ours(report), labels),
        score(&tag_overlap(report), labels),
    )
}

#[test]
fn read_next_beats_tag_overlap_on_the_rust_blog() {
    let Some(content) = rust_blog() else { return };
    let report = build(&content);
    let labels = rust_blog_labels(&report);
    assert_eq!(labels.len(), 750);
    let (ours, tags) = both(&report, &labels);
    eprintln!("ours: {ours}\ntag overlap: {tags}");
    // The blog has no tags, so tag overlap can only offer the newest posts.
    assert!(
        ours.shared >= tags.shared + 0.2,
        "ours {ours} vs tag overlap {tags}"
    );
    assert!(ours.any >= tags.any, "ours {ours} vs tag overlap {tags}");
}

#[test]
fn read_next_keeps_up_with_tag_overlap_on_the_sample_site() {
    let report = build(&sample_site());
    assert!(
        report.manifest.posts.len() >= 10,
        "the sample site has posts"
    );
    let labels = tag_labels(&report);
    let (ours, tags) = both(&report, &labels);
    eprintln!("ours: {ours}\ntag overlap: {tags}");
    // Tag overlap picks exactly what this measures; text and tags together come close.
    assert!(
        ours.shared >= tags.shared - 0.15,
        "ours {ours} vs tag overlap {tags}"
    );
}

/// The figures, for the report and the README (a benchmark, not a test).
#[test]
#[ignore = "benchmark: prints figures; run with --ignored --nocapture"]
fn read_next_figures() {
    let mut sites: Vec<(String, PathBuf)> = vec![("sample site (content/)".into(), sample_site())];
    if let Some(extra) = std::env::var_os("FOLIO_RELATED_SITES") {
        sites.extend(std::env::split_paths(&extra).map(|p| (p.display().to_string(), p)));
    }
    if let Some(content) = rust_blog() {
        let started = std::time::Instant::now();
        let report = build(&content);
        eprintln!(
            "Rust blog: {} posts, built in {:.1?}",
            report.manifest.posts.len(),
            started.elapsed()
        );
        manifest_cost(&report);
        let labels = rust_blog_labels(&report);
        let teams = only(&labels, "team:");
        let series = only(&labels, "series:");
        let ours_choice = ours(&report);
        let rows = [
            ("read next (ours)", ours_choice.clone()),
            ("tag overlap (the blog has no tags)", tag_overlap(&report)),
            (
                "tag overlap, teams as tags (sees the labels)",
                overlap_of(&teams),
            ),
        ];
        for (name, related) in rows {
            eprintln!("  {name}");
            eprintln!("    team or series: {}", score(&related, &labels));
            eprintln!("    team:           {}", score(&related, &teams));
            eprintln!("    series:         {}", score(&related, &series));
        }
        if std::env::var_os("FOLIO_RELATED_SWEEP").is_some() {
            sweep(&report, &labels);
        }
    }
    for (name, path) in sites {
        let report = build(&path);
        let labels = tag_labels(&report);
        let (ours, tags) = both(&report, &labels);
        eprintln!("{name}: {} posts", report.manifest.posts.len());
        eprintln!("  read next (ours): {ours}\n  tag overlap:      {tags}");
        if std::env::var_os("FOLIO_RELATED_SWEEP").is_some() {
            sweep(&report, &labels);
        }
    }
}

/// The labels starting with `prefix` alone.
fn only(labels: &Labels, prefix: &str) -> Labels {
    labels
        .iter()
        .map(|l| {
            l.iter()
                .filter(|x| x.starts_with(prefix))
                .cloned()
                .collect()
        })
        .collect()
}

/// What the "Read next" lists add to `manifest.json`, raw and gzip -9.
fn manifest_cost(report: &Report) {
    let with = serde_json::to_vec(&report.manifest).expect("manifest serialises");
    let mut without = report.manifest.clone();
    for post in &mut without.posts {
        post.related.clear();
    }
    let without = serde_json::to_vec(&without).expect("manifest serialises");
    let (gz_with, gz_without) = (gzip(&with), gzip(&without));
    eprintln!(
        "  manifest.json: {} -> {} bytes (+{}), gzip -9 {} -> {} (+{})",
        without.len(),
        with.len(),
        with.len() - without.len(),
        gz_without,
        gz_with,
        gz_with - gz_without
    );
}

/// gzip -9 size, by the system's gzip (no compression crate just for a figure).
fn gzip(bytes: &[u8]) -> usize {
    use std::io::Write;
    let mut child = std::process::Command::new("gzip")
        .arg("-9c")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("gzip runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(bytes)
        .expect("gzip reads");
    child.wait_with_output().expect("gzip ends").stdout.len()
}

/// A site's score for other weights than the default: how sensitive the choice is to them.
fn sweep(report: &Report, labels: &Labels) {
    let docs: Vec<RelatedDoc<'_>> = report
        .manifest
        .posts
        .iter()
        .zip(&report.posts)
        .map(|(post, record)| RelatedDoc {
            title: &post.title,
            tags: &post.tags,
            body: &record.text,
        })
        .collect();
    eprintln!("  slots sharing a label, by weights (title x, tag x, kept terms) and time taken:");
    for title_weight in [1.0, 2.0, 4.0] {
        for tag_weight in [6.0, 12.0, 24.0, 48.0] {
            let mut line = format!("    title x{title_weight} tag x{tag_weight}:");
            for kept_terms in [64, 128] {
                let params = RelatedParams {
                    title_weight,
                    tag_weight,
                    kept_terms,
                };
                let started = std::time::Instant::now();
                let related = related_posts_with(&docs, RELATED_COUNT, &params);
                let took = started.elapsed().as_millis();
                let s = score(&related, labels);
                line.push_str(&format!(
                    "  {kept_terms}: {:.1}% ({took} ms)",
                    s.shared * 100.0
                ));
            }
            eprintln!("{line}");
        }
    }
}
