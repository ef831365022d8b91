//! What typing costs on a split index: each query typed one character at a time into one page
//! (parts stay loaded from query to query, as in the benchmark's typing mode), counting the
//! fetch rounds and bytes each keystroke waits for, under three loading strategies:
//!
//! - `lazy`: only what each keystroke needs;
//! - `dict`: the whole dictionary is fetched in the background after the first answer, so a
//!   keystroke waits for one round (posting shards) at most;
//! - `dict+next`: also, after each answer, the posting shards the next character would need
//!   (`Searcher::likely_next_parts`).
//!
//! Background fetches are assumed to finish before the next keystroke (the benchmark types a
//! key every 20 ms; on a local server a round takes a few ms). Sizes are raw and `gzip -9`.

use std::collections::HashMap;
use std::path::Path;

use folio_core::search::eval::{build_index, load_docs, load_queries, open};
use folio_core::search::{parse_query, BuildOptions, BuiltIndex, SearchParams, Searcher};

use crate::scale::gzip_size;

#[derive(Clone, Copy, PartialEq)]
enum Strategy {
    Lazy,
    Dict,
    /// Dictionary, and the next character's postings once the word has this many characters.
    DictNext(usize),
    Next(usize),
}

#[derive(Default)]
struct Tally {
    keystrokes: usize,
    waited: usize,
    last_key_waits: usize,
    last_key_rounds: Vec<usize>,
    last_key_bytes: Vec<usize>,
    /// Parts fetched by each keystroke that waited.
    requests: Vec<usize>,
    foreground_bytes: usize,
    background_bytes: usize,
    foreground_gz: usize,
    background_gz: usize,
}

struct Sizes<'a> {
    index: &'a BuiltIndex,
    gz: HashMap<String, usize>,
}

impl Sizes<'_> {
    fn raw(&self, path: &str) -> usize {
        self.index.file(path).map_or(0, <[u8]>::len)
    }

    fn gz(&mut self, path: &str) -> usize {
        if let Some(&n) = self.gz.get(path) {
            return n;
        }
        let n = gzip_size(self.index.file(path).expect("part exists"));
        self.gz.insert(path.to_owned(), n);
        n
    }
}

fn add(searcher: &mut Searcher, sizes: &mut Sizes, parts: &[String]) -> (usize, usize) {
    let mut raw = 0;
    let mut gz = 0;
    for p in parts {
        raw += sizes.raw(p);
        gz += sizes.gz(p);
        searcher
            .add_part(p, sizes.index.file(p).expect("part"))
            .expect("decodes");
    }
    (raw, gz)
}

pub fn report(
    data: &Path,
    docs_file: &str,
    queries_file: &str,
    options: &BuildOptions,
    params: SearchParams,
) {
    let docs = load_docs(&data.join(docs_file)).expect("corpus");
    let queries = load_queries(&data.join(queries_file)).expect("queries");
    let index = build_index(&docs, options);
    let mut sizes = Sizes {
        index: &index,
        gz: HashMap::new(),
    };
    first_queries(&index, &mut sizes, &queries, params);
    println!(
        "\n{docs_file}: {} docs, {} queries typed one character at a time",
        docs.len(),
        queries.len()
    );
    println!("| strategy | keystrokes waiting | parts per round p50 / p95 | last keys waiting | last key rounds p95 / max | last key kB waited for p95 / max | kB in the foreground raw / gzip | kB in the background raw / gzip |");
    println!("|---|---|---|---|---|---|---|---|");
    for (label, strategy) in [
        ("lazy", Strategy::Lazy),
        ("dict", Strategy::Dict),
        ("next", Strategy::Next(1)),
        ("next (3+ chars)", Strategy::Next(3)),
        ("dict+next", Strategy::DictNext(1)),
        ("dict+next (2+ chars)", Strategy::DictNext(2)),
        ("dict+next (3+ chars)", Strategy::DictNext(3)),
    ] {
        let mut searcher = open(&index, params);
        let mut t = Tally::default();
        for q in &queries {
            let chars: Vec<(usize, char)> = q.q.char_indices().collect();
            for (n, &(i, c)) in chars.iter().enumerate() {
                let text = &q.q[..i + c.len_utf8()];
                let parsed = parse_query(text);
                let mut rounds = 0;
                let mut bytes = 0;
                loop {
                    let needed = searcher.needed_parts(&parsed);
                    if needed.is_empty() {
                        break;
                    }
                    rounds += 1;
                    t.requests.push(needed.len());
                    let (raw, gz) = add(&mut searcher, &mut sizes, &needed);
                    bytes += raw;
                    t.foreground_bytes += raw;
                    t.foreground_gz += gz;
                }
                t.keystrokes += 1;
                t.waited += usize::from(rounds > 0);
                if n + 1 == chars.len() {
                    t.last_key_waits += usize::from(rounds > 0);
                    t.last_key_rounds.push(rounds);
                    t.last_key_bytes.push(bytes);
                }
                if matches!(strategy, Strategy::Dict | Strategy::DictNext(_)) {
                    let dict = searcher.missing_dictionary_parts();
                    let (raw, gz) = add(&mut searcher, &mut sizes, &dict);
                    t.background_bytes += raw;
                    t.background_gz += gz;
                }
                let typed = parsed.words.last().map_or(0, |w| w.surface.chars().count());
                let next_from = match strategy {
                    Strategy::DictNext(n) | Strategy::Next(n) => n,
                    _ => usize::MAX,
                };
                if typed >= next_from {
                    loop {
                        let next = searcher.likely_next_parts(&parsed);
                        if next.is_empty() {
                            break;
                        }
                        let (raw, gz) = add(&mut searcher, &mut sizes, &next);
                        t.background_bytes += raw;
                        t.background_gz += gz;
                    }
                }
            }
        }
        let pct = |v: &mut Vec<usize>, p: f64| {
            v.sort_unstable();
            v[((v.len() - 1) as f64 * p).round() as usize]
        };
        let kb = |b: usize| b as f64 / 1024.0;
        println!(
            "| {label} | {} of {} | {} / {} | {} of {} | {} / {} | {:.1} / {:.1} | {:.0} / {:.0} | {:.0} / {:.0} |",
            t.waited,
            t.keystrokes,
            pct(&mut t.requests, 0.5),
            pct(&mut t.requests, 0.95),
            t.last_key_waits,
            queries.len(),
            pct(&mut t.last_key_rounds, 0.95),
            pct(&mut t.last_key_rounds, 1.0),
            kb(pct(&mut t.last_key_bytes, 0.95)),
            kb(pct(&mut t.last_key_bytes, 1.0)),
            kb(t.foreground_bytes),
            kb(t.foreground_gz),
            kb(t.background_bytes),
            kb(t.background_gz),
        );
    }
}

/// What a new visitor's first query downloads (the query as a whole, e.g. from a shared link):
/// root, dictionary parts, posting parts.
fn first_queries(
    index: &BuiltIndex,
    sizes: &mut Sizes,
    queries: &[folio_core::search::eval::BenchQuery],
    params: SearchParams,
) {
    let (mut raw, mut gz, mut parts) = (Vec::new(), Vec::new(), Vec::new());
    let root_gz = gzip_size(index.root());
    for q in queries {
        let mut searcher = open(index, params);
        let parsed = parse_query(&q.q);
        let fetched = folio_core::search::eval::load_for(&mut searcher, index, &parsed);
        raw.push(index.root().len() + fetched.iter().map(|p| sizes.raw(p)).sum::<usize>());
        gz.push(root_gz + fetched.iter().map(|p| sizes.gz(p)).sum::<usize>());
        parts.push(fetched.len());
        if fetched.len() > 40 {
            eprintln!("  first query {:?} fetches {} parts", q.q, fetched.len());
        }
    }
    let pct = |v: &mut Vec<usize>, p: f64| {
        v.sort_unstable();
        v[((v.len() - 1) as f64 * p).round() as usize]
    };
    let kb = |b: usize| b as f64 / 1024.0;
    println!(
        "\nfirst query of a new visitor ({} queries): index kB gzip p50 {:.1} / p95 {:.1} / max {:.1} (raw p50 {:.1} / p95 {:.1} / max {:.1}); parts p50 {} / max {}",
        queries.len(),
        kb(pct(&mut gz, 0.5)),
        kb(pct(&mut gz, 0.95)),
        kb(pct(&mut gz, 1.0)),
        kb(pct(&mut raw, 0.5)),
        kb(pct(&mut raw, 0.95)),
        kb(pct(&mut raw, 1.0)),
        pct(&mut parts, 0.5),
        pct(&mut parts, 1.0),
    );
}
