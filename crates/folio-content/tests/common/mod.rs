//! Fixture folders for the pipeline tests: a fresh temporary folder per test, removed on drop.
#![allow(dead_code)] // each test file uses a different part

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use folio_content::{prepare, BuildError, Options, Report};
use folio_core::model::PostSummary;

pub struct Fixture {
    root: PathBuf,
}

impl Fixture {
    pub fn new() -> Self {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let root = std::env::temp_dir().join(format!(
            "folio-pipeline-test-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = fs::remove_dir_all(&root);
        fs::create_dir_all(root.join("content")).expect("create fixture folder");
        Fixture { root }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn content(&self) -> PathBuf {
        self.root.join("content")
    }

    pub fn out(&self) -> PathBuf {
        self.root.join("out")
    }

    /// Writes `contents` to `content/<relative>`, making folders; returns the path the pipeline
    /// will name in errors.
    pub fn write(&self, relative: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.content().join(relative);
        fs::create_dir_all(path.parent().expect("has a parent")).expect("create folder");
        fs::write(&path, contents).expect("write fixture");
        path
    }

    /// Options for this fixture with "today" pinned, so future-date tests never age.
    pub fn options(&self) -> Options {
        let mut options = Options::new(self.content(), self.out());
        options.today = Some(time::macros::date!(2024 - 06 - 01));
        options
    }

    pub fn prepare(&self) -> Result<Report, BuildError> {
        prepare(&self.options())
    }

    /// Prepares and expects success.
    pub fn report(&self) -> Report {
        self.prepare()
            .unwrap_or_else(|e| panic!("build should succeed: {e}"))
    }

    /// Prepares and expects an error.
    pub fn error(&self) -> BuildError {
        match self.prepare() {
            Ok(report) => panic!(
                "build should fail, got {} posts",
                report.manifest.posts.len()
            ),
            Err(e) => e,
        }
    }

    /// Every file under the fixture root except the content folder, as sorted relative paths:
    /// what a build wrote.
    /// Files the build wrote (outside the content folder), except the search index's parts,
    /// whose names are content hashes; see [`Fixture::search_files`].
    pub fn written(&self) -> Vec<String> {
        self.output_files()
            .into_iter()
            .filter(|p| !p.starts_with("out/search/"))
            .collect()
    }

    /// The search index files the build wrote.
    pub fn search_files(&self) -> Vec<String> {
        self.output_files()
            .into_iter()
            .filter(|p| p.starts_with("out/search/"))
            .collect()
    }

    fn output_files(&self) -> Vec<String> {
        let mut found = Vec::new();
        walk(&self.root, &self.root, &mut found);
        found.retain(|p| !p.starts_with("content/"));
        found.sort();
        found
    }
}

fn walk(root: &Path, dir: &Path, found: &mut Vec<String>) {
    for entry in fs::read_dir(dir).expect("read fixture folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            walk(root, &path, found);
        } else {
            let relative = path.strip_prefix(root).expect("under root");
            found.push(relative.to_string_lossy().replace('\\', "/"));
        }
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.root);
    }
}

/// A TOML front-matter post.
pub fn toml_post(title: &str, date: &str, extra: &str, body: &str) -> String {
    format!("+++\ntitle = \"{title}\"\ndate = {date}\n{extra}\n+++\n\n{body}")
}

/// The only post of a report.
pub fn only_post(report: &Report) -> &PostSummary {
    assert_eq!(
        report.manifest.posts.len(),
        1,
        "{:#?}",
        report.manifest.posts
    );
    &report.manifest.posts[0]
}

/// The start of a PNG file (signature and IHDR) of this size: enough for the pipeline to read an
/// image's size.
pub fn png(width: u32, height: u32) -> Vec<u8> {
    let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    b.extend(width.to_be_bytes());
    b.extend(height.to_be_bytes());
    b.extend([8, 6, 0, 0, 0, 0, 0, 0, 0]);
    b
}
