//! Which files of a content folder are content: Markdown (`*.md`, and `*.markdown`, Jekyll's
//! default) to read for posts, every other file to publish under `files/`.
//!
//! Not content, neither read nor published:
//! - hidden files and folders (`.git`, editor droppings);
//! - the build's own output, should it lie inside the content folder;
//! - a Jekyll site's machinery: anything whose name starts with `_` (`_config.yml`, `_layouts/`,
//!   `_includes/`, `_site/`), as Jekyll itself skips it, except the `_posts/` and `_drafts/`
//!   folders, which hold posts, and Zola's and Hugo's `_index.md` section pages, which are read
//!   to be skipped with a warning as before;
//! - `Gemfile`, `Gemfile.lock`, `node_modules` and `vendor` at any depth: Ruby and Node
//!   dependencies of the old generator, never pages.
//!
//! Symlinked folders are not followed, so a loop cannot hang the build.

use std::ffi::{OsStr, OsString};
use std::fs;
use std::path::{Path, PathBuf};

use super::error::BuildError;

/// Folders starting with `_` that hold Jekyll posts.
const POST_FOLDERS: [&str; 2] = ["_posts", "_drafts"];

/// Names that are never content, at any depth.
const TOOLING: [&str; 4] = ["Gemfile", "Gemfile.lock", "node_modules", "vendor"];

/// Whether a file name is Markdown: `.md` or `.markdown`.
pub fn is_markdown(name: &OsStr) -> bool {
    Path::new(name)
        .extension()
        .is_some_and(|ext| ext == "md" || ext == "markdown")
}

/// Whether a file is a Zola or Hugo section page (`_index.md`).
pub fn is_section_page(name: &OsStr) -> bool {
    is_markdown(name) && Path::new(name).file_stem() == Some(OsStr::new("_index"))
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
    /// Every Markdown file.
    pub markdown: Vec<PathBuf>,
    /// Every other file: see [`super::assets`].
    pub assets: Vec<PathBuf>,
}

/// Every content file under `content_dir` (see the module documentation).
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
            let file_type = entry
                .file_type()
                .map_err(|e| BuildError::io(entry.path(), "reading file type", e))?;
            let is_dir = file_type.is_dir();
            if !is_content(&name, is_dir) {
                continue;
            }
            let is_file = file_type.is_file()
                || (file_type.is_symlink() && entry.path().metadata().is_ok_and(|m| m.is_file()));
            if is_dir {
                if !exclusion.excludes(canonical.as_deref(), &name) {
                    pending.push(relative.join(&name));
                }
            } else if is_file && is_markdown(&name) {
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

/// Whether a file or folder of this name is content (see the module documentation).
fn is_content(name: &OsStr, is_dir: bool) -> bool {
    let text = name.to_string_lossy();
    if text.starts_with('.') || TOOLING.contains(&text.as_ref()) {
        return false;
    }
    if !text.starts_with('_') {
        return true;
    }
    if is_dir {
        POST_FOLDERS.contains(&text.as_ref())
    } else {
        is_section_page(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jekyll_machinery_is_not_content() {
        for (name, is_dir) in [
            ("_config.yml", false),
            ("_layouts", true),
            ("_site", true),
            ("_data", true),
            ("_notes.md", false),
            ("Gemfile", false),
            ("Gemfile.lock", false),
            ("node_modules", true),
            ("vendor", true),
            (".git", true),
        ] {
            assert!(!is_content(OsStr::new(name), is_dir), "{name}");
        }
        for (name, is_dir) in [
            ("_posts", true),
            ("_drafts", true),
            ("_index.md", false),
            ("_index.markdown", false),
            ("posts", true),
            ("post.markdown", false),
            ("diagram.png", false),
        ] {
            assert!(is_content(OsStr::new(name), is_dir), "{name}");
        }
    }

    #[test]
    fn markdown_extensions() {
        assert!(is_markdown(OsStr::new("a.md")));
        assert!(is_markdown(OsStr::new("2024-01-02-a.markdown")));
        assert!(!is_markdown(OsStr::new("a.mdx")));
        assert!(!is_markdown(OsStr::new("md")));
        assert!(is_section_page(OsStr::new("_index.md")));
        assert!(!is_section_page(OsStr::new("index.md")));
    }
}
