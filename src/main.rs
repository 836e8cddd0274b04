//! Entry point of the web app: mounts the UI. Built for wasm32 by Trunk.
//! The engine is another wasm (`src/bin/parallax-engine.rs`).

fn main() {
    #[cfg(target_arch = "wasm32")]
    parallax::ui::mount();
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("Parallax is a web app: run `./run.sh serve` and open the printed URL.");
}
