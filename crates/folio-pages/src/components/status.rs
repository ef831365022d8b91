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

/// What failed, and a button that retries.
#[component]
pub fn ErrorNotice(
    /// What failed, as the fetch helpers put it (the URL and the status or reason).
    message: String,
    /// Called when the reader presses "Try again": typically a resource's `refetch`.
    retry: impl Fn() + Send + Sync + 'static,
    /// The failed part sits under the page's own `h1` (an article's body under its title): the
    /// notice heading is then an `h2`, so the page keeps one `h1`.
    #[prop(optional)]
    within_page: bool,
) -> impl IntoView {
    view! {
        <div class="error-notice" data-testid="error" role="alert">
            {if within_page {
                view! { <h2>"Something went wrong"</h2> }.into_any()
            } else {
                view! { <h1>"Something went wrong"</h1> }.into_any()
            }}
            <p>"This part of the page could not be loaded."</p>
            <ul class="error-details"><li>{message}</li></ul>
            <button type="button" data-testid="retry" on:click=move |_| retry()>
                "Try again"
            </button>
        </div>
    }
}
