//! `folio-build`'s library half: the prerenderer, which writes every route of a built site as
//! static HTML (see [`prerender`]), the offline worker's build stamp ([`service_worker`]) and
//! the built site's link check ([`site_check`]). The command line is `main.rs`; the content
//! pipeline it runs is `folio_content`.

pub mod prerender;
pub mod service_worker;
pub mod site_check;
