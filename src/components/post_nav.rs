//! The links at the end of an article to the next older and next newer post.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::post_list::post_href;
use crate::listing::neighbours;
use crate::model::Manifest;

/// "← Older" and "Newer →", each over the post's title, for the post `slug`, in the manifest's order. Older is
/// `rel="prev"` and newer `rel="next"`: a blog reads forward in time. Nothing when the site has
/// a single post.
#[component]
pub fn PostNav(manifest: std::sync::Arc<Manifest>, slug: String) -> impl IntoView {
    let around = neighbours(&manifest, &slug);
    let older = around.older.map(|post| {
        view! {
            <A href=post_href(&post.slug) attr:rel="prev" attr:class="older" attr:data-testid="older-post">
                <span class="direction"><span aria-hidden="true">"← "</span>"Older"</span>
                " "
                <span class="title">{post.title}</span>
            </A>
        }
    });
    let newer = around.newer.map(|post| {
        view! {
            <A href=post_href(&post.slug) attr:rel="next" attr:class="newer" attr:data-testid="newer-post">
                <span class="direction">"Newer"<span aria-hidden="true">" →"</span></span>
                " "
                <span class="title">{post.title}</span>
            </A>
        }
    });
    (older.is_some() || newer.is_some()).then(|| {
        view! {
            <nav class="post-nav" aria-label="More posts" data-testid="post-nav">
                {older}
                {newer}
            </nav>
        }
    })
}
