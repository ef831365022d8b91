//! What every article gets after sanitizing, whatever wrote its markup (Markdown or raw HTML):
//! images load lazily and decode off the main thread, code blocks and tables are focusable so a
//! keyboard can scroll them, tables scroll inside their own wrapper, and links that leave the
//! site or open a window get `rel="noopener noreferrer"`, and an `<input>` is a disabled checkbox
//! (a task list's), and a link whose address the sanitizer refused (`ttps://…`, `javascript:`)
//! becomes its plain text: an `<a>` without `href` looks like a link, goes nowhere, and crawlers
//! flag it. Only fixed attributes and the wrapper are added, through the escaping writer of
//! [`super::tokens`].

use super::tokens::{rewrite, StartTag, Token};

/// The wrapper that lets a wide table scroll sideways (Markdown and raw HTML tables alike).
/// Focusable so a keyboard can scroll it (axe `scrollable-region-focusable`), and then a named
/// region so a screen reader says what has focus.
pub const TABLE_WRAP_OPEN: &str =
    "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Table\">";
/// Closes [`TABLE_WRAP_OPEN`].
pub const TABLE_WRAP_CLOSE: &str = "</div>";

fn table_wrap() -> StartTag {
    StartTag {
        name: "div".into(),
        attrs: vec![
            ("class".into(), "table-wrap".into()),
            ("tabindex".into(), "0".into()),
            ("role".into(), "region".into()),
            ("aria-label".into(), "Table".into()),
        ],
    }
}

/// `html` (sanitized) finished as described in the module documentation.
pub fn finish(html: &str) -> String {
    // Per open table: whether this pass wrapped it (so its end closes the wrapper too).
    let mut tables: Vec<bool> = Vec::new();
    let mut in_wrap = false;
    // Per open `<a>`: whether this pass dropped its tags (keeping its content).
    let mut anchors: Vec<bool> = Vec::new();
    rewrite(html, |token, out| {
        match token {
            Token::Start(tag) if tag.name == "a" && is_dead_link(&tag) => anchors.push(true),
            Token::End(name) if name == "a" && anchors.pop() == Some(true) => {}
            Token::Start(mut tag) => {
                let wrapper = tag.name == "div" && tag.has_class("table-wrap");
                match tag.name.as_str() {
                    "img" => {
                        add_missing(&mut tag, "loading", "lazy");
                        add_missing(&mut tag, "decoding", "async");
                    }
                    "pre" => add_missing(&mut tag, "tabindex", "0"),
                    // Only task lists' checkboxes are content; never a field to type in.
                    "input" => {
                        tag.set_attr("type", "checkbox".into());
                        tag.set_attr("disabled", String::new());
                    }
                    "a" => {
                        anchors.push(false);
                        if leaves_the_page(&tag) {
                            add_rel(&mut tag);
                        }
                    }
                    "table" => {
                        tables.push(!in_wrap);
                        if !in_wrap {
                            out.push(Token::Start(table_wrap()));
                        }
                    }
                    _ => {}
                }
                in_wrap = wrapper;
                out.push(Token::Start(tag));
            }
            Token::End(name) => {
                in_wrap = false;
                let wrapped = name == "table" && tables.pop() == Some(true);
                out.push(Token::End(name));
                if wrapped {
                    out.push(Token::End("div".into()));
                }
            }
            text => {
                in_wrap = in_wrap && matches!(&text, Token::Text(t) if t.trim().is_empty());
                out.push(text);
            }
        }
    })
}

/// A link without an address that is not a target either (`<a id>`, `<a name>` stay).
fn is_dead_link(tag: &StartTag) -> bool {
    ["href", "id", "name"]
        .iter()
        .all(|name| tag.attr(name).is_none())
}

fn add_missing(tag: &mut StartTag, name: &str, value: &str) {
    if tag.attr(name).is_none() {
        tag.attrs.push((name.into(), value.into()));
    }
}

/// Whether a link goes off-site (absolute `http(s)` or protocol-relative) or opens a window.
fn leaves_the_page(tag: &StartTag) -> bool {
    let href = tag.attr("href").unwrap_or_default().trim_start();
    let starts = |p: &str| {
        href.get(..p.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(p))
    };
    starts("http://")
        || starts("https://")
        || href.starts_with("//")
        || tag.attr("target").is_some()
}

/// Adds `noopener` and `noreferrer` to the link's `rel`, keeping what the author wrote.
fn add_rel(tag: &mut StartTag) {
    let mut rel = tag.attr("rel").unwrap_or_default().to_owned();
    for token in ["noopener", "noreferrer"] {
        if !rel
            .split_ascii_whitespace()
            .any(|t| t.eq_ignore_ascii_case(token))
        {
            if !rel.is_empty() {
                rel.push(' ');
            }
            rel.push_str(token);
        }
    }
    tag.set_attr("rel", rel);
}
