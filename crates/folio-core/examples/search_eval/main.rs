//! Search quality and speed on the peer benchmark's corpora: see `native.rs`.
//!
//! ```sh
//! cargo run --release -p folio-core --example search_eval -- [--corpus rust-blog,rust-rfcs] [--queries-dir DIR --queries-suffix .dev]
//! cargo run --release -p folio-core --example search_eval -- --scale 10000
//! cargo run --release -p folio-core --example search_eval -- --typing rust-blog.json:rust-blog.queries.json
//! ```
//!
//! Host only (it reads files and runs `gzip`); on wasm32 it builds to an empty program, so that
//! `cargo test --target wasm32-unknown-unknown` still compiles every example.

#[cfg(not(target_arch = "wasm32"))]
mod native;
#[cfg(not(target_arch = "wasm32"))]
mod scale;
#[cfg(not(target_arch = "wasm32"))]
mod typing;

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    native::main();
}
