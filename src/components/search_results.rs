//! Ranked results for the query in the URL, as on `/search` and in the home page's filter.
//!
//! Ranking runs on every keystroke with no debounce (it takes about a millisecond once the
//! index parts are here). Snippets need each post's text, which is a network fetch the first
//! time a post shows up, so they are fetched once the reader pauses typing: titles, dates and
//! tags appear at once, snippets a moment later (the summary stands in until then).

use std::sync::Arc;
use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use wasm_bindgen::JsCast;

use crate::api::app_href;
use crate::components::marked_text::MarkedText;
use crate::components::post_list::{post_href, tag_href, PostDate};
use crate::components::tag_filter::{tag_counts, TagFilter};
use crate::model::Manifest;
use crate::search::{highlight, Hit};
use crate::search_client::{use_search_engine, EngineState};

/// How many results a page lists.
const LIMIT: usize = 20;
/// How long typing must pause before snippets are fetched.
const SNIPPET_PAUSE: Duration = Duration::from_millis(150);
/// Snippets are fetched for the results a reader sees first.
const SNIPPETS_FOR: usize = 10;

/// A link to the post that marks the matched words in the article.
fn result_href(slug: &str, hit: &Hit) -> String {
    let terms = hit.matched_terms.join(" ");
    format!(
        "{}?highlight={}",
        post_href(slug),
        String::from(js_sys::encode_uri_component(&terms))
    )
}

#[component]
pub fn SearchResults(manifest: Arc<Manifest>, query: Signal<String>) -> impl IntoView {
    let engine = use_search_engine();
    let hits = RwSignal::new(None::<(String, Vec<Hit>)>);
    let error = RwSignal::new(None::<String>);
    let generation = StoredValue::new(0u64);
    let tag = RwSignal::new(None::<String>);
    // Hits narrowed to the selected tag (all hits without one).
    let shown = {
        let manifest = manifest.clone();
        Memo::new(move |_| {
            let selected = tag.get();
            hits.get().map(|(text, found)| {
                let keep = |hit: &Hit| match &selected {
                    None => true,
                    Some(t) => manifest
                        .posts
                        .get(hit.doc as usize)
                        .is_some_and(|p| p.tags.contains(t)),
                };
                (text, found.into_iter().filter(keep).collect::<Vec<_>>())
            })
        })
    };
    let tag_chips = {
        let manifest = manifest.clone();
        Signal::derive(move || {
            hits.with(|h| {
                let found = h.as_ref().map(|(_, f)| f.as_slice()).unwrap_or_default();
                let lists = found
                    .iter()
                    .filter_map(|hit| manifest.posts.get(hit.doc as usize))
                    .map(|p| p.tags.as_slice());
                tag_counts(lists)
            })
        })
    };

    Effect::new(move |_| {
        let text = query.get();
        let _ = engine.state.get();
        engine.start_loading();
        let current = generation.get_value() + 1;
        generation.set_value(current);
        spawn_local(async move {
            let result = engine.search(&text, LIMIT).await;
            // A later keystroke has started its own search: this answer is stale.
            if generation.get_value() != current {
                return;
            }
            match result {
                Ok(found) => {
                    error.set(None);
                    hits.set(Some((text, found)));
                }
                Err(e) => error.set(Some(e.to_string())),
            }
        });
    });

    // Snippets: once the hits have been stable for a moment, fetch the texts they need.
    let snippet_timer = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |_| {
        let docs: Vec<u32> = hits
            .with(|h| {
                h.as_ref()
                    .map(|(_, hits)| hits.iter().take(SNIPPETS_FOR).map(|h| h.doc).collect())
            })
            .unwrap_or_default();
        if let Some(handle) = snippet_timer.get_value() {
            handle.clear();
        }
        if docs.is_empty() {
            return;
        }
        let handle =
            set_timeout_with_handle(move || spawn_local(engine.fetch_texts(docs)), SNIPPET_PAUSE)
                .ok();
        snippet_timer.set_value(handle);
    });

    let status = move || {
        let state = engine.state.get();
        if let EngineState::Failed(message) = &state {
            return format!("Search is unavailable: {message}");
        }
        let waiting = matches!(state, EngineState::Idle | EngineState::Loading);
        if let Some(message) = error.get() {
            return format!("Search failed: {message}");
        }
        match shown.get() {
            _ if query.get().trim().is_empty() => String::new(),
            None if waiting => "Loading the search index…".to_owned(),
            None => String::new(),
            Some((text, found)) => match found.len() {
                0 => format!("No posts match “{text}”."),
                1 => "1 post found".to_owned(),
                n if n >= LIMIT => format!("{n}+ posts found"),
                n => format!("{n} posts found"),
            },
        }
    };

    let rows = move || {
        let manifest = manifest.clone();
        let _ = engine.texts_loaded.get();
        shown.get().map(|(_, found)| {
            found
                .into_iter()
                .enumerate()
                .filter_map(|(rank, hit)| {
                    let post = manifest.posts.get(hit.doc as usize)?.clone();
                    let title_marks = highlight(&post.title, &hit.matched_terms);
                    let excerpt = if rank < SNIPPETS_FOR {
                        engine.cached_snippet(&hit)
                    } else {
                        None
                    };
                    let excerpt = match excerpt {
                        Some(s) => view! { <MarkedText text=s.text ranges=s.ranges /> }.into_any(),
                        None => {
                            let ranges = highlight(&post.summary, &hit.matched_terms);
                            view! { <MarkedText text=post.summary.clone() ranges /> }.into_any()
                        }
                    };
                    let href = result_href(&post.slug, &hit);
                    let tags = post
                        .tags
                        .iter()
                        .map(|t| view! { <li><A href=tag_href(t)>{format!("#{t}")}</A></li> })
                        .collect_view();
                    Some(view! {
                        <li class="search-result">
                            <h3>
                                <A href=href attr:data-result="">
                                    <MarkedText text=post.title.clone() ranges=title_marks />
                                </A>
                            </h3>
                            <p class="meta">
                                <PostDate date=post.date.clone() />
                            </p>
                            <p class="excerpt">{excerpt}</p>
                            <ul class="tags" aria-label="Tags">{tags}</ul>
                        </li>
                    })
                })
                .collect_view()
        })
    };

    let empty_hint = move || {
        hits.with(|h| matches!(h, Some((_, found)) if found.is_empty()))
            .then(|| {
                view! {
                    <p class="empty-hint">
                        "Try fewer or shorter words, check the spelling, or browse "
                        <A href=app_href("/")>"all writing"</A> "."
                    </p>
                }
            })
    };

    view! {
        <p class="count" role="status" aria-live="polite">{status}</p>
        <TagFilter tags=tag_chips selected=tag />
        <ol class="search-results" data-testid="search-results" on:keydown=move_between_results>
            {rows}
        </ol>
        {empty_hint}
    }
}

/// ↑ and ↓ move focus between result links; ↑ from the first goes back to the search box.
fn move_between_results(ev: ev::KeyboardEvent) {
    let step = match ev.key().as_str() {
        "ArrowDown" => 1,
        "ArrowUp" => -1,
        _ => return,
    };
    let Ok(links) =
        document().query_selector_all("[data-testid=\"search-results\"] a[data-result]")
    else {
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
