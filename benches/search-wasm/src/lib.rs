//! The search module compiled alone to wasm32, with a tiny C-style interface for `bench.mjs`:
//! strings go in through `alloc` + memory writes, results come out through `out_ptr`/`out_len`.

use folio_core::search;

use std::cell::RefCell;

thread_local! {
    static SEARCHER: RefCell<Option<search::Searcher>> = const { RefCell::new(None) };
    static OUT: RefCell<String> = const { RefCell::new(String::new()) };
}

fn text<'a>(ptr: *const u8, len: usize) -> &'a str {
    // SAFETY: the caller wrote `len` bytes of UTF-8 at `ptr`, obtained from `alloc`.
    std::str::from_utf8(unsafe { std::slice::from_raw_parts(ptr, len) }).unwrap_or("")
}

fn bytes<'a>(ptr: *const u8, len: usize) -> &'a [u8] {
    // SAFETY: as above.
    unsafe { std::slice::from_raw_parts(ptr, len) }
}

fn set_out(s: String) -> usize {
    OUT.with(|o| {
        *o.borrow_mut() = s;
        o.borrow().len()
    })
}

#[no_mangle]
pub extern "C" fn alloc(n: usize) -> *mut u8 {
    let mut v = Vec::<u8>::with_capacity(n.max(1));
    let p = v.as_mut_ptr();
    std::mem::forget(v);
    p
}

#[no_mangle]
pub extern "C" fn out_ptr() -> *const u8 {
    OUT.with(|o| o.borrow().as_ptr())
}

/// Reads the root file; 0 on success.
#[no_mangle]
pub extern "C" fn open(ptr: *const u8, len: usize) -> i32 {
    match search::Searcher::new(bytes(ptr, len)) {
        Ok(s) => {
            SEARCHER.with(|c| *c.borrow_mut() = Some(s));
            0
        }
        Err(_) => -1,
    }
}

/// The parts the query still needs, newline-separated in the output buffer; returns its length.
#[no_mangle]
pub extern "C" fn needed(qp: *const u8, ql: usize) -> usize {
    let q = search::parse_query(text(qp, ql));
    let parts = SEARCHER.with(|c| {
        c.borrow()
            .as_ref()
            .map(|s| s.needed_parts(&q))
            .unwrap_or_default()
    });
    set_out(parts.join("\n"))
}

#[no_mangle]
pub extern "C" fn add(pp: *const u8, pl: usize, bp: *const u8, bl: usize) -> i32 {
    SEARCHER.with(|c| {
        c.borrow_mut().as_mut().map_or(-1, |s| {
            s.add_part(text(pp, pl), bytes(bp, bl)).map_or(-1, |_| 0)
        })
    })
}

/// Parses and runs the query; the top 10 doc ids go to the output buffer, space-separated.
#[no_mangle]
pub extern "C" fn run(qp: *const u8, ql: usize) -> usize {
    let q = search::parse_query(text(qp, ql));
    let hits = SEARCHER.with(|c| {
        c.borrow()
            .as_ref()
            .map(|s| s.search(&q, 10))
            .unwrap_or_default()
    });
    set_out(
        hits.iter()
            .map(|h| h.doc.to_string())
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// A snippet of `body` for the query's terms (the app's results page does this per hit).
#[no_mangle]
pub extern "C" fn snip(qp: *const u8, ql: usize, bp: *const u8, bl: usize) -> usize {
    let q = search::parse_query(text(qp, ql));
    let terms: Vec<String> = q.words.iter().map(|w| w.term.clone()).collect();
    let s = search::snippet(text(bp, bl), &terms, 160);
    set_out(s.text)
}
