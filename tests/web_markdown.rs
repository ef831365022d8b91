#![cfg(target_arch = "wasm32")]
//! The renderer's output in a real DOM (headless Chromium): the structure the app relies on is
//! there, allowlisted raw HTML becomes elements, and nothing in the raw HTML runs. The pipeline
//! renders at build time; the app injects that HTML after marking search words and spelling out
//! in-page links (`folio_pages::html_text`), which is checked here on the DOM too.
//!
//! Run: `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web_markdown`

use folio_markdown::{options, render_article};
use folio_pages::html_text::{mark_terms, rewrite_fragment_links};
use folio_pages::search::stem;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Document, Element, Window};

wasm_bindgen_test_configure!(run_in_browser);

/// The Markdown under test; `GLOBAL` is replaced by the name of the global its attacks set.
const ARTICLE: &str = r#"## Some id

| Crate | Downloads |
|-------|----------:|
| serde | many |

A claim.[^source]

<script>window.GLOBAL = 1</script>

Inline <img src=x onerror="window.GLOBAL = 1"> image, and <sup>fine</sup> markup.

<img src=x onerror="window.GLOBAL = 1">

<details open ontoggle="window.GLOBAL = 1"><summary onclick="window.GLOBAL = 1">More</summary>
<table style="color: red"><tr><td colspan=2 onmouseover="window.GLOBAL = 1">cell</td></tr></table>
<a href="java&#x09;script:window.GLOBAL = 1">link</a> <svg><script>window.GLOBAL = 1</script></svg>
</details>

[^source]: Where the claim comes from.
"#;

fn window() -> Window {
    web_sys::window().expect("a window")
}

fn document() -> Document {
    window().document().expect("a document")
}

/// Puts `html` into a fresh `<div>` appended to `document.body`, as the app does.
fn mount(html: &str) -> Element {
    let container = document().create_element("div").unwrap();
    container.set_inner_html(html);
    document()
        .body()
        .expect("a body")
        .append_child(&container)
        .unwrap();
    container
}

fn global(name: &str) -> JsValue {
    js_sys::Reflect::get(&window(), &JsValue::from_str(name)).unwrap()
}

/// Waits `ms` milliseconds on the browser's event loop (so image errors can fire).
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

fn select(container: &Element, selector: &str) -> Option<Element> {
    container.query_selector(selector).unwrap()
}

/// Calls `f` on every element below `root`, depth first.
fn walk(root: &Element, f: &mut impl FnMut(&Element)) {
    let mut child = root.first_element_child();
    while let Some(element) = child {
        f(&element);
        walk(&element, f);
        child = element.next_element_sibling();
    }
}

#[wasm_bindgen_test]
async fn rendered_markdown_has_its_structure_and_runs_no_raw_html() {
    // Control: pulldown-cmark's unsanitised output does run the attack in this browser, so the
    // check on `__pwned` below is meaningful (and we know how long an image error takes).
    let mut unsafe_html = String::new();
    let control = ARTICLE.replace("GLOBAL", "__control");
    pulldown_cmark::html::push_html(
        &mut unsafe_html,
        pulldown_cmark::Parser::new_ext(&control, options()),
    );
    let unsafe_container = mount(&unsafe_html);

    let rendered = render_article(&ARTICLE.replace("GLOBAL", "__pwned"));
    let container = mount(&rendered.html);

    // Let any `onerror` fire: wait until the control's has (at most ~3 s), then a bit more.
    for _ in 0..60 {
        if !global("__control").is_undefined() {
            break;
        }
        sleep(50).await;
    }
    sleep(100).await;
    assert!(
        !global("__control").is_undefined(),
        "control: unsanitised onerror never ran, so this test could not see an attack"
    );
    unsafe_container.remove();

    // Nothing ran.
    assert!(
        global("__pwned").is_undefined(),
        "raw HTML ran: __pwned is set"
    );
    assert!(
        select(&container, "script").is_none(),
        "a <script> element exists"
    );
    assert!(
        select(&container, "svg").is_none(),
        "an <svg> element exists"
    );
    // No element anywhere in the container carries an event handler.
    let mut elements = 0;
    walk(&container, &mut |element| {
        elements += 1;
        for name in element.get_attribute_names().iter() {
            let name = name.as_string().unwrap_or_default().to_ascii_lowercase();
            assert!(
                !name.starts_with("on"),
                "<{}> has {name}",
                element.tag_name()
            );
        }
    });
    assert!(elements > 20, "only {elements} elements");
    // The script's text is gone with it.
    let text = container.text_content().unwrap_or_default();
    assert!(
        !text.contains("GLOBAL") && !text.contains("__pwned"),
        "{text}"
    );

    // Allowlisted raw HTML is markup: both images (without their handler, lazy), the details
    // with its summary, the table cell; the link's `javascript:` URL is dropped and the link too.
    let inline_img = select(&container, "p > img[src='x'][loading='lazy']").expect("inline <img>");
    assert!(!inline_img.has_attribute("onerror"));
    assert!(
        select(&container, ":scope > img[src='x'][decoding='async']").is_some(),
        "block <img>"
    );
    let details = select(&container, "details[open] > summary").expect("details > summary");
    assert_eq!(details.text_content().unwrap(), "More");
    let cell = select(&container, "details table td[colspan='2']").expect("a raw table cell");
    assert_eq!(cell.text_content().unwrap(), "cell");
    assert!(!cell.has_attribute("style") && select(&container, "details table[style]").is_none());
    // Its URL refused, the link is its text alone: no `<a>` that goes nowhere.
    assert!(
        select(&container, "details a").is_none(),
        "a link without its URL"
    );
    let details_text = select(&container, "details")
        .and_then(|d| d.text_content())
        .unwrap_or_default();
    assert!(details_text.contains("link"), "{details_text}");
    assert_eq!(
        select(&container, "p > sup:not(.footnote-reference)")
            .unwrap()
            .text_content()
            .unwrap(),
        "fine"
    );

    // The table sits in its scroll wrapper.
    let table = select(&container, ".table-wrap > table").expect("a table inside .table-wrap");
    let cell = select(&table, "tbody td:last-child").expect("a body cell");
    assert_eq!(cell.text_content().unwrap(), "many");

    // The heading has its slug id and a link to itself, and the headings list agrees.
    let heading = select(&container, "h2#some-id").expect("h2#some-id");
    assert_eq!(heading.text_content().unwrap(), "Some id #");
    assert!(select(&heading, "a.heading-anchor[href='#some-id']").is_some());
    assert_eq!(rendered.headings.len(), 1);
    assert_eq!(rendered.headings[0].id, "some-id");

    // The footnote reference points to an element that exists: the definition.
    let link = select(&container, "sup.footnote-reference > a").expect("a footnote reference");
    let href = link.get_attribute("href").unwrap();
    let id = href.strip_prefix('#').expect("an in-page link");
    let definition = document()
        .get_element_by_id(id)
        .expect("the footnote definition");
    assert!(container.contains(Some(&definition)));
    assert_eq!(definition.class_name(), "footnote-definition");
    assert!(definition
        .text_content()
        .unwrap()
        .contains("Where the claim comes from."));

    container.remove();
}

/// A post with a table of contents, a footnote and words to mark, as the app shows it.
const NAVIGABLE: &str = r#"Cleaning starts here.[^why]

## The cleaner {#cleaner}

The `cleaner` runs <abbr title="cleaner thread">often</abbr>.

### Inside the cleaner

Text.

## Last

[^why]: Because the cleaner said so.
"#;

#[wasm_bindgen_test]
fn marked_and_relinked_html_keeps_its_structure_in_the_dom() {
    let terms = vec![stem("cleaner").into_owned()];
    let html = rewrite_fragment_links(
        &mark_terms(&render_article(NAVIGABLE).html, &terms),
        "/blog/posts/navigable",
    );
    let container = mount(&html);

    // The table of contents lists the three headings, nested, each link to an existing id on
    // this article's own path.
    let links = container
        .query_selector_all("nav.toc[aria-label='Contents'] a")
        .unwrap();
    let mut targets = Vec::new();
    for i in 0..links.length() {
        let link: Element = links.get(i).unwrap().dyn_into().unwrap();
        let href = link.get_attribute("href").unwrap();
        let id = href
            .strip_prefix("/blog/posts/navigable#")
            .unwrap_or_else(|| panic!("{href}"));
        assert!(
            select(&container, &format!("[id='{id}']")).is_some(),
            "{id}"
        );
        targets.push(id.to_owned());
    }
    assert_eq!(targets, ["cleaner", "inside-the-cleaner", "last"]);
    assert!(select(
        &container,
        "nav.toc > ol > li > ol > li > a[href$='#inside-the-cleaner']"
    )
    .is_some());

    // Heading anchors and the footnote reference point at this article too.
    let anchor = select(&container, "h3 > a.heading-anchor").expect("an anchor");
    assert_eq!(
        anchor.get_attribute("href").as_deref(),
        Some("/blog/posts/navigable#inside-the-cleaner")
    );
    assert_eq!(
        anchor.get_attribute("aria-label").as_deref(),
        Some("Link to this section: Inside the cleaner")
    );
    let note = select(&container, "sup.footnote-reference > a").expect("a footnote link");
    assert_eq!(
        note.get_attribute("href").as_deref(),
        Some("/blog/posts/navigable#why")
    );

    // Marks are elements around the words, in text and code, never in the table of contents,
    // and attributes are untouched.
    let marks = container.query_selector_all("mark").unwrap();
    let mut marked = Vec::new();
    for i in 0..marks.length() {
        marked.push(marks.get(i).unwrap().text_content().unwrap());
    }
    // Heading, inline code, sub-heading, footnote; "Cleaning" is another word ("clean").
    assert_eq!(marked, ["cleaner", "cleaner", "cleaner", "cleaner"]);
    assert!(select(&container, "nav mark").is_none());
    assert!(select(&container, "code > mark").is_some());
    assert_eq!(
        select(&container, "abbr")
            .unwrap()
            .get_attribute("title")
            .as_deref(),
        Some("cleaner thread")
    );
    container.remove();
}
