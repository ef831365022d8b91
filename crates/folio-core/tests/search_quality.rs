#![cfg(not(target_arch = "wasm32"))]
//! Quality regression on the peer benchmark's Rust blog corpus: MRR@10 floors well above the
//! best in-browser peer (MiniSearch: 0.742 over all queries). Skipped in a clone without
//! `../shared`; never skipped under `FOLIO_REQUIRE_SHARED` (CI).

use folio_core::search::eval::{build_index, evaluate, load_docs, load_queries};
use folio_core::search::{BuildOptions, SearchParams};

mod support {
    pub mod shared;
}

#[test]
fn rust_blog_mrr_stays_above_the_floor() {
    let Some(dir) = support::shared::shared("bench/search/data") else {
        return;
    };
    let docs = load_docs(&dir.join("rust-blog.json"))
        .unwrap_or_else(|e| panic!("benchmark corpus missing: {e}"));
    let queries = load_queries(&dir.join("rust-blog.queries.json"))
        .unwrap_or_else(|e| panic!("benchmark queries missing: {e}"));
    assert_eq!(docs.len(), 751);
    assert!(queries.len() > 1000);

    let index = build_index(&docs, &BuildOptions::default());
    let report = evaluate(&index, &docs, &queries, SearchParams::default());
    // Achieved when set: all 0.827, title 0.783, body 0.896, typo 0.812, prefix 0.815. Peers on
    // the same queries (benchmark, in Chromium): MiniSearch all 0.760; best per kind title
    // 0.744, body 0.876, typo 0.738, prefix 0.777.
    let floors = [
        ("all", 0.815),
        ("title", 0.77),
        ("body", 0.885),
        ("typo", 0.80),
        ("prefix", 0.80),
    ];
    let mut failures = Vec::new();
    for (kind, floor) in floors {
        let mrr = report.mrr(kind);
        eprintln!("MRR@10 {kind}: {mrr:.3} (floor {floor})");
        if mrr < floor {
            failures.push(format!("{kind}: {mrr:.3} < {floor}"));
        }
    }
    assert!(failures.is_empty(), "MRR@10 below the floor: {failures:?}");
}
