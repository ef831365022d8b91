//! A dictionary shard: a run of the sorted term list, front-coded, with document frequencies
//! (file format in [`super::format`]). A first-letter shard has the same layout, over the terms
//! written with their first letter moved to the end, and carries each term's global id, which
//! its position cannot give.

use super::bytes::{put_str, put_varint, FormatError, Reader};

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
    joined_only: Vec<bool>,
    /// Global term ids, written only in first-letter shards (a dictionary shard's terms are
    /// numbered by position from `first_term`).
    ids: Vec<u32>,
}

/// One term as the builder writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DictEntry<'a> {
    pub term: &'a str,
    pub doc_freq: u32,
    pub joined_only: bool,
    /// Global term id (written by [`DictShard::encode`] only `with_ids`).
    pub id: u32,
}

impl DictShard {
    pub fn encode(terms: &[DictEntry<'_>], with_ids: bool) -> Vec<u8> {
        let mut out = Vec::new();
        put_varint(&mut out, terms.len() as u64);
        out.push(u8::from(with_ids));
        let mut prev: &str = "";
        for &DictEntry {
            term,
            doc_freq,
            joined_only,
            id,
        } in terms
        {
            let mut shared = common_prefix_len(prev, term).min(usize::from(u8::MAX));
            while !term.is_char_boundary(shared) {
                shared -= 1;
            }
            put_varint(&mut out, shared as u64);
            put_str(&mut out, &term[shared..]);
            put_varint(
                &mut out,
                (u64::from(doc_freq) << 1) | u64::from(joined_only),
            );
            if with_ids {
                put_varint(&mut out, id.into());
            }
            prev = term;
        }
        out
    }

    pub fn decode(first_term: u32, bytes: &[u8]) -> Result<DictShard, FormatError> {
        let mut r = Reader::new(bytes);
        let n = r.varint()? as usize;
        let with_ids = r.bytes(1)? == [1];
        let cap = n.min(bytes.len());
        let mut shard = DictShard {
            first_term,
            buf: String::with_capacity(bytes.len() * 2),
            ends: Vec::with_capacity(cap),
            shared: Vec::with_capacity(cap),
            doc_freqs: Vec::with_capacity(cap),
            joined_only: Vec::with_capacity(cap),
            ids: Vec::new(),
        };
        let mut prev_start = 0usize;
        for _ in 0..n {
            let shared = r.varint()? as usize;
            let suffix = r.str()?;
            let prev_len = shard.buf.len() - prev_start;
            if shared > prev_len
                || shared > usize::from(u8::MAX)
                || !shard.buf.is_char_boundary(prev_start + shared)
            {
                return Err(FormatError("bad front coding"));
            }
            let start = shard.buf.len();
            shard
                .buf
                .extend_from_within(prev_start..prev_start + shared);
            shard.buf.push_str(suffix);
            prev_start = start;
            shard
                .ends
                .push(u32::try_from(shard.buf.len()).map_err(|_| FormatError("shard too large"))?);
            shard.shared.push(shared as u8);
            let df = r.varint_u32()?;
            shard.doc_freqs.push(df >> 1);
            shard.joined_only.push(df & 1 == 1);
            if with_ids {
                shard.ids.push(r.varint_u32()?);
            }
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

    /// Global id of term `i`.
    pub fn id(&self, i: usize) -> u32 {
        self.ids
            .get(i)
            .copied()
            .unwrap_or(self.first_term + i as u32)
    }

    pub fn doc_freq(&self, i: usize) -> u32 {
        self.doc_freqs[i]
    }

    /// Whether term `i` only occurs as a compound's joined form.
    pub fn joined_only(&self, i: usize) -> bool {
        self.joined_only[i]
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dictionary_shard_round_trips_with_front_coding() {
        let terms = [
            ("async", 3),
            ("asyncawait", 1),
            ("await", 9),
            ("été", 2),
            ("東京", 1),
        ];
        let entries: Vec<DictEntry> = terms
            .iter()
            .enumerate()
            .map(|(i, &(term, doc_freq))| DictEntry {
                term,
                doc_freq,
                joined_only: term == "asyncawait",
                id: 700 + 3 * i as u32,
            })
            .collect();
        let bytes = DictShard::encode(&entries, false);
        let shard = DictShard::decode(10, &bytes).unwrap();
        assert_eq!(shard.len(), terms.len());
        for (i, &(t, df)) in terms.iter().enumerate() {
            assert_eq!(
                (shard.term(i), shard.doc_freq(i), shard.joined_only(i)),
                (t, df, t == "asyncawait")
            );
            assert_eq!(shard.id(i), 10 + i as u32, "numbered by position");
        }
        let with_ids = DictShard::decode(10, &DictShard::encode(&entries, true)).unwrap();
        for i in 0..terms.len() {
            assert_eq!(with_ids.term(i), shard.term(i));
            assert_eq!(with_ids.id(i), 700 + 3 * i as u32, "ids as written");
        }
        assert_eq!(shard.lower_bound("await"), 2);
        assert_eq!(shard.prefix_end("async"), 2);
        assert_eq!(shard.lower_bound("zzz"), 3); // UTF-8 order: "é" sorts after "z"
        assert_eq!(shard.lower_bound("\u{10FFFF}"), 5);
    }
}
