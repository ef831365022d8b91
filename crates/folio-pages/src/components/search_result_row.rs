//! One search result: its title (marked), date, excerpt and tags.

use leptos::prelude::*;

use crate::components::marked_text::marked_text;
use crate::components::post_list::{post_href, PostDate, TagLinks};
use crate::model::Manifest;
use crate::search::highlight;
use crate::search_client::SearchEngine;

/// A link to the post that marks the matched words in the article.
fn result_href(slug: &str, matched_terms: &[String]) -> String {
    let terms = matched_terms.join(" ");
    format!(
        "{}?highlight={}",
        post_href(slug),
        String::from(js_sys::encode_uri_component(&terms))
    )
}

/// A result row: its post and the words it matched (rows are redrawn only when these change).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowKey {
    pub doc: u32,
    pub terms: Vec<String>,
}

/// One result: title (marked), date, excerpt, tags. The excerpt is the post's summary until
/// `with_snippet` lists the row, then the snippet from its text. Plain links: the router
/// handles their clicks all the same, without the per-link reactive work of `<A>` on every URL
/// change.
pub fn result_row(
    manifest: &Manifest,
    engine: SearchEngine,
    row: RowKey,
    with_snippet: Memo<Vec<RowKey>>,
) -> impl IntoView {
    let post = manifest.posts.get(row.doc as usize)?;
    let title = marked_text(&post.title, &highlight(&post.title, &row.terms));
    let summary = post.summary.clone();
    let href = result_href(&post.slug, &row.terms);
    let RowKey { doc, terms } = row.clone();
    let shows_snippet = Memo::new(move |_| with_snippet.with(|rows| rows.contains(&row)));
    let excerpt = move || {
        let snippet = shows_snippet
            .get()
            .then(|| engine.texts.snippet(doc, &terms))
            .flatten();
        match snippet {
            Some(s) => marked_text(&s.text, &s.ranges),
            None => marked_text(&summary, &highlight(&summary, &terms)),
        }
    };
    Some(view! {
        <li class="search-result">
            <h3>
                <a href=href data-result="">{title}</a>
            </h3>
            <p class="meta">
                <PostDate date=post.date.clone() />
            </p>
            <p class="excerpt">{excerpt}</p>
            <TagLinks tags=post.tags.clone() />
        </li>
    })
}
