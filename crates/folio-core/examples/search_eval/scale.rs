//! The 10,000-post check: the rust-blog posts repeated (copies get new slugs and titles) until
//! there are `n`, then index sizes, what a new visitor's first query downloads, and latency.

use std::collections::HashMap;
use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use folio_core::search::eval::{build_index, load_for, load_queries, open, BenchDoc};
use folio_core::search::format::ROOT_PATH;
use folio_core::search::{parse_query, BuildOptions, BuiltIndex, SearchParams};

/// Size after `gzip -9`, as a static host or CDN would serve it.
pub fn gzip_size(bytes: &[u8]) -> usize {
    let mut child = Command::new("gzip")
        .arg("-9c")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("gzip on PATH");
    let mut stdin = child.stdin.take().expect("stdin");
    let data = bytes.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&data));
    let out = child.wait_with_output().expect("gzip runs");
    writer.join().expect("writer").expect("write to gzip");
    out.stdout.len()
}

pub fn corpus(docs: &[BenchDoc], n: usize) -> Vec<BenchDoc> {
    (0..n)
        .map(|i| {
            let mut d = docs[i % docs.len()].clone();
            let copy = i / docs.len();
            if copy > 0 {
                d.slug = format!("{}--copy{copy}", d.slug);
                d.title = format!("{} (copy {copy})", d.title);
            }
            d
        })
        .collect()
}

/// Gzipped sizes, cached per index and path (both indexes have a root at the same path).
struct Sizes {
    gz: HashMap<(usize, String), usize>,
}

impl Sizes {
    fn gz(&mut self, index: &BuiltIndex, path: &str) -> usize {
        let key = (index as *const BuiltIndex as usize, path.to_owned());
        if let Some(&n) = self.gz.get(&key) {
            return n;
        }
        let n = gzip_size(index.file(path).expect("file exists"));
        self.gz.insert(key, n);
        n
    }
}

fn describe(index: &BuiltIndex, sizes: &mut Sizes, label: &str, docs: usize) {
    let mut groups: HashMap<&str, (usize, usize, usize)> = HashMap::new();
    for (path, bytes) in &index.files {
        let kind = if path == ROOT_PATH {
            "root"
        } else if path.starts_with("search/d-") {
            "dictionary shards"
        } else if path.starts_with("search/p-") {
            "posting shards"
        } else {
            "texts"
        };
        let g = groups.entry(kind).or_default();
        g.0 += 1;
        g.1 += bytes.len();
        if kind != "texts" {
            g.2 += sizes.gz(index, path);
        }
    }
    println!("\n{label}: {docs} docs");
    println!("| part | files | raw kB | gzip kB |");
    println!("|---|---|---|---|");
    for kind in ["root", "dictionary shards", "posting shards", "texts"] {
        if let Some(&(n, raw, gz)) = groups.get(kind) {
            let gz = if kind == "texts" {
                "-".to_owned()
            } else {
                format!("{:.1}", gz as f64 / 1024.0)
            };
            println!("| {kind} | {n} | {:.1} | {gz} |", raw as f64 / 1024.0);
        }
    }
}

pub fn report(blog: &[BenchDoc], n: usize, options: &BuildOptions, params: SearchParams) {
    let mut sizes = Sizes { gz: HashMap::new() };
    let small = build_index(blog, options);
    describe(&small, &mut sizes, "rust-blog", blog.len());

    let docs = corpus(blog, n);
    let started = Instant::now();
    let index = build_index(&docs, options);
    eprintln!("built {n} docs in {:.1} s", started.elapsed().as_secs_f64());
    describe(&index, &mut sizes, "scale", n);

    for (label, idx) in [("rust-blog", &small), ("scale", &index)] {
        // Load = decode: the root, then every part (what a visitor who searched everything has).
        let reps = 20;
        let t0 = Instant::now();
        for _ in 0..reps {
            let mut s = open(idx, params);
            for p in s.all_parts() {
                s.add_part(&p, idx.file(&p).expect("part"))
                    .expect("decodes");
            }
            std::hint::black_box(&s);
        }
        let all = t0.elapsed() / reps;
        let t1 = Instant::now();
        for _ in 0..reps {
            std::hint::black_box(open(idx, params));
        }
        println!(
            "\n{label}: decode root {:.3} ms; root + all parts {:.2} ms (native)",
            (t1.elapsed() / reps).as_secs_f64() * 1e3,
            all.as_secs_f64() * 1e3
        );
    }

    let queries = load_queries(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/bench/search/data/rust-blog.queries.json"),
    )
    .expect("queries");
    for (label, idx) in [("rust-blog", &small), ("scale", &index)] {
        let root_gz = sizes.gz(idx, ROOT_PATH);
        let mut index_raw = Vec::new();
        let mut index_gz = Vec::new();
        let mut texts_gz = Vec::new();
        let mut latencies: Vec<Duration> = Vec::new();
        for q in queries.iter().step_by(4) {
            // A new visitor: fresh searcher, only the root so far.
            let mut searcher = open(idx, params);
            let parsed = parse_query(&q.q);
            let fetched = load_for(&mut searcher, idx, &parsed);
            let raw: usize = fetched
                .iter()
                .map(|p| idx.file(p).map_or(0, <[u8]>::len))
                .sum::<usize>()
                + idx.root().len();
            let gz: usize = fetched.iter().map(|p| sizes.gz(idx, p)).sum::<usize>() + root_gz;
            // Forget the plan made while loading, then time a keystroke's whole work.
            let searcher = searcher.with_params(params);
            let t0 = Instant::now();
            assert!(searcher.needed_parts(&parsed).is_empty());
            let hits = searcher.search(&parsed, 10);
            latencies.push(t0.elapsed());
            let text_gz: usize = hits
                .iter()
                .filter_map(|h| searcher.text_path(h.doc))
                .map(|p| sizes.gz(idx, &p))
                .sum();
            index_raw.push(raw);
            index_gz.push(gz);
            texts_gz.push(text_gz);
        }
        let pct = |v: &mut Vec<usize>, p: f64| {
            v.sort_unstable();
            v[((v.len() - 1) as f64 * p).round() as usize] as f64 / 1024.0
        };
        latencies.sort_unstable();
        let lat = |p: f64| {
            latencies[((latencies.len() - 1) as f64 * p).round() as usize].as_secs_f64() * 1e3
        };
        println!(
            "\n{label}, first query of a new visitor ({} queries): index bytes gzip p50 {:.1} / p95 {:.1} / max {:.1} kB (raw p50 {:.1} / p95 {:.1} / max {:.1} kB); top-10 texts gzip p50 {:.1} / p95 {:.1} kB; search p50 {:.3} / p95 {:.3} ms",
            index_gz.len(),
            pct(&mut index_gz, 0.5),
            pct(&mut index_gz, 0.95),
            pct(&mut index_gz, 1.0),
            pct(&mut index_raw, 0.5),
            pct(&mut index_raw, 0.95),
            pct(&mut index_raw, 1.0),
            pct(&mut texts_gz, 0.5),
            pct(&mut texts_gz, 0.95),
            lat(0.5),
            lat(0.95),
        );
    }
}
