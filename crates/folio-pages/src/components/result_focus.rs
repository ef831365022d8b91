//! Moving focus between search results: "Show more" puts it on the first new result, and the
//! arrow keys and Esc move it between results and the search box.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The result links, in rank order.
const RESULT_LINKS: &str = "[data-testid=\"search-results\"] a[data-result]";

/// Focuses the result link at `index` (in rank order) in the next frame where it is shown,
/// trying for at most `frames` frames (a slow device may draw the new rows a frame later).
pub fn focus_result_when_shown(index: usize, frames: u32) {
    request_animation_frame(move || {
        if !focus_result(index) && frames > 0 {
            focus_result_when_shown(index, frames - 1);
        }
    });
}

/// Focuses the result link at `index` (in rank order): false if it is not shown.
fn focus_result(index: usize) -> bool {
    let Ok(links) = document().query_selector_all(RESULT_LINKS) else {
        return false;
    };
    let link = u32::try_from(index).ok().and_then(|i| links.item(i));
    match link.and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) {
        Some(link) => link.focus().is_ok(),
        None => false,
    }
}

/// ↑ and ↓ move focus between result links; ↑ from the first, or Esc from anywhere in the
/// results, goes back to the search box.
pub fn move_between_results(ev: ev::KeyboardEvent) {
    let step = match ev.key().as_str() {
        "ArrowDown" => 1,
        "ArrowUp" => -1,
        "Escape" => {
            let search = document().get_element_by_id("site-search");
            if let Some(input) = search.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                ev.prevent_default();
                let _ = input.focus();
            }
            return;
        }
        _ => return,
    };
    let Ok(links) = document().query_selector_all(RESULT_LINKS) else {
        return;
    };
    let active = document().active_element();
    let position = (0..links.length()).find(|&i| {
        links
            .item(i)
            .zip(active.clone())
            .is_some_and(|(node, active)| {
                node.dyn_ref::<web_sys::Element>()
                    .is_some_and(|e| e.is_same_node(Some(&active)))
            })
    });
    let Some(position) = position else { return };
    ev.prevent_default();
    let next = i64::from(position) + step;
    let target = if next < 0 {
        document().get_element_by_id("site-search")
    } else {
        links
            .item(next as u32)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
    };
    if let Some(element) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}
