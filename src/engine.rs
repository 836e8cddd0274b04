//! The engine: the analysis and alignment of a story, in its own wasm
//! (`src/bin/parallax-engine.rs`), so that the page's wasm carries none of
//! it and the page never blocks on it.
//!
//! - [`protocol`]: the messages between the page and the engine (plain
//!   serde types, tested natively);
//! - `host` (wasm only): the engine's side: reads a story file, builds its
//!   view-model step by step with progress, sends it back as JSON — in a
//!   Web Worker (`engine-worker.js`, written by `postbuild/postbuild.mjs`),
//!   or on the page in slices where no worker can run.
//!
//! The page's side is `ui::engine`.

#[cfg(target_arch = "wasm32")]
pub mod host;
pub mod protocol;

/// The size of this wasm instance's memory, in bytes (it only grows: its
/// peak). Each wasm — the page's and the engine's — reports its own.
/// (0 natively, where there is none.)
pub fn wasm_memory_bytes() -> u64 {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        wasm_bindgen::memory()
            .dyn_into::<js_sys::WebAssembly::Memory>()
            .map_or(0, |m| {
                u64::from(
                    m.buffer()
                        .unchecked_into::<js_sys::ArrayBuffer>()
                        .byte_length(),
                )
            })
    }
    #[cfg(not(target_arch = "wasm32"))]
    0
}
