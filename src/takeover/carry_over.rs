//! What the reader started on the prerendered page, carried over to the app's copy at the swap:
//! focus, the search box's text with its caret and selection, a text selection in the page,
//! open `<details>`, and the reading position.
//!
//! The two copies are drawn by the same components, so an element of one has its twin at the
//! same place among the other's elements. Text nodes may be split differently (the prerendered
//! HTML can hold comment markers between texts), so a point in text is carried as its element's
//! path plus a count of characters into that element.

use std::cell::Cell;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement, Node};

thread_local! {
    /// An input method is composing (CJK input): the swap waits, or the reader's
    /// half-composed word would be lost with the element it lives in.
    static COMPOSING: Cell<bool> = const { Cell::new(false) };
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

/// A point in text: the element's path and how many characters into its text.
struct TextPoint {
    path: Vec<u32>,
    chars: u32,
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
/// heading's text and the main's first element's classes agree).
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

/// The indices, among element children, from `root` down to `element`.
pub fn path_of(root: &Element, element: &Element) -> Option<Vec<u32>> {
    let mut path = Vec::new();
    let mut current = element.clone();
    while !current.is_same_node(Some(root.as_ref())) {
        let parent = current.parent_element()?;
        let siblings = parent.children();
        let index = (0..siblings.length()).find(|&i| {
            siblings
                .item(i)
                .is_some_and(|s| s.is_same_node(Some(current.as_ref())))
        })?;
        path.push(index);
        current = parent;
    }
    path.reverse();
    Some(path)
}

pub fn at_path(root: &Element, path: &[u32]) -> Option<Element> {
    let mut current = root.clone();
    for &index in path {
        current = current.children().item(index)?;
    }
    Some(current)
}

/// `offset` into `node` as a point of `root`'s text.
fn text_point(root: &Element, node: &Node, offset: u32) -> Option<TextPoint> {
    let element = match node.dyn_ref::<Element>() {
        Some(element) => element.clone(),
        None => node.parent_element()?,
    };
    if !root.contains(Some(element.as_ref())) {
        return None;
    }
    let range = document().create_range().ok()?;
    range.set_start(element.as_ref(), 0).ok()?;
    range.set_end(node, offset).ok()?;
    let chars = String::from(range.to_string()).chars().count() as u32;
    Some(TextPoint {
        path: path_of(root, &element)?,
        chars,
    })
}

/// The text node and offset `point.chars` characters into its element's text.
fn locate(root: &Element, point: &TextPoint) -> Option<(Node, u32)> {
    let element = at_path(root, &point.path)?;
    let mut left = point.chars;
    let mut stack: Vec<Node> = vec![element.clone().into()];
    let mut last_text = None;
    while let Some(node) = stack.pop() {
        if node.node_type() == Node::TEXT_NODE {
            let length = node
                .text_content()
                .unwrap_or_default()
                .encode_utf16()
                .count() as u32;
            let chars = node.text_content().unwrap_or_default().chars().count() as u32;
            if left <= chars {
                let prefix: String = node
                    .text_content()
                    .unwrap_or_default()
                    .chars()
                    .take(left as usize)
                    .collect();
                return Some((node, prefix.encode_utf16().count() as u32));
            }
            left -= chars;
            last_text = Some((node, length));
            continue;
        }
        let children = node.child_nodes();
        for i in (0..children.length()).rev() {
            if let Some(child) = children.item(i) {
                stack.push(child);
            }
        }
    }
    last_text.or(Some((element.into(), 0)))
}

fn restore_selection(app: &Element, start: &TextPoint, end: &TextPoint) {
    let (Some((start_node, start_offset)), Some((end_node, end_offset))) =
        (locate(app, start), locate(app, end))
    else {
        return;
    };
    let Ok(range) = document().create_range() else {
        return;
    };
    if range.set_start(&start_node, start_offset).is_err()
        || range.set_end(&end_node, end_offset).is_err()
    {
        return;
    }
    if let Some(selection) = window().get_selection().ok().flatten() {
        let _ = selection.remove_all_ranges();
        let _ = selection.add_range(&range);
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
