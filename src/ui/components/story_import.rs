//! "Import a story file": reads a story file exported by Parallax (any
//! version it ever wrote), saves it as a new story on this device and opens
//! it. A file that is not one, or is damaged, gets a message and nothing
//! already stored is touched. The reading is in `ui/story_tasks.rs`,
//! loaded on the first file chosen (`ui/deferred.rs`).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::deferred::{preload_story_tasks, start_import};
use crate::ui::files::files_of;

#[component]
pub fn StoryImport() -> impl IntoView {
    let message = RwSignal::new(None::<String>);
    // Its code is fetched once the list is drawn, not when a file is chosen.
    request_animation_frame(preload_story_tasks);
    let on_change = move |event: leptos::ev::Event| {
        let input: Option<web_sys::HtmlInputElement> =
            event.target().and_then(|t| t.dyn_into().ok());
        let Some(input) = input else { return };
        let files = files_of(input.files());
        input.set_value("");
        start_import(files, message);
    };
    view! {
        <section class="import" aria-labelledby="import-title">
            <h2 id="import-title">"Import a story file"</h2>
            <p class="hint">"A story exported from Parallax (a .json file): it is saved on this device and opened."</p>
            <label class="file-pick">
                <span class="button">"Choose a story file…"</span>
                <input type="file" accept=".json,application/json" class="visually-hidden"
                    data-testid="import-story" on:change=on_change />
            </label>
            <p role="alert" class="import-message" data-testid="import-message">
                {move || message.get()}
            </p>
        </section>
    }
}
