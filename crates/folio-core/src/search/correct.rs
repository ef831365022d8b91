//! Corrections of a misspelled word: the dictionary terms the reader may have meant, weighted
//! by closeness and by how common they are.
//!
//! The dictionary holds stems, which are searched three ways: a fuzzy walk over the terms
//! sharing the word's first letters (the word as typed, allowing an ending, and its stem); one
//! lookup per first letter for a typo in the first letter; and lookups of the word with a
//! letter of its ending dropped or two swapped, stemmed, for a typo in the ending.

use super::analyze::stem;
use super::expand::{commonness, Expansion, SearchParams};
use super::fuzzy::{Edits, FuzzyMatcher};
use super::lexicon::{Lexicon, TermRef};
use super::order::{float_key, sorted_by_key};
use super::query::QueryWord;

/// Runs the typo search for each key (the word as typed, with endings; its stem) over the terms
/// starting with its first letter (and second, for a real typo).
fn search_keys(
    keys: &[(&str, bool)],
    max_edits: u8,
    real_word: bool,
    lexicon: &mut Lexicon<'_>,
    mut f: impl FnMut(TermRef, &str, Edits),
) {
    for &(key, endings) in keys {
        let mut matcher = matcher_for(key, max_edits, endings);
        let mut firsts: Vec<char> = key.chars().take(if real_word { 1 } else { 2 }).collect();
        firsts.dedup();
        for first in firsts {
            lexicon.fuzzy(&mut matcher, Some(first), &mut f);
        }
    }
}

fn matcher_for(key: &str, max_edits: u8, endings: bool) -> FuzzyMatcher {
    let matcher = FuzzyMatcher::new(key, max_edits);
    if endings {
        matcher.with_endings()
    } else {
        matcher
    }
}

/// The typo search for an edit of the first letter, which the search by first letters cannot
/// see: another letter in its place (`thile` -> `while`) or a letter missing before it (`evin`
/// -> `kevin`). An extra first letter or two swapped first letters keep the intended word's
/// first letter among the typed word's first two, which [`search_keys`] covers. Only the first
/// letter is taken as wrong here (the rest as typed), so each candidate is one lookup of its
/// stem: 72 lookups instead of a walk over the whole dictionary with the first letter free,
/// made in the first-letter shards, where they fall together.
fn search_first_letter_edits(
    surface: &str,
    lexicon: &mut Lexicon<'_>,
    mut f: impl FnMut(TermRef, &str, Edits),
) {
    const FIRSTS: &str = "abcdefghijklmnopqrstuvwxyz0123456789";
    let mut chars = surface.chars();
    let Some(typed_first) = chars.next() else {
        return;
    };
    let rest = chars.as_str();
    let one_edit = Edits {
        distance: 1,
        ending: false,
    };
    let mut variant = String::with_capacity(surface.len() + 1);
    for first in FIRSTS.chars() {
        // Substituted first letter, then a missing one (plain pushes: no formatting code).
        for (substituted, tail) in [(true, rest), (false, surface)] {
            if substituted && first == typed_first {
                continue;
            }
            variant.clear();
            variant.push(first);
            variant.push_str(tail);
            let term = stem(&variant);
            if let Some(t) = lexicon.exact_by_rest(&term) {
                f(t, &term, one_edit);
            }
        }
    }
}

/// The typo search near the end of the word, where the ending is: the dictionary holds stems,
/// and a typo in the ending can hide the stem from the fuzzy search (`fixign` is not within an
/// edit of `fix` + a known ending, `saftey` not of `safeti`). Each letter of the last few
/// dropped, and each pair of neighbours there swapped, is stemmed and looked up, as a spelling
/// corrector would. (Letters put in or replaced would be 50 times the lookups for a third of
/// the gain, measured on the development queries.)
fn search_ending_edits(
    surface: &str,
    lexicon: &mut Lexicon<'_>,
    mut f: impl FnMut(TermRef, &str, Edits),
) {
    const TAIL: usize = 5;
    if !surface.bytes().all(|b| b.is_ascii_lowercase()) {
        return;
    }
    let word = surface.as_bytes();
    let n = word.len();
    let one_edit = Edits {
        distance: 1,
        ending: false,
    };
    let mut variant: Vec<u8> = Vec::with_capacity(n);
    for i in n.saturating_sub(TAIL)..n {
        for swap in [false, true] {
            variant.clear();
            if swap {
                if i + 1 == n || word[i] == word[i + 1] {
                    continue;
                }
                variant.extend_from_slice(word);
                variant.swap(i, i + 1);
            } else {
                variant.extend_from_slice(&word[..i]);
                variant.extend_from_slice(&word[i + 1..]);
            }
            // ASCII letters in, ASCII letters out.
            let text = std::str::from_utf8(&variant).unwrap_or_default();
            let term = stem(text);
            if let Some(t) = lexicon.exact(&term) {
                f(t, &term, one_edit);
            }
        }
    }
}

pub(super) fn corrections(
    word: &QueryWord,
    max_edits: u8,
    exact: Option<TermRef>,
    lexicon: &mut Lexicon<'_>,
    params: &SearchParams,
    taken: &[Expansion],
) -> Vec<Expansion> {
    // Candidates within the edit limit of the stem, or of the word as typed (a typo can defeat
    // the stemmer: `schedulng` keeps its ending).
    let mut found: Vec<(TermRef, String, f32)> = Vec::new();
    // A word that exists only looks for far more common words one edit away with the same first
    // letter (cheap, and all such a weak fallback needs).
    let real_word = exact.is_some();
    let mut keys = vec![(word.surface.as_str(), !real_word)];
    if word.term != word.surface && !real_word {
        keys.push((word.term.as_str(), false));
    }
    let max_edits = if real_word { 1 } else { max_edits };
    let mut add = |t: TermRef, text: &str, edits: Edits| {
        if Some(t) == exact || taken.iter().any(|e| e.term == t) {
            return;
        }
        let quality = match edits.distance {
            0 => 1.0,
            1 => params.typo_weights[0],
            _ => params.typo_weights[1],
        } * if edits.ending {
            params.ending_factor
        } else {
            1.0
        };
        match found.iter_mut().find(|f| f.0 == t) {
            Some(f) => f.2 = f.2.max(quality),
            None => found.push((t, text.to_owned(), quality)),
        }
    };
    search_keys(&keys, max_edits, real_word, lexicon, &mut add);
    // A misspelled word may have its typo in the first letter. On a split index that search
    // needs a first-letter part or two (and the ending search a dictionary part or two), so a
    // new visitor asks for them only once the parts of the word's first letters show that it
    // is misspelled: a round of fetches more for a typo, none for the other queries.
    let mut buf = [0u8; 4];
    let known_misspelled = !real_word
        && word
            .surface
            .chars()
            .take(2)
            .all(|c| lexicon.has_prefix_loaded(c.encode_utf8(&mut buf)));
    if known_misspelled && params.typo_anywhere {
        search_first_letter_edits(&word.surface, lexicon, &mut add);
        search_ending_edits(&word.surface, lexicon, &mut add);
    }
    if let Some(e) = exact {
        // A real word: only far more common neighbours can be what the reader meant.
        found.retain(|f| f.0.doc_freq > e.doc_freq.saturating_mul(4));
    }
    let max_df = found.iter().map(|f| f.0.doc_freq).max().unwrap_or(1).max(1);
    let existing = if exact.is_some() {
        params.existing_word_typo_factor
    } else {
        1.0
    };
    let out: Vec<Expansion> = found
        .into_iter()
        .map(|(term, text, quality)| Expansion {
            term,
            text,
            weight: quality
                * existing
                * commonness(term.doc_freq, max_df, params.correction_commonness),
            exact: false,
        })
        .collect();
    let mut out = sorted_by_key(out, |e| u64::from(u32::MAX) - float_key(e.weight));
    out.truncate(params.max_corrections);
    out
}
