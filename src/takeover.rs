//! Starting the app, on a prerendered page or on the bare shell.
//!
//! The release build writes every route as static HTML (see `crate::prerender`): the reader sees
//! the page as soon as its HTML and CSS arrive, its links lead to other prerendered pages, and
//! crawlers read it without running anything. `public/boot.js` loads the app after that first
//! paint, and the app then waits for the reader: the first key, pointer press, touch or focus
//! wakes it. Until then it renders nothing, so reading and scrolling a page that is already
//! there never compete with rendering it a second time (on a phone that is hundreds of
//! milliseconds of main thread). Only the search index downloads meanwhile, so the first query
//! finds it there.
//!
//! Woken, the app renders the same route into a hidden container and, once that page has its
//! heading and nothing in it is loading, swaps it in for the prerendered markup in one frame.
//! The two copies have the same markup and styles, so nothing moves, and what the reader started
//! carries over: a clicked link is followed by the app's router (it handles clicks on any link),
//! a pressed button reaches the app's copy of it, and focus and text typed into the search box
//! move to the app's (see [`hand_over_focus`]).
//!
//! On the bare shell (`404.html`, `trunk serve`) the app is shown at once, and on a page whose
//! URL has a query (`/search?q=`, `?highlight=`) it starts at once: the prerendered page cannot
//! show what the query asks for.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::{Element, HtmlElement, HtmlInputElement};

use crate::components::search_box::is_focus_shortcut;
use crate::search_client::provide_search_engine;

/// The element holding the prerendered page, written by the build.
const PRERENDERED_ID: &str = "prerendered";
/// The element the app renders into.
const APP_ID: &str = "app";
/// Show the app after this many frames (about 10 s) even if its page never settles, so a
/// failure the app reports (with its retry button) is not hidden behind the static page.
const MAX_WAIT_FRAMES: u32 = 600;
/// What the reader does that wakes the app.
const WAKE_EVENTS: [&str; 4] = ["keydown", "pointerdown", "touchstart", "focusin"];
/// What can have focus, in document order; the two copies of a page have the same list.
const FOCUSABLE: &str = "a[href], button, input, select, textarea, [tabindex]";

/// Starts the app: at once on the bare shell, else when the reader first does something.
pub fn start() {
    // The root of everything reactive on the page, for its whole life: the search engine lives
    // here rather than in the app, so the index loads while the app sleeps.
    // Before anything reads the address: the router, scroll memory and the canonical link see
    // the page's one path (`/posts/x`), not the file a static host also answers for it.
    canonicalize_address();
    let owner = Owner::new();
    std::mem::forget(owner.clone());
    // Mounting would start the executor; the index's download must not wait for that.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    owner.with(|| provide_search_engine().load_after_first_paint());

    let document = document();
    let Some(body) = document.body() else {
        return;
    };
    let Ok(container) = document.create_element("div") else {
        return;
    };
    container.set_id(APP_ID);
    let Some(prerendered) = document.get_element_by_id(PRERENDERED_ID) else {
        let _ = body.prepend_with_node_1(&container);
        owner.with(|| mount(container));
        mark("live");
        return;
    };
    let _ = container.set_attribute("hidden", "");
    let _ = prerendered.after_with_node_1(&container);
    // (A reader who focused the search box before the app arrived wakes it with the next key;
    // Enter in that box without the app opens `/search?q=` as a plain form.)
    let start_now = has_query();
    let wake = move || {
        forward_button_clicks(&prerendered, &container);
        owner.with(|| mount(container));
        reveal_when_ready(0);
    };
    if start_now {
        wake();
    } else {
        // `<html data-app="ready">`: loaded and waiting (the end-to-end tests wake it).
        mark("ready");
        on_first_interaction(wake);
    }
}

/// Whether the app is rendering over a prerendered page that is still shown. The browser has
/// already put such a page where the reader expects it (the `#anchor`, the position of a
/// reload), so the app's first render must not move it.
pub fn over_prerendered_page() -> bool {
    document().get_element_by_id(PRERENDERED_ID).is_some()
}

/// Replaces `/posts/x.html`, `/posts/x/`, `/index.html` (see [`crate::page_path`]) with the
/// page's path in the address bar, keeping the query, the `#anchor` and the entry's state.
fn canonicalize_address() {
    let window = window();
    let location = window.location();
    let Ok(path) = location.pathname() else {
        return;
    };
    let Some(canonical) = crate::page_path::canonical_path(&path, &crate::api::base_href()) else {
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

fn mount(container: Element) {
    leptos::mount::mount_to(container.unchecked_into(), crate::App).forget();
}

fn has_query() -> bool {
    window()
        .location()
        .search()
        .is_ok_and(|search| search.len() > 1)
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
/// is hidden until the swap, so the key that wakes it focuses the prerendered one instead;
/// [`hand_over_focus`] then moves focus to the app's.
fn focus_search_on_slash(ev: &web_sys::Event) {
    let Some(key) = ev.dyn_ref::<web_sys::KeyboardEvent>() else {
        return;
    };
    let search = document()
        .query_selector("#prerendered input[type=\"search\"]")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<HtmlElement>().ok());
    if let (true, Some(search)) = (is_focus_shortcut(key), search) {
        ev.prevent_default();
        let _ = search.focus();
    }
}

/// A press of a prerendered button (the theme switch) is passed to the app's copy of it.
fn forward_button_clicks(prerendered: &Element, app: &Element) {
    let (scope, app) = (prerendered.clone(), app.clone());
    let on_click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
        let button = ev
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|e| e.closest("button").ok().flatten());
        let twin = button.and_then(|b| twin(&scope, &app, &b, "button"));
        if let Some(twin) = twin.and_then(|t| t.dyn_into::<HtmlElement>().ok()) {
            ev.prevent_default();
            twin.click();
        }
    });
    let _ =
        prerendered.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    // Lives as long as the prerendered page, which the swap removes.
    on_click.forget();
}

/// The element of `to` in the place `element` has among the `selector` matches of `from`.
fn twin(from: &Element, to: &Element, element: &Element, selector: &str) -> Option<Element> {
    let ours = from.query_selector_all(selector).ok()?;
    let index = (0..ours.length()).find(|&i| {
        ours.item(i)
            .is_some_and(|node| node.is_same_node(Some(element.as_ref())))
    })?;
    to.query_selector_all(selector)
        .ok()?
        .item(index)?
        .dyn_into()
        .ok()
}

fn reveal_when_ready(frames: u32) {
    request_animation_frame(move || {
        if frames >= MAX_WAIT_FRAMES || page_ready() {
            reveal();
        } else {
            reveal_when_ready(frames + 1);
        }
    });
}

/// The routed page has drawn its heading (every page has one `h1`, the error notice too) and
/// nothing in it is still loading.
fn page_ready() -> bool {
    let has = |selector: &str| document().query_selector(selector).ok().flatten().is_some();
    has("#app main h1") && !has("#app .loading")
}

fn reveal() {
    let document = document();
    let (Some(prerendered), Some(app)) = (
        document.get_element_by_id(PRERENDERED_ID),
        document.get_element_by_id(APP_ID),
    ) else {
        return;
    };
    let focused = document
        .active_element()
        .filter(|e| prerendered.contains(Some(e)))
        .and_then(|e| twin(&prerendered, &app, &e, FOCUSABLE).map(|twin| (e, twin)));
    let place = ReadingPlace::of(&prerendered);
    prerendered.remove();
    let _ = app.remove_attribute("hidden");
    if let Some((from, to)) = focused {
        hand_over_focus(&from, &to);
    }
    place.restore();
    mark("live");
}

/// Where the reader is on the page, so the swap leaves them there: the `#anchor`'s heading at
/// the same height in the window when the URL names one on the page (a contents link followed
/// before the swap scrolled the prerendered copy to it), else the same scroll position.
struct ReadingPlace {
    scroll_y: f64,
    /// The anchor's id and its distance from the window's top before the swap.
    anchor: Option<(String, f64)>,
}

impl ReadingPlace {
    fn of(prerendered: &Element) -> Self {
        let scroll_y = window().scroll_y().unwrap_or_default();
        let anchor = anchor_id().and_then(|id| {
            let selector = format!("[id=\"{}\"]", id.replace(['\\', '"'], ""));
            let element = prerendered.query_selector(&selector).ok().flatten()?;
            Some((id, element.get_bounding_client_rect().top()))
        });
        Self { scroll_y, anchor }
    }

    fn restore(self) {
        let window = window();
        let moved_anchor = self.anchor.and_then(|(id, top)| {
            let now = document()
                .get_element_by_id(&id)?
                .get_bounding_client_rect()
                .top();
            Some(window.scroll_y().unwrap_or_default() + now - top)
        });
        let y = moved_anchor.unwrap_or(self.scroll_y);
        if window.scroll_y().unwrap_or_default() != y {
            window.scroll_to_with_x_and_y(window.scroll_x().unwrap_or_default(), y);
        }
    }
}

/// The id the URL's `#anchor` names, decoded.
fn anchor_id() -> Option<String> {
    let hash = window().location().hash().ok()?;
    let id = hash.strip_prefix('#').filter(|id| !id.is_empty())?;
    Some(
        js_sys::decode_uri_component(id)
            .ok()
            .and_then(|d| d.as_string())
            .unwrap_or_else(|| id.to_owned()),
    )
}

/// Focus moves to the app's copy of the focused element; text typed into a prerendered field
/// goes with it, and the app hears it as input (the search box then searches).
fn hand_over_focus(from: &Element, to: &Element) {
    if let (Some(from), Some(to)) = (
        from.dyn_ref::<HtmlInputElement>(),
        to.dyn_ref::<HtmlInputElement>(),
    ) {
        let typed = from.value();
        if typed != to.value() {
            to.set_value(&typed);
            let init = web_sys::EventInit::new();
            init.set_bubbles(true);
            if let Ok(input) = web_sys::Event::new_with_event_init_dict("input", &init) {
                let _ = to.dispatch_event(&input);
            }
        }
        // Setting the value put the caret at its end, where the reader was typing.
        let _ = to.focus();
    } else if let Some(to) = to.dyn_ref::<HtmlElement>() {
        // The reader may have scrolled away from it (a contents link leads down the page):
        // focus must not bring it back into view.
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = to.focus_with_options(&options);
    }
}

/// Whether the app owns the page (`<html data-app="live">`): a prerendered copy is gone.
pub fn app_is_live() -> bool {
    document()
        .document_element()
        .is_some_and(|root| root.get_attribute("data-app").as_deref() == Some("live"))
}

/// `<html data-app="…">`: `ready` while the app waits for the reader, `live` once it owns the
/// page (the end-to-end tests wait for these).
fn mark(state: &str) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-app", state);
    }
}
