#![cfg(target_arch = "wasm32")]
//! The reading components mounted in a real DOM (headless Chromium): the older / newer links at
//! the end of an article and the theme switch.
//!
//! Run: `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web_reading`

use std::sync::Arc;

use folio_pages::components::post_nav::PostNav;
use folio_pages::components::theme_toggle::ThemeToggle;
use folio_pages::model::{Manifest, PostSummary};
use leptos::prelude::*;
use leptos_router::components::Router;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

fn container() -> HtmlElement {
    let document = document();
    let div = document
        .create_element("div")
        .unwrap()
        .unchecked_into::<HtmlElement>();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

fn manifest(slugs: &[&str]) -> Arc<Manifest> {
    let posts = slugs
        .iter()
        .map(|slug| PostSummary {
            slug: (*slug).to_owned(),
            title: format!("About {slug}"),
            date: "2024-01-01".to_owned(),
            ..PostSummary::default()
        })
        .collect();
    Arc::new(Manifest {
        posts,
        ..Manifest::default()
    })
}

/// Mounts the post links for `slug`; returns the container.
fn post_nav(manifest: Arc<Manifest>, slug: &str) -> HtmlElement {
    let root = container();
    let slug = slug.to_owned();
    // Kept mounted: the test reads the DOM after this returns.
    leptos::mount::mount_to(root.clone(), move || {
        view! { <Router><PostNav manifest slug /></Router> }
    })
    .forget();
    root
}

/// (href, rel, text) of the link with this test id, if there is one.
fn link(root: &HtmlElement, test_id: &str) -> Option<(String, String, String)> {
    let a = root
        .query_selector(&format!("a[data-testid=\"{test_id}\"]"))
        .unwrap()?;
    Some((
        a.get_attribute("href").unwrap_or_default(),
        a.get_attribute("rel").unwrap_or_default(),
        a.text_content().unwrap_or_default(),
    ))
}

#[wasm_bindgen_test]
fn post_nav_links_the_older_and_newer_posts() {
    let root = post_nav(manifest(&["new", "mid", "old"]), "mid");
    assert_eq!(
        link(&root, "older-post"),
        Some(("/posts/old".into(), "prev".into(), "Older About old".into()))
    );
    assert_eq!(
        link(&root, "newer-post"),
        Some(("/posts/new".into(), "next".into(), "Newer About new".into()))
    );
    let nav = root.query_selector("nav").unwrap().unwrap();
    assert_eq!(
        nav.get_attribute("aria-label").as_deref(),
        Some("More posts")
    );
}

#[wasm_bindgen_test]
fn post_nav_at_either_end_has_one_link() {
    let newest = post_nav(manifest(&["new", "mid", "old"]), "new");
    assert!(link(&newest, "newer-post").is_none());
    assert_eq!(link(&newest, "older-post").unwrap().0, "/posts/mid");
    let oldest = post_nav(manifest(&["new", "mid", "old"]), "old");
    assert!(link(&oldest, "older-post").is_none());
    assert_eq!(link(&oldest, "newer-post").unwrap().0, "/posts/mid");
}

#[wasm_bindgen_test]
fn post_nav_is_absent_for_a_single_post() {
    let root = post_nav(manifest(&["only"]), "only");
    assert!(root.query_selector("nav").unwrap().is_none());
}

fn stored_theme() -> Option<String> {
    window()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item("folio-theme")
        .unwrap()
}

fn page_theme() -> Option<String> {
    document()
        .document_element()
        .unwrap()
        .get_attribute("data-theme")
}

/// Lets the reactive system redraw (its effects run after the current task).
async fn settle() {
    let timeout = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback(&resolve)
            .expect("setTimeout");
    });
    wasm_bindgen_futures::JsFuture::from(timeout)
        .await
        .expect("timeout");
}

#[wasm_bindgen_test]
async fn theme_toggle_switches_stores_and_reports_the_theme() {
    let storage = window().local_storage().unwrap().unwrap();
    storage.remove_item("folio-theme").unwrap();
    let html = document().document_element().unwrap();
    html.remove_attribute("data-theme").unwrap();
    let system_dark = window()
        .match_media("(prefers-color-scheme: dark)")
        .unwrap()
        .unwrap()
        .matches();

    let root = container();
    leptos::mount::mount_to(root.clone(), ThemeToggle).forget();
    let button = root
        .query_selector("button[data-testid=\"theme-toggle\"]")
        .unwrap()
        .unwrap()
        .unchecked_into::<HtmlElement>();
    let pressed = || button.get_attribute("aria-pressed");

    // Before any choice: the system's theme, nothing stored, nothing set on <html>.
    assert_eq!(
        pressed().as_deref(),
        Some(if system_dark { "true" } else { "false" })
    );
    assert_eq!(stored_theme(), None);
    assert_eq!(page_theme(), None);

    button.click();
    settle().await;
    let first = if system_dark { "light" } else { "dark" };
    assert_eq!(page_theme().as_deref(), Some(first));
    assert_eq!(stored_theme().as_deref(), Some(first));
    assert_eq!(
        pressed().as_deref(),
        Some(if system_dark { "false" } else { "true" })
    );

    button.click();
    settle().await;
    let second = if system_dark { "dark" } else { "light" };
    assert_eq!(page_theme().as_deref(), Some(second));
    assert_eq!(stored_theme().as_deref(), Some(second));
    assert_eq!(
        pressed().as_deref(),
        Some(if system_dark { "true" } else { "false" })
    );
    assert_eq!(button.text_content().as_deref(), Some("Dark theme"));

    storage.remove_item("folio-theme").unwrap();
    html.remove_attribute("data-theme").unwrap();
}
