//! What the pages and the browser app's takeover (root crate, `takeover.rs`) agree on about the
//! hand-over from a prerendered page to the app.
//!
//! The prerendered page and the app are two direct children of `<body>`, told apart by
//! [`ROOT_ATTR`], never by an id: a post's content may carry any id (`id="app"`), but it is never
//! a child of `<body>` itself.

use leptos::prelude::document;

/// The attribute on the two roots: `data-folio-root="prerendered"` on the page the build wrote,
/// `data-folio-root="app"` on the element the app renders into.
pub const ROOT_ATTR: &str = "data-folio-root";
pub const PRERENDERED: &str = "prerendered";
pub const APP: &str = "app";

/// The direct child of `<body>` with `data-folio-root="<which>"`.
pub fn root(which: &str) -> Option<web_sys::Element> {
    let body = document().body()?;
    let children = body.children();
    (0..children.length())
        .filter_map(|i| children.item(i))
        .find(|child| child.get_attribute(ROOT_ATTR).as_deref() == Some(which))
}

/// Whether the app is rendering over a prerendered page that is still shown. The browser has
/// already put such a page where the reader expects it (the `#anchor`, the position of a
/// reload), so the app's first render must not move it.
pub fn over_prerendered_page() -> bool {
    root(PRERENDERED).is_some()
}

/// Whether the app owns the page (`<html data-app="live">`): a prerendered copy is gone.
pub fn app_is_live() -> bool {
    document()
        .document_element()
        .is_some_and(|root| root.get_attribute("data-app").as_deref() == Some("live"))
}

/// Resolves in a task of its own (a zero timeout): work after it does not lengthen the task
/// before it. The app's start on a page that needs it at once (`/search?q=`) is split this way,
/// so the browser can paint and handle input between its steps (Lighthouse's total blocking
/// time counts each task's length past 50 ms).
pub async fn next_task() {
    let (done, wait) = futures::channel::oneshot::channel::<()>();
    leptos::prelude::set_timeout(
        move || {
            let _ = done.send(());
        },
        std::time::Duration::ZERO,
    );
    let _ = wait.await;
}
