//! Parallax' pure core: the bundled corpus, the extraction pipeline and the
//! view-model the UI renders.
//!
//! Data flows one way: [`corpus`] → [`extract`] → [`compare`]. Nothing in this
//! crate does IO, touches the DOM or can panic on any input text; every
//! extracted item is a [`model::Span`] of byte offsets into the raw article
//! text, and later stages never rewrite those offsets.

pub mod align;
pub mod anchor;
pub mod annotate;
pub mod compare;
pub mod corpus;
pub mod extract;
pub mod import;
pub mod model;
pub mod synthetic;

pub use extract::analyze;
pub use model::{Diagnostic, Span};
