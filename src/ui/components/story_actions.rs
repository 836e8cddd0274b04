//! What can be done with the open story, under its title: export it as a
//! story file, copy a story link (the whole story, compressed, in the
//! link's fragment; never sent to a server), duplicate it (the bundled
//! story is read-only; its copy can be edited) and, for a story of one's
//! own, edit it.

use leptos::prelude::*;
use parallax_core::import::story_file::{embed_in_html, to_json};
use wasm_bindgen::JsCast;

use crate::route::{Place, Route, StoryRef};
use crate::ui::app::{go, page_base};
use crate::ui::components::offline_copy::OFFLINE_FILE;
use crate::ui::download::{download, file_name};
use crate::ui::offline::is_offline_file;
use crate::ui::saved;

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
        Err("This browser refused the download.".to_string())
    }
}

#[component]
pub fn StoryActions(story: StoryRef) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let manual_link = RwSignal::new(None::<String>);
    let story = StoredValue::new(story);
    let export = move |_| {
        let story = story.get_value();
        leptos::task::spawn_local(async move {
            match saved::story_file(&story).await {
                Ok(file) => {
                    let name = file_name(&file.title, "parallax.json");
                    if download(&name, "application/json", &to_json(&file)) {
                        status.set(format!("Exported as {name}."));
                    } else {
                        status.set("This browser refused the download.".to_string());
                    }
                }
                Err(message) => status.set(message),
            }
        });
    };
    let copy_link = move |_| {
        let story = story.get_value();
        manual_link.set(None);
        leptos::task::spawn_local(async move {
            let payload = match saved::story_file(&story).await {
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
                StoryRef::Link(payload.clone()).href(&Route::home())
            );
            let size = format!("{} KB", link.len().div_ceil(1024));
            let clipboard = web_sys::window().map(|w| w.navigator().clipboard());
            let copied = match clipboard {
                Some(clipboard) => {
                    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&link))
                        .await
                        .is_ok()
                }
                None => false,
            };
            if copied {
                status.set(format!("✓ Story link copied ({size}). It carries the whole story: whoever opens it sees it without a server."));
            } else {
                status.set(format!("Copy this story link ({size}):"));
                manual_link.set(Some(link));
            }
        });
    };
    let duplicate = move |_| {
        let story = story.get_value();
        leptos::task::spawn_local(async move {
            match saved::duplicate(&story).await {
                Ok(id) => go(&Place::Edit(id)),
                Err(message) => status.set(message),
            }
        });
    };
    let edit = match story.get_value() {
        StoryRef::Saved(id) => Some(view! {
            <a class="button" href=Place::Edit(id).href() data-testid="edit-story">"Edit"</a>
        }),
        _ => None,
    };
    let read_only = story.get_value() == StoryRef::Bundled;
    // The one-file copy with this story in it (not from the one file itself,
    // which cannot fetch its own source; the bundled story is in every copy).
    let offline = (!read_only && !is_offline_file()).then(|| {
        let make = move |_| {
            let story = story.get_value();
            leptos::task::spawn_local(async move {
                status.set(match offline_copy_with(&story).await {
                    Ok(name) => {
                        format!("Saved {name}: it opens this story from disk, with no network.")
                    }
                    Err(message) => message,
                });
            });
        };
        view! {
            <button type="button" class="button" on:click=make data-testid="offline-copy-story">
                "Offline copy with this story"
            </button>
        }
    });
    view! {
        <p class="story-actions" data-testid="story-actions">
            {edit}
            <button type="button" class="button" on:click=duplicate data-testid="duplicate-story">
                {if read_only { "Duplicate to edit" } else { "Duplicate" }}
            </button>
            <button type="button" class="button" on:click=export data-testid="export-story">"Export story"</button>
            <button type="button" class="button" on:click=copy_link data-testid="copy-story-link">"Copy story link"</button>
            {offline}
            <span class="copy-status" role="status" data-testid="story-status">{move || status.get()}</span>
            {move || manual_link.get().map(|link| view! {
                <input type="text" readonly class="manual-link" prop:value=link data-testid="story-link-field"
                    aria-label="Story link"
                    on:focus=|ev| {
                        if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                            input.select();
                        }
                    } />
            })}
        </p>
    }
}
