//! From query words to weighted index terms: the exact term, completions of the word being
//! typed, and corrections of typos.
//!
//! Each query word becomes a *slot*. A document matches a slot through its best-scoring term,
//! so a word with twenty completions cannot count twenty times. Expansions are weighted below
//! the exact term, by edit distance and by how common the expansion is among its rivals (the
//! reader more likely meant a frequent word than a rare one); a word that exists in the
//! dictionary keeps its neighbours far below itself.

use super::correct::corrections;
use super::lexicon::{Lexicon, TermRef};
use super::order::sorted_by_key;
use super::query::{Query, QueryWord, FUZZY_MIN_CHARS};
use super::tokenize::is_cjk;

/// Query-time knobs. The defaults were chosen on a development query set, never on the
/// benchmark's reported queries.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SearchParams {
    /// Weight of a completion of the word being typed, before the commonness factor.
    pub prefix_weight: f32,
    /// Weight of a correction at one and at two edits, before the commonness factor.
    pub typo_weights: [f32; 2],
    /// Exponents of the commonness factor `(df / max df among the word's expansions)` for
    /// completions and for corrections.
    pub completion_commonness: f32,
    pub correction_commonness: f32,
    /// Factor for a correction that matched only part of the typed word, the rest being an
    /// ending (`indcated` -> `indic`).
    pub ending_factor: f32,
    /// Extra factor for corrections of a word that is itself in the dictionary.
    pub existing_word_typo_factor: f32,
    /// Also look for a misspelled word's typo in its first letter (every dictionary part).
    pub typo_anywhere: bool,
    /// Completions stop once their postings add up to this many times the number of posts.
    pub completion_postings_per_doc: f32,
    /// At most this many completions per word (the most common ones).
    pub max_completions: usize,
    /// At most this many corrections per word (the best weighted ones).
    pub max_corrections: usize,
    /// An expansion at least this heavy makes its word count as matched (for "all words first").
    pub strong_match: f32,
    /// Weight of the title-only saturation next to the BM25F one: small, it mostly orders posts
    /// that BM25F scores alike (a word in a short title beats the same word in a long one).
    pub title_weight: f32,
    /// Among posts matching as many query words, those whose title holds them all come first.
    pub all_words_in_title_first: bool,
}

impl Default for SearchParams {
    fn default() -> Self {
        SearchParams {
            prefix_weight: 0.8,
            typo_weights: [0.6, 0.35],
            completion_commonness: 0.0,
            correction_commonness: 0.5,
            ending_factor: 0.7,
            existing_word_typo_factor: 0.15,
            typo_anywhere: true,
            max_completions: 30,
            completion_postings_per_doc: 3.0,
            max_corrections: 8,
            title_weight: 0.1,
            strong_match: 0.1,
            all_words_in_title_first: true,
        }
    }
}

/// One index term a slot matches through.
#[derive(Clone, Debug, PartialEq)]
pub struct Expansion {
    pub term: TermRef,
    pub text: String,
    pub weight: f32,
    /// The word's own term, as opposed to a completion or correction.
    pub exact: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Slot {
    pub required: bool,
    /// The word is still being typed: its own term is just one of its completions.
    pub prefix: bool,
    pub expansions: Vec<Expansion>,
}

pub fn expand(query: &Query, lexicon: &mut Lexicon<'_>, params: &SearchParams) -> Vec<Slot> {
    query
        .words
        .iter()
        .map(|w| Slot {
            required: w.required,
            prefix: w.prefix,
            expansions: expand_word(w, lexicon, params),
        })
        .collect()
}

fn expand_word(
    word: &QueryWord,
    lexicon: &mut Lexicon<'_>,
    params: &SearchParams,
) -> Vec<Expansion> {
    let mut out = Vec::new();
    let exact = lexicon.exact(&word.term);
    if let Some(term) = exact {
        out.push(Expansion {
            term,
            text: word.term.clone(),
            weight: 1.0,
            exact: true,
        });
    }

    if word.prefix {
        let mut completions: Vec<(TermRef, String)> = Vec::new();
        lexicon.with_prefix(&word.surface, |t, text| {
            // A compound's joined form (`testingcolor`) matches when typed whole, but is noise
            // as a completion of `test`.
            if Some(t) != exact && !t.joined_only {
                completions.push((t, text.to_owned()));
            }
        });
        // A lone CJK character is a whole word as often as the start of one (an input method
        // commits characters whole): it must find every post holding it, so it keeps all its
        // bigrams (a few hundred at most, one character's worth), weighted below the
        // character's own term so that they neither count as a title match beside it nor
        // outrank it (`卡马克的猫` before `猫头鹰` for `猫`), and marked as the character itself.
        let lone_cjk = is_lone_cjk(&word.surface);
        let completions = if lone_cjk {
            completions
        } else {
            select_completions(completions, lexicon.doc_count(), params)
        };
        let max_df = completions.first().map_or(1, |c| c.0.doc_freq).max(1);
        for (term, text) in completions {
            let mut weight = params.prefix_weight
                * commonness(term.doc_freq, max_df, params.completion_commonness);
            if lone_cjk {
                weight *= LONE_CJK_BIGRAM_FACTOR;
            }
            out.push(Expansion {
                term,
                text: if lone_cjk { word.term.clone() } else { text },
                weight,
                exact: false,
            });
        }
    }

    // Corrections when nothing matched as typed (this also finds `test` for `testin`, a stem
    // shorter than the word being typed), and, weighted far down, for real words.
    let max_edits = if out.is_empty() && is_short_word(&word.surface) {
        // Too short for typo tolerance, but found nowhere at all: surely misspelled (often a
        // five-letter word missing a letter), and its neighbours beat dropping the word.
        1
    } else {
        word.max_edits
    };
    if max_edits > 0 && (out.is_empty() || exact.is_some()) {
        out.extend(corrections(word, max_edits, exact, lexicon, params, &out));
    }
    out
}

/// Weight factor of the bigrams a one-character CJK query finds: below half, so that only the
/// character's own term makes a title hold the word (see `rank`'s title rule).
const LONE_CJK_BIGRAM_FACTOR: f32 = 0.5;

fn is_lone_cjk(surface: &str) -> bool {
    let mut chars = surface.chars();
    chars.next().is_some_and(is_cjk) && chars.next().is_none()
}

/// A word of letters a little shorter than typo tolerance starts at.
fn is_short_word(surface: &str) -> bool {
    surface.chars().count() == FUZZY_MIN_CHARS - 1 && surface.chars().all(char::is_alphabetic)
}

/// The completions a word being typed gets, from every term starting with it: the most common
/// (shorter breaks ties), at most `max_completions`, and on a large site only until their
/// postings add up to a few times the post count (bounding a short prefix's work and download).
fn select_completions(
    candidates: Vec<(TermRef, String)>,
    doc_count: u32,
    params: &SearchParams,
) -> Vec<(TermRef, String)> {
    let mut completions = sorted_by_key(candidates, |(t, text)| {
        (u64::from(u32::MAX - t.doc_freq) << 8) | text.len().min(255) as u64
    });
    completions.truncate(params.max_completions);
    let budget = (f64::from(doc_count) * f64::from(params.completion_postings_per_doc)) as u64;
    let mut total = 0u64;
    let keep = completions
        .iter()
        .take_while(|(t, _)| {
            total += u64::from(t.doc_freq);
            total <= budget.max(1)
        })
        .count();
    completions.truncate(keep.max(1));
    completions
}

/// The terms the next keystrokes will most likely search: the most common words that continue
/// the word being typed (at most `max_completions`), most common first. The completions a next
/// keystroke gets are the most common words starting with it, so these are the likeliest (a
/// guess kept small in code and work: its parts are fetched ahead, see
/// [`super::Searcher::likely_next_parts`]). Empty when the last word is finished (the text ends
/// with a space).
pub fn next_completions(
    query: &Query,
    lexicon: &mut Lexicon<'_>,
    params: &SearchParams,
) -> Vec<TermRef> {
    let Some(word) = query.words.last().filter(|w| w.prefix) else {
        return Vec::new();
    };
    let mut longer = Vec::new();
    lexicon.with_prefix(&word.surface, |t, text| {
        if text.len() > word.surface.len() && !t.joined_only {
            longer.push(t);
        }
    });
    let mut longer = sorted_by_key(longer, |t| u64::from(u32::MAX - t.doc_freq));
    longer.truncate(params.max_completions);
    longer
}

/// `(df / max_df) ^ exponent`, the exponent rounded to sixteenths: built from square roots (one
/// wasm instruction) rather than `powf`, which links 1.6 kB of libm into the wasm.
pub(super) fn commonness(df: u32, max_df: u32, exponent: f32) -> f32 {
    let x = df as f32 / max_df as f32;
    let sixteenths = (exponent.max(0.0) * 16.0 + 0.5) as u32;
    let mut result = 1.0;
    for _ in 0..sixteenths / 16 {
        result *= x;
    }
    let mut root = x;
    for bit in [8, 4, 2, 1] {
        root = root.sqrt();
        if sixteenths & bit != 0 {
            result *= root;
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::format::{dict_path, DictShard, Root};
    use crate::search::{parse_query, BuildOptions, DocFields, IndexBuilder};

    /// The terms `next_completions` names for `typed`, as text, over an unsplit index of
    /// `bodies` (one post each).
    fn next_terms(bodies: &[&str], typed: &str) -> Vec<String> {
        let mut b = IndexBuilder::new();
        for (i, body) in bodies.iter().enumerate() {
            b.add_doc(
                i as u32,
                DocFields {
                    title: "",
                    tags: &[],
                    summary: "",
                    body,
                },
            );
        }
        let index = b.finish(&BuildOptions::unsplit());
        let root = Root::decode(index.root()).unwrap();
        let shards: Vec<Option<DictShard>> = root
            .dict_shards
            .iter()
            .map(|s| {
                let bytes = index.file(&dict_path(s.hash)).unwrap();
                Some(DictShard::decode(s.first_term, bytes).unwrap())
            })
            .collect();
        let mut lexicon = Lexicon::new(&root, &shards);
        let terms = next_completions(&parse_query(typed), &mut lexicon, &SearchParams::default());
        // Term ids are positions in the sorted dictionary: read their text back.
        let mut all = Vec::new();
        lexicon.with_prefix("", |t, text| all.push((t.id, text.to_owned())));
        terms
            .iter()
            .map(|t| all.iter().find(|(id, _)| *id == t.id).unwrap().1.clone())
            .collect()
    }

    #[test]
    fn the_next_keystroke_is_guessed_from_the_most_common_words_that_continue_the_prefix() {
        let bodies = [
            "parser parser parsing",
            "parser",
            "parallel",
            "panic panicked",
            "panic",
            "pancake",
            "other words parsing pa",
        ];
        let terms = next_terms(&bodies, "pa");
        // Most common first (parser: 2 posts, pars(ing): 2, panic: 2, then one post each); the
        // typed word itself and words not continuing it are left out.
        assert_eq!(terms.len(), 6, "{terms:?}");
        assert!(terms[..3]
            .iter()
            .all(|t| ["parser", "pars", "panic"].contains(&t.as_str())));
        for t in ["parallel", "pancak", "panick"] {
            assert!(terms[3..].contains(&t.to_owned()), "{t} in {terms:?}");
        }
        assert!(!terms.iter().any(|t| t == "pa" || t.starts_with("oth")));
    }

    #[test]
    fn commonness_is_a_power_in_sixteenths() {
        for (df, max, e) in [
            (1, 4, 0.5),
            (3, 7, 0.25),
            (5, 9, 1.0),
            (2, 3, 1.5),
            (1, 10, 0.3125),
        ] {
            let want = (df as f32 / max as f32).powf(e);
            assert!(
                (commonness(df, max, e) - want).abs() < 1e-5,
                "{df}/{max}^{e}"
            );
        }
        assert_eq!(commonness(1, 8, 0.0), 1.0);
        assert_eq!(commonness(8, 8, 0.7), 1.0);
        // Other exponents round to the nearest sixteenth.
        let rounded = (0.5f32).powf(5.0 / 16.0);
        assert!((commonness(1, 2, 0.3) - rounded).abs() < 1e-5);
    }

    #[test]
    fn a_finished_word_or_an_unknown_prefix_guesses_nothing() {
        let bodies = ["parser", "panic"];
        assert!(next_terms(&bodies, "pa ").is_empty());
        assert!(next_terms(&bodies, "zz").is_empty());
        assert!(next_terms(&bodies, "parser").is_empty(), "no longer word");
    }
}
