//! Nothing lost silently: a build that publishes far fewer posts than the dated files it found
//! says so loudly, posts written in HTML (which Folio does not read) are named, and a build
//! with none or far fewer posts does not replace an earlier, bigger site unless told to.

use std::path::{Path, PathBuf};

use super::error::{BuildError, Warning};

/// Far fewer: less than half.
fn far_fewer(kept: usize, of: usize) -> bool {
    kept * 2 < of
}

/// What to print loudly when `published` posts (plus `held_back` drafts, future and expired
/// ones, kept out on purpose) are far fewer than the `dated_files` found.
pub fn check(published: usize, held_back: usize, dated_files: usize) -> Option<String> {
    let lost = dated_files.saturating_sub(published + held_back);
    if dated_files == 0 || !(far_fewer(published + held_back, dated_files) || published == 0) {
        return None;
    }
    Some(format!(
        "only {published} posts published of {dated_files} dated files found ({held_back} \
         drafts, future or expired; {lost} skipped: see the warnings above)"
    ))
}

/// Jekyll posts written in HTML (`_posts/2020-01-02-x.html`): Jekyll publishes them, Folio
/// reads Markdown only, so each is a warning (the file is still published under `files/`).
pub fn html_posts(content_dir: &Path, assets: &[PathBuf], warnings: &mut Vec<Warning>) -> usize {
    let mut count = 0;
    for asset in assets {
        let in_posts = asset.components().any(|c| c.as_os_str() == "_posts");
        let html = asset
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
        if in_posts && html {
            count += 1;
            warnings.push(Warning::new(
                content_dir.join(asset),
                "a post written in HTML: Folio reads Markdown posts only, so it is not a post \
                 here (published as a file)",
            ));
        }
    }
    count
}

/// Refuses to replace the site in `out_dir` (an earlier build: its `manifest.json`) with one
/// of `posts` posts when that is none, or far fewer than it has.
pub fn refuse_shrinking(out_dir: &Path, posts: usize) -> Result<(), BuildError> {
    let Some(before) = posts_in(out_dir) else {
        return Ok(());
    };
    if before > 0 && (posts == 0 || far_fewer(posts, before)) {
        return Err(BuildError::Shrink {
            path: out_dir.to_owned(),
            before,
            after: posts,
        });
    }
    Ok(())
}

/// How many posts the site built in `dir` has; `None` without a readable manifest.
pub fn posts_in(dir: &Path) -> Option<usize> {
    let text = std::fs::read_to_string(dir.join("manifest.json")).ok()?;
    let manifest: serde_json::Value = serde_json::from_str(&text).ok()?;
    manifest.get("posts")?.as_array().map(Vec::len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn far_fewer_is_less_than_half() {
        assert_eq!(check(10, 0, 10), None);
        assert_eq!(check(5, 0, 10), None);
        assert!(check(4, 0, 10)
            .unwrap()
            .starts_with("only 4 posts published of 10"));
        assert_eq!(check(2, 4, 10), None, "drafts kept out on purpose count");
        assert!(check(0, 3, 3).is_some(), "nothing published at all");
        assert_eq!(check(0, 0, 0), None);
    }
}
