#![cfg(not(target_arch = "wasm32"))]
//! Snippets: the best window, marked ranges on character boundaries, multi-byte text.

use folio_core::search::{highlight, snippet, stem, Snippet};

fn terms(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| stem(w).into_owned()).collect()
}

/// Every range lies on character boundaries of the text and marks a matched word.
fn check(s: &Snippet) -> Vec<&str> {
    let mut last = 0;
    s.ranges
        .iter()
        .map(|r| {
            assert!(
                r.start >= last && r.start < r.end && r.end <= s.text.len(),
                "{s:?}"
            );
            assert!(
                s.text.is_char_boundary(r.start) && s.text.is_char_boundary(r.end),
                "{s:?}"
            );
            last = r.end;
            &s.text[r.clone()]
        })
        .collect()
}

#[test]
fn picks_the_window_with_the_most_distinct_terms() {
    let body = format!(
        "{} The borrow checker alone. {} Here the borrow checker meets lifetimes in one sentence. {}",
        "Filler text. ".repeat(30),
        "More filler. ".repeat(30),
        "Tail. ".repeat(30)
    );
    let s = snippet(&body, &terms(&["borrow", "checker", "lifetimes"]), 120);
    assert!(s.text.chars().count() <= 122, "{}", s.text);
    assert_eq!(check(&s), ["borrow", "checker", "lifetimes"]);
    assert!(
        s.text.starts_with('…') && s.text.ends_with('…'),
        "{}",
        s.text
    );
}

#[test]
fn marks_inflected_forms_and_collapses_whitespace() {
    let s = snippet(
        "Scheduling\n\n   the   TRAINS:\tschedules change.",
        &terms(&["schedule", "train"]),
        200,
    );
    assert_eq!(s.text, "Scheduling the TRAINS: schedules change.");
    assert_eq!(check(&s), ["Scheduling", "TRAINS", "schedules"]);
}

#[test]
fn multi_byte_text_keeps_char_boundaries() {
    let body = format!(
        "{}Zürich café — naïve résumé über alles. 東京都に住む人。{}",
        "é".repeat(500),
        "ß".repeat(500)
    );
    for max in [10, 25, 40, 80, 1000] {
        let s = snippet(&body, &terms(&["cafe", "resume", "東京"]), max);
        let marked = check(&s);
        assert!(!marked.is_empty(), "max {max}: {s:?}");
        assert!(s.text.chars().count() <= max + 2, "max {max}: {}", s.text);
    }
    let s = snippet(&body, &terms(&["cafe", "resume"]), 60);
    assert_eq!(check(&s), ["café", "résumé"]);
    let s = snippet("東京都に住む", &["京都".to_owned(), "東京".to_owned()], 10);
    assert_eq!(check(&s), ["東京都"]);
}

#[test]
fn without_a_match_the_start_is_shown() {
    let body = "First words of the post. ".repeat(20);
    let s = snippet(&body, &terms(&["absent"]), 50);
    assert!(s.ranges.is_empty());
    assert!(s.text.starts_with("First words"));
    assert!(s.text.ends_with('…'));
    assert!(s.text.chars().count() <= 51);
    let short = snippet("Short post.", &[], 50);
    assert_eq!(short.text, "Short post.");
}

#[test]
fn edge_cases_do_not_panic() {
    for body in ["", " ", "\n\n", "é", "a", "東"] {
        for max in [0, 1, 2, 5] {
            let s = snippet(body, &terms(&["a", "東"]), max);
            check(&s);
        }
    }
    // A match longer than the window.
    let s = snippet(
        "supercalifragilistic word",
        &terms(&["supercalifragilistic"]),
        5,
    );
    check(&s);
}

#[test]
fn highlight_marks_titles() {
    let title = "Announcing Rust 1.42: Scheduling Ümlauts";
    let ranges = highlight(title, &terms(&["announce", "schedule", "umlaut", "42"]));
    let marked: Vec<&str> = ranges.iter().map(|r| &title[r.clone()]).collect();
    assert_eq!(marked, ["Announcing", "42", "Scheduling", "Ümlauts"]);
}
