//! Known-item evaluation against the peer benchmark's corpora and query sets (native only):
//! used by `examples/search_eval.rs` and the quality regression test.
//!
//! A query's score is the reciprocal rank of the first relevant post in the top 10 (MRR@10),
//! and whether one is there at all (recall@10), per query kind and over all queries, as the
//! benchmark computes them.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::time::{Duration, Instant};

use serde::Deserialize;

use super::{
    parse_query, BuildOptions, BuiltIndex, DocFields, IndexBuilder, SearchParams, Searcher,
};

/// A post of a benchmark corpus (`data/<corpus>.json`).
#[derive(Clone, Debug, Deserialize)]
pub struct BenchDoc {
    pub slug: String,
    pub title: String,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub tags: Option<Vec<String>>,
    #[serde(default)]
    pub summary: Option<String>,
    pub body: String,
}

/// A known-item query (`data/<corpus>.queries.json`).
#[derive(Clone, Debug, Deserialize)]
pub struct BenchQuery {
    pub kind: String,
    pub q: String,
    pub relevant: Vec<String>,
    /// For typo and prefix queries: the word before it was misspelled or cut.
    #[serde(default)]
    pub original: Option<String>,
}

#[derive(Deserialize)]
struct QueryFile {
    queries: Vec<BenchQuery>,
}

pub fn load_docs(path: &Path) -> Result<Vec<BenchDoc>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

pub fn load_queries(path: &Path) -> Result<Vec<BenchQuery>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let file: QueryFile =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(file.queries)
}

/// Builds the index of `docs`, doc ids being positions in the slice.
pub fn build_index(docs: &[BenchDoc], options: &BuildOptions) -> BuiltIndex {
    let mut builder = IndexBuilder::new();
    for (i, d) in docs.iter().enumerate() {
        let tags = d.tags.as_deref().unwrap_or_default();
        let summary = d.summary.as_deref().unwrap_or_default();
        builder.add_doc(
            i as u32,
            DocFields {
                title: &d.title,
                tags,
                summary,
                body: &d.body,
            },
        );
    }
    builder.finish(options)
}

/// A searcher over `index` that fetches its parts from memory.
pub fn open(index: &BuiltIndex, params: SearchParams) -> Searcher {
    Searcher::new(index.root())
        .expect("root decodes")
        .with_params(params)
}

/// Loads what `query` needs from `index`; returns the paths fetched.
pub fn load_for(searcher: &mut Searcher, index: &BuiltIndex, query: &super::Query) -> Vec<String> {
    let mut fetched = Vec::new();
    searcher
        .load_parts_for(query, |path| {
            fetched.push(path.to_owned());
            index
                .file(path)
                .map(<[u8]>::to_vec)
                .ok_or(super::FormatError("missing part"))
        })
        .expect("every needed part exists");
    fetched
}

#[derive(Clone, Debug, Default)]
pub struct KindScore {
    pub queries: usize,
    pub reciprocal_rank_sum: f64,
    pub found_in_top10: usize,
}

impl KindScore {
    pub fn mrr(&self) -> f64 {
        self.reciprocal_rank_sum / self.queries.max(1) as f64
    }

    pub fn recall(&self) -> f64 {
        self.found_in_top10 as f64 / self.queries.max(1) as f64
    }
}

#[derive(Clone, Debug, Default)]
pub struct Report {
    /// Per query kind, plus "all".
    pub kinds: BTreeMap<String, KindScore>,
    /// Per-query search time (parse, `needed_parts`, `search`; parts loaded), sorted.
    pub latencies: Vec<Duration>,
    /// Rank (1-based, 0 = not in the top 10) per query, in query order.
    pub ranks: Vec<usize>,
}

impl Report {
    pub fn mrr(&self, kind: &str) -> f64 {
        self.kinds.get(kind).map_or(0.0, KindScore::mrr)
    }

    pub fn percentile(&self, p: f64) -> Duration {
        if self.latencies.is_empty() {
            return Duration::ZERO;
        }
        let i = ((self.latencies.len() - 1) as f64 * p).round() as usize;
        self.latencies[i]
    }
}

/// Runs every query against `index` and scores the top 10.
pub fn evaluate(
    index: &BuiltIndex,
    docs: &[BenchDoc],
    queries: &[BenchQuery],
    params: SearchParams,
) -> Report {
    let slug_of: Vec<&str> = docs.iter().map(|d| d.slug.as_str()).collect();
    let mut searcher = open(index, params);
    let mut report = Report::default();
    let mut kinds: HashMap<String, KindScore> = HashMap::new();
    // First pass: fetch what every query needs. Second pass, timed: what each keystroke costs
    // in the app once the parts are there (parse, ask for parts, search).
    for q in queries {
        load_for(&mut searcher, index, &parse_query(&q.q));
    }
    for q in queries {
        let started = Instant::now();
        let parsed = parse_query(&q.q);
        assert!(searcher.needed_parts(&parsed).is_empty());
        let hits = searcher.search(&parsed, 10);
        let took = started.elapsed();
        if took.as_millis() >= 20 {
            eprintln!("slow query ({took:?}): {:?}", q.q);
        }
        report.latencies.push(took);
        let rank = hits
            .iter()
            .position(|h| q.relevant.iter().any(|r| r == slug_of[h.doc as usize]))
            .map_or(0, |p| p + 1);
        report.ranks.push(rank);
        for kind in [q.kind.as_str(), "all"] {
            let k = kinds.entry(kind.to_owned()).or_default();
            k.queries += 1;
            if rank > 0 {
                k.reciprocal_rank_sum += 1.0 / rank as f64;
                k.found_in_top10 += 1;
            }
        }
    }
    report.latencies.sort_unstable();
    report.kinds = kinds.into_iter().collect();
    report
}
