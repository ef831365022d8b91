//! Starting the app, on a prerendered page or on the bare shell.
//!
//! The release build writes every route as static HTML (see `crate::prerender`): the reader sees
//! the page as soon as the HTML and CSS arrive, and crawlers read it without running anything.
//! The app then renders the same route into a hidden container and, once that page has drawn
//! its heading and nothing in it is loading, swaps it in for the prerendered markup in one
//! frame. The reader never sees a loading line or a blank frame, and as the two versions have the
//! same markup and styles, nothing moves. On the bare shell (`404.html`, `trunk serve`) the app
//! is shown at once.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The element holding the prerendered page, written by the build.
const PRERENDERED_ID: &str = "prerendered";
/// The element the app renders into.
const APP_ID: &str = "app";
/// Show the app after this many frames (about 10 s) even if its page never settles, so a
/// failure the app reports (with its retry button) is not hidden behind the static page.
const MAX_WAIT_FRAMES: u32 = 600;

/// Mounts [`crate::App`] and takes over from the prerendered page when there is one.
pub fn start() {
    let document = document();
    let Some(body) = document.body() else {
        return;
    };
    let Ok(container) = document.create_element("div") else {
        return;
    };
    container.set_id(APP_ID);
    let prerendered = document.get_element_by_id(PRERENDERED_ID);
    if let Some(prerendered) = &prerendered {
        let _ = container.set_attribute("hidden", "");
        let _ = prerendered.after_with_node_1(&container);
    } else {
        let _ = body.prepend_with_node_1(&container);
    }
    leptos::mount::mount_to(container.unchecked_into(), crate::App).forget();
    if prerendered.is_some() {
        reveal_when_ready(0);
    } else {
        mark_live();
    }
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
    let has = |selector: &str| {
        document()
            .query_selector(selector)
            .ok()
            .flatten()
            .is_some()
    };
    has("#app main h1") && !has("#app .loading")
}

fn reveal() {
    let document = document();
    if let Some(prerendered) = document.get_element_by_id(PRERENDERED_ID) {
        prerendered.remove();
    }
    if let Some(app) = document.get_element_by_id(APP_ID) {
        let _ = app.remove_attribute("hidden");
    }
    mark_live();
}

/// `<html data-app="live">`: the app owns the page now (the end-to-end tests wait for it).
fn mark_live() {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-app", "live");
    }
}
