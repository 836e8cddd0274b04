//! The coverage matrix: a real table, facts as rows (each heading links to
//! the fact view), one column per outlet with its short wording, then how
//! the outlets differ. Coverage and differences are written out in words;
//! colour only repeats them.

use std::sync::Arc;

use leptos::prelude::*;
use parallax_core::compare::StoryView;
use parallax_core::compare::facts::{FactView, certainty_class, certainty_name};

use crate::route::{Route, fact_dom_id};
use crate::ui::app::Link;

#[component]
pub fn Matrix(story: Arc<StoryView>, rows: Memo<Vec<usize>>) -> impl IntoView {
    let heads = story
        .articles
        .iter()
        .map(|a| view! { <th scope="col" class="outlet-col">{a.outlet.clone()}</th> })
        .collect_view();
    let outlets: Vec<String> = story.articles.iter().map(|a| a.outlet.clone()).collect();
    let total = story.facts.len();
    let body_story = story.clone();
    view! {
        <div class="matrix-wrap">
            <table class="matrix" data-testid="matrix">
                <caption>
                    {move || {
                        let shown = rows.with(Vec::len);
                        format!("Coverage matrix: {shown} of {total} facts, one row each; one column per outlet.")
                    }}
                </caption>
                <thead>
                    <tr>
                        <th scope="col" class="fact-col">"Fact"</th>
                        {heads}
                        <th scope="col" class="diff-col">"How they differ"</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        let story = body_story.clone();
                        let outlets = outlets.clone();
                        rows.get()
                            .into_iter()
                            .filter_map(|i| story.facts.get(i).cloned())
                            .map(|fact| row(&fact, &outlets))
                            .collect_view()
                    }}
                </tbody>
            </table>
        </div>
    }
}

fn row(fact: &FactView, outlets: &[String]) -> impl IntoView + use<> {
    let coverage = fact.coverage.name();
    let cells = fact
        .cells
        .iter()
        .zip(outlets)
        .map(|(cell, outlet)| match cell {
            Some(cell) => view! {
                <td data-label=outlet.clone() class="cell">
                    <span class="wording">{cell.short.clone()}</span>
                    <span class=format!("certainty certainty-{}", certainty_class(cell.certainty))>
                        {certainty_name(cell.certainty)}
                    </span>
                </td>
            }
            .into_any(),
            None => view! {
                <td data-label=outlet.clone() class="cell cell-missing">
                    <span class="not-reported">"Not reported"</span>
                </td>
            }
            .into_any(),
        })
        .collect_view();
    let diffs = if fact.difference_kinds.is_empty() {
        let text = if fact.claims.len() > 1 {
            "No differences found"
        } else {
            "—"
        };
        view! { <span class="muted">{text}</span> }.into_any()
    } else {
        view! {
            <ul class="tags">
                {fact
                    .difference_kinds
                    .iter()
                    .map(|k| view! { <li class=format!("tag diff-{}", k.name())>{k.label()}</li> })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <tr id=fact_dom_id(&fact.id) class=format!("row coverage-{coverage}") data-testid="fact-row" data-fact=fact.id.clone()>
            <th scope="row" class="fact-head">
                <a href=Route::Fact(fact.id.clone()).link() data-testid="fact-link">
                    <span class="fact-number">{fact.number} ". "</span>
                    {fact.label.clone()}
                </a>
                <span class=format!("badge coverage-{coverage}") data-testid="coverage">
                    <span class="badge-mark" aria-hidden="true">
                        {match fact.coverage {
                            parallax_core::align::Coverage::All => "●●",
                            parallax_core::align::Coverage::Some => "●○",
                            parallax_core::align::Coverage::One => "●",
                        }}
                    </span>
                    {fact.coverage_label.clone()}
                </span>
            </th>
            {cells}
            <td data-label="How they differ" class="diffs">{diffs}</td>
        </tr>
    }
}
