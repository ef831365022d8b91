//! The one place that waits for data: a loading line meanwhile, the error and a retry button
//! on failure, the view once the data is there.

use std::{future::Future, pin::Pin, sync::Arc};

use leptos::prelude::*;

use crate::api::FetchError;
use crate::components::status::{ErrorNotice, Loading};

/// A view built from fetched data, or why the data could not be had.
pub type ViewResult = Result<AnyView, FetchError>;

/// Produces the view's future; called again whenever a resource it awaits changes.
pub type LoadView = Arc<dyn Fn() -> Pin<Box<dyn Future<Output = ViewResult> + Send>> + Send + Sync>;

/// Waits for `load` with a loading state, shows errors with a button calling `retry`.
///
/// Deliberately not generic: every page shares this single instance of the Suspense /
/// ErrorBoundary machinery, which keeps the wasm measurably smaller than one copy per page.
#[component]
pub fn AsyncView(
    load: LoadView,
    retry: Arc<dyn Fn() + Send + Sync>,
    /// Part of a page that has its own `h1` (see [`ErrorNotice`]).
    #[prop(optional)]
    within_page: bool,
) -> impl IntoView {
    view! {
        <Suspense fallback=Loading>
            <ErrorBoundary fallback=move |errors| {
                let retry = retry.clone();
                view! { <ErrorNotice errors retry=move || retry() within_page /> }
            }>
                {
                    let load = load.clone();
                    move || Suspend::new(load())
                }
            </ErrorBoundary>
        </Suspense>
    }
}
