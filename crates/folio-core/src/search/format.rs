//! The index files: what each holds and how it is encoded. Everything is little-endian LEB128
//! varints unless noted.
//!
//! - **root** (`search/index.bin`, the only fixed name): magic `FOLIOSI2`, doc count, term
//!   count, then one entry per dictionary shard (first term id as a delta, first term text,
//!   content hash) with the first-letter shards listed after them, one entry per posting shard
//!   (first term id as a delta, content hash), the generation hash of the per-document text
//!   files (or 0 when none were written), and how many dictionary entries, at the end, are
//!   first-letter shards.
//! - **dictionary shard** (`search/d-<hash>.bin`): a run of the sorted term list, front-coded:
//!   the term count, a byte 0, then per term the length of the prefix shared with the previous
//!   term, the rest, and `document frequency << 1 | joined only` (the term only occurs as a
//!   compound's joined form, `asyncawait`: matched when typed, never offered as a completion).
//!   Term ids are positions in the global sorted list.
//! - **first-letter shard** (`search/d-<hash>.bin` too): the terms that start with an ASCII
//!   letter or digit, each keyed with that first character moved to the end (`while` ->
//!   `hilew`, see [`first_letter_key`]), sorted and cut by size like the dictionary; the same
//!   layout with a byte 1 after the count and each term's global id after its frequency. Its
//!   `first_term` counts on after the term count, so the one table stays in increasing order.
//!   A typo in a word's first letter (`thile`) leaves the rest intact, so its candidates
//!   (`ahile` ... `zhile`) share one key prefix and sit in one or two of these shards, where the
//!   dictionary spreads them over all of its shards. Written only when the dictionary has more
//!   than one shard.
//! - **posting shard** (`search/p-<hash>.bin`): the postings of a run of term ids: the byte
//!   length of each term's list, then the lists. A list is, per document in increasing order,
//!   `(doc delta << 1 | in title)`, one byte of precomputed BM25F saturation
//!   (`tf' / (k1 + tf')`, scaled to 1..=255) and, for title words only, one byte of title-only
//!   BM25 saturation (the title's own evidence, which BM25F's shared saturation would swamp in a
//!   long post).
//! - **texts** (`search/t-<generation>/<doc>.txt`): each document's plain body (cut at 32 kB),
//!   fetched for snippets of the results actually shown. One generation hash covers all texts,
//!   so the root stays small (no per-document hash) and every URL still names immutable
//!   content. (Doc ids are manifest positions, newest first: a new post renumbers every post,
//!   so per-post hashes would not survive a publish anyway.)
//!
//! Shards are cut by size, so their number follows the corpus; shard file names are content
//! hashes and can be cached forever.

use super::bytes::{put_str, put_varint, FormatError, Reader};

pub use super::dict_shard::{DictEntry, DictShard};
pub use super::postings::{encode_postings, PostShard, Posting, PostingIter};

/// Where the root file lives, relative to the site's output folder.
pub const ROOT_PATH: &str = "search/index.bin";
const ROOT_MAGIC: &[u8; 8] = b"FOLIOSI2";

/// A shard as listed in the root.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShardRef {
    /// Global id of the shard's first term.
    pub first_term: u32,
    /// Text of that term (dictionary shards only; empty for posting shards).
    pub first_text: String,
    pub hash: u64,
}

/// The small file loaded first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Root {
    pub doc_count: u32,
    pub term_count: u32,
    /// The dictionary shards, then the first-letter shards (see [`Root::dictionary`]).
    pub dict_shards: Vec<ShardRef>,
    /// How many of `dict_shards`, at the end, are first-letter shards.
    pub first_letter_shards: usize,
    pub post_shards: Vec<ShardRef>,
    /// Generation hash of the text files, if they were written.
    pub text_generation: Option<u64>,
}

pub fn dict_path(hash: u64) -> String {
    format!("search/d-{hash:016x}.bin")
}

pub fn post_path(hash: u64) -> String {
    format!("search/p-{hash:016x}.bin")
}

/// Which kind of part a path names, and its hash: `Some((true, h))` for a dictionary (or
/// first-letter) shard, `Some((false, h))` for a posting shard (parsed, so a lookup formats no
/// strings).
pub fn parse_part_path(path: &str) -> Option<(bool, u64)> {
    let rest = path.strip_prefix("search/")?.strip_suffix(".bin")?;
    let (dict, hex) = match rest.split_at_checked(2)? {
        ("d-", hex) => (true, hex),
        ("p-", hex) => (false, hex),
        _ => return None,
    };
    if hex.len() != 16 {
        return None;
    }
    u64::from_str_radix(hex, 16).ok().map(|h| (dict, h))
}

/// A term's key in the first-letter shards: its first character moved to the end, for terms
/// starting with an ASCII letter or digit (the letters a first-letter typo is corrected to).
pub fn first_letter_key(term: &str) -> Option<String> {
    let first = term.chars().next().filter(char::is_ascii_alphanumeric)?;
    let mut key = String::with_capacity(term.len());
    key.push_str(&term[1..]);
    key.push(first);
    Some(key)
}

pub fn text_path(generation: u64, doc: u32) -> String {
    format!("search/t-{generation:016x}/{doc}.txt")
}

impl Root {
    pub fn encode(&self) -> Vec<u8> {
        let mut out = ROOT_MAGIC.to_vec();
        put_varint(&mut out, self.doc_count.into());
        put_varint(&mut out, self.term_count.into());
        for (shards, with_text) in [(&self.dict_shards, true), (&self.post_shards, false)] {
            put_varint(&mut out, shards.len() as u64);
            let mut prev = 0;
            for s in shards {
                put_varint(&mut out, (s.first_term - prev).into());
                prev = s.first_term;
                if with_text {
                    put_str(&mut out, &s.first_text);
                }
                out.extend_from_slice(&s.hash.to_le_bytes());
            }
        }
        out.extend_from_slice(&self.text_generation.unwrap_or(0).to_le_bytes());
        put_varint(&mut out, self.first_letter_shards as u64);
        out
    }

    /// The dictionary's shards (without the first-letter shards listed after them).
    pub fn dictionary(&self) -> &[ShardRef] {
        &self.dict_shards[..self.dict_shards.len() - self.first_letter_shards]
    }

    pub fn decode(bytes: &[u8]) -> Result<Root, FormatError> {
        let mut r = Reader::new(bytes);
        if r.bytes(8)? != ROOT_MAGIC {
            return Err(FormatError(
                "not a Folio search index root (or another version)",
            ));
        }
        let doc_count = r.varint_u32()?;
        let term_count = r.varint_u32()?;
        let mut lists = [Vec::new(), Vec::new()];
        for (list, with_text) in lists.iter_mut().zip([true, false]) {
            let n = r.varint()? as usize;
            let mut prev = 0u32;
            for _ in 0..n.min(bytes.len()) {
                let first_term = prev
                    .checked_add(r.varint_u32()?)
                    .ok_or(FormatError("term id overflow"))?;
                prev = first_term;
                let first_text = if with_text {
                    r.str()?.to_owned()
                } else {
                    String::new()
                };
                let hash = r.u64_le()?;
                list.push(ShardRef {
                    first_term,
                    first_text,
                    hash,
                });
            }
        }
        let generation = r.u64_le()?;
        let first_letter_shards = r.varint()? as usize;
        let [dict_shards, post_shards] = lists;
        let sorted = |l: &[ShardRef]| l.windows(2).all(|w| w[0].first_term < w[1].first_term);
        if !sorted(&dict_shards)
            || !sorted(&post_shards)
            || first_letter_shards > dict_shards.len()
            || dict_shards.first().is_some_and(|s| s.first_term != 0)
        {
            return Err(FormatError("shard table out of order"));
        }
        Ok(Root {
            doc_count,
            term_count,
            dict_shards,
            post_shards,
            text_generation: (generation != 0).then_some(generation),
            first_letter_shards,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_round_trips() {
        let root = Root {
            doc_count: 751,
            term_count: 9000,
            dict_shards: vec![
                ShardRef {
                    first_term: 0,
                    first_text: "0".into(),
                    hash: 1,
                },
                ShardRef {
                    first_term: 4000,
                    first_text: "mütze".into(),
                    hash: u64::MAX,
                },
                ShardRef {
                    first_term: 9000,
                    first_text: "0a".into(),
                    hash: 9,
                },
            ],
            first_letter_shards: 1,
            post_shards: vec![ShardRef {
                first_term: 0,
                first_text: String::new(),
                hash: 7,
            }],
            text_generation: Some(42),
        };
        assert_eq!(Root::decode(&root.encode()).unwrap(), root);
        assert_eq!(root.dictionary(), &root.dict_shards[..2]);
        assert_eq!(
            parse_part_path(&dict_path(u64::MAX)),
            Some((true, u64::MAX))
        );
        assert_eq!(parse_part_path(&post_path(7)), Some((false, 7)));
        assert_eq!(parse_part_path("search/x-0000000000000007.bin"), None);
        assert_eq!(parse_part_path("search/p-07.bin"), None);
        assert!(Root::decode(b"FOLIOSI1").is_err(), "the previous version");
        assert!(Root::decode(&root.encode()[..20]).is_err());
    }

    #[test]
    fn first_letter_key_moves_an_ascii_first_character_to_the_end() {
        assert_eq!(first_letter_key("while").as_deref(), Some("hilew"));
        assert_eq!(first_letter_key("2021").as_deref(), Some("0212"));
        assert_eq!(first_letter_key("w").as_deref(), Some("w"));
        assert_eq!(first_letter_key("été"), None);
        assert_eq!(first_letter_key("東京"), None);
        assert_eq!(first_letter_key(""), None);
    }
}
