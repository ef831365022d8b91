#![cfg(not(target_arch = "wasm32"))]
//! Ranking behaviour on small hand-made corpora.

use folio_core::search::{
    parse_query, BuildOptions, BuiltIndex, DocFields, Hit, IndexBuilder, SearchParams, Searcher,
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

fn search(index: &BuiltIndex, q: &str) -> Vec<Hit> {
    let mut s = Searcher::new(index.root()).unwrap();
    let query = parse_query(q);
    s.load_parts_for(&query, |p| {
        index
            .file(p)
            .map(<[u8]>::to_vec)
            .ok_or(folio_core::search::FormatError("missing"))
    })
    .unwrap();
    s.search(&query, 10)
}

fn docs(index: &BuiltIndex, q: &str) -> Vec<u32> {
    search(index, q).into_iter().map(|h| h.doc).collect()
}

const FILLER: &str =
    "Some words about the weather, gardening and the price of tea in a small town.";

#[test]
fn title_match_ranks_above_body_match() {
    let index = build(&[
        (
            "Notes from the garden",
            "ownership ownership ownership: the word appears a lot in this body, ownership again.",
        ),
        ("Ownership explained", FILLER),
        ("Unrelated", FILLER),
    ]);
    assert_eq!(docs(&index, "ownership "), [1, 0]);
}

#[test]
fn all_words_rank_above_any_word() {
    let index = build(&[
        ("Borrowing", "borrow borrow borrow borrow borrow: a post that says borrow a lot but never the other word."),
        ("Tools", "the borrow checker is a tool"),
        ("Checkers", "checker checker checker checker, the board game"),
    ]);
    let found = docs(&index, "borrow checker ");
    assert_eq!(found[0], 1);
    assert_eq!(found.len(), 3, "any-word matches still follow: {found:?}");
    // A word nobody has does not hide the posts that match the rest.
    let partial = docs(&index, "borrow zzqxj ");
    assert!(partial.contains(&0) && partial.contains(&1), "{partial:?}");
}

#[test]
fn word_being_typed_matches_completions() {
    let index = build(&[
        ("Ownership", FILLER),
        ("Borrowing rules", FILLER),
        ("Owls", "owls at night"),
    ]);
    assert_eq!(docs(&index, "owner"), [0]);
    assert_eq!(docs(&index, "borr"), [1]);
    let own = docs(&index, "ow");
    assert!(own.contains(&0) && own.contains(&2));
    // Once a space follows, the word is complete: no completions.
    assert!(docs(&index, "borr ").is_empty());
}

#[test]
fn typos_are_forgiven_and_exact_matches_rank_first() {
    let index = build(&[
        ("Understanding ownership", FILLER),
        ("Ownershep of crates", FILLER), // a real (if odd) word of the corpus
        ("Something else", FILLER),
    ]);
    // Swapped letters (one edit, Damerau), a deletion, an insertion.
    assert_eq!(docs(&index, "understnading ")[0], 0);
    assert_eq!(docs(&index, "ownrship ")[0], 0);
    assert_eq!(docs(&index, "owenrship ")[0], 0);
    // The word as typed exists: its exact post ranks first.
    let hits = search(&index, "ownershep ");
    assert_eq!(hits[0].doc, 1);
    // A typo one edit from two words: both found.
    let both = docs(&index, "ownershap ");
    assert!(both.contains(&0) && both.contains(&1), "{both:?}");
}

#[test]
fn an_existing_word_does_not_drag_in_its_neighbours() {
    // "sever" is a word of the corpus; "server" is one edit away and common.
    let mut posts = vec![("Sever the link", FILLER)];
    for _ in 0..12 {
        posts.push(("Web server setup", FILLER));
    }
    let index = build(&posts);
    let hits = search(&index, "sever ");
    assert_eq!(hits[0].doc, 0);
    // Neighbours may follow, far below and not counted as matching the word.
    for h in &hits[1..] {
        assert!(h.score < hits[0].score * 0.5, "{hits:?}");
        assert_eq!(h.matched_words, 0);
    }
    // A rare neighbour of an existing word is not suggested at all.
    let index = build(&[("Sever the link", FILLER), ("A server", FILLER)]);
    assert_eq!(docs(&index, "sever "), [0]);
}

#[test]
fn stemming_case_and_diacritics() {
    let index = build(&[
        ("Scheduling the trains", FILLER),
        ("Le café de la Gare", "résumé naïve"),
    ]);
    assert_eq!(docs(&index, "schedules "), [0]);
    assert_eq!(docs(&index, "SCHEDULED "), [0]);
    assert_eq!(docs(&index, "cafe "), [1]);
    assert_eq!(docs(&index, "resume naive "), [1]);
    assert_eq!(docs(&index, "Café "), [1]);
}

#[test]
fn cjk_text_is_searchable() {
    let index = build(&[
        ("東京の天気", "今日は晴れです"),
        ("大阪の食べ物", "たこ焼きが好き"),
        ("Rust", "錆"),
    ]);
    assert_eq!(docs(&index, "東京"), [0]);
    assert_eq!(docs(&index, "天気 "), [0]);
    assert_eq!(docs(&index, "たこ焼き"), [1]);
    assert_eq!(docs(&index, "錆"), [2]);
    assert!(docs(&index, "名古屋 ").is_empty());
    // One character typed so far: the bigrams starting with it.
    assert_eq!(docs(&index, "東"), [0]);
    assert_eq!(docs(&index, "大"), [1]);
}

#[test]
fn compounds_and_versions() {
    let index = build(&[
        ("No std support", "works in #![no_std] crates"),
        ("Standard library", "the std library is standard"),
        ("Announcing Rust 1.42", "subslice patterns"),
        ("Announcing Rust 1.41", "other things 42"),
    ]);
    assert_eq!(docs(&index, "no_std ")[0], 0);
    assert_eq!(docs(&index, "nostd "), [0]);
    assert_eq!(docs(&index, "rust 1.42 ")[0], 2);
}

#[test]
fn matched_terms_name_what_to_highlight() {
    let index = build(&[("Scheduling trains", "the trains run on schedule")]);
    let hits = search(&index, "schedule trai");
    assert_eq!(hits.len(), 1);
    let mut terms = hits[0].matched_terms.clone();
    terms.sort();
    assert_eq!(terms, ["schedul", "train"]);
}

#[test]
fn empty_and_stop_word_queries_find_nothing() {
    let index = build(&[("The post", FILLER)]);
    assert!(docs(&index, "").is_empty());
    assert!(docs(&index, "the of and ").is_empty());
    assert!(docs(&index, "   ").is_empty());
}

#[test]
fn a_typo_in_the_first_letter_is_found_when_nothing_else_is() {
    let index = build(&[
        ("Release notes", FILLER),
        ("Cargo tips", FILLER),
        ("Velvet", "velvet cloth"),
    ]);
    assert_eq!(docs(&index, "reldase ")[0], 0);
    // Substituted first letter, no neighbour starting with "x" or "e": all terms are searched.
    assert_eq!(docs(&index, "xelease ")[0], 0);
    assert_eq!(docs(&index, "uargo ")[0], 1);
}

#[test]
fn a_typo_in_the_first_letter_is_found_beside_neighbours_of_the_rest() {
    // "thile" has neighbours starting with its own first letters ("tile", "thin"), which used to
    // end the search; "while" (first letter replaced) and "kevin" (first letter missing) are
    // what the reader meant, and the most common.
    let mut posts = vec![
        ("Tile floors", "a tile, thin"),
        ("Thin crust", "thin thin"),
        ("Thanks Kevin", "kevin kevin"),
    ];
    for _ in 0..6 {
        posts.push(("Loops", "while loops, while let, a loop while it runs"));
    }
    let index = build(&posts);
    let found = docs(&index, "thile ");
    assert!(found[0] >= 3, "a while post first: {found:?}");
    assert_eq!(docs(&index, "evin ")[0], 2);
}

#[test]
fn a_short_word_found_nowhere_is_corrected() {
    // Four letters: too short for typo tolerance when the word exists, but "carg" matches
    // nothing at all (not a term, no completion once finished), so its neighbour is used.
    let index = build(&[
        ("Cards", "card games"),
        ("Cargo tips", FILLER),
        ("Cargo workspaces", FILLER),
        ("Carry on", FILLER),
    ]);
    let found = docs(&index, "carg ");
    assert!(found.starts_with(&[1, 2]), "{found:?}");
    // An existing four-letter word is not corrected.
    assert_eq!(docs(&index, "card "), [0]);
}

#[test]
fn a_typo_in_the_ending_still_finds_the_stem() {
    // The dictionary holds stems: "fixign" is no edit of "fix" plus a known ending, and
    // "saftey" is two edits from "safeti" (the stem of "safety"); their words are one edit away.
    let index = build(&[
        ("Fixing bugs", FILLER),
        ("Memory safety", FILLER),
        ("Sign here", "a sign, a fig"),
    ]);
    assert_eq!(docs(&index, "fixign ")[0], 0);
    assert_eq!(docs(&index, "saftey ")[0], 1);
}

#[test]
fn a_title_holding_every_query_word_ranks_first() {
    // Post 1 has "lang" in a one-word title and both words all over its body, which BM25F
    // scores above post 0, whose long title holds both words.
    let index = build(&[
        (
            "A long note on how the lang process got its update this year, for everyone",
            FILLER,
        ),
        (
            "Lang",
            "update update update update, lang lang lang: the update of the lang, update again",
        ),
        ("Unrelated", FILLER),
    ]);
    let ranked = |all_in_title_first: bool| {
        let params = SearchParams {
            all_words_in_title_first: all_in_title_first,
            ..SearchParams::default()
        };
        let mut s = Searcher::new(index.root()).unwrap().with_params(params);
        let query = parse_query("lang update ");
        s.load_parts_for(&query, |p| {
            index
                .file(p)
                .map(<[u8]>::to_vec)
                .ok_or(folio_core::search::FormatError("missing"))
        })
        .unwrap();
        s.search(&query, 10)
            .iter()
            .map(|h| h.doc)
            .collect::<Vec<_>>()
    };
    assert_eq!(ranked(false), [1, 0], "the fixture must need the rule");
    assert_eq!(ranked(true), [0, 1]);
    // Matching every word still comes before having some of them in the title.
    let index = build(&[("Lang notes", FILLER), ("Notes", "lang update")]);
    assert_eq!(docs(&index, "lang update "), [1, 0]);
}
