//! One module per view.

pub mod entities;
pub mod fact;
pub mod later;
pub mod new_story;
pub mod overview;
pub mod quotes;
pub mod scroll;
pub mod stories;
pub mod story;
pub mod timeline;
