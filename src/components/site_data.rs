//! The manifest, loaded once for the whole app and shared by every page through context.

use std::sync::Arc;

use leptos::prelude::*;

use crate::api::{self, FetchError};
use crate::components::async_view::{AsyncView, LoadView};
use crate::model::Manifest;

/// The app-wide manifest resource. Copy, so pages take it out of context freely.
#[derive(Clone, Copy)]
pub struct SiteData {
    pub manifest: LocalResource<Result<Arc<Manifest>, FetchError>>,
}

/// Starts loading the manifest and makes it available to every page below.
pub fn provide_site_data() -> SiteData {
    let data = SiteData {
        manifest: LocalResource::new(api::manifest),
    };
    provide_context(data);
    data
}

pub fn use_site_data() -> SiteData {
    expect_context::<SiteData>()
}

/// How a page draws itself from the manifest.
pub type RenderManifest = Arc<dyn Fn(Arc<Manifest>) -> AnyView + Send + Sync>;

/// Renders `render(manifest)` once the manifest is there (see [`AsyncView`] for the states).
#[component]
pub fn WithManifest(render: RenderManifest) -> impl IntoView {
    let data = use_site_data();
    let load: LoadView = Arc::new(move || {
        let render = render.clone();
        Box::pin(async move { data.manifest.await.map(|manifest| render(manifest)) })
    });
    view! { <AsyncView load retry=Arc::new(move || data.manifest.refetch()) /> }
}
