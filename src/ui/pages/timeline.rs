//! The timeline: the story's normalised dates on one time axis (broken
//! where nothing happens for months), each row linking to the claims and
//! outlets that mention it. Positions are CSS classes (`at-25 w-41`), not
//! inline styles. `#/timeline/<iso>` selects a date and lists its claims.

use std::sync::Arc;

use leptos::prelude::*;
use parallax_core::compare::StoryView;
use parallax_core::compare::timeline::TimeEntry;

use crate::route::Route;
use crate::ui::app::Link;
use crate::ui::components::copy_link::CopyLink;
use crate::ui::components::fact_links::fact_links;
use crate::ui::components::link_notice::missing;
use crate::ui::pages::scroll::scroll_into_view;

#[component]
pub fn TimelinePage(story: Arc<StoryView>, route: RwSignal<Route>) -> impl IntoView {
    let selected = Memo::new(move |_| match route.get() {
        Route::Timeline(value) => value,
        _ => None,
    });
    Effect::new(move |_| {
        if let Some(value) = selected.get() {
            scroll_into_view(format!("t-{value}"));
        }
    });
    let timeline = &story.timeline;
    let ticks = timeline
        .ticks
        .iter()
        .map(|t| view! { <span class=format!("tick at-{}", t.left)>{t.label.clone()}</span> })
        .collect_view();
    let breaks = timeline
        .breaks
        .iter()
        .map(|b| view! { <span class=format!("axis-break at-{b}")>"≈"</span> })
        .collect_view();
    let rows = timeline
        .entries
        .iter()
        .map(|entry| time_row(&story, entry, selected))
        .collect_view();
    let lookup = story.clone();
    let unknown = move || {
        selected.get().and_then(|value| {
            (!lookup.timeline.entries.iter().any(|e| e.value == value)).then(|| {
                missing(format!(
                    "This link points to a date (“{value}”) the story does not mention."
                ))
            })
        })
    };
    view! {
        <section class="timeline" aria-labelledby="page-title" data-testid="timeline">
            <h2 id="page-title" tabindex="-1">"Timeline"</h2>
            <p class="hint">
                "The dates the story mentions, normalised against each article's date line (“yesterday” in an article of 18 December is 17 December). The axis is broken (≈) where months pass without a date."
            </p>
            {unknown}
            <div class="axis" aria-hidden="true">
                <span class="axis-label">"Date"</span>
                <div class="track axis-track">{ticks}{breaks}</div>
            </div>
            <ol class="time-rows">{rows}</ol>
        </section>
    }
}

fn time_row(
    story: &StoryView,
    entry: &TimeEntry,
    selected: Memo<Option<String>>,
) -> impl IntoView + use<> {
    let value = entry.value.clone();
    let me = value.clone();
    let is_selected = move || selected.with(|s| s.as_deref() == Some(me.as_str()));
    let outlets = entry.outlets.join(", ");
    let mentions = entry
        .mentions
        .iter()
        .map(|m| {
            let article = &story.articles[m.article];
            let claim = article
                .sentences()
                .find(|s| s.number == m.sentence)
                .map(|s| s.claim_id.clone());
            let text = match &*m.bound {
                "" => format!("“{}”", m.text),
                b => format!("“{}” ({b})", m.text),
            };
            view! {
                <li data-testid="time-mention">
                    <strong>{m.outlet.clone()}</strong> " writes " {text}
                    {claim.map(|c| view! {
                        " — "
                        <a href=Route::Read(Some((article.id.clone(), c))).link() data-testid="time-claim">
                            {format!("sentence {}", m.sentence)}
                        </a>
                    })}
                </li>
            }
        })
        .collect_view();
    let facts = fact_links(story, &entry.facts);
    let hide = is_selected.clone();
    let detail = view! {
        <div class="time-detail" data-testid="time-detail" hidden=move || !hide()>
            <h3>"Mentions"</h3>
            <ul>{mentions}</ul>
            <h3>"Facts"</h3>
            {facts}
            <CopyLink href=Route::Timeline(Some(value.clone())).link() description="Copy a link to this date" />
        </div>
    };
    let href = Route::Timeline(Some(value.clone())).link();
    view! {
        <li id=format!("t-{value}") class="time-row" class:selected=is_selected data-testid="time-entry" data-value=value.clone()>
            <div class="time-head">
                <a href=href class="time-link" aria-current={
                    let is_selected = is_selected.clone();
                    move || is_selected().then_some("true")
                }>
                    <span class="time-label">{entry.label.clone()}</span>
                    <span class="time-meta">{format!("{} · {} mention{} · {}", entry.granularity, entry.mentions.len(), if entry.mentions.len() == 1 { "" } else { "s" }, outlets)}</span>
                </a>
                <div class="track" aria-hidden="true">
                    <span class=format!("bar at-{} w-{} bar-{}", entry.left, entry.width, entry.granularity)></span>
                </div>
            </div>
            {detail}
        </li>
    }
}
