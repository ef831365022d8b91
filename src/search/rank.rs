//! Scoring and ordering documents.
//!
//! Score: for each query slot, the best of its expansions in the document, where an expansion
//! scores `weight * idf * (saturation + title_weight * title saturation)`: the BM25F
//! term-frequency part over all fields plus a title-only part, both precomputed at build time. Order: documents matching more of the required query words come first (all
//! words above any word), then by score. Documents matching only some words still appear, so a
//! query with a typo nobody could correct, or a word the post lacks, still finds it.

use super::expand::{SearchParams, Slot};
use super::format::PostingIter;
use super::order::float_key;

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

/// Ranks documents for `slots`; `postings(term_id)` gives a term's postings (None when its
/// shard is not loaded: the term then contributes nothing).
pub fn rank<'p>(
    slots: &[Slot],
    doc_count: u32,
    limit: usize,
    params: &SearchParams,
    postings: impl Fn(u32) -> Option<PostingIter<'p>>,
) -> Vec<Hit> {
    let n = doc_count as usize;
    let mut score = vec![0f32; n];
    let mut covered = vec![0u8; n];
    // Per document, for the current slot: best contribution, weight of the strongest expansion
    // present, and which expansion gave the best contribution.
    let mut slot_best = vec![0f32; n];
    let mut slot_weight = vec![0f32; n];
    let mut slot_term = vec![0u16; n];
    let mut touched: Vec<u32> = Vec::new();
    let mut any: Vec<u32> = Vec::new();
    // (doc << 32 | slot << 16 | expansion) for every document a slot matched: the matched
    // terms of the hits, without a second pass over the postings.
    let mut matches: Vec<u64> = Vec::new();
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
                if slot_best[d] == 0.0 {
                    touched.push(p.doc);
                }
                if s > slot_best[d] {
                    slot_best[d] = s;
                    slot_term[d] = expansion_index as u16;
                }
                slot_weight[d] = slot_weight[d].max(e.weight);
            }
        }
        for &doc in &touched {
            let d = doc as usize;
            if score[d] == 0.0 && covered[d] == 0 {
                any.push(doc);
            }
            score[d] += slot_best[d];
            // A word counts as matched only through a plausible expansion; a far-fetched
            // correction still adds to the score.
            if slot.required && slot_weight[d] >= params.strong_match {
                covered[d] = covered[d].saturating_add(1);
            }
            matches.push(
                (u64::from(doc) << 32) | ((slot_index as u64) << 16) | u64::from(slot_term[d]),
            );
            slot_best[d] = 0.0;
            slot_weight[d] = 0.0;
        }
        touched.clear();
    }

    // One packed key per document, smallest first: more words matched (4 bits), then higher
    // score (the float's bits order like the float), then lower doc id (28 bits).
    let mut keys: Vec<u64> = any
        .iter()
        .map(|&doc| {
            let d = doc as usize;
            let words = 15 - u64::from(covered[d].min(15));
            (words << 60)
                | ((u64::from(u32::MAX) - float_key(score[d])) << 28)
                | u64::from(doc.min(DOC_MASK))
        })
        .collect();
    if keys.len() > limit {
        keys.select_nth_unstable(limit);
        keys.truncate(limit);
    }
    keys.sort_unstable();

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
    fill_matched_terms(&mut hits, slots, &matches);
    hits
}

/// Fills each hit's `matched_terms`: per query word, the term that scored best in the post.
fn fill_matched_terms(hits: &mut [Hit], slots: &[Slot], matches: &[u64]) {
    let mut top: Vec<u64> = hits
        .iter()
        .enumerate()
        .map(|(i, h)| (u64::from(h.doc) << 32) | i as u64)
        .collect();
    top.sort_unstable();
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

/// Doc ids up to 2^28 (268 million posts) fit the packed sort key.
const DOC_MASK: u32 = (1 << 28) - 1;
