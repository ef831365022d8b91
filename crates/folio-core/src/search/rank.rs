//! Scoring and ordering documents.
//!
//! Score: for each query slot, the best of its expansions in the document, where an expansion
//! scores `weight * idf * (saturation + title_weight * title saturation)`: the BM25F
//! term-frequency part over all fields plus a title-only part, both precomputed at build time. Order: documents matching more of the required query words come first (all
//! words above any word); among those matching as many, a post whose title holds every query
//! word comes first; then by score. Documents matching only some words still appear, so a
//! query with a typo nobody could correct, or a word the post lacks, still finds it.

use super::expand::{SearchParams, Slot};
use super::format::PostingIter;
use super::order::{float_key, sort_keys};

/// One result.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// Position of the post in the manifest's posts array.
    pub doc: u32,
    pub score: f32,
    /// How many of the query's required words the post matched.
    pub matched_words: u32,
    /// The index terms that matched in this post (for highlighting with [`super::snippet`]).
    pub matched_terms: Vec<String>,
}

/// Inverse document frequency (BM25's, always positive).
pub fn idf(doc_freq: u32, doc_count: u32) -> f32 {
    let n = doc_count as f32;
    let df = doc_freq as f32;
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

/// Per-document accumulators, kept between queries: allocating and zeroing them for every
/// keystroke cost more than small queries themselves on a large site. Only the entries a query
/// touched are reset afterwards.
#[derive(Default)]
pub struct Scratch {
    score: Vec<f32>,
    covered: Vec<u8>,
    /// Per document, how many required words it matched in its title.
    in_title: Vec<u8>,
    /// Per document, the state of the slot being scored (one cache line per posting in the hot
    /// loop).
    slot_state: Vec<SlotState>,
    touched: Vec<u32>,
    /// Every document any slot matched.
    any: Vec<u32>,
    /// (doc << 32 | slot << 16 | expansion) for every document a slot matched: the matched
    /// terms of the hits, without a second pass over the postings.
    matches: Vec<u64>,
}

impl Scratch {
    fn prepare(&mut self, n: usize) {
        if self.score.len() != n {
            *self = Scratch {
                score: vec![0.0; n],
                covered: vec![0; n],
                in_title: vec![0; n],
                slot_state: vec![SlotState::default(); n],
                ..Scratch::default()
            };
        }
    }

    fn reset(&mut self) {
        for &doc in &self.any {
            self.score[doc as usize] = 0.0;
            self.covered[doc as usize] = 0;
            self.in_title[doc as usize] = 0;
        }
        self.any.clear();
        self.matches.clear();
        self.touched.clear();
    }
}

/// A ranking: the best hits, and what a results page needs to say about all the others.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ranked {
    /// The best `limit` documents that pass the filter, with their matched terms.
    pub hits: Vec<Hit>,
    /// How many documents pass the filter (the exact count, however many are listed).
    pub total: usize,
    /// Every matching document, best first, filter or not (for counting tags over them all).
    pub all: Vec<u32>,
}

/// Ranks documents for `slots`; `postings(term_id)` gives a term's postings (None when its
/// shard is not loaded: the term then contributes nothing). Only documents for which `keep`
/// holds are listed and counted.
pub fn rank<'p>(
    slots: &[Slot],
    doc_count: u32,
    limit: usize,
    params: &SearchParams,
    scratch: &mut Scratch,
    keep: &dyn Fn(u32) -> bool,
    postings: impl Fn(u32) -> Option<PostingIter<'p>>,
) -> Ranked {
    let n = doc_count as usize;
    scratch.prepare(n);
    let Scratch {
        score,
        covered,
        in_title,
        slot_state,
        touched,
        any,
        matches,
    } = scratch;
    for (slot_index, slot) in slots.iter().enumerate() {
        // Completions and corrections share the idf of the slot's most common term (blended
        // frequencies): a rare expansion must not outscore the word the reader typed just
        // because it is rare. A word still being typed is treated as its own completion.
        let blended_df = slot
            .expansions
            .iter()
            .map(|e| e.term.doc_freq)
            .max()
            .unwrap_or(1);
        // A word is in a title through its likelier readings only: a far-fetched correction
        // that happens to be a title word must not lift that post above the rest.
        let title_weight_floor = slot
            .expansions
            .iter()
            .map(|e| e.weight)
            .fold(params.strong_match, f32::max)
            * 0.5;
        for (expansion_index, e) in slot
            .expansions
            .iter()
            .enumerate()
            .take(usize::from(u16::MAX))
        {
            let Some(list) = postings(e.term.id) else {
                continue;
            };
            let df = if e.exact && !slot.prefix {
                e.term.doc_freq
            } else {
                blended_df
            };
            let scale = e.weight * idf(df, doc_count) / 255.0;
            for p in list {
                let d = p.doc as usize;
                if d >= n {
                    continue;
                }
                let s =
                    scale * (f32::from(p.saturation) + params.title_weight * f32::from(p.title));
                let state = &mut slot_state[d];
                if state.best == 0.0 {
                    touched.push(p.doc);
                }
                if s > state.best {
                    state.best = s;
                    state.term = expansion_index as u16;
                }
                state.weight = state.weight.max(e.weight);
                state.in_title |= p.title != 0 && e.weight >= title_weight_floor;
            }
        }
        for &doc in touched.iter() {
            let d = doc as usize;
            if score[d] == 0.0 && covered[d] == 0 {
                any.push(doc);
            }
            let state = std::mem::take(&mut slot_state[d]);
            score[d] += state.best;
            // A word counts as matched only through a plausible expansion; a far-fetched
            // correction still adds to the score.
            if slot.required && state.weight >= params.strong_match {
                covered[d] = covered[d].saturating_add(1);
                in_title[d] = in_title[d].saturating_add(u8::from(state.in_title));
            }
            matches
                .push((u64::from(doc) << 32) | ((slot_index as u64) << 16) | u64::from(state.term));
        }
        touched.clear();
    }

    // A title holding every query word names the post the reader has in mind far more often
    // than the body scores say (known-item search: "lang team update", "project goals"), so
    // among posts matching as many words, those come first. Only a title holding them all:
    // one title word beside strong body matches is what BM25F weighs already.
    let required = slots.iter().filter(|s| s.required).count();
    let whole_title = |d: usize| {
        params.all_words_in_title_first && required > 0 && usize::from(in_title[d]) >= required
    };
    // One packed key per document, smallest first: more words matched (4 bits), then all of
    // them in the title (1 bit), then higher score (31 bits: the non-negative float's bits
    // order like the float), then lower doc id (28 bits).
    let mut keys: Vec<u64> = any
        .iter()
        .map(|&doc| {
            let d = doc as usize;
            let words = 15 - u64::from(covered[d].min(15));
            let not_title = u64::from(!whole_title(d));
            let score_bits = u64::from(SCORE_MASK) - float_key(score[d]).min(u64::from(SCORE_MASK));
            (words << 60) | (not_title << 59) | (score_bits << 28) | u64::from(doc.min(DOC_MASK))
        })
        .collect();
    sort_keys(&mut keys);
    let doc_of = |k: &u64| (k & u64::from(DOC_MASK)) as u32;
    let all: Vec<u32> = keys.iter().map(doc_of).collect();
    keys.retain(|k| keep(doc_of(k)));
    let total = keys.len();
    keys.truncate(limit);

    let mut hits: Vec<Hit> = keys
        .into_iter()
        .map(|k| {
            let doc = (k & u64::from(DOC_MASK)) as u32;
            Hit {
                doc,
                score: score[doc as usize],
                matched_words: covered[doc as usize].into(),
                matched_terms: Vec::new(),
            }
        })
        .collect();
    fill_matched_terms(&mut hits, slots, matches);
    scratch.reset();
    Ranked { hits, total, all }
}

/// Fills each hit's `matched_terms`: per query word, the term that scored best in the post.
fn fill_matched_terms(hits: &mut [Hit], slots: &[Slot], matches: &[u64]) {
    let mut top: Vec<u64> = hits
        .iter()
        .enumerate()
        .map(|(i, h)| (u64::from(h.doc) << 32) | i as u64)
        .collect();
    sort_keys(&mut top);
    for &m in matches {
        let doc = m >> 32;
        let k = top.partition_point(|&t| (t >> 32) < doc);
        if k == top.len() || top[k] >> 32 != doc {
            continue;
        }
        let e = &slots[((m >> 16) & 0xFFFF) as usize].expansions[(m & 0xFFFF) as usize];
        let terms = &mut hits[(top[k] & 0xFFFF_FFFF) as usize].matched_terms;
        if !terms.contains(&e.text) {
            terms.push(e.text.clone());
        }
    }
}

/// Per document, for the slot being scored: its best contribution, the weight of the strongest
/// expansion present, and which expansion gave the best contribution.
#[derive(Clone, Copy, Default)]
struct SlotState {
    best: f32,
    weight: f32,
    term: u16,
    /// A plausible expansion of the word is in the post's title.
    in_title: bool,
}

/// A non-negative `f32`'s bits (the sign bit is 0), for the packed sort key.
const SCORE_MASK: u32 = u32::MAX >> 1;

/// Doc ids up to 2^28 (268 million posts) fit the packed sort key.
const DOC_MASK: u32 = (1 << 28) - 1;
