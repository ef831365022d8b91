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

use super::format::DictShard;
use super::tokenize::MAX_TOKEN_CHARS;

/// Reusable state for searching one word.
pub struct FuzzyMatcher {
    word: Vec<char>,
    max_edits: u8,
    /// `rows[d * width + j]`: distance between the term's first `d` chars and the word's first `j`.
    rows: Vec<u8>,
    width: usize,
    term: Vec<char>,
    prev_term: Vec<char>,
}

impl FuzzyMatcher {
    pub fn new(word: &str, max_edits: u8) -> Self {
        let word: Vec<char> = word.chars().collect();
        let width = word.len() + 1;
        let depth = MAX_TOKEN_CHARS.max(word.len()) + 3;
        let mut rows = vec![0u8; width * (depth + 1)];
        for (j, cell) in rows[..width].iter_mut().enumerate() {
            *cell = j.min(255) as u8;
        }
        FuzzyMatcher { word, max_edits, rows, width, term: Vec::new(), prev_term: Vec::new() }
    }

    /// Calls `found(local index, distance)` for every term of `shard[lo..hi]` within the limit.
    pub fn walk(&mut self, shard: &DictShard, lo: usize, hi: usize, mut found: impl FnMut(usize, u8)) {
        // Depth up to which `rows` hold valid values for `prev_term`.
        let mut valid = 0usize;
        self.prev_term.clear();
        let mut i = lo;
        while i < hi {
            let text = shard.term(i);
            self.term.clear();
            self.term.extend(text.chars());
            let max_depth = (self.rows.len() / self.width) - 1;
            if self.term.len() > max_depth {
                i += 1;
                continue;
            }
            let shared = self.term.iter().zip(&self.prev_term).take_while(|(a, b)| a == b).count().min(valid);
            let mut pruned_at = None;
            for d in shared + 1..=self.term.len() {
                if self.fill_row(d) > self.max_edits {
                    pruned_at = Some(d);
                    break;
                }
            }
            std::mem::swap(&mut self.term, &mut self.prev_term);
            match pruned_at {
                Some(d) => {
                    valid = d - 1;
                    // Skip every term that starts with the first `d` chars of this one.
                    let cut = text.char_indices().nth(d).map_or(text.len(), |(b, _)| b);
                    i = (i + 1).max(shard.prefix_end(&text[..cut]).min(hi));
                }
                None => {
                    valid = self.prev_term.len();
                    let distance = self.rows[valid * self.width + self.word.len()];
                    if distance <= self.max_edits {
                        found(i, distance);
                    }
                    i += 1;
                }
            }
        }
    }

    /// Computes row `d` (term char `d - 1`) and returns its smallest cell.
    fn fill_row(&mut self, d: usize) -> u8 {
        let w = self.width;
        let tc = self.term[d - 1];
        let (before, rest) = self.rows.split_at_mut(d * w);
        let row = &mut rest[..w];
        let prev = &before[(d - 1) * w..];
        let prev2 = if d >= 2 { Some(&before[(d - 2) * w..(d - 1) * w]) } else { None };
        row[0] = d.min(255) as u8;
        let mut min = row[0];
        for j in 1..w {
            let wc = self.word[j - 1];
            let cost = u8::from(tc != wc);
            let mut v = (prev[j] + 1).min(row[j - 1] + 1).min(prev[j - 1] + cost);
            if let Some(p2) = prev2 {
                if j >= 2 && tc == self.word[j - 2] && self.term[d - 2] == wc {
                    v = v.min(p2[j - 2] + 1);
                }
            }
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
                let mut v = (m[(i - 1) * w + j] + 1).min(m[i * w + j - 1] + 1).min(m[(i - 1) * w + j - 1] + cost);
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

    fn shard(terms: &[&str]) -> DictShard {
        let mut sorted = terms.to_vec();
        sorted.sort_unstable();
        let entries: Vec<(&str, u32)> = sorted.iter().map(|t| (*t, 1)).collect();
        DictShard::decode(0, &DictShard::encode(&entries)).unwrap()
    }

    fn matches(shard: &DictShard, word: &str, k: u8) -> Vec<(String, u8)> {
        let mut out = Vec::new();
        FuzzyMatcher::new(word, k).walk(shard, 0, shard.len(), |i, d| out.push((shard.term(i).to_owned(), d)));
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
            "prepar", "prepare", "preparing", "present", "pepper", "repair", "compil", "compile",
            "compiler", "compat", "complet", "crate", "create", "zebra", "schedul", "schedule",
            "scheduler", "été", "ete", "etc", "prepa", "prep", "p", "",
        ];
        let s = shard(&words);
        for word in ["preparc", "perpare", "compiel", "sheduler", "ete", "xyz", "schedluer", "p"] {
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
}
