//! What every article gets after sanitizing, whatever wrote its markup (Markdown or raw HTML):
//! images load lazily and decode off the main thread, code blocks and tables are focusable so a
//! keyboard can scroll them, tables scroll inside their own wrapper (a region named after the
//! table: see [`super::table_names`]), code blocks get a copy button, short inline code is kept
//! on one line, the post's headings sit below the page's title, links that leave the site or
//! open a window get `rel="noopener noreferrer"`, an `<input>` is a disabled checkbox (a task
//! list's), and a link whose address the sanitizer refused (`ttps://…`, `javascript:`) becomes
//! its plain text: an `<a>` without `href` looks like a link, goes nowhere, and crawlers flag
//! it. Only fixed attributes and elements (and the tables' names) are added, through the
//! escaping writer of [`super::tokens`]; the sanitizer lets no `button` or these classes
//! through, so none of this markup can come from a post.

use super::table_names::table_names;
use super::tokens::{tokenize, write_token, StartTag, Token};

/// Inline code up to this many characters is one unbreakable token (`[u8]`, `Vec<T>`); longer
/// spans wrap like text, so they never widen the page.
pub const NOWRAP_CODE_CHARS: usize = 24;

fn table_wrap(name: String) -> StartTag {
    StartTag {
        name: "div".into(),
        attrs: vec![
            ("class".into(), "table-wrap".into()),
            ("tabindex".into(), "0".into()),
            ("role".into(), "region".into()),
            ("aria-label".into(), name),
        ],
    }
}

/// What a code block starts with: a box holding the copy button and the line that says it
/// copied (a live region), then the block. The button's label is drawn by the stylesheet, so
/// the article's text (search, feeds, word counts) does not contain it; the click is handled by
/// `public/theme.js`, and without script the stylesheet hides the button. The box closes after
/// the block (`</pre></div>`).
pub const CODE_BLOCK_OPEN: &str = "<div class=\"code-block\"><button type=\"button\" class=\"copy-code\" aria-label=\"Copy code\"></button><span class=\"copy-status\" role=\"status\" aria-live=\"polite\"></span>";

/// `html` (sanitized) finished as described in the module documentation; also says whether the
/// headings were moved one level down (the document had an `h1`).
pub fn finish(html: &str) -> (String, bool) {
    let tokens = tokenize(html);
    let mut names = table_names(&tokens).into_iter().peekable();
    // The page's title is the one `h1`: a document with its own moves every heading down one.
    let demote = tokens
        .iter()
        .any(|t| matches!(t, Token::Start(tag) if tag.name == "h1"));
    let mut out = String::with_capacity(html.len() + html.len() / 8);
    let mut written: Vec<Token> = Vec::new();
    // Per open table: whether this pass wrapped it (so its end closes the wrapper too).
    let mut tables: Vec<bool> = Vec::new();
    let mut in_wrap = false;
    let mut pre_depth = 0usize;
    // Per open `<a>`: whether this pass dropped its tags (keeping its content).
    let mut anchors: Vec<bool> = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        match token.clone() {
            Token::Start(tag) if tag.name == "a" && is_dead_link(&tag) => anchors.push(true),
            Token::End(name) if name == "a" && anchors.pop() == Some(true) => {}
            Token::Start(mut tag) => {
                let wrapper = tag.name == "div" && tag.has_class("table-wrap");
                // A wrapper the post wrote itself (an imported site's) is named like ours.
                if wrapper && table_follows(&tokens[i + 1..]) {
                    tag.set_attr("role", "region".into());
                    tag.set_attr("tabindex", "0".into());
                    tag.set_attr("aria-label", names.peek().cloned().unwrap_or_default());
                }
                match tag.name.as_str() {
                    "img" => {
                        add_missing(&mut tag, "loading", "lazy");
                        add_missing(&mut tag, "decoding", "async");
                    }
                    "pre" => {
                        add_missing(&mut tag, "tabindex", "0");
                        if pre_depth == 0 {
                            written.extend(tokenize(CODE_BLOCK_OPEN));
                        }
                        pre_depth += 1;
                    }
                    "code" if pre_depth == 0 && short_text_follows(&tokens[i + 1..]) => {
                        add_class(&mut tag, "nowrap");
                    }
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
                        let name = names.next().unwrap_or_default();
                        tables.push(!in_wrap);
                        if !in_wrap {
                            written.push(Token::Start(table_wrap(name)));
                        }
                    }
                    _ if demote => tag.name = demoted(&tag.name),
                    _ => {}
                }
                in_wrap = wrapper;
                written.push(Token::Start(tag));
            }
            Token::End(name) => {
                in_wrap = false;
                let wrapped = name == "table" && tables.pop() == Some(true);
                let closes_block = name == "pre" && pre_depth == 1;
                pre_depth = pre_depth.saturating_sub(usize::from(name == "pre"));
                let name = if demote { demoted(&name) } else { name };
                written.push(Token::End(name));
                if wrapped || closes_block {
                    written.push(Token::End("div".into()));
                }
            }
            text => {
                in_wrap = in_wrap && matches!(&text, Token::Text(t) if t.trim().is_empty());
                written.push(text);
            }
        }
        for token in written.drain(..) {
            write_token(&mut out, &token);
        }
    }
    (out, demote)
}

/// A heading's name one level down (`h6` stays); any other name as it is.
fn demoted(name: &str) -> String {
    match name {
        "h1" => "h2",
        "h2" => "h3",
        "h3" => "h4",
        "h4" => "h5",
        "h5" => "h6",
        other => other,
    }
    .to_owned()
}

/// Whether `rest` starts with a table (after blank text).
fn table_follows(rest: &[Token]) -> bool {
    let mut rest = rest
        .iter()
        .skip_while(|t| matches!(t, Token::Text(t) if t.trim().is_empty()));
    matches!(rest.next(), Some(Token::Start(tag)) if tag.name == "table")
}

/// Whether an inline `<code>` whose content is `rest` holds only a short text.
fn short_text_follows(rest: &[Token]) -> bool {
    matches!(rest, [Token::Text(text), Token::End(end), ..]
        if end == "code" && text.chars().count() <= NOWRAP_CODE_CHARS)
}

fn add_class(tag: &mut StartTag, class: &str) {
    let classes = match tag.attr("class") {
        Some(old) => format!("{old} {class}"),
        None => class.to_owned(),
    };
    tag.set_attr("class", classes);
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
