//! The frame around every prerendered page, as `components::layout` draws it: skip link,
//! header (name, main navigation, search box, theme switch), `<main>`, footer.

use super::html::{attr, text};
use super::pages::SiteContext;

/// Which main-navigation link is the current page (`aria-current="page"`, as the router's `<A>`
/// marks it).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Current {
    Archive,
    Tags,
    Other,
}

/// The whole `<body>` content for a page whose `<main>` holds `main`, wrapped in the element the
/// app replaces once it has drawn the same page. `path` is the page's own app path: the skip
/// link names it, because a bare `#main` resolves against `<base href>` to the home page, and
/// the prerendered page works on its own until the reader wakes the app (`crate::takeover`).
pub fn page(site: &SiteContext, path: &str, current: Current, main: &str) -> String {
    let nav_link = |path: &str, label: &str, this: Current| {
        let aria = if current == this {
            " aria-current=\"page\""
        } else {
            ""
        };
        format!(
            "<li><a href=\"{}\"{aria}>{label}</a></li>",
            attr(&site.href(path))
        )
    };
    format!(
        concat!(
            "<div id=\"prerendered\">",
            "<a class=\"skip-link\" href=\"{skip}\">Skip to content</a>",
            "<header class=\"site-header\">",
            "<a href=\"{home}\" class=\"site-title\">{name}</a>",
            "<nav class=\"site-nav\" aria-label=\"Main\"><ul>{archive}{tags}</ul></nav>",
            "<form class=\"search-box\" role=\"search\" action=\"search\">",
            "<label for=\"site-search\" class=\"visually-hidden\">Search posts</label>",
            "<input id=\"site-search\" type=\"search\" name=\"q\" placeholder=\"Search  /\" ",
            "autocomplete=\"off\" spellcheck=\"false\">",
            "</form>",
            // The switch works once the app runs; until then public/theme.js sets aria-pressed.
            "<button type=\"button\" class=\"theme-toggle\" data-testid=\"theme-toggle\" ",
            "title=\"Switch theme\" aria-pressed=\"false\">",
            "<span class=\"theme-icon\" aria-hidden=\"true\"></span>",
            "<span class=\"visually-hidden\">Dark theme</span></button>",
            "</header>",
            "<main id=\"main\" tabindex=\"-1\">{main}</main>",
            "<footer class=\"site-footer\"><p>Written in Markdown, served as static files, ",
            "rendered by Rust compiled to WebAssembly.</p></footer>",
            "</div>"
        ),
        skip = attr(&format!("{}#main", site.href(path))),
        home = attr(&site.href("/")),
        name = text(&site.manifest.site.author),
        archive = nav_link("/archive", "Archive", Current::Archive),
        // As the app's header: no "Tags" link on a site without tags.
        tags = if site.manifest.has_tags() {
            nav_link("/tags", "Tags", Current::Tags)
        } else {
            String::new()
        },
        main = main,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use folio_core::model::{Manifest, PostSummary};

    fn header(tags: &[&str]) -> String {
        let manifest = Manifest {
            posts: vec![PostSummary {
                slug: "p".into(),
                tags: tags.iter().map(|t| t.to_string()).collect(),
                ..PostSummary::default()
            }],
            ..Manifest::default()
        };
        page(
            &SiteContext::new(&manifest, "/".into()),
            "/",
            Current::Other,
            "",
        )
    }

    #[test]
    fn the_tags_link_shows_only_when_a_post_has_a_tag() {
        assert!(header(&["rust"]).contains(">Tags</a></li>"));
        let untagged = header(&[]);
        assert!(!untagged.contains(">Tags</a>"), "{untagged}");
        assert!(
            untagged.contains(">Archive</a></li></ul></nav>"),
            "{untagged}"
        );
    }
}
