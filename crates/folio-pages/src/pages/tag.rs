//! `/tags/:tag`: every post with that tag, in any spelling, newest first. `:tag` is the tag's
//! slug (`crate::tags::tag_slug`); the page shows the tag as most posts spell it, and links the
//! tag's own feed (`/tags/<slug>/atom.xml`, written by the pipeline).

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::app_href;
use crate::components::page_meta::PageMeta;
use crate::components::post_list::PostList;
use crate::components::site_data::WithManifest;
use crate::head_tags::PageInfo;
use crate::pages::not_found::NotFoundPage;
use crate::site_url::tag_feed_path;
use crate::tags::find_tag;
use crate::wording::post_count;

#[component]
pub fn TagPage() -> impl IntoView {
    let params = use_params_map();
    let segment = move || params.read().get("tag").unwrap_or_default();
    view! {
        <WithManifest render=Arc::new(move |manifest| {
            // The segment is a slug, or a spelling from a link made before pages were named
            // by slug (`/tags/Rust`): either finds the page.
            let Some(found) = find_tag(&manifest, &segment()) else {
                return view! { <NotFoundPage /> }.into_any();
            };
            let posts: Vec<_> = manifest.tagged(&found.slug).cloned().collect();
            // The pipeline writes a feed per tag when it writes the site's feeds (the site has a
            // base URL); a site that asked for no feed link (`feed_url = ""`) gets none here.
            // (Measured after wasm-opt, this link costs the app's wasm the same as the tag page
            // reusing the "Get updates" box or writing the link as the count's HTML: kept plain.)
            let site = &manifest.site;
            let feed = (!site.base_url.is_empty() && !site.feed_url.is_empty()).then(|| {
                // `rel="external"`: the browser opens the feed, not the router.
                view! {
                    <p class="tag-feed">
                        <a rel="external" href=app_href(&tag_feed_path(&found.slug)) data-testid="tag-feed">
                            {format!("RSS feed of #{}", found.tag)}
                        </a>
                    </p>
                }
            });
            let tag = found.tag;
            let count = post_count(posts.len());
            let page = PageInfo::tag(&tag, &count);
            view! {
                <PageMeta title=format!("#{tag} · {}", manifest.site.author) site=&manifest.site page />
                <section class="tag-page">
                    <h1>"Posts tagged " <span class="tag-name">{format!("#{tag}")}</span></h1>
                    <p class="count">{count}</p>
                    {feed}
                    <PostList posts />
                </section>
            }
            .into_any()
        }) />
    }
}
