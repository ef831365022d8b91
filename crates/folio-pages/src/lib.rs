//! Folio's pages: one rendering of every route, used twice. The prerenderer (`folio-build`,
//! feature `ssr`) renders [`App`] to HTML for each route on the host; the browser app (feature
//! `csr`, wasm32) mounts the same [`App`] and takes the page over (see the root crate's
//! `takeover.rs`). The two share every element, class and text, so the hand-over moves nothing.
//!
//! What differs between the two is data and the browser itself, never markup:
//! - data: the manifest and the first page's body are given to [`App`] ready-made
//!   ([`site_data`](components::site_data)); the browser fetches later pages' bodies and the
//!   search index ([`api`], [`search_client`]);
//! - the browser: code that touches the window runs only in event handlers, effects, or behind
//!   [`in_browser`].
//!
//! Layout: [`app`] wires the router, `pages/` has one file per route, `components/` the pieces
//! pages share, [`api`] the fetch helpers and their error type.

pub mod api;
pub mod app;
pub mod components;
pub mod handover;
pub mod pages;
mod post_texts;
#[cfg(feature = "ssr")]
pub mod render;
pub mod search_client;

pub use app::App;
// The shared core, under the names the pages use.
pub use folio_core::{
    head_tags, html_text, listing, model, page_path, search, site_url, tags, wording,
};

/// Whether this code runs in a browser (the wasm app) rather than in the prerenderer.
pub const fn in_browser() -> bool {
    cfg!(target_arch = "wasm32")
}
