//! The quotes view: every quoted statement, who each outlet says said it,
//! and the word-by-word fidelity diff between outlets. `#/quotes/<fact-id>`
//! selects one statement and scrolls to it.

use std::sync::Arc;

use leptos::prelude::*;
use parallax_core::compare::StoryView;
use parallax_core::compare::quotes::{FidelityView, QuoteOpKind, QuoteView};

use crate::route::Route;
use crate::ui::app::Link;
use crate::ui::components::copy_link::CopyLink;
use crate::ui::components::link_notice::missing;
use crate::ui::pages::scroll::scroll_into_view;

#[component]
pub fn QuotesPage(story: Arc<StoryView>, route: RwSignal<Route>) -> impl IntoView {
    let selected = Memo::new(move |_| match route.get() {
        Route::Quotes(id) => id,
        _ => None,
    });
    Effect::new(move |_| {
        if let Some(id) = selected.get() {
            scroll_into_view(format!("quote-{id}"));
        }
    });
    let lookup = story.clone();
    let unknown = move || {
        selected.get().and_then(|id| {
            lookup.quote(&id).is_none().then(|| {
                missing(format!(
                    "This link points to a quoted statement (“{id}”) that is not in this story."
                ))
            })
        })
    };
    let cards = story
        .quotes
        .iter()
        .map(|q| quote_card(&story, q, selected))
        .collect_view();
    view! {
        <section class="quotes" aria-labelledby="page-title" data-testid="quotes">
            <h2 id="page-title" tabindex="-1">"Quoted statements"</h2>
            <p class="hint">
                "Every statement an outlet quotes directly, who it says spoke, and — where outlets quote the same words — what changed between them."
            </p>
            {unknown}
            <ol class="quote-list">{cards}</ol>
        </section>
    }
}

fn quote_card(
    story: &StoryView,
    quote: &QuoteView,
    selected: Memo<Option<String>>,
) -> impl IntoView + use<> {
    let id = quote.fact_id.clone();
    let me = id.clone();
    let is_selected = move || selected.with(|s| s.as_deref() == Some(me.as_str()));
    let fact = &story.facts[quote.fact];
    let sides = quote
        .sides
        .iter()
        .map(|side| {
            let speaker = side
                .speaker
                .clone()
                .map(|s| format!("{s}{}", side.cue.as_ref().map(|c| format!(" ({c})")).unwrap_or_default()))
                .unwrap_or_else(|| "no speaker named".to_string());
            // Who that is, when the written speaker is a pronoun, a role or
            // a common noun ("she", "the company") resolved to a name.
            let resolved = side
                .resolved
                .clone()
                .filter(|r| side.speaker.as_ref().is_none_or(|s| !s.eq_ignore_ascii_case(r)))
                .map(|r| {
                    let how = side.resolution.replace('-', " ");
                    view! {
                        " — "
                        <span data-testid="resolved-speaker">{r}</span>
                        <span class="muted">{format!(" ({how})")}</span>
                    }
                });
            view! {
                <div class="quote-side" data-testid="quote-side">
                    <h4 class="outlet">{side.outlet.clone()}</h4>
                    <p class="speaker"><span class="label">"Said by: "</span><span data-testid="speaker">{speaker}</span>{resolved}</p>
                    <blockquote><p>"“" {side.words.clone()} "”"</p></blockquote>
                </div>
            }
        })
        .collect_view();
    let fidelity = quote.fidelity.iter().map(fidelity_view).collect_view();
    view! {
        <li id=format!("quote-{id}") class="quote-card" class:selected=is_selected data-testid="quote-card" data-fact=id.clone()>
            <div class="section-head">
                <h3>
                    <a href=Route::Quotes(Some(id.clone())).link()>{format!("Fact {}: {}", fact.number, fact.label)}</a>
                </h3>
                <CopyLink href=Route::Quotes(Some(id.clone())).link() description="Copy a link to this quoted statement" />
            </div>
            <div class="quote-sides">{sides}</div>
            {fidelity}
            <p><a href=Route::Fact(id.clone()).link()>"Compare the whole sentences"</a></p>
        </li>
    }
}

fn fidelity_view(f: &FidelityView) -> impl IntoView + use<> {
    let ops = f
        .ops
        .iter()
        .map(|op| match op.kind {
            QuoteOpKind::Same => view! { <span>{op.a.clone()}</span> " " }.into_any(),
            QuoteOpKind::OnlyA => view! {
                <del class="q-op q-only-a"><span class="visually-hidden">"left out: "</span>{op.a.clone()}</del> " "
            }
            .into_any(),
            QuoteOpKind::OnlyB => view! {
                <ins class="q-op q-only-b"><span class="visually-hidden">"added: "</span>{op.b.clone()}</ins> " "
            }
            .into_any(),
            kind => view! {
                <span class=format!("q-op q-{}", kind.name()) data-testid="quote-change">
                    <del><span class="visually-hidden">{format!("{}, was: ", kind.label())}</span>{op.a.clone()}</del>
                    <ins><span class="visually-hidden">" now: "</span>{op.b.clone()}</ins>
                    <span class="q-kind">"(" {kind.label()} ")"</span>
                </span>
                " "
            }
            .into_any(),
        })
        .collect_view();
    let summary = if f.changes.is_empty() {
        "Quoted word for word alike.".to_string()
    } else {
        format!(
            "{}% of the words alike. Changes: {}.",
            f.agreement,
            f.changes.join("; ")
        )
    };
    view! {
        <div class="fidelity" data-testid="fidelity">
            <p class="fidelity-head">
                <strong>{format!("{} → {}", f.a_outlet, f.b_outlet)}</strong>
                ": " <span data-testid="fidelity-summary">{summary}</span>
                {f.speakers_differ.then(|| view! { " " <span class="tag diff-attribution">"speakers named differently"</span> })}
            </p>
            <p class="fidelity-words" data-testid="fidelity-words">{ops}</p>
        </div>
    }
}
