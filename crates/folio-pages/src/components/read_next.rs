//! "Read next": the posts most like the article, as the pipeline chose them at build time
//! (`folio_core::related`), listed like every other list of posts (title and date).
//!
//! A plain function rather than a component, and the existing [`PostList`]: the app's wasm
//! carries nothing new but a heading and a wrapper.

use leptos::prelude::*;

use crate::components::post_list::PostList;
use crate::model::{Manifest, PostSummary};

/// The section after the article `post`; nothing when the pipeline chose no related posts.
pub fn read_next(manifest: &Manifest, post: &PostSummary) -> impl IntoView {
    let posts: Vec<PostSummary> = manifest.related(post).cloned().collect();
    (!posts.is_empty()).then(|| {
        view! {
            <section class="read-next" data-testid="read-next">
                <h2>"Read next"</h2>
                <PostList posts />
            </section>
        }
    })
}
