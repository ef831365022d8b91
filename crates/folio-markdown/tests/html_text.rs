#![cfg(not(target_arch = "wasm32"))]
//! Edits the app makes to a post's HTML: search marks in text only, and in-page links spelled
//! out as the article's URL.

use folio_core::html_text::{
    mark_terms, pieces, rewrite_fragment_links, unescape, Piece, StartTag,
};
use folio_core::search::stem;
use folio_markdown::render_article;

fn terms(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| stem(w).into_owned()).collect()
}

/// The texts inside `<mark>` in `html`.
fn marked(html: &str) -> Vec<&str> {
    html.split("<mark>")
        .skip(1)
        .map(|rest| &rest[..rest.find("</mark>").expect("closed")])
        .collect()
}

/// `html` without the marks: what was there before.
fn unmarked(html: &str) -> String {
    html.replace("<mark>", "").replace("</mark>", "")
}

#[test]
fn marks_matching_words_the_way_search_matches_them() {
    let html = "<p>Caching is cached; the <em>cache</em> helps.</p>\n";
    let out = mark_terms(html, &terms(&["caching"]));
    assert_eq!(marked(&out), ["Caching", "cached", "cache"]);
    assert_eq!(unmarked(&out), html);
}

#[test]
fn never_marks_inside_tags_or_attribute_values() {
    let html = "<p><a href=\"/cleaner\" title=\"cleaner\" data-x='a > cleaner'>the cleaner</a> \
                <img src=\"cleaner.png\" alt=\"cleaner\" /></p>";
    let out = mark_terms(html, &terms(&["cleaner"]));
    assert_eq!(marked(&out), ["cleaner"]);
    assert!(out.contains(">the <mark>cleaner</mark></a>"), "{out}");
    assert_eq!(unmarked(&out), html);
}

#[test]
fn reads_references_as_characters_and_never_splits_one() {
    // `&amp;` is not the word "amp", `AT&amp;T` is one text, `&lt;b&gt;` is the word "b".
    let html = "<p>AT&amp;T &amp; amp &lt;cleaner&gt; &#99;leaner caf&eacute;</p>";
    let out = mark_terms(html, &terms(&["amp", "cleaner"]));
    assert_eq!(marked(&out), ["amp", "cleaner", "&#99;leaner"]);
    assert!(
        out.contains("AT&amp;T &amp; <mark>amp</mark> &lt;<mark>cleaner</mark>&gt;"),
        "{out}"
    );
    assert_eq!(unmarked(&out), html);
    assert_eq!(
        unescape("a&amp;b&lt;&#x41;&nbsp;&bogus;&"),
        "a&b<A\u{a0}\u{fffd}&"
    );
}

#[test]
fn multi_byte_text_is_marked_on_character_boundaries() {
    let html = "<p>Ümlauts über Ümlaut — 東京 tokyo Ümlauts</p>";
    let out = mark_terms(html, &terms(&["umlaut"]));
    assert_eq!(marked(&out), ["Ümlauts", "Ümlaut", "Ümlauts"]);
    assert_eq!(unmarked(&out), html);
}

#[test]
fn code_is_marked_like_before_and_the_table_of_contents_is_not() {
    let markdown = "## Cleaner one\n\n## Cleaner two\n\n## Three\n\nThe `cleaner` runs.\n\n\
                    ```java\nCleaner cleaner = Cleaner.create();\n```\n";
    let html = render_article(markdown).html;
    let out = mark_terms(&html, &terms(&["cleaner"]));
    assert!(
        out.contains("<code class=\"nowrap\"><mark>cleaner</mark></code>"),
        "{out}"
    );
    // In highlighted code the marks go inside the token spans.
    assert!(
        out.contains(
            "<span class=\"hl-ty\"><mark>Cleaner</mark></span> <mark>cleaner</mark> = \
             <span class=\"hl-ty\"><mark>Cleaner</mark></span>.<span class=\"hl-fn\">create</span>();"
        ),
        "{out}"
    );
    // Headings are marked, their entries in the table of contents are not, nor their labels.
    let toc_end = out.find("</nav>").unwrap();
    assert!(!out[..toc_end].contains("<mark>"), "{out}");
    assert!(
        out.contains("<h2 id=\"cleaner-one\"><mark>Cleaner</mark> one <a"),
        "{out}"
    );
    assert!(
        out.contains("aria-label=\"Link to this section: Cleaner one\""),
        "{out}"
    );
    assert_eq!(unmarked(&out), html);
}

#[test]
fn no_terms_or_no_match_changes_nothing() {
    let html = "<p>text &amp; more</p>";
    assert_eq!(mark_terms(html, &[]), html);
    assert_eq!(mark_terms(html, &terms(&["absent"])), html);
}

#[test]
fn fragment_links_point_at_the_article() {
    let html = "<nav class=\"toc\"><a href=\"#intro\">Intro</a></nav>\
                <h2 id=\"intro\">Intro <a class=\"heading-anchor\" href=\"#intro\">#</a></h2>\
                <p><a href=\"https://example.com/#x\">out</a> <a href=\"other#x\">rel</a> \
                <a href=\"#\">neutralised</a><sup class=\"footnote-reference\"><a href=\"#n\">1</a></sup> \
                <img src=\"#x\" alt=\"#x\"> text href=\"#x\"</p>";
    let out = rewrite_fragment_links(html, "/blog/posts/a&b");
    assert_eq!(
        out,
        html.replace("href=\"#intro\"", "href=\"/blog/posts/a&amp;b#intro\"")
            .replace("href=\"#\"", "href=\"/blog/posts/a&amp;b#\"")
            .replace("href=\"#n\"", "href=\"/blog/posts/a&amp;b#n\"")
    );
}

#[test]
fn the_scanner_splits_text_from_markup_exactly() {
    let html = "a < b <!-- <p> --><p class=\"x>y\">t</p><script>if (a<b) x()</script>z";
    let parts: Vec<Piece<'_>> = pieces(html).collect();
    assert_eq!(
        parts,
        [
            Piece::Text("a < b "),
            Piece::Markup("<!-- <p> -->"),
            Piece::Markup("<p class=\"x>y\">"),
            Piece::Text("t"),
            Piece::Markup("</p>"),
            Piece::Markup("<script>"),
            Piece::Markup("if (a<b) x()"),
            Piece::Markup("</script>"),
            Piece::Text("z"),
        ]
    );
    let tag = StartTag::parse("<img src=\"a.png\" alt='x' hidden width=3 />").unwrap();
    assert_eq!(tag.name, "img");
    let attrs: Vec<_> = tag.attrs.iter().map(|a| (a.name, a.value)).collect();
    assert_eq!(
        attrs,
        [
            ("src", Some("a.png")),
            ("alt", Some("x")),
            ("hidden", None),
            ("width", Some("3"))
        ]
    );
    assert_eq!(StartTag::parse("</p>"), None);
}
