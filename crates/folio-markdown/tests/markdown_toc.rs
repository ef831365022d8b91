#![cfg(not(target_arch = "wasm32"))]
//! Article rendering: the table of contents and the links headings carry to themselves.

use folio_markdown::{
    render, render_article, toc_html, without_page_navigation, Heading, MIN_TOC_HEADINGS,
};

fn heading(level: u8, id: &str) -> Heading {
    Heading {
        level,
        id: id.to_owned(),
        text: id.to_uppercase(),
    }
}

/// The `href`s of the table of contents in `html`, in order.
fn toc_links(html: &str) -> Vec<&str> {
    let start = html
        .find("<nav class=\"toc\"")
        .expect("a table of contents");
    let toc = &html[start..start + html[start..].find("</nav>").unwrap()];
    toc.split("<a href=\"")
        .skip(1)
        .map(|rest| &rest[..rest.find('"').unwrap()])
        .collect()
}

#[test]
fn two_headings_get_no_table_of_contents() {
    assert_eq!(MIN_TOC_HEADINGS, 3);
    let html = render_article("## One\n\ntext\n\n## Two\n\ntext\n").html;
    assert!(!html.contains("class=\"toc\""), "{html}");
    assert!(html.starts_with("<h2"), "{html}");
    assert_eq!(toc_html(&[heading(2, "a"), heading(3, "b")]), None);
}

#[test]
fn three_headings_get_a_nested_list_in_document_order() {
    let markdown =
        "Intro.\n\n## First {#custom-id}\n\n### Inner\n\ntext\n\n## Second & last\n\nend\n";
    let html = render_article(markdown).html;
    assert!(
        html.starts_with(
            "<nav class=\"toc\" aria-label=\"Contents\"><p class=\"toc-title\">Contents</p>\
             <ol><li><a href=\"#custom-id\">First</a>\
             <ol><li><a href=\"#inner\">Inner</a></li></ol></li>\
             <li><a href=\"#second-last\">Second &amp; last</a></li></ol></nav>\n<p>Intro.</p>"
        ),
        "{html}"
    );
    // Every listed target exists in the body.
    for href in toc_links(&html) {
        let id = href.strip_prefix('#').unwrap();
        assert!(html.contains(&format!("id=\"{id}\"")), "{id} in {html}");
    }
}

#[test]
fn skipped_levels_nest_one_step_and_shallower_headings_close_the_lists() {
    let toc = toc_html(&[
        heading(2, "a"),
        heading(4, "b"),
        heading(3, "c"),
        heading(2, "d"),
    ])
    .unwrap();
    assert!(
        toc.ends_with(
            "<ol><li><a href=\"#a\">A</a><ol><li><a href=\"#b\">B</a></li><li><a href=\"#c\">C</a>\
             </li></ol></li><li><a href=\"#d\">D</a></li></ol></nav>\n"
        ),
        "{toc}"
    );
}

#[test]
fn listed_levels_start_at_the_shallowest_heading_and_stop_at_h4() {
    // `#` sections: h1 to h3.
    let headings = [
        heading(1, "a"),
        heading(2, "b"),
        heading(3, "c"),
        heading(4, "d"),
    ];
    assert_eq!(toc_links(&toc_html(&headings).unwrap()), ["#a", "#b", "#c"]);
    // `##` sections: h2 to h4, never h5.
    let headings = [
        heading(2, "a"),
        heading(3, "b"),
        heading(4, "c"),
        heading(5, "d"),
    ];
    assert_eq!(toc_links(&toc_html(&headings).unwrap()), ["#a", "#b", "#c"]);
    // Two h2 and h5s: two listed headings are not enough.
    let headings = [
        heading(2, "a"),
        heading(5, "b"),
        heading(5, "c"),
        heading(2, "d"),
    ];
    assert_eq!(toc_html(&headings), None);
}

#[test]
fn every_heading_links_to_itself() {
    // (With a `#` heading in the body every heading moves down one level, h6 excepted.)
    let html = render_article("## Tips & \"tricks\"\n\n###### Deep {#deep-one}\n\n# Top\n").html;
    assert!(
        html.contains(
            "<h3 id=\"tips-tricks\">Tips &amp; “tricks” <a class=\"heading-anchor\" \
             href=\"#tips-tricks\" aria-label=\"Link to this section: Tips &amp; “tricks”\">#</a></h3>"
        ),
        "{html}"
    );
    assert!(
        html.contains(
            "<h6 id=\"deep-one\">Deep <a class=\"heading-anchor\" href=\"#deep-one\" \
             aria-label=\"Link to this section: Deep\">#</a></h6>"
        ),
        "{html}"
    );
    assert!(
        html.contains("<h2 id=\"top\">Top <a class=\"heading-anchor\" href=\"#top\""),
        "{html}"
    );
}

#[test]
fn anchors_leave_heading_texts_alone_and_plain_render_has_none() {
    let markdown = "## Über café\n\n## Two\n\n## Three\n";
    let article = render_article(markdown);
    let plain = render(markdown);
    assert_eq!(article.headings, plain.headings);
    assert_eq!(article.headings[0].text, "Über café");
    assert!(!plain.html.contains("heading-anchor") && !plain.html.contains("toc"));
    // Non-ASCII ids are percent-encoded in links, as footnote links are.
    assert!(
        article.html.contains("href=\"#%C3%BCber-caf%C3%A9\""),
        "{}",
        article.html
    );
    assert!(
        article.html.contains("id=\"über-café\""),
        "{}",
        article.html
    );
}

#[test]
fn without_page_navigation_is_the_article_as_plain_render_writes_it() {
    // What the feeds carry: no table of contents, no `#` after the headings; all else the same.
    let md = "Intro.\n\n## One\n\ntext\n\n## Two & <b>more</b>\n\n### Three {#custom}\n\n\
              <a class=\"heading-anchor\" href=\"#one\">raw link</a> kept\n\n## One\n";
    let article = render_article(md).html;
    assert!(article.contains("<nav class=\"toc\""), "{article}");
    assert!(article.contains(">#</a>"), "{article}");
    let stripped = without_page_navigation(&article);
    assert_eq!(stripped, render(md).html);
    assert!(stripped.contains("raw link</a> kept"), "{stripped}");
    // A post too short for a table of contents loses its anchors only.
    let md = "## Only\n\nbody\n";
    assert_eq!(
        without_page_navigation(&render_article(md).html),
        render(md).html
    );
}
