//! The progress of a story's analysis: articles extracted n of N, then the
//! alignment, with a Cancel button.

use leptos::prelude::*;

use crate::ui::building::Progress;

#[component]
pub fn BuildProgress(
    progress: RwSignal<Option<Progress>>,
    cancel: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let label = move || match progress.get() {
        Some(p) if p.aligning => "Lining up the facts across the outlets…".to_string(),
        Some(p) => format!("Reading the articles: {} of {}", p.done, p.total),
        None => "Comparing the outlets…".to_string(),
    };
    let value = move || {
        progress
            .get()
            .map_or(0, |p| if p.aligning { p.total } else { p.done })
    };
    let max = move || progress.get().map_or(1, |p| p.total.max(1));
    view! {
        <div class="preparing" data-testid="build-progress">
            <p role="status">{label}</p>
            <progress max=max value=value aria-label="Analysis progress"></progress>
            <button type="button" class="button" data-testid="cancel-build" on:click=move |_| cancel()>
                "Cancel"
            </button>
        </div>
    }
}
