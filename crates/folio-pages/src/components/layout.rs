//! The frame around every page: skip link, header (name, main navigation, search, theme) and
//! footer.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::api::app_href;
use crate::components::search_box::SearchBox;
use crate::components::site_data::use_manifest;
use crate::components::theme_toggle::ThemeToggle;

/// "Skip to content", to the page's own `#main`: spelled with the page's path, because a bare
/// `#main` resolves against `<base href>` to the home page (the prerendered page works on its
/// own, before the app routes in-page links).
#[component]
pub fn SkipLink() -> impl IntoView {
    let location = use_location();
    let href = move || format!("{}#main", location.pathname.get());
    view! { <a class="skip-link" href=href>"Skip to content"</a> }
}

/// The site header: the author's name linking home, the main navigation, the search box and the
/// theme switch. No "Tags" link on a site without tags.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let manifest = use_manifest();
    let tags = manifest.has_tags().then(|| {
        view! { <li><A href=app_href("/tags") exact=true>"Tags"</A></li> }
    });
    view! {
        <header class="site-header">
            <A href=app_href("/") attr:class="site-title">{manifest.site.author.clone()}</A>
            <nav class="site-nav" aria-label="Main">
                <ul>
                    // Exact: "Tags" is not the current page on a single tag's page.
                    <li><A href=app_href("/archive") exact=true>"Archive"</A></li>
                    {tags}
                </ul>
            </nav>
            <SearchBox />
            <ThemeToggle />
        </header>
    }
}

/// The site footer, from the site file: the copyright (the years the posts span and the
/// author) and the site's own `footer` line, if it has one. The stylesheet keeps it at the
/// bottom of the window on a short page.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let manifest = use_manifest();
    let copyright = match manifest.copyright_years() {
        Some(years) => format!("\u{a9} {years} {}", manifest.site.author),
        None => format!("\u{a9} {}", manifest.site.author),
    };
    let line = (!manifest.site.footer.is_empty())
        .then(|| view! { <p data-testid="footer-line">{manifest.site.footer.clone()}</p> });
    view! {
        <footer class="site-footer" data-testid="site-footer">
            <p data-testid="copyright">{copyright}</p>
            {line}
        </footer>
    }
}
