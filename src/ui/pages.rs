//! One module per view.

pub mod entities;
pub mod fact;
pub mod overview;
pub mod quotes;
pub mod scroll;
pub mod story;
pub mod timeline;
