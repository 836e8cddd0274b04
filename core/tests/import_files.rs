//! Import of files and pasted text: bytes to text, pasted text split into
//! articles, suggested fields for an article, and the story file.

use expect_test::expect;
use parallax_core::import::decode::{
    Decoded, Encoding, FileKind, MAX_ARTICLE_FILE_BYTES, check_size, decode_text,
};
use parallax_core::import::html::html_to_article;
use parallax_core::import::paste::{normalize_line_endings, split_articles};
use parallax_core::import::prefill::{NO_DATE_NOTE, suggest};
use parallax_core::import::story_file::{
    ImportError, StoryFile, StoryFileArticle, parse_story_file, to_json,
};
use proptest::prelude::*;

const MB: u64 = 1024 * 1024;

fn text_of(decoded: &Decoded) -> (&str, Option<&str>) {
    match decoded {
        Decoded::Text { text, notice, .. } => (text.as_str(), notice.as_deref()),
        Decoded::Binary { message } => panic!("read as binary: {message}"),
    }
}

fn refusal(bytes: &[u8]) -> String {
    match decode_text(bytes) {
        Decoded::Binary { message } => message,
        other => panic!("read as text: {other:?}"),
    }
}

// --- decode -----------------------------------------------------------------

#[test]
fn utf8_with_and_without_bom() {
    let plain = decode_text("Café “quoted”\r\n".as_bytes());
    assert_eq!(text_of(&plain), ("Café “quoted”\r\n", None));
    let bom = decode_text(b"\xef\xbb\xbfHeadline\n");
    assert_eq!(text_of(&bom), ("Headline\n", None));
    assert_eq!(text_of(&decode_text(b"")), ("", None));
}

#[test]
fn utf16_with_a_bom_and_without() {
    let text = "Zoë said “yes” 😀\n";
    let le: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let be: Vec<u8> = [0xfe, 0xff]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    assert_eq!(text_of(&decode_text(&le)), (text, None));
    assert_eq!(text_of(&decode_text(&be)), (text, None));
    assert!(matches!(
        decode_text(&le),
        Decoded::Text {
            encoding: Encoding::Utf16Le,
            ..
        }
    ));
    let no_bom: Vec<u8> = "Plain ASCII headline\n\nBody."
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let decoded = decode_text(&no_bom);
    assert_eq!(decoded.text(), Some("Plain ASCII headline\n\nBody."));
    expect![[r#"
        Some(
            "The file has no byte order mark; it was read as UTF-16 little-endian because every other byte is zero.",
        )
    "#]]
    .assert_debug_eq(&decoded.message());
    // An odd trailing byte and a lone surrogate become U+FFFD, with a notice.
    let broken = [0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x42];
    let decoded = decode_text(&broken);
    assert_eq!(decoded.text(), Some("A\u{fffd}\u{fffd}"));
    assert_eq!(
        decoded.message(),
        Some("2 invalid UTF-16 sequences are shown as �.")
    );
}

#[test]
fn windows_1252_when_not_utf8() {
    let decoded = decode_text(b"caf\xe9 \x93quoted\x94 \x80 5 \x96 done");
    let (text, notice) = text_of(&decoded);
    assert_eq!(text, "café “quoted” € 5 – done");
    expect![[r#"
        "The file is not UTF-8; it was read as Windows-1252 (Western European). If letters look wrong, save it as UTF-8 and try again."
    "#]]
    .assert_debug_eq(&notice.unwrap());
    // Mostly UTF-8 with one stray byte: read as UTF-8 with a replacement.
    let decoded = decode_text(
        "Zoë’s “café” \u{2014} "
            .as_bytes()
            .iter()
            .copied()
            .chain([0xff])
            .collect::<Vec<_>>()
            .as_slice(),
    );
    let (text, notice) = text_of(&decoded);
    assert_eq!(text, "Zoë’s “café” — \u{fffd}");
    assert_eq!(
        notice,
        Some("The file is UTF-8 with 1 invalid byte sequence, shown as �.")
    );
}

#[test]
fn binary_files_are_refused_by_name() {
    expect![[r#"
        [
            "This looks like a PNG image, not an article.",
            "This looks like a JPEG image, not an article.",
            "This looks like a GIF image, not an article.",
            "This looks like a PDF document, not an article.",
            "This looks like a ZIP archive (Word, OpenDocument and EPUB files are ZIP archives too), not an article.",
            "This looks like a WebP image, not an article.",
            "This looks like a gzip-compressed file, not an article.",
            "This looks like a binary file (it contains NUL bytes), not an article.",
            "This looks like a binary file (it is full of control characters), not an article.",
            "This looks like UTF-32 text, which Parallax does not read; save it as UTF-8 and try again.",
        ]
    "#]]
    .assert_debug_eq(&[
        refusal(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
        refusal(b"\xff\xd8\xff\xe0\0\x10JFIF"),
        refusal(b"GIF89a\x01\0\x01\0"),
        refusal(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3"),
        refusal(b"PK\x03\x04\x14\0\x06\0"),
        refusal(b"RIFF\x24\0\0\0WEBPVP8 "),
        refusal(b"\x1f\x8b\x08\0"),
        refusal(b"Some text\0with a NUL"),
        refusal(b"\x01\x02\x03\x04 mostly \x05\x06\x07\x08\x0e\x0f\x10\x11"),
        refusal(b"\xff\xfe\0\0A\0\0\0"),
    ]);
}

#[test]
fn size_limits_and_messages() {
    assert_eq!(check_size("x.txt", 2 * MB, FileKind::Article), Ok(()));
    assert_eq!(
        check_size("x.txt", 50 * MB, FileKind::Article),
        Err("'x.txt' is 50 MB; Parallax reads files up to 2 MB per article".to_string())
    );
    assert_eq!(
        check_size("page.html", 2 * MB + 1, FileKind::Article),
        Err("'page.html' is 2.1 MB; Parallax reads files up to 2 MB per article".to_string())
    );
    assert_eq!(check_size("s.json", 20 * MB, FileKind::StoryFile), Ok(()));
    assert_eq!(
        check_size("s.json", 21 * MB, FileKind::StoryFile),
        Err("'s.json' is 21 MB; Parallax reads story files up to 20 MB".to_string())
    );
    assert_eq!(MAX_ARTICLE_FILE_BYTES as u64, 2 * MB);
}

// --- paste ------------------------------------------------------------------

#[test]
fn pasted_text_splits_at_separator_lines() {
    let pasted = "\n\nFirst headline\r\n\r\nFirst body.\r\n\r\n---\r\nSecond headline\n\n  indented body.\n\n  ====  \n\n\n***\n#####\nThird\n____\n   \n";
    assert_eq!(
        split_articles(pasted),
        vec![
            "First headline\n\nFirst body.",
            "Second headline\n\n  indented body.",
            "Third",
        ]
    );
    // Not separators: too short, mixed, or inside a line.
    let kept = "A\n--\n-=-\na --- b\n- - -\nB";
    assert_eq!(split_articles(kept), vec![kept]);
    assert_eq!(split_articles(""), Vec::<String>::new());
    assert_eq!(split_articles("---\n\n===\n"), Vec::<String>::new());
    assert_eq!(normalize_line_endings("a\r\nb\rc\n\r\n"), "a\nb\nc\n\n");
    assert_eq!(
        split_articles("é\u{a0}\t\u{feff}x"),
        vec!["é\u{a0}\t\u{feff}x"]
    );
}

// --- prefill ----------------------------------------------------------------

fn corpus(name: &str) -> &'static str {
    parallax_core::corpus::BUNDLED_FILES
        .iter()
        .find(|f| f.path.ends_with(name))
        .map(|f| f.contents)
        .unwrap()
}

#[test]
fn prefill_from_the_seed_articles() {
    let silicon = suggest(corpus("002_5cdbf99de85581e7.txt"), None);
    assert_eq!(
        silicon.headline.as_deref(),
        Some("The Interview gets cancelled as US blames North Korea for cyberattack on Sony")
    );
    assert_eq!(silicon.outlet.as_deref(), Some("Silicon Republic"));
    assert_eq!(
        silicon.published.map(|d| d.iso()).as_deref(),
        Some("2014-12-18")
    );
    assert!(silicon.notes.is_empty(), "{:?}", silicon.notes);

    let unnamed = suggest(corpus("000_985eb20a576cc668.txt"), None);
    assert_eq!(unnamed.outlet, None, "never invented");
    assert_eq!(
        unnamed.published.map(|d| d.iso()).as_deref(),
        Some("2014-12-18T09:27")
    );
    assert_eq!(
        unnamed.notes,
        vec!["The text does not name its outlet: set one."]
    );
}

#[test]
fn prefill_outlet_only_where_the_text_names_it() {
    let outlet = |text: &str| suggest(text, None).outlet;
    assert_eq!(
        outlet(
            "Headline\n\n5 May 2024\n\nBody text here.\n\nJane Doe is a journalist at The Example Times."
        ),
        Some("The Example Times".to_string())
    );
    assert_eq!(
        outlet(
            "Headline\n\n5 May 2024\n\nBody text here.\n\nMark Hale writes for the Northern Ledger and lives in Leeds."
        ),
        Some("Northern Ledger".to_string())
    );
    assert_eq!(
        outlet(
            "Headline\n\n5 May 2024\n\nLONDON (Reuters) - Prices rose on Monday.\n\nMore text.\n"
        ),
        Some("Reuters".to_string())
    );
    assert_eq!(
        outlet("Headline\n\nBody text here.\n\n© 2024 The Example Times. All rights reserved."),
        Some("The Example Times".to_string())
    );
    assert_eq!(
        outlet("Headline\n\nCopyright 2019-2024 Port & City News\n"),
        Some("Port & City News".to_string())
    );
    for text in [
        "Headline\n\nThe company paid for Hillside Ltd to audit (Reuters) - it said.\n",
        "Headline\n\nShe told the BBC and The Example Times that she was leaving.\n",
        "",
        "(AP) -",
        "© ",
    ] {
        assert_eq!(outlet(text), None, "{text:?}");
    }
}

#[test]
fn prefill_notes_a_missing_date_and_uses_the_page() {
    let plain = suggest("Headline\n\nBody text without a date.\n", None);
    assert_eq!(plain.published, None);
    assert!(plain.notes.contains(&NO_DATE_NOTE.to_string()));
    assert_eq!(
        NO_DATE_NOTE,
        "No publication date found: set one, relative dates ('yesterday') depend on it."
    );

    let html = html_to_article(include_str!("import_fixtures/news_page.html"));
    let s = suggest(&html.text, Some(&html));
    assert_eq!(s.outlet.as_deref(), Some("The Harbour Gazette"));
    assert_eq!(
        s.url.as_deref(),
        Some("https://www.harbourgazette.example/news/2023/mar/14/kestrel-bridge-closed")
    );
    assert_eq!(
        s.published.map(|d| d.iso()).as_deref(),
        Some("2023-03-14T09:30")
    );
    assert_eq!(
        s.headline.as_deref(),
        Some("Storm forces closure of Kestrel Bridge for second day")
    );
    assert!(s.notes.is_empty(), "{:?}", s.notes);

    // The page's date counts when the text has none.
    let mut bare = html.clone();
    bare.text = "Storm forces closure\n\nThe bridge is shut.\n".to_string();
    assert_eq!(
        suggest(&bare.text, Some(&bare))
            .published
            .map(|d| d.iso())
            .as_deref(),
        Some("2023-03-14T09:30")
    );
    // A URL line at the end of a pasted text.
    let s = suggest("Headline\n\nBody.\n\nhttps://news.example/story/1\n", None);
    assert_eq!(s.url.as_deref(), Some("https://news.example/story/1"));
}

// --- story file -------------------------------------------------------------

fn article(id: &str, text: &str) -> StoryFileArticle {
    StoryFileArticle {
        id: id.to_string(),
        outlet: "The Example Times".to_string(),
        outlet_note: None,
        url: Some("https://example.com/a".to_string()),
        published: Some("2014-12-18".to_string()),
        text: text.to_string(),
    }
}

#[test]
fn story_file_json_shape() {
    let mut story = StoryFile::new(
        "A story",
        vec![article("a1", "Headline\r\n\r\nBody “quoted”.\n"), {
            let mut b = article("b2", "Other\n");
            b.url = None;
            b.published = Some("2014-12-18T09:27".to_string());
            b.outlet_note = Some("Named in the closing line.".to_string());
            b
        }],
    );
    story.created = Some("2024-05-01T10:00:00Z".to_string());
    let json = to_json(&story);
    expect![[r#"
        {
          "format": "parallax-story",
          "version": 1,
          "title": "A story",
          "created": "2024-05-01T10:00:00Z",
          "articles": [
            {
              "id": "a1",
              "outlet": "The Example Times",
              "url": "https://example.com/a",
              "published": "2014-12-18",
              "text": "Headline\r\n\r\nBody “quoted”.\n"
            },
            {
              "id": "b2",
              "outlet": "The Example Times",
              "outlet_note": "Named in the closing line.",
              "url": null,
              "published": "2014-12-18T09:27",
              "text": "Other\n"
            }
          ]
        }"#]]
    .assert_eq(&json);
    assert_eq!(parse_story_file(&json), Ok(story));
}

#[test]
fn story_file_round_trips_the_seed_story() {
    let (stories, _) = parallax_core::corpus::bundled_stories();
    let seed = &stories[0];
    let file = StoryFile::from_story(seed);
    let read = parse_story_file(&to_json(&file)).unwrap();
    assert_eq!(read, file);
    let story = read.into_story(seed.slug.clone());
    assert_eq!(story.title, seed.title);
    assert_eq!(story.slug, seed.slug);
    for (a, b) in story.articles.iter().zip(&seed.articles) {
        assert_eq!(
            (&a.id, &a.outlet, &a.outlet_note, &a.url, &a.raw),
            (&b.id, &b.outlet, &b.outlet_note, &b.url, &b.raw)
        );
        assert_eq!(a.file, format!("{}.txt", a.id));
    }
    assert_eq!(story.articles.len(), seed.articles.len());
}

fn error(json: &str) -> String {
    parse_story_file(json).unwrap_err().message()
}

#[test]
fn story_file_errors_explain_themselves() {
    let head = r#"{"format": "parallax-story", "version": 1, "title": "T", "articles": "#;
    let big = "x".repeat(MAX_ARTICLE_FILE_BYTES + 1);
    expect![[r#"
        [
            "The file is empty.",
            "The file is empty.",
            "This is not a Parallax story file: it is not valid JSON (line 1, column 1).",
            "This is an HTML page, not a Parallax story file; add it as an article instead.",
            "The story file is cut off before its end (an interrupted download or copy?).",
            "The story file is cut off before its end (an interrupted download or copy?).",
            "This JSON file is not a Parallax story (it has no \"format\": \"parallax-story\").",
            "This JSON file is not a Parallax story (it has no \"format\": \"parallax-story\").",
            "This JSON file is not a Parallax story: its format is 'something-else', not 'parallax-story'.",
            "This story file was made by a newer Parallax (version 2); this one reads versions up to 1.",
            "The story file: `version` is \"1\", not a version number.",
            "The story file: `version` is 0, not a version number.",
            "The story file has no `version`.",
            "The story file has no `title`.",
            "The story file: `title` is a number, not text.",
            "The story file has no articles.",
            "The story file: `articles` is not a list.",
            "Article 1 of the story file has no `text`.",
            "Article 1 of the story file: `text` is a list, not text.",
            "Article 1 of the story file is 2.1 MB of text; Parallax reads up to 2 MB per article.",
            "Article 1 of the story file: it is not an object.",
        ]
    "#]]
    .assert_debug_eq(&[
        error(""),
        error("   \n"),
        error("Headline\n\nNot JSON at all."),
        error("<!doctype html><html>"),
        error(&format!("{head}[{{\"id\": \"a\", \"text\": \"cut")),
        error(r#"{"format": "parallax-story", "version": 1"#),
        error("[1, 2, 3]"),
        error(r#"{"title": "x", "articles": []}"#),
        error(r#"{"format": "something-else", "version": 1}"#),
        error(r#"{"format": "parallax-story", "version": 2, "title": "x", "articles": []}"#),
        error(r#"{"format": "parallax-story", "version": "1"}"#),
        error(r#"{"format": "parallax-story", "version": 0}"#),
        error(r#"{"format": "parallax-story", "title": "x"}"#),
        error(r#"{"format": "parallax-story", "version": 1, "articles": []}"#),
        error(r#"{"format": "parallax-story", "version": 1, "title": 5, "articles": []}"#),
        error(&format!("{head}[]}}")),
        error(&format!("{head}{{}}}}")),
        error(&format!("{head}[{{\"id\": \"a\", \"outlet\": \"O\"}}]}}")),
        error(&format!("{head}[{{\"id\": \"a\", \"outlet\": \"O\", \"text\": [\"x\"]}}]}}")),
        error(&format!("{head}[{{\"id\": \"a\", \"outlet\": \"O\", \"text\": \"{big}\"}}]}}")),
        error(&format!("{head}[7]}}")),
    ]);
    assert!(matches!(
        parse_story_file(r#"{"format": "parallax-story", "version": 3}"#),
        Err(ImportError::NewerVersion { version: 3 })
    ));
    assert!(
        error(r#"{"format": "parallax-story", "version": 2}"#)
            .contains("made by a newer Parallax (version 2); this one reads versions up to 1")
    );
}

#[test]
fn story_file_fixes_what_it_can_with_notes() {
    let json = r#"{
        "format": "parallax-story", "version": 1, "title": "T", "unknown": true,
        "articles": [
            {"id": "a", "outlet": "O", "text": "one"},
            {"id": "a", "outlet": "O", "text": "two", "url": "javascript:alert(1)"},
            {"id": "a-2", "outlet": "O", "text": "three", "published": "yesterday"},
            {"id": "", "outlet": "O", "text": "four", "published": null, "url": "HTTPS://Example.com/x"},
            {"id": "a", "outlet": "O", "text": "five", "extra": 1}
        ]
    }"#;
    let story = parse_story_file(json).unwrap();
    let ids: Vec<&str> = story.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a", "a-3", "a-2", "a1", "a-4"]);
    assert_eq!(story.articles[1].url, None);
    assert_eq!(story.articles[2].published, None);
    assert_eq!(
        story.articles[3].url.as_deref(),
        Some("HTTPS://Example.com/x")
    );
    expect![[r#"
        [
            "Article 2: the URL 'javascript:alert(1)' is not a web address; it was left out.",
            "Article 3: the date 'yesterday' is not an ISO date such as 2014-12-18; it was left out.",
            "Article 2 had the same id as an earlier one ('a'); it is now 'a-3'.",
            "Article 4 had no id; it is now 'a1'.",
            "Article 5 had the same id as an earlier one ('a'); it is now 'a-4'.",
        ]
    "#]]
    .assert_debug_eq(&story.notes);
}

// --- properties -------------------------------------------------------------

fn iso_date() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        Just(None),
        (1000u32..9999, 1u32..=12, 1u32..=28)
            .prop_map(|(y, m, d)| Some(format!("{y:04}-{m:02}-{d:02}"))),
        (1000u32..9999, 1u32..=12, 1u32..=28, 0u32..24, 0u32..60)
            .prop_map(|(y, m, d, h, min)| Some(format!("{y:04}-{m:02}-{d:02}T{h:02}:{min:02}"))),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(500)
    ))]

    #[test]
    fn decode_never_panics_and_stays_bounded(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let decoded = decode_text(&bytes);
        if let Some(text) = decoded.text() {
            prop_assert!(text.len() <= 3 * bytes.len() + 3);
        }
        prop_assert!(decoded.message().is_none_or(|m| m.len() < 200));
    }

    #[test]
    fn decode_reads_any_utf8_text(text in "[^\u{0}-\u{8}\u{b}\u{e}-\u{1f}\u{7f}\u{feff}]{0,200}") {
        let decoded = decode_text(text.as_bytes());
        prop_assert_eq!(decoded.text(), Some(text.as_str()));
    }

    #[test]
    fn split_never_panics(text in "(.{0,12}|---|===|\\*\\*\\*|___|###| |\r\n|\n|\r){0,60}") {
        let normalized = normalize_line_endings(&text);
        let pieces = split_articles(&text);
        prop_assert!(pieces.iter().map(String::len).sum::<usize>() <= normalized.len());
        for piece in &pieces {
            prop_assert!(!piece.trim().is_empty());
            prop_assert!(normalized.contains(piece.as_str()));
            prop_assert!(!piece.contains('\r'));
        }
    }

    #[test]
    fn split_any_string(text in any::<String>()) {
        let pieces = split_articles(&text);
        prop_assert!(pieces.iter().map(String::len).sum::<usize>() <= text.len());
    }

    #[test]
    fn story_file_parse_never_panics(json in any::<String>()) {
        if let Ok(story) = parse_story_file(&json) {
            prop_assert!(story.articles.iter().map(|a| a.text.len()).sum::<usize>() <= json.len());
        }
    }

    #[test]
    fn story_file_parse_json_like(json in "(\\{|\\}|\\[|\\]|\"format\"|\"parallax-story\"|\"version\"|\"articles\"|\"id\"|\"text\"|\"outlet\"|\"title\"|:|,|1|2|null|\"[a-z]{0,3}\"| ){0,40}") {
        if let Err(e) = parse_story_file(&json) {
            prop_assert!(!e.message().is_empty());
        }
    }

    #[test]
    fn story_file_round_trips(
        title in any::<String>(),
        articles in proptest::collection::vec((any::<String>(), any::<String>(), iso_date(), any::<String>()), 1..5),
    ) {
        let file = StoryFile::new(
            title,
            articles
                .into_iter()
                .enumerate()
                .map(|(i, (outlet, note, published, text))| StoryFileArticle {
                    id: format!("a{i}"),
                    outlet,
                    outlet_note: Some(note),
                    url: None,
                    published,
                    text,
                })
                .collect(),
        );
        let read = parse_story_file(&to_json(&file));
        prop_assert_eq!(read, Ok(file));
    }

    #[test]
    fn prefill_never_panics(text in any::<String>()) {
        let s = suggest(&text, None);
        prop_assert!(s.headline.as_ref().is_none_or(|h| h.len() <= text.len()));
        prop_assert!(s.outlet.as_ref().is_none_or(|o| o.len() <= text.len()));
    }
}
