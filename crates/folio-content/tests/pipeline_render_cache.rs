#![cfg(not(target_arch = "wasm32"))]
//! The render cache (`Options::cache_dir`, `folio-build --cache`): a rebuild renders only the
//! posts whose own inputs changed, a post whose links to other posts now answer differently is
//! rendered again, and a build using the cache writes exactly the files a build without it
//! writes.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use common::{png, toml_post, Fixture};
use folio_content::{build, build_in_place, Options, Report};

/// Four posts: highlighted code, a summary marker, a link to another post's file, a Hugo
/// `ref`, a picture beside the post, a warning about a link to nothing.
fn site() -> Fixture {
    let fx = Fixture::new();
    fx.write("site.toml", "base_url = \"https://example.com/\"\n");
    fx.write(
        "posts/code.md",
        toml_post(
            "Code",
            "2024-01-01",
            "tags = [\"rust\"]",
            "Intro.\n\n<!-- more -->\n\n## Example\n\n```rust\nfn main() { println!(\"hi\"); }\n```\n",
        ),
    );
    fx.write(
        "posts/links.md",
        toml_post(
            "Links",
            "2024-01-02",
            "",
            "See [the code](code.md#example), {{< ref \"code.md\" >}} and [nothing](gone.md).\n",
        ),
    );
    fx.write(
        "posts/pictures/index.md",
        toml_post("Pictures", "2024-01-03", "", "![A diagram](diagram.png)\n"),
    );
    fx.write("posts/pictures/diagram.png", png(640, 480));
    fx.write(
        "posts/plain.md",
        toml_post(
            "Plain",
            "2024-01-04",
            "tags = [\"notes\"]",
            "Just *words*.\n",
        ),
    );
    fx
}

fn options(fx: &Fixture, out: &str, cache: bool) -> Options {
    let mut options = fx.options();
    options.out_dir = fx.root().join(out);
    options.cache_dir = cache.then(|| fx.root().join("cache"));
    options
}

fn built(fx: &Fixture, out: &str, cache: bool) -> Report {
    build(&options(fx, out, cache)).unwrap_or_else(|e| panic!("build should succeed: {e}"))
}

/// (rendered, reused)
fn counts(report: &Report) -> (usize, usize) {
    (report.render_stats.rendered, report.render_stats.reused)
}

/// Every file under `dir` with its bytes.
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, found: &mut BTreeMap<PathBuf, Vec<u8>>) {
        for entry in fs::read_dir(dir).expect("read output") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(root, &path, found);
            } else {
                let bytes = fs::read(&path).expect("read file");
                found.insert(path.strip_prefix(root).expect("under root").into(), bytes);
            }
        }
    }
    let mut found = BTreeMap::new();
    walk(dir, dir, &mut found);
    assert!(!found.is_empty(), "{} is empty", dir.display());
    found
}

fn assert_same_site(fx: &Fixture, a: &str, b: &str) {
    let (a_files, b_files) = (files(&fx.root().join(a)), files(&fx.root().join(b)));
    assert_eq!(
        a_files.keys().collect::<Vec<_>>(),
        b_files.keys().collect::<Vec<_>>(),
        "{a} and {b} hold different files"
    );
    for (path, bytes) in &a_files {
        assert!(
            bytes == &b_files[path],
            "{} differs between {a} and {b}",
            path.display()
        );
    }
}

fn body(report: &Report, slug: &str) -> String {
    let post = report.posts.iter().find(|p| p.slug == slug);
    post.unwrap_or_else(|| panic!("no post {slug}"))
        .html
        .clone()
}

fn cache_entries(fx: &Fixture) -> usize {
    fs::read_dir(fx.root().join("cache"))
        .expect("the cache folder")
        .filter(|e| {
            let name = e.as_ref().expect("entry").file_name();
            name.to_string_lossy().ends_with(".json")
        })
        .count()
}

#[test]
fn a_rebuild_renders_only_the_edited_post_and_writes_what_a_clean_build_writes() {
    let fx = site();
    let first = built(&fx, "first", true);
    assert_eq!(counts(&first), (4, 0));
    let again = built(&fx, "again", true);
    assert_eq!(
        counts(&again),
        (0, 4),
        "nothing changed: every post from the cache"
    );
    assert_eq!(again.manifest, first.manifest);
    assert_same_site(&fx, "first", "again");

    fx.write(
        "posts/plain.md",
        toml_post(
            "Plain, edited",
            "2024-01-04",
            "tags = [\"notes\"]",
            "Just *more* words.\n",
        ),
    );
    let edited = built(&fx, "edited", true);
    assert_eq!(counts(&edited), (1, 3), "only the edited post is rendered");
    assert!(body(&edited, "plain").contains("<em>more</em>"));
    let clean = built(&fx, "clean", false);
    assert_eq!(counts(&clean), (4, 0), "no cache: every post rendered");
    assert_eq!(edited.warnings, clean.warnings);
    assert_same_site(&fx, "edited", "clean");
    // The edited post's old rendering is gone: one entry per post.
    assert_eq!(cache_entries(&fx), 4);
}

#[test]
fn a_post_whose_link_now_answers_differently_is_rendered_again() {
    let fx = site();
    let first = built(&fx, "first", true);
    assert!(body(&first, "links").contains("href=\"posts/code#example\""));
    // The linked post gets another slug: it and the post linking to it are rendered again,
    // the other two are not.
    fx.write(
        "posts/code.md",
        toml_post(
            "Code",
            "2024-01-01",
            "tags = [\"rust\"]\nslug = \"code-sample\"",
            "Intro.\n\n<!-- more -->\n\n## Example\n\n```rust\nfn main() { println!(\"hi\"); }\n```\n",
        ),
    );
    let renamed = built(&fx, "renamed", true);
    assert_eq!(counts(&renamed), (2, 2));
    let links = body(&renamed, "links");
    assert!(
        links.contains("href=\"posts/code-sample#example\""),
        "{links}"
    );
    assert!(!links.contains("posts/code#"), "{links}");
    // A post the link named appears: the warning about `gone.md` goes with the new rendering.
    fx.write(
        "posts/gone.md",
        toml_post("Gone", "2024-01-05", "", "Here now.\n"),
    );
    let appeared = built(&fx, "appeared", true);
    assert_eq!(
        counts(&appeared),
        (2, 3),
        "the new post and the one linking to it"
    );
    assert!(body(&appeared, "links").contains("href=\"posts/gone\""));
    built(&fx, "clean", false);
    assert_same_site(&fx, "appeared", "clean");
}

#[test]
fn files_beside_a_cached_post_are_linked_and_sized_on_every_build() {
    let fx = site();
    let first = built(&fx, "first", true);
    assert!(body(&first, "pictures").contains("width=\"640\" height=\"480\""));
    fx.write("posts/pictures/diagram.png", png(320, 200));
    let resized = built(&fx, "resized", true);
    assert_eq!(counts(&resized), (0, 4), "the post itself did not change");
    let html = body(&resized, "pictures");
    assert!(html.contains("width=\"320\" height=\"200\""), "{html}");
    built(&fx, "clean", false);
    assert_same_site(&fx, "resized", "clean");
}

#[test]
fn an_unreadable_entry_is_rendered_again_and_other_files_of_the_folder_stay() {
    let fx = site();
    built(&fx, "first", true);
    let cache = fx.root().join("cache");
    fs::write(cache.join("notes.txt"), "mine").expect("write a file of the user's");
    for entry in fs::read_dir(&cache).expect("cache folder") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "json") {
            fs::write(&path, b"{ torn").expect("break the entry");
        }
    }
    let again = built(&fx, "again", true);
    assert_eq!(counts(&again), (4, 0));
    assert_same_site(&fx, "first", "again");
    assert_eq!(fs::read_to_string(cache.join("notes.txt")).unwrap(), "mine");
}

#[test]
fn in_place_rebuilds_use_the_cache_too() {
    let fx = site();
    let options = options(&fx, "site", true);
    let (first, _) = build_in_place(&options).expect("first build");
    assert_eq!(counts(&first), (4, 0));
    fx.write(
        "posts/code.md",
        toml_post("Code", "2024-01-01", "tags = [\"rust\"]", "Other code.\n"),
    );
    let (second, changes) = build_in_place(&options).expect("second build");
    assert_eq!(counts(&second), (1, 3));
    assert!(changes.written > 0 && changes.unchanged > 0, "{changes:?}");
    built(&fx, "clean", false);
    let mut in_place = files(&fx.root().join("site"));
    in_place.remove(Path::new(folio_content::IN_PLACE_LIST));
    assert_eq!(in_place, files(&fx.root().join("clean")));
}
