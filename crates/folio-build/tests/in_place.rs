#![cfg(not(target_arch = "wasm32"))]
//! The dev server's incremental rebuilds: `build_in_place` and `prerender_in_place` write only
//! what an edit changed, remove what their previous run wrote and this one does not, leave the
//! folder's other files alone, and end with the same files as a fresh build and prerender.

#[path = "../../folio-content/tests/common/mod.rs"]
mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use common::{toml_post, Fixture};
use folio_build::prerender::{prerender, prerender_in_place};
use folio_content::{build, build_in_place, IN_PLACE_LIST};

const SHELL: &str = "<!DOCTYPE html><html><head><base href=\"/\"><title>Folio</title>\
                     </head><body><noscript>Needs JavaScript.</noscript></body></html>";

/// Every file under `dir` and its bytes, without the in-place runs' own lists.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for entry in fs::read_dir(dir).expect("read folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let relative = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                if !relative.starts_with(".folio-") {
                    out.insert(relative, fs::read(&path).expect("read file"));
                }
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

fn posts(fx: &Fixture) {
    fx.write("site.toml", "base_url = \"https://example.com/\"\n");
    for (name, title, date, tags) in [
        ("one.md", "One", "2024-01-01", "[\"rust\"]"),
        ("two.md", "Two", "2024-02-02", "[\"rust\", \"web\"]"),
        ("three.md", "Three", "2024-03-03", "[\"web\"]"),
    ] {
        let extra = format!("[taxonomies]\ntags = {tags}");
        fx.write(
            name,
            toml_post(title, date, &extra, &format!("{title}'s body.\n")),
        );
    }
    // More posts, so an edit to one is a small part of the site.
    for n in 1..=9 {
        let body = format!("Post number {n}, on its own subject {n}{n}.\n");
        fx.write(
            &format!("more/post-{n}.md"),
            toml_post(&format!("More {n}"), "2023-05-05", "", &body),
        );
    }
    fx.write("three/photo.png", b"not really a png");
    fx.write(
        "three.md",
        toml_post("Three", "2024-03-03", "", "![photo](three/photo.png)\n"),
    );
}

/// A fresh build and prerender of the fixture, for comparison.
fn fresh(fx: &Fixture) -> BTreeMap<String, Vec<u8>> {
    let mut options = fx.options();
    options.out_dir = fx.root().join("fresh");
    build(&options).expect("build");
    fs::write(options.out_dir.join("index.html"), SHELL).unwrap();
    prerender(&options.out_dir).expect("prerender");
    tree(&options.out_dir)
}

/// What the dev server does on each change: the pipeline, then the pages, both in place.
fn rebuild(fx: &Fixture) -> (usize, usize) {
    let (_, built) = build_in_place(&fx.options()).expect("build in place");
    let (_, pages) = prerender_in_place(&fx.out()).expect("prerender in place");
    (built.written + pages.written, built.removed + pages.removed)
}

#[test]
fn an_edit_rewrites_only_what_it_changed_and_ends_as_a_fresh_build() {
    let fx = Fixture::new();
    posts(&fx);
    fs::create_dir_all(fx.out()).unwrap();
    // The dev server's own files in the folder: the app and the shell.
    fs::write(fx.out().join("app-0123456789abcdef.js"), "app").unwrap();
    fs::write(fx.out().join("index.html"), SHELL).unwrap();

    let (written, removed) = rebuild(&fx);
    assert!(written > 20, "first run writes everything ({written})");
    assert_eq!(removed, 0);
    assert_eq!(rebuild(&fx), (0, 0), "nothing changed, nothing written");

    // One post's body: its body, Markdown, page and the search index change; the other posts'
    // pages, the tag pages that do not list it and the manifest do not.
    fx.write(
        "one.md",
        toml_post(
            "One",
            "2024-01-01",
            "[taxonomies]\ntags = [\"rust\"]",
            "A new body.\n",
        ),
    );
    let before = tree(&fx.out());
    let (written, removed) = rebuild(&fx);
    let after = tree(&fx.out());
    let changed: Vec<&String> = after
        .keys()
        .filter(|k| before.get(*k) != after.get(*k))
        .collect();
    assert_eq!(
        written,
        changed.len(),
        "written only where the bytes differ: {changed:?}"
    );
    assert!(
        changed.iter().any(|f| *f == "bodies/one.html"),
        "{changed:?}"
    );
    assert!(
        changed.iter().any(|f| *f == "posts/one.html"),
        "{changed:?}"
    );
    assert!(
        !changed
            .iter()
            .any(|f| f.starts_with("posts/two") || *f == "tags/web.html"),
        "{changed:?}"
    );
    let total = after.len();
    assert!(
        written * 3 < total,
        "{written} of {total} files for one edit: {changed:?}"
    );
    let gone: Vec<&String> = before.keys().filter(|k| !after.contains_key(*k)).collect();
    assert_eq!(removed, gone.len());
    assert!(
        gone.iter().all(|f| f.starts_with("search/")),
        "only search index parts named by hashes go: {gone:?}"
    );

    let mut expected = fresh(&fx);
    expected.insert("app-0123456789abcdef.js".into(), b"app".to_vec());
    assert_eq!(
        tree(&fx.out()).keys().collect::<Vec<_>>(),
        expected.keys().collect::<Vec<_>>()
    );
    assert!(
        tree(&fx.out()) == expected,
        "same bytes as a fresh build and prerender"
    );
}

#[test]
fn a_deleted_post_takes_its_files_and_pages_but_nothing_else() {
    let fx = Fixture::new();
    posts(&fx);
    fs::create_dir_all(fx.out()).unwrap();
    fs::write(fx.out().join("app-0123456789abcdef.js"), "app").unwrap();
    fs::write(fx.out().join("index.html"), SHELL).unwrap();
    rebuild(&fx);
    assert!(fx.out().join("files/three/photo.png").exists());
    assert!(fx.out().join("tags/web.html").exists());

    fs::remove_file(fx.content().join("three.md")).unwrap();
    fs::remove_file(fx.content().join("two.md")).unwrap();
    fs::remove_file(fx.content().join("three/photo.png")).unwrap();
    let (_, removed) = rebuild(&fx);
    assert!(
        removed >= 6,
        "bodies, Markdown, pages of two posts and a tag page: {removed}"
    );
    for gone in [
        "bodies/three.html",
        "posts/three.md",
        "posts/three.html",
        "posts/two.html",
        "tags/web.html",
    ] {
        assert!(!fx.out().join(gone).exists(), "{gone} removed");
    }
    // The post's files went, and their emptied folder.
    assert!(!fx.out().join("files/three").exists());
    assert!(
        fx.out().join("app-0123456789abcdef.js").exists(),
        "other files stay"
    );
    let mut expected = fresh(&fx);
    expected.insert("app-0123456789abcdef.js".into(), b"app".to_vec());
    assert!(tree(&fx.out()) == expected, "same files as a fresh build");
}

#[test]
fn a_failed_build_writes_nothing_and_a_tampered_list_removes_nothing_outside() {
    let fx = Fixture::new();
    posts(&fx);
    fs::create_dir_all(fx.out()).unwrap();
    fs::write(fx.out().join("index.html"), SHELL).unwrap();
    rebuild(&fx);
    let before = tree(&fx.out());
    fx.write(
        "one.md",
        "---\ntitle: \"unterminated\ndate: 2024-01-01\n---\n",
    );
    assert!(build_in_place(&fx.options()).is_err());
    assert!(tree(&fx.out()) == before, "nothing written");

    fs::write(fx.root().join("precious.txt"), "keep").unwrap();
    let list = fx.out().join(IN_PLACE_LIST);
    let listed = fs::read_to_string(&list).unwrap();
    fs::write(&list, format!("{listed}../precious.txt\n/etc/hostname\n")).unwrap();
    fx.write("one.md", toml_post("One", "2024-01-01", "", "Fixed.\n"));
    build_in_place(&fx.options()).expect("build in place");
    assert!(fx.root().join("precious.txt").exists());
}
