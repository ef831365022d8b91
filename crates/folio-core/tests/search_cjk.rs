#![cfg(not(target_arch = "wasm32"))]
//! One Chinese character as a query: found wherever it stands, a title holding it first, and
//! only that character marked. Also the exact count of a broad query and filtered ranking.

use folio_core::search::{
    highlight, parse_query, snippet, BuildOptions, BuiltIndex, DocFields, FormatError, Hit,
    IndexBuilder, Ranked, Searcher,
};

/// (title, body) per post; doc ids are positions.
fn build(docs: &[(&str, &str)]) -> BuiltIndex {
    let mut b = IndexBuilder::new();
    for (i, (title, body)) in docs.iter().enumerate() {
        b.add_doc(
            i as u32,
            DocFields {
                title,
                tags: &[],
                summary: "",
                body,
            },
        );
    }
    b.finish(&BuildOptions::default())
}

fn ranked(index: &BuiltIndex, q: &str, limit: usize, keep: &dyn Fn(u32) -> bool) -> Ranked {
    let mut s = Searcher::new(index.root()).unwrap();
    let query = parse_query(q);
    s.load_parts_for(&query, |p| {
        index
            .file(p)
            .map(<[u8]>::to_vec)
            .ok_or(FormatError("missing"))
    })
    .unwrap();
    s.search_filtered(&query, limit, keep)
}

fn search(index: &BuiltIndex, q: &str) -> Vec<Hit> {
    ranked(index, q, 10, &|_| true).hits
}

/// The marked parts of `text` for these terms.
fn marked<'a>(text: &'a str, terms: &[String]) -> Vec<&'a str> {
    highlight(text, terms)
        .into_iter()
        .map(|r| &text[r])
        .collect()
}

const CAT_POSTS: &[(&str, &str)] = &[
    // 0..=2: owls, the character only inside 猫头鹰, many times.
    (
        "猫头鹰观察记",
        "夜里的猫头鹰很安静。猫头鹰吃老鼠，猫头鹰会飞。",
    ),
    (
        "再看猫头鹰",
        "猫头鹰在树上。我们拍了猫头鹰的照片，猫头鹰看着我们。",
    ),
    ("猫头鹰的眼睛", "猫头鹰的眼睛很大，猫头鹰能在夜里看清楚。"),
    // 3: the cat, in the title's last place.
    ("卡马克的猫", "他养了一只猫，每天写代码。"),
    // 4, 5: the character before punctuation only.
    ("周末", "我们在公园看见一只小猫、一只狗和几只鸟。"),
    ("动画", "小时候最喜欢的动画是机器猫。"),
    // 6: in the middle of a run.
    ("邻居", "隔壁的小猫咪很可爱"),
    // 7: not at all.
    ("天气", "今天下雨，明天晴天。"),
];

#[test]
fn one_character_is_found_wherever_it_stands() {
    let index = build(CAT_POSTS);
    let mut docs: Vec<u32> = search(&index, "猫").iter().map(|h| h.doc).collect();
    docs.sort_unstable();
    assert_eq!(docs, [0, 1, 2, 3, 4, 5, 6]);
}

#[test]
fn a_title_holding_the_character_ranks_first() {
    let index = build(CAT_POSTS);
    let hits = search(&index, "猫");
    assert_eq!(hits[0].doc, 3, "{hits:?}");
}

#[test]
fn only_the_matched_character_is_marked() {
    let index = build(CAT_POSTS);
    for hit in search(&index, "猫") {
        let (title, body) = CAT_POSTS[hit.doc as usize];
        let s = snippet(body, &hit.matched_terms, 80);
        let marks: Vec<&str> = s.ranges.iter().map(|r| &s.text[r.clone()]).collect();
        assert!(!marks.is_empty(), "doc {} has a mark", hit.doc);
        assert!(
            marks.iter().all(|m| *m == "猫"),
            "doc {}: {marks:?}",
            hit.doc
        );
        assert!(marked(title, &hit.matched_terms).iter().all(|m| *m == "猫"));
    }
    // Every occurrence is marked once: the owl post's title and a body with three of them.
    let terms = vec!["猫".to_owned()];
    assert_eq!(marked("猫头鹰观察记", &terms), ["猫"]);
    assert_eq!(marked("小猫、机器猫。猫", &terms), ["猫", "猫", "猫"]);
}

#[test]
fn a_two_character_query_still_means_the_bigram() {
    let index = build(CAT_POSTS);
    let hits = search(&index, "猫头");
    let mut docs: Vec<u32> = hits.iter().map(|h| h.doc).collect();
    docs.sort_unstable();
    assert_eq!(docs, [0, 1, 2]);
    assert_eq!(marked("猫头鹰", &hits[0].matched_terms), ["猫头"]);
}

#[test]
fn the_count_is_exact_beyond_the_limit_and_a_filter_narrows_it() {
    let bodies: Vec<String> = (0..137)
        .map(|i| format!("Post {i} says something about ownership."))
        .collect();
    let mut docs: Vec<(&str, &str)> = bodies.iter().map(|b| ("A post", b.as_str())).collect();
    docs.push(("Unrelated", "Nothing to see here."));
    let index = build(&docs);
    let all = ranked(&index, "ownership", 20, &|_| true);
    assert_eq!(all.hits.len(), 20);
    assert_eq!(all.total, 137);
    assert_eq!(all.all.len(), 137);
    // A second page is the next twenty, the first unchanged.
    let more = ranked(&index, "ownership", 40, &|_| true);
    assert_eq!(more.hits[..20], all.hits[..]);
    let even = ranked(&index, "ownership", 20, &|d| d % 2 == 0);
    assert_eq!(even.total, 69);
    assert!(even.hits.iter().all(|h| h.doc % 2 == 0));
    assert_eq!(even.all.len(), 137, "every match, for the tag counts");
}
