//! From a token's scopes (what a grammar says it is, `keyword.control.rust` inside
//! `meta.function.rust`…) to one of the few classes `style/code.css` colours.
//!
//! The rules are scope selectors, as in a TextMate theme, and are picked the same way: the rule
//! whose selector matches the token's scopes best (the deepest, most specific scope) wins, so
//! `keyword.operator.word` beats `keyword.operator`, and `meta.mapping.key string` (a JSON key)
//! beats `string`. The conventions are TextMate's, shared by every grammar, which is why a
//! dozen rules cover all the languages.

use std::str::FromStr;
use std::sync::LazyLock;

use syntect::highlighting::ScopeSelectors;
use syntect::parsing::Scope;

/// What a highlighted stretch of code is; each has one CSS class (`style/code.css`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Class {
    /// Reserved words and storage words: `fn`, `public`, `SELECT`, `if`/`fi`, `let`.
    Keyword,
    /// Type, class and struct names, built-in types, TOML table headers.
    Type,
    /// String and character literals.
    String,
    /// Numbers and constants: `42`, `0xff`, `true`, `null`, `None`.
    Number,
    /// Comments, doc comments included.
    Comment,
    /// Function and macro names where called or defined, commands in shell.
    Function,
    /// Attributes, annotations, decorators, preprocessor directives, HTML attribute names.
    Attribute,
    /// Keys in JSON, YAML and TOML, HTML tag names, CSS properties.
    Key,
    /// Variables with a sigil (shell, PowerShell, PHP, Make, templates) and Rust lifetimes.
    Variable,
    /// Added lines in a diff.
    Inserted,
    /// Removed lines in a diff.
    Deleted,
    /// Diff headers and hunk ranges, Markdown headings.
    Meta,
    /// The `$ ` prompt of a terminal session (not selectable, so a copy is the command alone).
    Prompt,
}

impl Class {
    /// The CSS class the span carries.
    pub fn css(self) -> &'static str {
        match self {
            Class::Keyword => "hl-kw",
            Class::Type => "hl-ty",
            Class::String => "hl-str",
            Class::Number => "hl-num",
            Class::Comment => "hl-com",
            Class::Function => "hl-fn",
            Class::Attribute => "hl-attr",
            Class::Key => "hl-key",
            Class::Variable => "hl-var",
            Class::Inserted => "hl-ins",
            Class::Deleted => "hl-del",
            Class::Meta => "hl-meta",
            Class::Prompt => "hl-prompt",
        }
    }

    /// Every class, for tests and the stylesheet check.
    pub const ALL: [Class; 13] = [
        Class::Keyword,
        Class::Type,
        Class::String,
        Class::Number,
        Class::Comment,
        Class::Function,
        Class::Attribute,
        Class::Key,
        Class::Variable,
        Class::Inserted,
        Class::Deleted,
        Class::Meta,
        Class::Prompt,
    ];
}

/// The rules, in TextMate selector syntax (`,` separates alternatives, a space means "inside").
/// `None` keeps a token plain where a broader rule would colour it (operators are keywords in
/// most grammars, `keyword.operator.assignment`, but read better plain).
const RULES: &[(&str, Option<Class>)] = &[
    ("comment", Some(Class::Comment)),
    (
        "string, constant.character, markup.raw, storage.type.string",
        Some(Class::String),
    ),
    (
        "constant.numeric, constant.language, constant.other, constant.character.escape, \
         support.constant, variable.language",
        Some(Class::Number),
    ),
    (
        "keyword, storage, keyword.operator.word",
        Some(Class::Keyword),
    ),
    ("keyword.operator", None),
    (
        "storage.type.primitive, entity.name.type, entity.name.class, entity.name.struct, \
         entity.name.enum, entity.name.union, entity.name.trait, entity.name.interface, \
         entity.other.inherited-class, support.type, support.class, entity.name.table, \
         entity.name.section",
        Some(Class::Type),
    ),
    (
        "entity.name.function, support.function, variable.function, support.macro, \
         entity.name.macro",
        Some(Class::Function),
    ),
    (
        "meta.annotation, meta.attribute, meta.decorator, meta.preprocessor, \
         entity.other.attribute-name",
        Some(Class::Attribute),
    ),
    (
        "entity.name.tag, meta.mapping.key string, support.type.property-name, \
         meta.object-literal.key",
        Some(Class::Key),
    ),
    (
        "source.shell variable.other, source.shell punctuation.definition.variable, \
         source.powershell variable.other, source.php variable, \
         source.makefile variable, storage.modifier.lifetime, text.html.liquid variable, \
         text.html.go-template variable",
        Some(Class::Variable),
    ),
    ("markup.inserted", Some(Class::Inserted)),
    ("markup.deleted", Some(Class::Deleted)),
    (
        "meta.diff.range, meta.diff.header, markup.heading",
        Some(Class::Meta),
    ),
];

static SELECTORS: LazyLock<Vec<(ScopeSelectors, Option<Class>)>> = LazyLock::new(|| {
    RULES
        .iter()
        .map(|&(selector, class)| {
            let selector = ScopeSelectors::from_str(selector)
                .unwrap_or_else(|e| panic!("bad selector {selector:?}: {e:?}"));
            (selector, class)
        })
        .collect()
});

/// The class of a token with these scopes (outermost first), or `None` to leave it plain.
/// Ties go to the later rule, as in a TextMate theme.
pub fn classify(scopes: &[Scope]) -> Option<Class> {
    let mut best = None;
    for (selector, class) in SELECTORS.iter() {
        if let Some(power) = selector.does_match(scopes) {
            if best.is_none_or(|(best_power, _)| power >= best_power) {
                best = Some((power, *class));
            }
        }
    }
    best.and_then(|(_, class)| class)
}
