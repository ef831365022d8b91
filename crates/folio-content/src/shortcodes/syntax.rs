//! Reading one template tag out of Markdown source: its delimiters, name and arguments.
//!
//! - `{% name args %}`: a Liquid tag (Jekyll), or a Zola shortcode with a body when the name is
//!   followed by `(`; `{%-` and `-%}` (Liquid's whitespace control) are read like `{%`, `%}`.
//! - `{{ expression }}`: Liquid output (`{{ site.baseurl }}`), or a Zola shortcode call
//!   `{{ name(args) }}`.
//! - `{{< name args >}}`, `{{% name args %}}`: Hugo shortcodes (`/name` closes a paired one).
//!
//! A tag never spans a blank line: `{%` in prose with no closer in the same paragraph is text.

/// Which delimiters a tag is written with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Delimiters {
    /// `{% … %}`
    Statement,
    /// `{{ … }}`
    Expression,
    /// `{{< … >}}`
    HugoAngle,
    /// `{{% … %}}`
    HugoPercent,
}

impl Delimiters {
    fn open_close(self) -> (&'static str, &'static str) {
        match self {
            Delimiters::Statement => ("{%", "%}"),
            Delimiters::Expression => ("{{", "}}"),
            Delimiters::HugoAngle => ("{{<", ">}}"),
            Delimiters::HugoPercent => ("{{%", "%}}"),
        }
    }
}

/// One tag in the source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tag<'a> {
    pub delimiters: Delimiters,
    /// Where the tag starts and ends (past its closer) in the source.
    pub start: usize,
    pub end: usize,
    /// Between the delimiters, trimmed, Liquid's `-` whitespace control removed.
    pub inner: &'a str,
}

/// The longest a tag may be: a bound on how far a stray `{%` makes the scanner look.
const MAX_TAG_LEN: usize = 4096;

impl<'a> Tag<'a> {
    /// The tag starting at `start` (a `{`), if one does.
    pub fn read(source: &'a str, start: usize) -> Option<Tag<'a>> {
        let rest = &source[start..];
        let delimiters = [
            Delimiters::HugoAngle,
            Delimiters::HugoPercent,
            Delimiters::Expression,
            Delimiters::Statement,
        ]
        .into_iter()
        .find(|d| rest.starts_with(d.open_close().0))?;
        let (open, close) = delimiters.open_close();
        let window = &rest[..floor_char_boundary(rest, MAX_TAG_LEN)];
        let inner_len = window[open.len()..].find(close)?;
        let inner = &window[open.len()..open.len() + inner_len];
        if has_blank_line(inner) {
            return None;
        }
        let mut inner = inner.trim();
        if delimiters == Delimiters::Statement {
            inner = inner.strip_prefix('-').unwrap_or(inner);
            inner = inner.strip_suffix('-').unwrap_or(inner).trim();
        }
        Some(Tag {
            delimiters,
            start,
            end: start + open.len() + inner_len + close.len(),
            inner,
        })
    }

    /// The tag's name: its first word, up to whitespace or `(` (`/name` for a Hugo closer).
    pub fn name(&self) -> &'a str {
        let end = self
            .inner
            .find(|c: char| c.is_whitespace() || c == '(')
            .unwrap_or(self.inner.len());
        &self.inner[..end]
    }

    /// What follows the name, trimmed.
    pub fn args(&self) -> &'a str {
        self.inner[self.name().len()..].trim()
    }

    /// Whether the name is followed by `(`: Zola's shortcode call syntax.
    pub fn is_call(&self) -> bool {
        let name = self.name();
        !name.is_empty()
            && name.chars().all(|c| c.is_alphanumeric() || c == '_')
            && self.args().starts_with('(')
    }

    /// Hugo's and Zola's way to show a tag as text: `{{</* name */>}}` stands for
    /// `{{< name >}}`. Returns that text.
    pub fn escaped_text(&self, source: &str) -> Option<String> {
        let (open, close) = self.delimiters.open_close();
        let body = source[self.start + open.len()..self.end - close.len()].trim();
        let body = body.strip_prefix("/*")?.strip_suffix("*/")?;
        Some(format!("{open}{body}{close}"))
    }
}

/// Hugo shortcode arguments: `"positional"`, `` `raw` ``, `bare`, `key="value"`, `key=value`.
pub fn hugo_args(args: &str) -> Vec<(Option<&str>, String)> {
    let mut out = Vec::new();
    let mut rest = args.trim_start();
    while !rest.is_empty() {
        let key_end = rest
            .find(|c: char| c.is_whitespace() || c == '=' || c == '"' || c == '`')
            .unwrap_or(rest.len());
        let (key, after) = match rest[key_end..].strip_prefix('=') {
            Some(after) if key_end > 0 => (Some(&rest[..key_end]), after),
            _ => (None, rest),
        };
        let (value, after) = read_value(after);
        out.push((key, value));
        rest = after.trim_start();
    }
    out
}

/// One value at the start of `text` (quoted, backquoted or bare) and the text after it.
fn read_value(text: &str) -> (String, &str) {
    if let Some(quoted) = text.strip_prefix('"') {
        let mut value = String::new();
        let mut chars = quoted.char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '\\' => value.extend(chars.next().map(|(_, c)| c)),
                '"' => return (value, &quoted[i + 1..]),
                c => value.push(c),
            }
        }
        return (value, "");
    }
    if let Some(raw) = text.strip_prefix('`') {
        let end = raw.find('`').unwrap_or(raw.len());
        return (raw[..end].to_owned(), raw.get(end + 1..).unwrap_or(""));
    }
    let end = text.find(char::is_whitespace).unwrap_or(text.len());
    (text[..end].to_owned(), &text[end..])
}

/// Whether a whole line of `text` (between two of its line breaks) is blank.
fn has_blank_line(text: &str) -> bool {
    let lines: Vec<&str> = text.split('\n').collect();
    lines.len() > 2
        && lines[1..lines.len() - 1]
            .iter()
            .any(|l| l.trim().is_empty())
}

fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(source: &str) -> Option<Tag<'_>> {
        Tag::read(source, 0)
    }

    #[test]
    fn reads_each_kind_of_delimiters() {
        let t = tag("{% highlight rust linenos %} x").unwrap();
        assert_eq!(t.delimiters, Delimiters::Statement);
        assert_eq!(
            (t.name(), t.args(), t.end),
            ("highlight", "rust linenos", 28)
        );
        let t = tag("{%- raw -%}").unwrap();
        assert_eq!((t.name(), t.args()), ("raw", ""));
        let t = tag("{{< figure src=\"a.png\" >}}").unwrap();
        assert_eq!((t.delimiters, t.name()), (Delimiters::HugoAngle, "figure"));
        let t = tag("{{% ref x.md %}}").unwrap();
        assert_eq!((t.delimiters, t.name()), (Delimiters::HugoPercent, "ref"));
        let t = tag("{{site.baseurl}}").unwrap();
        assert_eq!(
            (t.delimiters, t.inner),
            (Delimiters::Expression, "site.baseurl")
        );
        let t = tag("{{ youtube(id=\"x\") }}").unwrap();
        assert!(t.is_call());
        assert_eq!(t.name(), "youtube");
        assert!(!tag("{{ page.title }}").unwrap().is_call());
    }

    #[test]
    fn a_tag_does_not_cross_a_blank_line_or_run_unclosed() {
        assert_eq!(tag("{% no closer"), None);
        assert_eq!(tag("{% a\n\nb %}"), None);
        assert!(tag("{{< figure\n  src=\"a.png\"\n>}}").is_some());
    }

    #[test]
    fn escaped_tags_stand_for_themselves() {
        let source = "{{</* figure src=\"a\" */>}}";
        assert_eq!(
            tag(source).unwrap().escaped_text(source).as_deref(),
            Some("{{< figure src=\"a\" >}}")
        );
        assert_eq!(tag("{{< x >}}").unwrap().escaped_text("{{< x >}}"), None);
    }

    #[test]
    fn hugo_arguments() {
        let args = hugo_args(r#""a.md" src=x.png alt="A \"q\"" caption=`c d` lone"#);
        assert_eq!(
            args,
            [
                (None, "a.md".to_owned()),
                (Some("src"), "x.png".to_owned()),
                (Some("alt"), "A \"q\"".to_owned()),
                (Some("caption"), "c d".to_owned()),
                (None, "lone".to_owned()),
            ]
        );
    }
}
