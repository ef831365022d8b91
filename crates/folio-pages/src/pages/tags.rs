//! `/tags`: every tag with its post count, most used first, each linking to its tag page. A
//! site without tags has no such page (the prerenderer writes none, the sitemap lists none):
//! the address shows the not-found page.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::page_meta::PageMeta;
use crate::components::post_list::tag_href;
use crate::components::site_data::WithManifest;
use crate::head_tags::PageInfo;
use crate::listing::{tag_counts, tags_summary};
use crate::model::Manifest;
use crate::pages::not_found::NotFoundPage;
use crate::wording::post_count;

#[component]
pub fn TagsPage() -> impl IntoView {
    view! { <WithManifest render=Arc::new(tags) /> }
}

fn tags(manifest: Arc<Manifest>) -> AnyView {
    if !manifest.has_tags() {
        return view! { <NotFoundPage /> }.into_any();
    }
    let counts = tag_counts(&manifest);
    let summary = tags_summary(counts.len(), manifest.posts.len());
    let items = counts
        .into_iter()
        .map(|entry| {
            view! {
                <li data-testid="tag-count">
                    // A plain link: the router catches clicks on any link under its base.
                    <a href=tag_href(&entry.tag) data-testid="tag-link">
                        {format!("#{}", entry.tag)}
                    </a>
                    " "
                    <span class="count" data-testid="count">{post_count(entry.count)}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <PageMeta title=format!("Tags · {}", manifest.site.author) site=&manifest.site page=PageInfo::tags(&summary) />
        <section class="tags-page">
            <h1>"Tags"</h1>
            <p class="count">{summary}</p>
            <ul class="tag-counts">{items}</ul>
        </section>
    }
    .into_any()
}
