//! Starting the app over a prerendered page.
//!
//! Every route of a built site is static HTML drawn by the same components as the app
//! (`folio_pages`, rendered by `folio-build`): the reader sees the page as soon as its HTML and
//! CSS arrive, its links are ordinary links, and crawlers read it without running anything.
//! `public/boot.js` loads the app after that first paint; the app fetches the manifest and then
//! waits for the reader: the first key, pointer press, touch or focus wakes it. Until then it
//! renders nothing, so reading a page that is already there never competes with rendering it a
//! second time. Only the search index downloads meanwhile.
//!
//! Woken, the app renders the same route into a hidden sibling of the prerendered page and,
//! once that page has its heading and nothing in it is loading, swaps it in, in one frame. The
//! two have the same markup, so nothing moves, and what the reader started carries over
//! ([`crate::takeover::carry_over`]): focus, typed text, caret and selection, open `<details>`,
//! the scroll position. A clicked link is followed by the app's router.
//!
//! It never makes a readable page worse: without the manifest the app does not start (the page
//! and its links stay as they are), and the article the page opened on keeps its prerendered
//! body (the app takes it from the page instead of fetching it).
//!
//! The app starts at once, without waiting for the reader, when the page cannot show what the
//! address asks for: a query (`/search?q=`, `?highlight=`), or a page written for another path
//! (a host that answers unknown paths with `index.html` or `404.html`; `public/theme.js` has
//! hidden its content before the first paint), or text already typed into the search box.

mod carry_over;
mod dom_path;

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use folio_pages::components::search_box::is_focus_shortcut;
use folio_pages::components::site_data::InitialBody;
use folio_pages::handover::{self, APP, PRERENDERED, ROOT_ATTR};
use folio_pages::model::Manifest;
use folio_pages::search_client::provide_search_engine;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};

/// Show the app after this many frames (about 10 s) even if its page never settles.
const MAX_WAIT_FRAMES: u32 = 600;
/// What the reader does that wakes the app.
const WAKE_EVENTS: [&str; 4] = ["keydown", "pointerdown", "touchstart", "focusin"];

/// Starts the app: fetches the manifest, then renders at once or when the reader first does
/// something (see the module's notes).
pub fn start() {
    // Before anything reads the address: the router, scroll memory and the canonical link see
    // the page's one path (`/posts/x`), not the file a static host also answers for it.
    canonicalize_address();
    // The root of everything reactive on the page, for its whole life: the search engine lives
    // here rather than in the app, so the index loads while the app sleeps.
    let owner = Owner::new();
    std::mem::forget(owner.clone());
    // Mounting would start the executor; the downloads must not wait for that.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    owner.with(|| provide_search_engine().load_after_first_paint());
    carry_over::watch_composition();
    carry_over::watch_pointer();

    let Some(prerendered) = handover::root(PRERENDERED) else {
        return;
    };
    let wrong_page = prerendered_for_another_path();
    let start_now = wrong_page || has_query() || typed_into_search(&prerendered);
    spawn_local(async move {
        let manifest = match folio_pages::api::manifest().await {
            Ok(manifest) => manifest,
            Err(error) => return keep_prerendered_page(&prerendered, wrong_page, &error),
        };
        let initial_body = (!wrong_page).then(|| body_on_page(&prerendered)).flatten();
        let wake = move || {
            let container = app_container(&prerendered);
            carry_over::forward_button_clicks(&prerendered, &container);
            owner.with(|| mount(container, manifest, initial_body));
            reveal_when_ready(0);
        };
        if start_now {
            // Reading the manifest was one task; drawing the page is the next.
            handover::next_task().await;
            wake();
        } else {
            // `<html data-app="ready">`: loaded and waiting (the end-to-end tests wake it).
            mark("ready");
            on_first_interaction(wake);
        }
    });
}

/// Replaces `/posts/x.html`, `/posts/x/`, `/index.html` (see [`folio_pages::page_path`]) with
/// the page's path in the address bar, keeping the query, the `#anchor` and the entry's state.
fn canonicalize_address() {
    let window = window();
    let location = window.location();
    let Ok(path) = location.pathname() else {
        return;
    };
    let base = folio_pages::api::base_href();
    let Some(canonical) = folio_pages::page_path::canonical_path(&path, &base) else {
        return;
    };
    let url = format!(
        "{canonical}{}{}",
        location.search().unwrap_or_default(),
        location.hash().unwrap_or_default()
    );
    if let Ok(history) = window.history() {
        let state = history.state().unwrap_or(wasm_bindgen::JsValue::NULL);
        let _ = history.replace_state_with_url(&state, "", Some(&url));
    }
}

/// Whether the prerendered page was written for another path than the address (a host that
/// rewrote an unknown path to `index.html` or `404.html`): `<html data-folio-elsewhere>`, set by
/// `public/theme.js` before the first paint, which also hid the page's content.
fn prerendered_for_another_path() -> bool {
    document()
        .document_element()
        .is_some_and(|root| root.has_attribute("data-folio-elsewhere"))
}

fn has_query() -> bool {
    window()
        .location()
        .search()
        .is_ok_and(|search| search.len() > 1)
}

/// Whether the reader has typed into the prerendered search box, or is in it, before the app
/// arrived: their text is searched as soon as it can be.
fn typed_into_search(prerendered: &Element) -> bool {
    let Some(input) = search_input(prerendered) else {
        return false;
    };
    let focused = document()
        .active_element()
        .is_some_and(|e| e.is_same_node(Some(input.as_ref())));
    focused || !input.value().is_empty()
}

fn search_input(root: &Element) -> Option<HtmlInputElement> {
    root.query_selector("input[type=\"search\"]")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into().ok())
}

/// The article body the prerendered page shows, when it is an article.
fn body_on_page(prerendered: &Element) -> Option<InitialBody> {
    let body = prerendered
        .query_selector("[data-testid=\"article-body\"]")
        .ok()
        .flatten()?;
    let slug = prerendered
        .query_selector("[data-testid=\"article\"]")
        .ok()
        .flatten()?
        .get_attribute("data-slug")?;
    Some(InitialBody {
        slug,
        html: body.inner_html(),
    })
}

/// Without the manifest the app cannot draw anything: the prerendered page stays, with its
/// links as ordinary links. A page written for another path has nothing to show instead, so
/// it says what failed.
fn keep_prerendered_page(prerendered: &Element, wrong_page: bool, error: &impl std::fmt::Display) {
    mark("failed");
    if !wrong_page {
        return;
    }
    if let Some(main) = prerendered.query_selector("main").ok().flatten() {
        main.set_inner_html("");
        let document = document();
        if let (Ok(heading), Ok(text)) =
            (document.create_element("h1"), document.create_element("p"))
        {
            heading.set_text_content(Some("This page could not be loaded"));
            text.set_text_content(Some(&error.to_string()));
            let _ = main.append_with_node_2(&heading, &text);
        }
    }
    if let Some(root) = document().document_element() {
        let _ = root.remove_attribute("data-folio-elsewhere");
    }
}

fn app_container(prerendered: &Element) -> Element {
    let container = document().create_element("div").expect("a div");
    let _ = container.set_attribute(ROOT_ATTR, APP);
    let _ = container.set_attribute("hidden", "");
    let _ = prerendered.after_with_node_1(&container);
    container
}

fn mount(container: Element, manifest: Arc<Manifest>, initial_body: Option<InitialBody>) {
    leptos::mount::mount_to(container.unchecked_into(), move || {
        view! { <folio_pages::App manifest initial_body /> }
    })
    .forget();
}

/// Runs `wake` once, on the first of [`WAKE_EVENTS`], and stops listening.
fn on_first_interaction(wake: impl FnOnce() + 'static) {
    let wake = Rc::new(RefCell::new(Some(wake)));
    let handles = Rc::new(RefCell::new(Vec::<WindowListenerHandle>::new()));
    for name in WAKE_EVENTS {
        let wake = wake.clone();
        let all = handles.clone();
        let handle = window_event_listener_untyped(name, move |ev| {
            // Taken first: waking focuses elements, which fires `focusin` right here again.
            let Some(wake) = wake.borrow_mut().take() else {
                return;
            };
            focus_search_on_slash(&ev);
            wake();
            for handle in all.borrow_mut().drain(..) {
                handle.remove();
            }
        });
        handles.borrow_mut().push(handle);
    }
}

/// `/` focuses the search box (the app's shortcut, see `components::search_box`). The app's box
/// is hidden until the swap, so the key that wakes it focuses the prerendered one instead; the
/// swap then moves focus to the app's.
fn focus_search_on_slash(ev: &web_sys::Event) {
    let Some(key) = ev.dyn_ref::<web_sys::KeyboardEvent>() else {
        return;
    };
    let search = handover::root(PRERENDERED)
        .and_then(|root| search_input(&root))
        .map(|input| input.unchecked_into::<HtmlElement>());
    if let (true, Some(search)) = (is_focus_shortcut(key), search) {
        ev.prevent_default();
        let _ = search.focus();
    }
}

fn reveal_when_ready(frames: u32) {
    request_animation_frame(move || {
        let ready = page_ready() && !carry_over::composing() && !carry_over::pointer_down();
        if frames >= MAX_WAIT_FRAMES || ready {
            reveal();
        } else {
            reveal_when_ready(frames + 1);
        }
    });
}

/// The routed page has drawn its heading (every page has one `h1`) and nothing in it is still
/// loading.
fn page_ready() -> bool {
    let Some(app) = handover::root(APP) else {
        return false;
    };
    let has = |selector: &str| app.query_selector(selector).ok().flatten().is_some();
    has("main h1") && !has(".loading")
}

fn reveal() {
    let (Some(prerendered), Some(app)) = (handover::root(PRERENDERED), handover::root(APP)) else {
        return;
    };
    let carried = carry_over::Carried::take(&prerendered, &app);
    prerendered.remove();
    let _ = app.remove_attribute("hidden");
    if let Some(root) = document().document_element() {
        let _ = root.remove_attribute("data-folio-elsewhere");
    }
    carried.restore(&app);
    mark("live");
}

/// `<html data-app="…">`: `ready` while the app waits for the reader, `live` once it owns the
/// page, `failed` when it could not start (the end-to-end tests wait for these).
fn mark(state: &str) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-app", state);
    }
}
