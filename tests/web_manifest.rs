#![cfg(target_arch = "wasm32")]
//! The app reads `manifest.json` from `JSON.parse`'s value with its own small reader
//! (`folio_pages::from_js`): it must read exactly what serde_json reads, and reject what is not a
//! manifest with a message naming where and what was expected.
//!
//! Run: `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web_manifest`

use folio_pages::from_js::from_value;
use folio_pages::model::Manifest;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn parse(json: &str) -> wasm_bindgen::JsValue {
    js_sys::JSON::parse(json).expect("test JSON parses")
}

const MANIFEST: &str = r#"{
  "site": {
    "author": "Ada", "tagline": "Notes", "bio": "b", "bio_html": "<p>b</p>",
    "reach_out": {"label": "Hire me", "url": "mailto:a@example.com"},
    "links": [{"label": "GitHub", "url": "https://github.com/ada"}],
    "base_url": "https://example.com/", "feed_url": "atom.xml",
    "mailing_list": {"action": "https://list.example/sub", "method": "post", "email_field": "EMAIL",
      "hidden": [{"name": "u", "value": "1"}], "label": "Email", "button": "Join", "url": ""},
    "highlights": ["one"],
    "unknown_key": 3.5
  },
  "posts": [
    {"slug": "one", "title": "One & \"two\"", "date": "2024-05-01", "updated": null,
     "summary": "", "tags": ["rust", "wasm"], "word_count": 1234, "reading_minutes": 6,
     "highlight": "Read this", "related": [1]},
    {"slug": "two", "title": "Two", "date": "2023-01-02", "updated": "2023-02-03",
     "tags": [], "word_count": 0, "reading_minutes": 1}
  ]
}"#;

#[wasm_bindgen_test]
fn reads_what_serde_json_reads() {
    let expected: Manifest = serde_json::from_str(MANIFEST).unwrap();
    let read: Manifest = from_value(parse(MANIFEST)).unwrap();
    assert_eq!(read, expected);
    assert_eq!(read.posts[0].word_count, 1234);
    assert_eq!(read.posts[0].related, [1]);
    assert!(read.posts[1].related.is_empty());
    assert_eq!(read.site.mailing_list.unwrap().hidden[0].value, "1");
}

#[wasm_bindgen_test]
fn fills_defaults_for_missing_site_fields() {
    let read: Manifest = from_value(parse(r#"{"site": {}, "posts": []}"#)).unwrap();
    assert_eq!(
        read,
        serde_json::from_str::<Manifest>(r#"{"site": {}, "posts": []}"#).unwrap()
    );
}

#[wasm_bindgen_test]
fn rejects_what_is_not_a_manifest() {
    let missing = from_value::<Manifest>(parse(r#"{"site": {}}"#)).unwrap_err();
    assert!(
        missing.to_string().contains("missing field `posts`"),
        "{missing}"
    );
    let wrong =
        from_value::<Manifest>(parse(r#"{"site": {}, "posts": [{}, {"word_count": 1.5}]}"#))
            .unwrap_err();
    assert!(
        wrong.to_string().starts_with("posts[1].word_count: ") && wrong.to_string().contains("u32"),
        "{wrong}"
    );
    let link = from_value::<Manifest>(parse(
        r#"{"site": {"links": [{"label": "x"}]}, "posts": []}"#,
    ))
    .unwrap_err();
    assert_eq!(link.to_string(), "site.links[0]: missing field `url`");
    assert!(from_value::<Manifest>(parse("[1, 2]")).is_err());
    for bad in [
        r#"{"site": {}, "posts": [{"word_count": -1}]}"#,
        r#"{"site": {}, "posts": [{"word_count": 4294967296}]}"#,
        r#"{"site": {}, "posts": [{"title": 3}]}"#,
        r#"{"site": {}, "posts": [{"tags": "rust"}]}"#,
        r#"{"site": {"author": null}, "posts": []}"#,
        r#"{"site": "x", "posts": []}"#,
    ] {
        assert!(
            serde_json::from_str::<Manifest>(bad).is_err(),
            "serde_json rejects {bad}"
        );
        assert!(from_value::<Manifest>(parse(bad)).is_err(), "{bad}");
    }
}

#[wasm_bindgen_test]
fn an_optional_field_may_be_null_or_missing() {
    for json in [
        r#"{"site": {"reach_out": null}, "posts": [{"updated": null, "highlight": null}]}"#,
        r#"{"site": {}, "posts": [{}]}"#,
    ] {
        let read: Manifest = from_value(parse(json)).unwrap();
        assert_eq!(
            read,
            serde_json::from_str::<Manifest>(json).unwrap(),
            "{json}"
        );
        assert_eq!(
            (read.site.reach_out, read.posts[0].updated.clone()),
            (None, None)
        );
    }
}
