//! Case and diacritic folding, one character at a time.
//!
//! Readers type `cafe` for `Café` and `Zurich` for `Zürich`, so index and query text go through
//! the same fold. A hand-written table for Latin-1 and Latin Extended-A covers the European
//! languages a personal blog is likely to quote; combining marks (decomposed input) are dropped.
//! Everything else is only lowercased. This keeps the Unicode normalization tables (tens of kB)
//! out of the wasm binary.

use crate::marks::is_diacritic;

/// Base letters for U+00C0..=U+00FF. Digits stand for multi-letter folds (see [`expand`]),
/// `.` for characters that are not letters (× and ÷) and keep their lowercase form.
const LATIN1: &[u8; 64] = b"aaaaaa3ceeeeiiiidnooooo.ouuuuy45aaaaaa3ceeeeiiiidnooooo.ouuuuy4y";

/// Base letters for U+0100..=U+017F (Latin Extended-A), same conventions.
const LATIN_EXT_A: &[u8; 128] = b"aaaaaaccccccccdd\
ddeeeeeeeeeegggg\
gggghhhhiiiiiiii\
ii11jjkkklllllll\
lllnnnnnnnnnoooo\
oo22rrrrrrssssss\
ssttttttuuuuuuuu\
uuuuwwyyyzzzzzzs";

fn expand(code: u8) -> &'static str {
    match code {
        b'1' => "ij",
        b'2' => "oe",
        b'3' => "ae",
        b'4' => "th",
        b'5' => "ss",
        _ => "",
    }
}

/// Appends the folded form of `c` to `out`: lowercase, without diacritics. Full-width ASCII
/// (as typed with CJK input methods) folds to ASCII.
pub fn fold_char_into(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    let code = c as u32;
    let table_byte = match code {
        0xC0..=0xFF => Some(LATIN1[(code - 0xC0) as usize]),
        0x100..=0x17F => Some(LATIN_EXT_A[(code - 0x100) as usize]),
        _ => None,
    };
    match table_byte {
        Some(b'.') | None => {}
        Some(b) if b.is_ascii_digit() => return out.push_str(expand(b)),
        Some(b) => return out.push(b as char),
    }
    if is_diacritic(c) {
        return;
    }
    if let 0xFF01..=0xFF5E = code {
        // Full-width forms sit at a fixed offset from ASCII.
        if let Some(ascii) = char::from_u32(code - 0xFF01 + 0x21) {
            out.push(ascii.to_ascii_lowercase());
            return;
        }
    }
    out.extend(c.to_lowercase());
}

/// The folded form of a whole string (tests, and query words shown back to the reader).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char_into(c, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folds_case_and_latin_diacritics() {
        assert_eq!(fold("Café Zürich"), "cafe zurich");
        assert_eq!(fold("ÀÉÎÕÜ àéîõü Ççñ"), "aeiou aeiou ccn");
        assert_eq!(fold("Straße Æsir œuvre Þór"), "strasse aesir oeuvre thor");
        assert_eq!(fold("Łódź Dvořák Şişli"), "lodz dvorak sisli");
        assert_eq!(fold("3×4÷2"), "3×4÷2");
    }

    #[test]
    fn drops_combining_marks_and_folds_full_width() {
        assert_eq!(fold("Cafe\u{301}"), "cafe");
        assert_eq!(fold("ＲＵＳＴ１"), "rust1");
    }

    #[test]
    fn lowercases_other_scripts_and_keeps_cjk() {
        assert_eq!(fold("ΑΒΓ Привет"), "αβγ привет");
        assert_eq!(fold("東京"), "東京");
    }
}
