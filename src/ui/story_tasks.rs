//! What the open story's buttons do (`components/story_actions.rs` draws
//! them): export it as a story file, copy a story link (the whole story,
//! compressed, in the link's fragment), duplicate it, or download the
//! one-file offline copy with it inside; and what the story list's "Import
//! a story file" does with the file chosen. The result, or why there is
//! none, goes to a status line. Loaded on the first press
//! (`ui/deferred.rs`): the first paint needs none of it.

use leptos::prelude::*;
use parallax_core::import::story_file::{embed_in_html, to_json};
use wasm_bindgen::JsCast;

use crate::route::{Place, Route, StoryRef};
use crate::ui::app::{go, page_base};
use crate::ui::components::offline_copy::OFFLINE_FILE;
use crate::ui::download::{REFUSED, download, file_name};
use crate::ui::files::{Incoming, read};
use crate::ui::saved;
use crate::ui::tasks::mark;

/// One of the open story's buttons.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoryAction {
    Export,
    CopyLink,
    Duplicate,
    OfflineCopy,
}

/// Carries out `action` on `story`; `status` says how it went, and
/// `manual_link` gets a story link the clipboard refused.
pub async fn run(
    action: StoryAction,
    story: StoryRef,
    status: RwSignal<String>,
    manual_link: RwSignal<Option<String>>,
) {
    match action {
        StoryAction::Export => status.set(match export(&story).await {
            Ok(name) => format!("Exported as {name}."),
            Err(message) => message,
        }),
        StoryAction::CopyLink => copy_link(&story, status, manual_link).await,
        StoryAction::Duplicate => match saved::duplicate(&story).await {
            Ok(id) => go(&Place::Edit(id)),
            Err(message) => status.set(message),
        },
        StoryAction::OfflineCopy => status.set(match offline_copy_with(&story).await {
            Ok(name) => format!("Saved {name}: it opens this story from disk, with no network."),
            Err(message) => message,
        }),
    }
}

/// Downloads the story file; its file name.
async fn export(story: &StoryRef) -> Result<String, String> {
    let file = saved::story_file(story).await?;
    let name = file_name(&file.title, "parallax.json");
    if download(&name, "application/json", &to_json(&file)) {
        Ok(name)
    } else {
        Err(REFUSED.to_string())
    }
}

/// Copies a story link, or shows it for copying by hand.
async fn copy_link(
    story: &StoryRef,
    status: RwSignal<String>,
    manual_link: RwSignal<Option<String>>,
) {
    let payload = match saved::story_file(story).await {
        Ok(file) => saved::link_payload(&file).await,
        Err(message) => Err(message),
    };
    let payload = match payload {
        Ok(payload) => payload,
        Err(message) => return status.set(message),
    };
    let link = format!(
        "{}{}",
        page_base(),
        StoryRef::Link(payload).href(&Route::home())
    );
    let size = format!("{} KB", link.len().div_ceil(1024));
    let clipboard = web_sys::window().map(|w| w.navigator().clipboard());
    let copied = match clipboard {
        Some(clipboard) => wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&link))
            .await
            .is_ok(),
        None => false,
    };
    if copied {
        status.set(format!("✓ Story link copied ({size}). It carries the whole story: whoever opens it sees it without a server."));
    } else {
        status.set(format!("Copy this story link ({size}):"));
        manual_link.set(Some(link));
    }
}

/// Downloads the one-file copy with `story` embedded; its file name.
async fn offline_copy_with(story: &StoryRef) -> Result<String, String> {
    let file = saved::story_file(story).await?;
    let failed =
        || "The offline copy could not be fetched (is the page served by Parallax?).".to_string();
    let window = web_sys::window().ok_or_else(failed)?;
    let response: web_sys::Response =
        wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(OFFLINE_FILE))
            .await
            .map_err(|_| failed())?
            .unchecked_into();
    if !response.ok() {
        return Err(failed());
    }
    let html = wasm_bindgen_futures::JsFuture::from(response.text().map_err(|_| failed())?)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(failed)?;
    let page = embed_in_html(&html, &file).ok_or_else(failed)?;
    let name = file_name(&file.title, "html");
    if download(&name, "text/html", &page) {
        Ok(name)
    } else {
        Err(REFUSED.to_string())
    }
}

/// Reads the story files chosen, saves the first that is one as a new
/// story on this device and opens it; `message` says why a file was not.
pub async fn import(files: Vec<web_sys::File>, message: RwSignal<Option<String>>) {
    for file in files {
        let name = file.name();
        match read(file).await {
            Incoming::Story(story) => {
                mark("parallax-file-read");
                match saved::save_new(&story).await {
                    Ok(id) => {
                        mark("parallax-saved");
                        go(&Place::Story(StoryRef::Saved(id), Route::home()));
                        return;
                    }
                    Err(error) => message.set(Some(error)),
                }
            }
            Incoming::Refused(reason) => message.set(Some(reason)),
            Incoming::Article { .. } => message.set(Some(format!(
                "“{name}” is not a Parallax story file. To compare articles, start a new story and add the file there."
            ))),
        }
    }
}
