//! The header's dark-theme switch.
//!
//! The theme is `<html data-theme="light|dark">`, or no attribute to follow the system
//! (`prefers-color-scheme`); `style/main.css` picks the colours from it. The choice is stored
//! under `folio-theme` in `localStorage`, where `public/theme.js` reads it before the first paint
//! of every later page load.

use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast};

/// The `localStorage` key; `public/theme.js` reads the same one.
const STORAGE_KEY: &str = "folio-theme";
const DARK_QUERY: &str = "(prefers-color-scheme: dark)";

/// The theme set on `<html>`, if the reader chose one.
fn chosen() -> Option<bool> {
    let root = document().document_element()?;
    match root.get_attribute("data-theme").as_deref() {
        Some("dark") => Some(true),
        Some("light") => Some(false),
        _ => None,
    }
}

fn system_is_dark() -> bool {
    window()
        .match_media(DARK_QUERY)
        .ok()
        .flatten()
        .is_some_and(|query| query.matches())
}

/// Applies and remembers the reader's choice.
fn choose(dark: bool) {
    let theme = if dark { "dark" } else { "light" };
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-theme", theme);
    }
    // Storage may be disabled (privacy settings): the choice then lasts for this page only.
    if let Some(storage) = window().local_storage().ok().flatten() {
        let _ = storage.set_item(STORAGE_KEY, theme);
    }
}

/// A toggle button, pressed when the dark theme shows. Until the reader presses it, it follows
/// the system theme, including changes while the page is open.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    // The prerendered switch says "light" (the build knows no reader); `public/theme.js` sets
    // the prerendered one right before the first paint, and the app's starts right.
    let dark = RwSignal::new(crate::in_browser() && chosen().unwrap_or_else(system_is_dark));
    if crate::in_browser() {
        follow_system_theme(dark);
    }
    let toggle = move |_| {
        let next = !dark.get_untracked();
        choose(next);
        dark.set(next);
    };
    let hint = move || {
        if dark.get() {
            "Switch to the light theme"
        } else {
            "Switch to the dark theme"
        }
    };
    view! {
        <button
            type="button"
            class="theme-toggle"
            data-testid="theme-toggle"
            aria-pressed=move || dark.get().to_string()
            title=hint
            on:click=toggle
        >
            // A half-filled circle, the usual "contrast" glyph, drawn by the stylesheet.
            <span class="theme-icon" aria-hidden="true"></span>
            <span class="visually-hidden">"Dark theme"</span>
        </button>
    }
}

/// Keeps `dark` in step with the system theme for as long as the reader has not chosen one.
/// The header lives as long as the page, so the listener does too.
fn follow_system_theme(dark: RwSignal<bool>) {
    let Some(query) = window().match_media(DARK_QUERY).ok().flatten() else {
        return;
    };
    let on_change = Closure::<dyn Fn()>::new(move || {
        if chosen().is_none() {
            dark.set(system_is_dark());
        }
    });
    query.set_onchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
}
