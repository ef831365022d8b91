//! Host tests for the syntax highlighter: the tokens of each language, escaping, and that no
//! input (random, unterminated, multi-byte) loses or duplicates text, panics or takes long.
#![cfg(not(target_arch = "wasm32"))]

use std::time::{Duration, Instant};

use folio_core::html_text::mark_terms;
use folio_markdown::highlight::{highlight, spans, write_html, Language};
use folio_markdown::render;

/// The (text, class) of every span, in order.
fn tokens(lang: &str, code: &str) -> Vec<(String, &'static str)> {
    spans(lang, code)
        .unwrap_or_else(|| panic!("no lexer for {lang}"))
        .into_iter()
        .map(|s| (code[s.start..s.end].to_owned(), s.class.css()))
        .collect()
}

/// Asserts that each `(text, class)` is one of the spans of `code`.
#[track_caller]
fn assert_tokens(lang: &str, code: &str, expected: &[(&str, &str)]) {
    let found = tokens(lang, code);
    for (text, class) in expected {
        assert!(
            found.iter().any(|(t, c)| t == text && c == class),
            "{lang}: no {class} span {text:?} in {found:#?}"
        );
    }
}

/// Asserts that `text` is in no span of `code` (it stays plain).
#[track_caller]
fn assert_plain(lang: &str, code: &str, text: &str) {
    let found = tokens(lang, code);
    assert!(
        !found.iter().any(|(t, _)| t.contains(text)),
        "{lang}: {text:?} should be plain: {found:#?}"
    );
}

/// The text a browser shows for `html`: tags removed, the entities we write decoded.
fn shown_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(c) = rest.chars().next() {
        if c == '<' {
            let close = rest.find('>').expect("unclosed tag");
            let tag = &rest[..=close];
            assert!(
                tag == "</span>"
                    || tag == "<mark>"
                    || tag == "</mark>"
                    || (tag.starts_with("<span class=\"hl-") && tag.ends_with("\">")),
                "unexpected tag {tag} in {html}"
            );
            rest = &rest[close + 1..];
        } else if c == '&' {
            let (entity, decoded) = [("&lt;", '<'), ("&gt;", '>'), ("&amp;", '&')]
                .into_iter()
                .find(|(e, _)| rest.starts_with(e))
                .unwrap_or_else(|| panic!("unexpected entity at {rest:.20}"));
            out.push(decoded);
            rest = &rest[entity.len()..];
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

const ALL: [&str; 13] = [
    "rust", "java", "kotlin", "go", "c", "js", "python", "sql", "json", "toml", "yaml", "sh",
    "diff",
];

// --- Languages ---------------------------------------------------------------------------------

#[test]
fn rust_tokens() {
    let code = r##"/// Docs <b>
#[derive(Debug, Clone)]
pub struct Id<'a>(&'a str);
/* outer /* nested */ still a comment */
fn main() {
    let s = r#"raw "quoted" text"#;
    let c = '\''; let n = '\u{1F600}'; let b = b"by\"tes";
    println!("{} {}", s, 1_000u64 + 0xFF + 2.5e-3);
    let v: Vec<i32> = (0..10).map(|x| x * 2).collect();
    if a != b { return; }
}"##;
    assert_tokens(
        "rust",
        code,
        &[
            ("/// Docs <b>", "hl-com"),
            ("#[derive", "hl-attr"),
            ("Debug", "hl-ty"),
            ("pub struct", "hl-kw"),
            ("Id", "hl-ty"),
            ("'a", "hl-var"),
            ("str", "hl-ty"),
            ("/* outer /* nested */ still a comment */", "hl-com"),
            ("fn", "hl-kw"),
            ("main", "hl-fn"),
            ("r#\"raw \"quoted\" text\"#", "hl-str"),
            ("'\\''", "hl-str"),
            ("'\\u{1F600}'", "hl-str"),
            ("b\"by\\\"tes\"", "hl-str"),
            ("println!", "hl-fn"),
            ("\"{} {}\"", "hl-str"),
            ("1_000u64", "hl-num"),
            ("0xFF", "hl-num"),
            ("2.5e-3", "hl-num"),
            ("0", "hl-num"),
            ("10", "hl-num"),
            ("map", "hl-fn"),
            ("i32", "hl-ty"),
        ],
    );
    // `a != b` is no macro call.
    assert!(!tokens("rust", code)
        .iter()
        .any(|(t, _)| t == "a" || t == "a!"));
}

#[test]
fn java_tokens() {
    let code = "@Override\npublic int hashCode() { // identity\n  String s = \"a\\\"b\"; char c = '\\n';\n  String t = \"\"\"\n    text \"block\"\n    \"\"\";\n  return 31 * 17L + 0.5f;\n}";
    assert_tokens(
        "java",
        code,
        &[
            ("@Override", "hl-attr"),
            ("public", "hl-kw"),
            ("int", "hl-ty"),
            ("hashCode", "hl-fn"),
            ("// identity", "hl-com"),
            ("String", "hl-ty"),
            ("\"a\\\"b\"", "hl-str"),
            ("'\\n'", "hl-str"),
            ("\"\"\"\n    text \"block\"\n    \"\"\"", "hl-str"),
            ("return", "hl-kw"),
            ("31", "hl-num"),
            ("17L", "hl-num"),
            ("0.5f", "hl-num"),
        ],
    );
}

#[test]
fn go_tokens() {
    let code = "package main\n\nfunc (s *Server) Handle(w http.ResponseWriter) error {\n\tmsg := `raw \\n \"x\"`\n\tr := 'x'\n\tif s == nil { return fmt.Errorf(\"nil: %d\", 42) }\n}";
    assert_tokens(
        "go",
        code,
        &[
            ("package", "hl-kw"),
            ("func", "hl-kw"),
            ("Handle", "hl-fn"),
            ("error", "hl-ty"),
            ("`raw \\n \"x\"`", "hl-str"),
            ("'x'", "hl-str"),
            ("nil", "hl-num"),
            ("Errorf", "hl-fn"),
            ("\"nil: %d\"", "hl-str"),
            ("42", "hl-num"),
        ],
    );
    // After `func (`, the receiver is no function name.
    assert_plain("golang", code, "s *Server");
}

#[test]
fn python_tokens() {
    let code = "@app.route(\"/x\")\ndef handler(req) -> dict:\n    \"\"\"Doc 'string'\n    more\"\"\"\n    s = f\"v {x!r}\" + rb'\\d+' + 'it\\'s'\n    if x is None and y == 3.14: return {\"k\": True}  # note\nclass Foo(Base):\n    '''unterminated";
    assert_tokens(
        "py",
        code,
        &[
            ("@app.route", "hl-attr"),
            ("def", "hl-kw"),
            ("handler", "hl-fn"),
            ("dict", "hl-ty"),
            ("\"\"\"Doc 'string'\n    more\"\"\"", "hl-str"),
            ("f\"v {x!r}\"", "hl-str"),
            ("rb'\\d+'", "hl-str"),
            ("'it\\'s'", "hl-str"),
            ("is", "hl-kw"),
            ("None", "hl-num"),
            ("3.14", "hl-num"),
            ("True", "hl-num"),
            ("# note", "hl-com"),
            ("Foo", "hl-ty"),
            ("'''unterminated", "hl-str"),
        ],
    );
}

#[test]
fn yaml_keys_and_values() {
    let code = "--- # doc\nkey: value with spaces # comment\n\"quoted key\": 'it''s'\nlist: [a, \"b\", 3, {x: 1}]\nbase: &base\n  n: -1.5e3\n  t: ~\n  on: true\n  tag: !!str 123\n  url: http://example.com:8080/x\n- item\n- script: |\n    echo key: not a key\n    more\n  after: 10m\n";
    assert_tokens(
        "yml",
        code,
        &[
            ("---", "hl-punct"),
            ("# doc", "hl-com"),
            ("key", "hl-key"),
            ("value with spaces", "hl-str"),
            ("# comment", "hl-com"),
            ("\"quoted key\"", "hl-key"),
            ("'it''s'", "hl-str"),
            ("a", "hl-str"),
            ("3", "hl-num"),
            ("x", "hl-key"),
            ("&base", "hl-attr"),
            ("-1.5e3", "hl-num"),
            ("~", "hl-num"),
            ("true", "hl-num"),
            ("!!str", "hl-attr"),
            ("http://example.com:8080/x", "hl-str"),
            ("item", "hl-str"),
            ("script", "hl-key"),
            ("echo key: not a key\n    more", "hl-str"),
            ("after", "hl-key"),
            ("10m", "hl-str"),
        ],
    );
}

#[test]
fn json_keys_strings_numbers() {
    let code = "{\"a\": 1, \"b\" : [true, null, -2.5e3], \"c\": \"x\\\"y: z\"}";
    assert_tokens(
        "json",
        code,
        &[
            ("\"a\"", "hl-key"),
            ("\"b\"", "hl-key"),
            ("1", "hl-num"),
            ("true", "hl-num"),
            ("null", "hl-num"),
            ("2.5e3", "hl-num"),
            ("\"x\\\"y: z\"", "hl-str"),
        ],
    );
}

#[test]
fn shell_scripts_and_sessions() {
    let script = "#!/bin/sh\nexport PATH=\"$HOME/bin:$PATH\"\nNAME=x echo \"hi ${NAME:-you} $1\" 'no $var' # greet\nfor f in *.md; do wc -l \"$f\"; done\ncat <<EOF > out\nbody $x\nEOF\nls\n";
    assert_tokens(
        "bash",
        script,
        &[
            ("#!/bin/sh", "hl-com"),
            ("export", "hl-kw"),
            ("PATH", "hl-var"),
            ("$HOME", "hl-var"),
            ("/bin:", "hl-str"),
            ("NAME", "hl-var"),
            ("echo", "hl-fn"),
            ("${NAME:-you}", "hl-var"),
            ("$1", "hl-var"),
            ("# greet", "hl-com"),
            ("for", "hl-kw"),
            ("in", "hl-kw"),
            ("wc", "hl-fn"),
            ("done", "hl-kw"),
            ("EOF", "hl-str"),
            ("body $x\nEOF", "hl-str"),
            ("ls", "hl-fn"),
        ],
    );
    // Single quotes keep `$` literal.
    let found = tokens("bash", script);
    assert!(
        !found.contains(&("$var".to_owned(), "hl-var")),
        "{found:#?}"
    );
    assert!(found
        .iter()
        .any(|(t, c)| t.ends_with("'no $var'") && *c == "hl-str"));
    let session = "$ cargo build --release\n   Compiling folio v0.1.0\nerror: could not compile `x`\n$ echo \"done\" \\\n    | grep d\ndone\n";
    assert_tokens(
        "console",
        session,
        &[
            ("$", "hl-punct"),
            ("cargo", "hl-fn"),
            ("\"done\"", "hl-str"),
            ("grep", "hl-fn"),
        ],
    );
    assert_plain("console", session, "Compiling");
    assert_plain("console", session, "error");
}

#[test]
fn sql_keywords_ignore_case() {
    let code = "SELECT u.id, count(*) AS n FROM users u -- who\nwhere name = 'O''Brien' and \"select\" IS NOT NULL\n/* block */ limit 10;\nCREATE TABLE t (id integer PRIMARY KEY, v VARCHAR(20));";
    assert_tokens(
        "sql",
        code,
        &[
            ("SELECT", "hl-kw"),
            ("count", "hl-fn"),
            ("AS", "hl-kw"),
            ("FROM", "hl-kw"),
            ("-- who", "hl-com"),
            ("'O''Brien'", "hl-str"),
            ("NULL", "hl-num"),
            ("10", "hl-num"),
            ("integer", "hl-ty"),
            ("VARCHAR", "hl-ty"),
        ],
    );
}

#[test]
fn sql_comment_then_keyword() {
    // A comment ends at its line; the keyword on the next line is a keyword.
    let found = tokens("sql", "-- who\nwhere x = 1");
    assert_eq!(found[0], ("-- who".to_owned(), "hl-com"));
    assert_eq!(found[1], ("where".to_owned(), "hl-kw"));
    assert_plain("sql", "select \"from\" from t", "\"from\"");
}

#[test]
fn extras_toml_js_c_kotlin_diff() {
    assert_tokens(
        "toml",
        "[package]\nname = \"folio\" # n\nedition = 2021\nwhen = 1979-05-27T07:32:00Z\n[dependencies]\nserde = { version = \"1\", default-features = false }\n",
        &[
            ("[package]", "hl-ty"),
            ("name", "hl-key"),
            ("\"folio\"", "hl-str"),
            ("# n", "hl-com"),
            ("2021", "hl-num"),
            ("1979-05-27T07:32:00Z", "hl-num"),
            ("default-features", "hl-key"),
            ("false", "hl-num"),
        ],
    );
    assert_tokens(
        "ts",
        "const $el = await fetch(`/x/${id}`); function go(): number { return 0 }",
        &[
            ("const", "hl-kw"),
            ("await", "hl-kw"),
            ("fetch", "hl-fn"),
            ("`/x/${id}`", "hl-str"),
            ("go", "hl-fn"),
            ("number", "hl-ty"),
        ],
    );
    assert_tokens(
        "c++",
        "#include <stdio.h>\nint main(void) { auto s = R\"x(a \"quoted\" )\" b)x\"; return 0; }",
        &[
            ("#include", "hl-attr"),
            ("<stdio.h>", "hl-str"),
            ("int", "hl-ty"),
            ("R\"x(a \"quoted\" )\" b)x\"", "hl-str"),
        ],
    );
    assert_tokens(
        "kotlin",
        "data class P(val x: Int)\nfun `a test`() = println(\"\"\"raw\"\"\")",
        &[
            ("data class", "hl-kw"),
            ("P", "hl-ty"),
            ("\"\"\"raw\"\"\"", "hl-str"),
        ],
    );
    assert_plain("kotlin", "fun `a test`() {}", "test");
    assert_tokens(
        "diff",
        "diff --git a/x b/x\n@@ -1 +1 @@\n-old\n+new\n same\n",
        &[
            ("diff --git a/x b/x\n@@ -1 +1 @@", "hl-meta"),
            ("-old", "hl-del"),
            ("+new", "hl-ins"),
        ],
    );
}

#[test]
fn language_names_and_aliases() {
    for (name, language) in [
        ("rs", Language::Rust),
        ("Rust", Language::Rust),
        ("golang", Language::Go),
        ("py", Language::Python),
        ("yml", Language::Yaml),
        ("shell", Language::Shell),
        ("console", Language::Shell),
        ("sh", Language::Shell),
        ("JSON", Language::Json),
        ("typescript", Language::JavaScript),
    ] {
        assert_eq!(Language::from_name(name), Some(language), "{name}");
    }
    for unknown in [
        "",
        "text",
        "plain",
        "brainfuck",
        "rust-but-longer-than-sixteen",
    ] {
        assert_eq!(highlight(unknown, "fn x() {}"), None, "{unknown}");
    }
}

// --- HTML --------------------------------------------------------------------------------------

#[test]
fn code_is_escaped_and_only_our_spans_are_markup() {
    let html = highlight("rust", "if a < b && c > \"<script>\" { x = '&'; }").unwrap();
    assert_eq!(
        html,
        "<span class=\"hl-kw\">if</span> a &lt; b &amp;&amp; c &gt; \
         <span class=\"hl-str\">\"&lt;script&gt;\"</span> { x = <span class=\"hl-str\">'&amp;'</span>; }"
    );
    let html = highlight("yaml", "k: <img src=x onerror=alert(1)> & \"q\"").unwrap();
    assert!(!html.contains("<img"), "{html}");
    assert_eq!(shown_text(&html), "k: <img src=x onerror=alert(1)> & \"q\"");
}

#[test]
fn out_of_order_spans_are_written_plain_never_twice() {
    let code = "é let x";
    let mut spans = spans("rust", code).unwrap();
    assert_eq!(spans.len(), 1, "{spans:?}"); // `let`
    let mut bad = spans[0];
    bad.start = 1; // inside `é`
    spans.push(bad);
    let mut overlapping = spans[0];
    overlapping.end += 2;
    spans.push(overlapping);
    let mut html = String::new();
    write_html(&mut html, code, &spans);
    assert_eq!(html, "é <span class=\"hl-kw\">let</span> x");
}

// --- Robustness --------------------------------------------------------------------------------

/// Fragments that open, close and escape things in some language.
const FRAGMENTS: &[&str] = &[
    "\"", "'", "`", "\\", "\\\"", "r#\"", "\"#", "r##\"", "/*", "*/", "//", "#", "--", "'''",
    "\"\"\"", "$", "${", "}", "$(", ")", "<<EOF", "<<-'X'", "EOF", "\nEOF\n", "\n", "\r\n", "\t",
    " ", ": ", "- ", "|", ">-", "[", "]", "{", "}", "&", "<", ">", "@", "#[", "#!", "!", "=", "0x",
    "1.5e", "9", ".", "..", "é", "🦀", "日本", "\u{301}", "fn", "SELECT", "if", "then", "key",
    "$ ", "R\"x(", ")x\"", "b'", "f\"", "+", "@@", "\0", "'\\", "'a", "'\\u{",
];

/// A small deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[track_caller]
fn assert_lossless(lang: &str, code: &str) {
    let spans = spans(lang, code).unwrap();
    let mut last = 0;
    for s in &spans {
        assert!(
            last <= s.start && s.start < s.end && s.end <= code.len(),
            "{lang}: bad span {s:?} in {code:?}"
        );
        assert!(code.is_char_boundary(s.start) && code.is_char_boundary(s.end));
        last = s.end;
    }
    let html = highlight(lang, code).unwrap();
    assert_eq!(shown_text(&html), code, "{lang}: text changed for {code:?}");
}

#[test]
fn random_input_is_shown_exactly_and_never_panics() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..400 {
        let pieces = 1 + rng.below(60);
        let code: String = (0..pieces)
            .map(|_| FRAGMENTS[rng.below(FRAGMENTS.len())])
            .collect();
        for lang in ALL {
            assert_lossless(lang, &code);
        }
        // Random bytes too, made valid UTF-8 the lossy way.
        let bytes: Vec<u8> = (0..rng.below(200)).map(|_| rng.next() as u8).collect();
        let code = String::from_utf8_lossy(&bytes);
        for lang in ALL {
            assert_lossless(lang, &code);
        }
    }
}

#[test]
fn unterminated_constructs_run_to_their_natural_end() {
    for (lang, code, expected) in [
        ("rust", "let s = \"open\nstill", "\"open\nstill"),
        ("rust", "r##\"raw \"# no", "r##\"raw \"# no"),
        ("java", "String s = \"open\nint x;", "\"open"),
        ("python", "'''open\nx", "'''open\nx"),
        ("sh", "echo 'open\nls", "'open\nls"),
        ("sql", "select 'open\nfrom", "'open\nfrom"),
    ] {
        assert_tokens(lang, code, &[(expected, "hl-str")]);
    }
    assert_tokens(
        "rust",
        "/* open /* nested */ still",
        &[("/* open /* nested */ still", "hl-com")],
    );
}

#[test]
fn pathological_input_takes_linear_time() {
    // Each would be quadratic with a naive rescan (a stray quote looking for its end up to
    // the end of the text, again for the next quote): 200 kB then takes minutes. Linear, it
    // takes some 0.2 s in a debug build; the bound leaves room for a busy machine. Each input
    // goes to the lexers it could trip.
    let cases = [
        ("'\\".repeat(100_000), &["rust", "c"][..]),
        ("r#\"".repeat(66_000), &["rust"]),
        ("\"\\".repeat(100_000), &["python", "yaml", "json"]),
        ("/*".repeat(100_000), &["rust", "sql"]),
        ("$ ${\n".repeat(40_000), &["sh"]),
        ("<<EOF \"\n".repeat(25_000), &["sh"]),
        ("- a: [\"".repeat(28_000), &["yaml"]),
        ("#[".repeat(100_000), &["rust"]),
        ("R\"".repeat(100_000), &["c"]),
        ("@'".repeat(100_000), &["python", "java"]),
    ];
    for (code, langs) in &cases {
        for lang in *langs {
            let start = Instant::now();
            let html = highlight(lang, code).unwrap();
            let took = start.elapsed();
            assert!(html.len() >= code.len());
            assert!(
                took < Duration::from_secs(5),
                "{lang} took {took:?} on {:.20}…",
                code
            );
        }
    }
}

// --- Markdown ----------------------------------------------------------------------------------

#[test]
fn markdown_code_blocks_are_highlighted_by_language() {
    let html = render("```rust,ignore\nfn main() { let s = \"<b>\"; }\n```\n").html;
    assert!(
        html.starts_with("<pre tabindex=\"0\"><code class=\"language-rust\">"),
        "{html}"
    );
    assert!(html.contains("<span class=\"hl-kw\">fn</span>"), "{html}");
    assert!(
        html.contains("<span class=\"hl-str\">\"&lt;b&gt;\"</span>"),
        "{html}"
    );
    assert!(html.ends_with("</code></pre>\n"), "{html}");

    let plain = render("```text\nfn main() {}\n```\n").html;
    assert_eq!(
        plain,
        "<pre tabindex=\"0\"><code class=\"language-text\">fn main() {}\n</code></pre>\n"
    );
    let indented = render("    fn main() {}\n").html;
    assert_eq!(
        indented,
        "<pre tabindex=\"0\"><code>fn main() {}\n</code></pre>\n"
    );
    let bare = render("```\nfn <x>\n```\n").html;
    assert_eq!(
        bare,
        "<pre tabindex=\"0\"><code>fn &lt;x&gt;\n</code></pre>\n"
    );
}

#[test]
fn search_marks_go_inside_highlighted_code() {
    // The app marks a search's words in the built HTML; in code they land inside the spans.
    let html = render("```rust\nlet cache = \"cached\";\n```\n").html;
    let marked = mark_terms(&html, &["cach".to_owned()]);
    assert!(
        marked.contains("<span class=\"hl-kw\">let</span> <mark>cache</mark>"),
        "{marked}"
    );
    assert!(
        marked.contains("<span class=\"hl-str\">\"<mark>cached</mark>\"</span>"),
        "{marked}"
    );
}

#[test]
fn markdown_code_text_cannot_inject_html() {
    let html = render("```yaml\nk: </code></pre><script>alert(1)</script>\n```\n").html;
    assert!(!html.contains("<script>"), "{html}");
    assert_eq!(html.matches("</pre>").count(), 1, "{html}");
    let html = render("```\"><script>x</script>\nx\n```\n").html;
    assert!(!html.contains("<script>"), "{html}");
}
