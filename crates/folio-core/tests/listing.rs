//! The reading pages' lists on a fixture manifest: tag counts (`/tags`), posts by year
//! (`/archive`) and a post's neighbours (older / newer links).

use folio_core::listing::{by_year, neighbours, tag_counts, TagCount};
use folio_core::model::{Manifest, PostSummary};

fn post(slug: &str, date: &str, tags: &[&str]) -> PostSummary {
    PostSummary {
        slug: slug.to_owned(),
        title: format!("Title of {slug}"),
        date: date.to_owned(),
        tags: tags.iter().map(|t| (*t).to_owned()).collect(),
        ..PostSummary::default()
    }
}

/// Newest first, as the pipeline writes it: two posts in 2024, one in 2023, two in 2021.
fn manifest() -> Manifest {
    Manifest {
        posts: vec![
            post("e", "2024-11-02", &["rust", "wasm"]),
            post("d", "2024-01-15", &["jvm", "Rust"]),
            post("c", "2023-06-30", &["jvm", "rust"]),
            post("b", "2021-12-31", &["wasm", "jvm", "jvm"]),
            post("a", "2021-01-01", &[]),
        ],
        ..Manifest::default()
    }
}

fn count(tag: &str, slug: &str, count: usize) -> TagCount {
    TagCount {
        tag: tag.to_owned(),
        slug: slug.to_owned(),
        count,
    }
}

#[test]
fn tags_are_counted_once_per_post_and_sorted_by_count_then_name() {
    assert_eq!(
        tag_counts(&manifest()),
        vec![
            // "jvm" appears twice on "b": still one post.
            count("jvm", "jvm", 3),
            // "Rust" and "rust" have one page, /tags/rust: one tag, under the spelling most
            // posts use.
            count("rust", "rust", 3),
            count("wasm", "wasm", 2),
        ]
    );
}

#[test]
fn tags_with_equal_counts_sort_by_name_ignoring_case() {
    let m = Manifest {
        posts: vec![post(
            "x",
            "2020-01-01",
            &["beta", "Alpha", "alpha-2", "gamma"],
        )],
        ..Manifest::default()
    };
    let names: Vec<_> = tag_counts(&m).into_iter().map(|c| c.tag).collect();
    assert_eq!(names, ["Alpha", "alpha-2", "beta", "gamma"]);
}

#[test]
fn spellings_of_one_slug_are_one_tag_under_the_newest_on_a_tie() {
    let m = Manifest {
        posts: vec![
            post("new", "2024-01-02", &["ci/cd", "C#"]),
            post("old", "2023-01-01", &["CI-CD", "c#", "C"]),
        ],
        ..Manifest::default()
    };
    assert_eq!(
        tag_counts(&m),
        vec![
            count("C#", "c-sharp", 2),
            count("ci/cd", "ci-cd", 2),
            count("C", "c", 1),
        ]
    );
}

#[test]
fn no_posts_no_tags_no_years() {
    let empty = Manifest::default();
    assert!(tag_counts(&empty).is_empty());
    assert!(by_year(&empty).is_empty());
    assert_eq!(neighbours(&empty, "a"), Default::default());
}

#[test]
fn years_are_newest_first_with_their_posts_newest_first() {
    let groups = by_year(&manifest());
    let shape: Vec<(&str, Vec<&str>)> = groups
        .iter()
        .map(|g| {
            (
                g.year.as_str(),
                g.posts.iter().map(|p| p.slug.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        shape,
        vec![
            ("2024", vec!["e", "d"]),
            ("2023", vec!["c"]),
            ("2021", vec!["b", "a"]),
        ]
    );
}

#[test]
fn years_do_not_trust_the_manifest_order() {
    let mut m = manifest();
    m.posts.reverse();
    let years: Vec<_> = by_year(&m).into_iter().map(|g| g.year).collect();
    assert_eq!(years, ["2024", "2023", "2021"]);
    assert_eq!(by_year(&m)[0].posts[0].slug, "e");
}

#[test]
fn same_day_posts_keep_the_manifest_order() {
    let m = Manifest {
        posts: vec![
            post("second", "2022-05-05", &[]),
            post("first", "2022-05-05", &[]),
        ],
        ..Manifest::default()
    };
    let slugs: Vec<_> = by_year(&m)[0]
        .posts
        .iter()
        .map(|p| p.slug.clone())
        .collect();
    assert_eq!(slugs, ["second", "first"]);
}

#[test]
fn neighbours_follow_the_manifest_order() {
    let m = manifest();
    let slugs = |slug| {
        let n = neighbours(&m, slug);
        (n.older.map(|p| p.slug), n.newer.map(|p| p.slug))
    };
    // The newest post has no newer neighbour, the oldest no older one.
    assert_eq!(slugs("e"), (Some("d".to_owned()), None));
    assert_eq!(slugs("c"), (Some("b".to_owned()), Some("d".to_owned())));
    assert_eq!(slugs("a"), (None, Some("b".to_owned())));
    assert_eq!(slugs("missing"), (None, None));
}

#[test]
fn a_single_post_has_no_neighbours() {
    let m = Manifest {
        posts: vec![post("only", "2020-02-02", &[])],
        ..Manifest::default()
    };
    assert_eq!(neighbours(&m, "only"), Default::default());
}
