//! Posts' rendered bodies kept between builds, so a rebuild after an edit to one post renders
//! that post again and reuses every other one (rendering, highlighting and sanitising is most
//! of a build's time: 1.1 of 2.1 s for the 750-post Rust blog on 2 busy cores).
//!
//! A cached rendering is reused only when everything it was made from is the same:
//! - the post as loaded (its path, front matter and Markdown), the site's settings (the
//!   generator's config, its shortcode templates) and the content folder, hashed into the
//!   entry's key together with the renderer: the running executable (its size and time), so
//!   any new build of the code renders everything again;
//! - every answer the rendering got about other posts (a link to `other.md` or a `ref`
//!   shortcode names a post by path, file name or old address, and resolves to its slug):
//!   each question is recorded with its answer, asked again of this build's posts, and the
//!   entry is used only if every answer is still the same.
//!
//! What the cache holds is the body before the links to the post's own files are rewritten
//! and its images sized: that step reads those files, so it runs on every build (see
//! `super::bodies`). The plain text read from the finished body (for search and word counts)
//! is kept too, with a hash of the body it was read from.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::{xxh3_128, Xxh3};

use super::load::SourcePost;
use super::post_links::PostTable;
use super::site_config::SiteConfig;

/// Bumped when what an entry holds, or how a body is made from it, changes.
const FORMAT: &str = "folio render cache 1";

/// A question a rendering asked about other posts, with the answer it got.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Lookup {
    MarkdownLink {
        dest: String,
        answer: Option<Result<String, String>>,
    },
    PostUrl {
        name: String,
        answer: Result<String, String>,
    },
    HugoRef {
        target: String,
        answer: Result<String, String>,
    },
    JekyllLink {
        path: String,
        answer: Result<String, String>,
    },
}

impl Lookup {
    /// Whether `table` still gives the recorded answer (`dir`: the post's folder).
    fn holds(&self, table: &PostTable, dir: &str) -> bool {
        match self {
            Lookup::MarkdownLink { dest, answer } => table.markdown_link(dir, dest) == *answer,
            Lookup::PostUrl { name, answer } => table.post_url(name) == *answer,
            Lookup::HugoRef { target, answer } => table.hugo_ref(dir, target) == *answer,
            Lookup::JekyllLink { path, answer } => table.at_path(path) == *answer,
        }
    }
}

/// The table of posts, answering for one post's rendering and writing down what it answered.
pub struct RecordingTable<'a> {
    table: &'a PostTable,
    dir: &'a str,
    lookups: Mutex<Vec<Lookup>>,
}

impl<'a> RecordingTable<'a> {
    pub fn new(table: &'a PostTable, dir: &'a str) -> Self {
        RecordingTable {
            table,
            dir,
            lookups: Mutex::new(Vec::new()),
        }
    }

    fn record(&self, lookup: Lookup) {
        self.lookups
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(lookup);
    }

    pub fn markdown_link(&self, dest: &str) -> Option<Result<String, String>> {
        let answer = self.table.markdown_link(self.dir, dest);
        let dest = dest.to_owned();
        self.record(Lookup::MarkdownLink {
            dest,
            answer: answer.clone(),
        });
        answer
    }

    pub fn post_url(&self, name: &str) -> Result<String, String> {
        let answer = self.table.post_url(name);
        let name = name.to_owned();
        self.record(Lookup::PostUrl {
            name,
            answer: answer.clone(),
        });
        answer
    }

    pub fn hugo_ref(&self, target: &str) -> Result<String, String> {
        let answer = self.table.hugo_ref(self.dir, target);
        let target = target.to_owned();
        self.record(Lookup::HugoRef {
            target,
            answer: answer.clone(),
        });
        answer
    }

    pub fn at_path(&self, path: &str) -> Result<String, String> {
        let answer = self.table.at_path(path);
        let path = path.to_owned();
        self.record(Lookup::JekyllLink {
            path,
            answer: answer.clone(),
        });
        answer
    }

    pub fn into_lookups(self) -> Vec<Lookup> {
        self.lookups.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

/// A post's rendering, as cached.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Rendering {
    /// The rendered body before the post's own files are linked (see the module docs).
    pub html: String,
    /// The summary from the summary marker, when the front matter gives none.
    pub summary: Option<String>,
    /// (offset in the Markdown as written, message): warnings about the body.
    pub notes: Vec<(usize, String)>,
    pub lookups: Vec<Lookup>,
    /// The plain text of the finished body, with the hash of that body, once known.
    pub text: Option<(u128, String)>,
}

/// How many posts a build rendered and how many it took from the cache.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RenderStats {
    pub rendered: usize,
    pub reused: usize,
}

/// The cache folder, or none (every post rendered, nothing kept).
pub struct RenderCache {
    dir: Option<PathBuf>,
    renderer: String,
    rendered: AtomicUsize,
    reused: AtomicUsize,
}

impl RenderCache {
    pub fn new(dir: Option<&Path>) -> Self {
        RenderCache {
            dir: dir.map(Path::to_owned),
            renderer: renderer_identity(),
            rendered: AtomicUsize::new(0),
            reused: AtomicUsize::new(0),
        }
    }

    pub fn stats(&self) -> RenderStats {
        RenderStats {
            rendered: self.rendered.load(Ordering::Relaxed),
            reused: self.reused.load(Ordering::Relaxed),
        }
    }

    /// The key of `post`'s rendering: a hash of everything but the answers about other posts.
    /// `None` without a cache folder.
    pub fn key(&self, content_dir: &Path, post: &SourcePost, site: &SiteConfig) -> Option<String> {
        self.dir.as_ref()?;
        let mut hasher = HashWriter(Xxh3::new());
        // Debug output spells out every field (serde_json values, paths, dates), so any
        // change to the post or the settings changes the key.
        let _ = write!(
            hasher,
            "{FORMAT}\n{}\n{content_dir:?}\n{post:?}\n{site:?}",
            self.renderer
        );
        Some(format!("{:032x}", hasher.0.digest128()))
    }

    /// The cached rendering under `key`, if there is one and every answer it got about other
    /// posts is still the same; counted as reused.
    pub fn get(&self, key: &str, table: &PostTable, dir: &str) -> Option<Rendering> {
        let path = self.entry_path(key)?;
        let bytes = fs::read(path).ok()?;
        // An unreadable entry (an older format, a torn write) is a miss.
        let rendering: Rendering = serde_json::from_slice(&bytes).ok()?;
        if !rendering.lookups.iter().all(|l| l.holds(table, dir)) {
            return None;
        }
        self.reused.fetch_add(1, Ordering::Relaxed);
        Some(rendering)
    }

    /// Counts a post rendered afresh.
    pub fn count_rendered(&self) {
        self.rendered.fetch_add(1, Ordering::Relaxed);
    }

    /// Keeps `rendering` under `key`. A cache that cannot be written only costs the next build
    /// its time, so errors are ignored.
    pub fn store(&self, key: &str, rendering: &Rendering) {
        let (Some(path), Ok(bytes)) = (self.entry_path(key), serde_json::to_vec(rendering)) else {
            return;
        };
        let Some(dir) = path.parent() else { return };
        if fs::create_dir_all(dir).is_err() {
            return;
        }
        // Written aside and renamed: another build reading it sees the old entry or the new.
        let tmp = dir.join(format!("{key}.{}.tmp", std::process::id()));
        if fs::write(&tmp, bytes).is_ok() && fs::rename(&tmp, &path).is_err() {
            let _ = fs::remove_file(&tmp);
        }
    }

    /// Removes the entries this build did not use (edited posts' old renderings, deleted
    /// posts'), so the cache holds one site's worth.
    pub fn keep_only(&self, used: &[&str]) {
        let Some(dir) = &self.dir else { return };
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        let used: std::collections::HashSet<String> =
            used.iter().map(|key| format!("{key}.json")).collect();
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            // Only the cache's own files, whatever else the folder holds.
            let ours = name.len() > 32
                && name[..32].bytes().all(|b| b.is_ascii_hexdigit())
                && (name.ends_with(".json") || name.ends_with(".tmp"));
            if ours && !used.contains(&name) {
                let _ = fs::remove_file(entry.path());
            }
        }
    }

    fn entry_path(&self, key: &str) -> Option<PathBuf> {
        self.dir.as_ref().map(|dir| dir.join(format!("{key}.json")))
    }
}

/// The hash a finished body's plain text is stored with.
pub fn body_hash(html: &str) -> u128 {
    xxh3_128(html.as_bytes())
}

/// The executable doing the rendering: a rebuilt `folio-build` (any change to the renderer,
/// the highlighter, the sanitiser or this pipeline) never reuses an older one's renderings.
fn renderer_identity() -> String {
    let exe = std::env::current_exe().ok();
    let meta = exe.as_deref().and_then(|p| fs::metadata(p).ok());
    let modified = meta
        .as_ref()
        .and_then(|m| m.modified().ok())
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    format!(
        "{} {exe:?} {} {modified}",
        env!("CARGO_PKG_VERSION"),
        meta.map_or(0, |m| m.len())
    )
}

struct HashWriter(Xxh3);

impl std::fmt::Write for HashWriter {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.update(s.as_bytes());
        Ok(())
    }
}
