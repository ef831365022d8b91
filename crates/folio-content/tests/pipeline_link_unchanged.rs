#![cfg(not(target_arch = "wasm32"))]
//! `Options::link_unchanged` (`folio-build --link-unchanged`, which `scripts/build` passes with
//! the folder it replaces): a rebuild writes the same files, byte for byte, as a build without
//! it; the files whose bytes did not change are hard links to the earlier build's copies, the
//! changed ones are new files, and the earlier build keeps its own bytes.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

use common::{toml_post, Fixture};
use folio_content::{build, Options};

/// Every file under `dir`: relative path -> (bytes, inode).
fn tree(dir: &Path) -> BTreeMap<String, (Vec<u8>, u64)> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(folder) = stack.pop() {
        for entry in fs::read_dir(&folder).expect("read folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let relative = path.strip_prefix(dir).expect("inside").to_string_lossy();
                let inode = fs::metadata(&path).expect("metadata").ino();
                files.insert(
                    relative.into_owned(),
                    (fs::read(&path).expect("read"), inode),
                );
            }
        }
    }
    files
}

fn options(fx: &Fixture, out: &str, previous: Option<&str>) -> Options {
    let mut options = fx.options();
    options.out_dir = fx.root().join(out);
    options.link_unchanged = previous.map(|p| fx.root().join(p));
    options
}

#[test]
fn a_rebuild_links_unchanged_files_and_writes_the_same_site() {
    let fx = Fixture::new();
    fx.write("site.toml", "base_url = \"https://example.com/\"\n");
    fx.write(
        "posts/kept.md",
        toml_post(
            "Kept",
            "2024-01-01",
            "aliases = [\"/old/kept/\"]",
            "Stays the same.",
        ),
    );
    fx.write(
        "posts/edited.md",
        toml_post("Edited", "2024-02-01", "", "First words."),
    );
    fx.write("posts/edited/picture.svg", "<svg></svg>");
    build(&options(&fx, "first", None)).expect("first build");

    fx.write(
        "posts/edited.md",
        toml_post("Edited", "2024-02-01", "", "Other words."),
    );
    build(&options(&fx, "linked", Some("first"))).expect("linked rebuild");
    build(&options(&fx, "plain", None)).expect("plain rebuild");

    let first = tree(&fx.root().join("first"));
    let linked = tree(&fx.root().join("linked"));
    let plain = tree(&fx.root().join("plain"));
    let bytes = |t: &BTreeMap<String, (Vec<u8>, u64)>| {
        t.iter()
            .map(|(k, (b, _))| (k.clone(), b.clone()))
            .collect::<BTreeMap<_, _>>()
    };
    assert_eq!(bytes(&linked), bytes(&plain), "the same site either way");

    let shares = |name: &str| linked[name].1 == first[name].1;
    assert!(
        shares("posts/kept.md"),
        "an unchanged post's file is a link"
    );
    assert!(shares("old/kept/index.html"), "so is its redirect page");
    assert!(
        shares("files/posts/edited/picture.svg"),
        "and the copied picture, unchanged"
    );
    assert!(!shares("posts/edited.md"), "the edited post is a new file");
    assert!(!shares("bodies/edited.html"), "and so is its body");
    assert!(
        String::from_utf8_lossy(&first["bodies/edited.html"].0).contains("First words."),
        "the earlier build keeps its own bytes"
    );
    // Exactly the files with the earlier build's bytes are links, whatever else changed.
    for (name, (bytes, inode)) in &linked {
        let same = first.get(name).is_some_and(|f| &f.0 == bytes);
        let link = first.get(name).is_some_and(|f| f.1 == *inode);
        assert_eq!(link, same, "{name}: linked {link}, same bytes {same}");
    }
}
