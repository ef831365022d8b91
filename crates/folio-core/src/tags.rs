//! Tag pages: the name of a tag's page, and the tags that share one.
//!
//! A tag's page is `/tags/<slug>`, as in Zola and Hugo: the address needs no escaping, is the
//! same file name on every file system, and tags that differ only in case or punctuation
//! (`Rust` and `rust`, `CI/CD` and `ci-cd`) are one tag with one page. Each post keeps its own
//! spelling where it is shown; lists of tags show a shared tag under the spelling most posts use.
//!
//! Pure functions: the pipeline (sitemap, alias checks), the prerenderer and the app all call
//! these, so every link, file and lookup agree.

use crate::marks::is_combining_mark;
use crate::model::Manifest;

/// A tag and how many posts carry it, in any spelling.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TagCount {
    /// The spelling shown: the one the most posts use; on a tie, the first met (newest post
    /// first in the manifest's order).
    pub tag: String,
    /// The name of its page, `/tags/<slug>`: [`tag_slug`] of every spelling.
    pub slug: String,
    /// Posts carrying it; a post that lists it twice (in any spellings) counts once.
    pub count: usize,
}

/// The name of a tag's page:
///
/// - letters and digits of any script, lowercased (`Café` → `café`, `数据库` stays), with the
///   combining marks that belong to them (Indic viramas, decomposed accents);
/// - every run of other characters becomes one `-`, none at either end (`CI/CD` → `ci-cd`,
///   `Rust 1.3` → `rust-1-3`, `?q` → `q`);
/// - except `#` and `+` right after a letter or digit (or another such sign), which are spelled
///   out as words, so `C`, `C#` and `C++` keep three pages: `c`, `c-sharp`, `c-plus-plus`
///   (`F#` → `f-sharp`, `Notepad++` → `notepad-plus-plus`). Anywhere else they are punctuation
///   like the rest: `#rust` is `rust`;
/// - a tag with no letter or digit (`?`, `🦀`) is `_` and the hex of its UTF-8 bytes (`_3f`),
///   and a tag whose slug would be `index` is `_index`, since `tags/index.html` is the tag list.
///   No other slug holds a `_`, so these never meet a tag's words.
pub fn tag_slug(tag: &str) -> String {
    #[derive(PartialEq)]
    enum Prev {
        Gap,
        Letter,
        Sign,
    }
    let mut out = String::with_capacity(tag.len());
    let mut prev = Prev::Gap;
    // A `-` is owed before the next word.
    let mut owed = false;
    for c in tag.chars() {
        let sign = match c {
            '#' => "sharp",
            '+' => "plus",
            _ => "",
        };
        if !sign.is_empty() && prev != Prev::Gap {
            out.push('-');
            out.push_str(sign);
            prev = Prev::Sign;
            owed = true;
        } else if c.is_alphanumeric() || (is_combining_mark(c) && prev == Prev::Letter) {
            if owed && !out.is_empty() {
                out.push('-');
            }
            out.extend(c.to_lowercase());
            prev = Prev::Letter;
            owed = false;
        } else {
            prev = Prev::Gap;
            owed = true;
        }
    }
    if out.is_empty() {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        out.push('_');
        for byte in tag.bytes() {
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 15)]));
        }
    } else if out == "index" {
        out.insert(0, '_');
    }
    out
}

/// Tags merged by slug, in the order first met. `tag_lists` holds each post's tags, newest post
/// first, which decides ties between spellings.
/// (Not generic over the iterator: one copy of this in the wasm for all its callers.)
pub fn merge_tags<'a>(tag_lists: &mut dyn Iterator<Item = &'a [String]>) -> Vec<TagCount> {
    struct Group<'a> {
        slug: String,
        count: usize,
        /// Each spelling with the number of posts using it, in the order first met.
        spellings: Vec<(&'a str, usize)>,
    }
    let mut groups: Vec<Group<'a>> = Vec::new();
    // The groups the current post has been counted in.
    let mut counted: Vec<usize> = Vec::new();
    for tags in tag_lists {
        counted.clear();
        for (i, tag) in tags.iter().enumerate() {
            if tags[..i].contains(tag) {
                continue;
            }
            let slug = tag_slug(tag);
            let at = match groups.iter().position(|g| g.slug == slug) {
                Some(at) => at,
                None => {
                    groups.push(Group {
                        slug,
                        count: 0,
                        spellings: Vec::new(),
                    });
                    groups.len() - 1
                }
            };
            let group = &mut groups[at];
            if !counted.contains(&at) {
                counted.push(at);
                group.count += 1;
            }
            match group.spellings.iter_mut().find(|(s, _)| s == tag) {
                Some((_, uses)) => *uses += 1,
                None => group.spellings.push((tag, 1)),
            }
        }
    }
    groups
        .into_iter()
        .map(|group| {
            let mut shown = group.spellings[0];
            for &(spelling, uses) in &group.spellings[1..] {
                if uses > shown.1 {
                    shown = (spelling, uses);
                }
            }
            TagCount {
                tag: shown.0.to_owned(),
                slug: group.slug,
                count: group.count,
            }
        })
        .collect()
}

/// Every tag of the site, merged by slug, in the order first met (see [`merge_tags`]).
pub fn site_tags(manifest: &Manifest) -> Vec<TagCount> {
    merge_tags(&mut manifest.posts.iter().map(|p| p.tags.as_slice()))
}

/// The tag whose page `segment` names (as the router decoded it): its slug, or, for links made
/// before tag pages were named by slug, any spelling with that slug (`Rust`, `ci/cd`). `None`
/// when no post carries such a tag.
pub fn find_tag(manifest: &Manifest, segment: &str) -> Option<TagCount> {
    let tags = site_tags(manifest);
    let exact = tags.iter().position(|t| t.slug == segment);
    let at = exact.or_else(|| {
        let slug = tag_slug(segment);
        tags.iter().position(|t| t.slug == slug)
    })?;
    tags.into_iter().nth(at)
}

/// Whether a post's `tags` hold the tag whose page is `slug`, in any spelling.
pub fn has_tag(tags: &[String], slug: &str) -> bool {
    tags.iter().any(|t| tag_slug(t) == slug)
}

/// A post's tags as its article and search result show them: in its own spellings, one per
/// tag page (the first spelling when the post lists `Rust` and `rust`).
pub fn distinct_tags(tags: &[String]) -> Vec<&str> {
    let mut slugs: Vec<String> = Vec::with_capacity(tags.len());
    let mut out = Vec::with_capacity(tags.len());
    for tag in tags {
        let slug = tag_slug(tag);
        if !slugs.contains(&slug) {
            slugs.push(slug);
            out.push(tag.as_str());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PostSummary;

    fn strings(tags: &[&str]) -> Vec<String> {
        tags.iter().map(|t| (*t).to_owned()).collect()
    }

    #[test]
    fn slugs_are_lowercase_words_joined_by_single_hyphens() {
        assert_eq!(tag_slug("rust"), "rust");
        assert_eq!(tag_slug("Rust"), "rust");
        assert_eq!(tag_slug("CI/CD"), "ci-cd");
        assert_eq!(tag_slug("ci/cd"), "ci-cd");
        assert_eq!(tag_slug("  Web -- 2.0 !"), "web-2-0");
        assert_eq!(tag_slug("?q"), "q");
        assert_eq!(tag_slug("#rust"), "rust");
        assert_eq!(tag_slug("a_b"), "a-b");
        assert_eq!(tag_slug("ASP.NET"), "asp-net");
        assert_eq!(tag_slug(".NET"), "net");
    }

    #[test]
    fn letters_of_every_script_stay() {
        assert_eq!(tag_slug("Café"), "café");
        assert_eq!(tag_slug("ÉCOLE"), "école");
        assert_eq!(tag_slug("数据库"), "数据库");
        assert_eq!(tag_slug("Kubernetes 入门"), "kubernetes-入门");
        assert_eq!(tag_slug("Москва"), "москва");
        // The virama (U+094D) is no letter to `char`, but belongs to the word.
        assert_eq!(tag_slug("हिन्दी"), "हिन्दी");
        // A decomposed accent stays with its letter; a lone one is punctuation.
        assert_eq!(tag_slug("Cafe\u{301} x"), "cafe\u{301}-x");
        assert_eq!(tag_slug("\u{301}x"), "x");
    }

    #[test]
    fn sharp_and_plus_after_a_word_are_spelled_out() {
        assert_eq!(tag_slug("C"), "c");
        assert_eq!(tag_slug("C#"), "c-sharp");
        assert_eq!(tag_slug("c#"), "c-sharp");
        assert_eq!(tag_slug("C++"), "c-plus-plus");
        assert_eq!(tag_slug("F#"), "f-sharp");
        assert_eq!(tag_slug("C# 12"), "c-sharp-12");
        assert_eq!(tag_slug("C#12"), "c-sharp-12");
        assert_eq!(tag_slug("Google+"), "google-plus");
        assert_eq!(tag_slug("+1"), "1");
        assert_eq!(tag_slug("# heading"), "heading");
    }

    #[test]
    fn tags_without_words_and_index_get_a_slug_no_other_tag_has() {
        assert_eq!(tag_slug("?"), "_3f");
        assert_eq!(tag_slug("#"), "_23");
        assert_eq!(tag_slug("🦀"), "_f09fa680");
        assert_eq!(tag_slug("!?"), "_213f");
        assert_eq!(tag_slug("Index"), "_index");
        assert_eq!(tag_slug("index page"), "index-page");
        assert_eq!(tag_slug(""), "_");
    }

    #[test]
    fn slugs_are_safe_file_names_and_path_segments() {
        for tag in [
            "ci/cd", "a\\b", "C#", "?q", "x:y", "a*b", "<b>", "a|b", "..", "a\"b", "%20",
        ] {
            let slug = tag_slug(tag);
            assert!(
                slug.chars()
                    .all(|c| c.is_alphanumeric() || c == '-' || c == '_'),
                "{tag:?} -> {slug:?}"
            );
            assert!(!slug.starts_with('-') && !slug.ends_with('-'), "{slug:?}");
        }
    }

    #[test]
    fn equal_slugs_merge_under_the_most_used_spelling() {
        // Newest post first.
        let posts = [
            strings(&["rust", "CI/CD"]),
            strings(&["Rust", "ci-cd", "C#"]),
            strings(&["Rust", "rust", "C"]),
            strings(&["ci/cd", "c#", "ci/cd"]),
        ];
        let merged = merge_tags(&mut posts.iter().map(Vec::as_slice));
        let shape: Vec<_> = merged
            .iter()
            .map(|t| (t.tag.as_str(), t.slug.as_str(), t.count))
            .collect();
        assert_eq!(
            shape,
            [
                // "Rust" on 2 posts, "rust" on 2: a tie, so the first met. The post with both
                // counts once.
                ("rust", "rust", 3),
                // One post each: the first met.
                ("CI/CD", "ci-cd", 3),
                ("C#", "c-sharp", 2),
                ("C", "c", 1),
            ]
        );
    }

    #[test]
    fn the_most_used_spelling_wins_over_the_first() {
        let posts = [strings(&["rust"]), strings(&["Rust"]), strings(&["Rust"])];
        let merged = merge_tags(&mut posts.iter().map(Vec::as_slice));
        assert_eq!(
            merged,
            [TagCount {
                tag: "Rust".to_owned(),
                slug: "rust".to_owned(),
                count: 3
            }]
        );
    }

    fn manifest() -> Manifest {
        let post = |slug: &str, tags: &[&str]| PostSummary {
            slug: slug.to_owned(),
            tags: strings(tags),
            ..PostSummary::default()
        };
        Manifest {
            posts: vec![
                post("new", &["Rust", "ci/cd"]),
                post("old", &["rust", "?q"]),
            ],
            ..Manifest::default()
        }
    }

    #[test]
    fn a_page_is_found_by_slug_or_by_an_old_spelling() {
        let m = manifest();
        let found = |segment| find_tag(&m, segment).map(|t| (t.tag, t.count));
        assert_eq!(found("rust"), Some(("Rust".to_owned(), 2)));
        assert_eq!(found("RUST"), Some(("Rust".to_owned(), 2)));
        assert_eq!(found("ci-cd"), Some(("ci/cd".to_owned(), 1)));
        assert_eq!(found("ci/cd"), Some(("ci/cd".to_owned(), 1)));
        assert_eq!(found("q"), Some(("?q".to_owned(), 1)));
        assert_eq!(found("go"), None);
        let slugs: Vec<_> = m.tagged("rust").map(|p| p.slug.as_str()).collect();
        assert_eq!(slugs, ["new", "old"]);
    }

    #[test]
    fn a_post_shows_each_tag_page_once_in_its_first_spelling() {
        let tags = strings(&["Rust", "CI/CD", "rust", "ci-cd", "C#", "C"]);
        assert_eq!(distinct_tags(&tags), ["Rust", "CI/CD", "C#", "C"]);
        assert!(has_tag(&tags, "c-sharp"));
        assert!(has_tag(&tags, "rust"));
        assert!(!has_tag(&tags, "Rust"));
    }
}
