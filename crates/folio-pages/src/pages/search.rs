//! `/search?q=`: ranked results for the query in the URL (the header box edits it).

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::app_href;
use crate::components::page_meta::PageMeta;
use crate::components::search_results::SearchResults;
use crate::components::site_data::WithManifest;
use crate::head_tags::PageInfo;
use crate::search_client::use_search_engine;

#[component]
pub fn SearchPage() -> impl IntoView {
    let params = use_query_map();
    // The results follow the box as it is typed in; the title follows the URL, which catches up.
    let query = use_search_engine().query;
    let url_query = move || params.read().get("q").unwrap_or_default();
    view! {
            <WithManifest render=Arc::new(move |manifest| {
                let author = manifest.site.author.clone();
                let title = move || match url_query().trim() {
                    "" => format!("Search · {author}"),
                    q => format!("“{q}” · Search · {author}"),
                };
                let page = PageInfo::search();
                view! {
                    <PageMeta title=Signal::derive(title) site=&manifest.site page />
                    <section class="search-page">
                        <h1>"Search"</h1>
                        {move || query.with(|q| q.trim().is_empty()).then(|| view! {
                            <p class="empty-hint">
                                "Type in the search box above: every post is searched as you type, "
                                "by title, tags and full text. Press " <kbd>"/"</kbd> " to get there from anywhere."
                            </p>
                        })}
                        // Results carry h3 titles (they sit under "All writing" on the home page):
                        // a heading level between keeps the outline whole here too.
                        <h2 class="visually-hidden">"Results"</h2>
                        <SearchResults manifest=manifest.clone() />
                        // Only the prerendered page fills it: a browser that runs the app never shows
                        // <noscript>, so the wasm carries none of it.
                        <noscript>
    {(!crate::in_browser()).then(|| view! {
                                <NoScriptSearch
                                    base_url=manifest.site.base_url.clone()
                                    has_tags=manifest.has_tags()
                                />
                            })}
                        </noscript>
                    </section>
                }
                .into_any()
            }) />
        }
}

/// Without script the search box's form still leads somewhere: a web search limited to the
/// site (when it has an address), and the lists every post is on.
#[component]
fn NoScriptSearch(base_url: String, has_tags: bool) -> impl IntoView {
    let host = base_url
        .split("://")
        .nth(1)
        .map(|rest| rest.trim_end_matches('/').to_owned())
        .filter(|host| !host.is_empty());
    view! {
        <p class="empty-hint">"Searching as you type needs JavaScript. Every post is listed on the "
            <a href=app_href("/archive")>"archive"</a>
            // A site without tags has no tag pages to point to.
            {has_tags.then(|| view! { " and the " <a href=app_href("/tags")>"tag pages"</a> })}
            "."
        </p>
        {host.map(|host| view! {
            <form class="web-search" action="https://duckduckgo.com/" method="get">
                <input type="hidden" name="sites" value=host />
                <label for="web-search">"Search this site on DuckDuckGo"</label>
                " "
                <input id="web-search" type="search" name="q" />
                " "
                <button type="submit">"Search"</button>
            </form>
        })}
    }
}
