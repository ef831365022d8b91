//! The data every developer and CI has beside the checkout (`../shared/`: the Rust blog corpus,
//! the search benchmark's queries), which a reader's clone lacks.
#![allow(dead_code)] // each test file uses a part

use std::path::{Path, PathBuf};

/// `../shared/<relative>`, or `None` when it is missing and the test should be skipped. Set
/// `FOLIO_REQUIRE_SHARED` (`.ci/run` does, where `../shared` exists) to fail instead: then a
/// missing file is an error, never a silent skip.
pub fn shared(relative: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared")
        .join(relative);
    if path.exists() {
        return Some(path);
    }
    assert!(
        std::env::var_os("FOLIO_REQUIRE_SHARED").is_none(),
        "{} is missing, and FOLIO_REQUIRE_SHARED says it must be there",
        path.display()
    );
    eprintln!(
        "skipped: {} is missing (no ../shared beside the checkout)",
        path.display()
    );
    None
}
