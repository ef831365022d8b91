//! Writing a new build beside an earlier one of the same site (`scripts/build` replacing its
//! output folder): a file whose bytes are those of the earlier build's copy at the same path is
//! hard-linked to that copy rather than written again.
//!
//! Why: creating a file costs far more than its bytes. On ext4 without a journal (the build
//! machines here), each new inode is found by scanning past every inode freed in the last minute
//! or more, and every build frees the thousands of inodes of the build it replaces: on the
//! 750-post Rust blog, inode allocation took most of the pipeline's time and grew with each
//! rebuild. A link allocates no inode, and deleting the earlier build then frees only the
//! folders and the files that changed. The output is the same bytes either way.
//!
//! The earlier build is only read; the new build's files never overwrite anything in place (a
//! file already at a path is removed first), so writing through a link cannot change the
//! earlier build, nor any cache the earlier build's files are linked to.

use std::cell::Cell;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Links files from an earlier build when their bytes are unchanged.
#[derive(Debug)]
pub struct LinkUnchanged {
    previous: PathBuf,
    /// Cleared at the first failed link (another file system, links not supported): from then
    /// on every file is written.
    linking: Cell<bool>,
    linked: Cell<usize>,
}

impl LinkUnchanged {
    /// Links from the build in `previous` (a missing folder only means nothing is linked).
    pub fn new(previous: impl Into<PathBuf>) -> Self {
        LinkUnchanged {
            previous: previous.into(),
            linking: Cell::new(true),
            linked: Cell::new(0),
        }
    }

    /// How many files were linked so far.
    pub fn linked(&self) -> usize {
        self.linked.get()
    }

    /// Puts `contents` at `target`, whose path in the build is `relative`: a link to the earlier
    /// build's copy when that has the same bytes, else a new file.
    pub fn write(&self, relative: &str, target: &Path, contents: &[u8]) -> io::Result<()> {
        let earlier = self.previous.join(relative);
        let same = self.linking.get()
            && fs::symlink_metadata(&earlier)
                .is_ok_and(|m| m.is_file() && m.len() == contents.len() as u64)
            && fs::read(&earlier).is_ok_and(|bytes| bytes == contents);
        if same && self.link(&earlier, target) {
            return Ok(());
        }
        write_new(target, contents)
    }

    /// Puts a copy of the file `source` at `target` (`relative` in the build), linking the
    /// earlier build's copy when it has the same bytes.
    pub fn copy(&self, source: &Path, relative: &str, target: &Path) -> io::Result<()> {
        let earlier = self.previous.join(relative);
        if self.linking.get() && same_file_bytes(source, &earlier) && self.link(&earlier, target) {
            return Ok(());
        }
        remove_if_present(target)?;
        fs::copy(source, target).map(|_| ())
    }

    fn link(&self, earlier: &Path, target: &Path) -> bool {
        if remove_if_present(target).is_err() {
            return false;
        }
        match fs::hard_link(earlier, target) {
            Ok(()) => {
                self.linked.set(self.linked.get() + 1);
                true
            }
            Err(_) => {
                self.linking.set(false);
                false
            }
        }
    }
}

/// Writes `contents` to `target` as a new file: one already there is removed first rather than
/// truncated, since it may be a hard link shared with another build or a cache.
pub fn write_new(target: &Path, contents: &[u8]) -> io::Result<()> {
    remove_if_present(target)?;
    fs::write(target, contents)
}

fn remove_if_present(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

fn same_file_bytes(a: &Path, b: &Path) -> bool {
    let (Ok(ma), Ok(mb)) = (fs::metadata(a), fs::metadata(b)) else {
        return false;
    };
    mb.is_file() && ma.len() == mb.len() && fs::read(a).ok() == fs::read(b).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::MetadataExt;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "folio-link-unchanged-{name}-{}",
            std::process::id()
        ));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("old")).unwrap();
        fs::create_dir_all(dir.join("new")).unwrap();
        dir
    }

    #[test]
    fn links_same_bytes_and_writes_changed_or_new_files() {
        let dir = scratch("write");
        fs::write(dir.join("old/same.html"), "same").unwrap();
        fs::write(dir.join("old/changed.html"), "before").unwrap();
        let links = LinkUnchanged::new(dir.join("old"));
        for (name, bytes) in [
            ("same.html", "same"),
            ("changed.html", "after!"),
            ("new.html", "new"),
        ] {
            links
                .write(name, &dir.join("new").join(name), bytes.as_bytes())
                .unwrap();
        }
        let ino = |p: &str| fs::metadata(dir.join(p)).unwrap().ino();
        assert_eq!(ino("new/same.html"), ino("old/same.html"));
        assert_ne!(ino("new/changed.html"), ino("old/changed.html"));
        assert_eq!(
            fs::read_to_string(dir.join("new/changed.html")).unwrap(),
            "after!"
        );
        assert_eq!(
            fs::read_to_string(dir.join("old/changed.html")).unwrap(),
            "before"
        );
        assert_eq!(fs::read_to_string(dir.join("new/new.html")).unwrap(), "new");
        assert_eq!(links.linked(), 1);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_linked_file_written_again_leaves_the_earlier_build_alone() {
        let dir = scratch("rewrite");
        fs::write(dir.join("old/index.html"), "shell").unwrap();
        let links = LinkUnchanged::new(dir.join("old"));
        let target = dir.join("new/index.html");
        links.write("index.html", &target, b"shell").unwrap();
        write_new(&target, b"page").unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "page");
        assert_eq!(
            fs::read_to_string(dir.join("old/index.html")).unwrap(),
            "shell"
        );
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn copies_link_when_the_source_matches_the_earlier_copy() {
        let dir = scratch("copy");
        fs::write(dir.join("image.png"), "png").unwrap();
        fs::write(dir.join("old/a.png"), "png").unwrap();
        fs::write(dir.join("old/b.png"), "gif").unwrap();
        let links = LinkUnchanged::new(dir.join("old"));
        links
            .copy(&dir.join("image.png"), "a.png", &dir.join("new/a.png"))
            .unwrap();
        links
            .copy(&dir.join("image.png"), "b.png", &dir.join("new/b.png"))
            .unwrap();
        let ino = |p: &str| fs::metadata(dir.join(p)).unwrap().ino();
        assert_eq!(ino("new/a.png"), ino("old/a.png"));
        assert_eq!(fs::read_to_string(dir.join("new/b.png")).unwrap(), "png");
        assert_eq!(fs::read_to_string(dir.join("old/b.png")).unwrap(), "gif");
        assert_eq!(links.linked(), 1);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_missing_earlier_build_writes_everything() {
        let dir = scratch("missing");
        let links = LinkUnchanged::new(dir.join("nowhere"));
        links
            .write("a.html", &dir.join("new/a.html"), b"a")
            .unwrap();
        assert_eq!(fs::read_to_string(dir.join("new/a.html")).unwrap(), "a");
        assert_eq!(links.linked(), 0);
        fs::remove_dir_all(&dir).unwrap();
    }
}
