//! The search box in the site header, on every page.
//!
//! The query lives in the URL: typing on any page shows the results on `/search?q=` (on
//! `/search` it updates them, elsewhere the first keystroke opens the page), with the tag filter
//! beside it (`&tag=`). Typing replaces the history entry, so Back returns to where the reader
//! was before searching. What the pages search is
//! [`crate::search_client::SearchEngine::query`], which typing sets before the URL.
//!
//! The home page once filtered its "All writing" list in place, far below the fold where typing
//! changed nothing visible. It now opens `/search` like every other page, as PaperMod's search
//! page and the results panel Pagefind's UI opens under its box do: the results appear right
//! under the box the reader is typing in, the same way on every page (a `/?q=` link still
//! filters the list).
//! Keys: `/` focuses the box from anywhere, Esc clears it (and in an empty box leaves it), ↓
//! moves into the results (where Esc comes back to the box).

use leptos::ev;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

use crate::api::app_href;
use crate::search_client::use_search_engine;

/// Whether `path` (the full URL path) is the results page.
fn is_results_page(path: &str) -> bool {
    path.trim_end_matches('/').ends_with("/search")
}

/// `/search?q=a%20b&tag=jvm`: `path` with the query and the tag filter (a slug), each left out
/// when empty.
pub fn query_href(path: &str, query: &str, tag: Option<&str>) -> String {
    let encode = |s: &str| String::from(js_sys::encode_uri_component(s));
    let mut params = Vec::new();
    if !query.is_empty() {
        params.push(format!("q={}", encode(query)));
    }
    if let Some(tag) = tag.filter(|t| !t.is_empty()) {
        params.push(format!("tag={}", encode(tag)));
    }
    if params.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{}", params.join("&"))
    }
}

/// Whether a key press is the shortcut that focuses the search box: `/` anywhere but in a text
/// field, as on GitHub, MDN and mdBook.
pub fn is_focus_shortcut(ev: &web_sys::KeyboardEvent) -> bool {
    let in_field = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|e| matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
    ev.key() == "/" && !ev.ctrl_key() && !ev.meta_key() && !ev.alt_key() && !in_field
}

/// Moves focus to the first result link of the page's results list, if there is one.
pub fn focus_first_result() -> bool {
    let first = document()
        .query_selector("[data-testid=\"search-results\"] a")
        .ok()
        .flatten();
    match first.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        Some(link) => link.focus().is_ok(),
        None => false,
    }
}

#[component]
pub fn SearchBox() -> impl IntoView {
    let engine = use_search_engine();
    let location = use_location();
    let url_query = use_query_map();
    let navigate = use_navigate();
    let input = NodeRef::<leptos::html::Input>::new();

    // Typing sets the query at once (results follow in the same task); the URL catches up
    // after the frame is painted, since a router navigation re-runs everything that depends on
    // the URL and the results need not wait for that. Fast typing replaces the URL once.
    let url_behind = StoredValue::new(false);
    let set_url = move |text: &str, replace: bool| {
        let path = location.pathname.get_untracked();
        // The base is added here rather than by the router, which would drop the home page's
        // trailing slash (`/blog?q=` instead of `/blog/?q=`).
        let options = NavigateOptions {
            replace,
            scroll: false,
            resolve: false,
            ..Default::default()
        };
        // The tag filter stays while the reader refines the query on the results page.
        let tag = is_results_page(&path)
            .then(|| url_query.read_untracked().get("tag"))
            .flatten();
        let href = query_href(&app_href("/search"), text, tag.as_deref());
        navigate(&href, options);
    };
    let go = move |text: String| {
        let path = location.pathname.get_untracked();
        // On the results page typing replaces the history entry; elsewhere the first keystroke
        // opens the results, pushing one entry so Back returns here.
        let on_results = is_results_page(&path);
        engine.query.set(text.clone());
        if !on_results {
            set_url(&text, false);
        } else if !url_behind.get_value() {
            url_behind.set_value(true);
            let set_url = set_url.clone();
            request_animation_frame(move || {
                set_timeout(
                    move || {
                        url_behind.set_value(false);
                        set_url(&engine.query.get_untracked(), true);
                    },
                    std::time::Duration::ZERO,
                )
            });
        }
    };

    // The URL sets the query when the reader navigates (a shared link, Back, leaving the
    // results), but not while it is only catching up with what was typed. After a navigation
    // it does so in a task of its own: a page being left must be gone first, not answer one
    // more query while it is taken down.
    let url_text = move || url_query.read().get("q").unwrap_or_default();
    let follow_url = move |text: String| {
        if !url_behind.get_value() && engine.query.get_untracked() != text {
            engine.query.set(text);
        }
    };
    follow_url(url_query.read_untracked().get("q").unwrap_or_default());
    Effect::new(move |_| {
        let text = url_text();
        set_timeout(move || follow_url(text), std::time::Duration::ZERO);
    });

    if crate::in_browser() {
        let _slash = window_event_listener(ev::keydown, move |ev| {
            if is_focus_shortcut(&ev) {
                if let Some(input) = input.get() {
                    ev.prevent_default();
                    let _ = input.focus();
                }
            }
        });
    }

    let on_keydown = {
        let go = go.clone();
        move |ev: ev::KeyboardEvent| match ev.key().as_str() {
            // Esc clears a query, and an empty box hands the focus to the page's content (its
            // keys, such as Space to scroll, work again), where it stays in view.
            "Escape" => {
                ev.prevent_default();
                if !engine.query.get_untracked().is_empty() {
                    go(String::new());
                } else if let Some(main) = document()
                    .get_element_by_id("main")
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    crate::components::route_focus::focus_without_scrolling(&main);
                }
            }
            "ArrowDown" if focus_first_result() => ev.prevent_default(),
            _ => {}
        }
    };

    view! {
        <form class="search-box" role="search" action="search" on:submit=|ev| ev.prevent_default()>
            <label for="site-search" class="visually-hidden">"Search posts"</label>
            <input
                id="site-search"
                node_ref=input
                type="search"
                name="q"
                placeholder="Search  /"
                autocomplete="off"
                spellcheck="false"
                prop:value=move || engine.query.get()
                on:focus=move |_| engine.start_loading()
                on:input=move |ev| go(event_target_value(&ev))
                on:keydown=on_keydown
            />
        </form>
    }
}
