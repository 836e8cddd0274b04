//! Entry point of the web app: mounts the UI. Built for wasm32 by Trunk.
//! The same wasm runs the engine's worker: `engine-worker.js` calls
//! [`engine_worker`] (and `main`, run on load, mounts nothing there).

fn main() {
    #[cfg(target_arch = "wasm32")]
    parallax::ui::mount();
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("Parallax is a web app: run `./run.sh serve` and open the printed URL.");
}

/// Starts the engine's worker side (called by `engine-worker.js`).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn engine_worker() {
    parallax::engine::worker::start();
}
