//! Tag chips over a result list: each tag found among the results with its count; pressing one
//! narrows the results to that tag, pressing it again shows them all.

use leptos::prelude::*;

use crate::listing::insertion_sort;
use crate::tags::{merge_tags, TagCount};

/// The tags of these results, merged by slug as on `/tags` (each under the spelling most of
/// these results use), most frequent first (ties alphabetical), with counts.
pub fn tag_counts<'a>(mut tag_lists: impl Iterator<Item = &'a [String]>) -> Vec<TagCount> {
    let mut counts = merge_tags(&mut tag_lists);
    insertion_sort(&mut counts, |a, b| {
        a.count > b.count || (a.count == b.count && a.tag < b.tag)
    });
    counts
}

#[component]
pub fn TagFilter(
    /// Tags with their counts, in display order.
    tags: Memo<Vec<TagCount>>,
    /// The slug of the tag the results are narrowed to, if any.
    selected: Memo<Option<String>>,
    /// Asked to narrow to a slug, or to show all (`None`).
    on_select: Callback<Option<String>>,
) -> impl IntoView {
    // Rebuilt in place when the counts change: the same markup per chip, only texts differ.
    let chip = move |TagCount { tag, slug, count }: TagCount| {
        let pressed = {
            let slug = slug.clone();
            move || selected.with(|s| s.as_deref() == Some(slug.as_str()))
        };
        let toggle = move |_| {
            let again = selected.with_untracked(|s| s.as_deref() == Some(slug.as_str()));
            on_select.run((!again).then(|| slug.clone()));
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
