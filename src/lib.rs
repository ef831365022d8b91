//! Folio: a personal writing site.
#[cfg(not(target_arch = "wasm32"))]
pub mod content;
pub mod markdown;
pub mod model;
