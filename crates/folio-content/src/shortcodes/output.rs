//! The converted Markdown, with where each part of it came from: warnings found while rendering
//! it (a link to a missing post) must name the line in the author's file, and conversion adds
//! and removes lines (a `{% highlight %}` opener in mid-line becomes a fence on its own line).

use std::ops::Range;

/// Text built from copies of the source and replacements for parts of it.
#[derive(Debug, Default)]
pub struct Output {
    text: String,
    /// Where each piece starts in `text`, where it came from in the source, and whether it is
    /// a copy (offsets inside map one to one) or a replacement (all of it maps to `source`).
    pieces: Vec<Piece>,
}

#[derive(Clone, Copy, Debug)]
struct Piece {
    at: usize,
    source: usize,
    copied: bool,
}

impl Output {
    pub fn with_capacity(capacity: usize) -> Self {
        Output {
            text: String::with_capacity(capacity),
            pieces: Vec::new(),
        }
    }

    /// Appends `source[range]` unchanged.
    pub fn copy(&mut self, source: &str, range: Range<usize>) {
        if range.is_empty() {
            return;
        }
        let continues_last = self
            .pieces
            .last()
            .is_some_and(|p| p.copied && p.source + (self.text.len() - p.at) == range.start);
        if !continues_last {
            self.pieces.push(Piece {
                at: self.text.len(),
                source: range.start,
                copied: true,
            });
        }
        self.text.push_str(&source[range]);
    }

    /// Appends `text` standing for the source at offset `source`.
    pub fn replace(&mut self, text: &str, source: usize) {
        if text.is_empty() {
            return;
        }
        self.pieces.push(Piece {
            at: self.text.len(),
            source,
            copied: false,
        });
        self.text.push_str(text);
    }

    pub fn into_map(self) -> (String, SourceMap) {
        (self.text, SourceMap(self.pieces))
    }
}

/// Offsets in converted text back to offsets in the source.
#[derive(Clone, Debug, Default)]
pub struct SourceMap(Vec<Piece>);

impl SourceMap {
    /// The source offset that `offset` in the converted text came from.
    pub fn source_offset(&self, offset: usize) -> usize {
        let i = self.0.partition_point(|p| p.at <= offset);
        match i.checked_sub(1).map(|i| self.0[i]) {
            Some(p) if p.copied => p.source + (offset - p.at),
            Some(p) => p.source,
            None => offset,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_copies_exactly_and_replacements_to_their_start() {
        let source = "ab{x}cd";
        let mut out = Output::default();
        out.copy(source, 0..2);
        out.replace("XYZ\n", 2);
        out.copy(source, 5..7);
        let (text, map) = out.into_map();
        assert_eq!(text, "abXYZ\ncd");
        let back: Vec<usize> = (0..text.len()).map(|i| map.source_offset(i)).collect();
        assert_eq!(back, [0, 1, 2, 2, 2, 2, 5, 6]);
    }
}
