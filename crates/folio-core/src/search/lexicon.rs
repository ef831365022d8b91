//! The term dictionary as the searcher sees it: the root's shard tables plus whichever
//! dictionary and first-letter shards are loaded. Every lookup that needs a shard that is not
//! loaded records it as missing, so the same code answers "which parts do I need?" and "what
//! matches?".

use super::format::{first_letter_key, DictShard, Root, ShardRef};
use super::fuzzy::{Edits, FuzzyMatcher};

/// A dictionary term: its global id (position in the sorted term list) and document frequency.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TermRef {
    pub id: u32,
    pub doc_freq: u32,
    /// Only occurs as a compound's joined form (`asyncawait`).
    pub joined_only: bool,
}

impl TermRef {
    fn at(shard: &DictShard, i: usize) -> TermRef {
        TermRef {
            id: shard.id(i),
            doc_freq: shard.doc_freq(i),
            joined_only: shard.joined_only(i),
        }
    }
}

pub struct Lexicon<'a> {
    root: &'a Root,
    /// One entry per shard of the root's `dict_shards`: the dictionary, then the first-letter
    /// shards.
    shards: &'a [Option<DictShard>],
    dictionary_loaded: bool,
    /// Shards that a lookup needed but were not loaded, in increasing order (a sorted list
    /// rather than a `BTreeSet`: a handful of entries, and less wasm).
    pub missing: Vec<usize>,
}

impl<'a> Lexicon<'a> {
    pub fn new(root: &'a Root, shards: &'a [Option<DictShard>]) -> Self {
        let count = root.dictionary().len();
        Lexicon {
            root,
            shards,
            dictionary_loaded: shards.iter().take(count).all(Option::is_some),
            missing: Vec::new(),
        }
    }

    /// The dictionary shard whose term range contains `term`.
    fn shard_of(&self, term: &str) -> usize {
        shard_containing(self.root.dictionary(), term)
    }

    /// Shards that may hold terms starting with `prefix`.
    fn shards_for_prefix(&self, prefix: &str) -> std::ops::Range<usize> {
        let dictionary = self.root.dictionary();
        if prefix.is_empty() {
            return 0..dictionary.len();
        }
        let first = self.shard_of(prefix);
        let mut last = first;
        while last + 1 < dictionary.len() && dictionary[last + 1].first_text.starts_with(prefix) {
            last += 1;
        }
        first..last + 1
    }

    /// Whether every shard that may hold terms starting with `prefix` is loaded.
    pub fn has_prefix_loaded(&self, prefix: &str) -> bool {
        self.shards_for_prefix(prefix)
            .all(|i| self.shards.get(i).is_some_and(Option::is_some))
    }

    fn shard(&mut self, index: usize) -> Option<&'a DictShard> {
        let shard = self.shards.get(index).and_then(Option::as_ref);
        if shard.is_none() && index < self.root.dict_shards.len() {
            if let Err(at) = self.missing.binary_search(&index) {
                self.missing.insert(at, index);
            }
        }
        shard
    }

    pub fn doc_count(&self) -> u32 {
        self.root.doc_count
    }

    pub fn exact(&mut self, term: &str) -> Option<TermRef> {
        self.find(0, self.root.dictionary(), term)
    }

    /// Looks `key` up in `table`, the run of the root's `dict_shards` that starts at `from`
    /// (the dictionary, or the first-letter shards after it).
    fn find(&mut self, from: usize, table: &[ShardRef], key: &str) -> Option<TermRef> {
        if table.is_empty() {
            return None;
        }
        let shard = self.shard(from + shard_containing(table, key))?;
        let i = shard.lower_bound(key);
        (i < shard.len() && shard.term(i) == key).then(|| TermRef::at(shard, i))
    }

    /// The same answer as [`Self::exact`], for the candidates of a first-letter typo: until the
    /// whole dictionary is loaded, they are looked up in the first-letter shards, where the
    /// candidates of one typed word sit together (the dictionary spreads them over all of its
    /// shards: a new visitor's typo would fetch nearly all of it).
    pub fn exact_by_rest(&mut self, term: &str) -> Option<TermRef> {
        let from = self.root.dictionary().len();
        let table = &self.root.dict_shards[from..];
        let key = match first_letter_key(term) {
            Some(key) if !self.dictionary_loaded && !table.is_empty() => key,
            _ => return self.exact(term),
        };
        self.find(from, table, &key)
    }

    /// Calls `f` for every term starting with `prefix`, in sorted order.
    pub fn with_prefix(&mut self, prefix: &str, mut f: impl FnMut(TermRef, &str)) {
        for s in self.shards_for_prefix(prefix) {
            let Some(shard) = self.shard(s) else { continue };
            for i in shard.lower_bound(prefix)..shard.prefix_end(prefix) {
                f(TermRef::at(shard, i), shard.term(i));
            }
        }
    }

    /// Calls `f(term, text, edits)` for every term within the matcher's edit limit that
    /// starts with `first` (every term for `None`). Typo search first looks only at terms
    /// sharing the typed word's first (or second) character, which keeps the dictionary
    /// download small on a split index; the rule depends on the terms, not on the split, so split
    /// and unsplit indexes give the same results.
    pub fn fuzzy(
        &mut self,
        matcher: &mut FuzzyMatcher,
        first: Option<char>,
        mut f: impl FnMut(TermRef, &str, Edits),
    ) {
        let mut buf = [0u8; 4];
        let prefix: &str = first.map_or("", |c| c.encode_utf8(&mut buf));
        for s in self.shards_for_prefix(prefix) {
            let Some(shard) = self.shard(s) else { continue };
            let lo = shard.lower_bound(prefix);
            let hi = shard.prefix_end(prefix);
            matcher.walk(shard, lo, hi, |i, d| {
                f(TermRef::at(shard, i), shard.term(i), d)
            });
        }
    }
}

/// The shard of `table` whose range (from its first text to the next shard's) holds `key`.
fn shard_containing(table: &[ShardRef], key: &str) -> usize {
    table
        .partition_point(|s| s.first_text.as_str() <= key)
        .saturating_sub(1)
}
