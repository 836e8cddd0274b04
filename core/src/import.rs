//! Import: turns what a user brings into article text and suggested fields,
//! without IO (the app reads files and the clipboard and hands over bytes or
//! strings).
//!
//! - [`decode`]: file bytes to text (UTF-8, UTF-16, Windows-1252), binary
//!   files refused, size limits.
//! - [`html`]: a saved page or clipboard HTML to article text plus metadata.
//! - [`paste`]: pasted text split into articles at separator lines.
//! - [`prefill`]: headline, outlet, date and URL suggested for one article.
//! - [`story_file`]: the versioned JSON story file, read and written.
//! - [`link`]: a story link's payload (base64url of the compressed story file).
//!
//! Like the rest of the core, nothing here panics, and all work is linear in
//! the input's size.

pub mod decode;
pub mod html;
pub mod link;
pub mod paste;
pub mod prefill;
pub mod story_file;

pub use decode::{Decoded, decode_text};
pub use html::{HtmlArticle, html_to_article};
pub use paste::split_articles;
pub use prefill::{Suggestion, suggest};
pub use story_file::{ImportError, StoryFile, StoryFileArticle, parse_story_file};

use crate::model::DateTime;

/// An ISO 8601 date or date-time as HTML metadata and story files write it
/// (`2014-12-18`, `2023-03-14T09:30:00+01:00`, `2023-03-14 09:30Z`); the
/// wall-clock time is kept as written, the offset ignored.
pub fn parse_iso_datetime(value: &str) -> Option<DateTime> {
    let s = value.trim().as_bytes();
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let digits = s.get(range)?;
        digits.iter().try_fold(0u32, |n, &b| {
            b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
        })
    };
    if s.get(4) != Some(&b'-') || s.get(7) != Some(&b'-') {
        return None;
    }
    let year = i32::try_from(number(0..4)?).ok()?;
    let month = u8::try_from(number(5..7)?).ok()?;
    let day = u8::try_from(number(8..10)?).ok()?;
    if s.get(10).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let time = match s.get(10) {
        Some(b'T' | b't' | b' ') if s.get(13) == Some(&b':') => Some((
            u8::try_from(number(11..13)?).ok()?,
            u8::try_from(number(14..16)?).ok()?,
        )),
        _ => None,
    };
    DateTime::new(year, month, day, time)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates() {
        let d = |s| parse_iso_datetime(s).map(|d| d.iso());
        assert_eq!(d("2014-12-18"), Some("2014-12-18".into()));
        assert_eq!(
            d(" 2023-03-14T09:30:00.000+01:00"),
            Some("2023-03-14T09:30".into())
        );
        assert_eq!(d("2023-03-14 09:30Z"), Some("2023-03-14T09:30".into()));
        assert_eq!(d("2023-02-30"), None);
        assert_eq!(d("2023-03-145"), None);
        assert_eq!(d("14 March 2023"), None);
        assert_eq!(d("2023-03-14T25:00"), None);
        assert_eq!(d("٢٠٢٣-03-14"), None);
    }
}
