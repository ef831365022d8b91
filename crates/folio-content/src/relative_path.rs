//! Relative links written in a post, read as paths inside the content folder: shared by the
//! links to colocated files (`assets.rs`) and the links to other posts (`post_links.rs`), so both
//! resolve `..`, `.` and `%XX` alike.

/// `path` resolved against the folder `dir` (both `/`-separated, relative to the content
/// folder); `None` when `..` climbs out of the content folder.
pub(super) fn join(dir: &str, path: &str) -> Option<String> {
    let mut segments: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop()?;
            }
            s => segments.push(s),
        }
    }
    Some(segments.join("/"))
}

/// `%XX` escapes decoded (a `%` that starts no escape is kept as written); `None` when the
/// decoded bytes are not UTF-8.
pub(super) fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |i: usize| char::from(*b.get(i)?).to_digit(16);
        match (b[i], hex(i + 1), hex(i + 2)) {
            (b'%', Some(hi), Some(lo)) => {
                out.push((hi * 16 + lo) as u8);
                i += 3;
            }
            (c, _, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_relative_to_the_folder_and_stays_inside_the_content_folder() {
        assert_eq!(
            join("posts/a", "img.png").as_deref(),
            Some("posts/a/img.png")
        );
        assert_eq!(
            join("posts/a", "./../b/./x.md").as_deref(),
            Some("posts/b/x.md")
        );
        assert_eq!(join("", "x.md").as_deref(), Some("x.md"));
        assert_eq!(join("posts", "../../x.md"), None);
    }

    #[test]
    fn decodes_escapes_and_keeps_a_lone_percent() {
        assert_eq!(
            percent_decode("my%20post.md").as_deref(),
            Some("my post.md")
        );
        assert_eq!(percent_decode("100%.png").as_deref(), Some("100%.png"));
        assert_eq!(percent_decode("caf%C3%A9").as_deref(), Some("café"));
        assert_eq!(percent_decode("%FF"), None);
    }
}
