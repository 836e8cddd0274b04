//! The story view: the outlets' articles side by side, with the sentence the
//! URL selects highlighted and scrolled into view.

use std::sync::Arc;

use leptos::prelude::*;
use parallax_core::compare::{ItemKind, StoryView};

use crate::route::{Route, sentence_dom_id};
use crate::ui::components::article::ArticleColumn;
use crate::ui::components::link_notice::LinkNotice;

/// The selected sentence: article id and 1-based number.
pub type Selection = Option<(String, usize)>;

#[component]
pub fn StoryPage(story: Arc<StoryView>, route: RwSignal<Route>) -> impl IntoView {
    let selected = Memo::new(move |_| match route.get() {
        Route::Sentence { article, number } => Some((article, number)),
        _ => None,
    });

    // Bring the selected sentence into view once it is in the DOM.
    Effect::new(move |_| {
        if let Some((article, number)) = selected.get() {
            let id = sentence_dom_id(&article, number);
            request_animation_frame(move || scroll_to(&id));
        }
    });

    let columns = story
        .articles
        .iter()
        .map(|article| view! { <ArticleColumn article=article.clone() selected /> })
        .collect_view();
    let count = story.articles.len();

    view! {
        <section class="story" aria-labelledby="story-title" data-testid="story">
            <div class="story-head">
                <p class="eyebrow">"Story · " {count} " outlets"</p>
                <h1 id="story-title" data-testid="story-title">{story.title.clone()}</h1>
                <p class="hint">
                    "Select any sentence to get a link to it. Site furniture, captions and author lines are set apart from the story text."
                </p>
                <ul class="legend" aria-label="How extracted items are marked" data-testid="legend">
                    {ItemKind::ALL
                        .iter()
                        .map(|kind| {
                            let name = kind.name();
                            view! { <li><span class=format!("mark mark-{name}")>{name}</span></li> }
                        })
                        .collect_view()}
                </ul>
            </div>
            <LinkNotice story=story.clone() route />
            <div class="columns" style=("--columns", count.to_string())>{columns}</div>
        </section>
    }
}

/// Scrolls the element into the middle of the screen, unless it is already
/// fully visible below the sticky bars (then the text stays where the reader
/// clicked it).
fn scroll_to(id: &str) {
    /// Height taken by the sticky top bar and selection notice.
    const STICKY_BARS_PX: f64 = 110.0;
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(element) = window.document().and_then(|d| d.get_element_by_id(id)) else {
        return;
    };
    let rect = element.get_bounding_client_rect();
    let viewport = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    if rect.top() >= STICKY_BARS_PX && rect.bottom() <= viewport {
        return;
    }
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_behavior(web_sys::ScrollBehavior::Smooth);
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    element.scroll_into_view_with_scroll_into_view_options(&options);
}
