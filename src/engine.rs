//! The engine's worker: the same wasm as the page, started in a Web Worker
//! by `engine-worker.js` (written by `postbuild/postbuild.mjs`), so that
//! analysing and aligning a story never blocks the page.
//!
//! - [`protocol`]: the messages between the page and the worker (plain
//!   serde types, tested natively);
//! - `worker` (wasm only): the worker's side: reads a story file, builds
//!   its view-model step by step with progress, sends it back as JSON.
//!
//! The page's side is `ui::engine`; where no worker can run (the one-file
//! copy opened from disk), the page builds in slices itself.

pub mod protocol;
#[cfg(target_arch = "wasm32")]
pub mod worker;
