//! The browser entry point: Trunk builds this binary for wasm32 and boot.js starts it.

#[cfg(target_arch = "wasm32")]
fn main() {
    // Panic messages in the console help while developing; release builds leave the hook out
    // to save the formatting code it pulls into the wasm.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    folio::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("`folio` is the browser app: build it with Trunk (see README.md); the native tool is `folio-build`.");
    std::process::exit(2);
}
