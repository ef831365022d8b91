//! The native content pipeline: a folder of Markdown posts (Zola, Hugo, Jekyll style) plus an
//! optional `site.toml` in; `manifest.json`, `bodies/<slug>.html` (the rendered body),
//! `posts/<slug>.md`, the search index and the files beside the posts (`files/`) out, plus what
//! publishes the site: Atom and RSS feeds, `sitemap.xml`, `robots.txt` and redirect pages for
//! old URLs (see `publishing`).
//!
//! ```no_run
//! use folio_content::{build, Options};
//! let report = build(&Options::new("content", "target/folio-site"))?;
//! println!("{} posts", report.manifest.posts.len());
//! # Ok::<(), folio_content::BuildError>(())
//! ```

mod absolute_urls;
mod aliases;
mod assemble;
mod assets;
mod atom;
mod base_url;
mod bodies;
mod bundles;
mod classify;
mod content_files;
mod date;
mod error;
mod feed_items;
mod front_matter;
mod image_size;
pub mod in_place;
pub mod link_check;
pub mod link_unchanged;
mod load;
mod local_links;
mod mailing_list;
mod old_addresses;
mod old_urls;
mod outputs;
mod parallel;
mod post_links;
mod publishing;
mod relative_path;
mod render_cache;
mod rss;
mod search_index;
mod shortcodes;
mod shortfall;
mod site_config;
mod site_file;
mod site_settings;
mod sitemap;
mod slug;
mod summary;
mod write;
mod xml_text;

use std::path::{Path, PathBuf};

pub use aliases::Redirect;
pub use assets::{Asset, ASSET_DIR};
pub use base_url::{BasePath, BaseUrl};
pub use date::{DateError, PostDate};
pub use error::{BuildError, Warning};
pub use feed_items::DEFAULT_LIMIT as DEFAULT_FEED_LIMIT;
pub use image_size::{image_size, size_of as image_size_of};
pub use render_cache::RenderStats;

use content_files::Exclusion;
use folio_core::model::Manifest;
use load::Source;

/// What to build and how. [`Options::default`] matches the Trunk pre-build hook's layout.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// The folder of posts, read recursively for `*.md` and `*.markdown`. Default: `content`.
    pub content_dir: PathBuf,
    /// Where `manifest.json` and `posts/` go; replaced as a whole. Default: `target/folio-site`.
    pub out_dir: PathBuf,
    /// The site file. Default `None`: `<content_dir>/site.toml` if it exists, else
    /// [`Site::default`](folio_core::model::Site). A path given here must exist.
    pub site_file: Option<PathBuf>,
    /// Publish drafts (`draft = true`, `published: false`, files in `_drafts/`). Default: false.
    pub include_drafts: bool,
    /// Publish posts dated (or with a `publishDate`) after `today`. Default: false.
    pub include_future: bool,
    /// The day that decides what is "future" and what has expired. Default `None`: today in UTC.
    pub today: Option<time::Date>,
    /// The site's absolute URL, overriding the site file's `base_url`. Default `None`.
    pub base_url: Option<BaseUrl>,
    /// The path the site is served under (Trunk's public URL), replacing the base URL's path.
    /// Default `None`: the base URL's path, or `/`.
    pub base_path: Option<BasePath>,
    /// Replace an earlier build in `out_dir` even with none or far fewer posts (see
    /// [`BuildError::Shrink`]). Default: false.
    pub allow_shrink: bool,
    /// A folder keeping posts' renderings between builds (see `render_cache`): a post whose
    /// source, settings and links to other posts are unchanged is not rendered again. Default
    /// `None`: every post is rendered.
    pub cache_dir: Option<PathBuf>,
    /// An earlier build of the site (usually the one `out_dir` replaces, or one `scripts/build`
    /// moved aside): files whose bytes are unchanged are hard-linked to its copies instead of
    /// written (see [`link_unchanged`]). Default `None`: every file is written.
    pub link_unchanged: Option<PathBuf>,
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
            base_url: None,
            base_path: None,
            allow_shrink: false,
            cache_dir: None,
            link_unchanged: None,
        }
    }
}

/// A post as published, with what the manifest leaves out.
#[derive(Clone, Debug, PartialEq)]
pub struct PostRecord {
    pub slug: String,
    /// The source file.
    pub source: PathBuf,
    /// Old URLs of the post, for redirects: the front matter's `aliases` as given, then where
    /// the post lived on the old site (Zola's `path`, Hugo's `url`, Jekyll's `permalink`).
    pub aliases: Vec<String>,
    /// Publication time as RFC 3339 (midnight UTC when only a day was given), for feeds.
    pub published: String,
    /// Last update as RFC 3339, when the front matter gives one.
    pub updated: Option<String>,
    /// The Markdown written to `posts/<slug>.md`.
    pub body: String,
    /// The rendered body written to `bodies/<slug>.html`, exactly: sanitised HTML with heading
    /// anchors, a table of contents when the post has enough headings, links to the files
    /// beside the post rewritten to `files/…` and links to other posts to `posts/<slug>` (both
    /// relative to the site's base), template syntax from other generators converted (see
    /// `shortcodes`). In-page links are bare fragments (`#id`). Feeds and prerendering reuse it
    /// rather than render again.
    pub html: String,
    /// The text a reader reads in `html` (`folio_markdown::html::text::plain_text`): the search
    /// index's body and its snippets' source.
    pub text: String,
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
    /// Skipped pages and old addresses, unpublished highlights; the CLI prints them to stderr.
    pub warnings: Vec<Warning>,
    /// Markdown files that are not posts: section pages, files without front matter or date.
    pub not_posts: usize,
    /// What was skipped, by kind (`section pages`, `without front matter`, ..., and posts
    /// written in HTML, which Folio does not read), kinds with none left out.
    pub skipped: Vec<(&'static str, usize)>,
    /// Markdown files with a date: every post found, and the skipped files that look dated.
    pub dated_files: usize,
    /// Set when far fewer posts were published than dated files were found: what to print
    /// loudly after the summary.
    pub shortfall: Option<String>,
    /// Drafts kept out, undated ones in Jekyll's `_drafts/` included (those even with
    /// `--drafts`).
    pub drafts_skipped: usize,
    pub future_skipped: usize,
    /// Posts past Hugo's `expiryDate`.
    pub expired_skipped: usize,
    /// The site's absolute URL (also in `manifest.site.base_url`); `None` when none was given,
    /// and then no feeds or sitemap are written.
    pub base_url: Option<BaseUrl>,
    /// The path the site is served under.
    pub base_path: BasePath,
    /// How many of the newest posts the feeds carry; 0 for all.
    pub feed_limit: usize,
    /// One redirect page per old URL of a post.
    pub redirects: Vec<Redirect>,
    /// How many posts were rendered and how many taken from the render cache.
    pub render_stats: RenderStats,
}

/// Reads and checks everything and writes the site into `options.out_dir`, replacing it whole.
/// On error nothing is written and a previous output is left untouched.
pub fn build(options: &Options) -> Result<Report, BuildError> {
    refuse_out_dir_holding_content(options)?;
    let report = prepare(options)?;
    if !options.allow_shrink {
        shortfall::refuse_shrinking(&options.out_dir, report.manifest.posts.len())?;
    }
    write_site(&options.out_dir, &report, options.link_unchanged.as_deref())?;
    Ok(report)
}

/// The path the site is served under for these options (the site file's `base_url` and the
/// options' overrides), without reading any post: what `scripts/build` hands Trunk as its
/// public URL when it is given no `--base-path`.
pub fn resolve_base(options: &Options) -> Result<BasePath, BuildError> {
    let (site_path, required) = site_settings::site_file_path(options);
    let site_file = site_file::load(&site_path, required)?;
    let (base, _) = base_url::resolve(
        site_file.base_url,
        options.base_url.clone(),
        options.base_path.clone(),
    );
    Ok(base.path)
}

/// Everything [`build`] does except writing.
pub fn prepare(options: &Options) -> Result<Report, BuildError> {
    let mut warnings = Vec::new();
    // A Jekyll, Hugo or Zola site's own settings; a Hugo or Zola root reads `content/`.
    let site = site_config::detect(&options.content_dir, &mut warnings);
    let site_settings::Settled {
        path: site_path,
        file: mut site_file,
        base,
    } = site_settings::settle(options, site.base_url.as_deref(), &mut warnings)?;

    let content_dir = site.content_dir.as_path();
    let exclusion = Exclusion::output(&options.out_dir);
    let files = content_files::content_files(content_dir, &exclusion)?;
    // The site file is settings, not something to publish.
    let mut asset_files = files.assets;
    asset_files.retain(|file| content_dir.join(file) != site_path);
    let mut assets = assets::Assets::new(content_dir, &asset_files);
    if let Some(static_dir) = &site.static_dir {
        let static_files = content_files::content_files(static_dir, &exclusion)?;
        let mut all = static_files.assets;
        all.extend(static_files.markdown);
        assets.add_site_root_folder(static_dir, &all);
    }
    // The bio's links are relative to the content folder itself.
    site_file.site.bio_html = assets.rewrite(&folio_markdown::render(&site_file.site.bio).html, "");
    let mut posts = Vec::with_capacity(files.markdown.len());
    let (mut not_posts, mut undated_drafts) = (0, 0);
    let mut skipped: std::collections::BTreeMap<load::Skipped, usize> = Default::default();
    let mut looks_dated = 0;
    let mut held_back_bundles = Vec::new();
    for source in load::load_all(content_dir, &files.markdown, &site)? {
        match source {
            Source::Post(mut post) => {
                warnings.append(&mut post.warnings);
                posts.push(*post);
            }
            Source::NotAPost {
                warning,
                kind,
                looks_dated: dated,
            } => {
                not_posts += 1;
                *skipped.entry(kind).or_default() += 1;
                looks_dated += usize::from(dated);
                warnings.push(warning);
            }
            Source::UndatedDraft { warning, bundle } => {
                undated_drafts += 1;
                held_back_bundles.extend(bundle);
                // Without --drafts it is kept out like any draft, and says nothing.
                if options.include_drafts {
                    warnings.push(warning);
                }
            }
        }
    }

    let today = options
        .today
        .unwrap_or_else(|| time::OffsetDateTime::now_utc().date());
    let rules = assemble::Rules {
        include_drafts: options.include_drafts,
        include_future: options.include_future,
        today,
    };
    let found_posts = posts.len() + undated_drafts;
    let html_posts = shortfall::html_posts(content_dir, &asset_files, &mut warnings);
    let published = assemble::publish(posts, &rules)?;
    // Bodies are rendered only now: links between posts need every post's slug.
    let cache = render_cache::RenderCache::new(options.cache_dir.as_deref());
    let (mut bodies, body_warnings) =
        bodies::render_published(content_dir, &published, &assets, &site, &cache);
    warnings.extend(body_warnings);
    let outputs = assets.outputs();
    let files = local_links::published_files(outputs.iter().map(|a| a.output.as_str()));
    let old = bodies::old_addresses(content_dir, &published, &site);
    warnings.extend(local_links::settle(&published, &mut bodies, &files, &old));
    bodies::read_texts(&mut bodies, &cache);
    held_back_bundles.extend(published.held_back_bundles);
    let bundles = bundles::all(
        published.posts.iter().filter_map(|(_, p)| p.bundle.clone()),
        held_back_bundles,
    );
    let (manifest, posts) = assemble::manifest(published.posts, bodies, site_file.site);
    let manifest = assemble::resolve_highlights(
        manifest,
        &site_file.highlights,
        &published.unpublished,
        &site_path,
        &mut warnings,
    )?;
    let with_aliases: Vec<aliases::PostAliases<'_>> = posts
        .iter()
        .map(|p| aliases::PostAliases {
            slug: &p.slug,
            source: &p.source,
            aliases: &p.aliases,
        })
        .collect();
    let redirects = aliases::plan(&with_aliases, &manifest, base.url.as_ref())?;

    let mut skipped: Vec<(&'static str, usize)> = skipped
        .into_iter()
        .map(|(k, n)| (k.describe(), n))
        .collect();
    if html_posts > 0 {
        skipped.push(("posts written in HTML", html_posts));
    }
    let dated_files = found_posts + looks_dated + html_posts;
    let held_back = published.drafts_skipped
        + undated_drafts
        + published.future_skipped
        + published.expired_skipped;
    let shortfall = shortfall::check(manifest.posts.len(), held_back, dated_files);
    Ok(Report {
        skipped,
        dated_files,
        shortfall,
        manifest,
        posts,
        assets: bundles::withhold(assets.outputs(), &bundles, options.include_drafts),
        warnings,
        not_posts,
        drafts_skipped: published.drafts_skipped + undated_drafts,
        future_skipped: published.future_skipped,
        expired_skipped: published.expired_skipped,
        base_url: base.url,
        base_path: base.path,
        feed_limit: site_file.feed_limit.unwrap_or(feed_items::DEFAULT_LIMIT),
        redirects,
        render_stats: cache.stats(),
    })
}

/// The list an in-place build keeps, in its output folder, of the files it wrote.
pub const IN_PLACE_LIST: &str = ".folio-build-files";

/// Like [`build`], but updates `options.out_dir` in place rather than replacing it: only the
/// files whose bytes changed are written, files of the previous in-place build that are gone
/// are removed, and other files in the folder stay (see [`in_place`]). For the dev server,
/// which keeps the app and the prerendered pages in the same folder. On error nothing is
/// written.
pub fn build_in_place(options: &Options) -> Result<(Report, in_place::Changes), BuildError> {
    refuse_out_dir_holding_content(options)?;
    let report = prepare(options)?;
    let changes = with_site_files(&report, |files| {
        let files: Vec<(&str, &[u8])> = files
            .iter()
            .map(|f| (f.relative.as_str(), f.contents))
            .collect();
        let copies: Vec<(&Path, &str)> = report
            .assets
            .iter()
            .map(|a| (a.source.as_path(), a.output.as_str()))
            .collect();
        in_place::update_dir(&options.out_dir, IN_PLACE_LIST, &files, &copies)
    })
    .map_err(|e| BuildError::io(e.path, e.doing, e.source))?;
    Ok((report, changes))
}

/// Writes a prepared report into `out_dir`, replacing it whole; files unchanged since the build
/// in `link_unchanged` are links to its copies.
pub fn write_site(
    out_dir: &Path,
    report: &Report,
    link_unchanged: Option<&Path>,
) -> Result<(), BuildError> {
    with_site_files(report, |files| {
        write::replace_dir(out_dir, files, &report.assets, link_unchanged)
    })
}

/// Hands every file of the site but the copied assets to `write`.
fn with_site_files<T>(report: &Report, write: impl FnOnce(&[write::OutputFile<'_>]) -> T) -> T {
    let manifest = write::manifest_json(&report.manifest);
    let index = search_index::build_index(report, &folio_core::search::BuildOptions::default());
    let mut files = write::site_files(&manifest, &report.posts);
    files.extend(index.files.iter().map(|(path, bytes)| write::OutputFile {
        relative: path.clone(),
        contents: bytes,
    }));
    let published = publishing::files(report);
    files.extend(published.iter().map(|(path, bytes)| write::OutputFile {
        relative: path.clone(),
        contents: bytes,
    }));
    write(&files)
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
