//! The message under the tabs for the current link: which sentence or
//! claim is selected in the reading view, a claim link found again after
//! its text changed, or why a link points at nothing (with the nearest
//! candidates for an orphaned claim link, or for a link Parallax does not
//! know).

use std::sync::Arc;

use leptos::prelude::*;
use parallax_core::compare::{ClaimLinkView, StoryView};

use crate::route::Route;
use crate::ui::app::Link;
use crate::ui::components::copy_link::CopyLink;

/// The notice of a link to nothing Parallax knows (such links show the
/// matrix, so it is drawn with the first paint).
#[component]
pub fn UnknownLinkNotice(route: RwSignal<Route>) -> impl IntoView {
    move || match route.get() {
        Route::Unknown(path) => missing(format!(
            "This link (“#{path}”) does not point to anything Parallax knows."
        )),
        _ => ().into_any(),
    }
}

/// The notice of the reading view's links (a sentence, a claim): drawn
/// with that view, in its chunk (`pages/later.rs`), with the claim-link
/// resolver only it needs.
#[component]
pub fn LinkNotice(story: Arc<StoryView>, route: RwSignal<Route>) -> impl IntoView {
    move || match route.get() {
        Route::Sentence { article, number } => sentence_notice(&story, &article, number, None),
        Route::Read(Some((article, claim))) => match story.sentence_of_claim(&article, &claim) {
            Some((_, number)) => sentence_notice(&story, &article, number, None),
            None => missing(format!(
                "This link points to a claim (“{claim}”) that is not in this story's texts."
            )),
        },
        Route::Claim {
            article,
            claim,
            quote,
        } => match story.resolve_claim_link(&article, &claim, &quote) {
            ClaimLinkView::Found { article, sentence } => {
                let id = story.articles[article].id.clone();
                sentence_notice(&story, &id, sentence, None)
            }
            ClaimLinkView::Reanchored {
                article,
                sentence,
                similarity,
            } => {
                let id = story.articles[article].id.clone();
                let note = format!(
                    "The linked sentence has changed since the link was made; this is the closest match ({similarity}% alike)."
                );
                sentence_notice(&story, &id, sentence, Some(note))
            }
            ClaimLinkView::Orphan { nearest } => {
                let any = !nearest.is_empty();
                let candidates = nearest
                    .into_iter()
                    .map(|c| {
                        let href = Route::Read(Some((c.article_id.clone(), c.claim_id.clone()))).link();
                        view! {
                            <li>
                                <a href=href data-testid="orphan-candidate">
                                    {c.outlet.clone()} ", sentence " {c.sentence} ": “" {c.short.clone()} "”"
                                </a>
                                " (" {c.similarity} "% alike)"
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <div class="notice notice-missing" role="alert" data-testid="link-error">
                        <p>
                            <strong>"Link not found. "</strong>
                            "The sentence this link points to is no longer in the story"
                            {(!quote.is_empty()).then(|| format!(" (it began “{quote}”)"))}
                            ", and nothing in the texts is close enough to stand in for it."
                        </p>
                        {any.then(|| view! {
                            <p>"The nearest sentences:"</p>
                            <ul class="candidates" data-testid="orphan-candidates">{candidates}</ul>
                        })}
                        <p><a href=Route::home().link()>"Go to the coverage matrix"</a></p>
                    </div>
                }
                .into_any()
            }
        },
        _ => ().into_any(),
    }
}

fn sentence_notice(
    story: &StoryView,
    article: &str,
    number: usize,
    note: Option<String>,
) -> AnyView {
    let Some((index, view)) = story
        .articles
        .iter()
        .enumerate()
        .find(|(_, a)| a.id == article)
    else {
        return missing(format!(
            "This link points to an article (“{article}”) that is not in this story."
        ));
    };
    if number > view.sentence_count {
        return missing(format!(
            "This link points to sentence {number} of {}, but that article has {} sentences.",
            view.outlet, view.sentence_count
        ));
    }
    let sentence = story.sentence(article, number);
    let notes = sentence
        .map(|s| story.sentence_notes(s))
        .unwrap_or_default();
    let fact = sentence.and_then(|s| s.facts.first().cloned());
    let share = story
        .claim_of_sentence(index, number)
        .map(|(claim, quote)| {
            Route::Claim {
                article: article.to_string(),
                claim,
                quote,
            }
            .link()
        });
    view! {
        <div class="notice notice-selected" role="status" data-testid="selection-notice">
            {note.map(|n| view! { <p data-testid="reanchored">{n}</p> })}
            <p>
                "Showing sentence " {number} " of " {view.sentence_count} " in "
                <strong>{view.outlet.clone()}</strong> ". "
                {fact.map(|f| view! { <a href=Route::Fact(f).link() data-testid="open-fact">"Compare the outlets on this fact"</a> " · " })}
                <a href=Route::Read(None).link()>"Clear selection"</a>
            </p>
            {share.map(|href| view! { <p><CopyLink href description="Copy a link to this sentence" /></p> })}
            {(!notes.is_empty()).then(|| view! {
                <details class="extracted">
                    <summary>{format!("{} items found in this sentence", notes.len())}</summary>
                    <ul data-testid="extracted">
                        {notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                    </ul>
                </details>
            })}
        </div>
    }
    .into_any()
}

pub fn missing(message: String) -> AnyView {
    view! {
        <div class="notice notice-missing" role="alert" data-testid="link-error">
            <p><strong>"Link not found. "</strong> {message}</p>
            <p>"The coverage matrix and the texts are still here. " <a href=Route::home().link()>"Go to the coverage matrix"</a></p>
        </div>
    }
    .into_any()
}
