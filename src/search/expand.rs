//! From query words to weighted index terms: the exact term, completions of the word being
//! typed, and corrections of typos.
//!
//! Each query word becomes a *slot*. A document matches a slot through its best-scoring term,
//! so a word with twenty completions cannot count twenty times. Expansions are weighted below
//! the exact term, by edit distance and by how common the expansion is among its rivals (the
//! reader more likely meant a frequent word than a rare one); a word that exists in the
//! dictionary keeps its neighbours far below itself.

use super::analyze::stem;
use super::fuzzy::{Edits, FuzzyMatcher};
use super::lexicon::{Lexicon, TermRef};
use super::order::{float_key, sorted_by_key};
use super::query::{Query, QueryWord, FUZZY_MIN_CHARS};

/// Query-time knobs. The defaults were chosen on a development query set, never on the
/// benchmark's reported queries.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SearchParams {
    /// Weight of a completion of the word being typed, before the commonness factor.
    pub prefix_weight: f32,
    /// Weight of a correction at one and at two edits, before the commonness factor.
    pub typo_weights: [f32; 2],
    /// Exponents of the commonness factor `(df / max df among the word's expansions)` for
    /// completions and for corrections.
    pub completion_commonness: f32,
    pub correction_commonness: f32,
    /// Factor for a correction that matched only part of the typed word, the rest being an
    /// ending (`indcated` -> `indic`).
    pub ending_factor: f32,
    /// Extra factor for corrections of a word that is itself in the dictionary.
    pub existing_word_typo_factor: f32,
    /// Also look for a misspelled word's typo in its first letter (every dictionary part).
    pub typo_anywhere: bool,
    /// Completions stop once their postings add up to this many times the number of posts.
    pub completion_postings_per_doc: f32,
    /// At most this many completions per word (the most common ones).
    pub max_completions: usize,
    /// At most this many corrections per word (the best weighted ones).
    pub max_corrections: usize,
    /// An expansion at least this heavy makes its word count as matched (for "all words first").
    pub strong_match: f32,
    /// Weight of the title-only saturation next to the BM25F one: small, it mostly orders posts
    /// that BM25F scores alike (a word in a short title beats the same word in a long one).
    pub title_weight: f32,
}

impl Default for SearchParams {
    fn default() -> Self {
        SearchParams {
            prefix_weight: 0.8,
            typo_weights: [0.6, 0.35],
            completion_commonness: 0.0,
            correction_commonness: 0.5,
            ending_factor: 0.7,
            existing_word_typo_factor: 0.15,
            typo_anywhere: true,
            max_completions: 30,
            completion_postings_per_doc: 3.0,
            max_corrections: 8,
            title_weight: 0.1,
            strong_match: 0.1,
        }
    }
}

/// One index term a slot matches through.
#[derive(Clone, Debug, PartialEq)]
pub struct Expansion {
    pub term: TermRef,
    pub text: String,
    pub weight: f32,
    /// The word's own term, as opposed to a completion or correction.
    pub exact: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Slot {
    pub required: bool,
    /// The word is still being typed: its own term is just one of its completions.
    pub prefix: bool,
    pub expansions: Vec<Expansion>,
}

pub fn expand(query: &Query, lexicon: &mut Lexicon<'_>, params: &SearchParams) -> Vec<Slot> {
    query
        .words
        .iter()
        .map(|w| Slot {
            required: w.required,
            prefix: w.prefix,
            expansions: expand_word(w, lexicon, params),
        })
        .collect()
}

fn expand_word(
    word: &QueryWord,
    lexicon: &mut Lexicon<'_>,
    params: &SearchParams,
) -> Vec<Expansion> {
    let mut out = Vec::new();
    let exact = lexicon.exact(&word.term);
    if let Some(term) = exact {
        out.push(Expansion {
            term,
            text: word.term.clone(),
            weight: 1.0,
            exact: true,
        });
    }

    if word.prefix {
        let mut completions: Vec<(TermRef, String)> = Vec::new();
        lexicon.with_prefix(&word.surface, |t, text| {
            // A compound's joined form (`testingcolor`) matches when typed whole, but is noise
            // as a completion of `test`.
            if Some(t) != exact && !t.joined_only {
                completions.push((t, text.to_owned()));
            }
        });
        let completions = select_completions(completions, lexicon.doc_count(), params);
        let max_df = completions.first().map_or(1, |c| c.0.doc_freq).max(1);
        for (term, text) in completions {
            let weight = params.prefix_weight
                * commonness(term.doc_freq, max_df, params.completion_commonness);
            out.push(Expansion {
                term,
                text,
                weight,
                exact: false,
            });
        }
    }

    // Corrections when nothing matched as typed (this also finds `test` for `testin`, a stem
    // shorter than the word being typed), and, weighted far down, for real words.
    let max_edits = if out.is_empty() && is_short_word(&word.surface) {
        // Too short for typo tolerance, but found nowhere at all: surely misspelled (often a
        // five-letter word missing a letter), and its neighbours beat dropping the word.
        1
    } else {
        word.max_edits
    };
    if max_edits > 0 && (out.is_empty() || exact.is_some()) {
        out.extend(corrections(word, max_edits, exact, lexicon, params, &out));
    }
    out
}

/// A word of letters a little shorter than typo tolerance starts at.
fn is_short_word(surface: &str) -> bool {
    surface.chars().count() == FUZZY_MIN_CHARS - 1 && surface.chars().all(char::is_alphabetic)
}

/// The completions a word being typed gets, from every term starting with it: the most common
/// (shorter breaks ties), at most `max_completions`, and on a large site only until their
/// postings add up to a few times the post count (bounding a short prefix's work and download).
fn select_completions(
    candidates: Vec<(TermRef, String)>,
    doc_count: u32,
    params: &SearchParams,
) -> Vec<(TermRef, String)> {
    let mut completions = sorted_by_key(candidates, |(t, text)| {
        (u64::from(u32::MAX - t.doc_freq) << 8) | text.len().min(255) as u64
    });
    completions.truncate(params.max_completions);
    let budget = (f64::from(doc_count) * f64::from(params.completion_postings_per_doc)) as u64;
    let mut total = 0u64;
    let keep = completions
        .iter()
        .take_while(|(t, _)| {
            total += u64::from(t.doc_freq);
            total <= budget.max(1)
        })
        .count();
    completions.truncate(keep.max(1));
    completions
}

/// The terms the next keystroke will most likely search: for each character that can follow
/// the word being typed, likeliest first, what the longer word would match (its own term and
/// its completions, chosen as [`expand`] chooses them). Empty when the last word is finished
/// (the text ends with a space).
pub fn next_completions(
    query: &Query,
    lexicon: &mut Lexicon<'_>,
    params: &SearchParams,
) -> Vec<TermRef> {
    let Some(word) = query.words.last().filter(|w| w.prefix) else {
        return Vec::new();
    };
    let mut by_next: Vec<(char, Vec<(TermRef, String)>)> = Vec::new();
    lexicon.with_prefix(&word.surface, |t, text| {
        let Some(next) = text[word.surface.len()..].chars().next() else {
            return;
        };
        match by_next.last_mut() {
            // Terms come in sorted order, so a character's terms are consecutive.
            Some((c, group)) if *c == next => group.push((t, text.to_owned())),
            _ => by_next.push((next, vec![(t, text.to_owned())])),
        }
    });
    // The likeliest next characters first: those whose words are in the most posts.
    let by_next = sorted_by_key(by_next, |(_, group)| {
        let posts: u64 = group.iter().map(|(t, _)| u64::from(t.doc_freq)).sum();
        u64::from(u32::MAX) - posts.min(u64::from(u32::MAX))
    });
    let mut out = Vec::new();
    for (next, group) in by_next {
        let longer = format!("{}{next}", word.surface);
        let exact = lexicon.exact(&stem(&longer));
        out.extend(exact);
        let group = group
            .into_iter()
            .filter(|(t, _)| Some(*t) != exact && !t.joined_only)
            .collect();
        out.extend(
            select_completions(group, lexicon.doc_count(), params)
                .into_iter()
                .map(|(t, _)| t),
        );
    }
    out
}

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
/// stem: 72 lookups instead of a walk over the whole dictionary with the first letter free.
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
    for first in FIRSTS.chars() {
        let substituted = (first != typed_first).then(|| format!("{first}{rest}"));
        for variant in [substituted, Some(format!("{first}{surface}"))]
            .into_iter()
            .flatten()
        {
            let term = stem(&variant);
            if let Some(t) = lexicon.exact(&term) {
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

fn commonness(df: u32, max_df: u32, exponent: f32) -> f32 {
    (df as f32 / max_df as f32).powf(exponent)
}

fn corrections(
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
    if !real_word && params.typo_anywhere {
        // A misspelled word may have its typo in the first letter. This needs every dictionary
        // part on a split index (the app has them after its first answer).
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
