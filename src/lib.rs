//! Parallax, the web app: a thin Leptos shell around `parallax-core`.
//!
//! - [`route`]: the link format (plain Rust, tested natively);
//! - [`ui`]: the only place that imports leptos and web-sys.

pub mod route;
pub mod ui;
