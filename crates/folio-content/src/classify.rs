//! What makes a Markdown file a post: a date, from the front matter or the file name. Without
//! one it is a page (`about.md`, a repository's `README.md`) and is skipped. A post's title is
//! its `title`, or, for a Jekyll file name `YYYY-MM-DD-words.md`, Jekyll's default made from
//! the words.

use std::ffi::OsStr;
use std::path::Path;

use super::date::{self, PostDate};
use super::error::BuildError;
use super::front_matter::{self, FrontMatter, RawFrontMatter};

/// The folder Jekyll keeps unpublished posts in.
const DRAFTS_FOLDER: &str = "_drafts";

/// Whether `relative` lies in a Jekyll `_drafts/` folder (at any depth).
pub fn in_drafts_folder(relative: &Path) -> bool {
    relative.parent().is_some_and(|dir| {
        dir.components()
            .any(|c| c.as_os_str() == OsStr::new(DRAFTS_FOLDER))
    })
}

/// The post's date, in the order the generators fall back: the front matter's `date`, Hugo's
/// `publishDate`, the Jekyll file-name prefix, the first `YYYY/MM/DD` in a Zola `path`. `None`:
/// the file is not a post. A file-name or `path` date that is no real day is an error.
pub fn post_date(
    path: &Path,
    front: &FrontMatter,
    name_date: Option<&str>,
    raw: &RawFrontMatter<'_>,
) -> Result<Option<PostDate>, BuildError> {
    if let Some(date) = front.date.or(front.publish_date) {
        return Ok(Some(date));
    }
    let (text, line) = if let Some(text) = name_date {
        (text.to_owned(), None)
    } else if let Some(text) = front.path.as_deref().and_then(date::date_in_zola_path) {
        (text, front_matter::key_line(raw, "path"))
    } else {
        return Ok(None);
    };
    date::parse_day(&text)
        .map(|day| Some(PostDate::from_day(day)))
        .map_err(|_| BuildError::InvalidDate {
            path: path.to_owned(),
            line,
            value: text,
        })
}

/// Jekyll's title for a post whose front matter has none: the file name's words after the
/// date, split at `-`, each capitalised (`no-title-here` → "No Title Here"). `None` when no
/// word is left.
pub fn title_from_name(words: &str) -> Option<String> {
    let title = words
        .split('-')
        .filter(|word| !word.is_empty())
        .map(capitalize)
        .collect::<Vec<_>>()
        .join(" ");
    (!title.trim().is_empty()).then_some(title)
}

/// First letter upper case, the rest lower case, as Ruby's `String#capitalize`.
fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first
            .to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jekyll_titles_from_file_names() {
        assert_eq!(
            title_from_name("no-title-here").as_deref(),
            Some("No Title Here")
        );
        assert_eq!(
            title_from_name("my-API--post").as_deref(),
            Some("My Api Post")
        );
        assert_eq!(title_from_name("élan").as_deref(), Some("Élan"));
        assert_eq!(title_from_name("--"), None);
    }

    #[test]
    fn drafts_folders_at_any_depth() {
        assert!(in_drafts_folder(Path::new("_drafts/idea.md")));
        assert!(in_drafts_folder(Path::new("blog/_drafts/idea.md")));
        assert!(!in_drafts_folder(Path::new("_posts/2024-01-01-a.md")));
        assert!(!in_drafts_folder(Path::new("_drafts.md")));
    }
}
