#![cfg(not(target_arch = "wasm32"))]
//! `folio-check` (scripts/check) on small built sites: what it accepts, each kind of breakage
//! it reports, and its exit status.

#[path = "../../folio-content/tests/common/mod.rs"]
mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use common::{toml_post, Fixture};

fn folio_check(site: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_folio-check"))
        .arg(site)
        .output()
        .expect("run folio-check")
}

fn write(site: &Path, relative: &str, text: &str) {
    let path = site.join(relative);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

/// A prerendered site under `/blog/`: a home page, a post, a redirect folder and an image.
fn site(fx: &Fixture) -> std::path::PathBuf {
    let site = fx.out();
    write(
        &site,
        "index.html",
        "<html><head><base href=\"/blog/\"><link rel=\"stylesheet\" href=\"style-1.css\">\
         </head><body><a href=\"posts/a\">A</a> <a href=\"/blog/posts/a#part\">part</a> \
         <a href=\"old/\">old</a> <a href=\"https://x.org/\">x</a> <a href=\"#top\">top</a>\
         <h1 id=\"top\">Home</h1></body></html>",
    );
    write(&site, "style-1.css", "");
    write(
        &site,
        "posts/a.html",
        "<base href=\"/blog/\"><h2 id=\"part\">Part</h2><img src=\"files/p/a.png\">\
         <a href=\"posts/a#part\">again</a>",
    );
    write(&site, "files/p/a.png", "png");
    write(&site, "old/index.html", "<a href=\"../posts/a\">moved</a>");
    site
}

#[test]
fn a_whole_site_passes() {
    let fx = Fixture::new();
    let site = site(&fx);
    let run = folio_check(&site);
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(
        stdout.contains("folio-check: 3 pages, 8 internal references, 0 broken"),
        "{stdout}"
    );
}

#[test]
fn each_broken_link_anchor_and_image_is_named_and_fails_the_check() {
    let fx = Fixture::new();
    let site = site(&fx);
    write(
        &site,
        "posts/b.html",
        "<base href=\"/blog/\"><a href=\"posts/gone\">gone</a> <a href=\"posts/a#nowhere\">anchor</a> \
         <img src=\"files/missing.png\"> <a href=\"/elsewhere/x\">outside</a> \
         <a href=\"#self\">self</a>",
    );
    let run = folio_check(&site);
    assert!(!run.status.success());
    let stderr = String::from_utf8_lossy(&run.stderr);
    for line in [
        "folio-check: broken: posts/b.html: posts/gone: no such file or page",
        "folio-check: broken: posts/b.html: posts/a#nowhere: no such anchor",
        "folio-check: broken: posts/b.html: files/missing.png: no such file or page",
        "folio-check: broken: posts/b.html: /elsewhere/x: no such file or page",
        "folio-check: broken: posts/b.html: #self: no such anchor",
    ] {
        assert!(stderr.contains(line), "{line}\n{stderr}");
    }
    assert!(String::from_utf8_lossy(&run.stdout).contains("5 broken"));
}

#[test]
fn a_folder_folio_build_wrote_is_checked_through_its_bodies() {
    let fx = Fixture::new();
    fx.write(
        "a.md",
        toml_post("A", "2020-01-01", "", "## Part\n\n[b](b.md#end)\n"),
    );
    fx.write(
        "b.md",
        toml_post("B", "2020-01-02", "", "## End\n\n[a](a.md#nope)\n"),
    );
    let out = fx.out();
    let built = Command::new(env!("CARGO_BIN_EXE_folio-build"))
        .arg("--content")
        .arg(fx.content())
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    let run = folio_check(&out);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(!run.status.success());
    assert!(
        stderr.contains("bodies/b.html: posts/a#nope: no such anchor"),
        "{stderr}"
    );
    assert!(!stderr.contains("bodies/a.html"), "{stderr}");
}
