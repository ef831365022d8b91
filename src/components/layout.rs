//! The frame around every page: skip link, header and footer.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::app_href;
use crate::components::search_box::SearchBox;
use crate::components::site_data::use_site_data;

/// The site header: the author's name linking home. Shows the name as soon as the manifest is
/// there and a neutral placeholder before, so the header never jumps.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let data = use_site_data();
    let name = move || {
        data.manifest
            .get()
            .and_then(|result| result.ok())
            .map(|manifest| manifest.site.author.clone())
            .unwrap_or_default()
    };
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="site-header">
            <nav class="site-nav" aria-label="Site">
                <A href=app_href("/") attr:class="site-title">{name}</A>
            </nav>
            <SearchBox />
        </header>
    }
}

#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>"Written in Markdown, served as static files, rendered by Rust compiled to WebAssembly."</p>
        </footer>
    }
}
