//! The word lists and conventions of each language the table-driven lexer (`c_like`) reads.
//! Every list is sorted (a unit test checks it): lookups are binary searches.

use super::c_like::{Attributes, Backtick, Keys, Prefixes, Rules, SingleQuote};
use super::Language;

/// What every language starts from: C-style comments and strings, nothing else.
const BASE: Rules = Rules {
    keywords: &[],
    types: &[],
    constants: &["false", "true"],
    function_keywords: &[],
    type_keywords: &[],
    fold_case: false,
    line_comments: &["//"],
    block_comment: Some(("/*", "*/")),
    nested_comments: false,
    single_quote: SingleQuote::Char,
    double_quote_string: true,
    backtick: Backtick::Plain,
    triple_quotes: false,
    escapes: true,
    doubled_quotes: false,
    literal_single_quotes: false,
    multiline_strings: false,
    prefixes: Prefixes::None,
    attributes: Attributes::None,
    macros: false,
    capitalised_types: false,
    ident_extra: b"",
    keys: Keys::None,
};

#[rustfmt::skip]
const RUST: Rules = Rules {
    keywords: &[
        "Self", "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else",
        "enum", "extern", "fn", "for", "if", "impl", "in", "let", "loop", "macro_rules", "match",
        "mod", "move", "mut", "pub", "ref", "return", "self", "static", "struct", "super", "trait",
        "type", "union", "unsafe", "use", "where", "while", "yield",
    ],
    types: &[
        "bool", "char", "f32", "f64", "i128", "i16", "i32", "i64", "i8", "isize", "str", "u128",
        "u16", "u32", "u64", "u8", "usize",
    ],
    function_keywords: &["fn"],
    type_keywords: &["enum", "struct", "trait", "type", "union"],
    nested_comments: true,
    single_quote: SingleQuote::CharOrLifetime,
    multiline_strings: true,
    prefixes: Prefixes::Rust,
    attributes: Attributes::Rust,
    macros: true,
    capitalised_types: true,
    ..BASE
};

#[rustfmt::skip]
const JAVA: Rules = Rules {
    keywords: &[
        "abstract", "assert", "break", "case", "catch", "class", "const", "continue", "default",
        "do", "else", "enum", "extends", "final", "finally", "for", "goto", "if", "implements",
        "import", "instanceof", "interface", "native", "new", "package", "permits", "private",
        "protected", "public", "record", "return", "sealed", "static", "strictfp", "super",
        "switch", "synchronized", "this", "throw", "throws", "transient", "try", "var", "volatile",
        "while", "yield",
    ],
    types: &[
        "boolean", "byte", "char", "double", "float", "int", "long", "short", "void",
    ],
    constants: &["false", "null", "true"],
    type_keywords: &["class", "enum", "interface", "record"],
    triple_quotes: true,
    attributes: Attributes::At,
    capitalised_types: true,
    ..BASE
};

#[rustfmt::skip]
const KOTLIN: Rules = Rules {
    keywords: &[
        "abstract", "as", "break", "by", "catch", "class", "companion", "const", "continue",
        "data", "do", "else", "enum", "finally", "for", "fun", "if", "import", "in", "init",
        "inline", "interface", "internal", "is", "lateinit", "object", "open", "operator",
        "override", "package", "private", "protected", "public", "return", "sealed", "super",
        "suspend", "this", "throw", "try", "typealias", "val", "var", "when", "where", "while",
    ],
    constants: &["false", "null", "true"],
    function_keywords: &["fun"],
    type_keywords: &["class", "interface", "object", "typealias"],
    nested_comments: true,
    backtick: Backtick::Name,
    triple_quotes: true,
    multiline_strings: false,
    attributes: Attributes::At,
    capitalised_types: true,
    ..BASE
};

#[rustfmt::skip]
const GO: Rules = Rules {
    keywords: &[
        "break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough",
        "for", "func", "go", "goto", "if", "import", "interface", "map", "package", "range",
        "return", "select", "struct", "switch", "type", "var",
    ],
    types: &[
        "any", "bool", "byte", "complex128", "complex64", "error", "float32", "float64", "int",
        "int16", "int32", "int64", "int8", "rune", "string", "uint", "uint16", "uint32", "uint64",
        "uint8", "uintptr",
    ],
    constants: &["false", "iota", "nil", "true"],
    function_keywords: &["func"],
    type_keywords: &["type"],
    backtick: Backtick::String { escapes: false },
    ..BASE
};

#[rustfmt::skip]
const C: Rules = Rules {
    keywords: &[
        "auto", "break", "case", "catch", "class", "const", "constexpr", "continue", "default",
        "delete", "do", "else", "enum", "explicit", "extern", "for", "friend", "goto", "if",
        "inline", "namespace", "new", "noexcept", "operator", "override", "private", "protected",
        "public", "register", "restrict", "return", "sizeof", "static", "static_cast", "struct",
        "switch", "template", "this", "throw", "try", "typedef", "typename", "union", "using",
        "virtual", "volatile", "while",
    ],
    types: &[
        "bool", "char", "double", "float", "int", "int16_t", "int32_t", "int64_t", "int8_t",
        "long", "short", "signed", "size_t", "ssize_t", "uint16_t", "uint32_t", "uint64_t",
        "uint8_t", "unsigned", "void",
    ],
    constants: &["NULL", "false", "nullptr", "true"],
    type_keywords: &["class", "enum", "struct", "union"],
    prefixes: Prefixes::Cpp,
    attributes: Attributes::Preprocessor,
    ..BASE
};

#[rustfmt::skip]
const JAVASCRIPT: Rules = Rules {
    keywords: &[
        "abstract", "as", "async", "await", "break", "case", "catch", "class", "const", "continue",
        "debugger", "declare", "default", "delete", "do", "else", "enum", "export", "extends",
        "finally", "for", "from", "function", "if", "implements", "import", "in", "instanceof",
        "interface", "let", "new", "of", "private", "protected", "public", "readonly", "return",
        "static", "super", "switch", "this", "throw", "try", "type", "typeof", "var", "void",
        "while", "with", "yield",
    ],
    types: &[
        "any", "bigint", "boolean", "never", "number", "object", "string", "symbol", "unknown",
    ],
    constants: &["NaN", "false", "null", "true", "undefined"],
    function_keywords: &["function"],
    type_keywords: &["class", "enum", "interface", "type"],
    single_quote: SingleQuote::String,
    backtick: Backtick::String { escapes: true },
    attributes: Attributes::At,
    capitalised_types: true,
    ident_extra: b"$",
    ..BASE
};

#[rustfmt::skip]
const PYTHON: Rules = Rules {
    keywords: &[
        "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
        "lambda", "match", "nonlocal", "not", "or", "pass", "raise", "return", "self", "try",
        "while", "with", "yield",
    ],
    types: &[
        "bool", "bytes", "dict", "float", "frozenset", "int", "list", "object", "set", "str",
        "tuple",
    ],
    constants: &["False", "None", "NotImplemented", "True"],
    function_keywords: &["def"],
    type_keywords: &["class"],
    line_comments: &["#"],
    block_comment: None,
    single_quote: SingleQuote::String,
    triple_quotes: true,
    prefixes: Prefixes::Python,
    attributes: Attributes::At,
    capitalised_types: true,
    ..BASE
};

#[rustfmt::skip]
const SQL: Rules = Rules {
    keywords: &[
        "add", "all", "alter", "and", "as", "asc", "begin", "between", "by", "case", "check",
        "column", "commit", "conflict", "constraint", "create", "cross", "database", "default",
        "delete", "desc", "distinct", "do", "drop", "else", "end", "exists", "explain", "foreign",
        "from", "full", "group", "having", "if", "in", "index", "inner", "insert", "into", "is",
        "join", "key", "left", "like", "limit", "not", "nothing", "offset", "on", "or", "order",
        "outer", "over", "partition", "primary", "references", "returning", "right", "rollback",
        "select", "set", "table", "then", "transaction", "union", "unique", "update", "using",
        "values", "view", "when", "where", "window", "with",
    ],
    types: &[
        "bigint", "bigserial", "blob", "boolean", "bytea", "char", "date", "decimal", "double",
        "float", "int", "integer", "interval", "json", "jsonb", "numeric", "real", "serial",
        "smallint", "text", "time", "timestamp", "timestamptz", "uuid", "varchar",
    ],
    constants: &["false", "null", "true"],
    fold_case: true,
    line_comments: &["--"],
    single_quote: SingleQuote::String,
    double_quote_string: false,
    backtick: Backtick::Name,
    escapes: false,
    doubled_quotes: true,
    multiline_strings: true,
    ..BASE
};

#[rustfmt::skip]
const JSON: Rules = Rules {
    constants: &["false", "null", "true"],
    single_quote: SingleQuote::Plain,
    keys: Keys::BeforeColon,
    ..BASE
};

#[rustfmt::skip]
const TOML: Rules = Rules {
    constants: &["false", "inf", "nan", "true"],
    line_comments: &["#"],
    block_comment: None,
    single_quote: SingleQuote::String,
    triple_quotes: true,
    literal_single_quotes: true,
    ident_extra: b"-",
    keys: Keys::BeforeEquals,
    ..BASE
};

/// The rules of a language the table-driven lexer reads (YAML, shell and diff have their own
/// lexers; asked for one of them, this gives JSON's, which reads anything safely).
pub(super) fn rules(language: Language) -> &'static Rules {
    match language {
        Language::Rust => &RUST,
        Language::Java => &JAVA,
        Language::Kotlin => &KOTLIN,
        Language::Go => &GO,
        Language::C => &C,
        Language::JavaScript => &JAVASCRIPT,
        Language::Python => &PYTHON,
        Language::Sql => &SQL,
        Language::Toml => &TOML,
        Language::Json | Language::Yaml | Language::Shell | Language::Diff => &JSON,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_sorted_for_binary_search() {
        for rules in [
            &RUST,
            &JAVA,
            &KOTLIN,
            &GO,
            &C,
            &JAVASCRIPT,
            &PYTHON,
            &SQL,
            &JSON,
            &TOML,
        ] {
            for list in [rules.keywords, rules.types, rules.constants] {
                assert!(list.windows(2).all(|w| w[0] < w[1]), "not sorted: {list:?}");
            }
            for list in [rules.function_keywords, rules.type_keywords] {
                assert!(list.iter().all(|w| rules.keywords.contains(w)), "{list:?}");
            }
        }
    }
}
