//! Fetching the pipeline's output: the manifest and post bodies (HTML rendered at build time).
//!
//! Every request is tied to the reactive owner that started it: when the reader leaves the page
//! (the owner is cleaned up), the request is aborted instead of finishing in the background.

use std::{fmt, sync::Arc};

use gloo_net::http::Request;
use leptos::prelude::on_cleanup;
use send_wrapper::SendWrapper;

use crate::model::{post_html_path, Manifest};

/// Why a fetch failed, with the URL it was for.
#[derive(Clone, Debug, PartialEq)]
pub enum FetchError {
    /// The request never got an answer (offline, DNS, aborted, CSP).
    Network { url: String, message: String },
    /// The server answered with a non-success status.
    Status { url: String, status: u16 },
    /// The answer arrived but is not what the pipeline writes.
    Malformed { url: String, message: String },
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FetchError::Network { url, message } => write!(f, "Could not reach {url}: {message}"),
            FetchError::Status { url, status } => write!(f, "{url} answered with HTTP {status}"),
            FetchError::Malformed { url, message } => write!(f, "{url} is not valid: {message}"),
        }
    }
}

impl std::error::Error for FetchError {}

/// The site's base path, with a trailing slash: the path of `<base href>`, which Trunk sets to
/// the public URL (`/`, or `/blog/` for a sub-path deploy); `/` when the page has no `<base>`
/// (then the base URI would be the page's own URL, which is no base at all). Read from the
/// document once: it cannot change while the page lives, and links and fetches ask often. The
/// prerenderer, which has no document, sets it with [`set_base_href`].
pub fn base_href() -> String {
    thread_local! {
        static BASE: String = if crate::in_browser() { read_base_href() } else { "/".to_owned() };
    }
    OVERRIDE
        .with(|o| o.borrow().clone())
        .unwrap_or_else(|| BASE.with(String::clone))
}

thread_local! {
    static OVERRIDE: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// The base path pages are drawn for on this thread, for the prerenderer (set before the first
/// page is drawn; a thread draws one site).
pub fn set_base_href(base: &str) {
    OVERRIDE.with(|o| *o.borrow_mut() = Some(base.to_owned()));
}

fn read_base_href() -> String {
    let document = leptos::prelude::document();
    let has_base = document
        .query_selector("base[href]")
        .ok()
        .flatten()
        .is_some();
    let href = match document.base_uri() {
        Ok(Some(href)) if has_base => href,
        _ => return "/".to_owned(),
    };
    let path = match href.find("://") {
        Some(scheme_end) => {
            let rest = &href[scheme_end + 3..];
            rest.find('/').map_or("/", |i| &rest[i..])
        }
        None => href.as_str(),
    };
    let path = path.split(['?', '#']).next().unwrap_or_default();
    if path.ends_with('/') {
        path.to_owned()
    } else {
        format!("{path}/")
    }
}

/// The router base: [`base_href`] without its trailing slash ("" at the root).
pub fn router_base() -> String {
    base_href().trim_end_matches('/').to_owned()
}

/// An app path (`/posts/x`) as a link under the router base (`/blog/posts/x` when the site is
/// served from `/blog/`). Links need it spelled out; `navigate` adds the base itself.
pub fn app_href(path: &str) -> String {
    format!("{}{path}", router_base())
}

fn asset_url(path: &str) -> String {
    format!("{}{path}", base_href())
}

/// GET a file of the site as text, aborted if the calling owner is cleaned up first.
pub async fn get_text(path: &str) -> Result<String, FetchError> {
    let (url, response) = get(path).await?;
    response.text().await.map_err(|e| FetchError::Network {
        url,
        message: describe(e),
    })
}

/// What went wrong, as the browser put it. Not `to_string()`: that would link serde_json's
/// error messages (gloo-net's JSON support), which the app never meets, into the wasm.
fn describe(error: gloo_net::Error) -> String {
    match error {
        gloo_net::Error::JsError(e) => format!("{}: {}", e.name, e.message),
        gloo_net::Error::GlooError(message) => message,
        #[allow(unreachable_patterns)]
        _ => "unreadable answer".to_owned(),
    }
}

/// GET a file of the site as bytes (the search index), aborted only through `signal`: the
/// search engine, not the page that first asked, decides when a part is no longer wanted.
pub async fn get_bytes(
    path: &str,
    signal: Option<&web_sys::AbortSignal>,
) -> Result<Vec<u8>, FetchError> {
    let (url, response) = get_with(path, signal.cloned()).await?;
    response.binary().await.map_err(|e| FetchError::Network {
        url,
        message: describe(e),
    })
}

/// A GET aborted when the calling reactive owner is cleaned up (the page that asked is gone).
/// Not an `async fn`: it only sets up the abort, so no extra future wraps [`get_with`].
fn get(
    path: &str,
) -> impl std::future::Future<Output = Result<(String, gloo_net::http::Response), FetchError>> + '_
{
    let controller = SendWrapper::new(web_sys::AbortController::new().ok());
    let signal = controller.as_ref().map(|c| c.signal());
    on_cleanup(move || {
        if let Some(controller) = controller.take() {
            controller.abort();
        }
    });
    get_with(path, signal)
}

async fn get_with(
    path: &str,
    signal: Option<web_sys::AbortSignal>,
) -> Result<(String, gloo_net::http::Response), FetchError> {
    let url = asset_url(path);
    let network = |e: gloo_net::Error| FetchError::Network {
        url: url.clone(),
        message: describe(e),
    };
    let response = Request::get(&url)
        .abort_signal(signal.as_ref())
        .send()
        .await
        .map_err(network)?;
    if !response.ok() {
        return Err(FetchError::Status {
            url,
            status: response.status(),
        });
    }
    Ok((url, response))
}

/// The post manifest, parsed.
pub async fn manifest() -> Result<Arc<Manifest>, FetchError> {
    let path = "manifest.json";
    let text = get_text(path).await?;
    let malformed = |message: String| FetchError::Malformed {
        url: asset_url(path),
        message,
    };
    // Parsed in wasm: reading `JSON.parse`'s value field by field across the JS boundary took
    // most of the first page's task on a slow phone.
    folio_core::manifest_read::read(&text)
        .map(Arc::new)
        .map_err(|e| malformed(e.to_string()))
}

/// A post's body as the pipeline rendered it: sanitised HTML, ready for `innerHTML`.
pub async fn post_html(slug: &str) -> Result<String, FetchError> {
    // Slugs keep the author's file names, which may hold characters a URL must escape.
    let slug = String::from(js_sys::encode_uri_component(slug));
    get_text(&post_html_path(&slug)).await
}
