//! A list of posts, title and date, as on the home page and tag pages.

use leptos::prelude::*;

use crate::api::app_href;
use crate::format::human_date;
use crate::model::PostSummary;

/// The link to a post's page.
pub fn post_href(slug: &str) -> String {
    app_href(&format!("/posts/{slug}"))
}

/// The link to a tag's page.
pub fn tag_href(tag: &str) -> String {
    app_href(&format!("/tags/{tag}"))
}

/// A `<time>` element showing a `YYYY-MM-DD` date in words.
#[component]
pub fn PostDate(date: String) -> impl IntoView {
    let label = human_date(&date);
    view! { <time datetime=date>{label}</time> }
}

/// Posts in the order given, newest first by the manifest's convention.
#[component]
pub fn PostList(posts: Vec<PostSummary>) -> impl IntoView {
    view! {
        <ul class="post-list">
            {posts
                .into_iter()
                .map(|post| {
                    view! {
                        <li data-testid="post-item">
                            <a href=post_href(&post.slug) data-testid="post-link">
                                {post.title}
                            </a>
                            <PostDate date=post.date />
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
