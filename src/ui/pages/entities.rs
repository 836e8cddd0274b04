//! The entities view: the people, organisations, places, groups and works
//! of the story, how each outlet names them, how often each is quoted (by
//! resolved speaker: "he said" counts for the person it refers to), and the
//! facts that involve them. `#/entities/<key>` selects one and lists what
//! each outlet quotes it as saying and its facts.

use std::sync::Arc;

use leptos::prelude::*;
use parallax_core::compare::{EntityView, StoryView};

use crate::route::Route;
use crate::ui::app::Link;
use crate::ui::components::copy_link::CopyLink;
use crate::ui::components::fact_links::fact_links;
use crate::ui::components::link_notice::missing;
use crate::ui::pages::scroll::scroll_into_view;

#[component]
pub fn EntitiesPage(story: Arc<StoryView>, route: RwSignal<Route>) -> impl IntoView {
    let selected = Memo::new(move |_| match route.get() {
        Route::Entities(key) => key,
        _ => None,
    });
    Effect::new(move |_| {
        if let Some(key) = selected.get() {
            scroll_into_view(format!("e-{key}"));
        }
    });
    let heads = story
        .articles
        .iter()
        .map(|a| view! { <th scope="col">{a.outlet.clone()} " names it"</th> })
        .collect_view();
    let rows = story
        .entities
        .iter()
        .map(|e| entity_row(e, selected))
        .collect_view();
    let detail_story = story.clone();
    let detail = move || {
        let key = selected.get()?;
        Some(match detail_story.entity(&key) {
            Some(entity) => view! {
                <section class="entity-detail notice" data-testid="entity-detail" aria-labelledby="entity-title">
                    <div class="section-head">
                        <h3 id="entity-title">{entity.name.clone()} <span class="muted">" (" {entity.kind_name.to_string()} ")"</span></h3>
                        <CopyLink href=Route::Entities(Some(entity.key.clone())).link() description="Copy a link to this entity" />
                    </div>
                    {quoted_detail(entity)}
                    <p>{format!("{} mention{} in the story; the facts that involve it:", entity.mentions, if entity.mentions == 1 { "" } else { "s" })}</p>
                    {fact_links(&detail_story, &entity.facts)}
                </section>
            }
            .into_any(),
            None => missing(format!("This link points to an entity (“{key}”) the story does not mention.")),
        })
    };
    view! {
        <section class="entities" aria-labelledby="page-title" data-testid="entities">
            <h2 id="page-title" tabindex="-1">"People, organisations, places and works"</h2>
            <p class="hint">"Who and what the story names, how each outlet writes the name (with how often), how often each is quoted (counted under the person or organisation a “he said” or “the company said” refers to), and in how many facts each appears. Select a name to list its quotes and facts."</p>
            {detail}
            <div class="table-wrap">
                <table class="entity-table" data-testid="entity-table">
                    <caption>{format!("{} entities, most mentioned first", story.entities.len())}</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Name"</th>
                            <th scope="col">"Kind"</th>
                            {heads}
                            <th scope="col" class="num">"Quoted"</th>
                            <th scope="col" class="num">"Facts"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

fn entity_row(entity: &EntityView, selected: Memo<Option<String>>) -> impl IntoView + use<> {
    let key = entity.key.clone();
    let me = key.clone();
    let is_selected = move || selected.with(|s| s.as_deref() == Some(me.as_str()));
    let namings = entity
        .namings
        .iter()
        .map(|n| {
            if n.names.is_empty() {
                view! { <td data-label=n.outlet.clone()><span class="not-reported">"not named"</span></td> }.into_any()
            } else {
                let names = n
                    .names
                    .iter()
                    .map(|(name, count)| format!("{name} ×{count}"))
                    .collect::<Vec<_>>()
                    .join(", ");
                view! { <td data-label=n.outlet.clone()>{names}</td> }.into_any()
            }
        })
        .collect_view();
    view! {
        <tr id=format!("e-{key}") class:selected=is_selected data-testid="entity-row" data-key=key.clone()>
            <th scope="row">
                <a href=Route::Entities(Some(key.clone())).link() data-testid="entity-link">{entity.name.clone()}</a>
            </th>
            <td data-label="Kind">{entity.kind_name.to_string()}</td>
            {namings}
            <td data-label="Quoted" class="num" data-testid="entity-quoted">{entity.quoted}</td>
            <td data-label="Facts" class="num">{entity.facts.len()}</td>
        </tr>
    }
}

/// What each outlet quotes the entity as saying ("quoted 3 times"), or
/// nothing when it is never quoted.
fn quoted_detail(entity: &EntityView) -> Option<AnyView> {
    let label = entity.quoted_label()?;
    let outlets = entity
        .namings
        .iter()
        .filter(|n| !n.quotes.is_empty())
        .map(|n| {
            let quotes = n
                .quotes
                .iter()
                .map(|q| view! { <li><q>{q.clone()}</q></li> })
                .collect_view();
            view! {
                <li>{n.outlet.clone()}<ul>{quotes}</ul></li>
            }
        })
        .collect_view();
    Some(
        view! {
            <div data-testid="entity-quotes">
                <p>{format!("{label} in the story:")}</p>
                <ul class="entity-quotes">{outlets}</ul>
            </div>
        }
        .into_any(),
    )
}
