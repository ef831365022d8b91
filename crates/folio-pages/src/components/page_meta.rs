//! A page's `<head>`: its title, and the description, canonical URL, OpenGraph and Twitter card
//! tags that [`crate::head_tags`] lists. Every page sets them through [`PageMeta`], so no page
//! forgets one and every route has the same set.
//!
//! In the browser the tags go straight into `<head>` (leptos_meta would cost about 5 kB of
//! gzipped wasm for the same): added when the page is drawn, removed when the reader leaves it
//! (the owner's cleanup), replacing any tag already there for the same part (a prerendered
//! page's), so a page never carries two canonical URLs. The prerenderer instead collects them
//! ([`HeadRecord`]) and writes them into the page's static `<head>`.

use leptos::prelude::*;
use send_wrapper::SendWrapper;

use crate::head_tags::{head_tags, HeadTag, PageInfo};
use crate::model::Site;

/// The site-wide part: the name previews show and the base of canonical URLs.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SiteMeta {
    pub name: String,
    /// Absolute, ending in `/`; empty when the site has none.
    pub base_url: String,
}

impl From<&Site> for SiteMeta {
    fn from(site: &Site) -> Self {
        SiteMeta {
            name: site.author.clone(),
            base_url: site.base_url.clone(),
        }
    }
}

#[component]
pub fn PageMeta(
    /// The document title.
    #[prop(into)]
    title: Signal<String>,
    #[prop(into)] site: SiteMeta,
    page: PageInfo,
) -> impl IntoView {
    let tags = head_tags(&site.name, &site.base_url, &page);
    if let Some(record) = use_context::<HeadRecord>() {
        record.0.set(Some((title.get_untracked(), tags)));
    } else if crate::in_browser() {
        put_in_head(tags);
        // The title can follow the URL (the search page's query): an effect keeps it in step.
        Effect::new(move |_| document().set_title(&title.get()));
    }
}

/// Where the prerenderer collects the page's title and head tags (the last page drawn wins:
/// a post that turns out not to exist draws the not-found page inside it).
#[derive(Clone, Copy, Default)]
pub struct HeadRecord(pub RwSignal<Option<(String, Vec<HeadTag>)>>);

/// Adds `tags` to `<head>` until the calling owner is cleaned up.
fn put_in_head(tags: Vec<HeadTag>) {
    let document = document();
    let Some(head) = document.head() else {
        return;
    };
    let mut replaced: Vec<String> = Vec::with_capacity(tags.len());
    for tag in &tags {
        let selector = tag.selector();
        if replaced.contains(&selector) {
            continue;
        }
        if let Ok(old) = head.query_selector_all(&selector) {
            for i in 0..old.length() {
                if let Some(node) = old.item(i) {
                    let _ = head.remove_child(&node);
                }
            }
        }
        replaced.push(selector);
    }
    let mut added = Vec::with_capacity(tags.len());
    for tag in tags {
        let Ok(element) = document.create_element(tag.element) else {
            continue;
        };
        let _ = element.set_attribute(tag.key_attr, tag.key);
        let _ = element.set_attribute(tag.value_attr, &tag.value);
        let _ = head.append_child(&element);
        added.push(element);
    }
    let added = SendWrapper::new(added);
    on_cleanup(move || {
        for element in added.take() {
            element.remove();
        }
    });
}
