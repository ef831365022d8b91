//! From loaded posts to the manifest: slugs, what gets published, in which order, and the
//! site's highlights.

use std::cmp::Reverse;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use super::bodies::Body;
use super::error::{BuildError, Warning};
use super::load::SourcePost;
use super::site_file::Highlight;
use super::slug;
use super::PostRecord;
use folio_core::model::{reading_minutes, Manifest, PostSummary, Site};
use folio_core::related::{
    related_from_counts, term_counts, RelatedDoc, RelatedParams, RELATED_COUNT,
};
use folio_markdown::html::text::{plain_text, word_count};

/// Which posts go out.
pub struct Rules {
    pub include_drafts: bool,
    pub include_future: bool,
    /// Posts going live after this day are "future"; posts expiring on or before it, expired.
    pub today: time::Date,
}

/// The posts that go out, newest first, and what was held back.
pub struct Published {
    pub posts: Vec<(String, SourcePost)>,
    /// Slug of each held-back post, and why, for highlight warnings.
    pub unpublished: HashMap<String, &'static str>,
    /// The file of each held-back post, and why, for warnings about links to it.
    pub held_back: Vec<(PathBuf, &'static str)>,
    /// The page bundle folders of the held-back posts (see [`super::bundles`]).
    pub held_back_bundles: Vec<String>,
    pub drafts_skipped: usize,
    pub future_skipped: usize,
    pub expired_skipped: usize,
}

/// Gives every post its slug, drops drafts, future posts (by Hugo's `publishDate` when given)
/// and expired posts (Hugo's `expiryDate`) unless the rules let them in, and sorts newest
/// first: by day, then, within a day, by time of day (posts given a time before those without
/// one), then title, then slug, so output is deterministic. `posts` must be in path order.
pub fn publish(posts: Vec<SourcePost>, rules: &Rules) -> Result<Published, BuildError> {
    // Every post takes part in slug assignment, published or not, so a slug does not move when
    // a draft is published or a flag changes.
    let slugs = assign_slugs(&posts)?;
    let mut published = Published {
        posts: Vec::with_capacity(posts.len()),
        unpublished: HashMap::new(),
        held_back: Vec::new(),
        held_back_bundles: Vec::new(),
        drafts_skipped: 0,
        future_skipped: 0,
        expired_skipped: 0,
    };
    for (slug, post) in slugs.into_iter().zip(posts) {
        let why = if post.draft && !rules.include_drafts {
            published.drafts_skipped += 1;
            "a draft"
        } else if post.goes_live > rules.today && !rules.include_future {
            published.future_skipped += 1;
            "dated in the future"
        } else if post.expires.is_some_and(|day| day <= rules.today) {
            published.expired_skipped += 1;
            "expired"
        } else {
            published.posts.push((slug, post));
            continue;
        };
        published.unpublished.insert(slug, why);
        published.held_back.push((post.path, why));
        published.held_back_bundles.extend(post.bundle);
    }
    published.posts.sort_by(|(slug_a, a), (slug_b, b)| {
        let key = |post: &SourcePost| (Reverse(post.date.day), Reverse(post.date.moment));
        (key(a), &a.title, slug_a).cmp(&(key(b), &b.title, slug_b))
    });
    Ok(published)
}

fn assign_slugs(posts: &[SourcePost]) -> Result<Vec<String>, BuildError> {
    let requests: Vec<slug::Request<'_>> = posts
        .iter()
        .map(|post| slug::Request {
            explicit: post.explicit_slug.as_ref().map(|(slug, _)| slug.as_str()),
            derived: &post.derived_slug,
        })
        .collect();
    slug::assign(&requests).map_err(|dup| {
        let (first, second) = (&posts[dup.first], &posts[dup.second]);
        let explicit = |post: &SourcePost| post.explicit_slug.clone().unwrap_or_default();
        BuildError::DuplicateSlug {
            slug: explicit(second).0,
            first: first.path.clone(),
            first_line: explicit(first).1,
            second: second.path.clone(),
            second_line: explicit(second).1,
        }
    })
}

/// Splits published posts and their rendered `bodies` (in the same order) into the manifest (no
/// highlights yet) and the records that carry bodies and aliases, in the same order.
pub fn manifest(
    posts: Vec<(String, SourcePost)>,
    bodies: Vec<Body>,
    site: Site,
) -> (Manifest, Vec<PostRecord>) {
    let mut summaries = Vec::with_capacity(posts.len());
    let mut records = Vec::with_capacity(posts.len());
    for ((slug, post), body) in posts.into_iter().zip(bodies) {
        // Read from the published HTML: the words a reader reads.
        let text = body.text.unwrap_or_else(|| plain_text(&body.html));
        let words = word_count(&text);
        summaries.push(PostSummary {
            slug: slug.clone(),
            title: post.title,
            date: post.date.ymd(),
            updated: post.updated.map(|u| u.ymd()),
            summary: body.summary.unwrap_or(post.summary),
            tags: post.tags,
            word_count: words,
            reading_minutes: reading_minutes(words),
            highlight: None,
            related: Vec::new(),
        });
        records.push(PostRecord {
            slug,
            source: post.path,
            aliases: post.aliases,
            published: post.date.rfc3339(),
            updated: post.updated.map(|u| u.rfc3339()),
            body: post.body,
            html: body.html,
            text,
        });
    }
    choose_related(&mut summaries, &records);
    let manifest = Manifest {
        site,
        posts: summaries,
    };
    (manifest, records)
}

/// Fills each post's "Read next" from the published posts' titles, tags and text (the words a
/// reader reads, as the search index has them): drafts and held-back posts are not in `posts`,
/// so they are never offered.
fn choose_related(posts: &mut [PostSummary], records: &[PostRecord]) {
    let docs: Vec<RelatedDoc<'_>> = posts
        .iter()
        .zip(records)
        .map(|(post, record)| RelatedDoc {
            title: &post.title,
            tags: &post.tags,
            body: &record.text,
        })
        .collect();
    let params = RelatedParams::default();
    let counts = super::parallel::map(&docs, |doc| term_counts(doc, &params));
    let related = related_from_counts(&counts, RELATED_COUNT, &params);
    for (post, related) in posts.iter_mut().zip(related) {
        post.related = related;
    }
}

/// Fills `site.highlights` in the author's order and each highlighted post's blurb. A slug no
/// post has is an error (with its line in the site file); a held-back post is only warned about,
/// so a scheduled post can be highlighted ahead of its day without breaking builds until then.
pub fn resolve_highlights(
    mut manifest: Manifest,
    highlights: &[Highlight],
    unpublished: &HashMap<String, &'static str>,
    site_path: &Path,
    warnings: &mut Vec<Warning>,
) -> Result<Manifest, BuildError> {
    let index: HashMap<String, usize> = manifest
        .posts
        .iter()
        .enumerate()
        .map(|(i, post)| (post.slug.clone(), i))
        .collect();
    let mut seen = HashSet::new();
    for highlight in highlights {
        if !seen.insert(highlight.slug.as_str()) {
            return Err(BuildError::DuplicateHighlight {
                path: site_path.to_owned(),
                line: highlight.line,
                slug: highlight.slug.clone(),
            });
        }
        if let Some(&i) = index.get(&highlight.slug) {
            manifest.posts[i].highlight = Some(highlight.blurb.clone());
            manifest.site.highlights.push(highlight.slug.clone());
        } else if let Some(why) = unpublished.get(&highlight.slug) {
            warnings.push(Warning {
                path: site_path.to_owned(),
                line: highlight.line,
                message: format!("highlight {:?} is {why}: left out", highlight.slug),
            });
        } else {
            return Err(BuildError::UnknownHighlight {
                path: site_path.to_owned(),
                line: highlight.line,
                slug: highlight.slug.clone(),
            });
        }
    }
    Ok(manifest)
}
