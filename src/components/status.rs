//! What a page shows while its data loads, and when loading failed.

use leptos::prelude::*;

/// A light loading state: a line of text, so a fast load never flashes a spinner.
#[component]
pub fn Loading() -> impl IntoView {
    view! {
        <p class="loading" data-testid="loading" role="status">
            "Loading…"
        </p>
    }
}

/// The errors caught by an `ErrorBoundary`, each with its message, and a button that retries.
#[component]
pub fn ErrorNotice(
    errors: ArcRwSignal<Errors>,
    /// Called when the reader presses "Try again": typically a resource's `refetch`.
    retry: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let messages = move || {
        errors
            .read()
            .iter()
            .map(|(_, error)| view! { <li>{error.to_string()}</li> })
            .collect::<Vec<_>>()
    };
    // One h1 per page: when the page already shows its own (an article whose body failed to
    // load under its title), the notice is a section of it; otherwise it is the page. Decided
    // once mounted, when the page around the notice is in the document.
    let notice = NodeRef::<leptos::html::Div>::new();
    let nested = RwSignal::new(false);
    Effect::new(move || {
        let page_heading = notice.get().and_then(|div| {
            let main = div.closest("main").ok().flatten()?;
            main.query_selector("h1:not([data-notice])").ok().flatten()
        });
        nested.set(page_heading.is_some());
    });
    let heading = move || {
        if nested.get() {
            view! { <h2>"Something went wrong"</h2> }.into_any()
        } else {
            view! { <h1 data-notice="">"Something went wrong"</h1> }.into_any()
        }
    };
    view! {
        <div class="error-notice" data-testid="error" role="alert" node_ref=notice>
            {heading}
            <p>"This page could not be loaded. Check your connection and try again."</p>
            <ul class="error-details">{messages}</ul>
            <button type="button" data-testid="retry" on:click=move |_| retry()>
                "Try again"
            </button>
        </div>
    }
}
