//! Bytes to text: UTF-8 (BOM stripped), UTF-16 with a BOM (or unmistakably
//! without one), else Windows-1252 with a notice; images, PDFs, archives and
//! other binary files are refused with a message naming what they look like.
//! Also the file size limits and their messages.

/// The largest single article file Parallax reads: a news article is well
/// under 100 KB of text, even a saved page with its markup rarely passes
/// 1 MB, so 2 MB leaves room without letting a stray video freeze the tab.
pub const MAX_ARTICLE_FILE_BYTES: usize = 2 * 1024 * 1024;

/// The largest story file: a story of a thousand articles of about 10 KB
/// each is about 10 MB of JSON; 20 MB is twice that.
pub const MAX_STORY_FILE_BYTES: usize = 20 * 1024 * 1024;

/// How many leading bytes are sniffed for binary content.
const SNIFF_BYTES: usize = 8 * 1024;

/// Control characters (other than tab, line feed, form feed and carriage
/// return) in more than 1/`CONTROL_SHARE` of the sniffed bytes mean binary.
const CONTROL_SHARE: usize = 20;

/// Which kind of file a size limit applies to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Article,
    StoryFile,
}

impl FileKind {
    pub fn limit(self) -> usize {
        match self {
            FileKind::Article => MAX_ARTICLE_FILE_BYTES,
            FileKind::StoryFile => MAX_STORY_FILE_BYTES,
        }
    }
}

/// `Err` with a message for people when a file of `size` bytes is over the
/// limit for its kind: "'x.txt' is 50 MB; Parallax reads files up to 2 MB
/// per article".
pub fn check_size(name: &str, size: u64, kind: FileKind) -> Result<(), String> {
    let limit = u64::try_from(kind.limit()).unwrap_or(u64::MAX);
    if size <= limit {
        return Ok(());
    }
    let what = match kind {
        FileKind::Article => "files up to 2 MB per article",
        FileKind::StoryFile => "story files up to 20 MB",
    };
    Err(format!(
        "'{name}' is {}; Parallax reads {what}",
        megabytes(size)
    ))
}

/// A size in MB (2^20 bytes), rounded up so that it never reads as the limit
/// itself: "2.1 MB", "50 MB".
pub(crate) fn megabytes(size: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if size >= 10 * MB {
        format!("{} MB", size.div_ceil(MB))
    } else {
        let tenths = size.div_ceil(MB / 10);
        format!("{}.{} MB", tenths / 10, tenths % 10)
    }
}

/// The encoding a text was read in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    Windows1252,
}

/// What a file's bytes turned out to be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decoded {
    Text {
        text: String,
        encoding: Encoding,
        /// Something the reader should know (a guessed encoding, replaced bytes).
        notice: Option<String>,
    },
    /// Not text: `message` says what it looks like.
    Binary { message: String },
}

impl Decoded {
    pub fn text(&self) -> Option<&str> {
        match self {
            Decoded::Text { text, .. } => Some(text),
            Decoded::Binary { .. } => None,
        }
    }

    /// The notice or the refusal, if any.
    pub fn message(&self) -> Option<&str> {
        match self {
            Decoded::Text { notice, .. } => notice.as_deref(),
            Decoded::Binary { message } => Some(message),
        }
    }
}

/// Known file signatures: (offset, bytes, what the file is).
const MAGIC: &[(usize, &[u8], &str)] = &[
    (0, b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (0, b"\xff\xd8\xff", "a JPEG image"),
    (0, b"GIF87a", "a GIF image"),
    (0, b"GIF89a", "a GIF image"),
    (0, b"%PDF-", "a PDF document"),
    (
        0,
        b"PK\x03\x04",
        "a ZIP archive (Word, OpenDocument and EPUB files are ZIP archives too)",
    ),
    (0, b"PK\x05\x06", "an empty ZIP archive"),
    (0, b"\x1f\x8b", "a gzip-compressed file"),
    (0, b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (
        0,
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "an old Microsoft Office document",
    ),
    (4, b"ftyp", "a video or audio file"),
    (0, b"\x7fELF", "a program"),
];

/// Reads `bytes` as text, or refuses them as binary. Never fails otherwise.
pub fn decode_text(bytes: &[u8]) -> Decoded {
    if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        return utf8(rest);
    }
    if bytes.starts_with(b"\xff\xfe\x00\x00") || bytes.starts_with(b"\x00\x00\xfe\xff") {
        return binary("This looks like UTF-32 text, which Parallax does not read; save it as UTF-8 and try again.".to_string());
    }
    if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        return utf16(rest, Encoding::Utf16Le, None);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        return utf16(rest, Encoding::Utf16Be, None);
    }
    if let Some(&(_, _, what)) = MAGIC.iter().find(|(offset, magic, _)| {
        bytes
            .get(*offset..offset + magic.len())
            .is_some_and(|b| b == *magic)
    }) {
        return binary(format!("This looks like {what}, not an article."));
    }
    if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return binary("This looks like a WebP image, not an article.".to_string());
    }
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if let Some(encoding) = utf16_without_bom(head) {
        let notice = format!(
            "The file has no byte order mark; it was read as UTF-16 {} because every other byte is zero.",
            if encoding == Encoding::Utf16Le {
                "little-endian"
            } else {
                "big-endian"
            }
        );
        return utf16(bytes, encoding, Some(notice));
    }
    if head.contains(&0) {
        return binary(
            "This looks like a binary file (it contains NUL bytes), not an article.".to_string(),
        );
    }
    let controls = head
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r')) || b == 0x7f)
        .count();
    if controls * CONTROL_SHARE > head.len() {
        return binary(
            "This looks like a binary file (it is full of control characters), not an article."
                .to_string(),
        );
    }
    utf8(bytes)
}

fn binary(message: String) -> Decoded {
    Decoded::Binary { message }
}

/// UTF-8; mostly-UTF-8 with a few bad bytes is read with replacements,
/// anything else as Windows-1252.
fn utf8(bytes: &[u8]) -> Decoded {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded::Text {
            text: text.to_string(),
            encoding: Encoding::Utf8,
            notice: None,
        };
    }
    let mut multibyte = 0usize;
    let mut invalid = 0usize;
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    if multibyte >= 2 * invalid {
        let text = String::from_utf8_lossy(bytes).into_owned();
        return Decoded::Text {
            text,
            encoding: Encoding::Utf8,
            notice: Some(format!(
                "The file is UTF-8 with {invalid} invalid byte sequence{}, shown as �.",
                if invalid == 1 { "" } else { "s" }
            )),
        };
    }
    let text: String = bytes.iter().map(|&b| windows_1252_char(b)).collect();
    Decoded::Text {
        text,
        encoding: Encoding::Windows1252,
        notice: Some(
            "The file is not UTF-8; it was read as Windows-1252 (Western European). If letters \
             look wrong, save it as UTF-8 and try again."
                .to_string(),
        ),
    }
}

/// UTF-16 without a BOM: at least 40% NUL bytes, all on one side of each pair.
fn utf16_without_bom(head: &[u8]) -> Option<Encoding> {
    if head.len() < 4 {
        return None;
    }
    let zeros_at = |parity: usize| {
        head.iter()
            .enumerate()
            .filter(|&(i, &b)| b == 0 && i % 2 == parity)
            .count()
    };
    let (even, odd) = (zeros_at(0), zeros_at(1));
    let pairs = head.len() / 2;
    if odd * 10 >= pairs * 8 && even == 0 {
        Some(Encoding::Utf16Le)
    } else if even * 10 >= pairs * 8 && odd == 0 {
        Some(Encoding::Utf16Be)
    } else {
        None
    }
}

fn utf16(bytes: &[u8], encoding: Encoding, notice: Option<String>) -> Decoded {
    let units = bytes.chunks_exact(2).map(|pair| match encoding {
        Encoding::Utf16Be => u16::from_be_bytes([pair[0], pair[1]]),
        _ => u16::from_le_bytes([pair[0], pair[1]]),
    });
    let mut replaced = 0usize;
    let mut text = String::with_capacity(bytes.len());
    for unit in char::decode_utf16(units) {
        text.push(unit.unwrap_or_else(|_| {
            replaced += 1;
            char::REPLACEMENT_CHARACTER
        }));
    }
    if bytes.len() % 2 == 1 {
        replaced += 1;
        text.push(char::REPLACEMENT_CHARACTER);
    }
    let sniffed = text.chars().take(SNIFF_BYTES / 2);
    let (mut count, mut controls) = (0usize, 0usize);
    for c in sniffed {
        count += 1;
        controls += usize::from(c.is_control() && !matches!(c, '\t' | '\n' | '\x0c' | '\r'));
    }
    if text.contains('\0') || controls * CONTROL_SHARE > count {
        return binary(
            "This looks like a binary file (it is full of control characters), not an article."
                .to_string(),
        );
    }
    let notice = match (notice, replaced) {
        (notice, 0) => notice,
        (notice, n) => Some(
            notice.map_or_else(String::new, |n| n + " ")
                + &format!(
                    "{n} invalid UTF-16 sequence{} shown as �.",
                    if n == 1 { " is" } else { "s are" }
                ),
        ),
    };
    Decoded::Text {
        text,
        encoding,
        notice,
    }
}

/// Windows-1252 bytes 0x80–0x9F (WHATWG: the five undefined ones map to
/// the C1 control of the same number); every other byte is Latin-1.
const HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// The character a Windows-1252 byte stands for.
pub fn windows_1252_char(byte: u8) -> char {
    match byte {
        0x80..=0x9f => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}
