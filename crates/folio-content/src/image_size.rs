//! An image's pixel size from the first bytes of its file: PNG, GIF, JPEG, WebP and SVG. Enough
//! for `width`/`height` on `<img>` so the page does not shift when the image arrives; anything
//! unreadable is `None` and the image simply goes without.

use std::fs::File;
use std::io::Read;
use std::path::Path;

/// Bytes read from the start of a file: PNG, GIF and WebP need fewer than 32; JPEG's size sits
/// after its metadata segments (EXIF thumbnails can be tens of kB); an SVG's root element is
/// near the top.
const HEAD: u64 = 256 * 1024;

/// `(width, height)` in CSS pixels of the image at `path`, if it is one of the formats above
/// and its header says.
pub fn image_size(path: &Path) -> Option<(u32, u32)> {
    let mut head = Vec::new();
    File::open(path)
        .ok()?
        .take(HEAD)
        .read_to_end(&mut head)
        .ok()?;
    size_of(&head)
}

/// [`image_size`] of a file's first bytes.
pub fn size_of(b: &[u8]) -> Option<(u32, u32)> {
    let le16 = |i: usize| {
        Some(u32::from(u16::from_le_bytes(
            b.get(i..i + 2)?.try_into().ok()?,
        )))
    };
    let be32 = |i: usize| Some(u32::from_be_bytes(b.get(i..i + 4)?.try_into().ok()?));
    let le24 = |i: usize| {
        Some(u32::from_le_bytes([
            *b.get(i)?,
            *b.get(i + 1)?,
            *b.get(i + 2)?,
            0,
        ]))
    };
    let size = if b.starts_with(b"\x89PNG\r\n\x1a\n") && b.get(12..16) == Some(b"IHDR") {
        (be32(16)?, be32(20)?)
    } else if b.starts_with(b"GIF87a") || b.starts_with(b"GIF89a") {
        (le16(6)?, le16(8)?)
    } else if b.starts_with(b"\xff\xd8") {
        jpeg(b)?
    } else if b.starts_with(b"RIFF") && b.get(8..12) == Some(b"WEBP") {
        match b.get(12..16)? {
            b"VP8 " => (le16(26)? & 0x3fff, le16(28)? & 0x3fff),
            b"VP8L" => {
                let bits = u32::from_le_bytes(b.get(21..25)?.try_into().ok()?);
                ((bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1)
            }
            b"VP8X" => (le24(24)? + 1, le24(27)? + 1),
            _ => return None,
        }
    } else {
        // The head may end inside a multi-byte character: the valid part is enough.
        let text = match std::str::from_utf8(b) {
            Ok(text) => text,
            Err(e) => std::str::from_utf8(&b[..e.valid_up_to()]).ok()?,
        };
        svg(text)?
    };
    (size.0 > 0 && size.1 > 0).then_some(size)
}

/// Walks JPEG segments to the first start-of-frame marker, which holds the size.
fn jpeg(b: &[u8]) -> Option<(u32, u32)> {
    let be16 = |i: usize| {
        Some(usize::from(u16::from_be_bytes(
            b.get(i..i + 2)?.try_into().ok()?,
        )))
    };
    let mut i = 2;
    loop {
        // Markers may be padded with extra 0xFF bytes.
        while b.get(i) == Some(&0xff) && b.get(i + 1) == Some(&0xff) {
            i += 1;
        }
        if b.get(i) != Some(&0xff) {
            return None;
        }
        let marker = *b.get(i + 1)?;
        // SOF0..SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range.
        if (0xc0..=0xcf).contains(&marker) && !matches!(marker, 0xc4 | 0xc8 | 0xcc) {
            let height = be16(i + 5)?;
            let width = be16(i + 7)?;
            return Some((u32::try_from(width).ok()?, u32::try_from(height).ok()?));
        }
        if matches!(marker, 0xd8 | 0x01 | 0xd0..=0xd7) {
            i += 2; // markers without a length
        } else {
            i += 2 + be16(i + 2)?;
        }
    }
}

/// An SVG's size: its root `width` and `height` when both are plain numbers or pixels, else
/// its `viewBox`'s (what a browser shows for an `<img>` without either).
fn svg(text: &str) -> Option<(u32, u32)> {
    let start = text.find("<svg")?;
    let tag = &text[start..start + text[start..].find('>')?];
    let attr = |name: &str| -> Option<&str> {
        let mut rest = tag;
        loop {
            let at = rest.find(name)?;
            let before = rest[..at].chars().next_back();
            rest = &rest[at + name.len()..];
            if !before.is_some_and(char::is_whitespace) {
                continue;
            }
            let value = rest.trim_start().strip_prefix('=')?.trim_start();
            let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'')?;
            let value = &value[1..];
            return Some(&value[..value.find(quote)?]);
        }
    };
    let pixels = |v: &str| -> Option<f64> {
        let v = v.trim();
        let number = v.strip_suffix("px").unwrap_or(v);
        number
            .parse::<f64>()
            .ok()
            .filter(|n| n.is_finite() && *n > 0.0)
    };
    let round = |n: f64| u32::try_from(n.round() as i64).ok();
    if let (Some(w), Some(h)) = (
        attr("width").and_then(pixels),
        attr("height").and_then(pixels),
    ) {
        return Some((round(w)?, round(h)?));
    }
    let view_box: Vec<f64> = attr("viewBox")?
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().ok())
        .collect::<Option<_>>()?;
    match view_box[..] {
        [_, _, w, h] if w > 0.0 && h > 0.0 => Some((round(w)?, round(h)?)),
        _ => None,
    }
}
