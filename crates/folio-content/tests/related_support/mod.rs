//! Measuring "Read next": how often the posts offered after an article share a label (a tag or
//! a series) with it, for the pipeline's choice and for "tag overlap alone".
#![allow(dead_code)] // the quality test and the benchmark use different parts

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use folio_content::Report;
use folio_core::related::RELATED_COUNT;
use folio_core::tags::tag_slug;

/// Each post's labels (tags by slug, `series:<name>`, `team:<name>`), in manifest order.
pub type Labels = Vec<BTreeSet<String>>;

/// The labels a site's own front matter gives: its tags (by slug).
pub fn tag_labels(report: &Report) -> Labels {
    report
        .manifest
        .posts
        .iter()
        .map(|p| {
            p.tags
                .iter()
                .map(|t| format!("tag:{}", tag_slug(t)))
                .collect()
        })
        .collect()
}

/// The Rust blog has no tags. What it has, and what counts as a shared label here:
/// - `team:<name>`: the Zola front matter's `[extra] team` (444 of 750 posts), the team that
///   wrote the post, lowercased, without a leading "the " and trailing " team" ("The Compiler
///   Team" and "the compiler team" are one team). The closest thing the blog has to a tag.
/// - `series:<name>`: `[extra] release = true` (the release announcements), and the families of
///   titles in [`title_series`] (release announcements, pre-release tests, surveys, regular
///   meetings and updates). Two posts in one family are in one series.
///
/// The pipeline never sees any of this (it ignores `[extra]`, and the title families are
/// defined only here), so its choice cannot be tuned to the labels.
pub fn rust_blog_labels(report: &Report) -> Labels {
    report
        .manifest
        .posts
        .iter()
        .zip(&report.posts)
        .map(|(post, record)| {
            let extra = front_matter_extra(&record.source);
            let mut labels = BTreeSet::new();
            if let Some(team) = extra.get("team").and_then(|t| t.as_str()) {
                labels.insert(format!("team:{}", team_name(team)));
            }
            if extra.get("release").and_then(|r| r.as_bool()) == Some(true) {
                labels.insert("series:rust-release".to_owned());
            }
            if let Some(series) = title_series(&post.title) {
                labels.insert(format!("series:{series}"));
            }
            labels
        })
        .collect()
}

fn team_name(team: &str) -> String {
    let lower = team.trim().to_lowercase();
    let lower = lower.strip_prefix("the ").unwrap_or(&lower);
    let lower = lower.strip_suffix(" team").unwrap_or(lower);
    lower.to_owned()
}

/// The `[extra]` table of a Zola post's TOML front matter (empty when there is none).
fn front_matter_extra(path: &Path) -> toml::Table {
    let text = fs::read_to_string(path).unwrap_or_default();
    let front = text
        .trim_start()
        .strip_prefix("+++")
        .and_then(|rest| rest.split_once("\n+++"))
        .map_or("", |(front, _)| front);
    let table: toml::Table = toml::from_str(front).unwrap_or_default();
    match table.get("extra") {
        Some(toml::Value::Table(extra)) => extra.clone(),
        _ => toml::Table::new(),
    }
}

/// The Rust blog's recurring kinds of post, recognised by their titles (lowercased). Each rule
/// is a family of at least three posts in the corpus.
pub fn title_series(title: &str) -> Option<&'static str> {
    let t = title.to_lowercase();
    let has = |words: &[&str]| words.iter().all(|w| t.contains(w));
    let after_number = |prefix: &str| {
        t.strip_prefix(prefix)
            .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
    };
    Some(if after_number("announcing rust ") {
        "rust-release"
    } else if after_number("announcing rustup ") {
        "rustup-release"
    } else if t.ends_with("pre-release testing") {
        "pre-release-testing"
    } else if t.starts_with("this development-cycle in cargo") {
        "cargo-development-cycle"
    } else if has(&["survey"]) {
        "survey"
    } else if has(&["project goals"]) || has(&["project goal", "update"]) {
        "project-goals"
    } else if has(&["project director update"]) {
        "project-director-update"
    } else if has(&["leadership council"]) && (has(&["update"]) || has(&["selections"])) {
        "leadership-council"
    } else if has(&["infrastructure team"]) {
        "infrastructure-team"
    } else if has(&["compiler team triage"])
        || has(&["compiler-team design meetings"])
        || has(&["steering cycle"])
    {
        "compiler-team-meetings"
    } else if has(&["governance"]) && has(&["update"]) {
        "governance-update"
    } else if has(&["lang team", "update"]) {
        "lang-team-update"
    } else if t.starts_with("security advisory") {
        "security-advisory"
    } else if has(&["google summer of code"]) {
        "google-summer-of-code"
    } else if t.starts_with("crates.io: development update") {
        "crates-io-update"
    } else if t.starts_with("ctcft") {
        "ctcft"
    } else if has(&["traits working group", "sprint"]) {
        "traits-sprint"
    } else if has(&["roadmap"]) {
        "roadmap"
    } else if has(&["lineup"]) {
        "event-lineup"
    } else if has(&["core team"]) {
        "core-team"
    } else {
        return None;
    })
}

/// The baseline: for each post, the [`RELATED_COUNT`] posts sharing most of its tags, the newer
/// first on ties (a post sharing none still gets the newest posts, as a list sorted this way
/// would give).
pub fn tag_overlap(report: &Report) -> Vec<Vec<u32>> {
    let tags: Vec<BTreeSet<String>> = report
        .manifest
        .posts
        .iter()
        .map(|p| p.tags.iter().map(|t| tag_slug(t)).collect())
        .collect();
    overlap_of(&tags)
}

/// Like [`tag_overlap`], on any labels (to ask what tags would do if the site had them).
pub fn overlap_of(labels: &[BTreeSet<String>]) -> Vec<Vec<u32>> {
    (0..labels.len())
        .map(|i| {
            let mut others: Vec<(usize, usize)> = (0..labels.len())
                .filter(|&j| j != i)
                .map(|j| (labels[i].intersection(&labels[j]).count(), j))
                .collect();
            // Most shared first; on ties the lower position, which is the newer post.
            others.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            others
                .into_iter()
                .take(RELATED_COUNT)
                .map(|(_, j)| j as u32)
                .collect()
        })
        .collect()
}

/// How a recommender did against the labels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Score {
    /// Shown related posts sharing a label with their article, over every slot
    /// (posts × [`RELATED_COUNT`]): an empty slot counts as a miss.
    pub shared: f64,
    /// Articles with at least one related post sharing a label, over all articles.
    pub any: f64,
    /// Articles with a label at all (the others can never score).
    pub labelled: usize,
    pub posts: usize,
}

pub fn score(related: &[Vec<u32>], labels: &Labels) -> Score {
    let (mut shared, mut any, mut labelled) = (0usize, 0usize, 0usize);
    for (i, list) in related.iter().enumerate() {
        labelled += usize::from(!labels[i].is_empty());
        let hits = list
            .iter()
            .filter(|&&j| !labels[i].is_disjoint(&labels[j as usize]))
            .count();
        shared += hits;
        any += usize::from(hits > 0);
    }
    let posts = related.len().max(1);
    Score {
        shared: shared as f64 / (posts * RELATED_COUNT) as f64,
        any: any as f64 / posts as f64,
        labelled,
        posts: related.len(),
    }
}

/// The pipeline's choice, as written into the manifest.
pub fn ours(report: &Report) -> Vec<Vec<u32>> {
    report
        .manifest
        .posts
        .iter()
        .map(|p| p.related.clone())
        .collect()
}

impl std::fmt::Display for Score {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{:5.1}% of slots share a label, {:5.1}% of articles get at least one \
             ({} of {} articles labelled)",
            self.shared * 100.0,
            self.any * 100.0,
            self.labelled,
            self.posts
        )
    }
}
