//! Lists derived from the manifest for the reading pages: every tag with its post count
//! (`/tags`), posts grouped by year (`/archive`) and a post's older and newer neighbours (the
//! links at the end of an article).
//!
//! Pure functions over [`Manifest`], so the host tests them and the pages only draw the result.

use crate::model::{Manifest, PostSummary};
pub use crate::tags::TagCount;
use crate::wording::post_count;

/// The line under `/tags`' heading: "12 tags across 18 posts."
pub fn tags_summary(tags: usize, posts: usize) -> String {
    match tags {
        1 => format!("1 tag across {}.", post_count(posts)),
        n => format!("{n} tags across {}.", post_count(posts)),
    }
}

/// The line under `/archive`'s heading: "18 posts since 2014."
pub fn archive_summary(years: &[YearGroup], posts: usize) -> String {
    match years.last() {
        Some(oldest) => format!("{} since {}.", post_count(posts), oldest.year),
        None => "No posts yet.".to_owned(),
    }
}

/// The posts of one year, newest first.
#[derive(Clone, Debug, PartialEq)]
pub struct YearGroup {
    /// The year as written in the posts' dates (`2024`).
    pub year: String,
    pub posts: Vec<PostSummary>,
}

/// The posts just before and after one post in publication order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Neighbours {
    /// The next older post, if the post is not the oldest.
    pub older: Option<PostSummary>,
    /// The next newer post, if the post is not the newest.
    pub newer: Option<PostSummary>,
}

/// Every tag with its post count, tags with equal slugs merged into one (see
/// [`crate::tags::merge_tags`]): most used first, then by name (ignoring ASCII case, so `Rust`
/// and `rust-lang` sit together), then by exact name so the order never depends on the input.
/// A post listing a tag twice counts once.
pub fn tag_counts(manifest: &Manifest) -> Vec<TagCount> {
    let mut counts = crate::tags::site_tags(manifest);
    let before = |a: &TagCount, b: &TagCount| {
        let folded = |t: &str| {
            t.bytes()
                .map(|c| c.to_ascii_lowercase())
                .collect::<Vec<_>>()
        };
        (b.count, folded(&a.tag), &a.tag) < (a.count, folded(&b.tag), &b.tag)
    };
    insertion_sort(&mut counts, before);
    counts
}

/// Posts grouped by the year of their date, newest year first, each year's posts newest first.
/// Posts with the same date keep the manifest's order. A date too short to hold a year is
/// grouped under its whole text rather than dropped (the pipeline never writes one).
pub fn by_year(manifest: &Manifest) -> Vec<YearGroup> {
    let mut posts: Vec<&PostSummary> = manifest.posts.iter().collect();
    // Stable: equal dates stay in manifest order.
    insertion_sort(&mut posts, |a, b| a.date > b.date);
    let mut groups: Vec<YearGroup> = Vec::new();
    for post in posts {
        let year = post.date.get(..4).unwrap_or(&post.date);
        match groups.last_mut() {
            Some(group) if group.year == year => group.posts.push(post.clone()),
            _ => groups.push(YearGroup {
                year: year.to_owned(),
                posts: vec![post.clone()],
            }),
        }
    }
    groups
}

/// A stable sort where `before(a, b)` says `a` must come first. Insertion sort: the lists here
/// are a blog's posts and tags, mostly in order already, and the standard library's sorts would
/// add kilobytes of generic code to the wasm for each element type (also used for the tag
/// chips over search results: a few dozen tags at most).
pub fn insertion_sort<T>(items: &mut [T], before: impl Fn(&T, &T) -> bool) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && before(&items[j], &items[j - 1]) {
            items.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// The posts on either side of `slug` in the manifest's order (newest first); both `None` when
/// no post has that slug.
pub fn neighbours(manifest: &Manifest, slug: &str) -> Neighbours {
    let Some(i) = manifest.posts.iter().position(|p| p.slug == slug) else {
        return Neighbours::default();
    };
    Neighbours {
        older: manifest.posts.get(i + 1).cloned(),
        newer: i
            .checked_sub(1)
            .and_then(|j| manifest.posts.get(j))
            .cloned(),
    }
}
