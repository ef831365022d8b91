//! The candidates of a `srcset` attribute value (decoded), as the HTML standard reads them: a
//! URL runs to the next whitespace, less any commas it ends with (which end the candidate);
//! otherwise its descriptors (`2x`, `640w`) run to the next comma. So a `data:` URL, whose
//! commas are part of it, stays one candidate.

use std::ops::Range;

/// One image candidate: where its URL is in the value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    pub url: Range<usize>,
}

/// The candidates of `value`, in order.
pub fn candidates(value: &str) -> Vec<Candidate> {
    let b = value.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b',') {
            i += 1;
        }
        if i >= b.len() {
            return found;
        }
        let start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut end = i;
        while end > start && b[end - 1] == b',' {
            end -= 1;
        }
        if end > start {
            found.push(Candidate { url: start..end });
        }
        if end == i {
            while i < b.len() && b[i] != b',' {
                i += 1;
            }
        }
    }
}

/// `value` with each candidate's URL replaced by what `map` makes of it (`None`: kept);
/// descriptors and spacing are kept.
pub fn map_urls(value: &str, mut map: impl FnMut(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(value.len() + 16);
    let mut at = 0;
    for candidate in candidates(value) {
        let url = &value[candidate.url.clone()];
        out.push_str(&value[at..candidate.url.start]);
        match map(url) {
            Some(new) => out.push_str(&new),
            None => out.push_str(url),
        }
        at = candidate.url.end;
    }
    out.push_str(&value[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urls(v: &str) -> Vec<&str> {
        candidates(v).into_iter().map(|c| &v[c.url]).collect()
    }

    #[test]
    fn candidates_are_found_as_html_reads_them() {
        assert_eq!(urls("a.png"), ["a.png"]);
        assert_eq!(urls(" a.png 1x,  b.png 2x "), ["a.png", "b.png"]);
        assert_eq!(urls("a.png,b.png 640w"), ["a.png,b.png"]);
        assert_eq!(urls("a.png, b.png"), ["a.png", "b.png"]);
        assert_eq!(urls("a.png,, b.png 2x,"), ["a.png", "b.png"]);
        assert_eq!(
            urls("data:image/png;base64,AA,BB 1x, b.png 2x"),
            ["data:image/png;base64,AA,BB", "b.png"]
        );
        assert_eq!(urls(""), Vec::<&str>::new());
    }

    #[test]
    fn urls_are_mapped_and_the_rest_kept() {
        let out = map_urls("a.png 1x, data:image/png;base64,A,B 2x", |u| {
            u.starts_with("a").then(|| format!("x/{u}"))
        });
        assert_eq!(out, "x/a.png 1x, data:image/png;base64,A,B 2x");
    }
}
