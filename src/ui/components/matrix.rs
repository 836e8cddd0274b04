//! The coverage matrix: a real table, facts as rows (each heading links to
//! the fact view), one column per outlet with its short wording, then how
//! the outlets differ. Coverage and differences are written out in words;
//! colour only repeats them. With more outlets than fit side by side the
//! matrix is compact: one column says how many outlets report the fact and
//! names those that do not, with one outlet's wording; every outlet's
//! sentence is one click away, in the fact view. Rows are drawn a batch a
//! task (`aria-busy` until the last is in).

use std::sync::Arc;

use leptos::prelude::*;
use parallax_core::compare::facts::CELL_CHARS;
use parallax_core::compare::facts::{FactView, certainty_class, certainty_name};
use parallax_core::compare::{StoryView, shorten};

use crate::route::{Route, fact_dom_id};
use crate::ui::app::Link;
use crate::ui::components::progressive::progressive;

/// Most outlets shown as columns of their own.
pub const MAX_OUTLET_COLUMNS: usize = 8;
/// Most missing outlets named in a compact row.
const MAX_NAMED_MISSING: usize = 6;
/// Rows rendered at first, and added by each "Show more" (a story of a
/// thousand articles has thousands of facts).
const ROWS_AT_ONCE: usize = 150;
/// Rows drawn in one task: drawing a row, then laying the table out again,
/// takes about a millisecond on a slow machine.
const ROWS_A_TASK: usize = 20;

#[component]
pub fn Matrix(story: Arc<StoryView>, rows: Memo<Vec<usize>>) -> impl IntoView {
    let compact = story.articles.len() > MAX_OUTLET_COLUMNS;
    let heads = if compact {
        let count = story.articles.len();
        view! { <th scope="col" class="outlet-col">{format!("Reported by (of {count} outlets)")}</th> }.into_any()
    } else {
        story
            .articles
            .iter()
            .map(|a| view! { <th scope="col" class="outlet-col">{a.outlet.clone()}</th> })
            .collect_view()
            .into_any()
    };
    let outlets: Vec<String> = story.articles.iter().map(|a| a.outlet.clone()).collect();
    let total = story.facts.len();
    let body_story = story.clone();
    let limit = RwSignal::new(ROWS_AT_ONCE);
    let hidden = move || rows.with(Vec::len).saturating_sub(limit.get());
    let drawing = RwSignal::new(false);
    view! {
        <div class="matrix-wrap">
            <table class="matrix" class:compact=compact data-testid="matrix"
                aria-busy=move || drawing.get().then_some("true")>
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
                        let shown: Vec<usize> = rows.get().into_iter().take(limit.get()).collect();
                        progressive(shown.len(), ROWS_A_TASK, drawing, move |i| {
                            // By reference: a fact of many outlets holds
                            // many sentences.
                            match story.facts.get(shown[i]) {
                                Some(fact) => row(fact, &outlets, compact).into_any(),
                                None => ().into_any(),
                            }
                        })
                    }}
                </tbody>
            </table>
            {move || (hidden() > 0).then(|| view! {
                <p class="show-more">
                    <button type="button" class="button" data-testid="show-more-facts"
                        on:click=move |_| limit.update(|l| *l += ROWS_AT_ONCE)>
                        {format!("Show {} more facts ({} not shown yet)", hidden().min(ROWS_AT_ONCE), hidden())}
                    </button>
                </p>
            })}
        </div>
    }
}

/// A compact row's one cell: how many report it, who does not, and one
/// outlet's wording.
fn reported_by(fact: &FactView, outlets: &[String]) -> AnyView {
    // Who reports it and one wording: no cell per outlet is made (a fact of
    // a thousand outlets would shorten a thousand sentences).
    let mut reports = vec![false; outlets.len()];
    for claim in &fact.claims {
        if let Some(reported) = reports.get_mut(claim.article) {
            *reported = true;
        }
    }
    let reporting = reports.iter().filter(|r| **r).count();
    let missing: Vec<&str> = reports
        .iter()
        .zip(outlets)
        .filter(|(reported, _)| !**reported)
        .map(|(_, outlet)| outlet.as_str())
        .collect();
    let who_not = match missing.len() {
        0 => "Every outlet reports it.".to_string(),
        n if n <= MAX_NAMED_MISSING => format!("Not reported by {}.", missing.join(", ")),
        n => format!("{n} outlets do not report it."),
    };
    // The first reporting outlet's first sentence, as its cell would show it.
    let example = fact
        .claims
        .iter()
        .filter(|c| c.article < outlets.len())
        .min_by_key(|c| c.article)
        .map(|claim| {
            view! {
                <span class="wording">
                    <span class="outlet-name">{outlets[claim.article].clone()} ": "</span>
                    {shorten(&claim.text, CELL_CHARS)}
                </span>
            }
        });
    view! {
        <td data-label="Reported by" class="cell">
            <strong>{format!("{reporting} of {} outlets. ", outlets.len())}</strong>
            <span class="missing-outlets" data-testid="missing-outlets">{who_not}</span>
            {example}
        </td>
    }
    .into_any()
}

fn row(fact: &FactView, outlets: &[String], compact: bool) -> impl IntoView + use<> {
    let coverage = fact.coverage.name();
    let cells = if compact {
        reported_by(fact, outlets)
    } else {
        per_outlet_cells(fact, outlets)
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
            <td data-label="How they differ" class="diffs">{differences(fact)}</td>
        </tr>
    }
}

/// One cell per outlet: its short wording and how firmly it is stated.
fn per_outlet_cells(fact: &FactView, outlets: &[String]) -> AnyView {
    fact.cells(outlets.len())
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
        .collect_view()
        .into_any()
}

fn differences(fact: &FactView) -> AnyView {
    // Same wire text in several outlets: repetition, not confirmation.
    let wire = fact.wire.as_ref().map(|w| {
        view! {
            <span class="tag wire-tag" data-testid="wire-tag" title=w.note.clone()>{w.tag.clone()}</span>
        }
    });
    if fact.difference_kinds.is_empty() {
        let text = if fact.claims.len() > 1 {
            "No differences found"
        } else {
            "—"
        };
        view! { <span class="muted">{text}</span> " " {wire} }.into_any()
    } else {
        view! {
            <ul class="tags">
                {fact
                    .difference_kinds
                    .iter()
                    .map(|k| view! { <li class=format!("tag diff-{}", k.name())>{k.label()}</li> })
                    .collect_view()}
            </ul>
            {wire}
        }
        .into_any()
    }
}
