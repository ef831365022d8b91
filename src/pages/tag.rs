//! `/tags/:tag`: every post with that tag, newest first.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::page_meta::PageMeta;
use crate::head_tags::PageInfo;
use crate::components::post_list::PostList;
use crate::components::site_data::WithManifest;
use crate::pages::not_found::NotFoundPage;

#[component]
pub fn TagPage() -> impl IntoView {
    let params = use_params_map();
    let tag = move || params.read().get("tag").unwrap_or_default();
    view! {
        <WithManifest render=Arc::new(move |manifest| {
            let tag = tag();
            let posts: Vec<_> = manifest.tagged(&tag).cloned().collect();
            if posts.is_empty() {
                return view! { <NotFoundPage /> }.into_any();
            }
            let count = match posts.len() {
                1 => "1 post".to_owned(),
                n => format!("{n} posts"),
            };
            let page = PageInfo::tag(&tag, &count);
            view! {
                <PageMeta title=format!("#{tag} · {}", manifest.site.author) site=&manifest.site page />
                <section class="tag-page">
                    <h1>"Posts tagged " <span class="tag-name">{format!("#{tag}")}</span></h1>
                    <p class="count">{count}</p>
                    <PostList posts />
                </section>
            }
            .into_any()
        }) />
    }
}
