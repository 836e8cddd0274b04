//! The matrix's filter bar: coverage, difference kind, item kind, text
//! search and sort. Every change rewrites the link (without a new history
//! entry), so the address bar always restores the view.

use leptos::prelude::*;
use parallax_core::align::{Coverage, DifferenceKind};
use parallax_core::compare::filter::{coverage_from_name, coverage_text, difference_from_name};
use parallax_core::compare::{FactFilter, FactItem, FactSort};

use crate::route::Route;
use crate::ui::app::Link;
use crate::ui::app::replace_route;

#[component]
pub fn Filters(filter: Memo<FactFilter>) -> impl IntoView {
    let update = move |change: &dyn Fn(&mut FactFilter)| {
        let mut next = filter.get_untracked();
        change(&mut next);
        replace_route(&Route::Facts(next));
    };
    let coverage_options = [Coverage::All, Coverage::Some, Coverage::One]
        .into_iter()
        .map(|c| view! { <option value=c.name()>{coverage_text(c)}</option> })
        .collect_view();
    let diff_options = DifferenceKind::ALL
        .into_iter()
        .map(|d| view! { <option value=d.name()>{d.label()}</option> })
        .collect_view();
    let kind_options = FactItem::ALL
        .into_iter()
        .map(|k| view! { <option value=k.name()>{k.label()}</option> })
        .collect_view();
    let sort_options = FactSort::ALL
        .into_iter()
        .map(|s| view! { <option value=s.name()>{s.label()}</option> })
        .collect_view();
    view! {
        <form class="filters" role="search" aria-label="Filter the facts" on:submit=|ev| ev.prevent_default()>
            <div class="field field-search">
                <label for="filter-q">"Search the sentences"</label>
                <input
                    id="filter-q"
                    type="search"
                    autocomplete="off"
                    placeholder="e.g. cinema"
                    data-testid="filter-q"
                    prop:value=move || filter.with(|f| f.query.clone())
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        update(&|f| f.query = value.clone());
                    }
                />
            </div>
            <div class="field">
                <label for="filter-coverage">"Reported by"</label>
                <select
                    id="filter-coverage"
                    data-testid="filter-coverage"
                    prop:value=move || filter.with(|f| f.coverage.map(|c| c.name()).unwrap_or(""))
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        update(&|f| f.coverage = coverage_from_name(&value));
                    }
                >
                    <option value="">"any number of outlets"</option>
                    {coverage_options}
                </select>
            </div>
            <div class="field">
                <label for="filter-diff">"Outlets differ in"</label>
                <select
                    id="filter-diff"
                    data-testid="filter-diff"
                    prop:value=move || filter.with(|f| f.difference.map(|d| d.name()).unwrap_or(""))
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        update(&|f| f.difference = difference_from_name(&value));
                    }
                >
                    <option value="">"anything or nothing"</option>
                    {diff_options}
                </select>
            </div>
            <div class="field">
                <label for="filter-kind">"Mentions"</label>
                <select
                    id="filter-kind"
                    data-testid="filter-kind"
                    prop:value=move || filter.with(|f| f.item.map(|k| k.name()).unwrap_or(""))
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        update(&|f| f.item = FactItem::from_name(&value));
                    }
                >
                    <option value="">"anything"</option>
                    {kind_options}
                </select>
            </div>
            <div class="field">
                <label for="filter-sort">"Sort"</label>
                <select
                    id="filter-sort"
                    data-testid="filter-sort"
                    prop:value=move || filter.with(|f| f.sort.name())
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        update(&|f| {
                            f.sort = FactSort::ALL
                                .into_iter()
                                .find(|s| s.name() == value)
                                .unwrap_or_default()
                        });
                    }
                >
                    {sort_options}
                </select>
            </div>
            <a class="clear-filters" href=Route::home().link() class:hidden=move || filter.with(FactFilter::is_default) data-testid="clear-filters">
                "Clear filters"
            </a>
        </form>
    }
}
