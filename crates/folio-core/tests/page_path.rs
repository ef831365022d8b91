//! The addresses static hosts answer for a page (`x.html`, `x/index.html`, `x/`) map to the one
//! the app routes (`x`), at the root and under a sub-path; canonical paths are left alone.

use folio_core::page_path::canonical_path;

fn canonical(path: &str, base: &str) -> String {
    canonical_path(path, base).unwrap_or_else(|| path.to_owned())
}

#[test]
fn file_names_and_folders_become_the_page_path() {
    for (path, expected) in [
        ("/index.html", "/"),
        ("/posts/hello.html", "/posts/hello"),
        ("/posts/Rust-1.75.0.html", "/posts/Rust-1.75.0"),
        ("/posts/Rust-1.75.0/", "/posts/Rust-1.75.0"),
        ("/posts/Rust-1.75.0/index.html", "/posts/Rust-1.75.0"),
        ("/tags.html", "/tags"),
        ("/tags/", "/tags"),
        ("/tags/index.html", "/tags"),
        ("/tags/caf%C3%A9.html", "/tags/caf%C3%A9"),
        ("/archive.html", "/archive"),
        ("/search.html", "/search"),
        ("/archive//", "/archive"),
    ] {
        assert_eq!(canonical(path, "/"), expected, "{path}");
    }
}

#[test]
fn under_a_sub_path_the_base_stays() {
    for (path, expected) in [
        ("/blog/index.html", "/blog/"),
        ("/blog/posts/hello.html", "/blog/posts/hello"),
        ("/blog/posts/Rust-1.75.0/", "/blog/posts/Rust-1.75.0"),
        ("/blog/tags/index.html", "/blog/tags"),
    ] {
        assert_eq!(canonical(path, "/blog/"), expected, "{path}");
    }
}

#[test]
fn canonical_paths_and_paths_outside_the_site_are_left_alone() {
    for (path, base) in [
        ("/", "/"),
        ("/posts/hello", "/"),
        ("/posts/Rust-1.75.0", "/"),
        ("/tags/c++", "/"),
        ("/blog/", "/blog/"),
        ("/blog", "/blog/"),
        ("/other/x.html", "/blog/"),
        ("/blog/posts/x", "/blog/"),
    ] {
        assert_eq!(canonical_path(path, base), None, "{path} under {base}");
    }
}
