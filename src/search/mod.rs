//! Full-text search over the posts: pure Rust, no browser APIs, shared by the native index
//! builder and the wasm app.
//!
//! - Build time: [`IndexBuilder`] takes each post's fields (title, tags, summary, plain body)
//!   and writes a split index: a small root file plus dictionary and posting shards with
//!   content-hashed names (see [`format`]), and per-post text files for snippets.
//! - In the browser: [`Searcher`] reads the root, says which shards a query needs
//!   ([`Searcher::needed_parts`]), takes them ([`Searcher::add_part`]) and ranks posts
//!   ([`Searcher::search`]); [`snippet`] cuts the excerpt shown under a result.
//!
//! Ranking is BM25F over the four fields with a title boost, all query words before some
//! words, completion of the word being typed and typo tolerance (one edit from 5 letters, two
//! from 9, swaps included); text is case- and diacritic-folded, English-stemmed, and CJK is
//! indexed as character bigrams.

mod analyze;
mod build;
mod bytes;
#[cfg(not(target_arch = "wasm32"))]
pub mod eval;
mod expand;
pub mod format;
mod fold;
mod fuzzy;
mod lexicon;
mod order;
mod query;
mod rank;
mod searcher;
mod snippet;
mod tokenize;

pub use analyze::{is_stop_word, stem};
pub use build::{BuildOptions, BuiltIndex, Bm25f, DocFields, IndexBuilder};
pub use bytes::FormatError;
pub use expand::{Expansion, SearchParams, Slot};
pub use fold::fold;
pub use fuzzy::distance as edit_distance;

pub use query::{parse_query, Query, QueryWord, MAX_QUERY_WORDS};
pub use rank::Hit;
pub use searcher::Searcher;
pub use snippet::{highlight, snippet, Snippet};
pub use tokenize::{tokenize, Token, TokenKind, MAX_TOKEN_CHARS};
