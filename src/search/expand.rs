//! From query words to weighted index terms: the exact term, completions of the word being
//! typed, and corrections of typos.
//!
//! Each query word becomes a *slot*. A document matches a slot through its best-scoring term,
//! so a word with twenty completions cannot count twenty times. Expansions are weighted below
//! the exact term, by edit distance and by how common the expansion is among its rivals (the
//! reader more likely meant a frequent word than a rare one); a word that exists in the
//! dictionary keeps its neighbours far below itself.

use super::fuzzy::FuzzyMatcher;
use super::lexicon::{Lexicon, TermRef};
use super::query::{Query, QueryWord};

/// Query-time knobs. The defaults were chosen on a development query set, never on the
/// benchmark's reported queries.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SearchParams {
    /// Weight of a completion of the word being typed, before the commonness factor.
    pub prefix_weight: f32,
    /// Weight of a correction at one and at two edits, before the commonness factor.
    pub typo_weights: [f32; 2],
    /// Exponent of the commonness factor `(df / max df among the word's expansions)`.
    pub commonness_exponent: f32,
    /// Extra factor for corrections of a word that is itself in the dictionary.
    pub existing_word_typo_factor: f32,
    /// At most this many completions per word (the most common ones).
    pub max_completions: usize,
    /// At most this many corrections per word (the best weighted ones).
    pub max_corrections: usize,
    /// Score bonus factor for a term found in the title (on top of BM25F's title weight).
    pub title_bonus: f32,
}

impl Default for SearchParams {
    fn default() -> Self {
        SearchParams {
            prefix_weight: 0.8,
            typo_weights: [0.6, 0.35],
            commonness_exponent: 0.5,
            existing_word_typo_factor: 0.15,
            max_completions: 30,
            max_corrections: 8,
            title_bonus: 0.0,
        }
    }
}

/// One index term a slot matches through.
#[derive(Clone, Debug, PartialEq)]
pub struct Expansion {
    pub term: TermRef,
    pub text: String,
    pub weight: f32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Slot {
    pub required: bool,
    pub expansions: Vec<Expansion>,
}

pub fn expand(query: &Query, lexicon: &mut Lexicon<'_>, params: &SearchParams) -> Vec<Slot> {
    query.words.iter().map(|w| Slot { required: w.required, expansions: expand_word(w, lexicon, params) }).collect()
}

fn expand_word(word: &QueryWord, lexicon: &mut Lexicon<'_>, params: &SearchParams) -> Vec<Expansion> {
    let mut out = Vec::new();
    let exact = lexicon.exact(&word.term);
    if let Some(term) = exact {
        out.push(Expansion { term, text: word.term.clone(), weight: 1.0 });
    }

    if word.prefix {
        let mut completions: Vec<(TermRef, String)> = Vec::new();
        lexicon.with_prefix(&word.surface, |t, text| {
            if Some(t) != exact {
                completions.push((t, text.to_owned()));
            }
        });
        // Most common first; shorter (closer to what was typed) breaks ties.
        completions.sort_by(|a, b| b.0.doc_freq.cmp(&a.0.doc_freq).then(a.1.len().cmp(&b.1.len())));
        completions.truncate(params.max_completions);
        let max_df = completions.first().map_or(1, |c| c.0.doc_freq).max(1);
        for (term, text) in completions {
            let weight = params.prefix_weight * commonness(term.doc_freq, max_df, params);
            out.push(Expansion { term, text, weight });
        }
    }

    if word.max_edits > 0 && out.is_empty() || word.max_edits > 0 && exact.is_some() {
        out.extend(corrections(word, exact, lexicon, params, &out));
    }
    out
}

fn commonness(df: u32, max_df: u32, params: &SearchParams) -> f32 {
    (df as f32 / max_df as f32).powf(params.commonness_exponent)
}

fn corrections(word: &QueryWord, exact: Option<TermRef>, lexicon: &mut Lexicon<'_>, params: &SearchParams, taken: &[Expansion]) -> Vec<Expansion> {
    // Candidates within the edit limit of the stem, or of the word as typed (a typo can defeat
    // the stemmer: `schedulng` keeps its ending).
    let mut found: Vec<(TermRef, String, u8)> = Vec::new();
    let mut keys = vec![word.term.as_str()];
    if word.surface != word.term {
        keys.push(&word.surface);
    }
    for key in keys {
        let mut matcher = FuzzyMatcher::new(key, word.max_edits);
        let mut firsts: Vec<char> = key.chars().take(2).collect();
        firsts.dedup();
        for first in firsts {
            lexicon.fuzzy(&mut matcher, first, |t, text, d| {
                if d == 0 || Some(t) == exact || taken.iter().any(|e| e.term == t) {
                    return;
                }
                match found.iter_mut().find(|f| f.0 == t) {
                    Some(f) => f.2 = f.2.min(d),
                    None => found.push((t, text.to_owned(), d)),
                }
            });
        }
    }
    if let Some(e) = exact {
        // A real word: only far more common neighbours can be what the reader meant.
        found.retain(|f| f.0.doc_freq > e.doc_freq.saturating_mul(4));
    }
    let max_df = found.iter().map(|f| f.0.doc_freq).max().unwrap_or(1).max(1);
    let existing = if exact.is_some() { params.existing_word_typo_factor } else { 1.0 };
    let mut out: Vec<Expansion> = found
        .into_iter()
        .map(|(term, text, d)| {
            let base = params.typo_weights[usize::from(d.clamp(1, 2)) - 1];
            Expansion { term, text, weight: base * existing * commonness(term.doc_freq, max_df, params) }
        })
        .collect();
    out.sort_by(|a, b| b.weight.total_cmp(&a.weight).then(a.term.id.cmp(&b.term.id)));
    out.truncate(params.max_corrections);
    out
}
