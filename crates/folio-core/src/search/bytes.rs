//! Byte-level helpers for the index files: LEB128 varints, length-prefixed strings, and a
//! content hash for file names.
//!
//! The format is hand-rolled rather than serde + postcard: the files are a handful of integer
//! and string sequences, and a reader that decodes them straight into the searcher's arrays is
//! smaller in wasm and faster than deserializing into intermediate structs.

use std::fmt;

/// The index bytes are not what this reader expects (truncated, corrupt, or another version).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatError(pub &'static str);

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "search index: {}", self.0)
    }
}

impl std::error::Error for FormatError {}

pub fn put_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

pub fn put_str(out: &mut Vec<u8>, s: &str) {
    put_varint(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

/// A cursor over index bytes; every read checks bounds and reports truncation.
pub struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, pos: 0 }
    }

    #[cfg(test)]
    pub fn at_end(&self) -> bool {
        self.pos >= self.bytes.len()
    }

    pub fn position(&self) -> usize {
        self.pos
    }

    pub fn varint(&mut self) -> Result<u64, FormatError> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = *self
                .bytes
                .get(self.pos)
                .ok_or(FormatError("truncated varint"))?;
            self.pos += 1;
            value |= u64::from(byte & 0x7F) << shift;
            if byte < 0x80 {
                return Ok(value);
            }
        }
        Err(FormatError("varint too long"))
    }

    pub fn varint_u32(&mut self) -> Result<u32, FormatError> {
        u32::try_from(self.varint()?).map_err(|_| FormatError("number out of range"))
    }

    pub fn bytes(&mut self, n: usize) -> Result<&'a [u8], FormatError> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or(FormatError("truncated data"))?;
        let slice = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(slice)
    }

    pub fn u64_le(&mut self) -> Result<u64, FormatError> {
        let b = self.bytes(8)?;
        Ok(u64::from_le_bytes(b.try_into().expect("8 bytes")))
    }

    pub fn str(&mut self) -> Result<&'a str, FormatError> {
        let len = self.varint()? as usize;
        std::str::from_utf8(self.bytes(len)?).map_err(|_| FormatError("invalid UTF-8"))
    }
}

/// 64-bit FNV-1a: a stable content hash for cache-forever file names (not for security).
pub fn content_hash(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_and_strings_round_trip() {
        let mut out = Vec::new();
        for v in [0, 1, 127, 128, 300, u32::MAX as u64, u64::MAX] {
            put_varint(&mut out, v);
        }
        put_str(&mut out, "héllo");
        let mut r = Reader::new(&out);
        for v in [0, 1, 127, 128, 300, u32::MAX as u64, u64::MAX] {
            assert_eq!(r.varint().unwrap(), v);
        }
        assert_eq!(r.str().unwrap(), "héllo");
        assert!(r.at_end());
        assert!(r.varint().is_err());
    }

    #[test]
    fn truncated_input_is_an_error_not_a_panic() {
        let mut r = Reader::new(&[0x80]);
        assert!(r.varint().is_err());
        let mut r = Reader::new(&[5, b'a']);
        assert!(r.str().is_err());
    }
}
