#![cfg(not(target_arch = "wasm32"))]
//! A site without tags (the Rust blog has none): no `/tags` page is written, the sitemap names
//! none, no page links to one; a site with tags has all three. And the footer the site file
//! asks for is on every prerendered page.

#[path = "../../folio-content/tests/common/mod.rs"]
mod common;

use std::fs;

use common::{toml_post, Fixture};
use folio_content::build;

const SHELL: &str = "<!DOCTYPE html><html><head><base href=\"/\"><title>Folio</title>\
                     </head><body><noscript>Needs JavaScript.</noscript></body></html>";

/// Two posts (2021 and 2024), tagged `rust` or not, built under `https://example.com/` with a
/// footer line, then prerendered.
fn built(tags: &str) -> Fixture {
    let fx = Fixture::new();
    fx.write(
        "site.toml",
        "base_url = \"https://example.com/\"\nauthor = \"Ann Example\"\nfooter = \"Set in type.\"\n",
    );
    fx.write("new.md", toml_post("New", "2024-03-03", tags, "New.\n"));
    fx.write("old.md", toml_post("Old", "2021-01-01", "", "Old.\n"));
    build(&fx.options()).expect("build");
    fs::write(fx.out().join("index.html"), SHELL).expect("write the shell");
    folio_build::prerender::prerender(&fx.out()).expect("prerender");
    fx
}

fn read(fx: &Fixture, relative: &str) -> String {
    fs::read_to_string(fx.out().join(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"))
}

fn sitemap_locs(fx: &Fixture) -> Vec<String> {
    read(fx, "sitemap.xml")
        .split("<loc>")
        .skip(1)
        .map(|s| s[..s.find("</loc>").unwrap()].to_owned())
        .collect()
}

#[test]
fn a_site_without_tags_has_no_tags_page() {
    let fx = built("");
    assert!(!fx.out().join("tags.html").exists());
    assert!(!fx.out().join("tags/index.html").exists());
    assert!(
        !sitemap_locs(&fx).iter().any(|loc| loc.contains("/tags")),
        "{:?}",
        sitemap_locs(&fx)
    );
    for page in [
        "index.html",
        "posts/new.html",
        "archive.html",
        "search.html",
        "404.html",
    ] {
        assert!(!read(&fx, page).contains("href=\"/tags\""), "{page}");
    }
}

#[test]
fn a_site_with_tags_has_its_tags_page() {
    let fx = built("tags = [\"rust\"]");
    assert!(read(&fx, "tags.html").contains("<h1>Tags</h1>"));
    assert!(fx.out().join("tags/index.html").is_file());
    let locs = sitemap_locs(&fx);
    assert!(
        locs.contains(&"https://example.com/tags".to_owned()),
        "{locs:?}"
    );
    assert!(read(&fx, "index.html").contains("href=\"/tags\""));
    assert!(read(&fx, "search.html").contains("href=\"/tags\""));
}

#[test]
fn every_page_has_the_footer_from_the_site_file() {
    let fx = built("");
    for page in ["index.html", "posts/old.html", "archive.html", "404.html"] {
        let html = read(&fx, page);
        let footer = &html[html.find("<footer").unwrap_or_else(|| panic!("{page}"))..];
        assert!(
            footer.contains("\u{a9} 2021\u{2013}2024 Ann Example"),
            "{page}: {footer}"
        );
        assert!(footer.contains("Set in type."), "{page}: {footer}");
        assert!(!footer.contains("WebAssembly"), "{page}: {footer}");
    }
}
