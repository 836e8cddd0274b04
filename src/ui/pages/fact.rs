//! The fact view: each outlet's own sentence side by side with a word-level
//! diff, the typed differences in plain words, each sentence's certainty and
//! attribution, the evidence for the match, and previous/next navigation.

use std::sync::Arc;

use leptos::prelude::*;
use parallax_core::compare::StoryView;
use parallax_core::compare::facts::{FactView, certainty_class, score_text};

use crate::route::Route;
use crate::ui::app::Link;
use crate::ui::components::copy_link::CopyLink;
use crate::ui::components::link_notice::missing;
use crate::ui::components::word_diff::word_diff;

#[component]
pub fn FactPage(story: Arc<StoryView>, route: RwSignal<Route>) -> impl IntoView {
    let id = Memo::new(move |_| match route.get() {
        Route::Fact(id) => Some(id),
        _ => None,
    });
    move || {
        let Some(id) = id.get() else {
            return ().into_any();
        };
        match story.fact(&id) {
            Some((index, fact)) => fact_view(&story, index, fact).into_any(),
            None => view! {
                <h2 id="page-title" tabindex="-1">"Fact not found"</h2>
                {missing(format!("This link points to a fact (“{id}”) that is not in this story. The facts may have been recomputed since the link was made."))}
            }
            .into_any(),
        }
    }
}

fn fact_view(story: &StoryView, index: usize, fact: &FactView) -> impl IntoView + use<> {
    let total = story.facts.len();
    let previous = index
        .checked_sub(1)
        .and_then(|i| story.facts.get(i))
        .map(|f| Route::Fact(f.id.clone()).link());
    let next = story
        .facts
        .get(index + 1)
        .map(|f| Route::Fact(f.id.clone()).link());
    let nav_link = |href: Option<String>,
                    label: &'static str,
                    rel: &'static str,
                    testid: &'static str| match href {
        Some(href) => {
            view! { <a class="button" href=href rel=rel data-testid=testid>{label}</a> }.into_any()
        }
        None => {
            view! { <span class="button disabled" aria-disabled="true">{label}</span> }.into_any()
        }
    };
    let mut cards: Vec<AnyView> = Vec::new();
    for (a, article) in story.articles.iter().enumerate() {
        match fact.claims.iter().find(|c| c.article == a) {
            Some(claim) => {
                let read = Route::Read(Some((claim.article_id.clone(), claim.claim_id.clone()))).link();
                let share = Route::Claim {
                    article: claim.article_id.clone(),
                    claim: claim.claim_id.clone(),
                    quote: claim.quote(),
                }
                .link();
                cards.push(
                    view! {
                        <section class="claim-card" data-testid="fact-claim" data-article=claim.article_id.clone() aria-label=format!("{}'s sentence", claim.outlet)>
                            <h3 class="outlet">{claim.outlet.clone()}</h3>
                            <blockquote class="claim-text" data-testid="claim-text">
                                <p>{word_diff(&claim.diff())}</p>
                            </blockquote>
                            <dl class="claim-facts">
                                <div>
                                    <dt>"Certainty"</dt>
                                    <dd class=format!("certainty certainty-{}", certainty_class(claim.certainty)) data-testid="certainty">
                                        {claim.certainty_label.clone()}
                                    </dd>
                                </div>
                                <div>
                                    <dt>"Attribution"</dt>
                                    <dd data-testid="attribution">{claim.attribution.clone()}</dd>
                                </div>
                                <div>
                                    <dt>"Where"</dt>
                                    <dd>"sentence " {claim.sentence} " of the article"</dd>
                                </div>
                            </dl>
                            <p class="card-actions">
                                <a href=read data-testid="read-in-context">"Read it in context"</a>
                                {claim.source_url.clone().map(|url| view! {
                                    " · "
                                    <a href=url rel="noopener" target="_blank">"Original page ↗"</a>
                                })}
                            </p>
                            <CopyLink href=share label="Copy link to this sentence" description="Copy a link to this outlet's sentence" />
                        </section>
                    }
                    .into_any(),
                );
            }
            None => cards.push(
                view! {
                    <section class="claim-card claim-missing" data-testid="fact-missing" aria-label=format!("{} does not report it", article.outlet)>
                        <h3 class="outlet">{article.outlet.clone()}</h3>
                        <p>"Does not report this fact."</p>
                    </section>
                }
                .into_any(),
            ),
        }
    }
    let differences = if fact.differences.is_empty() {
        let text = if fact.claims.len() > 1 {
            "The outlets report this alike: no difference in numbers, dates, names, certainty, attribution or quoted words was found."
        } else {
            "Only one outlet reports this fact, so there is nothing to compare it with."
        };
        view! { <p data-testid="no-differences">{text}</p> }.into_any()
    } else {
        view! {
            <ul class="differences" data-testid="differences">
                {fact
                    .differences
                    .iter()
                    .map(|d| view! {
                        <li>
                            <span class=format!("tag diff-{}", d.kind.name())>{d.kind.label()}</span>
                            " "
                            {d.detail.clone()}
                        </li>
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    let evidence = if fact.evidence.links.is_empty() {
        view! { <p>"A single sentence: nothing was matched."</p> }.into_any()
    } else {
        let links = fact
            .evidence
            .links
            .iter()
            .map(|link| {
                let rows = link
                    .shared
                    .iter()
                    .map(|s| view! {
                        <tr>
                            <td>{s.kind.to_string()}</td>
                            <td>{s.a.clone()}</td>
                            <td>{s.b.clone()}</td>
                            <td class="num">{format!("{}%", (u32::from(s.weight) + 5) / 10)}</td>
                        </tr>
                    })
                    .collect_view();
                view! {
                    <table class="evidence-table" data-testid="evidence">
                        <caption>
                            {format!("{} and {}: similarity {}", link.a_outlet, link.b_outlet, score_text(link.score))}
                        </caption>
                        <thead>
                            <tr>
                                <th scope="col">"Shared"</th>
                                <th scope="col">{link.a_outlet.clone()} " writes"</th>
                                <th scope="col">{link.b_outlet.clone()} " writes"</th>
                                <th scope="col">"Share of the score"</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                }
            })
            .collect_view();
        view! {
            <p>
                "Matched with a score of " <strong>{score_text(fact.evidence.score)}</strong>
                " (0 to 1; weighted overlap of names, numbers, dates and content words, rare ones counting more)."
            </p>
            {links}
        }
        .into_any()
    };
    let wire = fact.wire.as_ref().map(|w| {
        let changes = w
            .edited
            .iter()
            .map(|r| (r, "edited the copy"))
            .chain(w.rewrote.iter().map(|r| (r, "rewrote it")))
            .map(|(r, how)| view! {
                <li><strong>{r.outlet.clone()}</strong> " " {how} ": " {r.detail.clone()}</li>
            })
            .collect_view();
        view! {
            <section class="wire" aria-labelledby="wire-title">
                <h3 id="wire-title">"Same text or own reporting"</h3>
                <p class="wire-note" data-testid="wire-note">{w.note.clone()} "."</p>
                <p class="hint">
                    "Outlets that carry the same text repeat one source; they do not confirm it independently. The common text: “"
                    {w.common.clone()} "”"
                </p>
                <ul class="wire-changes" data-testid="wire-changes">{changes}</ul>
            </section>
        }
    });
    let quote_link = story
        .quote(&fact.id)
        .map(|_| view! { <p><a href=Route::Quotes(Some(fact.id.clone())).link() data-testid="to-quotes">"See how faithfully each outlet quotes these words"</a></p> });
    view! {
        <article class="fact" data-testid="fact-view" data-fact=fact.id.clone()>
            <nav class="fact-nav" aria-label="Previous and next fact">
                {nav_link(previous, "← Previous fact", "prev", "prev-fact")}
                <span class="fact-position">"Fact " {fact.number} " of " {total}</span>
                {nav_link(next, "Next fact →", "next", "next-fact")}
            </nav>
            <div class="section-head">
                <h2 id="page-title" tabindex="-1" data-testid="fact-title">{fact.label.clone()}</h2>
                <CopyLink href=Route::Fact(fact.id.clone()).link() description="Copy a link to this fact" />
            </div>
            <p class="fact-meta">
                <span class=format!("badge coverage-{}", fact.coverage.name())>{fact.coverage_label.clone()}</span>
                " "
                <a href=Route::home().link()>"Back to all facts"</a>
            </p>
            {(fact.claims.len() > 1).then(|| view! {
                <p class="hint">"Highlighted words are not in " {if fact.claims.len() == 2 { "the other outlet's sentence" } else { "every other outlet's sentence" }} "."</p>
            })}
            <div class="side-by-side" data-testid="side-by-side">{cards}</div>
            {wire}
            <section aria-labelledby="diff-title">
                <h3 id="diff-title">"How they differ"</h3>
                {differences}
                {quote_link}
            </section>
            <section aria-labelledby="evidence-title" class="evidence">
                <h3 id="evidence-title">"Why these sentences were matched"</h3>
                {evidence}
            </section>
        </article>
    }
}
