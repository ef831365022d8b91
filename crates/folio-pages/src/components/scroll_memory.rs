//! Where the reader was scrolled on each history entry, so Back and Forward can return there.
//!
//! Each entry gets a random key in `history.state` (the router leaves that state alone: links and
//! `navigate` push `undefined`). Positions live in memory, keyed by it, and are copied to
//! `sessionStorage` when the page is hidden, so a reload, or a return to the site from another
//! one, finds them too.

use std::cell::RefCell;

use js_sys::{Array, Object, Reflect, JSON};
use leptos::prelude::window;
use wasm_bindgen::{JsCast, JsValue};

const STATE_KEY: &str = "folioScroll";
const STORAGE_KEY: &str = "folio-scroll";
/// Entries kept across page loads; the oldest are dropped beyond this.
const MAX_STORED: usize = 100;

thread_local! {
    /// (key, vertical position) for the entries seen in this tab, the most recently recorded
    /// last. A list, not a map: it is short, and a map's code would cost more wasm than it saves.
    static POSITIONS: RefCell<Vec<(String, f64)>> = RefCell::new(load());
}

/// The current history entry's key, giving the entry one if it has none yet.
pub fn entry_key() -> Option<String> {
    let history = window().history().ok()?;
    let state = history.state().unwrap_or(JsValue::UNDEFINED);
    if let Some(key) = Reflect::get(&state, &STATE_KEY.into())
        .ok()
        .and_then(|k| k.as_string())
    {
        return Some(key);
    }
    let key = format!("{:x}", (js_sys::Math::random() * 9e15) as u64);
    // Keep whatever else the state holds (an app could pass state through a link).
    let state = if state.is_object() {
        state
    } else {
        Object::new().into()
    };
    Reflect::set(&state, &STATE_KEY.into(), &key.clone().into()).ok()?;
    history.replace_state(&state, "").ok()?;
    Some(key)
}

/// Remembers the window's current scroll position for the current entry.
pub fn record() {
    let (Some(key), Ok(y)) = (entry_key(), window().scroll_y()) else {
        return;
    };
    POSITIONS.with(|p| {
        let mut positions = p.borrow_mut();
        positions.retain(|(k, _)| *k != key);
        positions.push((key, y));
        if positions.len() > MAX_STORED {
            positions.remove(0);
        }
    });
}

/// The position last recorded for the current entry, if any.
pub fn saved() -> Option<f64> {
    let key = entry_key()?;
    POSITIONS.with(|p| p.borrow().iter().find(|(k, _)| *k == key).map(|(_, y)| *y))
}

/// Copies the positions to `sessionStorage` (called when the page is hidden or unloaded).
pub fn persist() {
    let Some(storage) = window().session_storage().ok().flatten() else {
        return;
    };
    let list = Array::new();
    POSITIONS.with(|p| {
        for (key, y) in p.borrow().iter() {
            list.push(&Array::of2(&key.as_str().into(), &(*y).into()));
        }
    });
    if let Ok(text) = JSON::stringify(&list) {
        // Full or disabled storage only costs the positions across loads.
        let _ = storage.set_item(STORAGE_KEY, &String::from(text));
    }
}

/// The positions `persist` stored, or none if there are none or they are not what it writes.
fn load() -> Vec<(String, f64)> {
    let stored = window()
        .session_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .and_then(|text| JSON::parse(&text).ok());
    let Some(list) = stored.and_then(|v| v.dyn_into::<Array>().ok()) else {
        return Vec::new();
    };
    list.iter()
        .filter_map(|pair| {
            let pair = pair.dyn_into::<Array>().ok()?;
            Some((pair.get(0).as_string()?, pair.get(1).as_f64()?))
        })
        .collect()
}
