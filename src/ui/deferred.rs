//! Code the first paint does not need that is not a view (the views are in
//! `pages/later.rs`): reading a view-model's parts back (the decoders of
//! every view type), turning a saved HTML page into an article, and what
//! the open story's buttons and the story list's import do
//! (`ui/story_tasks.rs`).
//!
//! With the `split` feature each function is a split point, as in
//! `pages/later.rs`: its code moves into a wasm chunk that the first call
//! fetches. A build asks for the decoder's chunk as it starts
//! ([`preload_decoder`]), so that it is in by the time the engine answers;
//! the story list asks for the buttons' and import's chunk once it is drawn
//! ([`preload_story_tasks`]). Without the feature the functions are plain
//! calls.

use leptos::prelude::*;
use parallax_core::compare::parts::ViewAssembler;
use parallax_core::import::html::{HtmlArticle, html_to_article};

use crate::route::StoryRef;
use crate::ui::pages::later::Unavailable;
use crate::ui::story_tasks::{self, StoryAction};

/// Calls a split function: awaited with the `split` feature (the call
/// fetches its chunk first), a plain call without.
macro_rules! call {
    ($call:expr) => {{
        #[cfg(feature = "split")]
        let result = $call.await;
        #[cfg(not(feature = "split"))]
        let result = $call;
        result
    }};
}

/// Adds one JSON part of a view-model to `assembler`.
#[cfg_attr(
    feature = "split",
    wasm_split_helpers::wasm_split(decoder, fallible, preload(decoder_chunk))
)]
fn add_part(
    assembler: &mut ViewAssembler,
    part: String,
) -> Result<Result<(), String>, Unavailable> {
    Ok(assembler.add(&part))
}

/// [`add_part`], the same with and without the `split` feature.
pub async fn read_part(assembler: &mut ViewAssembler, part: String) -> Result<(), String> {
    call!(add_part(assembler, part)).unwrap_or_else(|Unavailable| {
        Err("the code that reads it could not be loaded (check the connection)".to_string())
    })
}

/// Fetches the decoder's chunk now, if it is not in yet (nothing without
/// the `split` feature). A failure is left for the read to report.
pub fn preload_decoder() {
    #[cfg(feature = "split")]
    leptos::task::spawn_local(async {
        let _ = decoder_chunk().await;
    });
}

/// Fetches the chunk of the story buttons' and the import's work, after
/// the first paint, so that a file chosen is read at once (nothing without
/// the `split` feature). A failure is left for the press to report.
pub fn preload_story_tasks() {
    #[cfg(feature = "split")]
    leptos::task::spawn_local(async {
        let _ = story_tasks_chunk().await;
    });
}

/// A saved HTML page as an article (its text and metadata).
#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(html, fallible))]
fn html_article(html: String) -> Result<HtmlArticle, Unavailable> {
    Ok(html_to_article(&html))
}

/// [`html_article`], the same with and without the `split` feature.
pub async fn read_html(html: String) -> Result<HtmlArticle, Unavailable> {
    call!(html_article(html))
}

/// Starts [`story_tasks::run`] (the work goes on in a task of its own).
#[cfg_attr(
    feature = "split",
    wasm_split_helpers::wasm_split(story_tasks, fallible)
)]
fn spawn_story_action(
    action: StoryAction,
    story: StoryRef,
    status: RwSignal<String>,
    manual_link: RwSignal<Option<String>>,
) -> Result<(), Unavailable> {
    leptos::task::spawn_local(story_tasks::run(action, story, status, manual_link));
    Ok(())
}

/// What a press of one of the open story's buttons starts; `status` says
/// so if its code cannot be loaded.
pub fn start_story_action(
    action: StoryAction,
    story: StoryRef,
    status: RwSignal<String>,
    manual_link: RwSignal<Option<String>>,
) {
    leptos::task::spawn_local(async move {
        if call!(spawn_story_action(action, story, status, manual_link)).is_err() {
            status.set(
                "This could not be done: its code could not be loaded (check the connection)."
                    .to_string(),
            );
        }
    });
}

/// Starts [`story_tasks::import`].
#[cfg_attr(
    feature = "split",
    wasm_split_helpers::wasm_split(story_tasks, fallible, preload(story_tasks_chunk))
)]
fn spawn_import(
    files: Vec<web_sys::File>,
    message: RwSignal<Option<String>>,
) -> Result<(), Unavailable> {
    leptos::task::spawn_local(story_tasks::import(files, message));
    Ok(())
}

/// Imports the story files chosen; `message` says so if the code that
/// reads them cannot be loaded.
pub fn start_import(files: Vec<web_sys::File>, message: RwSignal<Option<String>>) {
    leptos::task::spawn_local(async move {
        if call!(spawn_import(files, message)).is_err() {
            message.set(Some(
                "The file could not be read: the code that reads it could not be loaded (check the connection).".to_string(),
            ));
        }
    });
}
