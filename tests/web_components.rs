#![cfg(target_arch = "wasm32")]
//! Components mounted in a real DOM (headless Chromium): what they render is what the pages and
//! the end-to-end tests rely on.
//!
//! Run: `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web_components`

use folio_pages::components::marked_text::marked_text;
use folio_pages::components::post_list::{PostList, TagLinks};
use folio_pages::model::PostSummary;
use leptos::prelude::*;
use leptos_router::components::Router;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh container appended to the document body.
fn container() -> HtmlElement {
    let document = document();
    let div = document
        .create_element("div")
        .unwrap()
        .unchecked_into::<HtmlElement>();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

fn post(slug: &str, title: &str, date: &str) -> PostSummary {
    PostSummary {
        slug: slug.to_owned(),
        title: title.to_owned(),
        date: date.to_owned(),
        ..PostSummary::default()
    }
}

#[wasm_bindgen_test]
fn post_list_renders_links_and_dates_in_order() {
    let root = container();
    let posts = vec![
        post("newer", "A newer post", "2024-05-02"),
        post("older", "An older post", "2019-12-31"),
    ];
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <Router><PostList posts /></Router> }
    });
    let items = root
        .query_selector_all("li[data-testid=\"post-item\"]")
        .unwrap();
    assert_eq!(items.length(), 2);
    let links = root
        .query_selector_all("a[data-testid=\"post-link\"]")
        .unwrap();
    let link = |i| links.item(i).unwrap().unchecked_into::<HtmlElement>();
    assert_eq!(
        link(0).get_attribute("href").as_deref(),
        Some("/posts/newer")
    );
    assert_eq!(link(0).text_content().as_deref(), Some("A newer post"));
    assert_eq!(
        link(1).get_attribute("href").as_deref(),
        Some("/posts/older")
    );
    let time = root.query_selector("time").unwrap().unwrap();
    assert_eq!(
        time.get_attribute("datetime").as_deref(),
        Some("2024-05-02")
    );
    assert_eq!(time.text_content().as_deref(), Some("May 2, 2024"));
}

#[wasm_bindgen_test]
fn marked_text_wraps_exactly_the_given_ranges() {
    let root = container();
    // "Café" holds a two-byte character: ranges are byte ranges on char boundaries.
    let text = "Café caching, cached".to_owned();
    let _handle =
        leptos::mount::mount_to(root.clone(), move || marked_text(&text, &[6..13, 15..21]));
    let marks = root.query_selector_all("mark").unwrap();
    assert_eq!(marks.length(), 2);
    assert_eq!(
        marks.item(0).unwrap().text_content().as_deref(),
        Some("caching")
    );
    assert_eq!(
        marks.item(1).unwrap().text_content().as_deref(),
        Some("cached")
    );
    assert_eq!(root.text_content().as_deref(), Some("Café caching, cached"));
}

#[wasm_bindgen_test]
fn tag_links_lead_to_slug_pages_once_per_page_in_the_posts_spelling() {
    let root = container();
    let tags: Vec<String> = ["ci/cd", "C#", "?q", "Rust", "rust", "Café"]
        .iter()
        .map(|t| (*t).to_owned())
        .collect();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <Router><TagLinks tags test_id="tag-link" /></Router> }
    });
    let links = root
        .query_selector_all("ul.tags a[data-testid=\"tag-link\"]")
        .unwrap();
    let shown: Vec<(String, String)> = (0..links.length())
        .map(|i| {
            let a = links.item(i).unwrap().unchecked_into::<HtmlElement>();
            (
                a.get_attribute("href").unwrap_or_default(),
                a.text_content().unwrap_or_default(),
            )
        })
        .collect();
    let expected = [
        ("/tags/ci-cd", "#ci/cd"),
        ("/tags/c-sharp", "#C#"),
        ("/tags/q", "#?q"),
        // `rust` shares `Rust`'s page: listed once.
        ("/tags/rust", "#Rust"),
        ("/tags/caf%C3%A9", "#Café"),
    ]
    .map(|(h, t)| (h.to_owned(), t.to_owned()));
    assert_eq!(shown, expected);
}
