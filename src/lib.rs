//! Folio: a personal writing site.
pub mod markdown;
pub mod model;
pub mod search;
