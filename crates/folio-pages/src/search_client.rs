//! The browser side of search: loads the index the pipeline wrote (`search/index.bin`, then
//! only the parts a query needs) and answers queries with [`crate::search`].
//!
//! One engine for the whole app, in context. Loading starts after the first paint or on the
//! first focus of the search box, whichever comes first; a query typed before the index has
//! arrived is answered as soon as it has. Queries run synchronously on what is loaded: one that
//! needs more parts asks for them and is asked again when they are in (see
//! [`SearchEngine::search_now`]), so a keystroke whose parts are loaded is answered in the same
//! task, and one part is fetched once however many keystrokes want it.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, FetchError};
use crate::post_texts::PostTexts;
use crate::search::{parse_query, Ranked, Searcher};

use crate::search::part_loader::{Fetches, PartLoader, Start};

const ROOT: &str = "search/index.bin";
/// At most this many parts are fetched on a guess after each answer.
const GUESSES: usize = 4;

/// Whether the index can answer yet.
#[derive(Clone, Debug, PartialEq)]
pub enum EngineState {
    Idle,
    Loading,
    Ready,
    Failed(String),
}

/// What a query gets from [`SearchEngine::search_now`].
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    Ready(Ranked),
    /// The parts it needs are on their way.
    Waiting,
    Failed(String),
}

#[derive(Clone, Copy)]
pub struct SearchEngine {
    searcher: StoredValue<Option<Searcher>>,
    loader: StoredValue<PartLoader>,
    /// Abort handles of the part fetches in flight, by the loader's fetch id.
    aborts: StoredValue<Vec<(u64, web_sys::AbortController)>, LocalStorage>,
    /// Bumped when every part a waiting query asked for has arrived (or failed).
    parts_arrived: RwSignal<u32>,
    answered_before: StoredValue<bool>,
    rest_queued: StoredValue<bool>,
    /// Post texts fetched for the snippets of results shown.
    pub texts: PostTexts,
    pub state: RwSignal<EngineState>,
    /// The query being searched: the search box's text, set on every keystroke. The URL
    /// follows it (see [`crate::components::search_box`]) and sets it on navigation.
    pub query: RwSignal<String>,
}

pub fn provide_search_engine() -> SearchEngine {
    let engine = SearchEngine {
        searcher: StoredValue::new(None),
        loader: StoredValue::new(PartLoader::default()),
        aborts: StoredValue::new_local(Vec::new()),
        parts_arrived: RwSignal::new(0),
        answered_before: StoredValue::new(false),
        rest_queued: StoredValue::new(false),
        texts: PostTexts::new(),
        state: RwSignal::new(EngineState::Idle),
        query: RwSignal::new(String::new()),
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
        // Fetched like a part (one fetch routine in the wasm), answered by `root_arrived`.
        self.spawn_fetches(Fetches {
            start: vec![Start {
                path: ROOT.to_owned(),
                id: 0,
            }],
            abort: Vec::new(),
        });
    }

    fn root_arrived(self, result: Result<Vec<u8>, FetchError>) {
        let searcher =
            result.and_then(|bytes| Searcher::new(&bytes).map_err(|e| malformed(ROOT, e.0)));
        match searcher {
            Ok(searcher) => {
                self.searcher.set_value(Some(searcher));
                // Decoding the index was this task; the waiting query, and drawing its
                // results, are the next one.
                set_timeout(
                    move || self.state.set(EngineState::Ready),
                    std::time::Duration::ZERO,
                );
            }
            Err(error) => self.state.set(EngineState::Failed(error.to_string())),
        }
    }

    /// Starts loading once the browser has painted the page and is idle, so the index never
    /// competes with what the reader is looking at.
    pub fn load_after_first_paint(self) {
        request_animation_frame(move || {
            set_timeout(move || self.start_loading(), std::time::Duration::ZERO);
        });
    }

    /// Ranks posts for `text` with the parts loaded, synchronously. If the query needs parts
    /// that are not loaded, they are requested and the answer is [`Answer::Waiting`]: ask again
    /// when [`Self::track`] fires. No partial answers: what a query shows is always what the
    /// whole index says.
    /// Only posts `keep` accepts are listed and counted (the tag filter).
    pub fn search_now(self, text: &str, limit: usize, keep: &dyn Fn(u32) -> bool) -> Answer {
        let query = parse_query(text);
        if query.is_empty() {
            return Answer::Ready(Ranked::default());
        }
        match self.state.get_untracked() {
            EngineState::Ready => {}
            EngineState::Failed(message) => return Answer::Failed(message),
            EngineState::Idle | EngineState::Loading => {
                self.start_loading();
                return Answer::Waiting;
            }
        }
        let needed = self.with_searcher(|s| s.needed_parts(&query));
        if needed.is_empty() {
            self.loader.update_value(PartLoader::answered);
            return Answer::Ready(self.with_searcher(|s| s.search_filtered(&query, limit, keep)));
        }
        if let Some(message) = self.loader.with_value(|l| l.failure(&needed)) {
            return Answer::Failed(message);
        }
        let fetches = self
            .loader
            .try_update_value(|l| l.want(needed, |p| self.loaded(p)))
            .unwrap_or_default();
        self.spawn_fetches(fetches);
        Answer::Waiting
    }

    /// Subscribes the calling effect to what can change an answer: the root arriving, or the
    /// parts a waiting query asked for.
    pub fn track(self) {
        self.state.track();
        self.parts_arrived.track();
    }

    /// After `text` is answered: guesses at the parts its next keystroke needs (the posting
    /// parts of the completions each next character brings) start at once; after a first
    /// answer, the rest of the index follows in the background (dictionary first, then the
    /// posting parts), a couple of parts at a time and only while no query waits. A first query
    /// downloads only what it needs; a reader who goes on searching soon waits for no network
    /// at all (at 10,000 posts the whole index is about 650 kB gzip, fetched piecemeal while
    /// they read the first results).
    pub fn prefetch_after_answer(self, text: &str) {
        // An empty box (or only stop words) is answered without the index: not a first answer.
        let query = parse_query(text);
        if query.is_empty() {
            return;
        }
        if !self.answered_before.get_value() {
            self.answered_before.set_value(true);
            return;
        }
        if !self.rest_queued.get_value() {
            self.rest_queued.set_value(true);
            let rest = self.with_searcher(Searcher::all_parts);
            self.loader.update_value(|l| l.queue_prefetch(rest));
        }
        let next = self.with_searcher(|s| s.likely_next_parts(&query));
        let fetches = self
            .loader
            .try_update_value(|l| l.speculate(next, GUESSES, |p| self.loaded(p)))
            .unwrap_or_default();
        self.spawn_fetches(fetches);
        self.schedule_fetches();
    }

    fn with_searcher<T: Default>(self, f: impl FnOnce(&Searcher) -> T) -> T {
        self.searcher
            .with_value(|s| s.as_ref().map(f))
            .unwrap_or_default()
    }

    fn loaded(self, path: &str) -> bool {
        self.with_searcher(|s| s.has_part(path))
    }

    fn schedule_fetches(self) {
        let fetches = self
            .loader
            .try_update_value(|l| l.schedule(|p| self.loaded(p)))
            .unwrap_or_default();
        self.spawn_fetches(fetches);
    }

    fn spawn_fetches(self, fetches: Fetches) {
        self.aborts.update_value(|aborts| {
            aborts.retain(|(id, controller)| {
                let keep = !fetches.abort.contains(id);
                if !keep {
                    controller.abort();
                }
                keep
            })
        });
        for Start { path, id } in fetches.start {
            let controller = web_sys::AbortController::new().ok();
            let signal = controller.as_ref().map(web_sys::AbortController::signal);
            if let Some(controller) = controller {
                self.aborts.update_value(|a| a.push((id, controller)));
            }
            spawn_local(async move {
                let result = api::get_bytes(&path, signal.as_ref()).await;
                self.aborts.update_value(|a| a.retain(|(i, _)| *i != id));
                self.part_arrived(&path, id, result);
            });
        }
    }

    fn part_arrived(self, path: &str, id: u64, result: Result<Vec<u8>, FetchError>) {
        if path == ROOT {
            return self.root_arrived(result);
        }
        // Aborted because the newest keystroke needed its connection: nothing to do.
        if !self
            .loader
            .try_update_value(|l| l.finish(path, id))
            .unwrap_or(false)
        {
            return;
        }
        let added = result.and_then(|bytes| {
            self.searcher
                .try_update_value(|s| match s {
                    Some(s) => s.add_part(path, &bytes).map_err(|e| malformed(path, e.0)),
                    None => Ok(()),
                })
                .unwrap_or(Ok(()))
        });
        if let Err(error) = added {
            self.loader
                .update_value(|l| l.fail(path, error.to_string()));
        }
        // The waiting query is asked again once all it needs is in (or failed).
        if self
            .loader
            .try_update_value(|l| l.satisfied(|p| self.loaded(p)))
            .unwrap_or(false)
        {
            // As with the root: the query is asked again in a task of its own.
            set_timeout(
                move || self.parts_arrived.update(|n| *n += 1),
                std::time::Duration::ZERO,
            );
        }
        self.schedule_fetches();
    }

    /// Fetches the texts of these documents for their snippets (see [`PostTexts`]). Their
    /// paths are read now; the future only fetches.
    pub fn fetch_texts(self, docs: Vec<u32>) -> impl std::future::Future<Output = ()> {
        let paths = self.searcher.with_value(|s| {
            let Some(s) = s else { return Vec::new() };
            docs.into_iter()
                .filter_map(|d| Some((d, s.text_path(d)?)))
                .collect()
        });
        self.texts.fetch(paths)
    }
}

fn malformed(path: &str, message: &str) -> FetchError {
    FetchError::Malformed {
        url: path.to_owned(),
        message: message.to_owned(),
    }
}
