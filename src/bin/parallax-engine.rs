//! Entry point of the engine's wasm: the analysis and alignment of a story
//! (`parallax::engine::host`), without the UI. Built for wasm32 by Trunk
//! (`data-type="worker"` in index.html) and loaded by `engine-worker.js`,
//! or on the page where no worker can run.

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("The engine of the Parallax web app: run `./run.sh serve` and open the printed URL.");
}

/// Starts the engine in a Web Worker (called by `engine-worker.js`).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn engine_worker() {
    parallax::engine::host::serve_worker();
}

/// Starts the engine on the page: `reply` hears its answers; the function
/// returned takes the requests (called by the page's engine loader).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn engine_on_page(reply: js_sys::Function) -> js_sys::Function {
    parallax::engine::host::serve_page(reply)
}
