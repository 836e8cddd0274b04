//! What can be done with the open story, under its title: export it as a
//! story file, duplicate it (the bundled story is read-only; its copy can be
//! edited) and, for a story of one's own, edit it.

use leptos::prelude::*;
use parallax_core::corpus::bundled_stories;
use parallax_core::import::story_file::{StoryFile, to_json};

use crate::route::Place;
use crate::ui::app::go;
use crate::ui::download::{download, file_name};
use crate::ui::saved;

/// The open story's file: the bundled one, or the saved one by id.
async fn story_file(saved_id: Option<String>) -> Result<StoryFile, String> {
    match saved_id {
        Some(id) => saved::load_file(&id).await,
        None => bundled_stories()
            .0
            .first()
            .map(StoryFile::from_story)
            .ok_or_else(|| "The bundled story is missing.".to_string()),
    }
}

#[component]
pub fn StoryActions(saved_id: Option<String>, read_only: bool) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let export_id = saved_id.clone();
    let export = move |_| {
        let id = export_id.clone();
        leptos::task::spawn_local(async move {
            match story_file(id).await {
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
    let duplicate_id = saved_id.clone();
    let duplicate = move |_| {
        let id = duplicate_id.clone();
        leptos::task::spawn_local(async move {
            let copied = match story_file(id).await {
                Ok(mut file) => {
                    file.title = format!("{} (copy)", file.title);
                    saved::save_new(&file).await
                }
                Err(message) => Err(message),
            };
            match copied {
                Ok(id) => go(&Place::Edit(id)),
                Err(message) => status.set(message),
            }
        });
    };
    let edit = saved_id.map(|id| {
        view! { <a class="button" href=Place::Edit(id).href() data-testid="edit-story">"Edit"</a> }
    });
    view! {
        <p class="story-actions" data-testid="story-actions">
            {edit}
            <button type="button" class="button" on:click=duplicate data-testid="duplicate-story">
                {if read_only { "Duplicate to edit" } else { "Duplicate" }}
            </button>
            <button type="button" class="button" on:click=export data-testid="export-story">"Export story"</button>
            <span class="copy-status" role="status" data-testid="story-status">{move || status.get()}</span>
        </p>
    }
}
