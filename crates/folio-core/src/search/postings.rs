//! Posting shards: the posting lists of a run of term ids (file format in [`super::format`]).

use super::bytes::{put_varint, FormatError, Reader};

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
        put_varint(
            out,
            (u64::from(p.doc - prev) << 1) | u64::from(p.title != 0),
        );
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
            offset = offset
                .checked_add(r.varint_u32()?)
                .ok_or(FormatError("posting offsets overflow"))?;
            starts.push(offset);
        }
        let data = &bytes[r.position()..];
        if data.len() != offset as usize {
            return Err(FormatError("posting shard length mismatch"));
        }
        Ok(PostShard {
            first_term,
            starts,
            data: data.to_vec(),
        })
    }

    pub fn term_count(&self) -> usize {
        self.starts.len() - 1
    }

    /// Postings of the term at local position `i`. A corrupt list ends early instead of
    /// panicking.
    pub fn postings(&self, i: usize) -> PostingIter<'_> {
        let bytes = &self.data[self.starts[i] as usize..self.starts[i + 1] as usize];
        PostingIter {
            bytes,
            pos: 0,
            doc: 0,
        }
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
        Some(Posting {
            doc: self.doc,
            saturation,
            title,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn posting_shard_round_trips() {
        let a = [
            Posting {
                doc: 0,
                saturation: 200,
                title: 3,
            },
            Posting {
                doc: 700,
                saturation: 1,
                title: 0,
            },
        ];
        let b = [Posting {
            doc: 5,
            saturation: 9,
            title: 255,
        }];
        let lists: Vec<Vec<u8>> = [&a[..], &b[..]]
            .iter()
            .map(|l| {
                let mut out = Vec::new();
                encode_postings(&mut out, l);
                out
            })
            .collect();
        let shard = PostShard::decode(3, &PostShard::encode(&lists)).unwrap();
        assert_eq!(shard.term_count(), 2);
        assert_eq!(shard.postings(0).collect::<Vec<_>>(), a);
        assert_eq!(shard.postings(1).collect::<Vec<_>>(), b);
        assert!(PostShard::decode(3, &PostShard::encode(&lists)[..4]).is_err());
    }
}
