//! Text with some byte ranges wrapped in `<mark>`: search matches in titles and snippets.

use std::ops::Range;

use leptos::prelude::*;

/// `text` split into plain and marked pieces. Ranges are byte ranges on char boundaries,
/// sorted and not overlapping (what [`crate::search::highlight`] and snippets return).
#[component]
pub fn MarkedText(text: String, ranges: Vec<Range<usize>>) -> impl IntoView {
    let mut pieces = Vec::with_capacity(ranges.len() * 2 + 1);
    let mut at = 0;
    for range in ranges {
        let (Some(before), Some(marked)) = (text.get(at..range.start), text.get(range.clone()))
        else {
            continue;
        };
        if !before.is_empty() {
            pieces.push(before.to_owned().into_any());
        }
        pieces.push(view! { <mark>{marked.to_owned()}</mark> }.into_any());
        at = range.end;
    }
    if let Some(rest) = text.get(at..).filter(|r| !r.is_empty()) {
        pieces.push(rest.to_owned().into_any());
    }
    pieces
}
