//! Which grammar a code block's language names: two-face's set (syntect's defaults plus bat's
//! extra syntaxes) and Folio's own small set (Liquid and Go templates, in `grammars/`).
//!
//! Both sets load once per process, on first use, and are shared by every thread: the two-face
//! set is a compressed dump whose grammars are decoded lazily (about 1.5 ms to open), ours is
//! compiled from its YAML (three small grammars, a few milliseconds).

use std::sync::LazyLock;

use syntect::parsing::{SyntaxDefinition, SyntaxReference, SyntaxSet, SyntaxSetBuilder};

static TWO_FACE: LazyLock<SyntaxSet> = LazyLock::new(two_face::syntax::extra_newlines);

/// Folio's grammars, for languages two-face does not know.
const OWN_GRAMMARS: [(&str, &str); 3] = [
    (
        "markup-lite",
        include_str!("grammars/markup-lite.sublime-syntax"),
    ),
    ("liquid", include_str!("grammars/liquid.sublime-syntax")),
    (
        "go-template",
        include_str!("grammars/go-template.sublime-syntax"),
    ),
];

static OWN: LazyLock<SyntaxSet> = LazyLock::new(|| {
    let mut builder = SyntaxSetBuilder::new();
    for (name, yaml) in OWN_GRAMMARS {
        let definition = SyntaxDefinition::load_from_str(yaml, true, Some(name))
            .unwrap_or_else(|e| panic!("grammars/{name}.sublime-syntax: {e}"));
        builder.add(definition);
    }
    builder.build()
});

/// Names a grammar does not answer to (the usual names in Markdown info strings), and the name
/// or extension of the grammar they mean.
const ALIASES: &[(&str, &str)] = &[
    ("shell", "bash"),
    ("console", "bash"),
    ("shell-session", "bash"),
    ("shellsession", "bash"),
    ("terminal", "bash"),
    ("csharp", "cs"),
    ("docker", "Dockerfile (with bash)"),
    ("dockerfile", "Dockerfile (with bash)"),
    ("containerfile", "Dockerfile (with bash)"),
    ("pwsh", "ps1"),
    ("golang", "go"),
    ("jsonc", "json"),
    ("json5", "json"),
    ("h", "c"),
    ("kts", "kt"),
    ("mjs", "js"),
    ("cjs", "js"),
    ("python3", "py"),
    ("py3", "py"),
    ("postgres", "sql"),
    ("postgresql", "sql"),
    ("psql", "sql"),
    ("mysql", "sql"),
    ("sqlite", "sql"),
    ("plsql", "sql"),
    ("hcl", "tf"),
    ("nasm", "asm"),
    ("x86asm", "asm"),
    ("objc", "Objective-C"),
    ("hugo", "gotmpl"),
];

/// Names of plain text: shown as they are, escaped, with no grammar.
const PLAIN: &[&str] = &[
    "text",
    "txt",
    "plain",
    "plaintext",
    "output",
    "none",
    "nohighlight",
];

/// Names of shell languages, whose blocks may be terminal sessions (see `session`).
pub const SHELLS: &[&str] = &[
    "sh",
    "bash",
    "shell",
    "zsh",
    "ksh",
    "console",
    "shell-session",
    "shellsession",
    "terminal",
];

/// A grammar and the set it belongs to (a grammar reaches into its own set only).
pub struct Grammar {
    pub syntax: &'static SyntaxReference,
    pub set: &'static SyntaxSet,
}

/// The grammar for a code block's language (case-insensitive), or `None` for plain text and
/// languages no grammar knows.
pub fn find(lang: &str) -> Option<Grammar> {
    let lang = lang.trim().to_ascii_lowercase();
    if lang.is_empty() || PLAIN.contains(&lang.as_str()) {
        return None;
    }
    let token = ALIASES
        .iter()
        .find(|(alias, _)| *alias == lang)
        .map_or(lang.as_str(), |(_, target)| target);
    [&*TWO_FACE, &*OWN].into_iter().find_map(|set| {
        let syntax = set
            .find_syntax_by_name(token)
            .or_else(|| set.find_syntax_by_token(token))?;
        (syntax.name != "Plain Text").then_some(Grammar { syntax, set })
    })
}

/// The languages a code block can name: every grammar not marked hidden (helpers that other
/// grammars embed), Folio's included, plain text not.
pub fn language_names() -> Vec<&'static str> {
    [&*TWO_FACE, &*OWN]
        .into_iter()
        .flat_map(|set| set.syntaxes())
        .filter(|syntax| !syntax.hidden && syntax.name != "Plain Text")
        .map(|syntax| syntax.name.as_str())
        .collect()
}
