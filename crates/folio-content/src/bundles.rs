//! Page bundles (Zola, Hugo): a post written as `<folder>/index.md` owns the files of its
//! folder (`posts/launch/index.md` with `posts/launch/plan.png`). A post that is kept out (a
//! draft, a future or expired post) takes them with it: they are not published under `files/`
//! either, or a draft's screenshots would be online before the draft.
//!
//! A file belongs to the innermost bundle folder holding it, so a published bundle inside a
//! kept-out one (or the other way round) keeps its own files as its post goes. Files in a
//! Jekyll `_drafts/` folder outside any bundle are the drafts' too: published only with them.

use std::path::Path;

use super::assets::{Asset, ASSET_DIR};
use super::classify::in_drafts_folder;

/// The folder of the bundle `relative` (a Markdown file's path in the content folder) is the
/// index of, `/`-separated; `None` when it is not a bundle's index. An `index.md` at the top of
/// the content folder is no bundle: the whole folder is not the post's.
pub fn bundle_dir(relative: &Path) -> Option<String> {
    if relative.file_stem()? != "index" {
        return None;
    }
    let dir = relative.parent()?;
    let parts: Vec<_> = dir
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect();
    (!parts.is_empty()).then(|| parts.join("/"))
}

/// A bundle folder and whether its post is published.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bundle {
    pub dir: String,
    pub published: bool,
}

/// The bundles of the published posts and of the held-back ones.
pub fn all(
    published: impl IntoIterator<Item = String>,
    held_back: impl IntoIterator<Item = String>,
) -> Vec<Bundle> {
    let bundle = |published| move |dir| Bundle { dir, published };
    published
        .into_iter()
        .map(bundle(true))
        .chain(held_back.into_iter().map(bundle(false)))
        .collect()
}

/// `assets` less the files of kept-out bundles, and those of `_drafts/` folders unless
/// `drafts_published`.
pub fn withhold(assets: Vec<Asset>, bundles: &[Bundle], drafts_published: bool) -> Vec<Asset> {
    assets
        .into_iter()
        .filter(|asset| {
            let file = asset
                .output
                .strip_prefix(ASSET_DIR)
                .and_then(|rest| rest.strip_prefix('/'))
                .unwrap_or(&asset.output);
            bundles
                .iter()
                .filter(|b| {
                    file.strip_prefix(b.dir.as_str())
                        .is_some_and(|rest| rest.starts_with('/'))
                })
                .max_by_key(|b| b.dir.len())
                .map_or(
                    drafts_published || !in_drafts_folder(Path::new(file)),
                    |innermost| innermost.published,
                )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn asset(file: &str) -> Asset {
        Asset {
            source: PathBuf::from("content").join(file),
            output: format!("{ASSET_DIR}/{file}"),
        }
    }

    #[test]
    fn bundle_folders() {
        assert_eq!(
            bundle_dir(Path::new("posts/launch/index.md")).as_deref(),
            Some("posts/launch")
        );
        assert_eq!(
            bundle_dir(Path::new("a/index.markdown")).as_deref(),
            Some("a")
        );
        assert_eq!(bundle_dir(Path::new("index.md")), None);
        assert_eq!(bundle_dir(Path::new("posts/launch.md")), None);
    }

    #[test]
    fn kept_out_bundles_keep_their_files_and_nested_bundles_go_their_own_way() {
        let bundles = [
            Bundle {
                dir: "posts/secret".into(),
                published: false,
            },
            Bundle {
                dir: "posts/secret/public".into(),
                published: true,
            },
            Bundle {
                dir: "posts/live".into(),
                published: true,
            },
        ];
        let kept: Vec<String> = withhold(
            [
                "posts/secret/plan.png",
                "posts/secret/deep/x.png",
                "posts/secret/public/ok.png",
                "posts/secret-other/y.png",
                "posts/live/z.png",
                "shared/logo.svg",
            ]
            .map(asset)
            .to_vec(),
            &bundles,
            false,
        )
        .into_iter()
        .map(|a| a.output)
        .collect();
        assert_eq!(
            kept,
            [
                "files/posts/secret/public/ok.png",
                "files/posts/secret-other/y.png",
                "files/posts/live/z.png",
                "files/shared/logo.svg"
            ]
        );
    }

    #[test]
    fn files_in_drafts_folders_go_out_with_the_drafts() {
        let assets = || {
            ["_drafts/a.png", "blog/_drafts/b.png", "_drafts.png"]
                .map(asset)
                .to_vec()
        };
        let kept = |published| -> Vec<String> {
            withhold(assets(), &[], published)
                .into_iter()
                .map(|a| a.output)
                .collect()
        };
        assert_eq!(kept(false), ["files/_drafts.png"]);
        assert_eq!(kept(true).len(), 3);
    }
}
