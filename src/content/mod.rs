//! The native content pipeline: a folder of Markdown posts (Zola, Hugo, Jekyll style) plus an
//! optional `site.toml` in; `manifest.json` and `posts/<slug>.md` out.
//!
//! ```no_run
//! use folio::content::{build, Options};
//! let report = build(&Options::new("content", "target/folio-site"))?;
//! println!("{} posts", report.manifest.posts.len());
//! # Ok::<(), folio::content::BuildError>(())
//! ```

mod date;
mod error;
mod front_matter;
mod load;
mod site_file;
mod slug;
mod write;

use std::cmp::Reverse;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

pub use date::{DateError, PostDate};
pub use error::{BuildError, Warning};

use crate::model::{reading_minutes, Manifest, PostSummary};
use load::{Exclusion, Source, SourcePost};

/// What to build and how. [`Options::default`] matches the Trunk pre-build hook's layout.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// The folder of posts, read recursively for `*.md`. Default: `content`.
    pub content_dir: PathBuf,
    /// Where `manifest.json` and `posts/` go; replaced as a whole. Default: `target/folio-site`.
    pub out_dir: PathBuf,
    /// The site file. Default `None`: `<content_dir>/site.toml` if it exists, else
    /// [`Site::default`](crate::model::Site). A path given here must exist.
    pub site_file: Option<PathBuf>,
    /// Publish posts marked `draft = true`. Default: false.
    pub include_drafts: bool,
    /// Publish posts dated after `today`. Default: false.
    pub include_future: bool,
    /// The day that decides what is "future". Default `None`: today in UTC.
    pub today: Option<time::Date>,
}

impl Default for Options {
    fn default() -> Self {
        Options::new("content", "target/folio-site")
    }
}

impl Options {
    /// Defaults for everything but the two folders.
    pub fn new(content_dir: impl Into<PathBuf>, out_dir: impl Into<PathBuf>) -> Self {
        Options {
            content_dir: content_dir.into(),
            out_dir: out_dir.into(),
            site_file: None,
            include_drafts: false,
            include_future: false,
            today: None,
        }
    }
}

/// A post as published, with what the manifest leaves out.
#[derive(Clone, Debug, PartialEq)]
pub struct PostRecord {
    pub slug: String,
    /// The source file.
    pub source: PathBuf,
    /// The front matter's `aliases` (old URLs), as given, for redirects.
    pub aliases: Vec<String>,
    /// Publication time as RFC 3339 (midnight UTC when only a day was given), for feeds.
    pub published: String,
    /// The Markdown written to `posts/<slug>.md`.
    pub body: String,
}

/// What a build produced (or, from [`prepare`], would produce).
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// Exactly what `manifest.json` holds.
    pub manifest: Manifest,
    /// One per manifest post, in the same order.
    pub posts: Vec<PostRecord>,
    /// Skipped section pages and unpublished highlights; the CLI prints them to stderr.
    pub warnings: Vec<Warning>,
    pub section_pages: usize,
    pub drafts_skipped: usize,
    pub future_skipped: usize,
}

/// Reads and checks everything and writes the site into `options.out_dir`, replacing it whole.
/// On error nothing is written and a previous output is left untouched.
pub fn build(options: &Options) -> Result<Report, BuildError> {
    let report = prepare(options)?;
    write_site(&options.out_dir, &report)?;
    Ok(report)
}

/// Everything [`build`] does except writing.
pub fn prepare(options: &Options) -> Result<Report, BuildError> {
    let (site_path, required) = match &options.site_file {
        Some(path) => (path.clone(), true),
        None => (options.content_dir.join("site.toml"), false),
    };
    let site_file = site_file::load(&site_path, required)?;

    let files = load::markdown_files(&options.content_dir, &Exclusion::output(&options.out_dir))?;
    let mut warnings = Vec::new();
    let mut posts = Vec::with_capacity(files.len());
    for source in load::load_all(&options.content_dir, &files)? {
        match source {
            Source::Post(post) => posts.push(*post),
            Source::SectionPage(warning) => warnings.push(warning),
        }
    }
    let section_pages = warnings.len();

    // Every post takes part in slug assignment, published or not, so a slug does not move when
    // a draft is published or a flag changes.
    let slugs = assign_slugs(&posts)?;

    let today = options
        .today
        .unwrap_or_else(|| time::OffsetDateTime::now_utc().date());
    let (mut drafts_skipped, mut future_skipped) = (0, 0);
    let mut unpublished: HashMap<String, &'static str> = HashMap::new();
    let mut published: Vec<(String, SourcePost)> = Vec::with_capacity(posts.len());
    for (slug, post) in slugs.into_iter().zip(posts) {
        if post.draft && !options.include_drafts {
            drafts_skipped += 1;
            unpublished.insert(slug, "a draft");
        } else if post.date.day > today && !options.include_future {
            future_skipped += 1;
            unpublished.insert(slug, "dated in the future");
        } else {
            published.push((slug, post));
        }
    }
    published.sort_by(|(slug_a, a), (slug_b, b)| {
        (Reverse(a.date.day), &a.title, slug_a).cmp(&(Reverse(b.date.day), &b.title, slug_b))
    });

    let mut site = site_file.site;
    let mut blurbs: HashMap<&str, &str> = HashMap::new();
    for highlight in &site_file.highlights {
        if blurbs.contains_key(highlight.slug.as_str()) {
            return Err(BuildError::DuplicateHighlight {
                path: site_path,
                line: highlight.line,
                slug: highlight.slug.clone(),
            });
        }
        blurbs.insert(&highlight.slug, &highlight.blurb);
    }
    let mut summaries = Vec::with_capacity(published.len());
    let mut records = Vec::with_capacity(published.len());
    let mut shown: HashSet<String> = HashSet::new();
    for (slug, post) in published {
        let highlight = blurbs.get(slug.as_str()).map(|b| (*b).to_owned());
        if highlight.is_some() {
            shown.insert(slug.clone());
        }
        summaries.push(PostSummary {
            slug: slug.clone(),
            title: post.title,
            date: post.date.ymd(),
            updated: post.updated.map(|u| u.ymd()),
            summary: post.summary,
            tags: post.tags,
            word_count: post.word_count,
            reading_minutes: reading_minutes(post.word_count),
            highlight,
        });
        records.push(PostRecord {
            slug,
            source: post.path,
            aliases: post.aliases,
            published: post.date.rfc3339(),
            body: post.body,
        });
    }
    for highlight in &site_file.highlights {
        if shown.contains(&highlight.slug) {
            site.highlights.push(highlight.slug.clone());
        } else if let Some(why) = unpublished.get(&highlight.slug) {
            // A scheduled or draft post may be highlighted ahead of time; it just isn't shown yet.
            warnings.push(Warning {
                path: site_path.clone(),
                message: format!("highlight {:?} is {why}: left out", highlight.slug),
            });
        } else {
            return Err(BuildError::UnknownHighlight {
                path: site_path,
                line: highlight.line,
                slug: highlight.slug.clone(),
            });
        }
    }

    Ok(Report {
        manifest: Manifest {
            site,
            posts: summaries,
        },
        posts: records,
        warnings,
        section_pages,
        drafts_skipped,
        future_skipped,
    })
}

/// Writes a prepared report into `out_dir`, replacing it whole.
pub fn write_site(out_dir: &Path, report: &Report) -> Result<(), BuildError> {
    let manifest = write::manifest_json(&report.manifest);
    let files = write::site_files(
        &manifest,
        report.posts.iter().map(|p| (p.slug.as_str(), p.body.as_str())),
    );
    write::replace_dir(out_dir, &files)
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
