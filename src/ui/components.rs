//! Pieces the pages share.

pub mod article;
pub mod build_progress;
pub mod copy_link;
pub mod fact_links;
pub mod filters;
pub mod link_notice;
pub mod matrix;
pub mod nav;
pub mod offline_copy;
pub mod progressive;
pub mod story_actions;
pub mod story_import;
pub mod update_notice;
pub mod word_diff;
