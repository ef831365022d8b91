#![cfg(not(target_arch = "wasm32"))]
//! The pipeline renders every post to `bodies/<slug>.html` (and the bio into the manifest), and
//! publishes the files beside the posts with the links to them rewritten and images sized.

mod common;

use std::fs;
use std::path::Path;

use common::{png, toml_post, Fixture};
use folio_content::{build, image_size_of, Options};
use folio_core::model::{post_html_path, Manifest};
use folio_markdown::render_article;

fn gif(width: u16, height: u16) -> Vec<u8> {
    let mut b = b"GIF89a".to_vec();
    b.extend(width.to_le_bytes());
    b.extend(height.to_le_bytes());
    b.extend([0, 0, 0]);
    b
}

fn jpeg(width: u16, height: u16) -> Vec<u8> {
    // SOI, an APP0 segment to skip, a DHT marker (in the SOF range, not a frame), then SOF2.
    let mut b = vec![0xff, 0xd8, 0xff, 0xe0, 0, 16];
    b.extend(b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0");
    b.extend([0xff, 0xc4, 0, 3, 0]);
    b.extend([0xff, 0xc2, 0, 17, 8]);
    b.extend(height.to_be_bytes());
    b.extend(width.to_be_bytes());
    b.extend([3; 12]);
    b
}

fn webp(kind: &[u8; 4], payload: &[u8]) -> Vec<u8> {
    let mut b = b"RIFF\0\0\0\0WEBP".to_vec();
    b.extend(kind);
    b.extend([0, 0, 0, 0]);
    b.extend(payload);
    b.extend([0; 8]);
    b
}

#[test]
fn image_sizes_come_from_file_headers() {
    assert_eq!(image_size_of(&png(640, 480)), Some((640, 480)));
    assert_eq!(image_size_of(&gif(32, 16)), Some((32, 16)));
    assert_eq!(image_size_of(&jpeg(1200, 800)), Some((1200, 800)));
    // Lossy: frame tag, start code, 14-bit sizes.
    let vp8 = [0, 0, 0, 0x9d, 0x01, 0x2a, 0x90, 0x01, 0xc8, 0x00];
    assert_eq!(image_size_of(&webp(b"VP8 ", &vp8)), Some((400, 200)));
    // Lossless: signature, then width-1 and height-1 in 14 bits each.
    let bits: u32 = 299 | (149 << 14);
    let mut vp8l = vec![0x2f];
    vp8l.extend(bits.to_le_bytes());
    assert_eq!(image_size_of(&webp(b"VP8L", &vp8l)), Some((300, 150)));
    // Extended: flags, then 24-bit width-1 and height-1.
    let vp8x = [0, 0, 0, 0, 0x1f, 0x03, 0, 0x0f, 0x02, 0];
    assert_eq!(image_size_of(&webp(b"VP8X", &vp8x)), Some((800, 528)));
    let svg = |attrs: &str| {
        format!("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" {attrs}></svg>")
    };
    assert_eq!(
        image_size_of(svg("width=\"120px\" height='60'").as_bytes()),
        Some((120, 60))
    );
    assert_eq!(
        image_size_of(
            svg("stroke-width=\"2\" width=\"100%\" viewBox=\"0 0 300.4 150\"").as_bytes()
        ),
        Some((300, 150))
    );
    assert_eq!(image_size_of(svg("width=\"10em\"").as_bytes()), None);
    assert_eq!(image_size_of(b"not an image"), None);
    assert_eq!(image_size_of(&png(0, 10)), None);
    assert_eq!(image_size_of(&jpeg(10, 10)[..12]), None, "truncated");
}

#[test]
fn every_post_is_rendered_to_its_html_file() {
    let fx = Fixture::new();
    let body = "Intro.[^n]\n\n## One\n\n### Two\n\n## Three\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n\
                <script>alert(1)</script>\n\n[^n]: A note.\n";
    fx.write("post.md", toml_post("Post", "2020-01-01", "", body));
    fx.write(
        "short.md",
        toml_post("Short", "2020-01-02", "", "## Only\n\ntext\n"),
    );
    let report = build(&fx.options()).expect("build");
    let html = fs::read_to_string(fx.out().join("bodies/post.html")).unwrap();
    assert_eq!(html, render_article(body).html);
    assert_eq!(
        report.posts.iter().find(|p| p.slug == "post").unwrap().html,
        html
    );
    assert!(html.starts_with("<nav class=\"toc\""), "{html}");
    assert!(
        html.contains("class=\"heading-anchor\" href=\"#one\""),
        "{html}"
    );
    assert!(html.contains("<table>") && html.contains("class=\"footnote-definition\""));
    assert!(!html.contains("<script"), "{html}");
    let short = fs::read_to_string(fx.out().join("bodies/short.html")).unwrap();
    assert!(
        !short.contains("toc") && short.contains("heading-anchor"),
        "{short}"
    );
    // The Markdown is still published beside it.
    assert!(fx.out().join("posts/post.md").exists());
}

#[test]
fn the_sample_content_builds_an_html_body_for_every_post_and_the_bio() {
    let fx = Fixture::new();
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    let report = build(&Options::new(&content, fx.out())).expect("sample build");
    let manifest: Manifest =
        serde_json::from_slice(&fs::read(fx.out().join("manifest.json")).unwrap()).unwrap();
    assert!(
        manifest.site.bio_html.starts_with("<p>"),
        "{}",
        manifest.site.bio_html
    );
    assert_eq!(manifest.site.bio_html.matches("<p>").count(), 3);
    let mut with_toc = 0;
    for (summary, record) in manifest.posts.iter().zip(&report.posts) {
        let html = fs::read_to_string(fx.out().join(post_html_path(&summary.slug))).unwrap();
        assert_eq!(html, record.html, "{}", summary.slug);
        assert!(html.contains("<p>"), "{}: {html}", summary.slug);
        with_toc += usize::from(html.starts_with("<nav class=\"toc\""));
    }
    assert!(with_toc > 0, "some sample post has three headings");
    assert!(
        !fx.out().join("files").exists(),
        "the sample has no files beside its posts"
    );
}

#[test]
fn files_beside_posts_are_published_and_linked_with_their_size() {
    let fx = Fixture::new();
    fx.write("site.toml", "author = \"A\"\nbio = \"![Me](me.gif)\"\n");
    fx.write("me.gif", gif(48, 48));
    fx.write(
        "posts/bundle/index.md",
        toml_post(
            "Bundle",
            "2020-01-01",
            "",
            "![A diagram](diagram.png \"Title\")\n\n![Photo](./img/my%20photo.jpg)\n\n\
             <img src=\"raw.webp\" alt=\"Raw one\">\n\n<img src=\"diagram.png\" width=\"10\" alt=\"sized\">\n\n\
             [Slides](slides.pdf?v=1#page=2) and ![gone](missing.png) and ![abs](/diagram.png) and \
             ![far](https://example.com/diagram.png) and ![up](../../me.gif)\n",
        ),
    );
    fx.write("posts/bundle/diagram.png", png(640, 480));
    fx.write("posts/bundle/img/my photo.jpg", jpeg(300, 200));
    fx.write(
        "posts/bundle/raw.webp",
        webp(b"VP8X", &[0, 0, 0, 0, 0x1f, 0x03, 0, 0x0f, 0x02, 0]),
    );
    fx.write("posts/bundle/slides.pdf", b"%PDF-1.4");
    fx.write("posts/bundle/.hidden.png", png(1, 1));
    build(&fx.options()).expect("build");

    let mut files = fx.written();
    files.retain(|f| f.starts_with("out/files/"));
    assert_eq!(
        files,
        [
            "out/files/me.gif",
            "out/files/posts/bundle/diagram.png",
            "out/files/posts/bundle/img/my photo.jpg",
            "out/files/posts/bundle/raw.webp",
            "out/files/posts/bundle/slides.pdf",
        ],
        "every file but Markdown, hidden files and site.toml"
    );
    assert_eq!(
        fs::read(fx.out().join("files/posts/bundle/diagram.png")).unwrap(),
        png(640, 480)
    );

    let html = fs::read_to_string(fx.out().join("bodies/bundle.html")).unwrap();
    for expected in [
        "<img src=\"files/posts/bundle/diagram.png\" alt=\"A diagram\" title=\"Title\" \
         loading=\"lazy\" decoding=\"async\" width=\"640\" height=\"480\" />",
        "<img src=\"files/posts/bundle/img/my%20photo.jpg\" alt=\"Photo\" loading=\"lazy\" \
         decoding=\"async\" width=\"300\" height=\"200\" />",
        "src=\"files/posts/bundle/raw.webp\" alt=\"Raw one\"",
        "width=\"800\" height=\"528\"",
        // An author's own size is kept as given.
        "<img src=\"files/posts/bundle/diagram.png\" width=\"10\" alt=\"sized\"",
        "<a href=\"files/posts/bundle/slides.pdf?v=1#page=2\">Slides</a>",
        "src=\"missing.png\" alt=\"gone\"",
        "src=\"/diagram.png\" alt=\"abs\"",
        "src=\"https://example.com/diagram.png\" alt=\"far\"",
        "src=\"files/me.gif\" alt=\"up\"",
    ] {
        assert!(html.contains(expected), "{expected}\nin\n{html}");
    }
    assert!(!html.contains("height=\"480\" width"), "{html}");
    let sized = html
        .split("<img")
        .find(|tag| tag.contains("alt=\"sized\""))
        .unwrap();
    assert!(
        !sized[..sized.find('>').unwrap()].contains("height"),
        "{sized}"
    );

    let manifest: Manifest =
        serde_json::from_slice(&fs::read(fx.out().join("manifest.json")).unwrap()).unwrap();
    assert!(
        manifest
            .site
            .bio_html
            .contains("src=\"files/me.gif\" alt=\"Me\" loading=\"lazy\" decoding=\"async\" width=\"48\" height=\"48\""),
        "{}",
        manifest.site.bio_html
    );
}

#[test]
fn a_site_file_named_with_site_is_not_published_either() {
    let fx = Fixture::new();
    fx.write("config/settings.toml", "author = \"A\"\n");
    fx.write("config/notes.txt", "published");
    fx.write("a.md", toml_post("A", "2020-01-01", "", "Body"));
    let mut options = fx.options();
    options.site_file = Some(fx.content().join("config/settings.toml"));
    build(&options).expect("build");
    let mut files = fx.written();
    files.retain(|f| f.starts_with("out/files/"));
    assert_eq!(files, ["out/files/config/notes.txt"]);
}
