//! Anything no route matches, and posts or tags that do not exist.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::api::app_href;
use crate::components::site_data::use_site_data;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let data = use_site_data();
    let title = move || match data.manifest.get().and_then(|m| m.ok()) {
        Some(manifest) => format!("Page not found · {}", manifest.site.author),
        None => "Page not found".to_owned(),
    };
    view! {
        <Title text=title />
        <section class="not-found" data-testid="not-found">
            <h1>"Page not found"</h1>
            <p>"There is nothing at this address. It may have moved, or the link may be mistyped."</p>
            <p><A href=app_href("/") attr:data-testid="home-link">"Back to the home page"</A></p>
        </section>
    }
}
