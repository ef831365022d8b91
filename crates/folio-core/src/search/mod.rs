//! Full-text search over the posts: pure Rust, no browser APIs, shared by the native index
//! builder and the wasm app.
//!
//! Ranking is BM25F over title, tags, summary and body (title weighted most), all query words
//! before some words, completion of the word being typed, and typo tolerance (one edit from 5
//! letters, two from 9, a swap of neighbours counting as one; one for a 4-letter word found
//! nowhere; a typo in the first letter or in the ending found too, see `correct`). Text is
//! case- and diacritic-folded, English-stemmed, and CJK is indexed as character bigrams.
//!
//! # Build time (native)
//!
//! ```text
//! let mut builder = IndexBuilder::new();
//! for (i, post) in manifest.posts.iter().enumerate() {      // doc id = manifest position
//!     builder.add_doc(i as u32, DocFields { title, tags, summary, body: &plain_text });
//! }
//! for (path, bytes) in builder.finish(&BuildOptions::default()).files {
//!     write(out_dir.join(path), bytes);                     // search/index.bin + shards + texts
//! }
//! ```
//!
//! `search/index.bin` is the only fixed name (small: a few kB even at 10,000 posts); every other
//! file name carries a content hash and can be cached forever (see [`format`]).
//!
//! # In the browser
//!
//! ```text
//! let mut searcher = Searcher::new(&fetch("search/index.bin"))?;   // once, when search opens
//! // per query (each keystroke):
//! let query = parse_query(&input_text);
//! loop {
//!     let parts = searcher.needed_parts(&query);   // round 1: dictionary shards,
//!     if parts.is_empty() { break }                // round 2: posting shards; then none
//!     for p in parts { searcher.add_part(&p, &fetch(&p))? }   // fetch a round in parallel
//! }
//! let hits = searcher.search(&query, 10);           // ~0.1-2 ms; Hit { doc, score, matched_terms }
//! // per result shown: title marks via highlight(title, &hit.matched_terms), and a snippet from
//! // the post's text, fetched on demand:
//! let body = fetch(&searcher.text_path(hit.doc).unwrap());
//! let s = snippet(&body, &hit.matched_terms, 160);  // s.text + s.ranges for <mark>
//! ```
//!
//! Parts stay loaded, so later keystrokes rarely fetch anything. A searcher may also run before
//! its parts arrive: it ranks with what it has, and the complete answer follows.

mod analyze;
mod bm25f;
mod build;
mod bytes;
mod correct;
mod dict_shard;
#[cfg(not(target_arch = "wasm32"))]
pub mod eval;
mod expand;
mod fold;
pub mod format;
mod fuzzy;
mod lexicon;
mod order;
pub mod part_loader;
mod postings;
mod query;
mod rank;
mod searcher;
mod snippet;
mod tokenize;

pub use analyze::{analyze, is_stop_word, stem};
pub use build::{AnalyzedDoc, Bm25f, BuildOptions, BuiltIndex, DocFields, IndexBuilder};
pub use bytes::FormatError;
pub use expand::{Expansion, SearchParams, Slot};
pub use fold::fold;
pub use fuzzy::distance as edit_distance;
pub use query::{parse_query, Query, QueryWord, MAX_QUERY_WORDS};
pub use rank::{Hit, Ranked};
pub use searcher::Searcher;
pub use snippet::{highlight, snippet, Snippet};
pub use tokenize::{tokenize, Token, TokenKind, MAX_TOKEN_CHARS};
