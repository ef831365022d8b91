//! Search quality and speed on the peer benchmark's corpora.
//!
//! ```sh
//! cargo run --release --example search_eval -- [--data DIR] [--corpus rust-blog,rust-rfcs]
//!     [--queries-dir DIR --queries-suffix .dev] [--set name=value ...] [--unsplit] [--misses N]
//! cargo run --release --example search_eval -- --scale 10000   # sizes and first-query bytes
//! ```
//!
//! `--data` defaults to `../shared/bench/search/data` next to this crate. The index goes
//! through the split file format (bytes -> searcher) exactly as in the browser.

use std::path::{Path, PathBuf};
use std::time::Instant;

use folio::search::eval::{build_index, evaluate, load_docs, load_queries, BenchDoc, Report};
use folio::search::{BuildOptions, SearchParams};

mod scale;

struct Args {
    data: PathBuf,
    corpora: Vec<String>,
    queries_dir: Option<PathBuf>,
    queries_suffix: String,
    settings: Vec<(String, f32)>,
    unsplit: bool,
    misses: usize,
    scale: Option<usize>,
}

fn parse_args() -> Args {
    let mut args = Args {
        data: Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/search/data"),
        corpora: vec!["rust-blog".into(), "rust-rfcs".into()],
        queries_dir: None,
        queries_suffix: String::new(),
        settings: Vec::new(),
        unsplit: false,
        misses: 0,
        scale: None,
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
                args.settings.push((k.to_owned(), x.parse().expect("number")));
            }
            "--unsplit" => args.unsplit = true,
            "--misses" => args.misses = value().parse().expect("number"),
            "--scale" => args.scale = Some(value().parse().expect("number")),
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
            "common" => params.commonness_exponent = v,
            "existing" => params.existing_word_typo_factor = v,
            "max_completions" => params.max_completions = v as usize,
            "max_corrections" => params.max_corrections = v as usize,
            "title_bonus" => params.title_bonus = v,
            other => panic!("unknown setting {other}"),
        }
    }
}

fn main() {
    let args = parse_args();
    let mut options = if args.unsplit { BuildOptions::unsplit() } else { BuildOptions::default() };
    let mut params = SearchParams::default();
    apply(&args.settings, &mut options, &mut params);

    if let Some(n) = args.scale {
        let docs = load_docs(&args.data.join("rust-blog.json")).expect("rust-blog corpus");
        scale::report(&docs, n, &options, params);
        return;
    }

    println!("| corpus | queries | MRR title | MRR body | MRR typo | MRR prefix | MRR all | R@10 t / b / ty / p / all | p50 / p95 / max ms |");
    println!("|---|---|---|---|---|---|---|---|---|");
    for corpus in &args.corpora {
        let docs = load_docs(&args.data.join(format!("{corpus}.json"))).expect("corpus");
        let qdir = args.queries_dir.clone().unwrap_or_else(|| args.data.clone());
        let queries = load_queries(&qdir.join(format!("{corpus}.queries{}.json", args.queries_suffix))).expect("queries");
        let started = Instant::now();
        let index = build_index(&docs, &options);
        let build_ms = started.elapsed().as_secs_f64() * 1e3;
        let report = evaluate(&index, &docs, &queries, params);
        print_row(corpus, &report);
        eprintln!("{corpus}: built in {build_ms:.0} ms, {} files", index.files.len());
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
fn print_misses(docs: &[BenchDoc], queries: &[folio::search::eval::BenchQuery], r: &Report, n: usize, index: &folio::search::BuiltIndex, params: SearchParams) {
    let mut searcher = folio::search::eval::open(index, params);
    for (q, &rank) in queries.iter().zip(&r.ranks).filter(|(_, &rank)| rank != 1).take(n) {
        let parsed = folio::search::parse_query(&q.q);
        folio::search::eval::load_for(&mut searcher, index, &parsed);
        let hits = searcher.search(&parsed, 3);
        let slots: Vec<String> = searcher
            .expand(&parsed)
            .iter()
            .map(|s| s.expansions.iter().take(6).map(|e| format!("{}:{:.2}", e.text, e.weight)).collect::<Vec<_>>().join(","))
            .collect();
        let target = docs.iter().find(|d| d.slug == q.relevant[0]).map_or("?", |d| d.title.as_str());
        println!("[{}] {:?} rank {} target {:?}\n    slots: {}", q.kind, q.q, rank, target, slots.join(" | "));
        for h in hits {
            println!("    {:.2} w{} {:?}", h.score, h.matched_words, docs[h.doc as usize].title);
        }
    }
}
