//! "Get updates": the feed link and the mailing list, on the home page and after each article.
//!
//! The mailing list is the site file's `[mailing_list]`: a plain `<form>` sent straight to the
//! provider (any provider's form action, with the hidden fields its embed code carries), or a
//! link to its signup page. The page's CSP allows forms to `'self'` and `https:` only, and the
//! pipeline refuses any other action, so the form always submits.

use leptos::prelude::*;

use crate::model::{MailingList, Site};

#[component]
pub fn Subscribe(site: Site) -> impl IntoView {
    let feed = (!site.feed_url.is_empty()).then(|| {
        // `rel="external"` lets the browser open the feed: the router would otherwise take a
        // same-site link as one of its pages.
        view! {
            <a data-testid="rss-link" rel="external" href=site.feed_url.clone()>
                "RSS feed"
            </a>
        }
    });
    let list = site.mailing_list.clone().unwrap_or_default();
    let link = (!list.url.is_empty()).then(|| {
        view! { <a data-testid="mailing-list-link" href=list.url.clone()>"mailing list"</a> }
    });
    let has_form = !list.action.is_empty();
    let (intro, joiner) = match (feed.is_some(), has_form, link.is_some()) {
        (false, false, false) => return None,
        (true, true, _) => ("Get updates via ", " or by email."),
        (false, true, _) => ("Get updates by email.", ""),
        (true, false, true) => ("Get updates via ", " or "),
        _ => ("Get updates via ", ""),
    };
    let form = has_form.then(|| view! { <SignupForm list=list.clone() /> });
    Some(view! {
        <section class="subscribe" data-testid="subscribe" aria-label="Get updates">
            <p class="subscribe-intro">{intro} {feed} {joiner} {link}</p>
            {form}
        </section>
    })
}

/// The signup form: a labelled, required email field, the provider's hidden fields, a button.
#[component]
fn SignupForm(list: MailingList) -> impl IntoView {
    let hidden = list
        .hidden
        .into_iter()
        .map(|field| view! { <input type="hidden" name=field.name value=field.value /> })
        .collect_view();
    view! {
        <form class="subscribe-form" data-testid="subscribe-form" method=list.method action=list.action>
            <label class="subscribe-label">
                <span>{list.label}</span>
                <input
                    type="email"
                    name=list.email_field
                    required
                    autocomplete="email"
                    placeholder="you@example.com"
                    data-testid="subscribe-email"
                />
            </label>
            {hidden}
            <button class="button" type="submit">{list.button}</button>
        </form>
    }
}
