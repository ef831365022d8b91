//! Text with some byte ranges wrapped in `<mark>`: search matches in titles and snippets.

use std::ops::Range;

use leptos::either::Either;
use leptos::prelude::*;

/// `text` split into plain and marked pieces. Ranges are byte ranges on char boundaries,
/// sorted and not overlapping (what [`crate::search::highlight`] and snippets return).
///
/// A plain function rather than a component, and plain/marked pieces as an `Either` rather
/// than type-erased views: result rows are built on every keystroke that changes them.
pub fn marked_text(text: &str, ranges: &[Range<usize>]) -> impl IntoView {
    let mut pieces = Vec::with_capacity(ranges.len() * 2 + 1);
    let mut at = 0;
    for range in ranges {
        let (Some(before), Some(marked)) = (text.get(at..range.start), text.get(range.clone()))
        else {
            continue;
        };
        if !before.is_empty() {
            pieces.push(Either::Left(before.to_owned()));
        }
        pieces.push(Either::Right(view! { <mark>{marked.to_owned()}</mark> }));
        at = range.end;
    }
    if let Some(rest) = text.get(at..).filter(|r| !r.is_empty()) {
        pieces.push(Either::Left(rest.to_owned()));
    }
    pieces
}
