//! Scheduling the fetches of index parts (the decisions only: the app does the fetching and
//! holds the abort handles, keyed by the ids given here). A browser opens only a few
//! connections per host (six over HTTP/1.1), and on a large site every keystroke of a short
//! word may want several posting parts, so what is fetched, and in which order, decides how
//! long the reader waits:
//!
//! - each part is fetched once, however many keystrokes want it;
//! - the parts the newest waiting keystroke needs start first; parts only older keystrokes
//!   wanted are not started any more, and those in flight are aborted only when the newest
//!   one needs their connection;
//! - guesses at what the next keystroke needs start at once, but give way to what a waiting
//!   keystroke needs;
//! - prefetches run a couple at a time, only while no keystroke waits.
//!
//! Small lists rather than maps: there are at most a handful of fetches in flight, and the
//! wasm stays smaller.

/// Fetches in flight at most: what browsers allow per host over HTTP/1.1.
pub const CONNECTIONS: usize = 6;
/// Prefetches in flight at most (and only while nothing is wanted): a few connections stay
/// free for what the next keystroke needs.
pub const PREFETCHES: usize = 2;

#[derive(Debug)]
struct Flight {
    path: String,
    id: u64,
    prefetch: bool,
}

/// What to do now: fetches to start, and fetches (by id) to abort.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Fetches {
    pub start: Vec<Start>,
    pub abort: Vec<u64>,
}

/// A fetch to start: the part, and the id its answer is recognised (or aborted) by.
#[derive(Debug, PartialEq, Eq)]
pub struct Start {
    pub path: String,
    pub id: u64,
}

#[derive(Debug, Default)]
pub struct PartLoader {
    in_flight: Vec<Flight>,
    next_id: u64,
    /// What the newest waiting query needs (empty when none waits).
    wanted: Vec<String>,
    /// Background fetches, in order.
    prefetch: Vec<String>,
    /// Parts that could not be loaded, and why.
    failed: Vec<(String, String)>,
}

impl PartLoader {
    /// The newest query waits for `needed`: returns the fetches to start (and abort) now.
    pub fn want(&mut self, needed: Vec<String>, loaded: impl Fn(&str) -> bool) -> Fetches {
        self.wanted = needed;
        self.schedule(loaded)
    }

    /// No query waits any more (the newest one was answered).
    pub fn answered(&mut self) {
        self.wanted.clear();
    }

    /// Whether a query waits for parts.
    pub fn waiting(&self) -> bool {
        !self.wanted.is_empty()
    }

    /// Queues prefetches, after those already queued.
    pub fn queue_prefetch(&mut self, paths: Vec<String>) {
        for p in paths {
            if !self.prefetch.contains(&p) {
                self.prefetch.push(p);
            }
        }
    }

    /// Starts up to `at_most` of `paths` at once (not loaded, not in flight, not failed) as
    /// guesses at what the next keystroke needs, while connections are free: they run like
    /// wanted fetches but are the first aborted when a waiting query needs a connection.
    pub fn speculate(
        &mut self,
        paths: Vec<String>,
        at_most: usize,
        loaded: impl Fn(&str) -> bool,
    ) -> Fetches {
        let mut out = Fetches::default();
        for path in paths {
            if out.start.len() >= at_most || self.in_flight.len() >= CONNECTIONS {
                break;
            }
            if self.startable(&path, &loaded) {
                out.start.push(self.start(path, false));
            }
        }
        out
    }

    /// Ends the fetch `id` of `path`: false if it was aborted (or replaced) in the meantime,
    /// and its answer is to be dropped.
    pub fn finish(&mut self, path: &str, id: u64) -> bool {
        let at = self
            .in_flight
            .iter()
            .position(|f| f.path == path && f.id == id);
        if let Some(at) = at {
            self.in_flight.swap_remove(at);
        }
        at.is_some()
    }

    /// Records that `path` could not be loaded: it is not fetched again.
    pub fn fail(&mut self, path: &str, message: String) {
        if !self.has_failed(path) {
            self.failed.push((path.to_owned(), message));
        }
    }

    /// Why one of `paths` could not be loaded, if one could not.
    pub fn failure(&self, paths: &[String]) -> Option<String> {
        paths.iter().find_map(|p| {
            self.failed
                .iter()
                .find(|(f, _)| f == p)
                .map(|(_, m)| m.clone())
        })
    }

    /// Whether everything the waiting query needs is now loaded (or failed): then it is to be
    /// asked again, and nothing is wanted until it says what else it needs.
    pub fn satisfied(&mut self, loaded: impl Fn(&str) -> bool) -> bool {
        let done = !self.wanted.is_empty() && self.wanted_done(&loaded);
        if done {
            self.wanted.clear();
        }
        done
    }

    /// The fetches to start now: wanted parts first (making room by aborting fetches nobody
    /// wants when every connection is taken), then, if nothing is wanted, a prefetch.
    pub fn schedule(&mut self, loaded: impl Fn(&str) -> bool) -> Fetches {
        let mut out = Fetches::default();
        let pending: Vec<String> = self
            .wanted
            .iter()
            .filter(|p| self.startable(p, &loaded))
            .cloned()
            .collect();
        for path in pending {
            if self.in_flight.len() >= CONNECTIONS {
                match self.abort_one_unwanted() {
                    Some(id) => out.abort.push(id),
                    None => break,
                }
            }
            out.start.push(self.start(path, false));
        }
        if self.wanted_done(&loaded) {
            while self.in_flight.len() < PREFETCHES && !self.prefetch.is_empty() {
                let path = self.prefetch.remove(0);
                if self.startable(&path, &loaded) {
                    out.start.push(self.start(path, true));
                }
            }
        }
        out
    }

    fn wanted_done(&self, loaded: &impl Fn(&str) -> bool) -> bool {
        self.wanted.iter().all(|p| loaded(p) || self.has_failed(p))
    }

    fn has_failed(&self, path: &str) -> bool {
        self.failed.iter().any(|(f, _)| f == path)
    }

    fn startable(&self, path: &str, loaded: &impl Fn(&str) -> bool) -> bool {
        !loaded(path) && !self.in_flight.iter().any(|f| f.path == path) && !self.has_failed(path)
    }

    fn start(&mut self, path: String, prefetch: bool) -> Start {
        self.next_id += 1;
        let id = self.next_id;
        self.in_flight.push(Flight {
            path: path.clone(),
            id,
            prefetch,
        });
        Start { path, id }
    }

    /// Takes one fetch the waiting query does not need out of flight: its id, to abort.
    fn abort_one_unwanted(&mut self) -> Option<u64> {
        let at = self
            .in_flight
            .iter()
            .position(|f| !self.wanted.contains(&f.path))?;
        let flight = self.in_flight.swap_remove(at);
        // A prefetch is only put off.
        if flight.prefetch {
            self.prefetch.insert(0, flight.path);
        }
        Some(flight.id)
    }
}
