//! The page every prerendered route is poured into: the `index.html` Trunk built, with the
//! hashed script, style and preload links already in place.

use std::fmt;

/// A built `index.html`, cut where a page's own parts go.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shell {
    /// Everything before `<title>`.
    before_title: String,
    /// From the end of `</title>` to `</head>` (exclusive).
    head_rest: String,
    /// From `</head>` through the end of the `<body …>` tag.
    body_open: String,
    /// From `</body>` to the end.
    tail: String,
}

/// Around a prerendered page's own head tags, so that the page can serve as a shell again.
pub const PAGE_HEAD_START: &str = "<!--folio-page-head-->";
pub const PAGE_HEAD_END: &str = "<!--/folio-page-head-->";

/// What is missing from a shell that cannot take a page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShellError(&'static str);

impl fmt::Display for ShellError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the built index.html has no {}", self.0)
    }
}

impl std::error::Error for ShellError {}

/// One page's parts, already HTML.
pub struct Page<'a> {
    /// The `<title>` text, escaped.
    pub title: &'a str,
    /// Extra `<head>` elements (description, canonical, social cards).
    pub head: &'a str,
    /// What goes into `<body>`.
    pub body: &'a str,
}

impl Shell {
    /// Cuts a built `index.html`. The body's own content (the `<noscript>` note) is dropped: a
    /// prerendered page reads without script.
    pub fn parse(html: &str) -> Result<Shell, ShellError> {
        let lower = html.to_ascii_lowercase();
        let title = lower.find("<title>").ok_or(ShellError("<title>"))?;
        let title_end = lower[title..]
            .find("</title>")
            .map(|i| title + i + "</title>".len())
            .ok_or(ShellError("</title>"))?;
        let head_end = lower[title_end..]
            .find("</head>")
            .map(|i| title_end + i)
            .ok_or(ShellError("</head>"))?;
        let body = lower[head_end..]
            .find("<body")
            .map(|i| head_end + i)
            .ok_or(ShellError("<body>"))?;
        let body_open_end = lower[body..]
            .find('>')
            .map(|i| body + i + 1)
            .ok_or(ShellError("end of the <body> tag"))?;
        let body_end = lower
            .rfind("</body>")
            .filter(|&i| i >= body_open_end)
            .ok_or(ShellError("</body>"))?;
        Ok(Shell {
            before_title: html[..title].to_owned(),
            head_rest: without_page_head(&without_app_preloads(&html[title_end..head_end])),
            body_open: html[head_end..body_open_end].to_owned(),
            tail: html[body_end..].to_owned(),
        })
    }

    /// The whole document for one page.
    pub fn render(&self, page: &Page<'_>) -> String {
        let mut out = String::with_capacity(
            self.before_title.len()
                + self.head_rest.len()
                + page.head.len()
                + page.body.len()
                + 512,
        );
        out.push_str(&self.before_title);
        out.push_str("<title>");
        out.push_str(page.title);
        out.push_str("</title>");
        // Right after the title, before the shell's scripts: `theme.js` reads the page's
        // `folio-path` as it runs.
        out.push_str(page.head);
        out.push_str(&self.head_rest);
        out.push_str(&self.body_open);
        out.push_str(page.body);
        out.push_str(&self.tail);
        out
    }
}

/// `head` without Trunk's preload links for the app (`rel=modulepreload` for the JS glue,
/// `rel=preload` for the wasm). A prerendered page is complete without the app, which
/// `boot.js` starts only after the first paint: preloading it from `<head>` would have its
/// ~200 kB compete with the page's own HTML and CSS for the first paint.
fn without_app_preloads(head: &str) -> String {
    let lower = head.to_ascii_lowercase();
    let mut out = String::with_capacity(head.len());
    let mut at = 0;
    while let Some(start) = lower[at..].find("<link").map(|i| at + i) {
        let end = lower[start..]
            .find('>')
            .map_or(lower.len(), |i| start + i + 1);
        let tag = &lower[start..end];
        let rel = attribute(tag, "rel").unwrap_or_default();
        let href = attribute(tag, "href").unwrap_or_default();
        let app_preload = rel == "modulepreload" || (rel == "preload" && href.ends_with(".wasm"));
        out.push_str(&head[at..start]);
        if !app_preload {
            out.push_str(&head[start..end]);
        }
        at = end;
    }
    out.push_str(&head[at..]);
    out
}

/// `head` without a prerendered page's own tags (between [`PAGE_HEAD_START`] and
/// [`PAGE_HEAD_END`]).
fn without_page_head(head: &str) -> String {
    match (head.find(PAGE_HEAD_START), head.find(PAGE_HEAD_END)) {
        (Some(start), Some(end)) if end > start => {
            format!("{}{}", &head[..start], &head[end + PAGE_HEAD_END.len()..])
        }
        _ => head.to_owned(),
    }
}

/// The value of attribute `name` in one tag, quoted or not (Trunk's minifier drops quotes).
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut search = 0;
    loop {
        let at = search + tag[search..].find(name)?;
        search = at + name.len();
        let before = tag[..at].chars().next_back();
        let rest = &tag[search..];
        if !before.is_some_and(|c| c.is_ascii_whitespace()) || !rest.starts_with('=') {
            continue;
        }
        let value = &rest[1..];
        return Some(match value.chars().next() {
            Some(q @ ('"' | '\'')) => value[1..].split(q).next().unwrap_or(""),
            _ => value
                .split(|c: char| c.is_ascii_whitespace() || c == '>')
                .next()
                .unwrap_or(""),
        });
    }
}

/// The `<base href>` Trunk wrote (the site's path, `/` or `/blog/`); `/` when there is none.
pub fn base_href(html: &str) -> String {
    let lower = html.to_ascii_lowercase();
    let Some(start) = lower.find("<base ") else {
        return "/".to_owned();
    };
    let tag_end = lower[start..].find('>').map_or(lower.len(), |i| start + i);
    let tag = &html[start..tag_end];
    let Some(at) = tag.to_ascii_lowercase().find("href=") else {
        return "/".to_owned();
    };
    let value = &tag[at + 5..];
    let href = match value.chars().next() {
        Some(q @ ('"' | '\'')) => value[1..].split(q).next().unwrap_or(""),
        _ => value
            .split(|c: char| c.is_ascii_whitespace())
            .next()
            .unwrap_or(""),
    };
    let href = href.trim_end_matches(|c: char| c.is_ascii_whitespace());
    if href.is_empty() {
        "/".to_owned()
    } else {
        href.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_base_href_is_read_quoted_or_not() {
        assert_eq!(base_href("<head><base href=/blog/><title>"), "/blog/");
        assert_eq!(base_href("<head><base href=\"/a b/\"><title>"), "/a b/");
        assert_eq!(base_href("<head><BASE HREF='/x/' ><title>"), "/x/");
        assert_eq!(base_href("<head><title>"), "/");
    }

    const BUILT: &str = "<!doctype html><html lang=en><meta charset=utf-8><base href=/blog/>\
        <title>Folio</title><link href=/blog/main-1.css rel=stylesheet></head>\
        <body class=x><noscript>needs script</noscript></body></html>";

    #[test]
    fn a_page_replaces_title_and_body_and_keeps_the_assets() {
        let shell = Shell::parse(BUILT).unwrap();
        let html = shell.render(&Page {
            title: "Post · Me",
            head: "<meta name=description content=d>",
            body: "<main>hi</main>",
        });
        assert_eq!(
            html,
            "<!doctype html><html lang=en><meta charset=utf-8><base href=/blog/>\
             <title>Post · Me</title><meta name=description content=d>\
             <link href=/blog/main-1.css rel=stylesheet></head><body class=x><main>hi</main></body></html>"
        );
    }

    #[test]
    fn the_app_preloads_are_dropped_and_the_other_links_kept() {
        let built = "<html><title>Folio</title><link href=/main-1.css rel=stylesheet>\
            <script src=/boot-1.js type=module></script>\
            <link crossorigin href=/folio-1.js rel=modulepreload>\
            <link as=fetch crossorigin href=/folio-1_bg.wasm rel=preload type=application/wasm>\
            <link rel=\"preload\" href=\"/font.woff2\" as=font>\
            <LINK REL='modulepreload' HREF='/x.js'></head><body></body></html>";
        let html = Shell::parse(built).unwrap().render(&Page {
            title: "T",
            head: "",
            body: "",
        });
        assert_eq!(
            html,
            "<html><title>T</title><link href=/main-1.css rel=stylesheet>\
             <script src=/boot-1.js type=module></script>\
             <link rel=\"preload\" href=\"/font.woff2\" as=font></head><body></body></html>"
        );
    }

    #[test]
    fn a_shell_without_its_parts_is_refused() {
        for (html, missing) in [
            ("<html><body></body></html>", "<title>"),
            ("<title>x</title><body></body>", "</head>"),
            ("<title>x</title></head></html>", "<body>"),
            ("<title>x</title></head><body>", "</body>"),
        ] {
            assert_eq!(
                Shell::parse(html).unwrap_err(),
                ShellError(missing),
                "{html}"
            );
        }
    }
}
