//! The one table of combining marks, for every notion of a word in Folio: heading ids and tag
//! slugs keep a mark with the letter before it, and search folding drops the diacritics among
//! them, so that decomposed `e\u{301}` reads like precomposed `é`. `char` has no general
//! category API, and a Unicode table crate is not worth its wasm bytes for this.

/// Combining marks that belong to the letter before them, each range with whether it is a
/// diacritic (an accent that search ignores) rather than part of the letter (Indic viramas and
/// vowel signs, Hebrew and Arabic points, Thai vowels, joiners, kana voicing marks).
const MARKS: &[(char, char, bool)] = &[
    ('\u{0300}', '\u{036F}', true),
    ('\u{0483}', '\u{0489}', false),
    ('\u{0591}', '\u{05C7}', false),
    ('\u{0610}', '\u{061A}', false),
    ('\u{064B}', '\u{065F}', false),
    ('\u{0670}', '\u{0670}', false),
    ('\u{06D6}', '\u{06ED}', false),
    ('\u{0900}', '\u{0963}', false),
    ('\u{0966}', '\u{096F}', false),
    ('\u{0971}', '\u{0DFF}', false),
    ('\u{0E31}', '\u{0E3A}', false),
    ('\u{0E47}', '\u{0E4E}', false),
    ('\u{1AB0}', '\u{1AFF}', true),
    ('\u{1DC0}', '\u{1DFF}', true),
    ('\u{200C}', '\u{200D}', false),
    ('\u{20D0}', '\u{20FF}', true),
    ('\u{3099}', '\u{309A}', false),
    ('\u{FE20}', '\u{FE2F}', true),
];

/// Whether `c` is a combining mark that belongs to the letter before it.
pub fn is_combining_mark(c: char) -> bool {
    c >= '\u{0300}' && MARKS.iter().any(|&(lo, hi, _)| (lo..=hi).contains(&c))
}

/// Whether `c` is a combining diacritic: a mark search folding drops.
pub fn is_diacritic(c: char) -> bool {
    c >= '\u{0300}'
        && MARKS
            .iter()
            .any(|&(lo, hi, diacritic)| diacritic && (lo..=hi).contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diacritics_are_the_accents_among_the_marks() {
        assert!(is_diacritic('\u{301}') && is_combining_mark('\u{301}'));
        // A Devanagari vowel sign belongs to its letter: no diacritic to fold away.
        assert!(is_combining_mark('\u{093F}') && !is_diacritic('\u{093F}'));
        assert!(!is_combining_mark('a') && !is_combining_mark('é'));
    }
}
