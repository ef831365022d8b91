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
use super::slug;
use folio_markdown::word_count;

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
    pub word_count: u32,
    /// What was skipped in the post without stopping the build (a permalink pattern).
    pub warnings: Vec<Warning>,
}

/// What a Markdown file turned out to be.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    Post(Box<SourcePost>),
    /// A page, not a post (a section page, a file without front matter or without a date):
    /// only worth a warning.
    NotAPost(Warning),
    /// A file in Jekyll's `_drafts/` without a date: a draft that cannot be published even
    /// with `--drafts`, since it has no place in the lists.
    UndatedDraft {
        warning: Warning,
        bundle: Option<String>,
    },
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
pub fn load_all(content_dir: &Path, relative_paths: &[PathBuf]) -> Result<Vec<Source>, BuildError> {
    parallel::map(relative_paths, |relative| load(content_dir, relative))
        .into_iter()
        .collect()
}

/// Reads and classifies one file. A post's body is rendered later (see `super::bodies`), once
/// every post's slug is known, so links between posts can be resolved.
pub fn load(content_dir: &Path, relative: &Path) -> Result<Source, BuildError> {
    let path = content_dir.join(relative);
    let not_a_post = |path: PathBuf, why: &str| {
        Ok(Source::NotAPost(Warning::new(
            path,
            format!("{why}: not a post, skipped"),
        )))
    };
    if relative.file_name().is_some_and(is_section_page) {
        return not_a_post(path, "section page (`_index.md`)");
    }
    let text = read_text(&path)?;
    let split = front_matter::split(&text).map_err(|e| BuildError::UnterminatedFrontMatter {
        path: path.clone(),
        line: 1,
        fence: e.format.fence(),
    })?;
    let Some(raw) = split.front_matter else {
        return not_a_post(path, "no front matter");
    };
    let front = front_matter::parse(&raw).map_err(|e| BuildError::FrontMatter {
        path: path.clone(),
        line: e.line,
        format: raw.format.name(),
        message: e.message,
    })?;
    let body = split.body;
    let (derived_slug, name_date) = slug::from_path(relative);
    let bundle = bundle_dir(relative);
    let Some(date) = post_date(&path, &front, name_date.as_deref(), &raw)? else {
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

    Ok(Source::Post(Box::new(SourcePost {
        title,
        date,
        updated: front.updated,
        goes_live: front.publish_date.unwrap_or(date).day,
        expires: front.expiry_date.map(|d| d.day),
        summary: front.summary.unwrap_or_default(),
        tags: front.tags,
        draft: front.draft || in_drafts_folder(relative),
        explicit_slug,
        derived_slug,
        aliases,
        bundle,
        word_count: word_count(body),
        excerpt_separator: front.excerpt_separator,
        body_line: line_at(&text, text.len() - body.len()),
        body: body.to_owned(),
        path,
        warnings,
    })))
}
