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

use std::collections::BTreeSet;

use super::bytes::FormatError;
use super::expand::{expand, SearchParams, Slot};
use super::format::{dict_path, post_path, text_path, DictShard, PostShard, Root};
use super::lexicon::Lexicon;
use super::query::Query;
use super::rank::{rank, Hit};

pub struct Searcher {
    root: Root,
    dict: Vec<Option<DictShard>>,
    posts: Vec<Option<PostShard>>,
    params: SearchParams,
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
        })
    }

    pub fn with_params(mut self, params: SearchParams) -> Self {
        self.params = params;
        self
    }

    pub fn doc_count(&self) -> u32 {
        self.root.doc_count
    }

    /// Where the body text of `doc` was written (for snippets), if texts were written.
    pub fn text_path(&self, doc: u32) -> Option<String> {
        self.root.text_generation.map(|g| text_path(g, doc))
    }

    /// Every part file of the index, for prefetching (a small site may load all at once).
    pub fn all_parts(&self) -> Vec<String> {
        let dict = self.root.dict_shards.iter().map(|s| dict_path(s.hash));
        unique(dict.chain(self.root.post_shards.iter().map(|s| post_path(s.hash))))
    }

    /// The part files the query still needs, in one batch that can be fetched in parallel:
    /// first the dictionary shards its words fall in; once those are loaded, the posting shards
    /// of its expanded terms. Empty when the query can run.
    pub fn needed_parts(&self, query: &Query) -> Vec<String> {
        let mut lexicon = Lexicon::new(&self.root, &self.dict);
        let slots = expand(query, &mut lexicon, &self.params);
        if !lexicon.missing.is_empty() {
            return unique(
                lexicon
                    .missing
                    .iter()
                    .map(|&i| dict_path(self.root.dict_shards[i].hash)),
            );
        }
        let mut missing = BTreeSet::new();
        for e in slots.iter().flat_map(|s| &s.expansions) {
            let shard = self.post_shard_of(e.term.id);
            if self.posts.get(shard).is_some_and(Option::is_none) {
                missing.insert(shard);
            }
        }
        unique(
            missing
                .iter()
                .map(|&i| post_path(self.root.post_shards[i].hash)),
        )
    }

    /// Adds a fetched part. Unknown paths and corrupt bytes are errors.
    pub fn add_part(&mut self, path: &str, bytes: &[u8]) -> Result<(), FormatError> {
        let mut known = false;
        for (i, s) in self.root.dict_shards.iter().enumerate() {
            if dict_path(s.hash) == path {
                self.dict[i] = Some(DictShard::decode(s.first_term, bytes)?);
                known = true;
            }
        }
        for (i, s) in self.root.post_shards.iter().enumerate() {
            if post_path(s.hash) == path {
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
        let mut lexicon = Lexicon::new(&self.root, &self.dict);
        expand(query, &mut lexicon, &self.params)
    }

    /// The best `limit` posts for `query`. Parts not loaded yet are skipped, so call
    /// [`Self::needed_parts`] first for complete results.
    pub fn search(&self, query: &Query, limit: usize) -> Vec<Hit> {
        let slots = self.expand(query);
        rank(&slots, self.root.doc_count, limit, &self.params, |id| {
            let shard = self.posts.get(self.post_shard_of(id))?.as_ref()?;
            let local = (id - shard.first_term) as usize;
            (local < shard.term_count()).then(|| shard.postings(local))
        })
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
