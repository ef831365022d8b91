//! An image's pixel size, for `width`/`height` on `<img>` so the page does not shift when the
//! image arrives: raster formats read by [`imagesize`] from the file's first bytes, SVG from its
//! root element's `width` and `height` (or `viewBox`). Anything unreadable is `None` and the
//! image simply goes without.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use folio_markdown::html::tokens::{tokenize, Token};

/// Bytes read from the start of a file: JPEG's size sits after its metadata segments (EXIF
/// thumbnails can be tens of kB); an SVG's root element is near the top.
const HEAD: u64 = 256 * 1024;

/// `(width, height)` in CSS pixels of the image at `path`, if its format is known and its
/// header says.
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
pub fn size_of(head: &[u8]) -> Option<(u32, u32)> {
    let size = match imagesize::blob_size(head) {
        Ok(size) => (
            u32::try_from(size.width).ok()?,
            u32::try_from(size.height).ok()?,
        ),
        Err(_) => svg(head)?,
    };
    (size.0 > 0 && size.1 > 0).then_some(size)
}

/// An SVG's size: its root `width` and `height` when both are plain numbers or pixels, else its
/// `viewBox`'s (what a browser shows for an `<img>` without either).
fn svg(head: &[u8]) -> Option<(u32, u32)> {
    // The head may end inside a multi-byte character: the valid part is enough.
    let text = match std::str::from_utf8(head) {
        Ok(text) => text,
        Err(e) => std::str::from_utf8(&head[..e.valid_up_to()]).ok()?,
    };
    // Up to the root element's end: the tokenizer need not read the whole drawing.
    let start = text.find("<svg")?;
    let end = start + text[start..].find('>')? + 1;
    let root = tokenize(&text[start..end])
        .into_iter()
        .find_map(|t| match t {
            Token::Start(tag) if tag.name == "svg" => Some(tag),
            _ => None,
        })?;
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
        root.attr("width").and_then(pixels),
        root.attr("height").and_then(pixels),
    ) {
        return Some((round(w)?, round(h)?));
    }
    // The HTML tokenizer lowercases attribute names.
    let view_box: Vec<f64> = root
        .attr("viewbox")?
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().ok())
        .collect::<Option<_>>()?;
    match view_box[..] {
        [_, _, w, h] if w > 0.0 && h > 0.0 => Some((round(w)?, round(h)?)),
        _ => None,
    }
}
