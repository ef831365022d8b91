#![cfg(not(target_arch = "wasm32"))]
//! The index as files: bytes round trip, the fetch protocol, and split = unsplit.

mod support {
    pub mod shared;
}

use folio_core::search::eval::{build_index, load_docs, load_queries};
use folio_core::search::format::{dict_path, Root, ShardRef, ROOT_PATH};
use folio_core::search::{
    parse_query, BuildOptions, BuiltIndex, DocFields, FormatError, Hit, IndexBuilder, Query,
    Searcher,
};

/// A deterministic corpus of pseudo-words, with shared prefixes and near-misses, so that prefix
/// and typo expansion cross shard boundaries.
fn synthetic_docs(n: usize) -> Vec<(String, String)> {
    let syllables = [
        "ka", "ro", "mi", "sen", "tor", "lu", "pa", "dex", "vin", "sha", "qu", "el", "ön", "ß",
    ];
    let mut state = 0x2545_f491_u64;
    let mut next = move |m: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % m as u64) as usize
    };
    let vocab: Vec<String> = (0..400)
        .map(|_| {
            (0..2 + next(3))
                .map(|_| syllables[next(syllables.len())])
                .collect()
        })
        .collect();
    (0..n)
        .map(|_| {
            let title: Vec<&str> = (0..3 + next(4)).map(|_| vocab[next(60)].as_str()).collect();
            let body: Vec<&str> = (0..40 + next(200))
                .map(|_| {
                    let bound = next(400) + 1;
                    vocab[next(bound)].as_str()
                })
                .collect();
            (title.join(" "), body.join(" "))
        })
        .collect()
}

fn build(docs: &[(String, String)], options: &BuildOptions) -> BuiltIndex {
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
    b.finish(options)
}

fn tiny_shards() -> BuildOptions {
    BuildOptions {
        dict_shard_bytes: 300,
        post_shard_bytes: 400,
        ..BuildOptions::default()
    }
}

/// Runs `q` on a searcher that keeps the parts it loaded, as the app does.
fn run(s: &mut Searcher, index: &BuiltIndex, q: &Query) -> Vec<Hit> {
    s.load_parts_for(q, |p| {
        index
            .file(p)
            .map(<[u8]>::to_vec)
            .ok_or(FormatError("missing part"))
    })
    .unwrap();
    s.search(q, 10)
}

fn queries_for(docs: &[(String, String)]) -> Vec<String> {
    let mut out = Vec::new();
    for (i, (title, body)) in docs.iter().enumerate().step_by(3) {
        let words: Vec<&str> = title
            .split(' ')
            .chain(body.split(' ').skip(i % 7).take(3))
            .collect();
        let a = words[0];
        let b = words[words.len() - 1];
        out.push(format!("{a} {b} "));
        out.push(format!(
            "{a} {}",
            &b[..b.char_indices().nth(2).map_or(b.len(), |(j, _)| j)]
        ));
        // A typo: swap two letters of the longer word.
        let long = if a.chars().count() > b.chars().count() {
            a
        } else {
            b
        };
        let mut chars: Vec<char> = long.chars().collect();
        if chars.len() > 3 {
            chars.swap(1, 2);
        }
        out.push(format!("{} ", chars.into_iter().collect::<String>()));
    }
    out
}

#[test]
fn split_index_gives_the_same_results_as_unsplit() {
    let docs = synthetic_docs(300);
    let split = build(&docs, &tiny_shards());
    let unsplit = build(&docs, &BuildOptions::unsplit());
    let count = |i: &BuiltIndex, prefix: &str| {
        i.files
            .iter()
            .filter(|(p, _)| p.starts_with(prefix))
            .count()
    };
    assert!(
        count(&split, "search/d-") > 10 && count(&split, "search/p-") > 10,
        "the split index is really split"
    );
    assert_eq!(
        (count(&unsplit, "search/d-"), count(&unsplit, "search/p-")),
        (1, 1)
    );
    let queries = queries_for(&docs);
    assert!(queries.len() > 200);
    let mut nonempty = 0;
    let (mut s_split, mut s_unsplit) = (
        Searcher::new(split.root()).unwrap(),
        Searcher::new(unsplit.root()).unwrap(),
    );
    for q in &queries {
        let parsed = parse_query(q);
        let a = run(&mut s_split, &split, &parsed);
        let b = run(&mut s_unsplit, &unsplit, &parsed);
        assert_eq!(a, b, "query {q:?}");
        nonempty += usize::from(!a.is_empty());
    }
    assert!(
        nonempty * 10 > queries.len() * 9,
        "queries find things: {nonempty} of {}",
        queries.len()
    );
}

#[test]
fn split_equals_unsplit_on_real_posts() {
    let Some(dir) = support::shared::shared("bench/search/data") else {
        return;
    };
    let docs = load_docs(&dir.join("rust-blog.json"))
        .unwrap_or_else(|e| panic!("benchmark corpus missing: {e}"));
    let queries = load_queries(&dir.join("rust-blog.queries.json"))
        .unwrap_or_else(|e| panic!("benchmark queries missing: {e}"));
    let docs = &docs[..120];
    let split = build_index(
        docs,
        &BuildOptions {
            dict_shard_bytes: 2048,
            post_shard_bytes: 2048,
            ..BuildOptions::default()
        },
    );
    let unsplit = build_index(docs, &BuildOptions::unsplit());
    let (mut s_split, mut s_unsplit) = (
        Searcher::new(split.root()).unwrap(),
        Searcher::new(unsplit.root()).unwrap(),
    );
    for q in queries.iter().step_by(3) {
        let parsed = parse_query(&q.q);
        assert_eq!(
            run(&mut s_split, &split, &parsed),
            run(&mut s_unsplit, &unsplit, &parsed),
            "query {:?}",
            q.q
        );
    }
}

#[test]
fn parts_come_in_two_rounds_dictionary_then_postings() {
    let docs = synthetic_docs(200);
    let index = build(&docs, &tiny_shards());
    let mut s = Searcher::new(index.root()).unwrap();
    let q = parse_query(&format!(
        "{} {}",
        docs[5].0.split(' ').next().unwrap(),
        &docs[9].0[..2]
    ));
    let first = s.needed_parts(&q);
    assert!(
        !first.is_empty() && first.iter().all(|p| p.starts_with("search/d-")),
        "{first:?}"
    );
    for p in &first {
        s.add_part(p, index.file(p).unwrap()).unwrap();
    }
    let second = s.needed_parts(&q);
    assert!(
        !second.is_empty() && second.iter().all(|p| p.starts_with("search/p-")),
        "{second:?}"
    );
    for p in &second {
        s.add_part(p, index.file(p).unwrap()).unwrap();
    }
    assert!(s.needed_parts(&q).is_empty());
    assert!(!s.search(&q, 10).is_empty());
    // Only part of the index was needed.
    let all = index
        .files
        .iter()
        .filter(|(p, _)| p.starts_with("search/d-") || p.starts_with("search/p-"))
        .count();
    assert!(first.len() + second.len() < all / 2);
}

#[test]
fn the_next_keystrokes_parts_can_be_fetched_ahead() {
    let docs = synthetic_docs(300);
    let index = build(&docs, &tiny_shards());
    let load = |s: &mut Searcher, parts: &[String]| {
        for p in parts {
            assert!(!s.has_part(p));
            s.add_part(p, index.file(p).unwrap()).unwrap();
            assert!(s.has_part(p));
        }
    };
    let mut s = Searcher::new(index.root()).unwrap();
    let dictionary = s.missing_dictionary_parts();
    assert!(dictionary.len() > 10 && dictionary.iter().all(|p| p.starts_with("search/d-")));
    load(&mut s, &dictionary);
    assert!(s.missing_dictionary_parts().is_empty());
    // Typing "pa": fetch what it needs, then what each next letter would need.
    let typed = parse_query("pa");
    let needed = s.needed_parts(&typed);
    load(&mut s, &needed);
    let ahead = s.likely_next_parts(&typed);
    assert!(!ahead.is_empty() && ahead.iter().all(|p| p.starts_with("search/p-")));
    load(&mut s, &ahead);
    assert!(s.likely_next_parts(&typed).is_empty());
    // Every next letter that some word continues with is then answered without waiting.
    let mut continued = 0;
    for next in ['r', 'd', 'k', 'm', 's', 't', 'l', 'v', 'q', 'e', 'p', 'x'] {
        let q = parse_query(&format!("pa{next}"));
        assert!(s.needed_parts(&q).is_empty(), "pa{next}");
        continued += usize::from(!s.search(&q, 10).is_empty());
    }
    assert!(continued >= 3, "{continued}");
    // A finished word has no next letter.
    assert!(s.likely_next_parts(&parse_query("pa ")).is_empty());
}

#[test]
fn file_names_are_content_hashes_and_the_root_is_fixed() {
    let docs = synthetic_docs(50);
    let a = build(&docs, &tiny_shards());
    let b = build(&docs, &tiny_shards());
    assert_eq!(a.files, b.files, "builds are deterministic");
    assert_eq!(a.files[0].0, ROOT_PATH);
    for (path, _) in &a.files[1..] {
        assert!(
            path.starts_with("search/d-")
                || path.starts_with("search/p-")
                || path.starts_with("search/t-"),
            "{path}"
        );
        // 16 hex digits of content hash (texts: of all texts, in the folder name).
        let hash = &path["search/x-".len().."search/x-".len() + 16];
        assert!(hash.bytes().all(|b| b.is_ascii_hexdigit()), "{path}");
    }
    // Changing a post changes the root (the one file not cached forever) and file names.
    let mut changed = docs.clone();
    changed[3].1.push_str(" zzznewword");
    let c = build(&changed, &tiny_shards());
    assert_ne!(a.root(), c.root());
    let names = |i: &BuiltIndex| {
        i.files
            .iter()
            .map(|(p, _)| p.clone())
            .collect::<std::collections::HashSet<_>>()
    };
    assert_ne!(names(&a), names(&c));
}

#[test]
fn texts_are_written_for_snippets() {
    let docs = synthetic_docs(5);
    let index = build(&docs, &BuildOptions::default());
    let s = Searcher::new(index.root()).unwrap();
    let path = s.text_path(2).unwrap();
    assert_eq!(index.file(&path).unwrap(), docs[2].1.as_bytes());
    let cut = build(
        &docs,
        &BuildOptions {
            text_max_bytes: 11,
            ..BuildOptions::default()
        },
    );
    let text = Searcher::new(cut.root()).unwrap().text_path(2).unwrap();
    let stored = cut.file(&text).unwrap();
    assert!(stored.len() <= 11 && docs[2].1.as_bytes().starts_with(stored));
    assert!(std::str::from_utf8(stored).is_ok());
    let none = build(
        &docs,
        &BuildOptions {
            write_texts: false,
            ..BuildOptions::default()
        },
    );
    assert!(Searcher::new(none.root()).unwrap().text_path(2).is_none());
}

#[test]
fn bad_bytes_are_errors_not_panics() {
    let docs = synthetic_docs(40);
    let index = build(&docs, &tiny_shards());
    assert!(Searcher::new(b"not an index").is_err());
    assert!(Searcher::new(&index.root()[..index.root().len() - 3]).is_err());
    let mut s = Searcher::new(index.root()).unwrap();
    assert!(s.add_part("search/d-0000000000000000.bin", b"").is_err());
    let (dict_path, dict) = index
        .files
        .iter()
        .find(|(p, _)| p.starts_with("search/d-"))
        .unwrap();
    assert!(s.add_part(dict_path, &dict[..dict.len() / 2]).is_err());
    let (post_path, post) = index
        .files
        .iter()
        .find(|(p, _)| p.starts_with("search/p-"))
        .unwrap();
    assert!(s.add_part(post_path, &post[..post.len() - 1]).is_err());
    // Garbage of the right shape must not panic either.
    for len in 0..64 {
        let junk: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
        let _ = s.add_part(dict_path, &junk);
        let _ = s.add_part(post_path, &junk);
    }
}

#[test]
fn empty_index_works() {
    let index = IndexBuilder::new().finish(&BuildOptions::default());
    let s = Searcher::new(index.root()).unwrap();
    let q = parse_query("anything");
    assert!(s.needed_parts(&q).is_empty());
    assert!(s.search(&q, 10).is_empty());
}

#[test]
fn searcher_can_live_in_shared_state() {
    // Leptos' default (sync) storage wants `Send + Sync` values.
    fn send_sync<T: Send + Sync>() {}
    send_sync::<Searcher>();
}

#[test]
fn a_first_letter_typo_fetches_first_letter_parts_not_the_dictionary() {
    let docs = synthetic_docs(300);
    let options = BuildOptions {
        dict_shard_bytes: 100,
        ..tiny_shards()
    };
    let split = build(&docs, &options);
    let unsplit = build(&docs, &BuildOptions::unsplit());
    // The first-letter parts are listed after the dictionary's, under the same kind of name.
    let root = Root::decode(split.root()).unwrap();
    let paths =
        |shards: &[ShardRef]| -> Vec<String> { shards.iter().map(|s| dict_path(s.hash)).collect() };
    let dictionary = paths(root.dictionary());
    let first_letter = paths(&root.dict_shards[dictionary.len()..]);
    let dict_parts = dictionary.len();
    assert!(
        dict_parts > 30 && first_letter.len() > 30,
        "{dict_parts} {first_letter:?}"
    );
    // Plain title words, long enough for typo tolerance. No word starts with "x".
    let mut words: Vec<&str> = docs
        .iter()
        .flat_map(|(title, _)| title.split(' '))
        .filter(|w| w.len() >= 6 && w.bytes().all(|b| b.is_ascii_lowercase()))
        .collect();
    words.sort_unstable();
    words.dedup();
    assert!(words.len() >= 10, "{}", words.len());
    let fresh = || Searcher::new(split.root()).unwrap();
    let mut s_unsplit = Searcher::new(unsplit.root()).unwrap();
    for word in words.iter().step_by(words.len() / 10) {
        // Spelled right, a new visitor's first round asks for its first letters' parts only.
        let first = fresh().needed_parts(&parse_query(&format!("{word} ")));
        assert!(
            first.len() < dict_parts / 2,
            "{} of {dict_parts}",
            first.len()
        );

        // First letter replaced: once its first letters' parts show the word misspelled, a
        // round of first-letter (and a few dictionary) parts, then postings; the answer equals
        // the unsplit index's, which looks in the one dictionary part.
        let typo = parse_query(&format!("x{} ", &word[1..]));
        let mut s = fresh();
        let mut rounds = Vec::new();
        loop {
            let parts = s.needed_parts(&typo);
            if parts.is_empty() {
                break;
            }
            for p in &parts {
                s.add_part(p, split.file(p).unwrap()).unwrap();
            }
            rounds.push(parts);
        }
        let fetched: Vec<&String> = rounds.iter().flatten().collect();
        let of = |kind: &[String]| fetched.iter().filter(|p| kind.contains(p)).count();
        assert!(rounds.len() >= 3, "{word}: {rounds:?}");
        assert!((1..=4).contains(&of(&first_letter)), "{word}: {rounds:?}");
        assert!(of(&dictionary) < dict_parts / 2, "{word}: {rounds:?}");
        let hits = s.search(&typo, 10);
        assert_eq!(hits, run(&mut s_unsplit, &unsplit, &typo), "{word}");
        let term = &parse_query(word).words[0].term;
        assert!(
            hits.first().is_some_and(|h| h.matched_terms.contains(term)),
            "{word} found for its typo: {hits:?}"
        );
    }
}
