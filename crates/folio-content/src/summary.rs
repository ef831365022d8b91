//! A summary from the post itself: Zola and Hugo end it with `<!-- more -->` (any spacing),
//! Jekyll with the front matter's `excerpt_separator`. Used only when the front matter gives no
//! `description`/`summary`; without a marker a post has no summary, as before (nothing is made
//! up from its first words).

use folio_markdown::{code_ranges, plain_text};

/// The plain text before the post's summary marker (`separator`, else `<!-- more -->`), as
/// lists and the page description show it: Markdown markup removed, whitespace collapsed.
/// `None` without a marker outside code, or with nothing before it.
pub fn before_marker(markdown: &str, separator: Option<&str>) -> Option<String> {
    let candidates: Vec<usize> = match separator {
        Some(separator) => markdown
            .match_indices(separator)
            .map(|(at, _)| at)
            .collect(),
        None => markdown
            .match_indices("<!--")
            .map(|(at, _)| at)
            .filter(|&at| is_more_comment(&markdown[at..]))
            .collect(),
    };
    if candidates.is_empty() {
        return None; // most posts: no second Markdown parse for code ranges
    }
    let code = code_ranges(markdown);
    let at = candidates
        .into_iter()
        .find(|at| !code.iter().any(|range| range.contains(at)))?;
    let text = plain_text(&markdown[..at]);
    let summary = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!summary.is_empty()).then_some(summary)
}

/// Whether `text` starts with `<!--more-->`, spaces allowed inside.
fn is_more_comment(text: &str) -> bool {
    text.strip_prefix("<!--")
        .map(str::trim_start)
        .and_then(|rest| rest.strip_prefix("more"))
        .map(str::trim_start)
        .is_some_and(|rest| rest.starts_with("-->"))
}

#[cfg(test)]
mod tests {
    use super::before_marker;

    #[test]
    fn the_text_before_more_in_any_spacing() {
        for marker in ["<!-- more -->", "<!--more-->", "<!--   more\t-->"] {
            let md =
                format!("Intro with **bold** and [a link](x).\n\nSecond.\n\n{marker}\n\nRest.\n");
            assert_eq!(
                before_marker(&md, None).as_deref(),
                Some("Intro with bold and a link. Second."),
                "{marker}"
            );
        }
    }

    #[test]
    fn no_marker_or_only_in_code_means_no_summary() {
        assert_eq!(before_marker("Just text.\n", None), None);
        assert_eq!(before_marker("<!-- more -->\nafter\n", None), None);
        let in_code = "Text.\n\n```html\n<!-- more -->\n```\n\nand `<!--more-->`\n";
        assert_eq!(before_marker(in_code, None), None);
        assert_eq!(before_marker("a <!-- moreover -->\n", None), None);
    }

    #[test]
    fn a_jekyll_separator_replaces_more() {
        let md = "First *part*.\n\n<!--cut-->\n\nSecond <!-- more -->\n";
        assert_eq!(
            before_marker(md, Some("<!--cut-->")).as_deref(),
            Some("First part.")
        );
        assert_eq!(before_marker(md, Some("[[nope]]")), None);
    }
}
