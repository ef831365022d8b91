//! Anything no route matches, and posts or tags that do not exist.

use leptos::prelude::*;

use crate::api::app_href;
use crate::components::page_meta::{PageMeta, SiteMeta};
use crate::components::site_data::use_manifest;
use crate::head_tags::PageInfo;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let meta = {
        let site = SiteMeta::from(&use_manifest().site);
        let title = match site.name.as_str() {
            "" => "Page not found".to_owned(),
            name => format!("Page not found · {name}"),
        };
        let page = PageInfo {
            headline: "Page not found".to_owned(),
            description: "There is nothing at this address.".to_owned(),
            noindex: true,
            ..PageInfo::default()
        };
        view! { <PageMeta title site page /> }
    };
    view! {
        {meta}
        <section class="not-found" data-testid="not-found">
            <h1>"Page not found"</h1>
            <p>"There is nothing at this address. It may have moved, or the link may be mistyped."</p>
            <p><a href=app_href("/") data-testid="home-link">"Back to the home page"</a></p>
        </section>
    }
}
