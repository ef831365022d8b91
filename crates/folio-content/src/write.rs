//! All-or-nothing output: the new site is written into a sibling staging folder
//! (`<out>.tmp-<pid>`) and swapped in only once complete, so a failed build leaves the previous
//! output as it was.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use super::assets::Asset;
use super::error::BuildError;
use super::link_unchanged::LinkUnchanged;
use super::PostRecord;
use folio_core::model::{post_body_path, post_html_path, Manifest};

/// One file of the output, relative to the output folder.
pub struct OutputFile<'a> {
    pub relative: String,
    pub contents: &'a [u8],
}

/// The files of a built site: `manifest.json`, and `bodies/<slug>.html` and `posts/<slug>.md`
/// for each post.
pub fn site_files<'a>(manifest_json: &'a [u8], posts: &'a [PostRecord]) -> Vec<OutputFile<'a>> {
    let mut files = vec![OutputFile {
        relative: "manifest.json".to_owned(),
        contents: manifest_json,
    }];
    for post in posts {
        files.push(OutputFile {
            relative: post_html_path(&post.slug),
            contents: post.html.as_bytes(),
        });
        files.push(OutputFile {
            relative: post_body_path(&post.slug),
            contents: post.body.as_bytes(),
        });
    }
    files
}

/// Serializes the manifest as the app reads it.
pub fn manifest_json(manifest: &Manifest) -> Vec<u8> {
    // Plain data with string keys: serializing cannot fail.
    serde_json::to_vec(manifest).unwrap_or_default()
}

/// Replaces `out_dir` with exactly `files` and copies of `assets`. On error the staging folder
/// is removed and `out_dir` is untouched (or absent, if it was). With `previous` (an earlier
/// build of the site), files whose bytes are unchanged are hard links to its copies (see
/// [`LinkUnchanged`]).
pub fn replace_dir(
    out_dir: &Path,
    files: &[OutputFile<'_>],
    assets: &[Asset],
    previous: Option<&Path>,
) -> Result<(), BuildError> {
    let name = out_dir
        .file_name()
        .ok_or_else(|| BuildError::InvalidOutDir {
            path: out_dir.to_owned(),
        })?
        .to_string_lossy()
        .into_owned();
    let parent = match out_dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent).map_err(|e| BuildError::io(&parent, "creating folder", e))?;
    let pid = std::process::id();
    let staging = parent.join(format!("{name}.tmp-{pid}"));
    let retired = parent.join(format!("{name}.old-{pid}"));

    // Left over by a crashed build whose pid we now have again.
    remove_if_present(&staging)?;
    if let Err(e) = stage(&staging, files, assets, previous.map(LinkUnchanged::new)) {
        let _ = fs::remove_dir_all(&staging);
        return Err(e);
    }

    // Rename the old output aside rather than deleting it first, so there is always a complete
    // site to fall back to if the second rename fails.
    let had_previous = fs::symlink_metadata(out_dir).is_ok();
    if had_previous {
        remove_if_present(&retired)?;
        if let Err(e) = fs::rename(out_dir, &retired) {
            let _ = fs::remove_dir_all(&staging);
            return Err(BuildError::io(
                out_dir,
                "moving the previous output aside",
                e,
            ));
        }
    }
    if let Err(e) = fs::rename(&staging, out_dir) {
        if had_previous {
            let _ = fs::rename(&retired, out_dir);
        }
        let _ = fs::remove_dir_all(&staging);
        return Err(BuildError::io(
            out_dir,
            "moving the new output into place",
            e,
        ));
    }
    if had_previous {
        // The new site is in place; a leftover old copy is only clutter, removed next time.
        let _ = remove_any(&retired);
    }
    Ok(())
}

fn stage(
    staging: &Path,
    files: &[OutputFile<'_>],
    assets: &[Asset],
    links: Option<LinkUnchanged>,
) -> Result<(), BuildError> {
    fs::create_dir(staging).map_err(|e| BuildError::io(staging, "creating folder", e))?;
    // A set, not a list: a site with a redirect folder per post has thousands of folders, and
    // looking each file's folder up in a list was a tenth of a 750-post site's pipeline.
    let mut made_dirs: HashSet<PathBuf> = HashSet::new();
    let mut make_parent = |target: &Path| -> Result<(), BuildError> {
        if let Some(dir) = target.parent() {
            if dir != staging && !made_dirs.contains(dir) {
                fs::create_dir_all(dir).map_err(|e| BuildError::io(dir, "creating folder", e))?;
                made_dirs.insert(dir.to_owned());
            }
        }
        Ok(())
    };
    for file in files {
        let target = staging.join(&file.relative);
        make_parent(&target)?;
        match &links {
            Some(links) => links.write(&file.relative, &target, file.contents),
            None => fs::write(&target, file.contents),
        }
        .map_err(|e| BuildError::io(&target, "writing", e))?;
    }
    for asset in assets {
        let target = staging.join(&asset.output);
        make_parent(&target)?;
        match &links {
            Some(links) => links.copy(&asset.source, &asset.output, &target),
            None => fs::copy(&asset.source, &target).map(|_| ()),
        }
        .map_err(|e| BuildError::io(&asset.source, "copying", e))?;
    }
    Ok(())
}

fn remove_if_present(path: &Path) -> Result<(), BuildError> {
    if fs::symlink_metadata(path).is_ok() {
        remove_any(path).map_err(|e| BuildError::io(path, "removing", e))?;
    }
    Ok(())
}

fn remove_any(path: &Path) -> std::io::Result<()> {
    if fs::symlink_metadata(path)?.is_dir() {
        fs::remove_dir_all(path)
    } else {
        fs::remove_file(path)
    }
}
