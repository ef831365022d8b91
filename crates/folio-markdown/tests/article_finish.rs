#![cfg(not(target_arch = "wasm32"))]
//! What an article gets after sanitizing for readers (issue 15): tables named uniquely, body
//! `h1`s moved below the page's title, long tables of contents capped, a copy button on code
//! blocks that no text reader sees, short inline code kept on one line.

use folio_markdown::html::finish::{CODE_BLOCK_OPEN, NOWRAP_CODE_CHARS};
use folio_markdown::html::text::plain_text;
use folio_markdown::{render, render_article, without_page_navigation, MAX_TOC_ENTRIES};

/// The `aria-label`s of the table regions in `html`, in order.
fn region_names(html: &str) -> Vec<String> {
    html.split("role=\"region\" aria-label=\"")
        .skip(1)
        .map(|rest| rest[..rest.find('"').unwrap()].to_owned())
        .collect()
}

#[test]
fn table_regions_are_named_by_caption_headers_or_place_and_never_alike() {
    let markdown = "<table><caption>Release  dates</caption><tr><th>x</th></tr></table>\n\n\
                    | Crate | Downloads |\n|---|---|\n| a | 1 |\n\n\
                    | Crate | Downloads |\n|---|---|\n| b | 2 |\n\n\
                    <table><tr><td>no header</td></tr><tr><th>row head</th></tr></table>\n";
    let names = region_names(&render(markdown).html);
    assert_eq!(
        names,
        [
            "Table: Release dates",
            "Table: Crate, Downloads (table 2 of 4)",
            "Table: Crate, Downloads (table 3 of 4)",
            "Table 4 of 4",
        ]
    );
    // 41 tables without headers: 41 names.
    let many = "| a |\n|---|\n| 1 |\n\n"
        .repeat(41)
        .replace("| a |\n|---|", "|   |\n|---|");
    let names = region_names(&render(&many).html);
    assert_eq!(names.len(), 41);
    assert_eq!(names[2], "Table 3 of 41");
    let unique: std::collections::HashSet<_> = names.iter().collect();
    assert_eq!(unique.len(), 41);
}

#[test]
fn a_long_table_name_is_cut_and_escaped() {
    let header = format!("| {} \"q\" |\n|---|\n| 1 |\n", "word ".repeat(40));
    let names = region_names(&render(&header).html);
    assert!(names[0].ends_with('…'), "{names:?}");
    assert!(names[0].chars().count() <= 81, "{names:?}");
    assert!(!names[0].contains('"'));
}

#[test]
fn body_h1s_move_below_the_title_and_the_outline_keeps_its_shape() {
    let r = render_article("# Part one\n\n## Detail\n\n### Deeper\n\n# Part two\n\ntext\n");
    assert!(!r.html.contains("<h1"), "{}", r.html);
    for tag in [
        "<h2 id=\"part-one\">",
        "<h3 id=\"detail\">",
        "<h4 id=\"deeper\">",
        "<h2 id=\"part-two\">",
    ] {
        assert!(r.html.contains(tag), "{tag} in {}", r.html);
    }
    let levels: Vec<u8> = r.headings.iter().map(|h| h.level).collect();
    assert_eq!(levels, [2, 3, 4, 2]);
    // The table of contents follows: the same nesting, linking the same ids.
    assert!(
        r.html.starts_with(
            "<nav class=\"toc\" aria-label=\"Contents\"><p class=\"toc-title\">Contents</p><ol><li>\
             <a href=\"#part-one\">Part one</a><ol><li><a href=\"#detail\">Detail</a><ol><li>\
             <a href=\"#deeper\">Deeper</a></li></ol></li></ol></li><li><a href=\"#part-two\">"
        ),
        "{}",
        r.html
    );
    // A raw `<h1>` counts too; a body without one keeps its levels.
    let raw = render_article("<h1>Raw</h1>\n\n## Two\n").html;
    assert!(
        raw.contains("<h2>Raw</h2>") && raw.contains("<h3 id=\"two\">"),
        "{raw}"
    );
    let plain = render_article("## Two\n\n### Three\n").html;
    assert!(
        plain.contains("<h2 id=\"two\">") && plain.contains("<h3 id=\"three\">"),
        "{plain}"
    );
}

#[test]
fn a_huge_table_of_contents_lists_the_top_level_only_and_at_most_the_cap() {
    let toc_entries = |html: &str| {
        let end = html.find("</nav>").unwrap();
        html[..end].matches("<li>").count()
    };
    // 30 sections of 3 headings: 90 entries is too many, the 30 h2s are listed.
    let sections: String = (0..30)
        .map(|i| format!("## Part {i}\n\n### Sub {i}\n\n#### Leaf {i}\n\n"))
        .collect();
    let html = render_article(&sections).html;
    assert_eq!(toc_entries(&html), 30);
    assert!(!html[..html.find("</nav>").unwrap()].contains("#sub-0"));
    assert!(!html.contains("toc-more"));
    // Only the listed level links to itself; every heading keeps its id.
    assert_eq!(html.matches("class=\"heading-anchor\"").count(), 30);
    assert!(html.contains("<h3 id=\"sub-29\">Sub 29</h3>"), "{html}");
    // A post with fewer headings keeps every link, h5 and h6 too.
    let small = render_article("## A\n\n### B\n\n##### C\n\n###### D\n").html;
    assert_eq!(
        small.matches("class=\"heading-anchor\"").count(),
        4,
        "{small}"
    );
    // 1,000 h2s: the first MAX_TOC_ENTRIES, then a line saying how many more follow.
    let flat: String = (0..1000).map(|i| format!("## H {i}\n\n")).collect();
    let html = render_article(&flat).html;
    assert_eq!(toc_entries(&html), MAX_TOC_ENTRIES);
    let more = 1000 - MAX_TOC_ENTRIES;
    assert!(
        html.contains(&format!(
            "<p class=\"toc-more\">… and {more} more sections below.</p></nav>"
        )),
        "{}",
        &html[..3000]
    );
    // Every heading is still in the body, linking to itself.
    assert_eq!(html.matches("class=\"heading-anchor\"").count(), 1000);
}

#[test]
fn code_blocks_get_a_copy_button_that_no_text_reader_sees() {
    let r = render_article("Intro.\n\n```rust\nlet x = 1;\n```\n\n<pre>raw</pre>\n");
    assert_eq!(r.html.matches(CODE_BLOCK_OPEN).count(), 2, "{}", r.html);
    assert!(
        r.html.contains("<pre tabindex=\"0\">raw</pre></div>"),
        "{}",
        r.html
    );
    // The search text and the feed have the code, not the button.
    let text = plain_text(&r.html);
    assert!(
        text.contains("let x = 1;") && !text.contains("Copy"),
        "{text}"
    );
    let feed = without_page_navigation(&r.html);
    assert!(
        !feed.contains("button") && !feed.contains("copy-status"),
        "{feed}"
    );
    assert!(feed.contains("<pre tabindex=\"0\">raw</pre>"), "{feed}");
    // A post cannot write the button itself.
    let forged =
        render("<button class=\"copy-code\">x</button><div class=\"code-block\">y</div>\n").html;
    assert!(
        !forged.contains("<button") && !forged.contains("code-block"),
        "{forged}"
    );
}

#[test]
fn short_inline_code_is_one_token_and_long_code_wraps() {
    let short = "x".repeat(NOWRAP_CODE_CHARS);
    let long = "y".repeat(NOWRAP_CODE_CHARS + 1);
    let html = render(&format!(
        "A `[u8]`, `{short}`, `{long}` and <code>&amp;[T]</code>.\n"
    ))
    .html;
    assert!(
        html.contains("<code class=\"nowrap\">[u8]</code>"),
        "{html}"
    );
    assert!(
        html.contains(&format!("<code class=\"nowrap\">{short}</code>")),
        "{html}"
    );
    assert!(html.contains(&format!("<code>{long}</code>")), "{html}");
    assert!(
        html.contains("<code class=\"nowrap\">&amp;[T]</code>"),
        "{html}"
    );
    // Code inside a block is the block's, never a token.
    assert!(!render("```\n[u8]\n```\n").html.contains("nowrap"));
}

#[test]
fn footnote_back_links_are_not_text() {
    let html = render("A claim.[^n]\n\n[^n]: The source.\n").html;
    assert!(html.contains("footnote-backref"), "{html}");
    assert!(!plain_text(&html).contains('\u{21a9}'), "{html}");
}
