//! Host tests for the Markdown renderer: the dialect, heading ids, and the safety policy
//! (raw HTML allowlist, URL schemes).
#![cfg(not(target_arch = "wasm32"))]

use folio_markdown::html::tokens::{tokenize, Token};
use folio_markdown::{
    code_ranges, plain_text, render, render_article_with_links, word_count, Heading,
};

fn html(markdown: &str) -> String {
    render(markdown).html
}

fn ids(markdown: &str) -> Vec<String> {
    render(markdown)
        .headings
        .into_iter()
        .map(|h| h.id)
        .collect()
}

/// The output has no `href`/`src` at all: the sanitizer dropped the URL (a link then becomes
/// its text, an image stays without a source).
fn assert_neutralised(markdown: &str) {
    let out = html(markdown);
    assert!(!out.contains("<a"), "a link to nowhere in {out}");
    assert!(
        !out.contains(" href=") && !out.contains(" src="),
        "{markdown:?} -> {out}"
    );
}

// --- The dialect ------------------------------------------------------------------------------

#[test]
fn tables_are_wrapped_for_horizontal_scrolling() {
    let out = html("| a | b |\n|---|--:|\n| 1 | 2 |\n");
    assert!(
        out.starts_with("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Table\"><table><thead><tr><th>a</th>"),
        "{out}"
    );
    assert!(out.contains("<td class=\"align-right\">2</td>"), "{out}");
    assert!(out.trim_end().ends_with("</table></div>"), "{out}");
    assert_eq!(out.matches("<div").count(), out.matches("</div>").count());
}

#[test]
fn scrolling_blocks_are_focusable_so_a_keyboard_can_scroll_them() {
    // axe `scrollable-region-focusable`: a wide code block or table must take keyboard focus.
    let out = html("```rust\nfn f() {}\n```\n\n    indented\n\n<pre>raw</pre>\n\n| a |\n|---|\n| 1 |\n\n<table><tr><td>x</td></tr></table>\n");
    assert_eq!(out.matches("<pre tabindex=\"0\">").count(), 3, "{out}");
    assert_eq!(out.matches("<pre").count(), 3, "{out}");
    // The table wrappers are named regions, so a screen reader says what took focus.
    let wrap =
        "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Table\"><table>";
    assert_eq!(out.matches(wrap).count(), 2, "{out}");
}

#[test]
fn column_alignment_is_a_class_not_an_inline_style() {
    // The page's CSP (`style-src 'self'`) blocks `style=` attributes: alignment would be lost
    // and every cell would log an error.
    let out = html("| l | c | r | n |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |\n| 5 | 6 | 7 | 8 |\n");
    assert!(!out.contains("style="), "{out}");
    for want in [
        "<th class=\"align-left\">l</th><th class=\"align-center\">c</th><th class=\"align-right\">r</th><th>n</th>",
        "<td class=\"align-left\">1</td><td class=\"align-center\">2</td><td class=\"align-right\">3</td><td>4</td>",
        "<td class=\"align-left\">5</td><td class=\"align-center\">6</td><td class=\"align-right\">7</td><td>8</td>",
    ] {
        assert!(out.contains(want), "{want} not in {out}");
    }
    // Inline markup in a cell is kept, and a second table starts its columns afresh.
    let out = html("| *a* |\n|--:|\n| `b` |\n\n| c | d |\n|---|:-:|\n| e | f |\n");
    assert!(
        out.contains("<th class=\"align-right\"><em>a</em></th>"),
        "{out}"
    );
    assert!(
        out.contains("<td class=\"align-right\"><code>b</code></td>"),
        "{out}"
    );
    assert!(
        out.contains("<td>e</td><td class=\"align-center\">f</td>"),
        "{out}"
    );
}

#[test]
fn footnotes_have_reference_and_definition() {
    let out = html("Claim.[^src]\n\n[^src]: The source.\n");
    assert!(
        out.contains("<sup class=\"footnote-reference\"><a href=\"#src\">1</a></sup>"),
        "{out}"
    );
    assert!(
        out.contains("<div class=\"footnote-definition\" id=\"src\">"),
        "{out}"
    );
    assert!(out.contains("The source."), "{out}");
}

#[test]
fn strikethrough() {
    assert_eq!(html("~~gone~~"), "<p><del>gone</del></p>\n");
}

#[test]
fn task_lists() {
    let out = html("- [ ] todo\n- [x] done\n");
    assert!(
        out.contains("<li><input disabled=\"\" type=\"checkbox\" />\ntodo</li>"),
        "{out}"
    );
    assert!(
        out.contains("<li><input disabled=\"\" type=\"checkbox\" checked=\"\" />\ndone</li>"),
        "{out}"
    );
    // A raw `<input>` can only ever be a disabled checkbox.
    assert_eq!(
        html("<input type=text autofocus onfocus=alert(1)>\n"),
        "<input type=\"checkbox\" disabled=\"\" />\n"
    );
}

#[test]
fn smart_punctuation() {
    let out = html("\"Quoted\" and it's 1--2 --- done...");
    assert!(out.contains("“Quoted”"), "{out}");
    assert!(out.contains("it’s"), "{out}");
    assert!(out.contains("1–2"), "{out}");
    assert!(out.contains("—"), "{out}");
    assert!(out.contains("…"), "{out}");
}

#[test]
fn code_blocks_keep_the_language_class() {
    // Plain text stays plain (highlighting: tests/highlight.rs).
    let out = html("```text\nlet x = 1 < 2;\n```\n");
    assert_eq!(
        out,
        "<pre tabindex=\"0\"><code class=\"language-text\">let x = 1 &lt; 2;\n</code></pre>\n"
    );
    // Rust posts write `rust,ignore`: the class stays the language.
    let out = html("```rust,ignore\nfn f() {}\n```\n");
    assert!(
        out.starts_with("<pre tabindex=\"0\"><code class=\"language-rust\">"),
        "{out}"
    );
    assert_eq!(
        html("```\nplain\n```\n"),
        "<pre tabindex=\"0\"><code>plain\n</code></pre>\n"
    );
}

// --- Heading ids ------------------------------------------------------------------------------

#[test]
fn heading_ids_are_slugs_of_the_text() {
    let out = html("## Getting *Started*: the `cargo` way!\n");
    assert_eq!(
        out,
        "<h2 id=\"getting-started-the-cargo-way\">Getting <em>Started</em>: the <code>cargo</code> way!</h2>\n"
    );
    assert_eq!(ids("# --Trim  me--\n"), ["trim-me"]);
    assert_eq!(
        ids("# snake_case and CamelCase\n"),
        ["snake-case-and-camelcase"]
    );
    // Smart quotes and dashes are punctuation too.
    assert_eq!(ids("# \"Why\" it's 2024--25\n"), ["why-it-s-2024-25"]);
}

#[test]
fn custom_heading_ids_win() {
    let out = html("## Anything {#custom}\n");
    assert_eq!(out, "<h2 id=\"custom\">Anything</h2>\n");
    // An auto slug never takes a custom id, even one declared later.
    assert_eq!(ids("# Custom\n# Other {#custom}\n"), ["custom-1", "custom"]);
}

#[test]
fn duplicate_headings_get_numbered() {
    assert_eq!(
        ids("# Intro\n## Intro\n### Intro\n## Intro 1\n"),
        ["intro", "intro-1", "intro-2", "intro-1-1"]
    );
}

#[test]
fn unicode_headings_keep_their_letters() {
    assert_eq!(ids("# Café Überblick\n"), ["café-überblick"]);
    assert_eq!(ids("# 日本語の見出し\n"), ["日本語の見出し"]);
    assert_eq!(ids("# Привет, мир\n"), ["привет-мир"]);
    // A decomposed accent (e + U+0301) stays with its letter.
    assert_eq!(ids("# Cafe\u{301} time\n"), ["cafe\u{301}-time"]);
}

#[test]
fn empty_headings_get_a_fallback_id() {
    assert_eq!(
        ids("#\n## !!!\n### ???\n"),
        ["section", "section-1", "section-2"]
    );
}

#[test]
fn heading_ids_avoid_footnote_ids() {
    // Footnote definitions render `id="note"` / `id="1"`: headings must not reuse them.
    let r = render("# Note\n## 1\n\nText[^note][^1]\n\n[^note]: N.\n[^1]: One.\n");
    let ids: Vec<_> = r.headings.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["note-1", "1-1"]);
    assert!(r.html.contains("id=\"note\""), "{}", r.html);
    assert!(r.html.contains("id=\"1\""), "{}", r.html);
}

#[test]
fn headings_list_in_document_order() {
    let r = render(
        "# Title\n\nText.\n\n## First *part*\n\n### `code` detail {#det}\n\nSetext\nheading\n---\n",
    );
    assert_eq!(
        r.headings,
        [
            Heading {
                level: 1,
                id: "title".into(),
                text: "Title".into()
            },
            Heading {
                level: 2,
                id: "first-part".into(),
                text: "First part".into()
            },
            Heading {
                level: 3,
                id: "det".into(),
                text: "code detail".into()
            },
            Heading {
                level: 2,
                id: "setext-heading".into(),
                text: "Setext heading".into()
            },
        ]
    );
}

#[test]
fn heading_attributes_other_than_id_and_class_are_dropped() {
    // Classes the site gives no meaning to go too (see the class policy below).
    let out = html("# Hi {#x .wide onclick=alert(1) onmouseover=\"alert(2)\"}\n");
    assert_eq!(out, "<h1 id=\"x\">Hi</h1>\n");
    let out = html("# Hi {#x .wide .align-center}\n");
    assert_eq!(out, "<h1 id=\"x\" class=\"align-center\">Hi</h1>\n");
}

// --- Raw HTML ---------------------------------------------------------------------------------

#[test]
fn block_script_and_style_are_removed_with_their_content() {
    assert_eq!(
        html("<script>window.__pwned = 1</script>\n\nAfter.\n"),
        "<p>After.</p>\n"
    );
    assert_eq!(
        html("<SCRIPT src=\"https://evil.example/x.js\">\n</Script >\n"),
        ""
    );
    assert_eq!(html("<style>body{display:none}</style>\n"), "");
    // Over several lines inside another block: one HTML block, sanitised whole.
    assert_eq!(
        html("<div>\n<script>\nalert(1)\n</script>\n</div>\n"),
        "<div>\n\n</div>\n"
    );
    // A `</script` that is only a prefix of another tag name does not end it.
    assert_eq!(html("<script>a</scripts>b</script>\n\nc\n"), "<p>c</p>\n");
    // The tweet embed pattern: the quote stays, its script goes.
    let out = html("<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\">Hi</p>&mdash; Me</blockquote> <script async src=\"https://platform.twitter.com/widgets.js\" charset=\"utf-8\"></script>\n");
    // (Its class means nothing here, so it goes; the reference is decoded.)
    assert_eq!(
        out,
        "<blockquote><p lang=\"en\" dir=\"ltr\">Hi</p>— Me</blockquote> \n"
    );
    for tag in ["iframe", "template", "textarea", "title", "noembed", "xmp"] {
        let out = html(&format!(
            "<{tag}>\n<img src=x onerror=alert(1)>secret\n</{tag}>\n\nok\n"
        ));
        assert_eq!(out, "<p>ok</p>\n", "{tag}");
    }
    // In SVG and MathML an `<img>` breaks out into HTML, as in a browser: it stays, harmless.
    for tag in ["svg", "math"] {
        let out = html(&format!(
            "<{tag}>\n<img src=x onerror=alert(1)>secret\n</{tag}>\n\nok\n"
        ));
        assert_eq!(
            out, "<img src=\"x\" loading=\"lazy\" decoding=\"async\" />secret\n\n<p>ok</p>\n",
            "{tag}"
        );
    }
}

#[test]
fn inline_script_tags_are_removed() {
    // Inline HTML arrives tag by tag, but the sanitizer reads the whole document as a browser
    // would: the script goes with its text.
    assert_eq!(
        html("Hello <script>alert(1)</script> world"),
        "<p>Hello  world</p>\n"
    );
    assert_eq!(
        html("a <style>p{}</style> <iframe src=\"https://evil.example\"></iframe> b"),
        "<p>a   b</p>\n"
    );
}

#[test]
fn event_handlers_and_other_unsafe_attributes_are_dropped() {
    assert_eq!(
        html("x <img src=x onerror=alert(1)> y"),
        "<p>x <img src=\"x\" loading=\"lazy\" decoding=\"async\" /> y</p>\n"
    );
    assert_eq!(
        html("<img src=x onerror=alert(1)>\n"),
        "<img src=\"x\" loading=\"lazy\" decoding=\"async\" />\n"
    );
    // A tag split over lines, inline and inside an HTML block.
    assert_eq!(
        html("<img\nsrc=x onerror=alert(1)>\n"),
        "<p><img src=\"x\" loading=\"lazy\" decoding=\"async\" /></p>\n"
    );
    assert_eq!(
        html("<div>\n<img\nsrc=x\nONERROR=alert(1)\n>\n</div>\n"),
        "<div>\n<img src=\"x\" loading=\"lazy\" decoding=\"async\" />\n</div>\n"
    );
    assert_eq!(
        html("<sup onclick=alert(1)>x</sup>"),
        "<p><sup>x</sup></p>\n"
    );
    // The output is a balanced tree: an unclosed element is closed.
    assert_eq!(
        html("<details open ontoggle=alert(1)>\n"),
        "<details open=\"\">\n</details>"
    );
    assert_eq!(
        html("<div style=\"background:url(javascript:alert(1))\" onmouseover=\"alert(1)\" class=table-wrap>n</div>\n"),
        "<div class=\"table-wrap\">n</div>\n"
    );
    assert_eq!(
        html("<a href=\"/x\" xlink:href=\"javascript:alert(1)\" formaction=\"javascript:alert(1)\" srcdoc=\"&lt;script&gt;\" ping=\"https://t.example\">x</a>"),
        "<p><a href=\"/x\">x</a></p>\n"
    );
    for markdown in [
        "<svg onload=alert(1)>\n",
        "text <svg onload=alert(1)> text\n",
    ] {
        assert!(!html(markdown).contains("<svg"), "{markdown}");
    }
}

#[test]
fn javascript_urls_in_raw_html_are_neutralised() {
    for url in [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "&#32;javascript:alert(1)",
        "&#106;avascript:alert(1)",
        "&#0000106;avascript:alert(1)",
        "&#x6A;avascript:alert(1)",
        "&#X6a;AVASCRIPT:alert(1)",
        "java&#x09;script:alert(1)",
        "java&#9;script:alert(1)",
        "java&#10;script:alert(1)",
        "java&Tab;script:alert(1)",
        "java&NewLine;script:alert(1)",
        "javascript&colon;alert(1)",
        "javascript&#58;alert(1)",
        "java\tscript:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
    ] {
        // The URL is dropped, and with it the link: its text stays.
        for quote in ['"', '\''] {
            let link = html(&format!("<a href={quote}{url}{quote}>x</a>"));
            assert_eq!(link, "<p>x</p>\n", "{url:?}");
            let img = html(&format!("i <img src={quote}{url}{quote} alt=x>"));
            assert_eq!(
                img, "<p>i <img alt=\"x\" loading=\"lazy\" decoding=\"async\" /></p>\n",
                "{url:?}"
            );
        }
    }
    // Unquoted, and in a block.
    assert_eq!(html("<a href=javascript:alert(1)>\nx</a>\n"), "x\n");
    // A numeric reference without `;` still counts, as in a browser.
    assert_eq!(
        html("<a href=\"&#106avascript:alert(1)\">x</a>"),
        "<p>x</p>\n"
    );
    // Images may be raster data URLs, nothing else.
    assert!(!html("<img src=\"data:image/svg+xml,&lt;svg&gt;\">").contains("src="));
    assert!(html("<img src=\"data:image/png;base64,iVBORw0KGgo=\">")
        .contains("src=\"data:image/png;base64,iVBORw0KGgo=\""));
    assert!(!html("<a href=\"data:image/png;base64,AAAA\">x</a>").contains("href="));
    // A `srcset` with any dangerous candidate is dropped whole.
    assert_eq!(
        html("i <img src=/a.png srcset=\"/a2.png 2x, javascript:alert(1) 3x\">"),
        "<p>i <img src=\"/a.png\" loading=\"lazy\" decoding=\"async\" /></p>\n"
    );
    assert!(html("<img src=/a.png srcset=\"/a2.png 2x,/a3.png 3x\">")
        .contains("srcset=\"/a2.png 2x,/a3.png 3x\""));
    // Safe URLs keep their entities; a bare `&` is escaped.
    assert_eq!(
        html("<a href=\"/search?q=a&b=c&amp;d=e\">s</a>"),
        "<p><a href=\"/search?q=a&amp;b=c&amp;d=e\">s</a></p>\n"
    );
}

#[test]
fn allowed_tags_and_attributes_are_kept_and_requoted() {
    let out = html(
        "H<sub>2</sub>O, E = mc<sup>2</sup>, <kbd>Ctrl</kbd>+<KBD >C</KBD>,<br>a<br/>b<BR />c<wbr>d",
    );
    assert_eq!(
        out,
        "<p>H<sub>2</sub>O, E = mc<sup>2</sup>, <kbd>Ctrl</kbd>+<kbd>C</kbd>,<br />a<br />b<br />c<wbr />d</p>\n"
    );
    let out = html("<mark>m</mark> <ins>i</ins> <del>d</del> <s>s</s> <u>u</u> <small>x</small> <abbr title=\"HyperText\">HTML</abbr> <code class=language-rust>x</code> <span lang=fr>oui</span>");
    for tag in ["mark", "ins", "del", "s", "u", "small"] {
        assert!(
            out.contains(&format!("<{tag}>")) && out.contains(&format!("</{tag}>")),
            "{out}"
        );
    }
    assert!(
        out.contains("<abbr title=\"HyperText\">HTML</abbr>"),
        "{out}"
    );
    assert!(
        out.contains("<code class=\"language-rust\">x</code>"),
        "{out}"
    );
    assert!(out.contains("<span lang=\"fr\">oui</span>"), "{out}");
    // Uppercase names, unquoted and single-quoted values, spaces around `=`.
    assert_eq!(
        html("<DIV CLASS=toc Title = 'A &quot;B&quot;' ALIGN=center>\n\nText\n\n</DIV>\n"),
        "<div class=\"toc\" title=\"A &quot;B&quot;\" align=\"center\">\n<p>Text</p>\n</div>\n"
    );
    // `"` and `>` inside quotes stay inside the value.
    assert_eq!(
        html("<abbr title='say \"hi\" > bye'>x</abbr>"),
        "<p><abbr title=\"say &quot;hi&quot; &gt; bye\">x</abbr></p>\n"
    );
    // Duplicate attributes: the first wins, as in a browser.
    assert_eq!(
        html("<span class=toc class=b>x</span>"),
        "<p><span class=\"toc\">x</span></p>\n"
    );
    // Element-specific attributes.
    assert_eq!(
        html("<ol start=3 reversed type=i><li value=7>x</li></ol>\n"),
        "<ol start=\"3\" reversed=\"\" type=\"i\"><li value=\"7\">x</li></ol>\n"
    );
    assert_eq!(
        html("<p align=center><img src=\"/logo.png\" alt=\"Logo\" width=200 height=\"100\" loading=eager style=\"border:0\"></p>\n"),
        "<p align=\"center\"><img src=\"/logo.png\" alt=\"Logo\" width=\"200\" height=\"100\" loading=\"eager\" decoding=\"async\" /></p>\n"
    );
    // Attributes allowed on one element are not allowed on another.
    assert_eq!(
        html("<span href=/x src=/y colspan=2>x</span>"),
        "<p><span>x</span></p>\n"
    );
    // A self-closing non-void element is a start tag, as the browser reads it (which reopens
    // the unclosed link after the paragraph).
    assert!(html("<a name=\"top\"/>Top").starts_with("<p><a name=\"top\">Top</a></p>"));
}

#[test]
fn a_link_whose_address_is_refused_becomes_its_text_and_targets_stay() {
    // A typo'd scheme (seen in a real post): the sanitizer drops the address; a link to
    // nowhere would be announced as a link and flagged by crawlers (Lighthouse crawlable-anchors).
    assert_eq!(
        html("See [rust#1](ttps://example.com/1) and <a href=\"ttps://x\"><em>this</em></a>."),
        "<p>See rust#1 and <em>this</em>.</p>\n"
    );
    // Nested in a kept link's neighbour: only the dead one's tags go.
    assert_eq!(
        html("<a href=\"/a\">a</a><a href=\"ttps://b\">b</a><a href=\"/c\">c</a>"),
        "<p><a href=\"/a\">a</a>b<a href=\"/c\">c</a></p>\n"
    );
    // An anchor that is a target, not a link, is kept.
    let target = html("<a id=\"here\"></a>x");
    assert!(target.contains("<a id=\"here\"></a>"), "{target}");
    assert!(html("<a name=\"top\">Top</a>").contains("<a name=\"top\">Top</a>"));
}

#[test]
fn raw_links_get_rel_when_they_leave_the_site_or_open_a_window() {
    assert_eq!(
        html("<a href=\"https://example.com\" target=\"_blank\" title=t>x</a>"),
        "<p><a href=\"https://example.com\" target=\"_blank\" title=\"t\" rel=\"noopener noreferrer\">x</a></p>\n"
    );
    assert_eq!(
        html("<a href=/local target=_blank rel=\"author\">x</a>"),
        "<p><a href=\"/local\" target=\"_blank\" rel=\"author noopener noreferrer\">x</a></p>\n"
    );
    // Other targets are dropped; local links without a target get no rel.
    assert_eq!(
        html("<a href=/local target=_top>x</a>"),
        "<p><a href=\"/local\">x</a></p>\n"
    );
}

#[test]
fn details_and_summary() {
    let out = html("<details>\n<summary>More</summary>\n\nHidden *text*.\n\n</details>\n");
    assert_eq!(
        out,
        "<details>\n<summary>More</summary>\n<p>Hidden <em>text</em>.</p>\n</details>\n"
    );
}

#[test]
fn a_rust_blog_html_table_renders_as_a_table() {
    // As in the Rust blog's project goals updates: styled cells, a progress bar, links.
    let markdown = r#"<table style="border-collapse: collapse; width: 100%;">
<tr style="border-bottom: 1px solid;">
<td style="font-weight: bold; color: #555;">Progress</td>
<td><progress value="3" max="7"></progress>
</td>
</tr>
<tr>
<th rowspan=2 scope=row>Owner</th>
<td colspan="2"><a href="https://github.com/someone" target="_blank">@someone</a></td>
</tr>
</table>
"#;
    assert_eq!(
        html(markdown),
        // (The parser adds the `<tbody>` a browser would.)
        "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Table\"><table>\n<tbody><tr>\n<td>Progress</td>\n<td><progress value=\"3\" max=\"7\"></progress>\n</td>\n</tr>\n<tr>\n<th rowspan=\"2\" scope=\"row\">Owner</th>\n<td colspan=\"2\"><a href=\"https://github.com/someone\" target=\"_blank\" rel=\"noopener noreferrer\">@someone</a></td>\n</tr>\n</tbody></table></div>\n"
    );
}

#[test]
fn raw_html_tables_scroll_in_the_same_wrapper_as_markdown_tables() {
    // A wide raw table (the compiler team's reports) would otherwise widen the whole page.
    let out = html("<table class=\"align-center\"><tr><td>a</td></tr></table>\n\ntext <table><tr><td>b</td></tr></table>\n");
    assert_eq!(
        out.matches(
            "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Table\"><table"
        )
        .count(),
        2,
        "{out}"
    );
    assert_eq!(out.matches("</table></div>").count(), 2, "{out}");
    assert!(
        out.contains("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Table\"><table class=\"align-center\">"),
        "{out}"
    );
    // A nested table gets its own wrapper, and a stray `</table>` closes nothing.
    let out =
        html("<table><tr><td><table><tr><td>x</td></tr></table></td></tr></table>\n\n</table>\n");
    assert_eq!(
        out.matches(
            "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Table\">"
        )
        .count(),
        2,
        "{out}"
    );
    assert_eq!(
        out.matches("<div").count(),
        out.matches("</div>").count(),
        "{out}"
    );
    assert_eq!(out.matches("</table>").count(), 2, "{out}");
}

#[test]
fn noscript_is_unwrapped() {
    // The survey posts' chart fallbacks: the chart script is gone, so the image is what to show.
    // (The chart's class means nothing here, so it goes.)
    let out = html("<div class=\"pie-chart\" id=\"where\" style=\"height:600px\"><noscript>\n<img alt=\"where\" height=\"600\" src=\"where.png\"/>\n</noscript></div>\n");
    assert_eq!(
        out,
        "<div id=\"where\">\n<img alt=\"where\" height=\"600\" src=\"where.png\" loading=\"lazy\" decoding=\"async\" />\n</div>\n"
    );
}

#[test]
fn unknown_and_malformed_tags_are_escaped() {
    // Generic types in prose are inline HTML to CommonMark; they stay readable.
    assert_eq!(
        html("A Vec<T> or Box<dyn Fn()>."),
        "<p>A Vec&lt;T&gt; or Box&lt;dyn Fn()&gt;.</p>\n"
    );
    let r = render("## Using Option<T>\n");
    assert_eq!(r.headings[0].text, "Using Option<T>");
    assert_eq!(r.headings[0].id, "using-option-t");
    assert_eq!(
        html("<video src=x.mp4 autoplay></video> <font color=red>f</font>"),
        "<p>&lt;video src=x.mp4 autoplay&gt;&lt;/video&gt; &lt;font color=red&gt;f&lt;/font&gt;</p>\n"
    );
    // Inside an HTML block: a name with `<`, a lone `<`.
    assert_eq!(
        html("<div>\n<Vec<T>> 1 < 2 <\n</div>\n"),
        "<div>\n&lt;Vec&lt;T&gt;&gt; 1 &lt; 2 &lt;\n</div>\n"
    );
    // An unterminated quote takes the rest of the block into the value, as in a browser (which
    // then drops the tag unfinished at the end of the input).
    assert_eq!(html("<div>\n<img src=\"x\n</div>\n"), "<div>\n</div>");
    // Doctype, processing instructions and CDATA are dropped.
    assert_eq!(html("<!DOCTYPE html>\n\nx\n"), "<p>x</p>\n");
    assert_eq!(html("a <?php echo 1; ?> b"), "<p>a  b</p>\n");
    // CDATA is no HTML: a browser reads a comment up to the first `>`, then text.
    assert_eq!(html("a <![CDATA[<b>x</b>]]> b"), "<p>a x]]&gt; b</p>\n");
}

#[test]
fn stray_end_tags_are_dropped() {
    // Raw HTML cannot close the elements Markdown generated.
    assert_eq!(html("a </p></div></td> b"), "<p>a  b</p>\n");
    assert_eq!(
        html("- one </li></ul>\n- two\n"),
        "<ul>\n<li>one </li>\n<li>two</li>\n</ul>\n"
    );
    // Once an element is open, its end tag is kept, also across blocks; only once.
    assert_eq!(
        html("<div class=toc>\n\n*Markdown* inside.\n\n</div>\n</div>\n"),
        "<div class=\"toc\">\n<p><em>Markdown</em> inside.</p>\n</div>\n\n"
    );
    // Void elements have no end tag.
    assert_eq!(html("a</br>b"), "<p>ab</p>\n");
}

#[test]
fn raw_ids_are_kept_and_headings_avoid_them() {
    let r = render("# Intro\n\n<div id=\"intro\">x</div>\n");
    assert_eq!(r.headings[0].id, "intro-1");
    assert!(r.html.contains("<div id=\"intro\">x</div>"), "{}", r.html);
}

#[test]
fn comments_are_dropped() {
    assert_eq!(html("a <!-- secret --> b"), "<p>a  b</p>\n");
    assert_eq!(html("<!-- one line -->\n\nText\n"), "<p>Text</p>\n");
    let out = html("<!--\nmulti <script>alert(1)</script>\nline\n-->\n\nText\n");
    assert_eq!(out, "<p>Text</p>\n");
    assert_eq!(html("a <!--> b <!---> c"), "<p>a  b  c</p>\n");
    assert_eq!(
        html("<div><!-- <img src=x onerror=alert(1)> --!><b>b</b></div>\n"),
        "<div><b>b</b></div>\n"
    );
}

#[test]
fn nested_tag_tricks_leave_no_script() {
    for markdown in [
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "x <scr<script>ipt>alert(1)</script> y",
        "<sup><script>alert(1)</script></sup>\n",
        "<<script>script>alert(1)<</script>/script>",
        "<br><img src=x onerror=alert(1)>\n",
        "<details><summary>1</summary><script>alert(1)</script>\n",
        "<div title=\"</div><script>alert(1)</script>\">\n",
        "<a href=\"x\" title='><script>alert(1)</script>'>y</a>\n",
        "<img src=\"x\" alt=\"<img src=y onerror=alert(1)>\">\n",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>\n",
    ] {
        let out = html(markdown).to_ascii_lowercase();
        assert!(!out.contains("<script"), "{markdown:?} -> {out}");
        assert!(!out.contains("<img src=\"y\""), "{markdown:?} -> {out}");
        assert_safe_tags(&out);
    }
    // Inline HTML arrives tag by tag, but the document is sanitized whole: the script goes
    // with its text.
    assert_eq!(
        html("x <sup>1</sup><script>alert(1)</script>"),
        "<p>x <sup>1</sup></p>\n"
    );
}

/// Checks rendered HTML as a browser's tokenizer reads it (html5ever's; the browser itself
/// judges in `tests/web_sanitize_fuzz.rs`): no element that runs or loads code, no `on*`
/// attribute, no `href`/`src`/`srcset` URL with a scheme that runs code.
fn assert_safe_tags(out: &str) {
    for token in tokenize(out) {
        let Token::Start(tag) = token else { continue };
        assert!(
            !["script", "style", "svg", "math", "iframe", "object", "embed", "template"]
                .contains(&tag.name.as_str()),
            "<{}> in {out}",
            tag.name
        );
        for (name, value) in &tag.attrs {
            assert!(!name.starts_with("on"), "event handler {name} in {out}");
            if matches!(name.as_str(), "href" | "src" | "srcset") {
                // As a URL parser reads it: leading controls and spaces, tabs and newlines gone.
                let url: String = value
                    .trim_start_matches(|c: char| c <= ' ')
                    .chars()
                    .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
                    .collect::<String>()
                    .to_ascii_lowercase();
                let runs = url
                    .split([',', ' '])
                    .any(|u| u.starts_with("javascript:") || u.starts_with("vbscript:"));
                assert!(!runs, "{name}={value:?} in {out}");
            }
        }
    }
}

#[test]
fn random_html_never_yields_script_handlers_or_javascript_urls() {
    // Fragments a tag can be made of, so random strings often form (almost-)tags.
    const PIECES: &[&str] = &[
        "<",
        ">",
        "/",
        "=",
        "\"",
        "'",
        " ",
        "\n",
        "a",
        "b",
        "x",
        "-",
        "!",
        "&",
        "#",
        ";",
        "script",
        "img",
        "div",
        "sup",
        "style",
        "svg",
        "details",
        "noscript",
        "src",
        "href",
        "on",
        "onerror",
        "onclick",
        "javascript:",
        "java&#x09;script:",
        "&#106;",
        "&colon;",
        "alert(1)",
        "<!--",
        "-->",
        "</",
        "/>",
        "<a ",
        "<img ",
        "<script>",
        "</script>",
    ];
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) as usize
    };
    let (mut kept, mut escaped) = (0, 0);
    for _ in 0..4000 {
        let len = 1 + next() % 40;
        let s: String = (0..len).map(|_| PIECES[next() % PIECES.len()]).collect();
        for markdown in [
            s.clone(),
            format!("text {s} text"),
            format!("<div>\n{s}\n</div>\n"),
        ] {
            let out = html(&markdown).to_ascii_lowercase();
            assert!(!out.contains("<script"), "{markdown:?} -> {out}");
            assert!(
                !out.contains("<style") && !out.contains("<svg"),
                "{markdown:?} -> {out}"
            );
            assert_safe_tags(&out);
            kept += usize::from(out.contains("<img ") || out.contains("<a "));
            escaped += usize::from(out.contains("&lt;"));
        }
    }
    // The generator does reach both sides of the policy.
    assert!(
        kept > 500 && escaped > 500,
        "kept {kept}, escaped {escaped}"
    );
}

// --- Links and images -------------------------------------------------------------------------

#[test]
fn dangerous_link_schemes_are_neutralised() {
    for markdown in [
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x]( javascript:alert(1))",
        "[x](vbscript:msgbox(1))",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "[x](data:image/png;base64,AAAA)",
        "[x](&#x6A;avascript:alert(1))",
    ] {
        // The URL goes; the link's text stays.
        let out = html(markdown);
        assert_eq!(out, "<p>x</p>\n", "{markdown:?}");
    }
    // A tab, newline or space in or before the scheme is percent-encoded in the URL written, so
    // it is a relative path that runs nothing (the browser removes only literal tabs and
    // newlines, and only leading literal spaces).
    for markdown in [
        "[x](&#32;javascript:alert(1))",
        "[x](&#1;javascript:alert(1))",
        "[x](java&#9;script:alert(1))",
        "[x](<java\tscript:alert(1)>)",
        "[x](java&#10;script:alert(1))",
        "![x](java&#9;script:alert(1))",
        "[r]\n\n[r]: <java\tscript:alert(1)> \"t\"\n",
    ] {
        let out = html(markdown);
        assert!(
            [
                "java%09script:",
                "java%0Ascript:",
                "%20javascript:",
                "%01javascript:"
            ]
            .iter()
            .any(|encoded| out.contains(&format!("=\"{encoded}alert(1)\""))),
            "{markdown:?} -> {out}"
        );
    }
}

#[test]
fn dangerous_autolinks_and_reference_links_are_neutralised() {
    assert_eq!(
        html("<javascript:alert(1)>"),
        "<p>javascript:alert(1)</p>\n"
    );
    assert_neutralised("<JAVASCRIPT:alert(1)>");
    assert_neutralised("[x][r]\n\n[r]: javascript:alert(1)\n");
    assert_neutralised("[x][]\n\n[x]: JaVaScRiPt:alert(1)\n");
}

#[test]
fn dangerous_image_sources_are_neutralised() {
    for markdown in [
        "![x](javascript:alert(1))",
        "![x](JaVaScRiPt:alert(1))",
        "![x](data:image/svg+xml,PHN2Zz4=)",
        "![x](data:text/html,hi)",
        "![x][r]\n\n[r]: javascript:alert(1)\n",
    ] {
        let out = html(markdown);
        assert!(out.contains("<img alt=\"x\""), "{markdown:?} -> {out}");
        assert!(!out.contains("src="), "{markdown:?} -> {out}");
    }
    let out = html("![pixel](data:image/png;base64,iVBORw0KGgo=)");
    assert!(
        out.contains("src=\"data:image/png;base64,iVBORw0KGgo=\""),
        "{out}"
    );
    let out = html("![pixel](DATA:Image/WebP;base64,AAAA)");
    assert!(out.contains("src=\"DATA:Image/WebP;base64,AAAA\""), "{out}");
}

#[test]
fn safe_links_are_kept() {
    let out = html("[a](/posts/hello) [b](../up) [c](#intro) [d](mailto:me@example.com) [e](?q=1) [f](https://example.com/a?b=c&d=e \"Title\")");
    assert!(out.contains("<a href=\"/posts/hello\">a</a>"), "{out}");
    assert!(out.contains("<a href=\"../up\">b</a>"), "{out}");
    assert!(out.contains("<a href=\"#intro\">c</a>"), "{out}");
    assert!(
        out.contains("<a href=\"mailto:me@example.com\">d</a>"),
        "{out}"
    );
    assert!(out.contains("<a href=\"?q=1\">e</a>"), "{out}");
    assert!(
        out.contains("<a href=\"https://example.com/a?b=c&amp;d=e\" title=\"Title\" rel=\"noopener noreferrer\">f</a>"),
        "{out}"
    );
    // A relative path containing a colon later on is not a scheme, nor one without a colon.
    assert!(html("[x](./javascript:x)").contains("href=\"./javascript:x\""));
    assert!(html("[x](javascript)").contains("href=\"javascript\""));
    assert!(html("![x](data)").contains("src=\"data\""));
    // Email autolinks.
    assert_eq!(
        html("<me@example.com>"),
        "<p><a href=\"mailto:me@example.com\">me@example.com</a></p>\n"
    );
}

#[test]
fn external_links_get_rel() {
    for markdown in [
        "[x](https://example.com)",
        "[x](HTTP://example.com)",
        "<https://example.com>",
        "[x](//example.com/p)",
    ] {
        assert!(
            html(markdown).contains("rel=\"noopener noreferrer\""),
            "{markdown}"
        );
    }
    for markdown in [
        "[x](/local)",
        "[x](#a)",
        "[x](mailto:a@b.c)",
        "[x](page.html)",
    ] {
        assert!(!html(markdown).contains("rel="), "{markdown}");
    }
}

#[test]
fn images_are_lazy_with_alt() {
    let out = html("![A *small* cat](/img/cat.png \"Cat\")");
    assert_eq!(
        out,
        "<p><img src=\"/img/cat.png\" alt=\"A small cat\" title=\"Cat\" loading=\"lazy\" decoding=\"async\" /></p>\n"
    );
    // Quotes in alt text cannot break out of the attribute.
    let out = html("![x&quot; onerror=&quot;alert(1)](/a.png)");
    assert!(
        out.contains("alt=\"x&quot; onerror=&quot;alert(1)\""),
        "{out}"
    );
    // A linked image.
    let out = html("[![logo](/logo.svg)](https://example.com)");
    assert!(out.contains("<a href=\"https://example.com\" rel=\"noopener noreferrer\"><img src=\"/logo.svg\" alt=\"logo\""), "{out}");
    assert!(out.contains("/></a>"), "{out}");
}

#[test]
fn attribute_values_are_escaped() {
    let out = html("[x](/a \"t\\\" onclick=\\\"alert(1)\")");
    assert!(
        out.contains("title=\"t&quot; onclick=&quot;alert(1)\""),
        "{out}"
    );
    let out = html("[x](</a\"b>)");
    assert!(out.contains("href=\"/a%22b\""), "{out}");
}

#[test]
fn links_can_be_redirected_knowing_where_they_are() {
    let markdown = "[a](x.md) <https://auto.md>\n\n[b](z.md) [c][r]\n\n[r]: y.md#f\n";
    let mut seen = Vec::new();
    let mut targets = |dest: &str, offset: usize| {
        seen.push((dest.to_owned(), offset));
        match dest {
            "x.md" => Some("posts/x".to_owned()),
            "z.md" => Some("javascript:alert(1)".to_owned()),
            _ => None,
        }
    };
    let out = render_article_with_links(markdown, &mut targets).html;
    assert_eq!(
        seen,
        [
            ("x.md".to_owned(), 0),
            ("z.md".to_owned(), 29),
            ("y.md#f".to_owned(), 39)
        ],
        "autolinks are not asked about"
    );
    assert!(out.contains("<a href=\"posts/x\">a</a>"), "{out}");
    assert!(out.contains("href=\"https://auto.md\""), "{out}");
    // A redirected link still goes through the URL policy.
    assert!(out.contains("<p>b <a") && !out.contains("<a>"), "{out}");
    assert!(out.contains("<a href=\"y.md#f\">c</a>"), "kept: {out}");
}

#[test]
fn code_ranges_cover_blocks_and_spans() {
    let markdown = "a `b` c\n\n```\nd\n```\n\n    e\n";
    let ranges: Vec<&str> = code_ranges(markdown)
        .into_iter()
        .map(|r| &markdown[r])
        .collect();
    // An indented block's range starts after its indentation.
    assert_eq!(ranges, ["`b`", "```\nd\n```", "e\n"]);
}

// --- Text extraction --------------------------------------------------------------------------

#[test]
fn plain_text_and_word_count() {
    let markdown = "# Title\n\nSome *emphasised* text with [a link](https://example.com).\n\n```rust\nlet x = 1;\n```\n\n- one\n- two\n";
    let text = plain_text(markdown);
    assert!(text.contains("Title\n"), "{text:?}");
    assert!(
        text.contains("Some emphasised text with a link."),
        "{text:?}"
    );
    assert!(!text.contains("https://"), "{text:?}");
    assert!(text.contains("let x = 1;"), "{text:?}");
    // Title(1) Some emphasised text with a link.(6) let x = 1;(3: `=` has no letter) one two(2)
    assert_eq!(word_count(markdown), 12);
    assert_eq!(word_count(""), 0);
    assert_eq!(word_count("-- *** --"), 0);
}

#[test]
fn content_ids_the_page_uses_are_prefixed_and_links_follow() {
    // `main` (the skip link's target), `app` (the mount point), `site-search` (the search box)
    // belong to the page.
    let r = render_article_with_links(
        "## Site search\n\nSee [the box](#app).[^main]\n\n<div id=\"app\">x</div> <a href=\"#site-search\">s</a>\n\n\
         ## Content main\n\n<p id=\"kept\">k</p>\n\n[^main]: The note.\n",
        &mut |_, _| None,
    );
    let html = &r.html;
    let ids: Vec<&str> = r.headings.iter().map(|h| h.id.as_str()).collect();
    // The second heading's slug is taken by the footnote's published id.
    assert_eq!(ids, ["content-site-search", "content-main-1"]);
    assert!(html.contains("<h2 id=\"content-site-search\">"), "{html}");
    assert!(html.contains("<div id=\"content-app\">x</div>"), "{html}");
    assert!(
        html.contains("<a href=\"#content-app\">the box</a>"),
        "{html}"
    );
    assert!(
        html.contains("<a href=\"#content-site-search\">s</a>"),
        "{html}"
    );
    assert!(html.contains("<a href=\"#content-main\">1</a>"), "{html}");
    assert!(
        html.contains("<div class=\"footnote-definition\" id=\"content-main\">"),
        "{html}"
    );
    // A heading never takes a raw element's id, in either form.
    let r = render("## App\n\n<div id=\"app\">x</div>\n");
    assert_eq!(r.headings[0].id, "app-1");
    // Every other id stays as written.
    assert!(html.contains("<p id=\"kept\">k</p>"), "{html}");
    for id in folio_core::page_ids::APP_IDS {
        assert!(!html.contains(&format!("id=\"{id}\"")), "{id} in {html}");
    }
}
