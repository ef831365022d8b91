//! Folio's core: plain data and pure logic, shared by the native pipeline, the prerenderer and
//! the wasm app, and tested on the host without a browser or a web framework.
//!
//! - [`model`]: the manifest format, the contract between the pipeline and the app;
//!   [`manifest_read`]: the app's reader of it (a small JSON parser, no serde in the wasm);
//! - [`listing`]: tag counts, years, neighbours; [`tags`]: tag slugs (the page each tag links to);
//!   [`marks`]: the combining-mark table every notion of a word shares;
//! - [`wording`]: dates, reading times and counts as readers read them;
//! - [`site_url`]: the pages' absolute addresses; [`page_path`]: one spelling of each page's path;
//!   [`head_tags`]: a page's description, canonical and link-preview tags; [`page_ids`]: the ids
//!   the page itself uses, which a post's HTML must not take;
//! - [`search`]: the index format, its builder (pipeline) and its searcher (app);
//!   `related`: the "Read next" posts, chosen by the pipeline from the index's terms;
//! - [`html_text`]: edits the app makes to a post's rendered HTML (search marks, in-page links).

pub mod head_tags;
pub mod html_text;
pub mod listing;
pub mod manifest_read;
pub mod marks;
pub mod model;
pub mod page_ids;
pub mod page_path;
#[cfg(not(target_arch = "wasm32"))]
pub mod related;
pub mod search;
pub mod site_url;
pub mod tags;
pub mod wording;
