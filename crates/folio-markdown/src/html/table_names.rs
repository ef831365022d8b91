//! Names for the regions tables scroll in (see `super::finish`). Each region is a landmark, so
//! each needs a name of its own on the page (axe `landmark-unique`): a post with 41 tables must
//! not offer a screen reader 41 regions called "Table".
//!
//! A table is named by its caption, else by its header cells ("Table: Name, Size, Date"), else
//! by its place ("Table 3 of 41"). A name two tables share gets the place added.

use std::collections::HashMap;

use super::tokens::Token;

/// Names longer than this (in characters) are cut, with an ellipsis.
const MAX_NAME_CHARS: usize = 80;

/// One name per `<table>` in `tokens`, in document order, no two alike.
pub fn table_names(tokens: &[Token]) -> Vec<String> {
    let starts: Vec<usize> = tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| matches!(t, Token::Start(tag) if tag.name == "table"))
        .map(|(i, _)| i)
        .collect();
    let total = starts.len();
    let own: Vec<Option<String>> = starts.iter().map(|&i| own_name(&tokens[i..])).collect();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for name in own.iter().flatten() {
        *seen.entry(name.as_str()).or_default() += 1;
    }
    own.iter()
        .enumerate()
        .map(|(i, name)| {
            let place = format!("{} of {total}", i + 1);
            match name {
                Some(name) if seen[name.as_str()] == 1 => name.clone(),
                Some(name) => format!("{name} (table {place})"),
                None => format!("Table {place}"),
            }
        })
        .collect()
}

/// The name the table starting `tokens` gives itself: its caption's text, else its first row
/// of header cells. Nested tables' text is not its own.
fn own_name(tokens: &[Token]) -> Option<String> {
    let mut depth = 0usize;
    // Where the text being read goes: the caption, or the current header cell.
    let mut caption: Option<String> = None;
    let mut headers: Vec<String> = Vec::new();
    let mut in_caption = false;
    let mut in_header = false;
    let mut header_row_done = false;
    for token in tokens {
        match token {
            Token::Start(tag) if tag.name == "table" => depth += 1,
            Token::End(name) if name == "table" => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            _ if depth != 1 => {}
            Token::Start(tag) if tag.name == "caption" => {
                in_caption = true;
                caption = Some(String::new());
            }
            Token::End(name) if name == "caption" => in_caption = false,
            Token::Start(tag) if tag.name == "th" && !header_row_done => {
                in_header = true;
                headers.push(String::new());
            }
            Token::End(name) if name == "th" => in_header = false,
            // Only the first row names columns (a later `th` heads a row).
            Token::End(name) if name == "tr" => header_row_done = true,
            Token::Text(text) if in_caption => caption.get_or_insert_default().push_str(text),
            Token::Text(text) if in_header => {
                if let Some(cell) = headers.last_mut() {
                    cell.push_str(text);
                }
            }
            _ => {}
        }
    }
    if let Some(caption) = caption.map(|c| collapse(&c)).filter(|c| !c.is_empty()) {
        return Some(shorten(format!("Table: {caption}")));
    }
    let headers: Vec<String> = headers
        .iter()
        .map(|h| collapse(h))
        .filter(|h| !h.is_empty())
        .collect();
    (!headers.is_empty()).then(|| shorten(format!("Table: {}", headers.join(", "))))
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn shorten(name: String) -> String {
    match name.char_indices().nth(MAX_NAME_CHARS) {
        Some((cut, _)) => format!("{}…", name[..cut].trim_end()),
        None => name,
    }
}
