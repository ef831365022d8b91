//! `/posts/:slug`: one article, its body fetched as HTML rendered at build time.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::{self, FetchError};
use crate::components::page_meta::PageMeta;
use crate::components::post_list::{PostDate, TagLinks};
use crate::components::post_nav::PostNav;
use crate::components::read_next::read_next;
use crate::components::site_data::{use_site_data, WithManifest};
use crate::components::status::{ErrorNotice, Loading};
use crate::components::subscribe::Subscribe;
use crate::head_tags::PageInfo;
use crate::html_text::{mark_terms, rewrite_fragment_links};
use crate::model::{post_html_path, Manifest, PostSummary};
use crate::pages::not_found::NotFoundPage;
use crate::wording::reading_time;

/// The body of a slug, with the slug it is for (the resource can still hold the last post's
/// while the next one loads).
type Body = LocalResource<(String, Result<String, FetchError>)>;

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
    // The page the app opened on has its body at hand (see `InitialBody`): no request. Any
    // other post's body is fetched, once the manifest (already here) says the slug is a post:
    // a slug it does not list is "not found" without a request that could only fail.
    let data = use_site_data();
    let body: Body = LocalResource::new(move || {
        let slug = slug.get();
        let known = data.manifest.post(&slug).is_some();
        let at_hand = data.initial_body(&slug);
        async move {
            let html = match at_hand {
                Some(html) => Ok(html),
                None if !known => Err(FetchError::Status {
                    url: post_html_path(&slug),
                    status: 404,
                }),
                None => api::post_html(&slug).await,
            };
            (slug, html)
        }
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
    let page = PageInfo::post(&manifest.site, &post);
    let read_next = read_next(&manifest, &post);
    view! {
        <PageMeta title=format!("{} · {}", post.title, manifest.site.author) site=&manifest.site page />
        <article class="article" data-testid="article" data-slug=slug.to_owned()>
            <ArticleHeader post=post />
            {match use_site_data().initial_body(slug) {
                // Drawn at once, as the prerendered page has it: nothing to wait for.
                Some(html) => body_html(html, slug, &highlight.get_untracked()).into_any(),
                None => loaded_body(body, slug, highlight).into_any(),
            }}
        </article>
        {read_next}
        <PostNav manifest=manifest.clone() slug=slug.to_owned() />
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
    let tags = (!post.tags.is_empty())
        .then(|| view! { <TagLinks tags=post.tags.clone() test_id="tag-link" /> });
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

/// How long [`scroll_to_first_mark`] waits for the app to own the page: about 5 s.
const MARK_WAIT_FRAMES: u32 = 300;

/// The body fetched for `slug`: a loading line until it arrives, the error and a retry button
/// if it cannot be had (under the article's own title: the notice's heading is an `h2`).
fn loaded_body(body: Body, slug: &str, highlight: Memo<Vec<String>>) -> impl IntoView {
    let slug = slug.to_owned();
    move || match body.get() {
        Some((for_slug, Ok(html))) if for_slug == slug => {
            body_html(html, &slug, &highlight.get_untracked()).into_any()
        }
        Some((for_slug, Err(error))) if for_slug == slug => view! {
            <ErrorNotice message=error.to_string() retry=move || body.refetch() within_page=true />
        }
        .into_any(),
        _ => view! { <Loading /> }.into_any(),
    }
}

/// The body's HTML with the search's words marked and its in-page links (footnotes, table of
/// contents, heading anchors) spelled out as this article's URL: under `<base href>` a bare
/// `#id` would lead to the home page. The router then treats a click on one as a move within
/// the page (same path): it pushes `#id` to the URL and scrolls to the element.
fn body_html(html: String, slug: &str, terms: &[String]) -> impl IntoView {
    let page = api::app_href(&crate::site_url::post_path(slug));
    let html = rewrite_fragment_links(&mark_terms(&html, terms), &page);
    if !terms.is_empty() && crate::in_browser() {
        scroll_to_first_mark(MARK_WAIT_FRAMES);
    }
    view! { <div class="prose" data-testid="article-body" inner_html=html></div> }
}

/// Once the app shows the article, centres the first word a search marked. (The URL's
/// `#anchor` is [`RouteFocus`](crate::components::route_focus)'s, or the browser's on a
/// prerendered page.) The app may still be rendering behind a prerendered page, which has no
/// marks: so this waits until the app owns the page, a few seconds at most.
fn scroll_to_first_mark(frames_left: u32) {
    request_animation_frame(move || {
        if !crate::handover::app_is_live() {
            if frames_left > 0 {
                scroll_to_first_mark(frames_left - 1);
            }
            return;
        }
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
