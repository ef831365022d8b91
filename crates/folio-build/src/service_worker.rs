//! The offline worker's build stamp. `public/sw.js` (copied to the site's root by Trunk) holds
//! the placeholder [`PLACEHOLDER`]; after prerendering, [`stamp`] replaces it with what this
//! build is: a version (which names the worker's cache, so a new deploy is a new cache and the
//! old one is deleted), the app's content-hashed files (kept when the worker installs) and the
//! search index's parts (kept once the reader's first visit is idle).

use std::collections::hash_map::DefaultHasher;
use std::fs;
use std::hash::Hasher;
use std::io;
use std::path::Path;

/// The worker's file, relative to the site folder.
pub const WORKER: &str = "sw.js";
/// What `public/sw.js` says where the stamp goes (a string, so the unstamped worker still runs).
pub const PLACEHOLDER: &str = "\"__FOLIO_BUILD__\"";
/// The search index's folder and its root file (fetched by the app on every page).
const SEARCH: &str = "search";
const SEARCH_ROOT: &str = "search/index.bin";

/// What the stamp holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stamp {
    /// 16 hex digits, from the bytes of every file below, `manifest.json` and the search root.
    pub version: String,
    /// The app's content-hashed files at the site's root (`folio-<hash>.js`, `.wasm`, `.css`...).
    pub assets: Vec<String>,
    /// The search index's parts (`search/d-<hash>.bin`...), without its root, and the posts'
    /// texts for snippets (`search/t-<hash>/<doc>.txt`).
    pub search: Vec<String>,
}

/// Stamps `dist/sw.js` in place. Returns `None` when the site has no worker (a build without
/// `public/sw.js`) or it was stamped before (the placeholder is gone).
pub fn stamp(dist: &Path) -> io::Result<Option<Stamp>> {
    let worker = dist.join(WORKER);
    let text = match fs::read_to_string(&worker) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    if !text.contains(PLACEHOLDER) {
        return Ok(None);
    }
    let stamp = build_stamp(dist)?;
    let json = serde_json::json!({
        "version": stamp.version,
        "assets": stamp.assets,
        "search": stamp.search,
    })
    .to_string();
    fs::write(&worker, text.replacen(PLACEHOLDER, &json, 1))?;
    Ok(Some(stamp))
}

/// The stamp for the site built in `dist`, without writing anything.
pub fn build_stamp(dist: &Path) -> io::Result<Stamp> {
    let assets = file_names(dist)?
        .into_iter()
        .filter(|name| is_hashed(name))
        .collect::<Vec<_>>();
    // The index's parts, and the posts' texts its snippets are cut from (`t-<hash>/<doc>.txt`).
    let mut search = Vec::new();
    for name in file_names(&dist.join(SEARCH))? {
        if name.ends_with(".bin") && format!("{SEARCH}/{name}") != SEARCH_ROOT {
            search.push(format!("{SEARCH}/{name}"));
        }
    }
    for folder in dir_names(&dist.join(SEARCH))? {
        for name in file_names(&dist.join(SEARCH).join(&folder))? {
            if name.ends_with(".txt") {
                search.push(format!("{SEARCH}/{folder}/{name}"));
            }
        }
    }
    // Every byte that can change what an offline reader sees from the cache: the app, the
    // manifest and the index. (The pages are network-first: a page changes without a new cache.)
    let mut hasher = DefaultHasher::new();
    let versioned = assets
        .iter()
        .chain(&search)
        .map(String::as_str)
        .chain(["manifest.json", SEARCH_ROOT]);
    for relative in versioned {
        hasher.write(relative.as_bytes());
        match fs::read(dist.join(relative)) {
            Ok(bytes) => hasher.write(&bytes),
            Err(e) if e.kind() == io::ErrorKind::NotFound => hasher.write_u8(0),
            Err(e) => return Err(e),
        }
    }
    Ok(Stamp {
        version: format!("{:016x}", hasher.finish()),
        assets,
        search,
    })
}

/// Trunk's content-hashed names: `name-<16 hex>.ext` or `name-<16 hex>_bg.wasm`.
fn is_hashed(name: &str) -> bool {
    let Some((stem, _ext)) = name.rsplit_once('.') else {
        return false;
    };
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-')
        .is_some_and(|(_, hash)| hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// The names of the files directly in `dir`, sorted; none when it does not exist.
fn file_names(dir: &Path) -> io::Result<Vec<String>> {
    names(dir, true)
}

/// The names of the folders directly in `dir`, sorted.
fn dir_names(dir: &Path) -> io::Result<Vec<String>> {
    names(dir, false)
}

fn names(dir: &Path, files: bool) -> io::Result<Vec<String>> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry?;
        let kind = entry.file_type()?;
        if (files && kind.is_file()) || (!files && kind.is_dir()) {
            names.extend(entry.file_name().to_str().map(str::to_owned));
        }
    }
    names.sort();
    Ok(names)
}

#[cfg(test)]
mod tests {
    use super::is_hashed;

    #[test]
    fn trunk_names_are_hashed_and_others_are_not() {
        assert!(is_hashed("folio-fcfec801d408f8d6.js"));
        assert!(is_hashed("folio-fcfec801d408f8d6_bg.wasm"));
        assert!(is_hashed("main-5b2a8981003d28ca.css"));
        assert!(!is_hashed("index.html"));
        assert!(!is_hashed("manifest.json"));
        assert!(!is_hashed("sw.js"));
        assert!(!is_hashed("my-post.html"));
        assert!(!is_hashed("folio-fcfec801d408f8.js"));
    }
}
