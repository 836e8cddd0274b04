//! Parallax, the web app: a thin Leptos shell around `parallax-core`.
//!
//! - [`route`]: the link format (plain Rust, tested natively);
//! - [`engine`]: the engine's worker and its messages;
//! - [`ui`]: the only place that imports leptos and web-sys.

pub mod engine;
pub mod route;
pub mod ui;
