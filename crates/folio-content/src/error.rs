//! What can go wrong in a build, always saying where: the file, and the line when there is one.
//!
//! Errors print like a compiler's (`path:line: message`) so editors and terminals can jump to
//! the spot.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

/// A build that stopped. Nothing was written when this is returned.
#[derive(Debug)]
#[non_exhaustive]
pub enum BuildError {
    /// Reading or writing a file or folder failed.
    Io {
        path: PathBuf,
        /// What was being done, e.g. "reading", "creating folder".
        action: &'static str,
        source: io::Error,
    },
    /// The file is not UTF-8; `line` is where the first bad byte is.
    InvalidUtf8 { path: PathBuf, line: usize },
    /// An opening `---`/`+++` fence without its closing twin.
    UnterminatedFrontMatter {
        path: PathBuf,
        line: usize,
        fence: &'static str,
    },
    /// The front matter is not valid TOML/YAML, or a value has the wrong shape (a date that does
    /// not parse lands here too, with the parser's line for it).
    FrontMatter {
        path: PathBuf,
        line: Option<usize>,
        format: &'static str,
        message: String,
    },
    /// A dated file (so a post) without a title, nor a Jekyll file name to make one from;
    /// `line` is the front matter's first line, where a `title` would go.
    MissingTitle { path: PathBuf, line: usize },
    /// A date outside the front matter's `date` key (file name, Zola `path`) that is no real day.
    InvalidDate {
        path: PathBuf,
        line: Option<usize>,
        value: String,
    },
    /// A slug that cannot be a file name under `posts/`.
    InvalidSlug {
        path: PathBuf,
        line: Option<usize>,
        slug: String,
    },
    /// Two posts ask for the same slug in their front matter.
    DuplicateSlug {
        slug: String,
        first: PathBuf,
        first_line: Option<usize>,
        second: PathBuf,
        second_line: Option<usize>,
    },
    /// The site file is not valid TOML, has an unknown key or a value of the wrong shape.
    SiteFile {
        path: PathBuf,
        line: Option<usize>,
        message: String,
    },
    /// A `[[highlights]]` entry names a slug no post has.
    UnknownHighlight {
        path: PathBuf,
        line: Option<usize>,
        slug: String,
    },
    /// The same post is highlighted twice.
    DuplicateHighlight {
        path: PathBuf,
        line: Option<usize>,
        slug: String,
    },
    /// A post's alias (old URL) cannot be a redirect page: not a path inside the site, or it
    /// clashes with another file or page; `message` says which.
    Alias {
        path: PathBuf,
        alias: String,
        message: String,
    },
    /// The output folder has no usable name (e.g. `/` or `..`), so no sibling can be staged.
    InvalidOutDir { path: PathBuf },
    /// The output folder is the content folder or holds it: replacing it would delete posts.
    OutDirHoldsContent { path: PathBuf, content_dir: PathBuf },
    /// The build would replace a site of `before` posts with one of `after`, none or far fewer
    /// (see `Options::allow_shrink`).
    Shrink {
        path: PathBuf,
        before: usize,
        after: usize,
    },
}

impl BuildError {
    /// The file (or folder) the error is about.
    pub fn path(&self) -> &Path {
        match self {
            BuildError::Io { path, .. }
            | BuildError::InvalidUtf8 { path, .. }
            | BuildError::UnterminatedFrontMatter { path, .. }
            | BuildError::FrontMatter { path, .. }
            | BuildError::MissingTitle { path, .. }
            | BuildError::InvalidDate { path, .. }
            | BuildError::InvalidSlug { path, .. }
            | BuildError::SiteFile { path, .. }
            | BuildError::UnknownHighlight { path, .. }
            | BuildError::DuplicateHighlight { path, .. }
            | BuildError::Alias { path, .. }
            | BuildError::InvalidOutDir { path }
            | BuildError::OutDirHoldsContent { path, .. }
            | BuildError::Shrink { path, .. } => path,
            BuildError::DuplicateSlug { second, .. } => second,
        }
    }

    /// The 1-based line in [`path`](Self::path) the error is about, when there is one.
    pub fn line(&self) -> Option<usize> {
        match self {
            BuildError::InvalidUtf8 { line, .. }
            | BuildError::UnterminatedFrontMatter { line, .. }
            | BuildError::MissingTitle { line, .. } => Some(*line),
            BuildError::FrontMatter { line, .. }
            | BuildError::InvalidDate { line, .. }
            | BuildError::InvalidSlug { line, .. }
            | BuildError::SiteFile { line, .. }
            | BuildError::UnknownHighlight { line, .. }
            | BuildError::DuplicateHighlight { line, .. } => *line,
            BuildError::DuplicateSlug { second_line, .. } => *second_line,
            BuildError::Io { .. }
            | BuildError::Alias { .. }
            | BuildError::InvalidOutDir { .. }
            | BuildError::OutDirHoldsContent { .. }
            | BuildError::Shrink { .. } => None,
        }
    }

    pub(crate) fn io(path: impl Into<PathBuf>, action: &'static str, source: io::Error) -> Self {
        BuildError::Io {
            path: path.into(),
            action,
            source,
        }
    }
}

/// `path:line` or just `path`.
struct Location<'a>(&'a Path, Option<usize>);

impl fmt::Display for Location<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.1 {
            Some(line) => write!(f, "{}:{line}", self.0.display()),
            None => write!(f, "{}", self.0.display()),
        }
    }
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = Location(self.path(), self.line());
        match self {
            BuildError::Io { action, source, .. } => write!(f, "{at}: {action}: {source}"),
            BuildError::InvalidUtf8 { .. } => write!(f, "{at}: not valid UTF-8"),
            BuildError::UnterminatedFrontMatter { fence, .. } => {
                write!(f, "{at}: front matter opened with `{fence}` is never closed")
            }
            BuildError::FrontMatter {
                format, message, ..
            } => write!(f, "{at}: invalid {format} front matter: {message}"),
            BuildError::MissingTitle { .. } => write!(
                f,
                "{at}: missing title (the file is dated, so it is a post: give it a `title`)"
            ),
            BuildError::InvalidDate { value, .. } => {
                write!(f, "{at}: {value:?} is not a valid date")
            }
            BuildError::InvalidSlug { slug, .. } => write!(
                f,
                "{at}: slug {slug:?} cannot be a file name (it must be non-empty, without `/`, `\\` \
                 or a leading `.`)"
            ),
            BuildError::DuplicateSlug {
                slug,
                first,
                first_line,
                ..
            } => write!(
                f,
                "{at}: slug {slug:?} is also set in {}",
                Location(first, *first_line)
            ),
            BuildError::SiteFile { message, .. } => write!(f, "{at}: invalid site file: {message}"),
            BuildError::UnknownHighlight { slug, .. } => {
                write!(f, "{at}: highlight {slug:?} names no post")
            }
            BuildError::DuplicateHighlight { slug, .. } => {
                write!(f, "{at}: post {slug:?} is highlighted twice")
            }
            BuildError::Alias { alias, message, .. } => {
                write!(f, "{at}: alias {alias:?} {message}")
            }
            BuildError::InvalidOutDir { .. } => {
                write!(f, "{at}: the output folder needs a plain folder name")
            }
            BuildError::Shrink { before, after, .. } => write!(
                f,
                "{at}: holds a site of {before} posts and this build has {after}: not replacing \
                 it (see the warnings above for what was skipped; --allow-shrink replaces it \
                 anyway)"
            ),
            BuildError::OutDirHoldsContent { content_dir, .. } => write!(
                f,
                "{at}: the output folder is replaced on every build, and it holds the content \
                 folder {}",
                content_dir.display()
            ),
        }
    }
}

impl std::error::Error for BuildError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            BuildError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// Something skipped or dropped that did not stop the build.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub path: PathBuf,
    /// The 1-based line in `path` it is about, when there is one.
    pub line: Option<usize>,
    pub message: String,
}

impl Warning {
    /// A warning about a whole file.
    pub(crate) fn new(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Warning {
            path: path.into(),
            line: None,
            message: message.into(),
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", Location(&self.path, self.line), self.message)
    }
}

/// The 1-based line holding byte `offset` of `text`.
pub(crate) fn line_at(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    1 + text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_at_counts_newlines_before_the_offset() {
        let text = "a\nb\r\nc";
        assert_eq!(line_at(text, 0), 1);
        assert_eq!(line_at(text, 2), 2);
        assert_eq!(line_at(text, 5), 3);
        assert_eq!(line_at(text, 999), 3);
    }

    #[test]
    fn display_names_file_and_line() {
        let err = BuildError::FrontMatter {
            path: PathBuf::from("posts/a.md"),
            line: Some(3),
            format: "TOML",
            message: "expected `=`".into(),
        };
        assert_eq!(
            err.to_string(),
            "posts/a.md:3: invalid TOML front matter: expected `=`"
        );
        let dup = BuildError::DuplicateSlug {
            slug: "x".into(),
            first: "a.md".into(),
            first_line: Some(2),
            second: "b.md".into(),
            second_line: None,
        };
        assert_eq!(dup.to_string(), "b.md: slug \"x\" is also set in a.md:2");
    }

    #[test]
    fn warnings_name_the_line_when_they_have_one() {
        let mut warning = Warning {
            path: PathBuf::from("posts/a.md"),
            line: Some(7),
            message: "m".into(),
        };
        assert_eq!(warning.to_string(), "posts/a.md:7: m");
        warning.line = None;
        assert_eq!(warning.to_string(), "posts/a.md: m");
    }
}
