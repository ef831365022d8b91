//! `/posts/:slug`: one article, its body fetched as Markdown and rendered in the browser.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::{self, FetchError};
use crate::components::async_view::{AsyncView, LoadView};
use crate::components::page_meta::{ArticleMeta, PageMeta};
use crate::components::post_list::{tag_href, PostDate};
use crate::components::site_data::WithManifest;
use crate::components::subscribe::Subscribe;
use crate::format::reading_time;
use crate::markdown;
use crate::model::{Manifest, PostSummary};
use crate::pages::not_found::NotFoundPage;
use crate::site_url;

type Body = LocalResource<Result<String, FetchError>>;

#[component]
pub fn PostPage() -> impl IntoView {
    let params = use_params_map();
    let slug = Memo::new(move |_| params.read().get("slug").unwrap_or_default());
    let query = use_query_map();
    // `?highlight=a b` (from a search result): the index terms to mark in the body.
    let highlight = Memo::new(move |_| {
        let terms = query.read().get("highlight").unwrap_or_default();
        terms
            .split_whitespace()
            .map(str::to_owned)
            .collect::<Vec<_>>()
    });
    // Start the body download at once, in parallel with the manifest, not after it.
    let body: Body = LocalResource::new(move || {
        let slug = slug.get();
        async move { api::post_body(&slug).await }
    });
    // Re-created when the slug changes, so moving from one post to another redraws everything.
    move || {
        let slug = slug.get();
        view! {
            <WithManifest render=Arc::new(move |manifest| article(manifest, &slug, body, highlight)) />
        }
    }
}

fn article(
    manifest: Arc<Manifest>,
    slug: &str,
    body: Body,
    highlight: Memo<Vec<String>>,
) -> AnyView {
    let Some(post) = manifest.post(slug).cloned() else {
        return view! { <NotFoundPage /> }.into_any();
    };
    let description = if post.summary.is_empty() {
        format!("{} by {}", post.title, manifest.site.author)
    } else {
        post.summary.clone()
    };
    let article = ArticleMeta {
        published: post.date.clone(),
        modified: post.updated.clone(),
        tags: post.tags.clone(),
    };
    view! {
        <PageMeta
            title=format!("{} · {}", post.title, manifest.site.author)
            headline=post.title.clone()
            description
            site=&manifest.site
            path=site_url::post_path(slug)
            article
        />
        <article class="article" data-testid="article">
            <ArticleHeader post=post />
            <AsyncView load=body_view(body, highlight) retry=Arc::new(move || body.refetch()) />
        </article>
        <Subscribe site=manifest.site.clone() />
    }
    .into_any()
}

#[component]
fn ArticleHeader(post: PostSummary) -> impl IntoView {
    let updated = post
        .updated
        .clone()
        .filter(|u| *u != post.date)
        .map(|updated| {
            view! { <span class="updated">" · updated " <PostDate date=updated /></span> }
        });
    let tags = (!post.tags.is_empty()).then(|| {
        view! {
            <ul class="tags" aria-label="Tags">
                {post
                    .tags
                    .iter()
                    .map(|tag| {
                        view! {
                            <li>
                                <A href=tag_href(tag) attr:data-testid="tag-link">{format!("#{tag}")}</A>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
    });
    view! {
        <header class="article-header">
            <h1>{post.title.clone()}</h1>
            <p class="meta">
                <PostDate date=post.date.clone() />
                " · "
                <span data-testid="reading-time">{reading_time(post.reading_minutes)}</span>
                {updated}
            </p>
            {tags}
        </header>
    }
}

/// The rendered body once its Markdown has arrived.
fn body_view(body: Body, highlight: Memo<Vec<String>>) -> LoadView {
    Arc::new(move || {
        Box::pin(async move {
            let terms = highlight.get_untracked();
            body.await.map(|markdown_text| {
                let html = markdown::render_highlighted(&markdown_text, &terms).html;
                if !terms.is_empty() {
                    scroll_to_first_mark();
                }
                view! { <div class="prose" data-testid="article-body" inner_html=html></div> }
                    .into_any()
            })
        })
    })
}

/// Once the body is in the page, brings the first marked word into view.
fn scroll_to_first_mark() {
    request_animation_frame(|| {
        let first = document()
            .query_selector("[data-testid=\"article-body\"] mark")
            .ok()
            .flatten();
        if let Some(mark) = first {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Center);
            mark.scroll_into_view_with_scroll_into_view_options(&options);
        }
    });
}
