//! `/tags/:tag`: every post with that tag, in any spelling, newest first. `:tag` is the tag's
//! slug (`crate::tags::tag_slug`); the page shows the tag as most posts spell it, and links the
//! tag's own feed (`tags/<slug>/atom.xml`, written by the pipeline).

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::page_meta::PageMeta;
use crate::components::post_list::PostList;
use crate::components::site_data::WithManifest;
use crate::components::subscribe::Subscribe;
use crate::head_tags::PageInfo;
use crate::model::Site;
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
            // The tag's own feed, offered as the home page offers the site's: the very same
            // "Get updates" box (no new markup in the app's wasm), its feed link the tag's feed
            // and no mailing list (which is for every post). The pipeline writes the feed when
            // it writes the site's (with a base URL); a site that asked for no feed link
            // (`feed_url = ""`) gets none here either.
            let site = &manifest.site;
            let feed_url = if site.base_url.is_empty() || site.feed_url.is_empty() {
                String::new()
            } else {
                // Relative to `<base href>`, like the site's feed link.
                tag_feed_path(&found.slug).split_off(1)
            };
            let tag_site = Site {
                feed_url,
                ..Site::default()
            };
            let tag = found.tag;
            let count = post_count(posts.len());
            let page = PageInfo::tag(&tag, &count);
            view! {
                <PageMeta title=format!("#{tag} · {}", manifest.site.author) site=&manifest.site page />
                <section class="tag-page">
                    <h1>"Posts tagged " <span class="tag-name">{format!("#{tag}")}</span></h1>
                    <p class="count">{count}</p>
                    <PostList posts />
                </section>
                <Subscribe site=tag_site />
            }
            .into_any()
        }) />
    }
}
