//! From tokens to index terms: English stemming and stop words.
//!
//! The index stores *terms*: folded, stemmed words (`scheduling` -> `schedul`), so a query for
//! `schedule` finds `scheduled` and `scheduling`. Stemming is Snowball English (the
//! `rust-stemmers` crate: about 3.7 kB gzipped in wasm, measured), applied only to plain ASCII
//! letter words, never to numbers, identifiers with digits or other scripts.
//!
//! A few dozen function words are not indexed at all: they are in nearly every post, rank
//! nothing, and their posting lists would be the largest download of a split index.

use std::borrow::Cow;

use super::tokenize::{tokenize, Token, TokenKind};

/// Folded function words that are neither indexed nor searched.
const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "had", "has",
    "have", "he", "her", "his", "i", "if", "in", "into", "is", "it", "its", "of", "on", "or",
    "our", "she", "so", "than", "that", "the", "their", "them", "then", "there", "these", "they",
    "this", "those", "to", "was", "we", "were", "which", "will", "with", "you", "your",
];

/// Endings the English stemmer strips (and their common combinations), folded.
const ENDINGS: &[&str] = &[
    "able", "ably", "al", "ally", "ance", "ances", "ant", "ants", "ate", "ated", "ates", "ating",
    "ation", "ations", "ative", "ator", "ators", "e", "ed", "ely", "ement", "ements", "ence",
    "ences", "ent", "er", "ers", "es", "est", "ful", "ible", "ic", "ical", "ically", "ication",
    "ications", "ied", "ies", "ing", "ings", "ion", "ions", "ism", "ist", "ists", "ities", "ity",
    "ive", "ively", "ives", "ization", "ize", "ized", "izes", "izing", "less", "ly", "ment",
    "ments", "ness", "ous", "ously", "s", "y",
];

/// Whether `ending` is one of the common English endings a stem may carry.
pub fn is_english_ending(ending: &str) -> bool {
    ENDINGS.binary_search(&ending).is_ok()
}

pub fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.binary_search(&word).is_ok()
}

/// The stem of a folded word; anything but a plain ASCII-letter word of 4+ letters is its own
/// stem.
pub fn stem(word: &str) -> Cow<'_, str> {
    if word.len() < 4 || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return Cow::Borrowed(word);
    }
    let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
    match stemmer.stem(word) {
        Cow::Borrowed(s) => Cow::Borrowed(&word[..s.len()]),
        Cow::Owned(s) => Cow::Owned(s),
    }
}

/// Whether the folded word `word` can have `term` as its index term: a cheap test that lets
/// the highlighter skip stemming words that cannot match. Never false when
/// `stem(word) == term`: a stem is never longer than its word, English stems keep the word's
/// first two letters (the only exceptions, `dying`/`lying`/`tying` -> `die`/`lie`/`tie`,
/// change a second letter `y`), and other words are their own terms.
pub fn may_have_term(word: &str, term: &str) -> bool {
    let (w, t) = (word.as_bytes(), term.as_bytes());
    if w.len() < t.len() {
        return false;
    }
    match (w, t) {
        ([w0, w1, ..], [t0, t1, ..]) => w0 == t0 && (w1 == t1 || *w1 == b'y'),
        ([w0, ..], [t0]) => w0 == t0,
        _ => w == t,
    }
}

/// The index term for a token, or `None` for a stop word.
pub fn term_of<'a>(token: &Token<'a>) -> Option<Cow<'a, str>> {
    match token.kind {
        TokenKind::Cjk | TokenKind::CjkTail => Some(Cow::Borrowed(token.text)),
        TokenKind::Word | TokenKind::Joined => {
            if is_stop_word(token.text) {
                None
            } else {
                Some(stem(token.text))
            }
        }
    }
}

/// Calls `emit(term, token)` for every indexed term of `text`, in order.
pub fn analyze(text: &str, mut emit: impl FnMut(&str, &Token<'_>)) {
    tokenize(text, |token| {
        if let Some(term) = term_of(&token) {
            emit(&term, &token);
        }
        true
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        analyze(text, |t, _| out.push(t.to_owned()));
        out
    }

    #[test]
    fn word_lists_are_sorted_for_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(ENDINGS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn the_prefilter_never_rejects_a_word_with_that_stem() {
        let words = "dying lying tying skies skis idly gently ugly early only singly happy \
            happiness cries ties xies generously communication arsenal scheduling a ab abc \
            yesterday by my sky news été 1.42 x86_64 running agreed feed";
        tokenize(words, |t| {
            let term = stem(t.text);
            assert!(may_have_term(t.text, &term), "{} -> {term}", t.text);
            true
        });
        assert!(!may_have_term("compiler", "schedul"));
        assert!(!may_have_term("scan", "compil"));
    }

    #[test]
    fn stems_english_words_only() {
        assert_eq!(
            terms("The Scheduling of scheduled schedules"),
            ["schedul", "schedul", "schedul"]
        );
        assert_eq!(
            terms("Generics x86 1.42 東京"),
            ["generic", "x86", "1", "42", "1.42", "東京", "京"]
        );
        assert_eq!(terms("no_std crates"), ["no", "std", "nostd", "crate"]);
    }
}
