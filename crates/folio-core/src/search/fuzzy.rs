//! Finding dictionary terms within a few edits of a word.
//!
//! Distance is Damerau-Levenshtein in its "optimal string alignment" form: insert, delete,
//! substitute, or swap two adjacent characters, each one edit (the swap is the most common
//! typing slip, and plain Levenshtein would count it as two).
//!
//! The dictionary is sorted, so it is walked like a trie: consecutive terms share a prefix, and
//! the dynamic-programming rows for that prefix are reused. When every cell of a row exceeds the
//! limit, no term with that prefix can match and the walk jumps past all of them with a binary
//! search. On a real dictionary this touches a small fraction of the terms.

use super::analyze::is_english_ending;
use super::format::DictShard;
use super::tokenize::MAX_TOKEN_CHARS;

/// How a term matched: edits, and whether part of the typed word was left over as an ending.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Edits {
    pub distance: u8,
    pub ending: bool,
}

/// Reusable state for searching one word.
pub struct FuzzyMatcher {
    word: Vec<char>,
    max_edits: u8,
    /// Per `j`: the cost of leaving `word[j..]` unmatched (see [`Self::with_endings`]);
    /// `u8::MAX` where not allowed. Always 0 at `j = word.len()`.
    ending_cost: Vec<u8>,
    /// `rows[d * width + j]`: distance between the term's first `d` chars and the word's first
    /// `j`, computed only in the band `|d - j| <= max_edits`; cells outside it keep
    /// `max_edits + 1`, a stand-in for "too far" that is all the walk needs.
    rows: Vec<u8>,
    width: usize,
    /// The current term's characters, and the byte offset where each one ends.
    term: Vec<char>,
    term_ends: Vec<usize>,
}

impl FuzzyMatcher {
    pub fn new(word: &str, max_edits: u8) -> Self {
        let word: Vec<char> = word.chars().collect();
        let width = word.len() + 1;
        let depth = MAX_TOKEN_CHARS.max(word.len()) + 3;
        let far = max_edits.saturating_add(1);
        let mut rows = vec![far; width * (depth + 1)];
        for (j, cell) in rows[..width].iter_mut().enumerate() {
            *cell = j.min(usize::from(far)) as u8;
        }
        let mut ending_cost = vec![u8::MAX; width];
        ending_cost[word.len()] = 0;
        FuzzyMatcher {
            word,
            max_edits,
            ending_cost,
            rows,
            width,
            term: Vec::new(),
            term_ends: Vec::new(),
        }
    }

    /// Also matches terms that are close to a *prefix* of the word, the rest being an ending.
    /// The dictionary holds stems, and a typo can defeat the stemmer (`indcated` is not stemmed
    /// to a neighbour of `indic`, `announcign` keeps its `ign`), so the typed word is compared
    /// with stems as "stem + ending": a common English ending (`ated`, `ication`) is free, any
    /// other ending of up to 4 characters costs one edit. The matched part must be at least 4
    /// characters and 40% of the word (half for an unknown ending).
    pub fn with_endings(mut self) -> Self {
        let m = self.word.len();
        for j in 4.min(m)..m {
            let ending: String = self.word[j..].iter().collect();
            self.ending_cost[j] = if is_english_ending(&ending) && j * 5 >= m * 2 {
                0
            } else if m - j <= 4 && j * 2 >= m {
                1
            } else {
                u8::MAX
            };
        }
        self
    }

    /// Calls `found(local index, edits)` for every term of `shard[lo..hi]` within the limit.
    pub fn walk(
        &mut self,
        shard: &DictShard,
        lo: usize,
        hi: usize,
        mut found: impl FnMut(usize, Edits),
    ) {
        let max_depth = self.rows.len() / self.width - 1;
        // Rows 1..=valid hold the values for the first `valid` chars of `self.term`.
        let mut valid = 0usize;
        let mut i = lo;
        while i < hi {
            let text = shard.term(i);
            // Chars shared with the previous term (front coding says how many bytes).
            let shared_bytes = if i == lo {
                0
            } else {
                shard.shared_with_previous(i)
            };
            let keep = self.term_ends[..valid.min(self.term_ends.len())]
                .partition_point(|&e| e <= shared_bytes);
            self.term.truncate(keep);
            self.term_ends.truncate(keep);
            let mut at = self.term_ends.last().copied().unwrap_or(0);
            for c in text[at..].chars() {
                at += c.len_utf8();
                self.term.push(c);
                self.term_ends.push(at);
            }
            if self.term.len() > max_depth {
                valid = keep;
                i += 1;
                continue;
            }
            let mut pruned_at = None;
            for d in keep + 1..=self.term.len() {
                if self.fill_row(d) > self.max_edits {
                    pruned_at = Some(d);
                    break;
                }
            }
            match pruned_at {
                Some(d) => {
                    valid = d - 1;
                    // No term starting with these `d` chars can match: skip them all. They sit
                    // together, each sharing at least `cut` bytes with the one before.
                    let cut = self.term_ends[d - 1];
                    i += 1;
                    while i < hi && shard.shared_with_previous(i) >= cut {
                        i += 1;
                    }
                }
                None => {
                    valid = self.term.len();
                    let row = &self.rows[valid * self.width..(valid + 1) * self.width];
                    let m = self.word.len();
                    let with_ending = (0..m)
                        .map(|j| row[j].saturating_add(self.ending_cost[j]))
                        .min()
                        .unwrap_or(u8::MAX);
                    let (distance, ending) = if row[m] <= with_ending {
                        (row[m], false)
                    } else {
                        (with_ending, true)
                    };
                    if distance <= self.max_edits {
                        found(i, Edits { distance, ending });
                    }
                    i += 1;
                }
            }
        }
    }

    /// Computes row `d` (term char `d - 1`) within the band and returns its smallest cell.
    fn fill_row(&mut self, d: usize) -> u8 {
        let w = self.width;
        let k = usize::from(self.max_edits);
        let far = self.max_edits.saturating_add(1);
        let tc = self.term[d - 1];
        let (before, rest) = self.rows.split_at_mut(d * w);
        let row = &mut rest[..w];
        let prev = &before[(d - 1) * w..];
        let mut min = far;
        if d <= k {
            row[0] = d as u8;
            min = row[0];
        }
        let lo = d.saturating_sub(k).max(1);
        let hi = (d + k).min(w - 1);
        for j in lo..hi + 1 {
            let wc = self.word[j - 1];
            let cost = u8::from(tc != wc);
            let mut v = prev[j]
                .saturating_add(1)
                .min(row[j - 1].saturating_add(1))
                .min(prev[j - 1].saturating_add(cost));
            if d >= 2 && j >= 2 && tc == self.word[j - 2] && self.term[d - 2] == wc {
                v = v.min(before[(d - 2) * w + j - 2].saturating_add(1));
            }
            let v = v.min(far);
            row[j] = v;
            min = min.min(v);
        }
        min
    }
}

/// Damerau (optimal string alignment) distance, for tests and checks.
pub fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let w = b.len() + 1;
    let mut m = vec![0usize; (a.len() + 1) * w];
    for i in 0..=a.len() {
        for j in 0..=b.len() {
            m[i * w + j] = if i == 0 || j == 0 {
                i + j
            } else {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut v = (m[(i - 1) * w + j] + 1)
                    .min(m[i * w + j - 1] + 1)
                    .min(m[(i - 1) * w + j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    v = v.min(m[(i - 2) * w + j - 2] + 1);
                }
                v
            };
        }
    }
    m[a.len() * w + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::format::DictEntry;

    fn shard(terms: &[&str]) -> DictShard {
        let mut sorted = terms.to_vec();
        sorted.sort_unstable();
        let entries: Vec<DictEntry> = sorted
            .iter()
            .map(|t| DictEntry {
                term: t,
                doc_freq: 1,
                joined_only: false,
                id: 0,
            })
            .collect();
        DictShard::decode(0, &DictShard::encode(&entries, false)).unwrap()
    }

    fn matches(shard: &DictShard, word: &str, k: u8) -> Vec<(String, u8)> {
        let mut out = Vec::new();
        FuzzyMatcher::new(word, k).walk(shard, 0, shard.len(), |i, e| {
            out.push((shard.term(i).to_owned(), e.distance))
        });
        out
    }

    #[test]
    fn counts_a_swap_as_one_edit() {
        assert_eq!(distance("prepare", "perpare"), 1);
        assert_eq!(distance("prepare", "preparc"), 1);
        assert_eq!(distance("prepare", "prepre"), 1);
        assert_eq!(distance("ca", "abc"), 3);
    }

    #[test]
    fn trie_walk_agrees_with_brute_force() {
        let words = [
            "prepar",
            "prepare",
            "preparing",
            "present",
            "pepper",
            "repair",
            "compil",
            "compile",
            "compiler",
            "compat",
            "complet",
            "crate",
            "create",
            "zebra",
            "schedul",
            "schedule",
            "scheduler",
            "été",
            "ete",
            "etc",
            "prepa",
            "prep",
            "p",
            "",
        ];
        let s = shard(&words);
        for word in [
            "preparc",
            "perpare",
            "compiel",
            "sheduler",
            "ete",
            "xyz",
            "schedluer",
            "p",
        ] {
            for k in 0..=2u8 {
                let mut expected: Vec<(String, u8)> = (0..s.len())
                    .map(|i| s.term(i))
                    .filter_map(|t| {
                        let d = distance(t, word);
                        (d <= k as usize).then(|| (t.to_owned(), d as u8))
                    })
                    .collect();
                expected.sort();
                let mut got = matches(&s, word, k);
                got.sort();
                assert_eq!(got, expected, "word {word} k {k}");
            }
        }
    }

    #[test]
    fn suffix_mode_matches_stems_of_misspelled_words() {
        let s = shard(&[
            "announc", "secur", "sec", "download", "vacat", "vacuum", "indic", "specif",
        ]);
        let found = |word: &str, k: u8| {
            let mut out = Vec::new();
            FuzzyMatcher::new(word, k)
                .with_endings()
                .walk(&s, 0, s.len(), |i, e| {
                    out.push((s.term(i).to_owned(), e.distance))
                });
            out
        };
        assert_eq!(found("announcign", 2), [("announc".to_owned(), 1)]);
        assert_eq!(found("securitd", 1), [("secur".to_owned(), 1)]);
        assert_eq!(found("downloadineg", 2), [("download".to_owned(), 1)]);
        assert_eq!(found("vacaton", 1), [("vacat".to_owned(), 1)]);
        // A known ending is free: only the typo in the stem counts.
        assert_eq!(found("indcated", 1), [("indic".to_owned(), 1)]);
        assert_eq!(found("spceification", 2), [("specif".to_owned(), 1)]);
        // Without an unmatched ending the plain distance counts.
        assert_eq!(found("secur", 1), [("secur".to_owned(), 0)]);
    }
}
