//! A list of posts, title and date, as on the home page and tag pages; links to tag pages.

use leptos::prelude::*;

use crate::api::app_href;
use crate::model::PostSummary;
use crate::site_url::tag_path;
use crate::tags::distinct_tags;
use crate::wording::human_date;

/// The link to a post's page.
pub fn post_href(slug: &str) -> String {
    app_href(&format!("/posts/{slug}"))
}

/// The link to the page of `tag`, in any of its spellings: `/tags/<slug>`
/// ([`crate::tags::tag_slug`]), so `Rust` and `rust` lead to the same page.
pub fn tag_href(tag: &str) -> String {
    app_href(&tag_path(tag))
}

/// A post's tags as links to their pages, in the post's own spellings, one per page (see
/// [`distinct_tags`]). `test_id` marks each link (`tag-link` on the article).
#[component]
pub fn TagLinks(
    tags: Vec<String>,
    #[prop(optional)] test_id: Option<&'static str>,
) -> impl IntoView {
    let links = distinct_tags(&tags)
        .into_iter()
        .map(|tag| {
            view! {
                <li>
                    <a href=tag_href(tag) data-testid=test_id>{format!("#{tag}")}</a>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="tags" aria-label="Tags">{links}</ul> }
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
