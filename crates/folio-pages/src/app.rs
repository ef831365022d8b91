//! The router and the frame every page shares.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::path;

use crate::api::router_base;
use crate::components::layout::{SiteFooter, SiteHeader, SkipLink};
use crate::components::route_focus::RouteFocus;
use crate::components::site_data::{provide_site_data, InitialBody};
use crate::model::Manifest;
use crate::pages::{
    archive::ArchivePage, home::HomePage, not_found::NotFoundPage, post::PostPage,
    search::SearchPage, tag::TagPage, tags::TagsPage,
};

/// The whole site. `manifest` is loaded before the app is drawn (the prerenderer reads it from
/// the built folder, the browser app fetches it first), so no page ever waits for it;
/// `initial_body` is the body of the article the page opens on, when there is one at hand.
#[component]
pub fn App(manifest: Arc<Manifest>, initial_body: Option<InitialBody>) -> impl IntoView {
    provide_site_data(manifest, initial_body);
    let base = router_base();
    view! {
        <Router base>
            <RouteFocus />
            <SkipLink />
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
