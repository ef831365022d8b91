//! Folio's browser app. The pages and the router are `folio_pages` (crates/folio-pages), shared
//! with the prerenderer; this crate only starts them in the browser and hands the prerendered
//! page over to them ([`takeover`]).

#[cfg(target_arch = "wasm32")]
mod takeover;

#[cfg(target_arch = "wasm32")]
pub use takeover::start;
