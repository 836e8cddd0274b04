//! One module per view.

pub mod story;
