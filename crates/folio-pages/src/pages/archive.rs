//! `/archive`: every post grouped by year, newest year first, with each year's count.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::page_meta::PageMeta;
use crate::components::post_list::PostList;
use crate::components::site_data::WithManifest;
use crate::head_tags::PageInfo;
use crate::listing::{archive_summary, by_year, YearGroup};
use crate::model::Manifest;
use crate::wording::post_count;

#[component]
pub fn ArchivePage() -> impl IntoView {
    view! { <WithManifest render=Arc::new(|m| archive(m).into_any()) /> }
}

fn archive(manifest: Arc<Manifest>) -> impl IntoView {
    let years = by_year(&manifest);
    let summary = archive_summary(&years, manifest.posts.len());
    view! {
        <PageMeta title=format!("Archive · {}", manifest.site.author) site=&manifest.site page=PageInfo::archive(&manifest.site) />
        <section class="archive-page">
            <h1>"Archive"</h1>
            <p class="count">{summary}</p>
            {years.into_iter().map(year).collect_view()}
        </section>
    }
}

/// One year: a heading that can be linked to (`/archive#year-2024`) and its posts.
fn year(group: YearGroup) -> impl IntoView {
    let id = format!("year-{}", group.year);
    let labelled_by = id.clone();
    view! {
        <section class="archive-year" data-testid="archive-year" aria-labelledby=labelled_by>
            <h2 id=id>
                <span data-testid="year">{group.year}</span>
                " "
                <span class="count" data-testid="count">{post_count(group.posts.len())}</span>
            </h2>
            <PostList posts=group.posts />
        </section>
    }
}
