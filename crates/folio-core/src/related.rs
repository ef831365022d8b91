//! "Read next": for every post, the few posts most like it, chosen at build time from the text.
//!
//! Each post is a TF-IDF vector over the search index's own terms ([`crate::search`]'s
//! tokenizer, folding, stemming and stop words), its title counted twice and each of its tags
//! (by slug, a term of its own that no word can spell) 24 times ([`RelatedParams`]);
//! the related posts are those with the highest cosine. Term weights are sublinear
//! (`1 + ln tf`) so a long post does not win on length, and idf is `ln(N / df)` so a word in
//! every post counts for nothing.
//!
//! Only each post's 128 heaviest terms take part in the matching (the norm still
//! counts all of them): the posts an article resembles share its distinctive words, and each
//! article then meets only the posts holding one of its kept terms, not every other post. (The
//! Rust blog's 750 posts: about 0.5 s, most of it tokenizing, which the pipeline spreads over
//! the cores.)
//!
//! Deterministic: the same posts give the same choice on any machine and any run (scores are
//! summed in one fixed order, and ties go to the newer post, then to the earlier position).
//! Posts sharing no kept term with an article are never offered, so a post unlike every other
//! has fewer than [`RELATED_COUNT`] or none.

use std::collections::HashMap;

use crate::search::analyze;
use crate::tags::tag_slug;

/// How many related posts each article shows.
pub const RELATED_COUNT: usize = 3;

/// The weights (the benchmark in `folio-content/tests/related_quality.rs` varies them).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RelatedParams {
    /// A title word weighs like this many body words: the title says what a post is about.
    pub title_weight: f32,
    /// A tag weighs like this many body words: the author's own label for the subject.
    pub tag_weight: f32,
    /// Terms per post used for matching.
    pub kept_terms: usize,
}

impl Default for RelatedParams {
    fn default() -> Self {
        // Measured on four real sites (`folio-content/tests/related_quality.rs`): a lighter
        // title and more kept terms did best on the untagged Rust blog (58% of the related posts
        // share a team or series, against 56% with x4 and 64 terms); a heavy tag weight on the
        // tagged ones (a blog of 390 posts: 87% share a tag, against 76% at x6), still leaving
        // the text to choose among the posts that share one.
        RelatedParams {
            title_weight: 2.0,
            tag_weight: 24.0,
            kept_terms: 128,
        }
    }
}

/// One post's text, as a reader sees it.
#[derive(Clone, Copy, Debug, Default)]
pub struct RelatedDoc<'a> {
    pub title: &'a str,
    pub tags: &'a [String],
    /// Plain text of the body.
    pub body: &'a str,
}

/// For each of `docs` (in the manifest's order: newest first), the positions of its related
/// posts, most related first, at most `count`, never itself.
pub fn related_posts(docs: &[RelatedDoc<'_>], count: usize) -> Vec<Vec<u32>> {
    related_posts_with(docs, count, &RelatedParams::default())
}

/// [`related_posts`] with other weights.
pub fn related_posts_with(
    docs: &[RelatedDoc<'_>],
    count: usize,
    params: &RelatedParams,
) -> Vec<Vec<u32>> {
    let counts: Vec<TermCounts> = docs.iter().map(|doc| term_counts(doc, params)).collect();
    related_from_counts(&counts, count, params)
}

/// A post's terms with their weighted counts ([`term_counts`]).
pub type TermCounts = HashMap<String, f32>;

/// [`related_posts_with`] from each post's [`term_counts`], which a caller may compute in
/// parallel (they are most of the work: every word of every post is tokenized and stemmed).
pub fn related_from_counts(
    counts: &[TermCounts],
    count: usize,
    params: &RelatedParams,
) -> Vec<Vec<u32>> {
    let vectors = weighted_vectors(counts, params);
    // Postings over the kept terms: term -> (doc, weight), docs in increasing order.
    let mut postings: Vec<Vec<(u32, f32)>> = Vec::new();
    let mut term_ids: HashMap<&str, usize> = HashMap::new();
    let mut kept: Vec<Vec<(usize, f32)>> = Vec::with_capacity(counts.len());
    for (doc, vector) in vectors.iter().enumerate() {
        let mut mine = Vec::with_capacity(vector.len());
        for (term, weight) in vector {
            let next = term_ids.len();
            let id = *term_ids.entry(term.as_str()).or_insert(next);
            if id == postings.len() {
                postings.push(Vec::new());
            }
            postings[id].push((doc as u32, *weight));
            mine.push((id, *weight));
        }
        kept.push(mine);
    }

    let mut scores = vec![0f32; counts.len()];
    let mut touched: Vec<u32> = Vec::new();
    let mut out = Vec::with_capacity(counts.len());
    for (doc, mine) in kept.iter().enumerate() {
        for &(id, weight) in mine {
            for &(other, other_weight) in &postings[id] {
                if other as usize == doc {
                    continue;
                }
                if scores[other as usize] == 0.0 {
                    touched.push(other);
                }
                scores[other as usize] += weight * other_weight;
            }
        }
        // Highest score first; a tie goes to the newer post (the lower position).
        touched.sort_unstable_by(|&a, &b| {
            scores[b as usize]
                .total_cmp(&scores[a as usize])
                .then(a.cmp(&b))
        });
        out.push(
            touched
                .iter()
                .copied()
                .filter(|&other| scores[other as usize] > 0.0)
                .take(count)
                .collect(),
        );
        for &other in &touched {
            scores[other as usize] = 0.0;
        }
        touched.clear();
    }
    out
}

/// Each post's kept terms with their unit-normalised TF-IDF weights, terms sorted (so sums run
/// in one order).
fn weighted_vectors(counts: &[TermCounts], params: &RelatedParams) -> Vec<Vec<(String, f32)>> {
    let mut doc_freq: HashMap<&str, u32> = HashMap::new();
    for terms in counts {
        for term in terms.keys() {
            *doc_freq.entry(term.as_str()).or_default() += 1;
        }
    }
    let total = counts.len() as f32;
    counts
        .iter()
        .map(|terms| {
            let mut weights: Vec<(&str, f32)> = terms
                .iter()
                .map(|(term, &tf)| {
                    let df = doc_freq[term.as_str()] as f32;
                    (term.as_str(), (1.0 + tf.ln()) * (total / df).ln())
                })
                .collect();
            // Sorted by term first, so the norm is summed in one order on every run.
            weights.sort_unstable_by(|a, b| a.0.cmp(b.0));
            let norm = weights.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
            // Heaviest first, a term shared with no other post left out (it matches nothing).
            weights.retain(|(term, w)| *w > 0.0 && doc_freq[term] > 1);
            weights.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
            weights.truncate(params.kept_terms);
            weights.sort_unstable_by(|a, b| a.0.cmp(b.0));
            weights
                .into_iter()
                .map(|(term, w)| (term.to_owned(), if norm > 0.0 { w / norm } else { 0.0 }))
                .collect()
        })
        .collect()
}

/// A post's terms with their weighted counts: body words once, title words `title_weight`
/// times, each distinct tag `tag_weight` times as `#<slug>`.
pub fn term_counts(doc: &RelatedDoc<'_>, params: &RelatedParams) -> TermCounts {
    let mut counts: HashMap<String, f32> = HashMap::new();
    let mut add = |term: &str, weight: f32| {
        // Most words repeat: look up before allocating the key.
        if let Some(count) = counts.get_mut(term) {
            *count += weight;
        } else {
            counts.insert(term.to_owned(), weight);
        }
    };
    analyze(doc.body, |term, _| add(term, 1.0));
    analyze(doc.title, |term, _| add(term, params.title_weight));
    let mut slugs: Vec<String> = doc.tags.iter().map(|t| tag_slug(t)).collect();
    slugs.sort_unstable();
    slugs.dedup();
    for slug in slugs {
        // `#` never survives tokenizing, so no word of the text can be this term.
        add(&format!("#{slug}"), params.tag_weight);
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc<'a>(title: &'a str, tags: &'a [String], body: &'a str) -> RelatedDoc<'a> {
        RelatedDoc { title, tags, body }
    }

    #[test]
    fn picks_posts_on_the_same_subject_never_itself() {
        let none: Vec<String> = Vec::new();
        let docs = [
            doc(
                "Borrow checker tips",
                &none,
                "lifetimes borrow checker references",
            ),
            doc("Baking sourdough", &none, "flour water starter oven bread"),
            doc(
                "More borrow checker",
                &none,
                "borrow checker lifetimes errors",
            ),
            doc("Rye bread", &none, "rye flour starter bread oven"),
            doc("Gardening", &none, "tomatoes soil water sun"),
        ];
        let related = related_posts(&docs, 1);
        assert_eq!(related[0], [2]);
        assert_eq!(related[2], [0]);
        assert_eq!(related[1], [3]);
        assert_eq!(related[3], [1]);
        for (i, list) in related.iter().enumerate() {
            assert!(!list.contains(&(i as u32)));
        }
    }

    #[test]
    fn tags_count_and_ties_go_to_the_newer_post() {
        let rust = vec!["Rust".to_owned()];
        let none: Vec<String> = Vec::new();
        let docs = [
            doc("Alpha", &rust, "one two"),
            doc("Beta", &none, "three four"),
            doc("Gamma", &rust, "five six"),
            doc("Delta", &rust, "seven eight"),
            doc("Epsilon", &none, "nine ten"),
        ];
        let related = related_posts(&docs, 3);
        // Only the tag links them; Alpha's two matches tie, the newer (position 2) first.
        assert_eq!(related[0], [2, 3]);
        assert_eq!(related[3], [0, 2]);
        // Nothing shared: nothing offered.
        assert!(related[1].is_empty());
    }

    #[test]
    fn the_same_posts_give_the_same_choice() {
        let tags = vec!["a".to_owned(), "b".to_owned()];
        let bodies: Vec<String> = (0..40)
            .map(|i| format!("word{} word{} common shared{}", i % 7, i % 5, i % 3))
            .collect();
        let docs: Vec<RelatedDoc<'_>> =
            bodies.iter().map(|b| doc("Same title", &tags, b)).collect();
        let first = related_posts(&docs, 3);
        for _ in 0..5 {
            assert_eq!(related_posts(&docs, 3), first);
        }
        assert!(first.iter().all(|r| r.len() == 3));
    }
}
