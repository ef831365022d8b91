//! Scroll and focus when the route changes, the way a multi-page site behaves, with async pages.
//!
//! - A link to another page: the router scrolls to the top as it swaps the page in; once the
//!   page's content has loaded, this scrolls to the URL's `#anchor` if it has one, and moves focus
//!   to the page's `h1`, so a screen reader announces the new page and Tab starts from there.
//! - Back / Forward: the scroll position the entry had ([`scroll_memory`]) comes back once the
//!   content it needs is in the page (the browser's own restoration would run before the content
//!   loads and land short), and focus moves to the `h1` when the page changed.
//! - The first load: nothing moves, except to the `#anchor` of a deep link, or back to where the
//!   reader was on a reload, once the content is there. Over a prerendered page the browser has
//!   done both before the app woke, so nothing moves at all.
//! - In-page links (`#section`, footnotes, the skip link): `<base href>` would resolve them to
//!   the home page; they stay on the page instead.
//!
//! "Loaded" means the app owns the page (`<html data-app="live">`, set by [`crate::takeover`]
//! once it has replaced a prerendered page) and no loading state
//! ([`Loading`](crate::components::status::Loading)) is left in `<main>`. Scrolling is always
//! instant, so `prefers-reduced-motion` has nothing to reduce.

use std::cell::{Cell, RefCell};

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::{Element, HtmlElement};

use crate::components::scroll_memory;

/// How long an arrival waits for the page's content before acting on what is there.
const MAX_WAIT_MS: f64 = 8000.0;

/// Where the window should end up once the page has loaded.
#[derive(Clone, Copy, PartialEq)]
enum Target {
    /// The URL's `#anchor`, if the page has it; else where the router left it (the top).
    Anchor,
    /// A position recorded for the entry, or the anchor / the top when there is none.
    Restore(Option<f64>),
}

thread_local! {
    /// Bumped by every arrival: a pending arrival that sees a newer one gives up.
    static GENERATION: Cell<u32> = const { Cell::new(0) };
    /// While a Back/Forward restore waits, scroll events (the old page going away, the new one
    /// loading) are not the reader's and must not overwrite the position about to be restored.
    static RESTORING: Cell<bool> = const { Cell::new(false) };
    /// The window's path the last time this module looked, to tell a traversal between two
    /// pages from one inside a page (`#footnote` and back).
    static PATH: RefCell<String> = RefCell::new(window_path());
    /// Set by a popstate that changed the path: the route effect that follows is that traversal.
    static TRAVERSED: Cell<bool> = const { Cell::new(false) };
}

/// Wires the behaviour above; render once, inside the `<Router>`.
#[component]
pub fn RouteFocus() -> impl IntoView {
    if !crate::in_browser() {
        return;
    }
    set_scroll_restoration(web_sys::ScrollRestoration::Manual);
    let _scroll = window_event_listener(leptos::ev::scroll, |_| {
        if !RESTORING.get() {
            scroll_memory::record();
        }
    });
    // Leaving the document: a reload, or a Back to it from another site, lands on a prerendered
    // page the app has not woken on yet (`crate::takeover`), so the browser's own restoration
    // must put it back where it was; a page restored from the back/forward cache is still ours.
    let _hide = window_event_listener(leptos::ev::pagehide, |_| {
        scroll_memory::persist();
        set_scroll_restoration(web_sys::ScrollRestoration::Auto);
    });
    let _show = window_event_listener(leptos::ev::pageshow, |_| {
        set_scroll_restoration(web_sys::ScrollRestoration::Manual);
    });
    let _popstate = window_event_listener(leptos::ev::popstate, |_| on_traversal());
    on_fragment_link_click();

    // Route changes: the path, not the query (typing a search edits the query) nor the hash
    // (in-page links, handled by the router). Any URL change may also have replaced the entry's
    // state (and with it the key): the entry gets its key again and its position is recorded,
    // once the router has updated the history.
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        location.search.track();
        location.hash.track();
        if previous.is_some_and(|p| p != path) && !TRAVERSED.replace(false) {
            arrive(Target::Anchor, true);
        }
        request_animation_frame(|| {
            if !RESTORING.get() {
                scroll_memory::record();
            }
        });
        path
    });

    match scroll_memory::saved() {
        // The browser has placed a prerendered page already, and the reader may have scrolled
        // it since: the app's first render moves nothing.
        _ if crate::handover::over_prerendered_page() => {}
        Some(y) => arrive(Target::Restore(Some(y)), false),
        None if !hash().is_empty() => arrive(Target::Anchor, false),
        None => {}
    }
}

fn set_scroll_restoration(mode: web_sys::ScrollRestoration) {
    if let Ok(history) = window().history() {
        let _ = history.set_scroll_restoration(mode);
    }
}

/// Back or Forward (popstate): the browser already shows the entry's URL.
fn on_traversal() {
    let path = window_path();
    let changed_page = PATH.with(|p| p.replace(path.clone())) != path;
    TRAVERSED.set(changed_page);
    arrive(Target::Restore(scroll_memory::saved()), changed_page);
}

/// Waits for the page's content, then scrolls to `target` and, when `focus`, focuses the `h1`.
fn arrive(target: Target, focus: bool) {
    let generation = GENERATION.with(|g| {
        g.set(g.get().wrapping_add(1));
        g.get()
    });
    RESTORING.set(matches!(target, Target::Restore(_)));
    wait_for_content(generation, js_sys::Date::now(), target, focus);
}

fn wait_for_content(generation: u32, started: f64, target: Target, focus: bool) {
    // One frame at least: the router builds the new page in a microtask after the URL changes.
    request_animation_frame(move || {
        if GENERATION.get() != generation {
            return;
        }
        if !is_ready() && js_sys::Date::now() - started < MAX_WAIT_MS {
            wait_for_content(generation, started, target, focus);
            return;
        }
        settle(target, focus);
    });
}

fn settle(target: Target, focus: bool) {
    PATH.with(|p| *p.borrow_mut() = window_path());
    match target {
        Target::Anchor => {
            scroll_to_anchor();
        }
        Target::Restore(Some(y)) => window().scroll_to_with_x_and_y(0.0, y),
        Target::Restore(None) => {
            if !scroll_to_anchor() {
                window().scroll_to_with_x_and_y(0.0, 0.0);
            }
        }
    }
    RESTORING.set(false);
    if focus {
        focus_heading();
    }
}

fn is_ready() -> bool {
    let loading = document()
        .query_selector("main [data-testid=\"loading\"]")
        .ok()
        .flatten()
        .is_some();
    crate::handover::app_is_live() && !loading
}

fn window_path() -> String {
    window().location().pathname().unwrap_or_default()
}

fn hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// The element the URL's `#anchor` names, if the page has it.
fn anchor_target() -> Option<Element> {
    let hash = hash();
    let id = hash.strip_prefix('#').filter(|id| !id.is_empty())?;
    let id = js_sys::decode_uri_component(id)
        .ok()
        .and_then(|d| d.as_string())
        .unwrap_or_else(|| id.to_owned());
    document().get_element_by_id(&id)
}

fn scroll_to_anchor() -> bool {
    match anchor_target() {
        Some(element) => {
            element.scroll_into_view();
            true
        }
        None => false,
    }
}

/// Focuses the page's `h1` (or `<main>` when it has none) without scrolling, unless the reader
/// is typing in a field (the header search box opens `/search` as they type).
fn focus_heading() {
    let document = document();
    let typing = document.active_element().is_some_and(|e| {
        matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
            || e.dyn_ref::<HtmlElement>()
                .is_some_and(|e| e.is_content_editable())
    });
    if typing {
        return;
    }
    let heading = document
        .query_selector("main h1")
        .ok()
        .flatten()
        .or_else(|| document.get_element_by_id("main"));
    if let Some(heading) = heading.and_then(|h| h.dyn_into::<HtmlElement>().ok()) {
        focus_without_scrolling(&heading);
    }
}

/// Whether `link` leads to the page shown (same path and query), only to another place on it.
fn same_page(link: &Element) -> bool {
    let Some(link) = link.dyn_ref::<web_sys::HtmlAnchorElement>() else {
        return false;
    };
    let location = window().location();
    link.pathname() == location.pathname().unwrap_or_default()
        && link.search() == location.search().unwrap_or_default()
}

/// Focuses `element`, making it focusable by script (not by Tab) if it is not already.
pub(crate) fn focus_without_scrolling(element: &HtmlElement) {
    if !element.has_attribute("tabindex") {
        let _ = element.set_attribute("tabindex", "-1");
    }
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = element.focus_with_options(&options);
}

/// In-page links: `href="#…"` (the document's `<base href>` makes the browser, and the router,
/// read them as links to the site's root) and links to this very page with an `#anchor` (the
/// skip link, the article's contents and footnotes, spelled with the page's path so they work
/// before the app runs). Caught before the router sees them, they become a navigation to the
/// same page with the new `#anchor` (the router pushes the entry and scrolls to it); a target
/// that takes focus (the skip link's `<main>`) gets it, as natively.
fn on_fragment_link_click() {
    let navigate = use_navigate();
    let handler = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
        if ev.default_prevented()
            || ev.button() != 0
            || ev.meta_key()
            || ev.ctrl_key()
            || ev.shift_key()
            || ev.alt_key()
        {
            return;
        }
        let link = ev
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|e| e.closest("a[href*=\"#\"]").ok().flatten());
        let Some(link) = link else { return };
        let href = link.get_attribute("href").unwrap_or_default();
        let fragment = match href.find('#') {
            Some(0) => href.clone(),
            Some(at) if same_page(&link) => href[at..].to_owned(),
            _ => return,
        };
        if link.has_attribute("target") || link.has_attribute("download") {
            return;
        }
        ev.prevent_default();
        // A bare "#" is what the sanitiser leaves of an unsafe link: it goes nowhere.
        if fragment == "#" {
            return;
        }
        let location = window().location();
        let here = format!(
            "{}{}{fragment}",
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        );
        let options = NavigateOptions {
            resolve: false,
            ..Default::default()
        };
        navigate(&here, options);
        let focusable = anchor_target()
            .filter(|t| t.has_attribute("tabindex"))
            .and_then(|t| t.dyn_into::<HtmlElement>().ok());
        if let Some(target) = focusable {
            focus_without_scrolling(&target);
        }
    });
    // Capture phase: runs before the router's own (bubbling) click listener on the window. The
    // app lives as long as the page, so the listener does too.
    let _ = window().add_event_listener_with_callback_and_bool(
        "click",
        handler.as_ref().unchecked_ref(),
        true,
    );
    handler.forget();
}
