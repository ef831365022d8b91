//! The app reads `manifest.json` with its own small reader (`folio_core::manifest_read`, no
//! serde in the wasm): it must read exactly what serde_json reads, and reject what is not a
//! manifest with a message naming where and what was expected.

use folio_core::manifest_read::json::{self, Value};
use folio_core::manifest_read::read;
use folio_core::model::{Manifest, PostSummary};

const MANIFEST: &str = r#"{
  "site": {
    "author": "Ada", "tagline": "Notes", "bio": "b", "bio_html": "<p>b</p>",
    "reach_out": {"label": "Hire me", "url": "mailto:a@example.com"},
    "links": [{"label": "GitHub", "url": "https://github.com/ada"}],
    "base_url": "https://example.com/", "feed_url": "atom.xml",
    "mailing_list": {"action": "https://list.example/sub", "method": "post", "email_field": "EMAIL",
      "hidden": [{"name": "u", "value": "1"}], "label": "Email", "button": "Join", "url": ""},
    "highlights": ["one"],
    "unknown_key": 3.5, "unknown_tree": {"a": [true, false, null, -1.5e-3, {}]}
  },
  "posts": [
    {"slug": "one", "title": "One & \"two\" \u00e9\ud83e\udd80 \/ \\ \n\t", "date": "2024-05-01", "updated": null,
     "summary": "", "tags": ["rust", "wasm"], "word_count": 1234, "reading_minutes": 6,
     "highlight": "Read this", "related": [1]},
    {"slug": "two", "title": "Two 猫", "date": "2023-01-02", "updated": "2023-02-03",
     "tags": [], "word_count": 0, "reading_minutes": 1}
  ]
}"#;

#[test]
fn reads_what_serde_json_reads() {
    let expected: Manifest = serde_json::from_str(MANIFEST).unwrap();
    let read = read(MANIFEST).unwrap();
    assert_eq!(read, expected);
    assert_eq!(read.posts[0].title, "One & \"two\" é🦀 / \\ \n\t");
    assert_eq!(read.posts[0].word_count, 1234);
    assert_eq!(read.posts[0].related, [1]);
    assert!(read.posts[1].related.is_empty());
    assert_eq!(read.site.mailing_list.unwrap().hidden[0].value, "1");
}

#[test]
fn reads_back_what_the_pipeline_writes() {
    // serde_json's own output (what the pipeline writes), with every kind of character a title
    // may hold, compact and pretty.
    let mut manifest: Manifest = serde_json::from_str(MANIFEST).unwrap();
    manifest.posts = (0..300u32)
        .map(|i| PostSummary {
            slug: format!("post-{i}"),
            title: format!("Title {i} \u{1}\u{1f}\"\\/<>&é猫🦀\u{2028}"),
            date: "2024-01-02".into(),
            updated: (i % 2 == 0).then(|| "2024-03-04".into()),
            summary: "x".repeat(i as usize),
            tags: vec!["a".into(); (i % 4) as usize],
            word_count: i * 1000,
            reading_minutes: i,
            highlight: (i % 3 == 0).then(|| format!("blurb {i}")),
            related: vec![i, u32::MAX],
        })
        .collect();
    for text in [
        serde_json::to_string(&manifest).unwrap(),
        serde_json::to_string_pretty(&manifest).unwrap(),
    ] {
        assert_eq!(read(&text).unwrap(), manifest);
    }
}

#[test]
fn fills_defaults_for_missing_site_fields() {
    let json = r#"{"site": {}, "posts": []}"#;
    assert_eq!(
        read(json).unwrap(),
        serde_json::from_str::<Manifest>(json).unwrap()
    );
}

#[test]
fn an_optional_field_may_be_null_or_missing() {
    for json in [
        r#"{"site": {"reach_out": null}, "posts": [{"updated": null, "highlight": null}]}"#,
        r#"{"site": {}, "posts": [{}]}"#,
    ] {
        let read = read(json).unwrap();
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

#[test]
fn rejects_what_is_not_a_manifest_saying_where() {
    let missing = read(r#"{"site": {}}"#).unwrap_err();
    assert_eq!(missing.to_string(), "missing field `posts`");
    let wrong = read(r#"{"site": {}, "posts": [{}, {"word_count": 1.5}]}"#).unwrap_err();
    assert_eq!(
        wrong.to_string(),
        "posts[1].word_count: expected a whole number from 0 to 4294967295 (u32)"
    );
    let link = read(r#"{"site": {"links": [{"label": "x"}]}, "posts": []}"#).unwrap_err();
    assert_eq!(link.to_string(), "site.links[0]: missing field `url`");
    for bad in [
        "[1, 2]",
        r#"{"site": {}, "posts": [{"word_count": -1}]}"#,
        r#"{"site": {}, "posts": [{"word_count": 4294967296}]}"#,
        r#"{"site": {}, "posts": [{"word_count": 1e3}]}"#,
        r#"{"site": {}, "posts": [{"title": 3}]}"#,
        r#"{"site": {}, "posts": [{"tags": "rust"}]}"#,
        r#"{"site": {}, "posts": [{"related": [1, "2"]}]}"#,
        r#"{"site": {"author": null}, "posts": []}"#,
        r#"{"site": "x", "posts": []}"#,
        r#"{"site": {"mailing_list": {"hidden": [{"name": "u"}]}}, "posts": []}"#,
    ] {
        assert!(
            serde_json::from_str::<Manifest>(bad).is_err(),
            "serde_json rejects {bad}"
        );
        assert!(read(bad).is_err(), "{bad}");
    }
}

#[test]
fn text_that_is_not_json_is_refused_with_its_line_and_column() {
    let err = read("{\"site\": {},\n  \"posts\": [1,]\n}").unwrap_err();
    assert_eq!(
        err.to_string(),
        "not JSON (line 2, column 15: expected a value)"
    );
    // What RFC 8259 forbids, serde_json refuses too.
    for bad in [
        "",
        "{",
        r#"{"a": 1,}"#,
        r#"{"a" 1}"#,
        r#"{a: 1}"#,
        "[01]",
        "[1.]",
        "[.5]",
        "[1e]",
        "[+1]",
        "[tru]",
        "[nul]",
        "[\"tab\there\"]",
        r#"["\x"]"#,
        r#"["\u12"]"#,
        r#"["\ud83e"]"#,
        r#"["\udd80"]"#,
        r#"["unterminated]"#,
        "[1] 2",
        "'single'",
    ] {
        assert!(
            serde_json::from_str::<serde_json::Value>(bad).is_err(),
            "serde_json refuses {bad:?}"
        );
        assert!(json::parse(bad).is_err(), "{bad:?}");
    }
}

#[test]
fn parses_every_kind_of_value() {
    let value =
        json::parse(r#" [null, true, false, 0, -12.5e+3, "a\"b", [], {"k": {}}] "#).unwrap();
    let Value::Array(items) = value else {
        panic!("an array");
    };
    assert_eq!(items[0], Value::Null);
    assert_eq!(items[1], Value::Bool(true));
    assert_eq!(items[2], Value::Bool(false));
    assert_eq!(items[3], Value::Number("0"));
    assert_eq!(items[4], Value::Number("-12.5e+3"));
    assert_eq!(items[5], Value::String("a\"b".into()));
    assert_eq!(items[6], Value::Array(vec![]));
    assert_eq!(
        items[7],
        Value::Object(vec![("k".into(), Value::Object(vec![]))])
    );
    // Nesting has a bound (the parser's stack): deeper is refused, not a crash.
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(json::parse(&deep).is_err());
    let fine = format!("{}{}", "[".repeat(100), "]".repeat(100));
    assert!(json::parse(&fine).is_ok());
}
