//! Heading ids: slugs and their de-duplication within one document.

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

/// Combining marks that belong to the letter before them (accents written decomposed, Indic
/// viramas and vowel signs, Hebrew and Arabic points, Thai vowels). `char` has no general
/// category API and a Unicode table crate is not worth its wasm bytes for this.
pub(crate) fn is_combining_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0483}'..='\u{0489}'
        | '\u{0591}'..='\u{05C7}'
        | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06ED}'
        | '\u{0900}'..='\u{0963}'
        | '\u{0966}'..='\u{096F}'
        | '\u{0971}'..='\u{0DFF}'
        | '\u{0E31}'..='\u{0E3A}'
        | '\u{0E47}'..='\u{0E4E}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{200C}'..='\u{200D}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{3099}'..='\u{309A}'
        | '\u{FE20}'..='\u{FE2F}'
    )
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
