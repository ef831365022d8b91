//! Folio: a personal writing site.
//!
//! Pure modules (shared by the native pipeline and the wasm app, tested on the host):
//! [`model`] (the manifest format), [`listing`] (tag counts, years, neighbours), [`markdown`]
//! (rendering, used by the pipeline only, with [`highlight`] for code blocks), [`html_text`]
//! (edits to the rendered HTML: search marks, in-page links), [`format`], [`search`] (index
//! format, builder and searcher: the pipeline builds the index, the app queries it),
//! [`site_url`] (the pages' absolute addresses), [`page_path`] (one spelling of each page's
//! path), [`tags`] (tag slugs: the page each tag links to), [`head_tags`] (a page's description, canonical
//! and link-preview tags).
//! Native only: [`content`], the pipeline that turns a content folder into the site's data.
//! Browser only: the app below, with its pages, components and fetch helpers.

#[cfg(not(target_arch = "wasm32"))]
pub mod content;
pub mod format;
pub mod head_tags;
pub mod highlight;
pub mod html_text;
pub mod listing;
pub mod markdown;
pub mod model;
pub mod page_path;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod search;
pub mod site_url;
pub mod tags;

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
