//! "A new version is ready — Reload to update": shown when a newer build
//! has been installed for offline use and is waiting. The page keeps
//! running the version it started with until the reader chooses to reload.

use leptos::prelude::*;

use crate::ui::offline::apply_update;

#[component]
pub fn UpdateNotice(ready: RwSignal<bool>) -> impl IntoView {
    view! {
        <Show when=move || ready.get()>
            <div class="notice update-notice" role="status" data-testid="update-notice">
                <p>
                    "A new version of Parallax is ready. "
                    <button type="button" class="update-button" data-testid="update-reload" on:click=|_| apply_update()>
                        "Reload to update"
                    </button>
                </p>
            </div>
        </Show>
    }
}
