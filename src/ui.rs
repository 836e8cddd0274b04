//! The Leptos UI: renders the core's view-model and keeps the selection in
//! the URL. The only module that imports leptos or web-sys.
//!
//! - `app`: the shell, the route signal, the hash listener; `building`: a
//!   story's view-model built in the engine's worker (`engine`, the page's
//!   side of it) or in slices on the page, with progress;
//! - `pages`: one file per view;
//! - `components`: pieces the pages share;
//! - `offline`: where the app runs (server or one file) and its service worker;
//! - `store`: IndexedDB, where the reader's stories are kept; `saved`: those
//!   stories as story files; `files`: reading dropped and pasted input;
//!   `download`: offering text as a file; `compress`: the browser's deflate,
//!   for story links; `view_cache`: built view-models kept in IndexedDB for
//!   return visits; `deferred`: code the first paint does not need (the
//!   view-model's decoders, the HTML reader, `story_tasks`: what the open
//!   story's buttons do), loaded when first used; `text`: lowercasing by
//!   the browser.

mod app;
mod building;
mod components;
mod compress;
mod deferred;
mod download;
mod engine;
mod files;
mod offline;
mod pages;
mod saved;
mod store;
mod story_tasks;
mod tasks;
pub mod text;
mod view_cache;

pub use app::App;

/// Mounts the app into `<body>`, replacing the static loading notice, and
/// warms the engine up.
pub fn mount() {
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        boot.remove();
    }
    leptos::mount::mount_to_body(App);
    // After the first paint, the engine's worker starts loading, so that
    // the first story brought in finds it ready (its wasm is fetched and
    // compiled off the main thread).
    leptos::prelude::request_animation_frame(|| {
        leptos::prelude::set_timeout(engine::warm, std::time::Duration::ZERO);
    });
}
