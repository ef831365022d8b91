//! Folio's browser app: the router and the frame every page shares, with its pages, components
//! and fetch helpers (all browser only). The plain data and logic it shares with the pipeline
//! live in `folio_core` (crates/folio-core).

// The shared core, under the names the app's modules use.
pub use folio_core::{
    format, head_tags, html_text, listing, model, page_path, search, site_url, tags,
};

#[cfg(target_arch = "wasm32")]
mod api;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod from_js;
#[cfg(target_arch = "wasm32")]
mod pages;
#[cfg(target_arch = "wasm32")]
mod post_texts;
#[cfg(target_arch = "wasm32")]
mod search_client;
#[cfg(target_arch = "wasm32")]
mod takeover;

#[cfg(target_arch = "wasm32")]
pub use app::App;
#[cfg(target_arch = "wasm32")]
pub use takeover::start;

/// The router and the frame every page shares.
#[cfg(target_arch = "wasm32")]
mod app {
    use leptos::prelude::*;
    use leptos_meta::provide_meta_context;
    use leptos_router::components::{FlatRoutes, Route, Router};
    use leptos_router::path;

    use crate::api::router_base;
    use crate::components::layout::{SiteFooter, SiteHeader};
    use crate::components::route_focus::RouteFocus;
    use crate::components::site_data::provide_site_data;
    use crate::pages::{
        archive::ArchivePage, home::HomePage, not_found::NotFoundPage, post::PostPage,
        search::SearchPage, tag::TagPage, tags::TagsPage,
    };

    #[component]
    pub fn App() -> impl IntoView {
        provide_meta_context();
        provide_site_data();
        // The search engine is provided by `takeover::start`, above the app, so the index
        // loads before the app wakes.
        let base = router_base();
        view! {
            <Router base>
                <RouteFocus />
                <SiteHeader />
                <main id="main" tabindex="-1">
                    <FlatRoutes fallback=NotFoundPage>
                        <Route path=path!("/") view=HomePage />
                        <Route path=path!("/posts/:slug") view=PostPage />
                        <Route path=path!("/tags") view=TagsPage />
                        <Route path=path!("/tags/:tag") view=TagPage />
                        <Route path=path!("/archive") view=ArchivePage />
                        <Route path=path!("/search") view=SearchPage />
                    </FlatRoutes>
                </main>
                <SiteFooter />
            </Router>
        }
    }
}
