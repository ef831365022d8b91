//! From Markdown files to posts: read each file, parse its front matter, tell posts from pages
//! (see [`super::classify`]) and settle a post's title, date, slug request and old addresses.

use std::fs;
use std::path::{Path, PathBuf};

use super::bundles::bundle_dir;
use super::classify::{in_drafts_folder, post_date, title_from_name};
use super::content_files::is_section_page;
use super::date::PostDate;
use super::error::{line_at, BuildError, Warning};
use super::front_matter;
use super::old_urls::old_urls;
use super::parallel;
use super::site_config::{Generator, SiteConfig};
use super::slug;

/// One post read from disk, before slugs are settled.
#[derive(Clone, Debug, PartialEq)]
pub struct SourcePost {
    /// The file as the user would name it (content folder joined with the relative path).
    pub path: PathBuf,
    pub title: String,
    /// The date shown and sorted by.
    pub date: PostDate,
    pub updated: Option<PostDate>,
    /// The day the post goes live: Hugo's `publishDate` when given, else `date`'s day.
    pub goes_live: time::Date,
    /// Hugo's `expiryDate`: from this day on the post is kept out.
    pub expires: Option<time::Date>,
    pub summary: String,
    pub tags: Vec<String>,
    /// `draft`, Jekyll's `published: false`, or a file in Jekyll's `_drafts/`.
    pub draft: bool,
    /// The front matter's `slug` and the line it is on.
    pub explicit_slug: Option<(String, Option<usize>)>,
    /// The slug from the file name, used when there is no explicit one.
    pub derived_slug: String,
    /// Old URLs: see [`old_urls`].
    pub aliases: Vec<String>,
    /// The folder of the page bundle this post is the index of (see [`super::bundles`]).
    pub bundle: Option<String>,
    /// The Markdown after the front matter.
    pub body: String,
    /// The file line `body` starts on, for warnings about the body.
    pub body_line: usize,
    /// Jekyll's `excerpt_separator`: the text ending the summary, instead of `<!-- more -->`.
    pub excerpt_separator: Option<String>,
    /// Every front-matter key, for `{{ page.x }}` and Hugo's `param`.
    pub values: serde_json::Value,
    /// Jekyll's `category`/`categories`, as written (they are tags too), for the old address.
    pub categories: Vec<String>,
    /// What was skipped in the post without stopping the build (a permalink pattern).
    pub warnings: Vec<Warning>,
}

/// What a Markdown file turned out to be.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    Post(Box<SourcePost>),
    /// A page, not a post (a section page, a file without front matter or without a date):
    /// only worth a warning, and counted by its kind (see [`Skipped`]).
    NotAPost {
        warning: Warning,
        kind: Skipped,
        /// Whether the file still looks like a dated post (a `date` line, a dated file name):
        /// many of those skipped means the build is losing posts (see `super::shortfall`).
        looks_dated: bool,
    },
    /// A file in Jekyll's `_drafts/` without a date: a draft that cannot be published even
    /// with `--drafts`, since it has no place in the lists.
    UndatedDraft {
        warning: Warning,
        bundle: Option<String>,
    },
}

/// Why a Markdown file is not a post, as the build's summary counts them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Skipped {
    /// Zola's and Hugo's `_index.md`.
    SectionPage,
    NoFrontMatter,
    /// Front matter without a date (and no date in the file name): a page such as `about.md`.
    NoDate,
    /// A Jekyll page whose front matter does not parse (Jekyll goes on too).
    UnreadableFrontMatter,
}

impl Skipped {
    /// How the summary names files of this kind.
    pub fn describe(self) -> &'static str {
        match self {
            Skipped::SectionPage => "section pages",
            Skipped::NoFrontMatter => "without front matter",
            Skipped::NoDate => "pages without a date",
            Skipped::UnreadableFrontMatter => "pages with unreadable front matter",
        }
    }
}

/// Reads a UTF-8 text file, dropping a leading byte-order mark. Invalid UTF-8 is reported with
/// the line of the first bad byte.
pub fn read_text(path: &Path) -> Result<String, BuildError> {
    let bytes = fs::read(path).map_err(|e| BuildError::io(path, "reading", e))?;
    let mut text = String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        BuildError::InvalidUtf8 {
            path: path.to_owned(),
            line: 1 + bytes[..valid].iter().filter(|&&b| b == b'\n').count(),
        }
    })?;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(text)
}

/// Loads every file in `relative_paths` (in that order), spread over the cores. The first
/// error in path order wins, so failures are deterministic.
pub fn load_all(
    content_dir: &Path,
    relative_paths: &[PathBuf],
    site: &SiteConfig,
) -> Result<Vec<Source>, BuildError> {
    parallel::map(relative_paths, |relative| load(content_dir, relative, site))
        .into_iter()
        .collect()
}

/// Reads and classifies one file. A post's body is rendered later (see `super::bodies`), once
/// every post's slug is known, so links between posts can be resolved.
pub fn load(content_dir: &Path, relative: &Path, site: &SiteConfig) -> Result<Source, BuildError> {
    let path = content_dir.join(relative);
    let dated_name = slug::from_path(relative).1.is_some();
    let not_a_post = |path: PathBuf, why: &str, kind: Skipped, text: &str| {
        Ok(Source::NotAPost {
            warning: Warning::new(path, format!("{why}: not a post, skipped")),
            kind,
            looks_dated: dated_name || has_date_line(text),
        })
    };
    if relative.file_name().is_some_and(is_section_page) {
        return not_a_post(path, "section page (`_index.md`)", Skipped::SectionPage, "");
    }
    let text = read_text(&path)?;
    let split = front_matter::split(&text).map_err(|e| BuildError::UnterminatedFrontMatter {
        path: path.clone(),
        line: 1,
        fence: e.format.fence(),
    })?;
    let Some(raw) = split.front_matter else {
        return not_a_post(path, "no front matter", Skipped::NoFrontMatter, &text);
    };
    let front = match front_matter::parse(&raw) {
        Ok(front) => front,
        // Jekyll reports a page whose front matter it cannot read and goes on; a post's
        // stops the build here, as Hugo's and Zola's always do.
        Err(e) if site.generator == Generator::Jekyll && !in_post_folder(relative) => {
            return Ok(Source::NotAPost {
                warning: Warning {
                    path,
                    line: e.line,
                    message: format!(
                        "a page (outside _posts/) whose {} front matter cannot be read ({}): \
                         not a post, skipped",
                        raw.format.name(),
                        e.message
                    ),
                },
                kind: Skipped::UnreadableFrontMatter,
                looks_dated: dated_name || has_date_line(&text),
            });
        }
        Err(e) => {
            return Err(BuildError::FrontMatter {
                path: path.clone(),
                line: e.line,
                format: raw.format.name(),
                message: e.message,
            })
        }
    };
    let values = front_matter::all_values(&raw);
    let body = split.body;
    let (derived_slug, name_date) = slug::from_path(relative);
    let bundle = bundle_dir(relative);
    let date = post_date(&path, &front, name_date.as_deref(), &raw)?;
    let date = date.map(|d| in_site_zone(d, site));
    let Some(date) = date else {
        if in_drafts_folder(relative) {
            return Ok(Source::UndatedDraft {
                warning: Warning::new(
                    path,
                    "draft without a date: skipped even with --drafts (give it a `date` to \
                     preview it)",
                ),
                bundle,
            });
        }
        return not_a_post(
            path,
            "no date (in the front matter or a YYYY-MM-DD- file name)",
            Skipped::NoDate,
            "",
        );
    };
    // Jekyll's default title is made from a dated file name only.
    let name_title = || {
        name_date
            .is_some()
            .then(|| title_from_name(&derived_slug))
            .flatten()
    };
    let Some(title) = front.title.clone().or_else(name_title) else {
        // Line 1: the front matter starts the file, and the title belongs in it.
        return Err(BuildError::MissingTitle { path, line: 1 });
    };

    if !slug::is_valid(&derived_slug) && front.slug.is_none() {
        return Err(BuildError::InvalidSlug {
            path,
            line: None,
            slug: derived_slug,
        });
    }
    let explicit_slug = match &front.slug {
        Some(slug) if !slug::is_valid(slug) => {
            return Err(BuildError::InvalidSlug {
                path,
                line: front_matter::key_line(&raw, "slug"),
                slug: slug.clone(),
            })
        }
        Some(slug) => Some((slug.clone(), front_matter::key_line(&raw, "slug"))),
        None => None,
    };
    let mut warnings = Vec::new();
    let aliases = old_urls(&front, &raw, &path, &mut warnings);
    let categories = if site.generator == Generator::Jekyll {
        taxonomy_terms(&values, &["category", "categories"])
    } else {
        Vec::new()
    };
    let mut tags = front.tags;
    let taxonomies: Vec<&str> = site.taxonomies.iter().map(String::as_str).collect();
    for term in taxonomy_terms(&values, &taxonomies) {
        if !tags.iter().any(|t| t == &term) {
            tags.push(term);
        }
    }

    Ok(Source::Post(Box::new(SourcePost {
        title,
        date,
        updated: front.updated.map(|d| in_site_zone(d, site)),
        goes_live: front.publish_date.unwrap_or(date).day,
        expires: front.expiry_date.map(|d| d.day),
        summary: front.summary.unwrap_or_default(),
        tags,
        draft: front.draft || in_drafts_folder(relative),
        explicit_slug,
        derived_slug,
        aliases,
        bundle,
        excerpt_separator: front
            .excerpt_separator
            .or_else(|| site.excerpt_separator.clone().filter(|s| !s.is_empty())),
        values,
        categories,
        body_line: line_at(&text, text.len() - body.len()),
        body: body.to_owned(),
        path,
        warnings,
    })))
}

/// Whether one of the first lines sets a `date` (`date: …`, `date = …`), as front matter does.
fn has_date_line(text: &str) -> bool {
    text.lines().take(40).any(|line| {
        line.trim_start()
            .strip_prefix("date")
            .is_some_and(|rest| rest.trim_start().starts_with([':', '=']))
    })
}

/// A date as the site's generator shows it: Jekyll with a `timezone` moves it to that zone.
fn in_site_zone(date: PostDate, site: &SiteConfig) -> PostDate {
    match (&site.timezone, site.generator) {
        (Some(zone), Generator::Jekyll) => date.in_jekyll_zone(zone).unwrap_or(date),
        _ => date,
    }
}

/// Whether a file lies in Jekyll's `_posts/` or `_drafts/`.
fn in_post_folder(relative: &Path) -> bool {
    relative
        .components()
        .any(|c| matches!(c.as_os_str().to_str(), Some("_posts" | "_drafts")))
}

/// The terms of the taxonomies `keys` names, at the front matter's top level or under Zola's
/// `[taxonomies]`: lists of strings, or (Jekyll) one string of space-separated words.
fn taxonomy_terms(values: &serde_json::Value, keys: &[&str]) -> Vec<String> {
    use serde_json::Value;
    let mut terms = Vec::new();
    let tables = [Some(values), values.get("taxonomies")];
    for key in keys {
        for value in tables.iter().flatten().filter_map(|t| t.get(*key)) {
            match value {
                Value::String(text) => terms.extend(text.split_whitespace().map(str::to_owned)),
                Value::Array(items) => terms.extend(
                    items
                        .iter()
                        .filter_map(|i| match i {
                            Value::String(s) => Some(s.trim().to_owned()),
                            Value::Number(n) => Some(n.to_string()),
                            _ => None,
                        })
                        .filter(|s| !s.is_empty()),
                ),
                _ => {}
            }
        }
    }
    let mut unique = Vec::with_capacity(terms.len());
    for term in terms {
        if !unique.contains(&term) {
            unique.push(term);
        }
    }
    unique
}
