#![cfg(not(target_arch = "wasm32"))]
//! The offline worker's stamp: `folio-build --prerender` writes the build's version, app files
//! and search parts into `sw.js`, and a changed file is a new version (a new cache).

use std::fs;
use std::path::Path;

use folio_build::service_worker::{build_stamp, stamp, PLACEHOLDER};

const WORKER: &str = "const BUILD = \"__FOLIO_BUILD__\";\nconsole.log(BUILD);\n";

/// A built site as far as the worker cares: hashed app files, a manifest, a split index.
fn site(dir: &Path) {
    fs::create_dir_all(dir.join("search/t-8899aabbccddeeff")).unwrap();
    for (name, text) in [
        ("sw.js", WORKER),
        ("index.html", "<!DOCTYPE html>"),
        ("manifest.json", "{}"),
        ("folio-0123456789abcdef.js", "js"),
        ("folio-0123456789abcdef_bg.wasm", "wasm"),
        ("main-fedcba9876543210.css", "css"),
        ("search/index.bin", "root"),
        ("search/d-00112233aabbccdd.bin", "dict"),
        ("search/p-44556677eeff0011.bin", "postings"),
        ("search/index.html", "<!DOCTYPE html>"),
        ("search/t-8899aabbccddeeff/0.txt", "text"),
    ] {
        fs::write(dir.join(name), text).unwrap();
    }
}

fn temp(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("folio-sw-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    dir
}

#[test]
fn the_worker_is_stamped_with_the_builds_files() {
    let dir = temp("stamp");
    site(&dir);
    let stamped = stamp(&dir).unwrap().expect("stamped");
    assert_eq!(
        stamped.assets,
        [
            "folio-0123456789abcdef.js",
            "folio-0123456789abcdef_bg.wasm",
            "main-fedcba9876543210.css"
        ]
    );
    assert_eq!(
        stamped.search,
        [
            "search/d-00112233aabbccdd.bin",
            "search/p-44556677eeff0011.bin",
            "search/t-8899aabbccddeeff/0.txt"
        ]
    );
    let worker = fs::read_to_string(dir.join("sw.js")).unwrap();
    assert!(!worker.contains(PLACEHOLDER), "{worker}");
    assert!(
        worker.starts_with("const BUILD = {\"assets\":[\"folio-0123456789abcdef.js\""),
        "{worker}"
    );
    assert!(worker.contains(&format!("\"version\":\"{}\"", stamped.version)));
    // Stamped once: a second prerender of the same folder leaves it alone.
    assert_eq!(stamp(&dir).unwrap(), None);
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_changed_app_manifest_or_index_is_a_new_version() {
    let dir = temp("version");
    site(&dir);
    let first = build_stamp(&dir).unwrap().version;
    assert_eq!(
        build_stamp(&dir).unwrap().version,
        first,
        "same build, same version"
    );
    assert_eq!(first.len(), 16);
    for (file, text) in [
        ("manifest.json", "{\"posts\":[]}"),
        ("search/index.bin", "root 2"),
        ("main-fedcba9876543210.css", "css 2"),
    ] {
        let before = build_stamp(&dir).unwrap().version;
        fs::write(dir.join(file), text).unwrap();
        assert_ne!(build_stamp(&dir).unwrap().version, before, "{file} changed");
    }
    // A page is network-first: changing it needs no new cache.
    let before = build_stamp(&dir).unwrap().version;
    fs::write(dir.join("index.html"), "<!DOCTYPE html><p>new").unwrap();
    assert_eq!(build_stamp(&dir).unwrap().version, before);
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_site_without_a_worker_is_left_alone() {
    let dir = temp("none");
    site(&dir);
    fs::remove_file(dir.join("sw.js")).unwrap();
    assert_eq!(stamp(&dir).unwrap(), None);
    assert!(!dir.join("sw.js").exists());
    fs::remove_dir_all(&dir).unwrap();
}
