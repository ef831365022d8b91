//! Slugs: where a post lives (`posts/<slug>.md`, `/posts/<slug>` in the app).

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::date::split_dated_name;

/// The name a post gets from its file when the front matter sets no `slug`: the file stem, or
/// the folder name for a bundle's `index.md`, with case kept. A Jekyll date prefix
/// (`2020-03-12-name`) is cut off whenever present, as Jekyll does, so a post's slug does not
/// change with whether its front matter also has a `date`. Returns the name and that date
/// prefix, if any.
pub fn from_path(relative: &Path) -> (String, Option<String>) {
    let stem = relative
        .file_stem()
        .map(|s| s.to_string_lossy())
        .unwrap_or_default();
    let name = if stem == "index" {
        relative
            .parent()
            .and_then(Path::file_name)
            .map(|s| s.to_string_lossy())
            .unwrap_or(stem)
    } else {
        stem
    };
    match split_dated_name(&name) {
        Some((date, rest)) => (rest.to_owned(), Some(date.to_owned())),
        None => (name.into_owned(), None),
    }
}

/// A slug must be usable as a single file name on every platform the site is built on.
pub fn is_valid(slug: &str) -> bool {
    !slug.is_empty()
        && !slug.starts_with('.')
        && !slug.contains(['/', '\\', '\0'])
        && !slug.chars().any(char::is_control)
}

/// What a post asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request<'a> {
    /// From the front matter: never renamed; two equal ones are an error.
    pub explicit: Option<&'a str>,
    /// From the file name: renamed `-2`, `-3`, ... when taken.
    pub derived: &'a str,
}

/// Two posts set the same slug in their front matter (indices into the requests).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Duplicate {
    pub first: usize,
    pub second: usize,
}

/// Gives every post a unique slug. `requests` must be in path order. Explicit slugs are
/// reserved first, so a post that names its slug always gets it; then, in path order, each
/// derived slug is taken as is or with the first free `-N` suffix (N from 2), so the first path
/// keeps the plain name. Linear: each base name remembers the last suffix it handed out.
pub fn assign(requests: &[Request<'_>]) -> Result<Vec<String>, Duplicate> {
    let mut explicit_owner: HashMap<&str, usize> = HashMap::new();
    for (index, request) in requests.iter().enumerate() {
        if let Some(slug) = request.explicit {
            if let Some(&first) = explicit_owner.get(slug) {
                return Err(Duplicate {
                    first,
                    second: index,
                });
            }
            explicit_owner.insert(slug, index);
        }
    }
    let mut taken: HashSet<String> = explicit_owner.keys().map(|s| (*s).to_owned()).collect();
    let mut next_suffix: HashMap<&str, u32> = HashMap::new();
    let mut slugs = Vec::with_capacity(requests.len());
    for request in requests {
        let slug = match request.explicit {
            Some(slug) => slug.to_owned(),
            None if taken.insert(request.derived.to_owned()) => request.derived.to_owned(),
            None => {
                let suffix = next_suffix.entry(request.derived).or_insert(1);
                loop {
                    *suffix += 1;
                    let candidate = format!("{}-{suffix}", request.derived);
                    if taken.insert(candidate.clone()) {
                        break candidate;
                    }
                }
            }
        };
        slugs.push(slug);
    }
    Ok(slugs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn derived(name: &str) -> Request<'_> {
        Request {
            explicit: None,
            derived: name,
        }
    }

    #[test]
    fn names_from_paths() {
        assert_eq!(
            from_path(Path::new("a/My-Post.md")),
            ("My-Post".into(), None)
        );
        assert_eq!(
            from_path(Path::new("a/bundle/index.md")),
            ("bundle".into(), None)
        );
        assert_eq!(from_path(Path::new("index.md")), ("index".into(), None));
        assert_eq!(
            from_path(Path::new("_posts/2020-03-12-hello.md")),
            ("hello".into(), Some("2020-03-12".into()))
        );
        assert_eq!(
            from_path(Path::new("2020-03-12-trip/index.md")),
            ("trip".into(), Some("2020-03-12".into()))
        );
    }

    #[test]
    fn collisions_get_numbered_in_order() {
        let slugs = assign(&[derived("a"), derived("a"), derived("b"), derived("a")]).unwrap();
        assert_eq!(slugs, ["a", "a-2", "b", "a-3"]);
    }

    #[test]
    fn explicit_slugs_win_and_suffixes_skip_taken_names() {
        let requests = [
            derived("a"),
            Request {
                explicit: Some("a"),
                derived: "z",
            },
            derived("a-2"),
            derived("a"),
        ];
        assert_eq!(assign(&requests).unwrap(), ["a-2", "a", "a-2-2", "a-3"]);
    }

    #[test]
    fn equal_explicit_slugs_are_an_error() {
        let explicit = |s| Request {
            explicit: Some(s),
            derived: "x",
        };
        assert_eq!(
            assign(&[derived("x"), explicit("s"), explicit("t"), explicit("s")]),
            Err(Duplicate {
                first: 1,
                second: 3
            })
        );
    }

    #[test]
    fn validity() {
        assert!(is_valid("Rust-1.42"));
        assert!(is_valid("ünïcode"));
        for bad in ["", ".", "..", ".hidden", "a/b", "a\\b", "a\nb"] {
            assert!(!is_valid(bad), "{bad:?}");
        }
    }
}
