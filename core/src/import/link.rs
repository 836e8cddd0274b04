//! The payload of a story link: a story file, compressed by the browser
//! (raw deflate), carried in the URL fragment as base64url without padding
//! (`A–Z a–z 0–9 - _`, safe in a fragment with no escaping). This module
//! encodes and checks that text; compression is the shell's (the browser's
//! own `CompressionStream`, so it costs the app no code).

/// The longest fragment payload the app writes or reads, in characters.
/// Chromium and Firefox accept URLs of well over 64 KB, and a link of this
/// size still fits the clipboard and chat apps; a larger story is shared
/// as a file instead.
pub const MAX_LINK_CHARS: usize = 64 * 1024;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Bytes as base64url without padding.
pub fn encode_payload(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

/// Why a link's payload could not be read, in words for people.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    TooLong {
        chars: usize,
    },
    /// A character outside base64url, or a length no encoding gives: the
    /// link was cut off or changed.
    Damaged,
}

impl LinkError {
    pub fn message(&self) -> String {
        match self {
            LinkError::TooLong { chars } => format!(
                "This story link is {} KB long; Parallax reads story links up to {} KB.",
                chars / 1024,
                MAX_LINK_CHARS / 1024
            ),
            LinkError::Damaged => "This story link is damaged or was cut off: ask for the link again, or for the story file.".to_string(),
        }
    }
}

/// The bytes of a base64url payload (padding tolerated).
pub fn decode_payload(text: &str) -> Result<Vec<u8>, LinkError> {
    if text.len() > MAX_LINK_CHARS {
        return Err(LinkError::TooLong { chars: text.len() });
    }
    let text = text.trim_end_matches('=');
    if text.len() % 4 == 1 {
        return Err(LinkError::Damaged);
    }
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
    for chunk in text.as_bytes().chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            let value = match c {
                b'A'..=b'Z' => c - b'A',
                b'a'..=b'z' => c - b'a' + 26,
                b'0'..=b'9' => c - b'0' + 52,
                b'-' | b'+' => 62,
                b'_' | b'/' => 63,
                _ => return Err(LinkError::Damaged),
            };
            n |= u32::from(value) << (18 - 6 * i);
        }
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Ok(out)
}

/// Is `text` a well-formed payload (what a link's path segment must be)?
pub fn is_payload(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= MAX_LINK_CHARS
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}
