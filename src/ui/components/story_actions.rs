//! What can be done with the open story, under its title: export it as a
//! story file, copy a story link (the whole story, compressed, in the
//! link's fragment; never sent to a server), duplicate it (the bundled
//! story is read-only; its copy can be edited) and, for a story of one's
//! own, edit it. What each button does is in `ui/story_tasks.rs`, loaded
//! on the first press (`ui/deferred.rs`).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::route::{Place, StoryRef};
use crate::ui::deferred::start_story_action as start;
use crate::ui::offline::is_offline_file;
use crate::ui::story_tasks::StoryAction;

#[component]
pub fn StoryActions(story: StoryRef) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let manual_link = RwSignal::new(None::<String>);
    let story = StoredValue::new(story);
    let run = move |action: StoryAction| {
        manual_link.set(None);
        start(action, story.get_value(), status, manual_link);
    };
    let export = move |_| run(StoryAction::Export);
    let copy_link = move |_| run(StoryAction::CopyLink);
    let duplicate = move |_| run(StoryAction::Duplicate);
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
        let make = move |_| run(StoryAction::OfflineCopy);
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
