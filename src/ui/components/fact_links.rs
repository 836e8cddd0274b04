//! A list of links to facts, by number and label (omissions, timeline,
//! entities).

use leptos::prelude::*;
use parallax_core::compare::StoryView;

use crate::route::Route;
use crate::ui::app::Link;

pub fn fact_links(story: &StoryView, facts: &[usize]) -> impl IntoView + use<> {
    let items = facts
        .iter()
        .filter_map(|&i| story.facts.get(i))
        .map(|fact| {
            view! {
                <li>
                    <a href=Route::Fact(fact.id.clone()).link() data-testid="fact-ref">
                        {format!("Fact {}: {}", fact.number, fact.label)}
                    </a>
                    " "
                    <span class="muted">"(" {fact.coverage_label.clone()} ")"</span>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="fact-links">{items}</ul> }
}
