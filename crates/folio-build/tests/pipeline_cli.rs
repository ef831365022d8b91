#![cfg(not(target_arch = "wasm32"))]
//! `folio-build` end to end: exit codes, the summary line, warnings and errors on stderr.

#[path = "../../folio-content/tests/common/mod.rs"]
mod common;

use std::fs;
use std::process::{Command, Output};

use common::{toml_post, Fixture};

fn folio_build(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_folio-build"))
        .args(args)
        .output()
        .expect("run folio-build")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn builds_and_summarises() {
    let fx = Fixture::new();
    fx.write("_index.md", "+++\ntitle = \"Section\"\n+++\n");
    fx.write("a.md", toml_post("A", "2020-01-01", "", "Body"));
    fx.write(
        "draft.md",
        toml_post("Draft", "2020-01-02", "draft = true", ""),
    );
    fx.write("future.md", toml_post("Future", "2999-01-01", "", ""));
    fx.write(
        "expired.md",
        toml_post("Expired", "2020-01-03", "expiryDate = 2020-02-01", ""),
    );
    fx.write("about.md", "---\ntitle: About\n---\nNot a post.\n");
    let (content, out) = (fx.content(), fx.out());

    let run = folio_build(&[
        "--content".as_ref(),
        content.as_ref(),
        "--out".as_ref(),
        out.as_ref(),
    ]);
    let (stdout, stderr) = (text(&run.stdout), text(&run.stderr));
    assert!(run.status.success(), "{stderr}");
    assert_eq!(
        stdout.trim(),
        format!(
            "folio-build: wrote 1 posts to {} (skipped: 2 pages that are not posts (1 section pages, \
             1 pages without a date), 1 drafts, 1 future posts, 1 expired posts)",
            out.display()
        )
    );
    assert!(
        stderr.contains("warning:") && stderr.contains("_index.md"),
        "{stderr}"
    );
    assert!(
        stderr.contains("about.md: no date") && stderr.contains("not a post"),
        "{stderr}"
    );
    assert!(out.join("posts/a.md").is_file());

    let run = folio_build(&[
        "--drafts".as_ref(),
        "--future".as_ref(),
        "--content".as_ref(),
        content.as_ref(),
        "--out".as_ref(),
        out.as_ref(),
    ]);
    assert!(run.status.success());
    assert!(
        text(&run.stdout).contains("wrote 3 posts"),
        "{}",
        text(&run.stdout)
    );
    assert!(out.join("posts/future.md").is_file() && out.join("posts/draft.md").is_file());
}

#[test]
fn failing_build_exits_non_zero_and_names_the_spot() {
    let fx = Fixture::new();
    fx.write("a.md", toml_post("A", "2020-01-01", "", ""));
    let (content, out) = (fx.content(), fx.out());
    let ok = folio_build(&[
        "--content".as_ref(),
        content.as_ref(),
        "--out".as_ref(),
        out.as_ref(),
    ]);
    assert!(ok.status.success());
    let manifest_before = fs::read(out.join("manifest.json")).unwrap();

    let bad = fx.write("bad.md", "---\ntitle: Bad\ndate: 2020-02-31\n---\n");
    let run = folio_build(&[
        "--content".as_ref(),
        content.as_ref(),
        "--out".as_ref(),
        out.as_ref(),
    ]);
    let stderr = text(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!("error: {}:3:", bad.display())),
        "{stderr}"
    );
    assert!(stderr.contains("2020-02-31"), "{stderr}");
    assert!(run.stdout.is_empty());
    assert_eq!(
        fs::read(out.join("manifest.json")).unwrap(),
        manifest_before
    );
}

#[test]
fn missing_site_file_and_bad_arguments() {
    let fx = Fixture::new();
    let (content, out) = (fx.content(), fx.out());
    let missing = fx.root().join("nope.toml");
    let run = folio_build(&[
        "--content".as_ref(),
        content.as_ref(),
        "--out".as_ref(),
        out.as_ref(),
        "--site".as_ref(),
        missing.as_ref(),
    ]);
    assert_eq!(run.status.code(), Some(1));
    assert!(
        text(&run.stderr).contains("nope.toml"),
        "{}",
        text(&run.stderr)
    );
    assert!(!out.exists());

    let run = folio_build(&["--frobnicate".as_ref()]);
    assert_eq!(run.status.code(), Some(2));
    assert!(text(&run.stderr).contains("--frobnicate") && text(&run.stderr).contains("Usage:"));

    let run = folio_build(&["--help".as_ref()]);
    assert!(run.status.success());
    assert!(text(&run.stdout).contains("--drafts"));
}

#[test]
fn prints_the_base_path_scripts_build_hands_trunk() {
    let fx = Fixture::new();
    let content = fx.content();
    let base_path = |extra: &[&str]| {
        let mut args: Vec<&std::ffi::OsStr> = vec!["--content".as_ref(), content.as_ref()];
        args.extend(extra.iter().map(std::ffi::OsStr::new));
        args.push("--print-base-path".as_ref());
        let run = folio_build(&args);
        assert!(run.status.success(), "{}", text(&run.stderr));
        text(&run.stdout)
    };
    assert_eq!(base_path(&[]), "/\n", "no site file: the root");
    fx.write("site.toml", "base_url = \"https://example.com/blog\"\n");
    assert_eq!(base_path(&[]), "/blog/\n", "the base URL's path");
    assert_eq!(base_path(&["--base-path", "/"]), "/\n");
    assert_eq!(
        base_path(&["--base-url", "https://x.example/sub"]),
        "/sub/\n"
    );
    assert!(!fx.out().exists(), "printing builds nothing");

    let run = folio_build(&["--base-url".as_ref(), "example.com".as_ref()]);
    assert_eq!(run.status.code(), Some(2));
    assert!(
        text(&run.stderr).contains("--base-url"),
        "{}",
        text(&run.stderr)
    );
}
