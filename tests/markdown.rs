//! Host tests for the Markdown renderer: the dialect, heading ids, and the safety policy.
#![cfg(not(target_arch = "wasm32"))]

use folio::markdown::{plain_text, render, word_count, Heading};

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

/// Every `href`/`src` in the output is `#` (the neutralised form).
fn assert_neutralised(markdown: &str) {
    let out = html(markdown);
    let mut urls = Vec::new();
    for attr in [" href=\"", " src=\""] {
        urls.extend(
            out.split(attr)
                .skip(1)
                .filter_map(|rest| rest.split('"').next()),
        );
    }
    assert!(!urls.is_empty(), "no URL in {out}");
    assert!(urls.iter().all(|u| *u == "#"), "{markdown:?} -> {out}");
}

// --- The dialect ------------------------------------------------------------------------------

#[test]
fn tables_are_wrapped_for_horizontal_scrolling() {
    let out = html("| a | b |\n|---|--:|\n| 1 | 2 |\n");
    assert!(
        out.starts_with("<div class=\"table-wrap\"><table><thead><tr><th>a</th>"),
        "{out}"
    );
    assert!(
        out.contains("<td style=\"text-align: right\">2</td>"),
        "{out}"
    );
    assert!(out.trim_end().ends_with("</table>\n</div>"), "{out}");
    assert_eq!(out.matches("<div").count(), out.matches("</div>").count());
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
        out.contains("<input disabled=\"\" type=\"checkbox\"/>"),
        "{out}"
    );
    assert!(
        out.contains("<input disabled=\"\" type=\"checkbox\" checked=\"\"/>"),
        "{out}"
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
    let out = html("```rust\nlet x = 1 < 2;\n```\n");
    assert_eq!(
        out,
        "<pre><code class=\"language-rust\">let x = 1 &lt; 2;\n</code></pre>\n"
    );
    // Rust posts write `rust,ignore`: the class stays the language.
    let out = html("```rust,ignore\nfn f() {}\n```\n");
    assert!(
        out.starts_with("<pre><code class=\"language-rust\">"),
        "{out}"
    );
    assert_eq!(
        html("```\nplain\n```\n"),
        "<pre><code>plain\n</code></pre>\n"
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
    let out = html("# Hi {#x .wide onclick=alert(1) onmouseover=\"alert(2)\"}\n");
    assert_eq!(out, "<h1 id=\"x\" class=\"wide\">Hi</h1>\n");
}

// --- Raw HTML ---------------------------------------------------------------------------------

#[test]
fn block_script_is_escaped() {
    let out = html("<script>window.__pwned = 1</script>\n\nAfter.\n");
    assert!(
        out.contains("&lt;script&gt;window.__pwned = 1&lt;/script&gt;"),
        "{out}"
    );
    assert!(!out.contains("<script"), "{out}");
    assert!(out.contains("<p>After.</p>"), "{out}");
    // Inside another block, over several lines.
    let out = html("<div>\n<script>\nalert(1)\n</script>\n</div>\n");
    assert!(!out.contains('<'), "{out}");
    assert!(out.contains("&lt;script&gt;"), "{out}");
}

#[test]
fn inline_script_is_escaped() {
    let out = html("Hello <script>alert(1)</script> world");
    assert_eq!(
        out,
        "<p>Hello &lt;script&gt;alert(1)&lt;/script&gt; world</p>\n"
    );
}

#[test]
fn event_handler_attributes_are_escaped() {
    let out = html("x <img src=x onerror=alert(1)> y");
    assert_eq!(out, "<p>x &lt;img src=x onerror=alert(1)&gt; y</p>\n");
    let out = html("<img src=x onerror=alert(1)>\n");
    assert!(!out.contains("<img"), "{out}");
    // A tag split over lines.
    let out = html("<img\nsrc=x onerror=alert(1)>\n");
    assert!(!out.contains("<img"), "{out}");
    for bad in [
        "<iframe src=\"https://evil.example\"></iframe>",
        "<svg onload=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<sup onclick=alert(1)>x</sup>",
        "<details open ontoggle=alert(1)>",
        "<style>body{display:none}</style>",
    ] {
        for markdown in [format!("{bad}\n"), format!("text {bad} text\n")] {
            let out = html(&markdown);
            assert!(!out.contains("<iframe") && !out.contains("<svg"), "{out}");
            assert!(!out.contains("<a ") && !out.contains("<style"), "{out}");
            assert!(
                !out.contains("<sup ") && !out.contains("<details "),
                "{out}"
            );
        }
    }
}

#[test]
fn nested_tag_tricks_are_escaped_totally() {
    for markdown in [
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "x <scr<script>ipt>alert(1)</script> y",
        "<sup><script>alert(1)</script></sup>\n",
        "<<script>script>alert(1)<</script>/script>",
        "<br><img src=x onerror=alert(1)>\n",
    ] {
        let out = html(markdown);
        assert!(
            !out.to_ascii_lowercase().contains("<script"),
            "{markdown:?} -> {out}"
        );
        assert!(!out.contains("<img"), "{markdown:?} -> {out}");
    }
    // A block chunk that mixes allowed tags with anything else is escaped whole.
    let out = html("<details><summary>1</summary><script>alert(1)</script>\n");
    assert_eq!(
        out,
        "&lt;details&gt;&lt;summary&gt;1&lt;/summary&gt;&lt;script&gt;alert(1)&lt;/script&gt;\n"
    );
    // Inline HTML arrives tag by tag, so there each tag is judged on its own.
    let out = html("x <sup>1</sup><script>alert(1)</script>");
    assert_eq!(
        out,
        "<p>x <sup>1</sup>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"
    );
}

#[test]
fn allowlisted_tags_pass() {
    let out = html(
        "H<sub>2</sub>O, E = mc<sup>2</sup>, <kbd>Ctrl</kbd>+<KBD >C</KBD>,<br>a<br/>b<br />c",
    );
    assert_eq!(
        out,
        "<p>H<sub>2</sub>O, E = mc<sup>2</sup>, <kbd>Ctrl</kbd>+<KBD >C</KBD>,<br>a<br/>b<br />c</p>\n"
    );
    let out = html("<mark>m</mark> <ins>i</ins> <del>d</del> <s>s</s> <u>u</u> <small>x</small> <abbr>HTML</abbr>");
    for tag in ["mark", "ins", "del", "s", "u", "small", "abbr"] {
        assert!(
            out.contains(&format!("<{tag}>")) && out.contains(&format!("</{tag}>")),
            "{out}"
        );
    }
    let out = html("<details>\n<summary>More</summary>\n\nHidden *text*.\n\n</details>\n");
    assert_eq!(
        out,
        "<details>\n<summary>More</summary>\n<p>Hidden <em>text</em>.</p>\n</details>\n"
    );
    // Attributes, even harmless-looking ones, are not allowed.
    assert!(html("<abbr title=\"x\">X</abbr>").contains("&lt;abbr title="));
    // A self-closing slash only on void tags.
    assert!(html("a <sup/> b").contains("&lt;sup/&gt;"));
}

#[test]
fn comments_are_dropped() {
    assert_eq!(html("a <!-- secret --> b"), "<p>a  b</p>\n");
    assert_eq!(html("<!-- one line -->\n\nText\n"), "<p>Text</p>\n");
    let out = html("<!--\nmulti <script>alert(1)</script>\nline\n-->\n\nText\n");
    assert_eq!(out, "<p>Text</p>\n");
    assert_eq!(html("a <!--> b <!---> c"), "<p>a  b  c</p>\n");
}

// --- Links and images -------------------------------------------------------------------------

#[test]
fn dangerous_link_schemes_are_neutralised() {
    for markdown in [
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](java&#9;script:alert(1))",
        "[x](<java\tscript:alert(1)>)",
        "[x](java&#10;script:alert(1))",
        "[x](&#32;javascript:alert(1))",
        "[x](&#1;javascript:alert(1))",
        "[x]( javascript:alert(1))",
        "[x](vbscript:msgbox(1))",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "[x](data:image/png;base64,AAAA)",
        "[x](&#x6A;avascript:alert(1))",
    ] {
        let out = html(markdown);
        assert_eq!(out, "<p><a href=\"#\">x</a></p>\n", "{markdown:?}");
    }
}

#[test]
fn dangerous_autolinks_and_reference_links_are_neutralised() {
    assert_eq!(
        html("<javascript:alert(1)>"),
        "<p><a href=\"#\">javascript:alert(1)</a></p>\n"
    );
    assert_neutralised("<JAVASCRIPT:alert(1)>");
    assert_neutralised("[x][r]\n\n[r]: javascript:alert(1)\n");
    assert_neutralised("[r]\n\n[r]: <java\tscript:alert(1)> \"t\"\n");
    assert_neutralised("[x][]\n\n[x]: JaVaScRiPt:alert(1)\n");
}

#[test]
fn dangerous_image_sources_are_neutralised() {
    for markdown in [
        "![x](javascript:alert(1))",
        "![x](JaVaScRiPt:alert(1))",
        "![x](java&#9;script:alert(1))",
        "![x](data:image/svg+xml,PHN2Zz4=)",
        "![x](data:text/html,hi)",
        "![x][r]\n\n[r]: javascript:alert(1)\n",
    ] {
        let out = html(markdown);
        assert!(
            out.contains("<img src=\"#\" alt=\"x\""),
            "{markdown:?} -> {out}"
        );
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
        out.contains("<a href=\"https://example.com/a?b=c&amp;d=e\" rel=\"noopener noreferrer\" title=\"Title\">f</a>"),
        "{out}"
    );
    // A relative path containing a colon later on is not a scheme.
    assert!(html("[x](./javascript:x)").contains("href=\"./javascript:x\""));
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
