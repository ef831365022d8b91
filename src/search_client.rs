//! The browser side of search: loads the index the pipeline wrote (`search/index.bin`, then
//! only the parts a query needs) and answers queries with [`crate::search`].
//!
//! One engine for the whole app, in context. Loading starts after the first paint or on the
//! first focus of the search box, whichever comes first; a query typed before the index has
//! arrived is answered as soon as it has (pages re-run their query when `ready` turns true).

use std::collections::HashMap;
use std::sync::Arc;

use futures::future::join_all;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, FetchError};
use crate::search::{parse_query, snippet, Hit, Searcher, Snippet};

const ROOT: &str = "search/index.bin";

/// Whether the index can answer yet.
#[derive(Clone, Debug, PartialEq)]
pub enum EngineState {
    Idle,
    Loading,
    Ready,
    Failed(String),
}

#[derive(Clone, Copy)]
pub struct SearchEngine {
    searcher: StoredValue<Option<Searcher>>,
    /// Post texts fetched for snippets, by document id.
    texts: StoredValue<HashMap<u32, Arc<str>>>,
    pub state: RwSignal<EngineState>,
    /// Bumped whenever post texts arrive, so result lists redraw their snippets.
    pub texts_loaded: RwSignal<u32>,
}

pub fn provide_search_engine() -> SearchEngine {
    let engine = SearchEngine {
        searcher: StoredValue::new(None),
        texts: StoredValue::new(HashMap::new()),
        state: RwSignal::new(EngineState::Idle),
        texts_loaded: RwSignal::new(0),
    };
    provide_context(engine);
    engine
}

pub fn use_search_engine() -> SearchEngine {
    expect_context::<SearchEngine>()
}

impl SearchEngine {
    /// Starts downloading the index root unless that has begun already. Cheap to call often.
    pub fn start_loading(self) {
        if !matches!(
            self.state.get_untracked(),
            EngineState::Idle | EngineState::Failed(_)
        ) {
            return;
        }
        self.state.set(EngineState::Loading);
        spawn_local(async move {
            match api::get_bytes(ROOT)
                .await
                .and_then(|bytes| Searcher::new(&bytes).map_err(|e| malformed(ROOT, e.0)))
            {
                Ok(searcher) => {
                    self.searcher.set_value(Some(searcher));
                    self.state.set(EngineState::Ready);
                }
                Err(error) => self.state.set(EngineState::Failed(error.to_string())),
            }
        });
    }

    /// Starts loading once the browser has painted the page and is idle, so the index never
    /// competes with what the reader is looking at.
    pub fn load_after_first_paint(self) {
        request_animation_frame(move || {
            set_timeout(move || self.start_loading(), std::time::Duration::ZERO);
        });
    }

    /// Ranks posts for `text`; fetches whatever index parts the query needs first. When every
    /// part is already there, this completes without waiting on anything.
    pub async fn search(self, text: &str, limit: usize) -> Result<Vec<Hit>, FetchError> {
        let query = parse_query(text);
        if query.is_empty() || self.state.get_untracked() != EngineState::Ready {
            return Ok(Vec::new());
        }
        loop {
            let needed = self.searcher.with_value(|s| {
                s.as_ref()
                    .map(|s| s.needed_parts(&query))
                    .unwrap_or_default()
            });
            if needed.is_empty() {
                break;
            }
            // Parts are content-hashed and cached by the browser, so a part two keystrokes
            // both ask for costs one download.
            let fetched = join_all(needed.iter().map(|path| api::get_bytes(path))).await;
            for (path, bytes) in needed.iter().zip(fetched) {
                let bytes = bytes?;
                self.searcher
                    .try_update_value(|s| match s {
                        Some(s) => s.add_part(path, &bytes).map_err(|e| malformed(path, e.0)),
                        None => Ok(()),
                    })
                    .unwrap_or(Ok(()))?;
            }
        }
        Ok(self.searcher.with_value(|s| {
            s.as_ref()
                .map(|s| s.search(&query, limit))
                .unwrap_or_default()
        }))
    }

    /// The snippet for a hit if its post's text has been fetched already.
    pub fn cached_snippet(self, hit: &Hit) -> Option<Snippet> {
        self.texts.with_value(|texts| {
            texts
                .get(&hit.doc)
                .map(|t| snippet(t, &hit.matched_terms, 180))
        })
    }

    /// Fetches the texts of these documents that are not cached yet.
    pub async fn fetch_texts(self, docs: Vec<u32>) {
        let missing: Vec<(u32, String)> = docs
            .into_iter()
            .filter(|d| !self.texts.with_value(|t| t.contains_key(d)))
            .filter_map(|d| {
                let path = self
                    .searcher
                    .with_value(|s| s.as_ref().and_then(|s| s.text_path(d)))?;
                Some((d, path))
            })
            .collect();
        let fetched = join_all(missing.iter().map(|(_, path)| api::get_text(path))).await;
        self.texts.update_value(|texts| {
            for ((doc, _), text) in missing.iter().zip(fetched) {
                if let Ok(text) = text {
                    texts.insert(*doc, Arc::from(text));
                }
            }
        });
        if !missing.is_empty() {
            self.texts_loaded.update(|n| *n += 1);
        }
    }
}

fn malformed(path: &str, message: &str) -> FetchError {
    FetchError::Malformed {
        url: path.to_owned(),
        message: message.to_owned(),
    }
}
