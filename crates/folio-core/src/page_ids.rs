//! The ids the site's own page gives its elements, on the pages that also show a post's HTML
//! (an article, or the bio on the home page): the app's mount point and the prerendered copy it
//! replaces (`src/takeover.rs`, `index.html`), the header's search box, `<main>` (the skip
//! link's target), the home page's section headings.
//!
//! A post's HTML keeps its own ids as written, so links to its sections stay readable and stable,
//! except these: the build's sanitizer gives such a content id the prefix `content-` (and the
//! post's in-page links follow), so `id="main"` in a post can never take the skip link or the
//! app's mount point. An id added to the page must be added here; `folio-build`'s prerender
//! tests check that every id its page frame writes is listed.

/// Ids of the site's page (see the module documentation).
pub const APP_IDS: &[&str] = &[
    "app",
    "prerendered",
    "main",
    "site-search",
    "intro-heading",
    "highlights-heading",
    "all-writing-heading",
];
