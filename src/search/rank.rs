//! Scoring and ordering documents.
//!
//! Score: for each query slot, the best of its expansions in the document, where an expansion
//! scores `weight * idf * (saturation + title_weight * title saturation)`: the BM25F
//! term-frequency part over all fields plus a title-only part, both precomputed at build time. Order: documents matching more of the required query words come first (all
//! words above any word), then by score. Documents matching only some words still appear, so a
//! query with a typo nobody could correct, or a word the post lacks, still finds it.

use super::expand::{SearchParams, Slot};
use super::format::PostingIter;

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
    let mut slot_best = vec![0f32; n];
    // Per document, the weight of the strongest expansion of the current slot it contains.
    let mut slot_weight = vec![0f32; n];
    let mut touched: Vec<u32> = Vec::new();
    let mut any: Vec<u32> = Vec::new();
    for slot in slots {
        // Completions and corrections share the idf of the slot's most common term (blended
        // frequencies): a rare expansion must not outscore the word the reader typed just
        // because it is rare. A word still being typed is treated as its own completion.
        let blended_df = slot.expansions.iter().map(|e| e.term.doc_freq).max().unwrap_or(1);
        for e in &slot.expansions {
            let Some(list) = postings(e.term.id) else { continue };
            let df = if e.exact && !slot.prefix { e.term.doc_freq } else { blended_df };
            let scale = e.weight * idf(df, doc_count) / 255.0;
            for p in list {
                let Some(best) = slot_best.get_mut(p.doc as usize) else { continue };
                let s = scale * (f32::from(p.saturation) + params.title_weight * f32::from(p.title));
                if *best == 0.0 {
                    touched.push(p.doc);
                }
                if s > *best {
                    *best = s;
                }
                let w = &mut slot_weight[p.doc as usize];
                *w = w.max(e.weight);
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
            slot_best[d] = 0.0;
            slot_weight[d] = 0.0;
        }
        touched.clear();
    }

    let key = |doc: &u32| (std::cmp::Reverse(covered[*doc as usize]), std::cmp::Reverse(OrdF32(score[*doc as usize])), *doc);
    if any.len() > limit {
        any.select_nth_unstable_by_key(limit, key);
        any.truncate(limit);
    }
    any.sort_unstable_by_key(key);

    let mut hits: Vec<Hit> = any
        .into_iter()
        .map(|doc| Hit { doc, score: score[doc as usize], matched_words: covered[doc as usize].into(), matched_terms: Vec::new() })
        .collect();
    collect_matched_terms(slots, &mut hits, &postings);
    hits
}

/// Which expansion terms occur in each hit: a second walk over the (few) expansion lists,
/// cheaper than remembering every match for every document.
fn collect_matched_terms<'p>(slots: &[Slot], hits: &mut [Hit], postings: &impl Fn(u32) -> Option<PostingIter<'p>>) {
    if hits.is_empty() {
        return;
    }
    let mut by_doc: Vec<(u32, usize)> = hits.iter().enumerate().map(|(i, h)| (h.doc, i)).collect();
    by_doc.sort_unstable();
    for e in slots.iter().flat_map(|s| &s.expansions) {
        let Some(list) = postings(e.term.id) else { continue };
        for p in list {
            if let Ok(k) = by_doc.binary_search_by_key(&p.doc, |&(d, _)| d) {
                let terms = &mut hits[by_doc[k].1].matched_terms;
                if !terms.contains(&e.text) {
                    terms.push(e.text.clone());
                }
            }
        }
    }
}

/// `f32` ordered by `total_cmp`, for sort keys.
#[derive(Clone, Copy, PartialEq)]
struct OrdF32(f32);

impl Eq for OrdF32 {}

impl PartialOrd for OrdF32 {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for OrdF32 {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}
