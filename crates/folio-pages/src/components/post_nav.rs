//! The links at the end of an article to the next older and next newer post.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::post_list::post_href;
use crate::listing::neighbours;
use crate::model::{Manifest, PostSummary};

/// "Older" and "Newer", each over the post's title, for the post `slug`, in the manifest's
/// order; the arrows (← →) come from the stylesheet. Older is `rel="prev"` and newer
/// `rel="next"`: a blog reads forward in time. Nothing when the site has a single post.
#[component]
pub fn PostNav(manifest: Arc<Manifest>, slug: String) -> impl IntoView {
    let around = neighbours(&manifest, &slug);
    let older = around
        .older
        .map(|post| link(post, "prev", "older", "Older"));
    let newer = around
        .newer
        .map(|post| link(post, "next", "newer", "Newer"));
    (older.is_some() || newer.is_some()).then(|| {
        view! {
            <nav class="post-nav" aria-label="More posts" data-testid="post-nav">
                {older}
                {newer}
            </nav>
        }
    })
}

/// One link; a plain `<a>`: the router catches clicks on any link under its base.
fn link(
    post: PostSummary,
    rel: &'static str,
    which: &'static str,
    direction: &'static str,
) -> impl IntoView {
    view! {
        <a href=post_href(&post.slug) rel=rel class=which data-testid=format!("{which}-post")>
            <span class="direction">{direction}</span>
            " "
            <span class="title">{post.title}</span>
        </a>
    }
}
