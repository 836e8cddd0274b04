//! Pieces the pages share.

pub mod article;
pub mod link_notice;
pub mod offline_copy;
pub mod update_notice;
