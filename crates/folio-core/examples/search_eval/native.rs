//! The evaluator itself (host only).
//!
//! Search quality and speed on the peer benchmark's corpora.
//!
//! ```sh
//! cargo run --release -p folio-core --example search_eval -- [--data DIR] [--corpus rust-blog,rust-rfcs]
//!     [--queries-dir DIR --queries-suffix .dev] [--set name=value ...] [--unsplit] [--misses N]
//! cargo run --release -p folio-core --example search_eval -- --scale 10000   # sizes and first-query bytes
//! cargo run --release -p folio-core --example search_eval -- --data DIR --typing scale.json:scale.queries.json
//! ```
//!
//! `--data` defaults to `../shared/bench/search/data` next to this crate. The index goes
//! through the split file format (bytes -> searcher) exactly as in the browser.
//!
//! Tune on a development query set, never on the reported one: the benchmark makes one with
//! `node scripts/queries.mjs --seed 7 --suffix .dev` (then `--queries-dir DIR
//! --queries-suffix .dev`). `--misses N` prints queries whose target is not first, with the
//! target's rank and what beat it; `--dump DIR` writes `DIR/<corpus>.jsonl`, one line per query
//! (rank, top 10 with scores and words matched), for offline analysis; `--corrections` says
//! whether typo and prefix queries' intended word was among the expansions.

use std::path::{Path, PathBuf};
use std::time::Instant;

use folio_core::search::eval::{build_index, evaluate, load_docs, load_queries, BenchDoc, Report};
use folio_core::search::{BuildOptions, SearchParams};

use crate::scale;

struct Args {
    data: PathBuf,
    corpora: Vec<String>,
    queries_dir: Option<PathBuf>,
    queries_suffix: String,
    settings: Vec<(String, f32)>,
    unsplit: bool,
    misses: usize,
    dump: Option<PathBuf>,
    ties: bool,
    corrections: bool,
    explain: Vec<String>,
    write_index: Option<PathBuf>,
    scale: Option<usize>,
    typing: Vec<String>,
}

fn parse_args() -> Args {
    let mut args = Args {
        data: Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/bench/search/data"),
        corpora: vec!["rust-blog".into(), "rust-rfcs".into()],
        queries_dir: None,
        queries_suffix: String::new(),
        settings: Vec::new(),
        unsplit: false,
        misses: 0,
        dump: None,
        ties: false,
        corrections: false,
        explain: Vec::new(),
        write_index: None,
        scale: None,
        typing: Vec::new(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = || it.next().unwrap_or_else(|| panic!("{a} needs a value"));
        match a.as_str() {
            "--data" => args.data = value().into(),
            "--corpus" => args.corpora = value().split(',').map(str::to_owned).collect(),
            "--queries-dir" => args.queries_dir = Some(value().into()),
            "--queries-suffix" => args.queries_suffix = value(),
            "--set" => {
                let v = value();
                let (k, x) = v.split_once('=').expect("--set name=value");
                args.settings
                    .push((k.to_owned(), x.parse().expect("number")));
            }
            "--unsplit" => args.unsplit = true,
            "--ties" => args.ties = true,
            "--corrections" => args.corrections = true,
            "--explain" => args.explain.push(value()),
            "--write-index" => args.write_index = Some(value().into()),
            "--dump" => args.dump = Some(value().into()),
            "--misses" => args.misses = value().parse().expect("number"),
            "--scale" => args.scale = Some(value().parse().expect("number")),
            "--typing" => args.typing.push(value()),
            other => panic!("unknown argument {other}"),
        }
    }
    args
}

fn apply(settings: &[(String, f32)], options: &mut BuildOptions, params: &mut SearchParams) {
    for (k, v) in settings {
        let v = *v;
        match k.as_str() {
            "k1" => options.scoring.k1 = v,
            "dict_shard" => options.dict_shard_bytes = v as usize,
            "post_shard" => options.post_shard_bytes = v as usize,
            "w_title" => options.scoring.weights[0] = v,
            "w_tags" => options.scoring.weights[1] = v,
            "w_summary" => options.scoring.weights[2] = v,
            "w_body" => options.scoring.weights[3] = v,
            "b_title" => options.scoring.b[0] = v,
            "b_summary" => options.scoring.b[2] = v,
            "b_body" => options.scoring.b[3] = v,
            "prefix" => params.prefix_weight = v,
            "typo1" => params.typo_weights[0] = v,
            "typo2" => params.typo_weights[1] = v,
            "ccommon" => params.completion_commonness = v,
            "tcommon" => params.correction_commonness = v,
            "typo_anywhere" => params.typo_anywhere = v > 0.0,
            "completion_budget" => params.completion_postings_per_doc = v,
            "strong" => params.strong_match = v,
            "ending" => params.ending_factor = v,
            "existing" => params.existing_word_typo_factor = v,
            "max_completions" => params.max_completions = v as usize,
            "max_corrections" => params.max_corrections = v as usize,
            "title" => params.title_weight = v,
            "title_first" => params.all_words_in_title_first = v > 0.0,
            "title_k1" => options.scoring.title_k1 = v,
            "title_b" => options.scoring.title_b = v,
            other => panic!("unknown setting {other}"),
        }
    }
}

pub fn main() {
    let args = parse_args();
    let mut options = if args.unsplit {
        BuildOptions::unsplit()
    } else {
        BuildOptions::default()
    };
    let mut params = SearchParams::default();
    apply(&args.settings, &mut options, &mut params);

    if !args.typing.is_empty() {
        // DOCS.json:QUERIES.json, relative to --data (the bench's out/ files for its scale corpus).
        for pair in &args.typing {
            let (docs, queries) = pair
                .split_once(':')
                .expect("--typing DOCS.json:QUERIES.json");
            crate::typing::report(&args.data, docs, queries, &options, params);
        }
        return;
    }
    if let Some(n) = args.scale {
        let docs = load_docs(&args.data.join("rust-blog.json")).expect("rust-blog corpus");
        scale::report(&docs, n, &options, params);
        return;
    }
    if let Some(dir) = &args.write_index {
        // The index files of the first corpus (scaled with --scale-docs N), for the wasm bench.
        let docs = load_docs(&args.data.join(format!("{}.json", args.corpora[0]))).expect("corpus");
        let docs = match std::env::var("SCALE_DOCS")
            .ok()
            .and_then(|v| v.parse().ok())
        {
            Some(n) => scale::corpus(&docs, n),
            None => docs,
        };
        let index = build_index(&docs, &options);
        for (path, bytes) in &index.files {
            let target = dir.join(path);
            std::fs::create_dir_all(target.parent().expect("parent")).expect("mkdir");
            std::fs::write(&target, bytes).expect("write");
        }
        eprintln!("wrote {} files under {}", index.files.len(), dir.display());
        return;
    }

    println!("| corpus | queries | MRR title | MRR body | MRR typo | MRR prefix | MRR all | R@10 t / b / ty / p / all | p50 / p95 / max ms |");
    println!("|---|---|---|---|---|---|---|---|---|");
    for corpus in &args.corpora {
        let docs = load_docs(&args.data.join(format!("{corpus}.json"))).expect("corpus");
        // SCALE_DOCS=N: the corpus repeated to N posts (latency only: copies share answers).
        let docs = match std::env::var("SCALE_DOCS")
            .ok()
            .and_then(|v| v.parse().ok())
        {
            Some(n) => scale::corpus(&docs, n),
            None => docs,
        };
        let qdir = args
            .queries_dir
            .clone()
            .unwrap_or_else(|| args.data.clone());
        let queries =
            load_queries(&qdir.join(format!("{corpus}.queries{}.json", args.queries_suffix)))
                .expect("queries");
        let started = Instant::now();
        let index = build_index(&docs, &options);
        let build_ms = started.elapsed().as_secs_f64() * 1e3;
        let report = evaluate(&index, &docs, &queries, params);
        print_row(corpus, &report);
        eprintln!(
            "{corpus}: built in {build_ms:.0} ms, {} files",
            index.files.len()
        );
        for text in &args.explain {
            let mut searcher = folio_core::search::eval::open(&index, params);
            let parsed = folio_core::search::parse_query(text);
            folio_core::search::eval::load_for(&mut searcher, &index, &parsed);
            println!("{text:?}: {:?}", parsed.words);
            for s in searcher.expand(&parsed) {
                println!(
                    "  slot: {}",
                    s.expansions
                        .iter()
                        .map(|e| format!("{}:{:.2}(df {})", e.text, e.weight, e.term.doc_freq))
                        .collect::<Vec<_>>()
                        .join(", ")
                );
            }
            let t0 = Instant::now();
            let reps: u32 = std::env::var("EXPAND_REPS")
                .ok()
                .and_then(|v| v.parse().ok())
                .unwrap_or(20);
            for _ in 0..reps {
                std::hint::black_box(searcher.expand(&parsed));
                std::hint::black_box(searcher.expand(&folio_core::search::Query::default()));
            }
            let t1 = Instant::now();
            for _ in 0..reps {
                std::hint::black_box(searcher.search(&parsed, 10));
            }
            println!(
                "  expand {:?}, search {:?} (mean of {reps})",
                (t1 - t0) / reps,
                t1.elapsed() / reps
            );
            for h in searcher.search(&parsed, 5) {
                println!(
                    "  {:.3} w{} {:?} {:?}",
                    h.score, h.matched_words, docs[h.doc as usize].title, h.matched_terms
                );
            }
        }
        if args.corrections {
            correction_report(&queries, &index, params);
        }
        if args.ties {
            tie_report(&docs, &queries, &index, params);
        }
        if let Some(dir) = &args.dump {
            dump(
                &dir.join(format!("{corpus}.jsonl")),
                &docs,
                &queries,
                &index,
                params,
            );
        }
        if args.misses > 0 {
            print_misses(&docs, &queries, &report, args.misses, &index, params);
        }
    }
}

fn print_row(corpus: &str, r: &Report) {
    let k = |n: &str| r.kinds.get(n).cloned().unwrap_or_default();
    let ms = |d: std::time::Duration| d.as_secs_f64() * 1e3;
    println!(
        "| {corpus} | {} | {:.3} | {:.3} | {:.3} | {:.3} | **{:.3}** | {:.2} / {:.2} / {:.2} / {:.2} / {:.2} | {:.3} / {:.3} / {:.3} |",
        k("all").queries,
        r.mrr("title"),
        r.mrr("body"),
        r.mrr("typo"),
        r.mrr("prefix"),
        r.mrr("all"),
        k("title").recall(),
        k("body").recall(),
        k("typo").recall(),
        k("prefix").recall(),
        k("all").recall(),
        ms(r.percentile(0.5)),
        ms(r.percentile(0.95)),
        ms(*r.latencies.last().unwrap_or(&std::time::Duration::ZERO)),
    );
}

/// Queries whose target is not first, with what came first (for looking at a dev set only).
fn print_misses(
    docs: &[BenchDoc],
    queries: &[folio_core::search::eval::BenchQuery],
    r: &Report,
    n: usize,
    index: &folio_core::search::BuiltIndex,
    params: SearchParams,
) {
    let mut searcher = folio_core::search::eval::open(index, params);
    for (q, &rank) in queries
        .iter()
        .zip(&r.ranks)
        .filter(|(_, &rank)| rank != 1)
        .take(n)
    {
        let parsed = folio_core::search::parse_query(&q.q);
        folio_core::search::eval::load_for(&mut searcher, index, &parsed);
        let all_hits = searcher.search(&parsed, 100);
        let hits = searcher.search(&parsed, 3);
        let slots: Vec<String> = searcher
            .expand(&parsed)
            .iter()
            .map(|s| {
                s.expansions
                    .iter()
                    .take(6)
                    .map(|e| format!("{}:{:.2}", e.text, e.weight))
                    .collect::<Vec<_>>()
                    .join(",")
            })
            .collect();
        let target = docs
            .iter()
            .find(|d| d.slug == q.relevant[0])
            .map_or("?", |d| d.title.as_str());
        println!(
            "[{}] {:?} rank {} target {:?}\n    slots: {}",
            q.kind,
            q.q,
            rank,
            target,
            slots.join(" | ")
        );
        if let Some((pos, t)) = all_hits
            .iter()
            .enumerate()
            .find(|(_, h)| q.relevant.contains(&docs[h.doc as usize].slug))
        {
            println!(
                "    -> target at {} with {:.3} w{} {:?}",
                pos + 1,
                t.score,
                t.matched_words,
                t.matched_terms
            );
        }
        for h in hits {
            println!(
                "    {:.2} w{} {:?}",
                h.score, h.matched_words, docs[h.doc as usize].title
            );
        }
    }
}

/// MRR@10 if every tie (same words matched, same score) were broken for the target: how much
/// of what is lost is indistinguishable posts (templated titles) rather than ranking.
#[allow(dead_code)]
pub fn tie_report(
    docs: &[BenchDoc],
    queries: &[folio_core::search::eval::BenchQuery],
    index: &folio_core::search::BuiltIndex,
    params: SearchParams,
) {
    let mut searcher = folio_core::search::eval::open(index, params);
    let mut per_kind: std::collections::BTreeMap<String, (usize, f64, f64)> = Default::default();
    for q in queries {
        let parsed = folio_core::search::parse_query(&q.q);
        folio_core::search::eval::load_for(&mut searcher, index, &parsed);
        let hits = searcher.search(&parsed, 200);
        let target = hits
            .iter()
            .position(|h| q.relevant.iter().any(|r| *r == docs[h.doc as usize].slug));
        let (rr, opt) = match target {
            None => (0.0, 0.0),
            Some(p) => {
                let t = &hits[p];
                let better = hits[..p]
                    .iter()
                    .filter(|h| {
                        h.matched_words > t.matched_words
                            || (h.matched_words == t.matched_words && h.score > t.score * 1.0005)
                    })
                    .count();
                let rr = if p < 10 { 1.0 / (p + 1) as f64 } else { 0.0 };
                let opt = if better < 10 {
                    1.0 / (better + 1) as f64
                } else {
                    0.0
                };
                (rr, opt)
            }
        };
        for k in [q.kind.clone(), "all".to_owned()] {
            let e = per_kind.entry(k).or_default();
            e.0 += 1;
            e.1 += rr;
            e.2 += opt;
        }
    }
    for (k, (n, rr, opt)) in per_kind {
        println!(
            "  {k}: MRR {:.3}, ties broken for the target {:.3}",
            rr / n as f64,
            opt / n as f64
        );
    }
}

/// For typo and prefix queries: is the original word's term among the expansions of the word
/// that was changed, and how is it placed? (Dev sets only.)
pub fn correction_report(
    queries: &[folio_core::search::eval::BenchQuery],
    index: &folio_core::search::BuiltIndex,
    params: SearchParams,
) {
    let mut searcher = folio_core::search::eval::open(index, params);
    for kind in ["typo", "prefix"] {
        let (mut n, mut missing, mut best, mut lower) = (0, 0, 0, 0);
        for q in queries.iter().filter(|q| q.kind == kind) {
            let Some(orig) = &q.original else { continue };
            let parsed = folio_core::search::parse_query(&q.q);
            folio_core::search::eval::load_for(&mut searcher, index, &parsed);
            let want = folio_core::search::stem(&folio_core::search::fold(orig)).into_owned();
            let slots = searcher.expand(&parsed);
            n += 1;
            let slot = slots
                .iter()
                .find(|s| s.expansions.iter().any(|e| e.text == want));
            match slot {
                None => {
                    missing += 1;
                    if kind == "typo" {
                        println!("  no {want:?} for {:?}", q.q);
                    }
                }
                Some(s) => {
                    let top = s.expansions.iter().map(|e| e.weight).fold(0.0, f32::max);
                    let w = s
                        .expansions
                        .iter()
                        .find(|e| e.text == want)
                        .map_or(0.0, |e| e.weight);
                    if w >= top {
                        best += 1
                    } else {
                        lower += 1;
                        if std::env::var("SHOW_LOWER").is_ok() {
                            let list: Vec<String> = s
                                .expansions
                                .iter()
                                .take(5)
                                .map(|e| format!("{}:{:.2}/{}", e.text, e.weight, e.term.doc_freq))
                                .collect();
                            println!("  lower {kind} {:?} want {want:?}: {}", q.q, list.join(" "));
                        }
                    }
                }
            }
        }
        println!("{kind}: {n} queries; original term missing {missing}, top weight {best}, below another expansion {lower}");
    }
}

/// One JSON line per query: kind, query, target slug and title, target rank (1-based, in the
/// top 100; 0 when absent) and the top 10 (title, score, words matched), for offline analysis.
fn dump(
    path: &Path,
    docs: &[BenchDoc],
    queries: &[folio_core::search::eval::BenchQuery],
    index: &folio_core::search::BuiltIndex,
    params: SearchParams,
) {
    use std::io::Write;
    let mut searcher = folio_core::search::eval::open(index, params);
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("dump file"));
    for q in queries {
        let parsed = folio_core::search::parse_query(&q.q);
        folio_core::search::eval::load_for(&mut searcher, index, &parsed);
        let hits = searcher.search(&parsed, 100);
        let rank = hits
            .iter()
            .position(|h| q.relevant.contains(&docs[h.doc as usize].slug))
            .map_or(0, |p| p + 1);
        let target = docs.iter().find(|d| d.slug == q.relevant[0]);
        let top: Vec<serde_json::Value> = hits
            .iter()
            .take(10)
            .map(|h| {
                serde_json::json!([
                    docs[h.doc as usize].title,
                    h.score,
                    h.matched_words,
                    docs[h.doc as usize].slug
                ])
            })
            .collect();
        let t = if rank > 0 {
            Some(&hits[rank - 1])
        } else {
            None
        };
        let line = serde_json::json!({
            "kind": q.kind, "q": q.q, "target": q.relevant[0],
            "title": target.map(|d| d.title.as_str()),
            "rank": rank,
            "tscore": t.map(|h| h.score), "twords": t.map(|h| h.matched_words),
            "top": top,
        });
        writeln!(out, "{line}").expect("write dump");
    }
}
