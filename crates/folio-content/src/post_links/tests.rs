use std::path::PathBuf;

use super::*;

fn table() -> PostTable {
    let posts = [
        ("blog/other.md", "other"),
        ("blog/b.md", "b"),
        ("2024/post.md", "post"),
        ("_posts/2024-02-03-second.md", "second"),
        ("blog/bundle/index.md", "bundle"),
        ("blog/odd.md", "c++ & co"),
        ("x/same.md", "same-1"),
        ("y/same.md", "same-2"),
    ]
    .map(|(path, slug)| (PathBuf::from("/c").join(path), slug));
    let draft = PathBuf::from("/c/blog/draft.md");
    PostTable::new(
        Path::new("/c"),
        posts.iter().map(|(path, slug)| (path.as_path(), *slug)),
        [(draft.as_path(), "a draft")],
    )
}

#[test]
fn zola_links_are_from_the_content_root() {
    let t = table();
    assert_eq!(
        t.markdown_link("2024", "@/blog/other.md"),
        Some(Ok("posts/other".to_owned()))
    );
    assert_eq!(
        t.markdown_link("", "@/blog/other.md#section"),
        Some(Ok("posts/other#section".to_owned()))
    );
    assert_eq!(
        t.markdown_link("", "@/blog/bundle/index.md"),
        Some(Ok("posts/bundle".to_owned()))
    );
}

#[test]
fn relative_markdown_links_are_from_the_linking_folder() {
    let t = table();
    assert_eq!(
        t.markdown_link("blog", "b.md"),
        Some(Ok("posts/b".to_owned()))
    );
    assert_eq!(
        t.markdown_link("blog", "../2024/post.md#x"),
        Some(Ok("posts/post#x".to_owned()))
    );
    assert_eq!(
        t.markdown_link("blog", "./odd.md"),
        Some(Ok("posts/c++%20&%20co".to_owned())),
        "the slug is encoded as the app's own links encode it"
    );
}

#[test]
fn other_links_are_not_ours() {
    let t = table();
    for dest in [
        "https://x.org/a.md",
        "/blog/b.md",
        "b.html",
        "#b.md",
        "mailto:a@b.md",
    ] {
        assert_eq!(t.markdown_link("blog", dest), None, "{dest}");
    }
}

#[test]
fn unknown_and_held_back_posts_say_why() {
    let t = table();
    assert_eq!(
        t.markdown_link("blog", "draft.md"),
        Some(Err("blog/draft.md is a draft".to_owned()))
    );
    assert_eq!(
        t.markdown_link("blog", "gone.md"),
        Some(Err("no post blog/gone.md".to_owned()))
    );
    assert_eq!(
        t.markdown_link("", "../up.md"),
        Some(Err("outside the content folder".to_owned()))
    );
}

#[test]
fn jekyll_post_url_by_file_stem() {
    let t = table();
    assert_eq!(
        t.post_url("2024-02-03-second"),
        Ok("posts/second".to_owned())
    );
    assert_eq!(
        t.post_url("_posts/2024-02-03-second"),
        Ok("posts/second".to_owned())
    );
    assert_eq!(
        t.post_url("2024-02-03-third"),
        Err("no such post".to_owned())
    );
}

#[test]
fn hugo_ref_by_path_or_name() {
    let t = table();
    assert_eq!(
        t.hugo_ref("", "/blog/other.md"),
        Ok("posts/other".to_owned())
    );
    assert_eq!(t.hugo_ref("blog", "b.md"), Ok("posts/b".to_owned()));
    assert_eq!(t.hugo_ref("", "blog/b"), Ok("posts/b".to_owned()));
    assert_eq!(t.hugo_ref("", "other.md#x"), Ok("posts/other#x".to_owned()));
    assert_eq!(t.hugo_ref("2024", "bundle"), Ok("posts/bundle".to_owned()));
    assert_eq!(t.hugo_ref("", "#here"), Ok("#here".to_owned()));
    assert_eq!(
        t.hugo_ref("", "same.md"),
        Err("2 posts match: x/same.md, y/same.md".to_owned())
    );
    assert_eq!(t.hugo_ref("y", "same.md"), Ok("posts/same-2".to_owned()));
}
