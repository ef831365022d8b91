//! The native content pipeline: a folder of Markdown posts (Zola, Hugo, Jekyll style) plus an
//! optional `site.toml` in; `manifest.json`, `bodies/<slug>.html` (the rendered body),
//! `posts/<slug>.md`, the search index and the files beside the posts (`files/`) out.
//!
//! ```no_run
//! use folio::content::{build, Options};
//! let report = build(&Options::new("content", "target/folio-site"))?;
//! println!("{} posts", report.manifest.posts.len());
//! # Ok::<(), folio::content::BuildError>(())
//! ```

mod assemble;
mod assets;
mod date;
mod error;
mod front_matter;
mod image_size;
mod load;
mod search_index;
mod site_file;
mod slug;
mod write;

use std::path::{Path, PathBuf};

pub use assets::{Asset, ASSET_DIR};
pub use date::{DateError, PostDate};
pub use error::{BuildError, Warning};
pub use image_size::{image_size, size_of as image_size_of};

use crate::model::Manifest;
use load::{Exclusion, Source};

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
    /// The rendered body written to `bodies/<slug>.html`, exactly: sanitised HTML with heading
    /// anchors, a table of contents when the post has enough headings, and links to the files
    /// beside the post rewritten to `files/…` (relative to the site's base). In-page links are
    /// bare fragments (`#id`). Feeds and prerendering reuse it rather than render again.
    pub html: String,
}

/// What a build produced (or, from [`prepare`], would produce).
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// Exactly what `manifest.json` holds.
    pub manifest: Manifest,
    /// One per manifest post, in the same order.
    pub posts: Vec<PostRecord>,
    /// The files beside the posts, copied into the output (see [`ASSET_DIR`]).
    pub assets: Vec<Asset>,
    /// Skipped section pages and unpublished highlights; the CLI prints them to stderr.
    pub warnings: Vec<Warning>,
    pub section_pages: usize,
    pub drafts_skipped: usize,
    pub future_skipped: usize,
}

/// Reads and checks everything and writes the site into `options.out_dir`, replacing it whole.
/// On error nothing is written and a previous output is left untouched.
pub fn build(options: &Options) -> Result<Report, BuildError> {
    refuse_out_dir_holding_content(options)?;
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
    let mut site_file = site_file::load(&site_path, required)?;

    let files = load::content_files(&options.content_dir, &Exclusion::output(&options.out_dir))?;
    // The site file is settings, not something to publish.
    let mut asset_files = files.assets;
    asset_files.retain(|file| options.content_dir.join(file) != site_path);
    let assets = assets::Assets::new(&options.content_dir, &asset_files);
    // The bio's links are relative to the content folder itself.
    site_file.site.bio_html =
        assets.rewrite(&crate::markdown::render(&site_file.site.bio).html, "");
    let mut warnings = Vec::new();
    let mut posts = Vec::with_capacity(files.markdown.len());
    for source in load::load_all(&options.content_dir, &files.markdown, &assets)? {
        match source {
            Source::Post(post) => posts.push(*post),
            Source::SectionPage(warning) => warnings.push(warning),
        }
    }
    let section_pages = warnings.len();

    let today = options
        .today
        .unwrap_or_else(|| time::OffsetDateTime::now_utc().date());
    let rules = assemble::Rules {
        include_drafts: options.include_drafts,
        include_future: options.include_future,
        today,
    };
    let published = assemble::publish(posts, &rules)?;
    let (manifest, posts) = assemble::manifest(published.posts, site_file.site);
    let manifest = assemble::resolve_highlights(
        manifest,
        &site_file.highlights,
        &published.unpublished,
        &site_path,
        &mut warnings,
    )?;

    Ok(Report {
        manifest,
        posts,
        assets: assets.outputs(),
        warnings,
        section_pages,
        drafts_skipped: published.drafts_skipped,
        future_skipped: published.future_skipped,
    })
}

/// Writes a prepared report into `out_dir`, replacing it whole.
pub fn write_site(out_dir: &Path, report: &Report) -> Result<(), BuildError> {
    let manifest = write::manifest_json(&report.manifest);
    let index = search_index::build_index(report, &crate::search::BuildOptions::default());
    let mut files = write::site_files(&manifest, &report.posts);
    files.extend(index.files.iter().map(|(path, bytes)| write::OutputFile {
        relative: path.clone(),
        contents: bytes,
    }));
    write::replace_dir(out_dir, &files, &report.assets)
}

/// `--out .` or `--out` equal to `--content` would wipe the posts on the first successful build.
fn refuse_out_dir_holding_content(options: &Options) -> Result<(), BuildError> {
    // Either folder missing: the content one is reported by `prepare`, and a missing output
    // folder cannot hold anything.
    let (Ok(content), Ok(out)) = (
        std::fs::canonicalize(&options.content_dir),
        std::fs::canonicalize(&options.out_dir),
    ) else {
        return Ok(());
    };
    if content.starts_with(&out) {
        return Err(BuildError::OutDirHoldsContent {
            path: options.out_dir.clone(),
            content_dir: options.content_dir.clone(),
        });
    }
    Ok(())
}
