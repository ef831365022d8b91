//! Ranked results for the query being typed, as on `/search` and in the home page's filter.
//!
//! Ranking runs on every keystroke with no debounce (it takes about a millisecond once the
//! index parts are here). Snippets need each post's text, which is a network fetch the first
//! time a post shows up, and a scan of that text; both wait until the reader pauses typing:
//! titles, dates, tags and the summary (its matched words marked) appear at once, snippets a
//! moment later. A row keeps its snippet while later keystrokes leave its post and matched
//! words as they were.
//!
//! Every match is reachable: the count is exact, a page of results shows at first and "Show
//! more" adds the next (focus moves to the first new result). The tag filter is the URL's
//! `tag` (a slug), so Back, Forward and shared links keep it.

use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::api::app_href;
use crate::components::result_focus::{focus_result_when_shown, move_between_results};
use crate::components::search_box::query_href;
use crate::components::search_result_row::{result_row, RowKey};
use crate::components::tag_filter::{tag_counts, TagFilter};
use crate::handover::next_task;
use crate::model::Manifest;
use crate::search::Ranked;
use crate::search_client::{use_search_engine, Answer, EngineState};
use crate::tags::has_tag;

/// How many results are shown at first, and how many more each "Show more" adds.
const PAGE: usize = 20;
/// How long typing must pause before snippets are fetched and shown: longer than most gaps
/// between a reader's keystrokes (typically 150-250 ms), so typing never waits on that work.
const SNIPPET_PAUSE: Duration = Duration::from_millis(300);
/// Rows whose snippets are fetched first: what a phone shows of the results.
const FIRST_SNIPPETS: usize = 5;

#[component]
pub fn SearchResults(manifest: Arc<Manifest>) -> impl IntoView {
    let engine = use_search_engine();
    // What the search box holds (see `SearchEngine::query`).
    let query = engine.query;
    let hits = RwSignal::new(None::<(String, Ranked)>);
    let error = RwSignal::new(None::<String>);
    let generation = StoredValue::new(0u64);
    // The slug of the tag the results are narrowed to (its spellings are one chip), from the
    // URL; pressing a chip navigates.
    let url_query = use_query_map();
    let tag = Memo::new(move |_| url_query.read().get("tag").filter(|t| !t.is_empty()));
    let location = use_location();
    let navigate = use_navigate();
    let select_tag = Callback::new(move |slug: Option<String>| {
        let path = location.pathname.get_untracked();
        let href = query_href(&path, &query.get_untracked(), slug.as_deref());
        // A history entry of its own: Back undoes the filter, as it would a link.
        let options = NavigateOptions {
            scroll: false,
            resolve: false,
            ..Default::default()
        };
        navigate(&href, options);
    });
    // How many pages of results are shown; back to one for a new query or tag.
    let pages = RwSignal::new(1usize);
    let answered_for = StoredValue::new((String::new(), None::<String>));
    // The matches the chips count, all of them (not only those shown): set when the reader
    // pauses, with the snippets, since counting tags over thousands of matches is no work for
    // a keystroke.
    let chip_docs = RwSignal::new(Vec::<u32>::new());
    // A memo: the chips are redrawn only when the counts change.
    let tag_chips = {
        let manifest = manifest.clone();
        Memo::new(move |_| {
            chip_docs.with(|docs| {
                let lists = docs
                    .iter()
                    .filter_map(|&doc| manifest.posts.get(doc as usize))
                    .map(|p| p.tags.as_slice());
                tag_counts(lists)
            })
        })
    };

    // Every keystroke is answered in the same task when the index parts it needs are loaded;
    // otherwise the list keeps the last answer, marked busy, until they are in.
    let busy = RwSignal::new(false);
    let keep_manifest = manifest.clone();
    // The first answer waits for the task after the one that draws the page: drawing the page
    // and twenty results in one task would keep a phone from answering a key that much longer.
    let page_drawn = RwSignal::new(false);
    // (In an effect: only in the browser, which has timers.)
    Effect::new(move |_| {
        let drawn = move || {
            page_drawn.try_set(true);
        };
        set_timeout(drawn, Duration::ZERO);
    });
    Effect::new(move |_| {
        if !page_drawn.get() {
            return;
        }
        let text = query.get();
        let selected = tag.get();
        engine.track();
        let asked = (text.clone(), selected.clone());
        if answered_for.with_value(|a| *a != asked) {
            answered_for.set_value(asked);
            if pages.get_untracked() != 1 {
                pages.set(1);
            }
        }
        let limit = pages.get() * PAGE;
        // (Signals are set only when their value changes: a set wakes what reads them.)
        let set_busy = |b: bool| (busy.get_untracked() != b).then(|| busy.set(b));
        let set_error = |e: Option<String>| (error.get_untracked() != e).then(|| error.set(e));
        let keep = |doc: u32| match &selected {
            None => true,
            Some(slug) => keep_manifest
                .posts
                .get(doc as usize)
                .is_some_and(|p| has_tag(&p.tags, slug)),
        };
        match engine.search_now(&text, limit, &keep) {
            Answer::Ready(found) => {
                set_busy(false);
                set_error(None);
                let answer = Some((text.clone(), found));
                if hits.with_untracked(|h| *h != answer) {
                    generation.update_value(|g| *g += 1);
                    hits.set(answer);
                }
                // After the results, so their rendering is queued first.
                engine.prefetch_after_answer(&text);
            }
            Answer::Waiting => {
                set_busy(true);
            }
            Answer::Failed(message) => {
                set_busy(false);
                set_error(Some(message));
            }
        }
    });

    // Snippets: once the reader has paused typing and the answer is in, fetch the texts it
    // needs, then show them. A new keystroke restarts the wait (texts never compete with the
    // index parts a keystroke waits for); a new answer hides snippets for rows that did not
    // have one yet.
    let snippet_timer = StoredValue::new(None::<TimeoutHandle>);
    let show_snippets = RwSignal::new(false);
    Effect::new(move |_| {
        query.track();
        let waiting = busy.get();
        let docs: Vec<u32> = hits
            .with(|h| {
                h.as_ref()
                    .map(|(_, found)| found.hits.iter().map(|h| h.doc).collect())
            })
            .unwrap_or_default();
        if let Some(handle) = snippet_timer.get_value() {
            handle.clear();
        }
        show_snippets.set(false);
        if waiting {
            return;
        }
        if docs.is_empty()
            && hits.with_untracked(|h| h.as_ref().is_none_or(|(_, f)| f.all.is_empty()))
        {
            chip_docs.set(Vec::new());
            return;
        }
        let current = generation.get_value();
        let show = move || {
            let all = hits.with_untracked(|h| h.as_ref().map(|(_, f)| f.all.clone()));
            chip_docs.set(all.unwrap_or_default());
            spawn_local(async move {
                // The first rows' texts come first, the rest after them: a shared link's
                // results show their snippets one round trip sooner, and a reader who types
                // on never waits for twenty texts.
                let mut docs = docs;
                let rest = docs.split_off(docs.len().min(FIRST_SNIPPETS));
                engine.fetch_texts(docs).await;
                // (The reader may have left the results while the texts were on their way.)
                if generation.try_get_value() != Some(current) {
                    return;
                }
                show_snippets.try_set(true);
                // The rest in tasks of their own, each shown as it arrives: the task that
                // paints the first snippets starts no requests, and no task redraws many rows.
                next_task().await;
                for doc in rest {
                    spawn_local(engine.fetch_texts(vec![doc]));
                }
            })
        };
        // The pause is for a reader who is typing; a shared link or Back shows them at once.
        let typing = document()
            .active_element()
            .is_some_and(|e| e.get_attribute("type").as_deref() == Some("search"));
        let pause = if typing {
            SNIPPET_PAUSE
        } else {
            Duration::ZERO
        };
        snippet_timer.set_value(set_timeout_with_handle(show, pause).ok());
    });
    on_cleanup(move || {
        if let Some(handle) = snippet_timer.try_get_value().flatten() {
            handle.clear();
        }
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
        if query.with(|q| q.trim().is_empty()) {
            return String::new();
        }
        hits.with(|shown| match shown {
            None if waiting || busy.get() => "Loading the search index…".to_owned(),
            None => String::new(),
            Some((text, found)) => match found.total {
                0 => format!("No posts match “{text}”."),
                1 => "1 post found".to_owned(),
                n => format!("{n} posts found"),
            },
        })
    };

    // One entry per row: the list is redrawn only when a row's post or matched words change (a
    // new answer), in place, row by row (a focused link stays the element it was). Not keyed
    // (`<For>`): that cost the wasm about 3 kB, and results are a page of twenty.
    let rows = Memo::new(move |_| {
        hits.with(|shown| {
            let found = shown
                .as_ref()
                .map(|(_, f)| f.hits.as_slice())
                .unwrap_or_default();
            found
                .iter()
                .map(|hit| RowKey {
                    doc: hit.doc,
                    terms: hit.matched_terms.clone(),
                })
                .collect::<Vec<_>>()
        })
    });
    // The rows whose excerpt is the snippet from the post's text: those whose text is in once
    // the reader pauses, and those that had one already (a row keeps its snippet while later
    // keystrokes leave it as it was). Each row watches only its own entry, so a text arriving
    // redraws one excerpt.
    let with_snippet = Memo::new(move |previous: Option<&Vec<RowKey>>| {
        let show = show_snippets.get();
        engine.texts.arrived.track();
        rows.with(|rows| {
            rows.iter()
                .filter(|row| {
                    previous.is_some_and(|had| had.contains(row))
                        || (show && engine.texts.has(row.doc))
                })
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let row_view = move |row: RowKey| result_row(&manifest, engine, row, with_snippet);

    let more_left = move || {
        hits.with(|h| {
            h.as_ref()
                .is_some_and(|(_, found)| found.total > found.hits.len())
        })
    };
    // The next page, with focus on its first result (the button may be gone, and a keyboard
    // reader goes on from where the new results start).
    let show_more = move |_| {
        let first_new = hits.with_untracked(|h| h.as_ref().map_or(0, |(_, f)| f.hits.len()));
        pages.update(|p| *p += 1);
        focus_result_when_shown(first_new, 60);
    };

    let empty_hint = move || {
        hits.with(
            |h| matches!(h, Some((text, found)) if found.total == 0 && !text.trim().is_empty()),
        )
        .then(|| {
            view! {
                <p class="empty-hint">
                    "Try fewer or shorter words, check the spelling, or browse "
                    <a href=app_href("/")>"all writing"</a> "."
                </p>
            }
        })
    };

    view! {
        <p class="count" data-testid="search-status" role="status" aria-live="polite">
            {status}
            // The index could not be had: the reader may try again (a fresh download).
            {move || matches!(engine.state.get(), EngineState::Failed(_)).then(|| view! {
                " "
                <button type="button" data-testid="search-retry" on:click=move |_| engine.start_loading()>
                    "Try again"
                </button>
            })}
        </p>
        <TagFilter tags=tag_chips selected=tag on_select=select_tag />
        // `data-query`: the query these results answer, set when they are in place (also when
        // a keystroke leaves them as they were), so a test or benchmark can tell they are ready.
        <ol
            class="search-results"
            data-testid="search-results"
            data-query=move || hits.with(|h| h.as_ref().map(|(text, _)| text.clone()).filter(|t| !t.is_empty()))
            aria-busy=move || busy.get().then_some("true")
            on:keydown=move_between_results
        >
            {move || rows.get().into_iter().map(&row_view).collect_view()}
        </ol>
        {move || more_left().then(|| view! {
            <p class="show-more">
                <button type="button" data-testid="show-more" on:click=show_more>
                    "Show more"
                </button>
            </p>
        })}
        {empty_hint}
    }
}
