//! Parsing what the reader typed into query words.

use super::analyze::{is_stop_word, stem};
use super::tokenize::{tokenize, TokenKind};

/// At most this many words of a query are searched; the rest is ignored (a pasted paragraph
/// must not cost more than a short query).
pub const MAX_QUERY_WORDS: usize = 12;

/// Typo tolerance starts at this many characters (shorter words have too many neighbours)...
pub const FUZZY_MIN_CHARS: usize = 5;
/// ...and allows two edits from this many.
pub const FUZZY_TWO_EDITS_CHARS: usize = 9;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryWord {
    /// Folded, as typed.
    pub surface: String,
    /// The index term it maps to (stemmed).
    pub term: String,
    /// The last word, still being typed: its completions match too.
    pub prefix: bool,
    /// Counts towards "all words matched". A compound's joined form and a stop word being typed
    /// only add to the score.
    pub required: bool,
    /// Edits allowed when the word is not found (0: none).
    pub max_edits: u8,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    pub words: Vec<QueryWord>,
}

impl Query {
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    pub fn required_count(&self) -> usize {
        self.words.iter().filter(|w| w.required).count()
    }
}

/// Parses a query as typed. The last word is a prefix unless the text ends with a space or
/// punctuation (the reader has finished it).
pub fn parse_query(text: &str) -> Query {
    let mut words: Vec<QueryWord> = Vec::new();
    let typing_end = text.trim_end_matches(|c: char| !c.is_alphanumeric()).len();
    let still_typing = typing_end == text.len();
    tokenize(text, |token| {
        if token.kind == TokenKind::CjkTail {
            return true;
        }
        let cjk = token.kind == TokenKind::Cjk;
        let stop = !cjk && is_stop_word(token.text);
        // A stop word is dropped, unless it may be the start of a longer word being typed.
        // The last word, if the text ends there; for CJK, a lone character (bigrams starting
        // with it are its completions, which matters while an input method commits characters).
        let lone_cjk = cjk && token.text.chars().count() == 1;
        let may_be_prefix =
            still_typing && token.end == typing_end && (token.kind == TokenKind::Word || lone_cjk);
        if stop && !may_be_prefix {
            return true;
        }
        let term = stem(token.text).into_owned();
        let chars = token.text.chars().count();
        let letters = token.text.chars().all(char::is_alphabetic);
        let max_edits = match chars {
            _ if cjk || !letters => 0,
            n if n >= FUZZY_TWO_EDITS_CHARS => 2,
            n if n >= FUZZY_MIN_CHARS => 1,
            _ => 0,
        };
        // One letter or digit being typed says too little to complete from (on a large site
        // its completions are the most common words, a big download the next keystroke makes
        // useless): until the next one, it only adds to the score through its own term.
        let lone_char = may_be_prefix && !cjk && chars == 1;
        let word = QueryWord {
            surface: token.text.to_owned(),
            term,
            prefix: may_be_prefix && !lone_char,
            required: token.kind != TokenKind::Joined && !stop && !lone_char,
            max_edits,
        };
        if !words
            .iter()
            .any(|w| w.term == word.term && w.prefix == word.prefix)
        {
            words.push(word);
        }
        words.len() < MAX_QUERY_WORDS
    });
    Query { words }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(q: &Query) -> Vec<(String, bool, bool, u8)> {
        q.words
            .iter()
            .map(|w| (w.term.clone(), w.prefix, w.required, w.max_edits))
            .collect()
    }

    #[test]
    fn last_word_is_a_prefix_while_typing() {
        let q = parse_query("Scheduling the trai");
        assert_eq!(
            summary(&q),
            [
                ("schedul".into(), false, true, 2),
                ("trai".into(), true, true, 0)
            ]
        );
        let q = parse_query("scheduling trains ");
        assert_eq!(
            summary(&q),
            [
                ("schedul".into(), false, true, 2),
                ("train".into(), false, true, 1)
            ]
        );
    }

    #[test]
    fn stop_words_drop_unless_being_typed() {
        let q = parse_query("the book of the");
        assert_eq!(
            summary(&q),
            [
                ("book".into(), false, true, 0),
                ("the".into(), true, false, 0)
            ]
        );
        assert!(parse_query("the of and ").is_empty());
    }

    #[test]
    fn one_character_being_typed_completes_nothing_yet() {
        let q = parse_query("remove g");
        assert_eq!(
            summary(&q),
            [
                ("remov".into(), false, true, 1),
                ("g".into(), false, false, 0)
            ]
        );
        // Finished, it is a word like any other; a lone CJK character still completes.
        assert_eq!(summary(&parse_query("g "))[0], ("g".into(), false, true, 0));
        assert!(parse_query("東").words[0].prefix);
    }

    #[test]
    fn compounds_and_numbers() {
        let q = parse_query("no_std 1.42");
        assert_eq!(
            summary(&q),
            [
                ("no".into(), false, true, 0),
                ("std".into(), false, true, 0),
                ("nostd".into(), false, false, 1),
                ("1".into(), false, true, 0),
                ("42".into(), true, true, 0),
                ("1.42".into(), false, false, 0),
            ]
        );
    }

    #[test]
    fn huge_queries_are_capped() {
        let text = "lorem ipsum dolor sit amet ".repeat(2000);
        let q = parse_query(&text);
        assert!(q.words.len() <= MAX_QUERY_WORDS);
        let distinct: String = (0..5000).map(|i| format!("w{i} ")).collect();
        assert_eq!(parse_query(&distinct).words.len(), MAX_QUERY_WORDS);
    }
}
