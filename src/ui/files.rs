//! Reading files the reader drops or opens: the size is checked before
//! reading, the bytes are decoded by the core (UTF-8, UTF-16, or
//! windows-1252 with a notice; binary refused), and the text becomes an
//! article (plain text, Markdown, a saved HTML page) or a story file.

use parallax_core::import::decode::{self, Decoded, FileKind};
use parallax_core::import::html::HtmlArticle;
use parallax_core::import::story_file::{StoryFile, parse_story_file};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::ui::deferred::read_html;
use crate::ui::tasks::next_task;

/// What one file turned out to be.
pub enum Incoming {
    Article {
        name: String,
        text: String,
        /// The page's metadata, for an HTML file.
        html: Option<HtmlArticle>,
        /// Things the reader should know (a guessed encoding, say).
        notes: Vec<String>,
    },
    Story(StoryFile),
    /// Not read, and why, in words that name the file.
    Refused(String),
}

/// The files of a file input or a drop, in order.
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Reads one file.
pub async fn read(file: web_sys::File) -> Incoming {
    let name = file.name();
    let lower = name.to_ascii_lowercase();
    let is_story = lower.ends_with(".json");
    let kind = if is_story {
        FileKind::StoryFile
    } else {
        FileKind::Article
    };
    if let Err(message) = decode::check_size(&name, file.size() as u64, kind) {
        return Incoming::Refused(message);
    }
    let bytes = match JsFuture::from(file.array_buffer()).await {
        Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
        Err(_) => return Incoming::Refused(format!("“{name}” could not be read.")),
    };
    let (text, mut notes) = match decode::decode_text(&bytes) {
        Decoded::Text { text, notice, .. } => (text, notice.into_iter().collect::<Vec<_>>()),
        Decoded::Binary { message } => return Incoming::Refused(format!("“{name}”: {message}")),
    };
    if is_story {
        // Reading a big story file is a task of its own.
        next_task().await;
        return match parse_story_file(&text) {
            Ok(story) => Incoming::Story(story),
            Err(error) => Incoming::Refused(format!("“{name}”: {}", error.message())),
        };
    }
    let looks_html = lower.ends_with(".html")
        || lower.ends_with(".htm")
        || text.trim_start().get(..15).is_some_and(|s| {
            let s = s.to_ascii_lowercase();
            s.starts_with("<!doctype html") || s.starts_with("<html")
        });
    if looks_html {
        let Ok(html) = read_html(text).await else {
            return Incoming::Refused(format!(
                "“{name}”: the code that reads HTML pages could not be loaded (check the connection)."
            ));
        };
        notes.extend(html.diagnostics.iter().map(|d| d.message.clone()));
        return Incoming::Article {
            name,
            text: html.text.clone(),
            html: Some(html),
            notes,
        };
    }
    Incoming::Article {
        name,
        text,
        html: None,
        notes,
    }
}

/// The `text/html` of a paste, when the clipboard has it.
pub fn pasted_html(event: &web_sys::Event) -> Option<String> {
    let event = event.dyn_ref::<web_sys::ClipboardEvent>()?;
    let html = event.clipboard_data()?.get_data("text/html").ok()?;
    (!html.trim().is_empty()).then_some(html)
}
