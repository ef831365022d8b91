#![cfg(not(target_arch = "wasm32"))]
//! Nothing lost silently, end to end: a build that finds far more dated files than it publishes
//! says so loudly, and one with no or far fewer posts does not replace an earlier build
//! without `--allow-shrink`.

#[path = "../../folio-content/tests/common/mod.rs"]
mod common;

use std::fs;
use std::process::{Command, Output};

use common::{toml_post, Fixture};

fn folio_build(content: &std::path::Path, out: &std::path::Path, extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_folio-build"))
        .arg("--content")
        .arg(content)
        .arg("--out")
        .arg(out)
        .args(extra)
        .output()
        .expect("run folio-build")
}

fn posts_in(out: &std::path::Path) -> usize {
    let manifest: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.join("manifest.json")).unwrap()).unwrap();
    manifest["posts"].as_array().unwrap().len()
}

#[test]
fn far_fewer_posts_than_dated_files_is_loud() {
    let fx = Fixture::new();
    fx.write("a.md", toml_post("A", "2020-01-01", "", "Body"));
    // Dated, but their front matter is not where any generator looks for it.
    for name in ["b", "c", "d"] {
        fx.write(
            &format!("{name}.md"),
            format!("Some text first\n---\ntitle: {name}\ndate: 2020-01-02\n---\n"),
        );
    }
    let run = folio_build(&fx.content(), &fx.out(), &[]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stderr}");
    assert!(
        stderr.contains(
            "folio-build: WARNING: only 1 posts published of 4 dated files found (0 drafts, \
             future or expired; 3 skipped: see the warnings above)"
        ),
        "{stderr}"
    );
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        stdout.contains("3 pages that are not posts (3 without front matter)"),
        "{stdout}"
    );
}

#[test]
fn a_build_of_no_or_far_fewer_posts_does_not_replace_a_site() {
    let fx = Fixture::new();
    for (i, name) in ["a", "b", "c", "d", "e"].iter().enumerate() {
        fx.write(
            &format!("{name}.md"),
            toml_post(name, &format!("2020-01-0{}", i + 1), "", "Body"),
        );
    }
    let (content, out) = (fx.content(), fx.out());
    assert!(folio_build(&content, &out, &[]).status.success());
    assert_eq!(posts_in(&out), 5);

    // Three posts of five stay: fewer, not far fewer.
    for name in ["d", "e"] {
        fs::remove_file(content.join(format!("{name}.md"))).unwrap();
    }
    assert!(folio_build(&content, &out, &[]).status.success());
    assert_eq!(posts_in(&out), 3);

    // None: refused, and the earlier site stays.
    for name in ["a", "b", "c"] {
        fs::remove_file(content.join(format!("{name}.md"))).unwrap();
    }
    let run = folio_build(&content, &out, &[]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(!run.status.success());
    assert!(
        stderr.contains("holds a site of 3 posts and this build has 0: not replacing it"),
        "{stderr}"
    );
    assert_eq!(posts_in(&out), 3);

    let run = folio_build(&content, &out, &["--allow-shrink"]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert_eq!(posts_in(&out), 0);
}
