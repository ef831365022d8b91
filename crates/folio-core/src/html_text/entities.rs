//! Text as the reader sees it, with a map back to the escaped text it came from, so matches
//! found in the one can be marked in the other without splitting a character reference.

/// `escaped` (HTML text) decoded: `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&nbsp;` and
/// numeric references (what the renderer writes, and what authors write in raw HTML). Any
/// other named reference stands as U+FFFD: one character that is no word, so no match can
/// start or end inside it.
pub(super) struct Decoded {
    pub(super) text: String,
    /// For each byte offset of `text` that starts a character, and for `text.len()`: the
    /// offset in `escaped` where that character's source starts (or `escaped.len()`).
    source_at: Vec<usize>,
}

impl Decoded {
    pub(super) fn new(escaped: &str) -> Decoded {
        let mut text = String::with_capacity(escaped.len());
        let mut source_at = Vec::with_capacity(escaped.len() + 1);
        let mut i = 0;
        while let Some(c) = escaped[i..].chars().next() {
            let (decoded, len) = if c == '&' {
                reference(&escaped[i..]).unwrap_or(('&', 1))
            } else {
                (c, c.len_utf8())
            };
            // One entry per byte of the decoded character, so any char boundary maps.
            source_at.extend(std::iter::repeat_n(i, decoded.len_utf8()));
            text.push(decoded);
            i += len;
        }
        source_at.push(escaped.len());
        Decoded { text, source_at }
    }

    /// The offset in the escaped text for a char boundary `at` of [`Decoded::text`].
    pub(super) fn source(&self, at: usize) -> usize {
        self.source_at[at.min(self.source_at.len() - 1)]
    }
}

/// The character a complete reference at the start of `s` stands for, and its length.
fn reference(s: &str) -> Option<(char, usize)> {
    let end = s.find(';').filter(|&end| end > 1 && end <= 32)?;
    let name = &s[1..end];
    let c = if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        char::from_u32(code)
            .filter(|&c| c != '\0')
            .unwrap_or('\u{FFFD}')
    } else {
        if !name.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return None;
        }
        match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => '\u{A0}',
            _ => '\u{FFFD}',
        }
    };
    Some((c, end + 1))
}
