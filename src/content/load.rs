//! From a content folder to posts: find `**/*.md`, read each file, parse its front matter and
//! settle its title, date and slug request.

use std::ffi::{OsStr, OsString};
use std::fs;
use std::path::{Path, PathBuf};

use super::date::{self, PostDate};
use super::error::line_at;
use super::error::{BuildError, Warning};
use super::front_matter::{self, FrontMatter, RawFrontMatter};
use super::parallel;
use super::slug;
use crate::markdown::word_count;

/// One post read from disk, before slugs are settled.
#[derive(Clone, Debug, PartialEq)]
pub struct SourcePost {
    /// The file as the user would name it (content folder joined with the relative path).
    pub path: PathBuf,
    pub title: String,
    pub date: PostDate,
    pub updated: Option<PostDate>,
    pub summary: String,
    pub tags: Vec<String>,
    pub draft: bool,
    /// The front matter's `slug` and the line it is on.
    pub explicit_slug: Option<(String, Option<usize>)>,
    /// The slug from the file name, used when there is no explicit one.
    pub derived_slug: String,
    /// Old URLs: the front matter's `aliases`, then Zola's `path` (the post's address on the
    /// old site), without repeats.
    pub aliases: Vec<String>,
    /// The Markdown after the front matter.
    pub body: String,
    /// The file line `body` starts on, for warnings about the body.
    pub body_line: usize,
    /// Jekyll's `excerpt_separator`: the text ending the summary, instead of `<!-- more -->`.
    pub excerpt_separator: Option<String>,
    pub word_count: u32,
}

/// What a Markdown file turned out to be.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    Post(Box<SourcePost>),
    /// A Zola section page or template page: not a post, only worth a warning.
    SectionPage(Warning),
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

/// A folder that must not be read as content: the build's own output (and its staging
/// siblings), in case it lies inside the content folder.
#[derive(Clone, Debug, Default)]
pub struct Exclusion {
    /// The output folder's parent, canonical; `None` when there is nothing to exclude.
    parent: Option<PathBuf>,
    names: Vec<OsString>,
}

impl Exclusion {
    /// Excludes `out_dir` and the `<out>.tmp-*`/`<out>.old-*` siblings a build stages beside it.
    pub fn output(out_dir: &Path) -> Self {
        let (Some(name), Some(parent)) = (out_dir.file_name(), out_dir.parent()) else {
            return Exclusion::default();
        };
        let parent = if parent.as_os_str().is_empty() {
            Path::new(".")
        } else {
            parent
        };
        Exclusion {
            parent: fs::canonicalize(parent).ok(),
            names: vec![name.to_owned()],
        }
    }

    fn excludes(&self, canonical_dir: Option<&Path>, name: &OsStr) -> bool {
        if self.parent.is_none() || self.parent.as_deref() != canonical_dir {
            return false;
        }
        let name = name.to_string_lossy();
        self.names.iter().any(|out| {
            let out = out.to_string_lossy();
            name == out
                || name
                    .strip_prefix(out.as_ref())
                    .is_some_and(|rest| rest.starts_with(".tmp-") || rest.starts_with(".old-"))
        })
    }
}

/// The files of a content folder, relative to it, each list sorted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ContentFiles {
    /// Every `*.md`.
    pub markdown: Vec<PathBuf>,
    /// Every other file: see [`super::assets`].
    pub assets: Vec<PathBuf>,
}

/// Every file under `content_dir`, Markdown or not. Hidden files and folders (`.git`, editor
/// droppings) are not content; symlinked folders are not followed, so a loop cannot hang the
/// build.
pub fn content_files(
    content_dir: &Path,
    exclusion: &Exclusion,
) -> Result<ContentFiles, BuildError> {
    let mut files = ContentFiles::default();
    let mut pending = vec![PathBuf::new()];
    while let Some(relative) = pending.pop() {
        let dir = content_dir.join(&relative);
        let canonical = exclusion
            .parent
            .is_some()
            .then(|| fs::canonicalize(&dir).ok())
            .flatten();
        let entries = fs::read_dir(&dir).map_err(|e| BuildError::io(&dir, "reading folder", e))?;
        for entry in entries {
            let entry = entry.map_err(|e| BuildError::io(&dir, "reading folder", e))?;
            let name = entry.file_name();
            if name.to_string_lossy().starts_with('.') {
                continue;
            }
            let file_type = entry
                .file_type()
                .map_err(|e| BuildError::io(entry.path(), "reading file type", e))?;
            let is_file = file_type.is_file()
                || (file_type.is_symlink() && entry.path().metadata().is_ok_and(|m| m.is_file()));
            if file_type.is_dir() {
                if !exclusion.excludes(canonical.as_deref(), &name) {
                    pending.push(relative.join(&name));
                }
            } else if is_file && Path::new(&name).extension() == Some(OsStr::new("md")) {
                files.markdown.push(relative.join(&name));
            } else if is_file {
                files.assets.push(relative.join(&name));
            }
        }
    }
    files.markdown.sort_unstable();
    files.assets.sort_unstable();
    Ok(files)
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
    if relative.file_name() == Some(OsStr::new("_index.md")) {
        return Ok(Source::SectionPage(Warning {
            path,
            line: None,
            message: "section page (`_index.md`), not a post: skipped".to_owned(),
        }));
    }
    let text = read_text(&path)?;
    let split = front_matter::split(&text).map_err(|e| BuildError::UnterminatedFrontMatter {
        path: path.clone(),
        line: 1,
        fence: e.format.fence(),
    })?;
    let (front, raw) = match split.front_matter {
        Some(raw) => {
            let parsed = front_matter::parse(&raw).map_err(|e| BuildError::FrontMatter {
                path: path.clone(),
                line: e.line,
                format: raw.format.name(),
                message: e.message,
            })?;
            (parsed, Some(raw))
        }
        None => (FrontMatter::default(), None),
    };
    let body = split.body;
    let Some(title) = front.title.clone() else {
        if raw.is_some() && body.trim().is_empty() {
            return Ok(Source::SectionPage(Warning {
                path,
                line: None,
                message: "front matter without title or body (a template page), not a post: \
                          skipped"
                    .to_owned(),
            }));
        }
        return Err(BuildError::MissingTitle { path });
    };

    let (derived_slug, name_date) = slug::from_path(relative);
    if !slug::is_valid(&derived_slug) && front.slug.is_none() {
        return Err(BuildError::InvalidSlug {
            path,
            line: None,
            slug: derived_slug,
        });
    }
    let key_line = |key| {
        raw.as_ref()
            .and_then(|raw| front_matter::key_line(raw, key))
    };
    let explicit_slug = match &front.slug {
        Some(slug) if !slug::is_valid(slug) => {
            return Err(BuildError::InvalidSlug {
                path,
                line: key_line("slug"),
                slug: slug.clone(),
            })
        }
        Some(slug) => Some((slug.clone(), key_line("slug"))),
        None => None,
    };
    let date = resolve_date(&path, &front, name_date, raw.as_ref())?;

    Ok(Source::Post(Box::new(SourcePost {
        title,
        date,
        updated: front.updated,
        summary: front.summary.unwrap_or_default(),
        tags: front.tags,
        draft: front.draft,
        explicit_slug,
        derived_slug,
        aliases: old_urls(front.aliases, front.path),
        word_count: word_count(body),
        excerpt_separator: front.excerpt_separator,
        body_line: line_at(&text, text.len() - body.len()),
        body: body.to_owned(),
        path,
    })))
}

/// `aliases` then Zola's `path`, each once.
fn old_urls(aliases: Vec<String>, zola_path: Option<String>) -> Vec<String> {
    let mut urls = Vec::with_capacity(aliases.len() + 1);
    for url in aliases.into_iter().chain(zola_path) {
        if !urls.contains(&url) {
            urls.push(url);
        }
    }
    urls
}

/// The front matter's `date`, else the Jekyll file-name prefix, else the first `YYYY/MM/DD` in
/// a Zola `path`.
fn resolve_date(
    path: &Path,
    front: &FrontMatter,
    name_date: Option<String>,
    raw: Option<&RawFrontMatter<'_>>,
) -> Result<PostDate, BuildError> {
    if let Some(date) = front.date {
        return Ok(date);
    }
    let (text, line) = if let Some(text) = name_date {
        (text, None)
    } else if let Some(text) = front.path.as_deref().and_then(date::date_in_zola_path) {
        (
            text,
            raw.and_then(|raw| front_matter::key_line(raw, "path")),
        )
    } else {
        return Err(BuildError::MissingDate {
            path: path.to_owned(),
        });
    };
    date::parse_day(&text)
        .map(PostDate::from_day)
        .map_err(|_| BuildError::InvalidDate {
            path: path.to_owned(),
            line,
            value: text,
        })
}
