//! Tag chips over a result list: each tag found among the results with its count; pressing one
//! narrows the results to that tag, pressing it again shows them all.

use leptos::prelude::*;

use crate::listing::insertion_sort;

/// The tags of these results, most frequent first (ties alphabetical), with counts.
pub fn tag_counts<'a>(tag_lists: impl Iterator<Item = &'a [String]>) -> Vec<(String, usize)> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for tags in tag_lists {
        for tag in tags {
            match counts.iter_mut().find(|(t, _)| t == tag) {
                Some((_, n)) => *n += 1,
                None => counts.push((tag.clone(), 1)),
            }
        }
    }
    insertion_sort(&mut counts, |a, b| a.1 > b.1 || (a.1 == b.1 && a.0 < b.0));
    counts
}

#[component]
pub fn TagFilter(
    /// Tags with their counts, in display order.
    tags: Memo<Vec<(String, usize)>>,
    /// The tag the results are narrowed to, if any.
    selected: RwSignal<Option<String>>,
) -> impl IntoView {
    // Rebuilt in place when the counts change: the same markup per chip, only texts differ.
    let chip = move |(tag, count): (String, usize)| {
        let pressed = {
            let tag = tag.clone();
            move || selected.with(|s| s.as_deref() == Some(tag.as_str()))
        };
        let toggle = {
            let tag = tag.clone();
            move |_| {
                selected.update(|s| {
                    *s = if s.as_deref() == Some(tag.as_str()) {
                        None
                    } else {
                        Some(tag.clone())
                    }
                })
            }
        };
        view! {
            <li>
                <button type="button" class="chip" aria-pressed=move || pressed().to_string() on:click=toggle>
                    {format!("#{tag} ({count})")}
                </button>
            </li>
        }
    };
    view! {
        <ul class="tag-filter" aria-label="Filter results by tag">
            {move || tags.get().into_iter().map(chip).collect_view()}
        </ul>
    }
}
