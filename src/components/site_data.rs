//! The manifest, loaded once for the whole app and shared by every page through context.

use std::sync::Arc;

use leptos::prelude::*;

use crate::api::{self, FetchError};
use crate::components::status::{ErrorNotice, Loading};
use crate::model::Manifest;

/// The app-wide manifest resource. Copy, so pages take it out of context freely.
#[derive(Clone, Copy)]
pub struct SiteData {
    pub manifest: LocalResource<Result<Arc<Manifest>, FetchError>>,
}

/// Starts loading the manifest and makes it available to every page below.
pub fn provide_site_data() -> SiteData {
    let data = SiteData { manifest: LocalResource::new(api::manifest) };
    provide_context(data);
    data
}

pub fn use_site_data() -> SiteData {
    expect_context::<SiteData>()
}

/// Renders `render(manifest)` once the manifest is there; meanwhile a loading line; on failure
/// the error with a retry button.
#[component]
pub fn WithManifest<F, V>(render: F) -> impl IntoView
where
    F: Fn(Arc<Manifest>) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let data = use_site_data();
    view! {
        <Suspense fallback=Loading>
            <ErrorBoundary fallback=move |errors| {
                view! { <ErrorNotice errors retry=move || data.manifest.refetch() /> }
            }>
                {move || {
                    let render = render.clone();
                    Suspend::new(async move { data.manifest.await.map(render) })
                }}
            </ErrorBoundary>
        </Suspense>
    }
}
