//! Pieces the pages share.

pub mod article;
pub mod link_notice;
