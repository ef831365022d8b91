//! Heading ids: slugs and their de-duplication within one document.

use folio_core::marks::is_combining_mark;
use std::collections::{HashMap, HashSet};

/// The slug of a heading's text: lowercase letters and digits (any script) in runs joined by
/// single `-`; spaces and punctuation separate runs. Empty when the text has no letter or digit.
pub(super) fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    for c in text.chars() {
        if c.is_alphanumeric() || (is_combining_mark(c) && !out.is_empty() && !gap) {
            if gap && !out.is_empty() {
                out.push('-');
            }
            gap = false;
            out.extend(c.to_lowercase());
        } else {
            gap = true;
        }
    }
    out
}

/// Hands out unique ids: taken ids (footnote ids, custom heading ids) are reserved first,
/// then every slug gets `-1`, `-2`, ... until it is free.
#[derive(Default)]
pub(super) struct Ids {
    used: HashSet<String>,
    /// Next suffix to try per base, so `n` equal headings cost O(n), not O(n²).
    next: HashMap<String, u32>,
}

impl Ids {
    pub(super) fn reserve(&mut self, id: &str) {
        if !self.used.contains(id) {
            self.used.insert(id.to_owned());
        }
    }

    /// A unique id for `text`; `section` when the text has no letter or digit.
    pub(super) fn unique(&mut self, text: &str) -> String {
        let mut base = slug(text);
        if base.is_empty() {
            base.push_str("section");
        }
        self.free(base)
    }

    /// `base` itself if no id has it yet, else the first free `base-1`, `base-2`, ...; taken.
    pub(super) fn free(&mut self, base: String) -> String {
        if self.used.insert(base.clone()) {
            return base;
        }
        let n = self.next.entry(base.clone()).or_insert(1);
        loop {
            let candidate = format!("{base}-{n}");
            *n += 1;
            if self.used.insert(candidate.clone()) {
                return candidate;
            }
        }
    }
}
