//! The site's data, given to the app whole and shared by every page through context.
//!
//! The manifest is there before anything is drawn: the prerenderer reads it from the built
//! folder, and the browser app fetches it before it mounts (a prerendered page stays as it is
//! when that fails). So pages draw from it synchronously, the same way on both sides, and no
//! page has a "loading the manifest" state.

use std::sync::Arc;

use leptos::prelude::*;

use crate::model::Manifest;

/// The body of the article the page opened on, already at hand: read from the built folder by
/// the prerenderer, or from the prerendered page by the app, which then needs no request for it
/// (and keeps it when the network would have failed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InitialBody {
    pub slug: String,
    pub html: String,
}

#[derive(Clone)]
pub struct SiteData {
    pub manifest: Arc<Manifest>,
    initial_body: Option<Arc<InitialBody>>,
}

impl SiteData {
    /// The body of `slug` if it is the one at hand.
    pub fn initial_body(&self, slug: &str) -> Option<String> {
        self.initial_body
            .as_ref()
            .filter(|body| body.slug == slug)
            .map(|body| body.html.clone())
    }
}

/// Makes the site's data available to every page below.
pub fn provide_site_data(manifest: Arc<Manifest>, initial_body: Option<InitialBody>) {
    provide_context(SiteData {
        manifest,
        initial_body: initial_body.map(Arc::new),
    });
}

pub fn use_site_data() -> SiteData {
    expect_context::<SiteData>()
}

/// The manifest.
pub fn use_manifest() -> Arc<Manifest> {
    use_site_data().manifest
}

/// How a page draws itself from the manifest.
pub type RenderManifest = Arc<dyn Fn(Arc<Manifest>) -> AnyView + Send + Sync>;

/// Renders `render(manifest)`: pages are written as functions of the manifest.
#[component]
pub fn WithManifest(render: RenderManifest) -> impl IntoView {
    render(use_manifest())
}
