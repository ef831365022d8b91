//! `/tags/:tag`: every post with that tag, in any spelling, newest first. `:tag` is the tag's
//! slug (`crate::tags::tag_slug`); the page shows the tag as most posts spell it, and links the
//! tag's own feed (`tags/<slug>/atom.xml`, written by the pipeline).

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

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
            let count = post_count(posts.len());
            // The count, then the tag's own feed when the pipeline wrote one (it writes the
            // tags' feeds with the site's, so only with a base URL; a site that asked for no
            // feed link, `feed_url = ""`, gets none here either). One paragraph's HTML rather
            // than an element of its own: as a view, the link cost the app's wasm 0.9 kB gzip;
            // as a string, next to nothing. Safe as HTML: the count is digits and words, and
            // the path a percent-encoded slug (letters, digits, `-`, `_`).
            let site = &manifest.site;
            let count_html = if site.base_url.is_empty() || site.feed_url.is_empty() {
                count.clone()
            } else {
                // Relative to `<base href>`, like the site's feed link; `rel="external"`: the
                // browser opens it, not the router.
                format!(
                    "{count} \u{b7} <a rel=\"external\" href=\"{}\" data-testid=\"tag-feed\">RSS feed</a>",
                    &tag_feed_path(&found.slug)[1..]
                )
            };
            let tag = found.tag;
            let page = PageInfo::tag(&tag, &count);
            view! {
                <PageMeta title=format!("#{tag} · {}", manifest.site.author) site=&manifest.site page />
                <section class="tag-page">
                    <h1>"Posts tagged " <span class="tag-name">{format!("#{tag}")}</span></h1>
                    <p class="count" inner_html=count_html></p>
                    <PostList posts />
                </section>
            }
            .into_any()
        }) />
    }
}
