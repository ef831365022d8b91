//! What the reader started on the prerendered page, carried over to the app's copy at the swap:
//! focus, the search box's text with its caret and selection, a text selection in the page,
//! open `<details>`, and the reading position.
//!
//! Elements and points in text are found in the app's copy by their place (`super::dom_path`).

use std::cell::Cell;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};

use super::dom_path::{at_path, path_of, restore_selection, text_point, TextPoint};

thread_local! {
    /// An input method is composing (CJK input): the swap waits, or the reader's
    /// half-composed word would be lost with the element it lives in.
    static COMPOSING: Cell<bool> = const { Cell::new(false) };
    /// A mouse button, finger or pen is down: the swap waits for its release. A click goes to
    /// the element that both the press and the release hit; were the press's element (in the
    /// prerendered page) gone by the release, the reader's first click would be lost.
    static POINTER_DOWN: Cell<bool> = const { Cell::new(false) };
}

/// Follows composition on the whole page, from the app's start.
pub fn watch_composition() {
    let start = window_event_listener_untyped("compositionstart", |_| COMPOSING.set(true));
    let end = window_event_listener_untyped("compositionend", |_| COMPOSING.set(false));
    std::mem::forget((start, end));
}

pub fn composing() -> bool {
    COMPOSING.get()
}

/// Follows pointer presses on the whole page, from the app's start. The release clears it:
/// the browser dispatches the click in the same task as the release, before any frame, so a
/// swap in the next frame cannot come between the two.
pub fn watch_pointer() {
    let down = window_event_listener_untyped("pointerdown", |_| POINTER_DOWN.set(true));
    let up = window_event_listener_untyped("pointerup", |_| POINTER_DOWN.set(false));
    let cancel = window_event_listener_untyped("pointercancel", |_| POINTER_DOWN.set(false));
    std::mem::forget((down, up, cancel));
}

pub fn pointer_down() -> bool {
    POINTER_DOWN.get()
}

/// A text field's text, caret and selection.
struct Field {
    text: String,
    start: Option<u32>,
    end: Option<u32>,
    direction: Option<String>,
}

pub struct Carried {
    focus: Option<Vec<u32>>,
    field: Option<Field>,
    selection: Option<(TextPoint, TextPoint)>,
    open_details: Vec<bool>,
    scroll_y: f64,
    /// The `#anchor`'s id and its distance from the window's top before the swap.
    anchor: Option<(String, f64)>,
}

impl Carried {
    /// Reads the reader's state off the prerendered page, about to be replaced by `app`.
    pub fn take(prerendered: &Element, app: &Element) -> Self {
        let document = document();
        let active = document
            .active_element()
            .filter(|e| prerendered.contains(Some(e)));
        let field = active
            .as_ref()
            .and_then(|e| e.dyn_ref::<HtmlInputElement>())
            .map(|input| Field {
                text: input.value(),
                start: input.selection_start().ok().flatten(),
                end: input.selection_end().ok().flatten(),
                direction: input.selection_direction().ok().flatten(),
            });
        let selection = window()
            .get_selection()
            .ok()
            .flatten()
            .filter(|s| s.range_count() > 0 && !s.is_collapsed())
            .and_then(|s| s.get_range_at(0).ok())
            .and_then(|range| {
                let start = text_point(
                    prerendered,
                    &range.start_container().ok()?,
                    range.start_offset().ok()?,
                )?;
                let end = text_point(
                    prerendered,
                    &range.end_container().ok()?,
                    range.end_offset().ok()?,
                )?;
                Some((start, end))
            });
        let scroll_y = window().scroll_y().unwrap_or_default();
        let anchor = anchor_id().and_then(|id| {
            let selector = format!("[id=\"{}\"]", id.replace(['\\', '"'], ""));
            let element = prerendered.query_selector(&selector).ok().flatten()?;
            Some((id, element.get_bounding_client_rect().top()))
        });
        // Only while both show the same page: a link the reader followed took the app elsewhere.
        let same_page = same_page(prerendered, app);
        Carried {
            focus: active
                .as_ref()
                .filter(|_| same_page)
                .and_then(|e| path_of(prerendered, e)),
            field,
            selection: selection.filter(|_| same_page),
            open_details: if same_page {
                details_open(prerendered)
            } else {
                Vec::new()
            },
            scroll_y,
            anchor: anchor.filter(|_| same_page),
        }
    }

    /// Puts it back on the app's page, now shown.
    pub fn restore(self, app: &Element) {
        for (details, open) in app_details(app)
            .into_iter()
            .zip(self.open_details.iter().copied())
        {
            if details.has_attribute("open") != open {
                let _ = details.toggle_attribute_with_force("open", open);
            }
        }
        self.restore_place(app);
        let focused = self.focus.as_ref().and_then(|path| at_path(app, path));
        if let Some(to) = focused {
            match (to.dyn_ref::<HtmlInputElement>(), self.field) {
                (Some(input), Some(field)) => restore_field(input, field),
                _ => {
                    if let Some(to) = to.dyn_ref::<HtmlElement>() {
                        focus_without_scrolling(to);
                    }
                }
            }
        }
        if let Some((start, end)) = self.selection {
            restore_selection(app, &start, &end);
        }
    }

    fn restore_place(&self, app: &Element) {
        let window = window();
        let moved_anchor = self.anchor.as_ref().and_then(|(id, top)| {
            let selector = format!("[id=\"{}\"]", id.replace(['\\', '"'], ""));
            let now = app
                .query_selector(&selector)
                .ok()
                .flatten()?
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

/// Whether the app's copy shows the page the prerendered one does (same route: the first
/// heading's text agrees).
fn same_page(prerendered: &Element, app: &Element) -> bool {
    let heading = |root: &Element| {
        root.query_selector("main h1")
            .ok()
            .flatten()
            .and_then(|h| h.text_content())
    };
    heading(prerendered) == heading(app)
}

/// Text typed into a prerendered field goes with the focus, and the app hears it as input (the
/// search box then searches); caret and selection stay where the reader left them.
fn restore_field(input: &HtmlInputElement, field: Field) {
    if field.text != input.value() {
        input.set_value(&field.text);
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        if let Ok(event) = web_sys::Event::new_with_event_init_dict("input", &init) {
            let _ = input.dispatch_event(&event);
        }
    }
    focus_without_scrolling(input);
    if let (Some(start), Some(end)) = (field.start, field.end) {
        let direction = field.direction.as_deref().unwrap_or("none");
        let _ = input.set_selection_range_with_direction(start, end, direction);
    }
}

fn focus_without_scrolling(element: &HtmlElement) {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = element.focus_with_options(&options);
}

fn details_open(root: &Element) -> Vec<bool> {
    app_details(root)
        .iter()
        .map(|d| d.has_attribute("open"))
        .collect()
}

fn app_details(root: &Element) -> Vec<Element> {
    let Ok(list) = root.query_selector_all("details") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .collect()
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

/// A press of a prerendered button (the theme switch) is passed to the app's copy of it.
pub fn forward_button_clicks(prerendered: &Element, app: &Element) {
    let (scope, app) = (prerendered.clone(), app.clone());
    let on_click = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::MouseEvent)>::new(
        move |ev: web_sys::MouseEvent| {
            let button = ev
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|e| e.closest("button").ok().flatten());
            let twin = button
                .and_then(|b| path_of(&scope, &b))
                .and_then(|path| at_path(&app, &path))
                .and_then(|t| t.dyn_into::<HtmlElement>().ok());
            if let Some(twin) = twin {
                ev.prevent_default();
                twin.click();
            }
        },
    );
    let _ =
        prerendered.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    // Lives as long as the prerendered page, which the swap removes.
    on_click.forget();
}
