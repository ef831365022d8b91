//! The frame around every page: skip link, header (name, main navigation, search, theme) and
//! footer.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::app_href;
use crate::components::search_box::SearchBox;
use crate::components::site_data::use_site_data;
use crate::components::theme_toggle::ThemeToggle;

/// The site header: the author's name linking home, the main navigation, the search box and the
/// theme switch. Shows the name as soon as the manifest is there and a neutral placeholder
/// before, so the header never jumps.
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
    // As the prerendered header (src/prerender/frame.rs): no "Tags" link on a site without tags.
    let has_tags = move || {
        data.manifest
            .get()
            .and_then(|result| result.ok())
            .is_some_and(|manifest| manifest.has_tags())
    };
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="site-header">
            <A href=app_href("/") attr:class="site-title">{name}</A>
            <nav class="site-nav" aria-label="Main">
                <ul>
                    // Exact: "Tags" is not the current page on a single tag's page.
                    <li><A href=app_href("/archive") exact=true>"Archive"</A></li>
                    <li hidden=move || !has_tags()><A href=app_href("/tags") exact=true>"Tags"</A></li>
                </ul>
            </nav>
            <SearchBox />
            <ThemeToggle />
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
