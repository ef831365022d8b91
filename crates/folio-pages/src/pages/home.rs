//! `/`: the author's page: bio, call to action, highlights, all writing, subscribe links.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::page_meta::PageMeta;
use crate::components::post_list::{post_href, PostList};
use crate::components::search_results::SearchResults;
use crate::components::site_data::WithManifest;
use crate::components::subscribe::Subscribe;
use crate::head_tags::PageInfo;
use crate::model::{Manifest, Site};
use crate::search_client::use_search_engine;

#[component]
pub fn HomePage() -> impl IntoView {
    view! { <WithManifest render=Arc::new(|m| home(m).into_any()) /> }
}

fn home(manifest: Arc<Manifest>) -> impl IntoView {
    let site = &manifest.site;
    let page = PageInfo::home(site);
    let reach_out = site.reach_out.clone().map(|link| {
        view! {
            <p class="reach-out">
                <a class="button" data-testid="reach-out" href=link.url>{link.label}</a>
            </p>
        }
    });
    view! {
        <PageMeta title=site.author.clone() site=site page />
        <section class="intro" aria-labelledby="intro-heading">
            <h1 id="intro-heading">{site.author.clone()}</h1>
            {(!site.tagline.is_empty()).then(|| view! { <p class="tagline">{site.tagline.clone()}</p> })}
            <div class="bio" data-testid="bio" inner_html=site.bio_html.clone()></div>
            {reach_out}
            <ContactLinks site=site.clone() />
        </section>
        <Highlights manifest=manifest.clone() />
        <AllWriting manifest=manifest.clone() />
        <Subscribe site=site.clone() />
    }
}

/// Every post, newest first; while the header box holds a query, the posts matching it, ranked.
#[component]
fn AllWriting(manifest: Arc<Manifest>) -> impl IntoView {
    let query = use_search_engine().query;
    let filtering = move || query.with(|q| !q.trim().is_empty());
    let posts = manifest.posts.clone();
    view! {
        <section class="all-writing" data-testid="all-writing" aria-labelledby="all-writing-heading">
            <h2 id="all-writing-heading">"All writing"</h2>
            <Show
                when=filtering
                fallback=move || view! { <PostList posts=posts.clone() /> }
            >
                <SearchResults manifest=manifest.clone() />
            </Show>
        </section>
    }
}

#[component]
fn ContactLinks(site: Site) -> impl IntoView {
    (!site.links.is_empty()).then(|| {
        view! {
            <ul class="contact-links" aria-label="Contact">
                {site
                    .links
                    .into_iter()
                    .map(|link| view! { <li><a href=link.url>{link.label}</a></li> })
                    .collect_view()}
            </ul>
        }
    })
}

/// The featured posts, each with its blurb, in the author's order.
#[component]
fn Highlights(manifest: Arc<Manifest>) -> impl IntoView {
    let featured: Vec<_> = manifest.highlights().into_iter().cloned().collect();
    (!featured.is_empty()).then(|| {
        let items = featured
            .into_iter()
            .map(|post| {
                view! {
                    <article class="highlight" data-testid="highlight">
                        <h3>
                            <a href=post_href(&post.slug) data-testid="post-link">
                                {post.title}
                            </a>
                        </h3>
                        <p data-testid="blurb">{post.highlight.unwrap_or_default()}</p>
                    </article>
                }
            })
            .collect_view();
        view! {
            <section class="highlights" data-testid="highlights" aria-labelledby="highlights-heading">
                <h2 id="highlights-heading">"Highlights"</h2>
                {items}
            </section>
        }
    })
}
