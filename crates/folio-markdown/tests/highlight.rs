//! Host tests for syntax highlighting: which languages are highlighted and under which names,
//! what reaches the HTML (escaped text, flat spans with our classes, nothing else), shell
//! sessions, and that no input loses or duplicates text.
#![cfg(not(target_arch = "wasm32"))]

use folio_core::html_text::mark_terms;
use folio_markdown::highlight::{highlight, is_known, language_names, spans, write_html, Class};
use folio_markdown::html::finish::CODE_BLOCK_OPEN;
use folio_markdown::render;

/// The (text, class) of every span, in order.
fn tokens(lang: &str, code: &str) -> Vec<(String, &'static str)> {
    spans(lang, code)
        .unwrap_or_else(|| panic!("no grammar for {lang}"))
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

/// Asserts that no span of `code` holds `text` (it stays plain).
#[track_caller]
fn assert_plain(lang: &str, code: &str, text: &str) {
    let found = tokens(lang, code);
    assert!(
        !found.iter().any(|(t, _)| t.contains(text)),
        "{lang}: {text:?} should be plain: {found:#?}"
    );
}

/// The text a browser shows for `html`: tags removed, the entities we write decoded. Panics
/// on any markup but our spans (and search marks).
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
                    || Class::ALL
                        .iter()
                        .any(|class| tag == format!("<span class=\"{}\">", class.css())),
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

// --- Languages ---------------------------------------------------------------------------------

/// One block per language, by the name a post would use, and a token it must get: the
/// languages Folio highlighted before and those issue 12 names.
#[rustfmt::skip]
const BLOCKS: &[(&str, &str, (&str, &str))] = &[
    ("rust", "fn main() { let s = \"hi\"; }", ("fn", "hl-kw")),
    ("java", "public class A { int n = 42; }", ("42", "hl-num")),
    ("kotlin", "fun greet(): String = \"hi\"", ("greet", "hl-fn")),
    ("go", "func main() { fmt.Println(\"x\") }", ("\"x\"", "hl-str")),
    ("c", "int main(void) { return 0; } /* c */", ("/* c */", "hl-com")),
    ("cpp", "template <typename T> class Box {};", ("Box", "hl-ty")),
    ("js", "const add = (a, b) => a + b;", ("const", "hl-kw")),
    ("ts", "interface User { name: string }", ("string", "hl-ty")),
    ("python", "def greet(u):\n    return None\n", ("None", "hl-num")),
    ("sql", "SELECT name FROM users; -- all", ("-- all", "hl-com")),
    ("json", "{\"name\": \"folio\", \"n\": 2}", ("\"name\"", "hl-key")),
    ("toml", "[package]\nname = \"folio\"\n", ("name", "hl-key")),
    ("yaml", "title: Folio\ncount: 3\n", ("title", "hl-key")),
    ("bash", "for f in *.md; do wc -l \"$f\"; done", ("wc", "hl-fn")),
    ("diff", "@@ -1 +1 @@\n-old\n+new\n", ("+new", "hl-ins")),
    ("html", "<p class=\"x\">Hi</p>", ("class", "hl-attr")),
    ("css", ".intro { color: red; } /* c */", ("color", "hl-key")),
    ("xml", "<feed xmlns=\"x\"><title>T</title></feed>", ("title", "hl-key")),
    ("haskell", "main :: IO ()\n-- | entry\n", ("-- | entry", "hl-com")),
    ("ruby", "class Greeter\n  def greet = 1\nend\n", ("greet", "hl-fn")),
    ("cs", "public static void Main() { var n = 42; }", ("static", "hl-kw")),
    ("php", "<?php function f(string $name) {}", ("$name", "hl-var")),
    ("swift", "struct User { let name: String }", ("String", "hl-ty")),
    ("scala", "case class User(name: String)", ("User", "hl-ty")),
    ("dockerfile", "FROM rust:1.80\nRUN cargo build\n", ("FROM", "hl-kw")),
    ("makefile", "all: main.o\n\t$(CC) -o app\n", ("CC", "hl-var")),
    ("lua", "local function add(a, b) return a + b end", ("add", "hl-fn")),
    ("hcl", "resource \"aws_s3_bucket\" \"site\" {}", ("resource", "hl-kw")),
    ("powershell", "$files = Get-ChildItem -Path .", ("Get-ChildItem", "hl-fn")),
    ("asm", "_start: mov rax, 60 ; exit", ("; exit", "hl-com")),
    ("liquid", "{% for post in site.posts %}{{ post.title | escape }}{% endfor %}", ("escape", "hl-fn")),
    ("gotmpl", "{{ range .Pages }}<a href=\"{{ .Permalink }}\">{{ .Title }}</a>{{ end }}", ("range", "hl-kw")),
    ("nix", "{ pkgs }: pkgs.mkShell { buildInputs = [ ]; } # shell", ("# shell", "hl-com")),
    ("elixir", "defmodule Greeter do\n  def hello(name), do: name\nend\n", ("defmodule", "hl-kw")),
];

#[test]
fn a_block_in_each_of_thirty_languages_is_highlighted() {
    assert!(BLOCKS.len() >= 30);
    for &(lang, code, expected) in BLOCKS {
        assert_tokens(lang, code, &[expected]);
        let html = render(&format!("```{lang}\n{code}\n```\n")).html;
        let open = format!("{CODE_BLOCK_OPEN}<pre tabindex=\"0\"><code class=\"language-{lang}\">");
        let inner = html
            .strip_prefix(&open)
            .and_then(|rest| rest.strip_suffix("</code></pre></div>\n"))
            .unwrap_or_else(|| panic!("{lang}: {html}"));
        let span = format!("<span class=\"{}\">", expected.1);
        assert!(inner.contains(&span), "{lang}: no {span} in {html}");
        assert_eq!(shown_text(inner), format!("{code}\n"), "{lang}");
    }
}

#[test]
fn more_than_a_hundred_languages() {
    let names = language_names();
    assert!(names.len() >= 100, "{} languages: {names:?}", names.len());
    for name in [
        "Rust",
        "HTML",
        "Haskell",
        "PowerShell",
        "Nix",
        "Elixir",
        "Liquid",
        "Go Template",
    ] {
        assert!(names.contains(&name), "{name} missing from {names:?}");
    }
}

#[test]
fn info_string_names_and_aliases() {
    for name in [
        "rust",
        "rs",
        "Rust",
        "RUST",
        "sh",
        "bash",
        "shell",
        "zsh",
        "console",
        "shell-session",
        "js",
        "javascript",
        "jsx",
        "mjs",
        "ts",
        "typescript",
        "tsx",
        "py",
        "python3",
        "yml",
        "yaml",
        "tf",
        "hcl",
        "terraform",
        "golang",
        "go",
        "c++",
        "cpp",
        "h",
        "csharp",
        "c#",
        "cs",
        "pwsh",
        "ps1",
        "docker",
        "dockerfile",
        "make",
        "kt",
        "kts",
        "rb",
        "ex",
        "exs",
        "patch",
        "jsonc",
        "postgres",
        "nasm",
        "liquid",
        "gotmpl",
        "go-html-template",
        "hugo",
    ] {
        assert!(is_known(name), "{name} should be highlighted");
    }
    for plain in [
        "",
        "text",
        "txt",
        "plain",
        "plaintext",
        "output",
        "brainfuck",
        "rust-ish",
    ] {
        assert!(!is_known(plain), "{plain} should be plain");
        assert_eq!(highlight(plain, "fn x() {}"), None, "{plain}");
    }
}

#[test]
fn an_unknown_language_is_plain_escaped_text() {
    let html = render("```brainfuck\n+[<b>&</b>] \"q\"\n```\n").html;
    assert_eq!(
        html,
        format!("{CODE_BLOCK_OPEN}<pre tabindex=\"0\"><code class=\"language-brainfuck\">+[&lt;b&gt;&amp;&lt;/b&gt;] \"q\"\n</code></pre></div>\n")
    );
}

// --- Shell -------------------------------------------------------------------------------------

#[test]
fn shell_scripts_are_highlighted_as_scripts() {
    let script = "#!/bin/sh\nexport PATH=\"$HOME/bin:$PATH\"\nfor f in *.md; do wc -l \"$f\"; done # count\n";
    assert_tokens(
        "sh",
        script,
        &[
            ("#!/bin/sh", "hl-com"),
            ("export", "hl-kw"),
            ("PATH", "hl-var"),
            ("$HOME", "hl-var"),
            ("for", "hl-kw"),
            ("wc", "hl-fn"),
            ("# count", "hl-com"),
        ],
    );
    assert!(!tokens("sh", script).iter().any(|(_, c)| *c == "hl-prompt"));
}

#[test]
fn terminal_sessions_have_unselectable_prompts_and_plain_output() {
    let session = "$ cargo build --release\n   Compiling folio v0.1.0\nerror: could not compile `x`\n$ echo \"done\" \\\n    | grep d\ndone\n$\n";
    for lang in ["console", "bash", "sh", "shell-session"] {
        let found = tokens(lang, session);
        let prompts: Vec<_> = found.iter().filter(|(_, c)| *c == "hl-prompt").collect();
        assert_eq!(prompts.len(), 3, "{lang}: {found:#?}");
        assert_eq!(prompts[0].0, "$ ");
        assert_tokens(
            lang,
            session,
            &[
                ("cargo", "hl-fn"),
                ("\"done\"", "hl-str"),
                ("grep", "hl-fn"),
            ],
        );
        assert_plain(lang, session, "Compiling");
        assert_plain(lang, session, "error");
        assert_plain(lang, session, "done\n");
    }
}

// --- HTML --------------------------------------------------------------------------------------

#[test]
fn code_is_escaped_and_only_our_spans_are_markup() {
    let code = "if a < b && c > \"<script>\" { x = '&'; }";
    let html = highlight("rust", code).unwrap();
    assert!(
        html.starts_with("<span class=\"hl-kw\">if</span> a &lt; b &amp;&amp; c &gt; "),
        "{html}"
    );
    assert!(
        html.contains("<span class=\"hl-str\">\"&lt;script&gt;\"</span>"),
        "{html}"
    );
    assert!(!html.contains("style="), "{html}");
    assert_eq!(shown_text(&html), code);
    let html = highlight("yaml", "k: <img src=x onerror=alert(1)> & \"q\"").unwrap();
    assert!(!html.contains("<img"), "{html}");
    assert_eq!(shown_text(&html), "k: <img src=x onerror=alert(1)> & \"q\"");
}

#[test]
fn spans_are_flat_and_end_with_their_line() {
    for &(lang, code, _) in BLOCKS {
        let code = format!("{code}\n/* two\nlines */ \"and\nmore\"\n");
        let spans = spans(lang, &code).unwrap();
        for span in &spans {
            let text = &code[span.start..span.end];
            assert!(!text.contains('\n'), "{lang}: {span:?} {text:?}");
            assert!(!text.trim().is_empty(), "{lang}: blank span {span:?}");
        }
        for pair in spans.windows(2) {
            assert!(pair[0].end <= pair[1].start, "{lang}: {pair:?}");
        }
    }
}

#[test]
fn out_of_order_spans_are_written_plain_never_twice() {
    let code = "é let x";
    let mut spans = spans("rust", code).unwrap();
    assert_eq!(tokens("rust", code), [("let".to_owned(), "hl-kw")]);
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

#[test]
fn the_stylesheet_styles_every_class() {
    let css = include_str!("../../../style/code.css");
    for class in Class::ALL {
        assert!(
            css.contains(&format!(".{} {{", class.css())),
            "style/code.css has no rule for .{}",
            class.css()
        );
    }
    assert!(css.contains(".hl-prompt { user-select: none;"), "{css}");
}

// --- Robustness --------------------------------------------------------------------------------

/// Fragments that open, close and escape things in some language.
#[rustfmt::skip]
const FRAGMENTS: &[&str] = &[
    "\"", "'", "`", "\\", "\\\"", "r#\"", "\"#", "/*", "*/", "//", "#", "--", "'''", "\"\"\"",
    "$", "${", "}", "$(", ")", "<<EOF", "EOF", "\nEOF\n", "\n", "\r\n", "\t", " ", ": ", "- ",
    "|", "[", "]", "{", "{%", "%}", "{{", "}}", "&", "<", ">", "<!--", "-->", "@", "#[", "!",
    "=", "0x", "1.5e", "9", ".", "é", "🦀", "日本", "\u{301}", "fn", "SELECT", "if", "end",
    "key", "$ ", "+", "@@", "\0", "'a",
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
    let spans = spans(lang, code).unwrap_or_default();
    let mut last = 0;
    for s in &spans {
        assert!(
            last <= s.start && s.start < s.end && s.end <= code.len(),
            "{lang}: bad span {s:?} in {code:?}"
        );
        assert!(code.is_char_boundary(s.start) && code.is_char_boundary(s.end));
        last = s.end;
    }
    let mut html = String::new();
    write_html(&mut html, code, &spans);
    assert_eq!(shown_text(&html), code, "{lang}: text changed for {code:?}");
}

#[test]
fn random_input_is_shown_exactly_and_never_panics() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..60 {
        let pieces = 1 + rng.below(60);
        let code: String = (0..pieces)
            .map(|_| FRAGMENTS[rng.below(FRAGMENTS.len())])
            .collect();
        // Random bytes too, made valid UTF-8 the lossy way.
        let bytes: Vec<u8> = (0..rng.below(200)).map(|_| rng.next() as u8).collect();
        let noise = String::from_utf8_lossy(&bytes);
        for &(lang, _, _) in BLOCKS {
            assert_lossless(lang, &code);
            assert_lossless(lang, &noise);
        }
    }
}

// --- Markdown ----------------------------------------------------------------------------------

#[test]
fn markdown_code_blocks_are_highlighted_by_language() {
    let html = render("```rust,ignore\nfn main() { let s = \"<b>\"; }\n```\n").html;
    assert!(
        html.starts_with(&format!(
            "{CODE_BLOCK_OPEN}<pre tabindex=\"0\"><code class=\"language-rust\">"
        )),
        "{html}"
    );
    assert!(html.contains("<span class=\"hl-kw\">fn</span>"), "{html}");
    assert!(
        html.contains("<span class=\"hl-str\">\"&lt;b&gt;\"</span>"),
        "{html}"
    );
    assert!(html.ends_with("</code></pre></div>\n"), "{html}");

    let plain = render("```text\nfn main() {}\n```\n").html;
    assert_eq!(
        plain,
        format!("{CODE_BLOCK_OPEN}<pre tabindex=\"0\"><code class=\"language-text\">fn main() {{}}\n</code></pre></div>\n")
    );
    let indented = render("    fn main() {}\n").html;
    assert_eq!(
        indented,
        format!("{CODE_BLOCK_OPEN}<pre tabindex=\"0\"><code>fn main() {{}}\n</code></pre></div>\n")
    );
    let bare = render("```\nfn <x>\n```\n").html;
    assert_eq!(
        bare,
        format!("{CODE_BLOCK_OPEN}<pre tabindex=\"0\"><code>fn &lt;x&gt;\n</code></pre></div>\n")
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
    for lang in ["yaml", "html", "liquid", "console", "nope"] {
        let html = render(&format!(
            "```{lang}\nk: </code></pre><script>alert(1)</script>\n$ </pre>\n```\n"
        ))
        .html;
        assert!(!html.contains("<script>"), "{html}");
        assert_eq!(html.matches("</pre>").count(), 1, "{html}");
    }
    let html = render("```\"><script>x</script>\nx\n```\n").html;
    assert!(!html.contains("<script>"), "{html}");
}
