//! The index files: what each holds and how it is encoded. Everything is little-endian LEB128
//! varints unless noted.
//!
//! - **root** (`search/index.bin`, the only fixed name): magic `FOLIOSI1`, doc count, term
//!   count, then one entry per dictionary shard (first term id as a delta, first term text,
//!   content hash) and per posting shard (first term id as a delta, content hash), then the
//!   generation hash of the per-document text files (or 0 when none were written).
//! - **dictionary shard** (`search/d-<hash>.bin`): a run of the sorted term list, front-coded:
//!   per term the length of the prefix shared with the previous term, the rest, and its document
//!   frequency. Term ids are positions in the global sorted list.
//! - **posting shard** (`search/p-<hash>.bin`): the postings of a run of term ids: the byte
//!   length of each term's list, then the lists. A list is, per document in increasing order,
//!   `(doc delta << 1 | in title)`, one byte of precomputed BM25F saturation
//!   (`tf' / (k1 + tf')`, scaled to 1..=255) and, for title words only, one byte of title-only
//!   BM25 saturation (the title's own evidence, which BM25F's shared saturation would swamp in a
//!   long post).
//! - **texts** (`search/t-<generation>/<doc>.txt`): each document's plain body, fetched for
//!   snippets of the results actually shown. One generation hash covers all texts, so the root
//!   stays small (no per-document hash) and every URL still names immutable content.
//!
//! Shards are cut by size, so their number follows the corpus; shard file names are content
//! hashes and can be cached forever.

use super::bytes::{put_str, put_varint, FormatError, Reader};

/// Where the root file lives, relative to the site's output folder.
pub const ROOT_PATH: &str = "search/index.bin";
const ROOT_MAGIC: &[u8; 8] = b"FOLIOSI1";

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
    pub dict_shards: Vec<ShardRef>,
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
        out
    }

    pub fn decode(bytes: &[u8]) -> Result<Root, FormatError> {
        let mut r = Reader::new(bytes);
        if r.bytes(8)? != ROOT_MAGIC {
            return Err(FormatError("not a Folio search index root (or another version)"));
        }
        let doc_count = r.varint_u32()?;
        let term_count = r.varint_u32()?;
        let mut lists = [Vec::new(), Vec::new()];
        for (list, with_text) in lists.iter_mut().zip([true, false]) {
            let n = r.varint()? as usize;
            let mut prev = 0u32;
            for _ in 0..n.min(bytes.len()) {
                let first_term = prev.checked_add(r.varint_u32()?).ok_or(FormatError("term id overflow"))?;
                prev = first_term;
                let first_text = if with_text { r.str()?.to_owned() } else { String::new() };
                let hash = r.u64_le()?;
                list.push(ShardRef { first_term, first_text, hash });
            }
        }
        let generation = r.u64_le()?;
        let [dict_shards, post_shards] = lists;
        let sorted = |l: &[ShardRef]| l.windows(2).all(|w| w[0].first_term < w[1].first_term);
        if !sorted(&dict_shards) || !sorted(&post_shards) || dict_shards.first().is_some_and(|s| s.first_term != 0) {
            return Err(FormatError("shard table out of order"));
        }
        Ok(Root { doc_count, term_count, dict_shards, post_shards, text_generation: (generation != 0).then_some(generation) })
    }
}

/// A decoded dictionary shard: terms in one string buffer (cheap to load, cache-friendly).
#[derive(Clone, Debug, Default)]
pub struct DictShard {
    pub first_term: u32,
    buf: String,
    ends: Vec<u32>,
    /// Bytes each term shares with the one before it (the front coding, kept: the typo search
    /// walks the dictionary as a trie with it).
    shared: Vec<u8>,
    doc_freqs: Vec<u32>,
}

impl DictShard {
    pub fn encode(terms: &[(&str, u32)]) -> Vec<u8> {
        let mut out = Vec::new();
        put_varint(&mut out, terms.len() as u64);
        let mut prev: &str = "";
        for &(term, df) in terms {
            let mut shared = common_prefix_len(prev, term).min(usize::from(u8::MAX));
            while !term.is_char_boundary(shared) {
                shared -= 1;
            }
            put_varint(&mut out, shared as u64);
            put_str(&mut out, &term[shared..]);
            put_varint(&mut out, df.into());
            prev = term;
        }
        out
    }

    pub fn decode(first_term: u32, bytes: &[u8]) -> Result<DictShard, FormatError> {
        let mut r = Reader::new(bytes);
        let n = r.varint()? as usize;
        let cap = n.min(bytes.len());
        let mut shard = DictShard {
            first_term,
            buf: String::with_capacity(bytes.len() * 2),
            ends: Vec::with_capacity(cap),
            shared: Vec::with_capacity(cap),
            doc_freqs: Vec::with_capacity(cap),
        };
        let mut prev_start = 0usize;
        for _ in 0..n {
            let shared = r.varint()? as usize;
            let suffix = r.str()?;
            let prev_len = shard.buf.len() - prev_start;
            if shared > prev_len || shared > usize::from(u8::MAX) || !shard.buf.is_char_boundary(prev_start + shared) {
                return Err(FormatError("bad front coding"));
            }
            let start = shard.buf.len();
            shard.buf.extend_from_within(prev_start..prev_start + shared);
            shard.buf.push_str(suffix);
            prev_start = start;
            shard.ends.push(u32::try_from(shard.buf.len()).map_err(|_| FormatError("shard too large"))?);
            shard.shared.push(shared as u8);
            shard.doc_freqs.push(r.varint_u32()?);
        }
        Ok(shard)
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Term at local position `i`.
    pub fn term(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.buf[start..self.ends[i] as usize]
    }

    /// Bytes term `i` shares with term `i - 1` (0 for the first).
    pub fn shared_with_previous(&self, i: usize) -> usize {
        usize::from(self.shared[i])
    }

    pub fn doc_freq(&self, i: usize) -> u32 {
        self.doc_freqs[i]
    }

    /// First local position whose term is not `< key` (like `slice::partition_point`).
    pub fn lower_bound(&self, key: &str) -> usize {
        self.partition(|t| t < key)
    }

    /// First local position whose term neither sorts before `prefix` nor starts with it.
    pub fn prefix_end(&self, prefix: &str) -> usize {
        self.partition(|t| t < prefix || t.starts_with(prefix))
    }

    fn partition(&self, pred: impl Fn(&str) -> bool) -> usize {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            if pred(self.term(mid)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }
}

pub fn common_prefix_len(a: &str, b: &str) -> usize {
    let mut n = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    while !b.is_char_boundary(n) {
        n -= 1;
    }
    n
}

/// One posting: a document, its BM25F saturation, and its title-only saturation (0: the term
/// is not in the title).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Posting {
    pub doc: u32,
    pub saturation: u8,
    pub title: u8,
}

/// Appends one encoded posting list (postings in increasing doc order).
pub fn encode_postings(out: &mut Vec<u8>, postings: &[Posting]) {
    let mut prev = 0;
    for p in postings {
        put_varint(out, (u64::from(p.doc - prev) << 1) | u64::from(p.title != 0));
        out.push(p.saturation);
        if p.title != 0 {
            out.push(p.title);
        }
        prev = p.doc;
    }
}

/// A decoded posting shard: the lists stay encoded and are walked at query time.
#[derive(Clone, Debug, Default)]
pub struct PostShard {
    pub first_term: u32,
    starts: Vec<u32>,
    data: Vec<u8>,
}

impl PostShard {
    pub fn encode(lists: &[Vec<u8>]) -> Vec<u8> {
        let mut out = Vec::new();
        put_varint(&mut out, lists.len() as u64);
        for l in lists {
            put_varint(&mut out, l.len() as u64);
        }
        for l in lists {
            out.extend_from_slice(l);
        }
        out
    }

    pub fn decode(first_term: u32, bytes: &[u8]) -> Result<PostShard, FormatError> {
        let mut r = Reader::new(bytes);
        let n = r.varint()? as usize;
        let mut starts = Vec::with_capacity(n.min(bytes.len()) + 1);
        let mut offset = 0u32;
        starts.push(0);
        for _ in 0..n {
            offset = offset.checked_add(r.varint_u32()?).ok_or(FormatError("posting offsets overflow"))?;
            starts.push(offset);
        }
        let data = &bytes[r.position()..];
        if data.len() != offset as usize {
            return Err(FormatError("posting shard length mismatch"));
        }
        Ok(PostShard { first_term, starts, data: data.to_vec() })
    }

    pub fn term_count(&self) -> usize {
        self.starts.len() - 1
    }

    /// Postings of the term at local position `i`. A corrupt list ends early instead of
    /// panicking.
    pub fn postings(&self, i: usize) -> PostingIter<'_> {
        let bytes = &self.data[self.starts[i] as usize..self.starts[i + 1] as usize];
        PostingIter { bytes, pos: 0, doc: 0 }
    }
}

/// Decodes a posting list on the fly. This is the innermost loop of every query (tens of
/// thousands of postings for common words on a large site), hence the hand-rolled varint.
pub struct PostingIter<'a> {
    bytes: &'a [u8],
    pos: usize,
    doc: u32,
}

impl Iterator for PostingIter<'_> {
    type Item = Posting;

    #[inline]
    fn next(&mut self) -> Option<Posting> {
        let b = self.bytes;
        let mut i = self.pos;
        let mut head = 0u32;
        let mut shift = 0;
        loop {
            let x = *b.get(i)?;
            i += 1;
            head |= u32::from(x & 0x7F).checked_shl(shift)?;
            if x < 0x80 {
                break;
            }
            shift += 7;
        }
        let saturation = *b.get(i)?;
        i += 1;
        let title = if head & 1 == 1 {
            i += 1;
            (*b.get(i - 1)?).max(1)
        } else {
            0
        };
        self.pos = i;
        self.doc = self.doc.checked_add(head >> 1)?;
        Some(Posting { doc: self.doc, saturation, title })
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
                ShardRef { first_term: 0, first_text: "0".into(), hash: 1 },
                ShardRef { first_term: 4000, first_text: "mütze".into(), hash: u64::MAX },
            ],
            post_shards: vec![ShardRef { first_term: 0, first_text: String::new(), hash: 7 }],
            text_generation: Some(42),
        };
        assert_eq!(Root::decode(&root.encode()).unwrap(), root);
        assert!(Root::decode(b"FOLIOSI0").is_err());
        assert!(Root::decode(&root.encode()[..20]).is_err());
    }

    #[test]
    fn dictionary_shard_round_trips_with_front_coding() {
        let terms = [("async", 3), ("asyncawait", 1), ("await", 9), ("été", 2), ("東京", 1)];
        let bytes = DictShard::encode(&terms);
        let shard = DictShard::decode(10, &bytes).unwrap();
        assert_eq!(shard.len(), terms.len());
        for (i, &(t, df)) in terms.iter().enumerate() {
            assert_eq!((shard.term(i), shard.doc_freq(i)), (t, df));
        }
        assert_eq!(shard.lower_bound("await"), 2);
        assert_eq!(shard.prefix_end("async"), 2);
        assert_eq!(shard.lower_bound("zzz"), 3); // UTF-8 order: "é" sorts after "z"
        assert_eq!(shard.lower_bound("\u{10FFFF}"), 5);
    }

    #[test]
    fn posting_shard_round_trips() {
        let a = [Posting { doc: 0, saturation: 200, title: 3 }, Posting { doc: 700, saturation: 1, title: 0 }];
        let b = [Posting { doc: 5, saturation: 9, title: 255 }];
        let lists: Vec<Vec<u8>> = [&a[..], &b[..]].iter().map(|l| {
            let mut out = Vec::new();
            encode_postings(&mut out, l);
            out
        }).collect();
        let shard = PostShard::decode(3, &PostShard::encode(&lists)).unwrap();
        assert_eq!(shard.term_count(), 2);
        assert_eq!(shard.postings(0).collect::<Vec<_>>(), a);
        assert_eq!(shard.postings(1).collect::<Vec<_>>(), b);
        assert!(PostShard::decode(3, &PostShard::encode(&lists)[..4]).is_err());
    }
}
