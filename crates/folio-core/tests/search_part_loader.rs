//! The order in which the app fetches index parts (`folio_core::search::part_loader`): each part once,
//! the newest waiting keystroke first, guesses and prefetches only on free connections.

use std::cell::RefCell;
use std::collections::HashSet;

use folio_core::search::part_loader::{Fetches, PartLoader, CONNECTIONS, PREFETCHES};

fn paths(names: &[&str]) -> Vec<String> {
    names.iter().map(|n| (*n).to_owned()).collect()
}

fn started(f: &Fetches) -> Vec<&str> {
    f.start.iter().map(|s| s.path.as_str()).collect()
}

/// Parts that have arrived, as the searcher would report them.
#[derive(Default)]
struct Loaded(RefCell<HashSet<String>>);

impl Loaded {
    fn has(&self) -> impl Fn(&str) -> bool + '_ {
        |p| self.0.borrow().contains(p)
    }
    fn add(&self, p: &str) {
        self.0.borrow_mut().insert(p.to_owned());
    }
}

#[test]
fn a_part_is_fetched_once_however_many_keystrokes_want_it() {
    let loaded = Loaded::default();
    loaded.add("d-1");
    let mut l = PartLoader::default();
    let first = l.want(paths(&["d-1", "p-1", "p-2"]), loaded.has());
    assert_eq!(
        started(&first),
        ["p-1", "p-2"],
        "what is loaded is not fetched"
    );
    assert!(first.abort.is_empty());
    assert!(l.waiting());
    // The next keystroke wants one of those and a new one: only the new one starts.
    let second = l.want(paths(&["p-2", "p-3"]), loaded.has());
    assert_eq!(started(&second), ["p-3"]);
    let ids: HashSet<u64> = first
        .start
        .iter()
        .chain(&second.start)
        .map(|s| s.id)
        .collect();
    assert_eq!(ids.len(), 3, "every fetch has its own id");
}

#[test]
fn the_waiting_query_is_asked_again_once_all_it_needs_is_in() {
    let loaded = Loaded::default();
    let mut l = PartLoader::default();
    let f = l.want(paths(&["p-1", "p-2"]), loaded.has());
    let (a, b) = (&f.start[0], &f.start[1]);
    assert!(l.finish(&a.path, a.id));
    loaded.add(&a.path);
    assert!(!l.satisfied(loaded.has()), "p-2 is still on its way");
    assert!(l.finish(&b.path, b.id));
    loaded.add(&b.path);
    assert!(l.satisfied(loaded.has()));
    assert!(!l.waiting(), "nothing is wanted until the query asks again");
    assert!(!l.satisfied(loaded.has()), "said once");
}

#[test]
fn answers_of_aborted_or_unknown_fetches_are_dropped() {
    let loaded = Loaded::default();
    let mut l = PartLoader::default();
    let f = l.want(paths(&["p-1"]), loaded.has());
    let s = &f.start[0];
    assert!(!l.finish(&s.path, s.id + 100), "another id");
    assert!(!l.finish("p-9", s.id), "another part");
    assert!(l.finish(&s.path, s.id));
    assert!(!l.finish(&s.path, s.id), "finished once");
}

#[test]
fn the_newest_keystroke_takes_connections_from_fetches_nobody_wants() {
    let loaded = Loaded::default();
    let mut l = PartLoader::default();
    let old: Vec<String> = (0..CONNECTIONS).map(|i| format!("old-{i}")).collect();
    let first = l.want(old.clone(), loaded.has());
    assert_eq!(first.start.len(), CONNECTIONS);
    // The reader typed on: the new query needs two parts and every connection is taken.
    let second = l.want(paths(&["old-0", "new-1", "new-2"]), loaded.has());
    assert_eq!(started(&second), ["new-1", "new-2"]);
    assert_eq!(second.abort.len(), 2);
    let aborted: Vec<&str> = first
        .start
        .iter()
        .filter(|s| second.abort.contains(&s.id))
        .map(|s| s.path.as_str())
        .collect();
    assert!(
        !aborted.contains(&"old-0"),
        "what the new query needs is kept"
    );
    for s in first.start.iter().filter(|s| second.abort.contains(&s.id)) {
        assert!(
            !l.finish(&s.path, s.id),
            "an aborted fetch's answer is dropped"
        );
    }
}

#[test]
fn wanted_parts_beyond_the_connections_start_as_others_finish() {
    let loaded = Loaded::default();
    let mut l = PartLoader::default();
    let all: Vec<String> = (0..CONNECTIONS + 2).map(|i| format!("p-{i}")).collect();
    let first = l.want(all, loaded.has());
    assert_eq!(first.start.len(), CONNECTIONS);
    assert!(
        first.abort.is_empty(),
        "wanted fetches are never aborted for each other"
    );
    let s = &first.start[0];
    assert!(l.finish(&s.path, s.id));
    loaded.add(&s.path);
    let next = l.schedule(loaded.has());
    assert_eq!(next.start.len(), 1);
    assert_eq!(next.start[0].path, format!("p-{CONNECTIONS}"));
}

#[test]
fn guesses_use_free_connections_and_give_way_to_a_waiting_query() {
    let loaded = Loaded::default();
    loaded.add("g-0");
    let mut l = PartLoader::default();
    let guesses: Vec<String> = (0..10).map(|i| format!("g-{i}")).collect();
    let f = l.speculate(guesses.clone(), 4, loaded.has());
    assert_eq!(
        started(&f),
        ["g-1", "g-2", "g-3", "g-4"],
        "at most 4, none loaded"
    );
    // Guessed again: nothing already in flight starts twice; the connections run out.
    let again = l.speculate(guesses, 10, loaded.has());
    assert_eq!(started(&again), ["g-5", "g-6"]);
    // A keystroke that needs something else takes a guess's connection.
    let w = l.want(paths(&["p-1"]), loaded.has());
    assert_eq!(started(&w), ["p-1"]);
    assert_eq!(w.abort.len(), 1);
    // A guess that turns out to be needed is not fetched again.
    let w = l.want(paths(&["g-2"]), loaded.has());
    assert!(w.start.is_empty() && w.abort.is_empty());
}

#[test]
fn prefetches_run_a_few_at_a_time_and_only_while_no_query_waits() {
    assert_eq!(PREFETCHES, 2, "the test below starts two");
    let loaded = Loaded::default();
    let mut l = PartLoader::default();
    l.queue_prefetch(paths(&["d-1", "d-2", "d-1", "d-3"]));
    let w = l.want(paths(&["p-1"]), loaded.has());
    assert_eq!(started(&w), ["p-1"], "a waiting query first");
    let p1 = &w.start[0];
    assert!(l.finish(&p1.path, p1.id));
    loaded.add("p-1");
    assert!(l.satisfied(loaded.has()));
    let f = l.schedule(loaded.has());
    assert_eq!(started(&f), ["d-1", "d-2"], "queued once each, in order");
    assert!(l.schedule(loaded.has()).start.is_empty(), "two at a time");
    // A query wants all connections: the prefetches are aborted and put back first in line.
    let many: Vec<String> = (0..CONNECTIONS).map(|i| format!("q-{i}")).collect();
    let w = l.want(many.clone(), loaded.has());
    assert_eq!(w.start.len(), CONNECTIONS);
    let mut aborted = w.abort.clone();
    aborted.sort();
    assert_eq!(aborted, [f.start[0].id, f.start[1].id]);
    assert!(
        l.schedule(loaded.has()).start.is_empty(),
        "not while a query waits"
    );
    for s in &w.start {
        assert!(l.finish(&s.path, s.id));
        loaded.add(&s.path);
    }
    assert!(l.satisfied(loaded.has()));
    let resumed = l.schedule(loaded.has());
    let mut again = started(&resumed);
    again.sort();
    assert_eq!(again, ["d-1", "d-2"]);
}

#[test]
fn a_part_that_failed_is_not_fetched_again_and_says_why() {
    let loaded = Loaded::default();
    let mut l = PartLoader::default();
    let f = l.want(paths(&["p-1", "p-2"]), loaded.has());
    let (a, b) = (&f.start[0], &f.start[1]);
    assert!(l.finish(&a.path, a.id));
    l.fail(&a.path, "404 Not Found".to_owned());
    assert!(l.finish(&b.path, b.id));
    loaded.add(&b.path);
    assert!(l.satisfied(loaded.has()), "failed counts as done");
    assert_eq!(
        l.failure(&paths(&["p-2", "p-1"])).as_deref(),
        Some("404 Not Found")
    );
    assert_eq!(l.failure(&paths(&["p-2"])), None);
    assert!(l.want(paths(&["p-1"]), loaded.has()).start.is_empty());
    assert!(l
        .speculate(paths(&["p-1"]), 4, loaded.has())
        .start
        .is_empty());
}
