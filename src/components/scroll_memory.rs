//! Where the reader was scrolled on each history entry, so Back and Forward can return there.
//!
//! Each entry gets a random key in `history.state` (the router leaves that state alone: links and
//! `navigate` push `undefined`). Positions live in memory, keyed by it, and are copied to
//! `sessionStorage` when the page is hidden, so a reload, or a return to the site from another
//! one, finds them too.

use std::cell::RefCell;
use std::collections::HashMap;

use js_sys::{Object, Reflect, JSON};
use leptos::prelude::window;
use wasm_bindgen::JsValue;

const STATE_KEY: &str = "folioScroll";
const STORAGE_KEY: &str = "folio-scroll";
/// Entries kept across page loads; the oldest are dropped beyond this.
const MAX_STORED: usize = 100;

thread_local! {
    /// key → (vertical position, when it was recorded) for every entry seen in this tab.
    static POSITIONS: RefCell<HashMap<String, (f64, f64)>> = RefCell::new(load());
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
    POSITIONS.with(|p| p.borrow_mut().insert(key, (y, js_sys::Date::now())));
}

/// The position last recorded for the current entry, if any.
pub fn saved() -> Option<f64> {
    let key = entry_key()?;
    POSITIONS.with(|p| p.borrow().get(&key).map(|(y, _)| *y))
}

/// Copies the positions to `sessionStorage` (called when the page is hidden or unloaded).
pub fn persist() {
    let Some(storage) = window().session_storage().ok().flatten() else {
        return;
    };
    let object = Object::new();
    POSITIONS.with(|p| {
        let positions = p.borrow();
        let mut newest: Vec<_> = positions.iter().collect();
        newest.sort_by(|a, b| b.1 .1.total_cmp(&a.1 .1));
        for (key, (y, at)) in newest.into_iter().take(MAX_STORED) {
            let pair = js_sys::Array::of2(&(*y).into(), &(*at).into());
            let _ = Reflect::set(&object, &key.as_str().into(), &pair);
        }
    });
    if let Ok(text) = JSON::stringify(&object) {
        // Full or disabled storage only costs the memory across loads.
        let _ = storage.set_item(STORAGE_KEY, &String::from(text));
    }
}

fn load() -> HashMap<String, (f64, f64)> {
    let stored = window()
        .session_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .and_then(|text| JSON::parse(&text).ok());
    let Some(object) = stored.filter(JsValue::is_object) else {
        return HashMap::new();
    };
    Object::entries(&Object::from(object))
        .iter()
        .filter_map(|entry| {
            let entry = js_sys::Array::from(&entry);
            let key = entry.get(0).as_string()?;
            let pair = js_sys::Array::from(&entry.get(1));
            Some((key, (pair.get(0).as_f64()?, pair.get(1).as_f64()?)))
        })
        .collect()
}
