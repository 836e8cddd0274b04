//! The reading view: the outlets' full texts side by side, every extracted
//! item marked by kind. Hovering or focusing a sentence highlights the
//! sentences of the other outlets that report the same fact and scrolls them
//! into view in their columns; clicking one opens the fact view. A sentence
//! or claim the URL selects is highlighted and scrolled into view.

use std::sync::Arc;

use leptos::prelude::*;
use parallax_core::compare::{ClaimLinkView, ItemKind, StoryView};

use crate::route::{Route, sentence_dom_id};
use crate::ui::components::article::ArticleColumn;
use crate::ui::pages::scroll::{STICKY_BARS_PX, bring_into_view};

/// The selected sentence: article id and 1-based number.
pub type Selection = Option<(String, usize)>;

#[component]
pub fn StoryPage(story: Arc<StoryView>, route: RwSignal<Route>) -> impl IntoView {
    let lookup = story.clone();
    let selected = Memo::new(move |_| match route.get() {
        Route::Sentence { article, number } => Some((article, number)),
        Route::Read(Some((article, claim))) => lookup
            .sentence_of_claim(&article, &claim)
            .map(|(_, number)| (article, number)),
        Route::Claim {
            article,
            claim,
            quote,
        } => match lookup.resolve_claim_link(&article, &claim, &quote) {
            ClaimLinkView::Found { article, sentence }
            | ClaimLinkView::Reanchored {
                article, sentence, ..
            } => Some((lookup.articles[article].id.clone(), sentence)),
            ClaimLinkView::Orphan { .. } => None,
        },
        _ => None,
    });
    // The counterparts of the hovered or focused sentence, as DOM ids.
    let linked = RwSignal::new(Vec::<String>::new());

    // Bring the selected sentence into view once it is in the DOM.
    Effect::new(move |_| {
        if let Some((article, number)) = selected.get() {
            let id = sentence_dom_id(&article, number);
            bring_into_view(id, STICKY_BARS_PX);
        }
    });

    let columns = (0..story.articles.len())
        .map(|index| view! { <ArticleColumn story=story.clone() index selected linked /> })
        .collect_view();
    let count = story.articles.len().clamp(1, 4);

    view! {
        <section class="reading" aria-labelledby="page-title" data-testid="reading">
            <h2 id="page-title" tabindex="-1">"The texts side by side"</h2>
            <p class="hint">
                "Point at or tab to a sentence to see the other outlets' sentences on the same fact; select it to compare them. Site furniture, captions and author lines are set apart from the story text."
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
            <div class=format!("columns columns-{count}")>{columns}</div>
        </section>
    }
}
