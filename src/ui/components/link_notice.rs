//! The message above the story for the current link: which sentence is
//! selected, or why a link points at nothing.

use std::sync::Arc;

use leptos::prelude::*;
use parallax_core::compare::{SentenceView, StoryView};

use crate::route::Route;

#[component]
pub fn LinkNotice(story: Arc<StoryView>, route: RwSignal<Route>) -> impl IntoView {
    move || match route.get() {
        Route::Story => ().into_any(),
        Route::Sentence { article, number } => match story.article(&article) {
            Some(view) if number <= view.sentence_count => {
                let notes = story
                    .sentence(&article, number)
                    .map(extracted_notes)
                    .unwrap_or_default();
                view! {
                    <div class="notice notice-selected" role="status" data-testid="selection-notice">
                        <p>
                            "Showing sentence " {number} " of " {view.sentence_count} " in "
                            <strong>{view.outlet.clone()}</strong> ". "
                            <a href="#/">"Clear selection"</a>
                        </p>
                        {(!notes.is_empty()).then(|| view! {
                            <details class="extracted">
                                <summary>{format!("{} items found in this sentence", notes.len())}</summary>
                                <ul data-testid="extracted">
                                    {notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                                </ul>
                            </details>
                        })}
                    </div>
                }
                .into_any()
            }
            Some(view) => missing(format!(
                "This link points to sentence {number} of {}, but that article has {} sentences.",
                view.outlet, view.sentence_count
            )),
            None => missing(format!(
                "This link points to an article (“{article}”) that is not in this story."
            )),
        },
        Route::Unknown(path) => missing(format!(
            "This link (“#{path}”) does not point to anything Parallax knows."
        )),
    }
}

fn missing(message: String) -> AnyView {
    view! {
        <div class="notice notice-missing" role="alert" data-testid="link-error">
            <p><strong>"Link not found. "</strong> {message}</p>
            <p>"The whole story is shown below. " <a href="#/">"Go to the story"</a></p>
        </div>
    }
    .into_any()
}

/// Every distinct explanation of the items marked in a sentence, in order.
fn extracted_notes(sentence: &SentenceView) -> Vec<String> {
    let mut notes: Vec<String> = Vec::new();
    for note in sentence.segments.iter().flat_map(|s| &s.notes) {
        if !notes.contains(note) {
            notes.push(note.clone());
        }
    }
    notes
}
