//! Scheduling the fetches of index parts. A browser opens only a few connections per host
//! (six over HTTP/1.1), and on a large site every keystroke of a short word may want several
//! posting parts, so what is fetched, and in which order, decides how long the reader waits:
//!
//! - each part is fetched once, however many keystrokes want it;
//! - the parts the newest waiting keystroke needs start first; parts only older keystrokes
//!   wanted are not started any more, and those in flight are aborted only when the newest
//!   one needs their connection;
//! - guesses at what the next keystroke needs start at once, but give way to what a waiting
//!   keystroke needs;
//! - prefetches run one at a time, only while no keystroke waits.

use std::collections::{HashMap, VecDeque};

use web_sys::{AbortController, AbortSignal};

/// Fetches in flight at most: what browsers allow per host over HTTP/1.1.
const CONNECTIONS: usize = 6;
/// Prefetches in flight at most (and only while nothing is wanted).
const PREFETCHES: usize = 1;

struct Flight {
    id: u64,
    controller: Option<AbortController>,
    prefetch: bool,
}

#[derive(Default)]
pub struct PartLoader {
    in_flight: HashMap<String, Flight>,
    next_id: u64,
    /// What the newest waiting query needs (empty when none waits).
    wanted: Vec<String>,
    prefetch: VecDeque<String>,
    failed: HashMap<String, String>,
}

/// A fetch to start: the part, an id to recognise its answer by, the signal that aborts it.
pub struct Start {
    pub path: String,
    pub id: u64,
    pub signal: Option<AbortSignal>,
}

impl PartLoader {
    /// The newest query waits for `needed`: returns the fetches to start now.
    pub fn want(&mut self, needed: Vec<String>, loaded: impl Fn(&str) -> bool) -> Vec<Start> {
        self.wanted = needed;
        self.schedule(loaded)
    }

    /// No query waits any more (the newest one was answered).
    pub fn answered(&mut self) {
        self.wanted.clear();
    }

    /// Queues prefetches, after those already queued.
    pub fn queue_prefetch(&mut self, paths: Vec<String>) {
        for p in paths {
            if !self.prefetch.contains(&p) {
                self.prefetch.push_back(p);
            }
        }
    }

    /// Starts up to `at_most` of `paths` at once (not loaded, not in flight) as guesses at what
    /// the next keystroke needs: they run like wanted fetches but are the first aborted when a
    /// waiting query needs their connection.
    pub fn speculate(
        &mut self,
        paths: Vec<String>,
        at_most: usize,
        loaded: impl Fn(&str) -> bool,
    ) -> Vec<Start> {
        let mut starts = Vec::new();
        for path in paths {
            if starts.len() >= at_most || self.in_flight.len() >= CONNECTIONS {
                break;
            }
            if !loaded(&path)
                && !self.in_flight.contains_key(&path)
                && !self.failed.contains_key(&path)
            {
                starts.push(self.start(path, false));
            }
        }
        starts
    }

    /// Ends the fetch `id` of `path`: false if it was aborted (or replaced) in the meantime.
    pub fn finish(&mut self, path: &str, id: u64) -> bool {
        let current = self.in_flight.get(path).is_some_and(|f| f.id == id);
        if current {
            self.in_flight.remove(path);
        }
        current
    }

    pub fn fail(&mut self, path: &str, message: String) {
        self.failed.insert(path.to_owned(), message);
    }

    /// Why one of `paths` could not be loaded, if one could not.
    pub fn failure(&self, paths: &[String]) -> Option<String> {
        paths.iter().find_map(|p| self.failed.get(p).cloned())
    }

    /// Whether everything the waiting query needs is now loaded (or failed): then it is to be
    /// asked again, and nothing is wanted until it says what else it needs.
    pub fn satisfied(&mut self, loaded: impl Fn(&str) -> bool) -> bool {
        let done = !self.wanted.is_empty()
            && self
                .wanted
                .iter()
                .all(|p| loaded(p) || self.failed.contains_key(p));
        if done {
            self.wanted.clear();
        }
        done
    }

    /// The fetches to start now: wanted parts first (making room by aborting fetches nobody
    /// wants when every connection is taken), then, if nothing is wanted, a prefetch.
    pub fn schedule(&mut self, loaded: impl Fn(&str) -> bool) -> Vec<Start> {
        let mut starts = Vec::new();
        let pending: Vec<String> = self
            .wanted
            .iter()
            .filter(|p| !loaded(p) && !self.in_flight.contains_key(*p))
            .filter(|p| !self.failed.contains_key(*p))
            .cloned()
            .collect();
        for path in pending {
            if self.in_flight.len() >= CONNECTIONS && !self.abort_one_unwanted() {
                break;
            }
            starts.push(self.start(path, false));
        }
        if self
            .wanted
            .iter()
            .all(|p| loaded(p) || self.failed.contains_key(p))
        {
            while self.in_flight.len() < PREFETCHES {
                let Some(path) = self.prefetch.pop_front() else {
                    break;
                };
                if !loaded(&path)
                    && !self.in_flight.contains_key(&path)
                    && !self.failed.contains_key(&path)
                {
                    starts.push(self.start(path, true));
                }
            }
        }
        starts
    }

    fn start(&mut self, path: String, prefetch: bool) -> Start {
        self.next_id += 1;
        let controller = AbortController::new().ok();
        let signal = controller.as_ref().map(AbortController::signal);
        self.in_flight.insert(
            path.clone(),
            Flight {
                id: self.next_id,
                controller,
                prefetch,
            },
        );
        Start {
            path,
            id: self.next_id,
            signal,
        }
    }

    /// Aborts one fetch that the waiting query does not need; false if there is none.
    fn abort_one_unwanted(&mut self) -> bool {
        let Some(path) = self
            .in_flight
            .keys()
            .find(|p| !self.wanted.contains(p))
            .cloned()
        else {
            return false;
        };
        if let Some(flight) = self.in_flight.remove(&path) {
            if let Some(controller) = flight.controller {
                controller.abort();
            }
            // A prefetch is only put off.
            if flight.prefetch {
                self.prefetch.push_front(path);
            }
        }
        true
    }
}
