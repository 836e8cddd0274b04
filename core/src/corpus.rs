//! The bundled stories: raw article files compiled into the binary byte for
//! byte, plus a small `manifest.txt` per story (title, outlet labels).
//!
//! Manifest format: `#` comments, `key = value` lines, `[article]` starts an
//! article. Unknown keys and malformed lines become diagnostics, never errors.

use std::borrow::Cow;

use crate::model::{DateTime, Diagnostic};

/// One story: several outlets' articles about the same events.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Story {
    pub slug: String,
    pub title: String,
    pub articles: Vec<Article>,
}

/// One outlet's article, with its raw text exactly as captured.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    /// Short id, unique within the story; used in links.
    pub id: String,
    pub file: String,
    /// How the app labels the outlet. Never invented: if the text does not
    /// name the outlet, the manifest says so.
    pub outlet: String,
    /// Why the label is what it is.
    pub outlet_note: Option<String>,
    pub url: Option<String>,
    /// The publication date given with the article (by the reader), used
    /// when its text has no date line.
    pub published: Option<DateTime>,
    pub raw: Cow<'static, str>,
}

/// A bundled file: its path below `corpus/` and its exact contents.
pub struct BundledFile {
    pub path: &'static str,
    pub contents: &'static str,
}

/// Every file of the bundled corpus. `include_str!` guarantees UTF-8 at
/// compile time, so spans index the very bytes on disk.
pub const BUNDLED_FILES: &[BundledFile] = &[
    BundledFile {
        path: "sony-interview-2014/manifest.txt",
        contents: include_str!("../../corpus/sony-interview-2014/manifest.txt"),
    },
    BundledFile {
        path: "sony-interview-2014/000_985eb20a576cc668.txt",
        contents: include_str!("../../corpus/sony-interview-2014/000_985eb20a576cc668.txt"),
    },
    BundledFile {
        path: "sony-interview-2014/002_5cdbf99de85581e7.txt",
        contents: include_str!("../../corpus/sony-interview-2014/002_5cdbf99de85581e7.txt"),
    },
];

/// The stories of the bundled corpus, with whatever their manifests got wrong.
pub fn bundled_stories() -> (Vec<Story>, Vec<Diagnostic>) {
    let mut stories = Vec::new();
    let mut diagnostics = Vec::new();
    for manifest in BUNDLED_FILES
        .iter()
        .filter(|f| f.path.ends_with("/manifest.txt"))
    {
        let folder = manifest.path.trim_end_matches("manifest.txt");
        let (story, mut found) = parse_manifest(manifest.contents, |file| {
            BUNDLED_FILES
                .iter()
                .find(|f| f.path.strip_prefix(folder) == Some(file))
                .map(|f| Cow::Borrowed(f.contents))
        });
        diagnostics.append(&mut found);
        stories.push(story);
    }
    (stories, diagnostics)
}

/// Parses a manifest; `load` returns an article file's text by its name.
/// Articles whose file cannot be loaded are left out with a diagnostic.
pub fn parse_manifest(
    manifest: &str,
    mut load: impl FnMut(&str) -> Option<Cow<'static, str>>,
) -> (Story, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let mut story = Story {
        slug: String::new(),
        title: String::new(),
        articles: Vec::new(),
    };
    let mut pending: Vec<Vec<(String, String)>> = Vec::new();
    for (number, line) in manifest.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if line == "[article]" {
            pending.push(Vec::new());
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            diagnostics.push(Diagnostic::warning(
                format!("manifest line {} is not `key = value`: {line}", number + 1),
                None,
            ));
            continue;
        };
        let (key, value) = (key.trim().to_string(), value.trim().to_string());
        match pending.last_mut() {
            Some(article) => article.push((key, value)),
            None => match key.as_str() {
                "slug" => story.slug = value,
                "title" => story.title = value,
                _ => diagnostics.push(Diagnostic::warning(
                    format!("unknown story key `{key}` in manifest"),
                    None,
                )),
            },
        }
    }
    for (index, fields) in pending.into_iter().enumerate() {
        let get = |name: &str| {
            fields
                .iter()
                .rev()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
                .filter(|v| !v.is_empty())
        };
        for (key, _) in &fields {
            if !["id", "file", "outlet", "outlet_note", "url"].contains(&key.as_str()) {
                diagnostics.push(Diagnostic::warning(
                    format!("unknown article key `{key}` in manifest"),
                    None,
                ));
            }
        }
        let Some(file) = get("file") else {
            diagnostics.push(Diagnostic::warning(
                format!("article {} in the manifest names no file", index + 1),
                None,
            ));
            continue;
        };
        let Some(raw) = load(&file) else {
            diagnostics.push(Diagnostic::warning(
                format!("article file `{file}` is missing"),
                None,
            ));
            continue;
        };
        let id = get("id").unwrap_or_else(|| format!("a{}", index + 1));
        if story.articles.iter().any(|a| a.id == id) {
            diagnostics.push(Diagnostic::warning(
                format!("duplicate article id `{id}` in the manifest; article left out"),
                None,
            ));
            continue;
        }
        story.articles.push(Article {
            id,
            outlet: get("outlet").unwrap_or_else(|| "Unnamed outlet".to_string()),
            outlet_note: get("outlet_note"),
            url: get("url"),
            published: None,
            file,
            raw,
        });
    }
    if story.title.is_empty() {
        story.title = "Untitled story".to_string();
    }
    (story, diagnostics)
}
