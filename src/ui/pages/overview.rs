//! The story overview (the default view): the coverage matrix with its
//! filters, what each outlet leaves out that others carry, and the exports
//! (the matrix as CSV, every claim as W3C Web Annotation JSON).

use std::sync::Arc;

use leptos::prelude::*;
use parallax_core::compare::{FactFilter, StoryView};
use wasm_bindgen::JsCast;

use crate::route::Route;
use crate::ui::app::Link;
use crate::ui::building;
use crate::ui::components::copy_link::CopyLink;
use crate::ui::components::fact_links::fact_links;
use crate::ui::components::filters::Filters;
use crate::ui::components::matrix::Matrix;
use crate::ui::components::progressive::progressive;
use crate::ui::download::{REFUSED, download};
use crate::ui::text::lowercase;

#[component]
pub fn OverviewPage(story: Arc<StoryView>, route: RwSignal<Route>) -> impl IntoView {
    let filter = Memo::new(move |_| match route.get() {
        Route::Facts(filter) => filter,
        _ => FactFilter::default(),
    });
    let filtering = story.clone();
    let rows = Memo::new(move |_| filter.with(|f| filtering.filter_facts_with(f, lowercase)));
    let total = story.facts.len();

    // Navigation start → matrix in the DOM, for the measured first paint.
    Effect::new(move |_| {
        if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
            let _ = performance.mark("parallax-matrix");
        }
    });

    // What each outlet leaves out is drawn in the task after the matrix: a
    // story of many outlets has one entry per outlet, which would hold the
    // matrix's first paint up.
    let rest_ready = RwSignal::new(false);
    set_timeout(move || rest_ready.set(true), std::time::Duration::ZERO);
    let omission_story = story.clone();
    let omissions = move || rest_ready.get().then(|| omission_list(&omission_story));

    // Outlets running the same wire copy, with how much of each is shared.
    let wire = (!story.wire.lines.is_empty()).then(|| {
        let lines = story
            .wire
            .lines
            .iter()
            .map(|line| view! { <p>{line.clone()}</p> })
            .collect_view();
        let notes = story
            .wire
            .notes
            .iter()
            .map(|(outlet, note)| view! { <li><strong>{outlet.clone()}</strong> ": " {note.clone()}</li> })
            .collect_view();
        view! {
            <section class="wire-outlets" aria-labelledby="wire-outlets-title" data-testid="wire-outlets">
                <h3 id="wire-outlets-title">"Same wire text"</h3>
                {lines}
                <ul>{notes}</ul>
                <p class="hint">"Their shared facts repeat one source rather than confirm each other."</p>
            </section>
        }
    });

    // The exports are made when asked for: a big story's would otherwise
    // be built, and held in a link, on every visit (the CSV of a thousand
    // outlets' matrix took a fifth of a second to write).
    let exporting = RwSignal::new(None::<String>);
    let csv_story = story.clone();
    let export_csv = move |_| {
        let csv = rows.with(|rows| csv_story.matrix_csv(rows));
        let name = format!("{}-matrix.csv", csv_story.slug);
        if download(&name, "text/csv;charset=utf-8", &csv) {
            exporting.set(None);
        } else {
            exporting.set(Some(REFUSED.to_string()));
        }
    };
    let export_story = story.clone();
    let export_annotations = move |_| {
        exporting.set(Some("Preparing the annotations…".to_string()));
        let name = format!("{}-claims.jsonld", export_story.slug);
        building::web_annotations(&export_story, move |result| match result {
            Ok(json) if download(&name, "application/ld+json", &json) => exporting.set(None),
            Ok(_) => exporting.set(Some(REFUSED.to_string())),
            Err(message) => exporting.set(Some(message)),
        });
    };

    view! {
        <section class="overview" aria-labelledby="page-title" data-testid="overview">
            <div class="section-head">
                <h2 id="page-title" tabindex="-1">"What each outlet reported"</h2>
                <CopyLink href=Signal::derive(move || Route::Facts(filter.get()).link()) description="Copy a link to this view with its filters" />
            </div>
            <p class="hint">
                "Each row is one fact; each column shows how an outlet words it. Select a fact to compare the sentences word by word."
            </p>
            {wire}
            <Filters filter />
            <p class="count" role="status" data-testid="fact-count">
                {move || {
                    let shown = rows.with(Vec::len);
                    if shown == total {
                        format!("Showing all {total} facts.")
                    } else {
                        format!("Showing {shown} of {total} facts.")
                    }
                }}
            </p>
            <Matrix story=story.clone() rows />
            {move || rows.with(Vec::is_empty).then(|| view! {
                <p class="notice" data-testid="no-facts">"No fact matches these filters. " <a href=Route::home().link()>"Clear filters"</a></p>
            })}
            <section class="omissions" aria-labelledby="omissions-title">
                <h3 id="omissions-title">"What each outlet leaves out"</h3>
                {omissions}
            </section>
            <section class="exports" aria-labelledby="exports-title">
                <h3 id="exports-title">"Export"</h3>
                <ul class="export-links">
                    <li>
                        <button type="button" class="link-button" on:click=export_csv data-testid="export-csv">
                            "Coverage matrix (CSV, the rows shown)"
                        </button>
                    </li>
                    <li>
                        <button type="button" class="link-button" on:click=export_annotations data-testid="export-annotations">
                            "Every claim as W3C Web Annotations (JSON-LD)"
                        </button>
                        <span role="status" data-testid="export-status">{move || exporting.get()}</span>
                    </li>
                </ul>
            </section>
        </section>
    }
}

/// Per outlet, what it leaves out that others carry: one closed entry per
/// outlet, its list built when the reader opens it (a story of many outlets
/// would otherwise render every outlet's whole list).
fn omission_list(story: &Arc<StoryView>) -> impl IntoView + use<> {
    let story = story.clone();
    let count = story.omissions.len();
    progressive(count, OMISSIONS_A_TASK, RwSignal::new(false), move |i| {
        omission(&story, i).into_any()
    })
}

/// Omission entries drawn in one task.
const OMISSIONS_A_TASK: usize = 80;

/// One outlet's entry: how many facts it leaves out, listed when opened.
fn omission(story: &Arc<StoryView>, index: usize) -> impl IntoView + use<> {
    story
        .omissions
        .get(index)
        .map(|o| {
            let count = o.facts.len();
            let open = RwSignal::new(false);
            let list_story = story.clone();
            let facts = o.facts.clone();
            view! {
                <details class="omission" data-testid="omission"
                    on:toggle=move |ev| {
                        let details: Option<web_sys::HtmlDetailsElement> = ev.target().and_then(|t| t.dyn_into().ok());
                        open.set(details.is_some_and(|d| d.open()));
                    }>
                    <summary>
                        <strong>{o.outlet.clone()}</strong>
                        {format!(" leaves out {count} fact{} that other outlets report", if count == 1 { "" } else { "s" })}
                    </summary>
                    {move || open.get().then(|| fact_links(&list_story, &facts))}
                </details>
            }
        })
}
