#![cfg(not(target_arch = "wasm32"))]
//! Tokenizer and query parser: case, diacritics, CJK, punctuation, compounds, huge input.

use folio_core::search::{
    fold, parse_query, tokenize, TokenKind, MAX_QUERY_WORDS, MAX_TOKEN_CHARS,
};

fn tokens(text: &str) -> Vec<(String, TokenKind)> {
    let mut out = Vec::new();
    tokenize(text, |t| {
        // Ranges always slice the original text on character boundaries.
        assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        out.push((t.text.to_owned(), t.kind));
        true
    });
    out
}

fn words(text: &str) -> Vec<String> {
    tokens(text).into_iter().map(|t| t.0).collect()
}

fn terms(q: &str) -> Vec<String> {
    parse_query(q).words.into_iter().map(|w| w.term).collect()
}

#[test]
fn case_and_diacritics_fold() {
    assert_eq!(words("ÉCOLE École école"), ["ecole", "ecole", "ecole"]);
    assert_eq!(
        words("Ça Straße Œuvre naïve résumé"),
        ["ca", "strasse", "oeuvre", "naive", "resume"]
    );
    assert_eq!(fold("ÅNGSTRÖM"), "angstrom");
    // Decomposed input (e + combining acute) folds like precomposed.
    assert_eq!(words("caf\u{65}\u{301}"), ["cafe"]);
}

#[test]
fn punctuation_splits_words() {
    assert_eq!(
        words("Hello, world! (Really?) \"yes\"; ok... a/b <tag>"),
        ["hello", "world", "really", "yes", "ok", "a", "b", "tag"]
    );
    assert!(words("!!! --- ... ///").is_empty());
}

#[test]
fn apostrophes_hyphens_underscores_and_versions() {
    assert_eq!(words("don't"), ["dont"]);
    assert_eq!(words("Rust's"), ["rust"]);
    assert_eq!(words("async-await"), ["async", "await", "asyncawait"]);
    assert_eq!(words("no_std"), ["no", "std", "nostd"]);
    assert_eq!(words("Rust 1.42"), ["rust", "1", "42", "1.42"]);
    assert_eq!(words("v1.2.3-beta"), ["v1", "2", "3", "beta", "v1.2.3beta"]);
    // The reader may type a compound either way and find it.
    assert_eq!(terms("asyncawait"), ["asyncawait"]);
    assert!(terms("async-await ").contains(&"asyncawait".to_owned()));
}

#[test]
fn cjk_is_indexed_as_bigrams() {
    let t = tokens("東京都に住む");
    let texts: Vec<&str> = t.iter().map(|(s, _)| s.as_str()).collect();
    assert_eq!(texts, ["東京", "京都", "都に", "に住", "住む", "む"]);
    // The run's last character alone, so a one-character query finds it there too.
    let (last, rest) = t.split_last().unwrap();
    assert!(rest.iter().all(|(_, k)| *k == TokenKind::Cjk));
    assert_eq!(last.1, TokenKind::CjkTail);
    assert_eq!(words("字"), ["字"]);
    assert_eq!(words("Rust語"), ["rust", "語"]);
    assert_eq!(words("한국어"), ["한국", "국어", "어"]);
    // A query searches the bigrams only (the lone last character would be one more word).
    assert_eq!(terms("한국어"), ["한국", "국어"]);
}

#[test]
fn ten_thousand_character_queries_are_bounded() {
    let long_word = "a".repeat(10_000);
    assert_eq!(words(&long_word), ["a".repeat(MAX_TOKEN_CHARS)]);
    let q = parse_query(&long_word);
    assert_eq!(q.words.len(), 1);

    let many: String = (0..2_000).map(|i| format!("word{i} ")).collect();
    assert!(many.len() > 10_000);
    assert_eq!(parse_query(&many).words.len(), MAX_QUERY_WORDS);

    let punctuation = "-_.,;'\"".repeat(2_000);
    assert!(parse_query(&punctuation).is_empty());

    let cjk = "東京".repeat(5_000);
    assert!(parse_query(&cjk).words.len() <= MAX_QUERY_WORDS);
}

#[test]
fn last_word_is_a_prefix_only_while_typing() {
    let q = parse_query("async aw");
    assert!(q.words.last().unwrap().prefix);
    let q = parse_query("async aw ");
    assert!(!q.words.last().unwrap().prefix);
    let q = parse_query("async aw.");
    assert!(!q.words.last().unwrap().prefix);
}

#[test]
fn typo_tolerance_grows_with_word_length() {
    let edits = |w: &str| parse_query(&format!("{w} ")).words[0].max_edits;
    assert_eq!(edits("rust"), 0);
    assert_eq!(edits("crate"), 1);
    assert_eq!(edits("compiler"), 1);
    assert_eq!(edits("ownership"), 2);
    assert_eq!(edits("12345"), 0);
}
