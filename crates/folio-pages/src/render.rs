//! The prerenderer's side (feature `ssr`): one route of the site drawn to HTML by the very
//! components the browser app runs.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::location::RequestUrl;

use crate::app::App;
use crate::components::page_meta::HeadRecord;
use crate::components::site_data::InitialBody;
use crate::head_tags::HeadTag;
use crate::model::Manifest;
use crate::search_client::provide_search_engine;

/// One route, drawn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RenderedPage {
    /// The document title, as the page sets it (not escaped).
    pub title: String,
    /// The page's description, canonical and link-preview tags.
    pub head: Vec<HeadTag>,
    /// What goes into `<body>`: skip link, header, `<main>`, footer.
    pub body: String,
}

/// Draws the page at `path` (the app path, `/posts/x`; without the site's base) for a site
/// served under `base` (`/` or `/blog/`). `initial_body` is the article's body when `path` is
/// a post's.
pub fn render_page(
    path: &str,
    base: &str,
    manifest: Arc<Manifest>,
    initial_body: Option<InitialBody>,
) -> RenderedPage {
    crate::api::set_base_href(base);
    let owner = Owner::new();
    let page = owner.with(|| {
        let url = format!("{}{path}", base.trim_end_matches('/'));
        provide_context(RequestUrl::new(&url));
        let record = HeadRecord::default();
        provide_context(record);
        provide_search_engine();
        let body = view! { <App manifest initial_body /> }.to_html();
        let (title, head) = record.0.get_untracked().unwrap_or_default();
        RenderedPage { title, head, body }
    });
    owner.cleanup();
    page
}
