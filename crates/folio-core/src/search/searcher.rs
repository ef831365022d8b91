//! The searcher: holds the root and whichever parts have been fetched, says which parts a query
//! still needs, and runs queries.
//!
//! Loading is the caller's business (the wasm app fetches over HTTP, tests read a map), so the
//! flow is plain data in, plain data out:
//!
//! ```text
//! let mut s = Searcher::new(&root_bytes)?;
//! loop {
//!     let parts = s.needed_parts(&query);   // dictionary shards first, then posting shards
//!     if parts.is_empty() { break }
//!     for path in parts { s.add_part(&path, &fetch(&path))? }
//! }
//! let hits = s.search(&query, 10);
//! ```

use std::sync::{Arc, Mutex, PoisonError};

use super::bytes::FormatError;
use super::expand::{expand, next_completions, SearchParams, Slot};
use super::format::{dict_path, parse_part_path, post_path, text_path, DictShard, PostShard, Root};
use super::lexicon::Lexicon;
use super::query::Query;
use super::rank::{rank, Hit, Ranked, Scratch};

pub struct Searcher {
    root: Root,
    dict: Vec<Option<DictShard>>,
    posts: Vec<Option<PostShard>>,
    params: SearchParams,
    /// The last query's plan; cleared when a part arrives or the parameters change.
    memo: Mutex<Option<Memo>>,
    scratch: Mutex<Scratch>,
}

struct Memo {
    query: Query,
    slots: Arc<Vec<Slot>>,
    missing_dict: Arc<Vec<usize>>,
}

impl Searcher {
    /// Reads the root file (`search/index.bin`).
    pub fn new(root_bytes: &[u8]) -> Result<Searcher, FormatError> {
        let root = Root::decode(root_bytes)?;
        let dict = vec![None; root.dict_shards.len()];
        let posts = vec![None; root.post_shards.len()];
        Ok(Searcher {
            root,
            dict,
            posts,
            params: SearchParams::default(),
            memo: Mutex::new(None),
            scratch: Mutex::new(Scratch::default()),
        })
    }

    pub fn with_params(mut self, params: SearchParams) -> Self {
        self.params = params;
        *self.memo.get_mut().unwrap_or_else(PoisonError::into_inner) = None;
        self
    }

    pub fn doc_count(&self) -> u32 {
        self.root.doc_count
    }

    /// Where the body text of `doc` was written (for snippets), if texts were written.
    pub fn text_path(&self, doc: u32) -> Option<String> {
        self.root.text_generation.map(|g| text_path(g, doc))
    }

    /// Every part file of the index, for prefetching (a small site may load all at once). The
    /// first-letter parts are left out: with the whole dictionary loaded, nothing reads them.
    pub fn all_parts(&self) -> Vec<String> {
        let dict = self.root.dictionary().iter().map(|s| dict_path(s.hash));
        unique(dict.chain(self.root.post_shards.iter().map(|s| post_path(s.hash))))
    }

    /// Whether the part at `path` is loaded (false for paths that are not parts of this index).
    pub fn has_part(&self, path: &str) -> bool {
        let Some((is_dict, hash)) = parse_part_path(path) else {
            return false;
        };
        if is_dict {
            let shards = self.root.dict_shards.iter().zip(&self.dict);
            shards
                .filter(|(s, _)| s.hash == hash)
                .any(|(_, d)| d.is_some())
        } else {
            let shards = self.root.post_shards.iter().zip(&self.posts);
            shards
                .filter(|(s, _)| s.hash == hash)
                .any(|(_, p)| p.is_some())
        }
    }

    /// The part files the query still needs, in one batch that can be fetched in parallel:
    /// first the dictionary shards its words fall in; once those are loaded, the posting shards
    /// of its expanded terms. Empty when the query can run.
    pub fn needed_parts(&self, query: &Query) -> Vec<String> {
        let (slots, missing_dict) = self.plan(query);
        if !missing_dict.is_empty() {
            return unique(
                missing_dict
                    .iter()
                    .map(|&i| dict_path(self.root.dict_shards[i].hash)),
            );
        }
        // In shard order (sorted, no repeats), as a set would give them.
        let mut missing: Vec<usize> = Vec::new();
        for e in slots.iter().flat_map(|s| &s.expansions) {
            let shard = self.post_shard_of(e.term.id);
            if self.posts.get(shard).is_some_and(Option::is_none) {
                if let Err(at) = missing.binary_search(&shard) {
                    missing.insert(at, shard);
                }
            }
        }
        unique(
            missing
                .iter()
                .map(|&i| post_path(self.root.post_shards[i].hash)),
        )
    }

    /// Parts worth fetching before the next keystroke asks for them, likeliest first: the
    /// posting shards of the completions each next character of the word being typed would
    /// bring (see [`super::expand::next_completions`]), or first the dictionary shards that
    /// takes. Only parts not loaded yet; empty when the last word is finished.
    pub fn likely_next_parts(&self, query: &Query) -> Vec<String> {
        let mut lexicon = Lexicon::new(&self.root, &self.dict);
        let terms = next_completions(query, &mut lexicon, &self.params);
        if !lexicon.missing.is_empty() {
            return unique(
                lexicon
                    .missing
                    .iter()
                    .map(|&i| dict_path(self.root.dict_shards[i].hash)),
            );
        }
        unique(
            terms
                .iter()
                .map(|t| self.post_shard_of(t.id))
                .filter(|&i| self.posts.get(i).is_some_and(Option::is_none))
                .map(|i| post_path(self.root.post_shards[i].hash)),
        )
    }

    /// Every dictionary part not loaded yet: a few per cent of the index, after which a query
    /// needs one round of fetches instead of two.
    pub fn missing_dictionary_parts(&self) -> Vec<String> {
        unique(
            self.root
                .dictionary()
                .iter()
                .zip(&self.dict)
                .filter(|(_, loaded)| loaded.is_none())
                .map(|(s, _)| dict_path(s.hash)),
        )
    }

    /// Adds a fetched part. Unknown paths and corrupt bytes are errors.
    pub fn add_part(&mut self, path: &str, bytes: &[u8]) -> Result<(), FormatError> {
        let (is_dict, hash) =
            parse_part_path(path).ok_or(FormatError("not a part of this index"))?;
        *self.memo.get_mut().unwrap_or_else(PoisonError::into_inner) = None;
        let mut known = false;
        if is_dict {
            for (i, s) in self
                .root
                .dict_shards
                .iter()
                .enumerate()
                .filter(|(_, s)| s.hash == hash)
            {
                self.dict[i] = Some(DictShard::decode(s.first_term, bytes)?);
                known = true;
            }
        } else {
            for (i, s) in self
                .root
                .post_shards
                .iter()
                .enumerate()
                .filter(|(_, s)| s.hash == hash)
            {
                self.posts[i] = Some(PostShard::decode(s.first_term, bytes)?);
                known = true;
            }
        }
        if known {
            Ok(())
        } else {
            Err(FormatError("not a part of this index"))
        }
    }

    /// Fetches (with `fetch`) every part the query needs; returns the bytes fetched.
    pub fn load_parts_for<E>(
        &mut self,
        query: &Query,
        mut fetch: impl FnMut(&str) -> Result<Vec<u8>, E>,
    ) -> Result<usize, E>
    where
        E: From<FormatError>,
    {
        let mut total = 0;
        loop {
            let parts = self.needed_parts(query);
            if parts.is_empty() {
                return Ok(total);
            }
            for path in parts {
                let bytes = fetch(&path)?;
                total += bytes.len();
                self.add_part(&path, &bytes)?;
            }
        }
    }

    /// The query's slots (words with their weighted expansions), given the loaded parts.
    pub fn expand(&self, query: &Query) -> Vec<Slot> {
        self.plan(query).0.as_ref().clone()
    }

    /// Slots and missing dictionary shards for `query`. The app asks `needed_parts` and then
    /// `search` for the same query with the same parts: the second call reuses the first.
    fn plan(&self, query: &Query) -> (Arc<Vec<Slot>>, Arc<Vec<usize>>) {
        if let Some(m) = self
            .memo
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .as_ref()
            .filter(|m| m.query == *query)
        {
            return (m.slots.clone(), m.missing_dict.clone());
        }
        let mut lexicon = Lexicon::new(&self.root, &self.dict);
        let slots = Arc::new(expand(query, &mut lexicon, &self.params));
        let missing_dict = Arc::new(lexicon.missing);
        let memo = Memo {
            query: query.clone(),
            slots: slots.clone(),
            missing_dict: missing_dict.clone(),
        };
        *self.memo.lock().unwrap_or_else(PoisonError::into_inner) = Some(memo);
        (slots, missing_dict)
    }

    /// The best `limit` posts for `query`. Parts not loaded yet are skipped, so call
    /// [`Self::needed_parts`] first for complete results.
    pub fn search(&self, query: &Query, limit: usize) -> Vec<Hit> {
        self.search_filtered(query, limit, &|_| true).hits
    }

    /// The best `limit` posts for `query` among those `keep` accepts, the exact number of
    /// those, and every match in rank order (see [`Ranked`]).
    pub fn search_filtered(
        &self,
        query: &Query,
        limit: usize,
        keep: &dyn Fn(u32) -> bool,
    ) -> Ranked {
        let (slots, _) = self.plan(query);
        let mut scratch = self.scratch.lock().unwrap_or_else(PoisonError::into_inner);
        rank(
            &slots,
            self.root.doc_count,
            limit,
            &self.params,
            &mut scratch,
            keep,
            |id| {
                let shard = self.posts.get(self.post_shard_of(id))?.as_ref()?;
                let local = (id - shard.first_term) as usize;
                (local < shard.term_count()).then(|| shard.postings(local))
            },
        )
    }

    fn post_shard_of(&self, term_id: u32) -> usize {
        self.root
            .post_shards
            .partition_point(|s| s.first_term <= term_id)
            .saturating_sub(1)
    }
}

/// Paths in shard order, each once (shards with identical bytes share a file).
fn unique(paths: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for p in paths {
        if !out.contains(&p) {
            out.push(p);
        }
    }
    out
}
