//! One outlet's article as a column: outlet, headline, date, metadata, the
//! story as linkable sentences, and what was set apart from the story.

use leptos::prelude::*;
use parallax_core::compare::{ArticleView, BlockView, Segment};

use crate::route::{Route, sentence_dom_id};
use crate::ui::pages::story::Selection;

#[component]
pub fn ArticleColumn(article: ArticleView, selected: Memo<Selection>) -> impl IntoView {
    let heading_id = format!("headline-{}", article.id);
    let labelled_by = heading_id.clone();
    let published = article.published.clone().map(|p| {
        view! {
            <p class="published">
                <time datetime=p.iso.clone() title=format!("Date line in the source: {}", p.source) data-testid="published">
                    {p.human}
                </time>
            </p>
        }
    });
    let metadata = (!article.metadata.is_empty()).then(|| {
        let rows = article
            .metadata
            .iter()
            .map(|m| {
                let values = m
                    .values
                    .iter()
                    .map(|v| view! { <li class="chip">{v.clone()}</li> })
                    .collect_view();
                view! {
                    <div class="meta-row">
                        <dt>{m.key.clone()}</dt>
                        <dd><ul class="chips">{values}</ul></dd>
                    </div>
                }
            })
            .collect_view();
        view! { <dl class="metadata" data-testid="metadata">{rows}</dl> }
    });
    let warnings = article
        .warnings
        .iter()
        .map(|w| view! { <p class="notice notice-warning">{w.clone()}</p> })
        .collect_view();
    let blocks = article
        .blocks
        .iter()
        .map(|block| render_block(&article.id, block, selected))
        .collect_view();
    let apart = (!article.apart.is_empty()).then(|| {
        let items = article
            .apart
            .iter()
            .map(|a| {
                view! {
                    <li class="apart-item" title=a.rule>
                        <span class="apart-label">{a.label}</span>
                        <span class="apart-text">{a.text.clone()}</span>
                        <span class="apart-rule">{a.rule}</span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <aside class="apart" aria-label="Set apart from the story" data-testid="apart">
                <h3>"Not part of the story"</h3>
                <ul>{items}</ul>
            </aside>
        }
    });

    view! {
        <article class="column" aria-labelledby=labelled_by data-testid="article" data-article=article.id.clone()>
            <header class="column-head">
                <p class="outlet" data-testid="outlet">
                    {article.outlet.clone()}
                </p>
                {article.outlet_note.clone().map(|note| view! { <p class="outlet-note">{note}</p> })}
                <h2 id=heading_id data-testid="headline">
                    {article.headline.clone().unwrap_or_else(|| "(no headline found)".to_string())}
                </h2>
                {published}
                {metadata}
            </header>
            {warnings}
            <div class="body" data-testid="body">{blocks}</div>
            {apart}
        </article>
    }
}

fn render_block(article: &str, block: &BlockView, selected: Memo<Selection>) -> AnyView {
    match block {
        BlockView::Caption { text, rule } => view! {
            <figure class="caption" data-testid="caption" title=*rule>
                <span class="caption-label">"Photo caption"</span>
                <figcaption>{text.clone()}</figcaption>
            </figure>
        }
        .into_any(),
        BlockView::Subheading { text } => {
            view! { <h3 class="subheading">{text.clone()}</h3> }.into_any()
        }
        BlockView::Paragraph { sentences } => {
            let sentences = sentences
                .iter()
                .map(|s| {
                    let number = s.number;
                    let article_id = article.to_string();
                    let is_selected = move || {
                        selected.with(|sel| {
                            sel.as_ref()
                                .is_some_and(|(a, n)| *a == article_id && *n == number)
                        })
                    };
                    let route = Route::Sentence {
                        article: article.to_string(),
                        number,
                    };
                    view! {
                        <a
                            class="sentence"
                            class:selected=is_selected.clone()
                            id=sentence_dom_id(article, number)
                            href=route.href()
                            data-testid="sentence"
                            aria-current=move || is_selected().then_some("true")
                        >
                            {render_segments(&s.segments)}
                        </a>
                        " "
                    }
                })
                .collect_view();
            view! { <p class="paragraph">{sentences}</p> }.into_any()
        }
    }
}

/// A sentence's text with each extracted item marked by kind and explained
/// in a tooltip (the selection notice lists the same notes for keyboards).
fn render_segments(segments: &[Segment]) -> impl IntoView + use<> {
    segments
        .iter()
        .map(|segment| {
            if segment.kinds.is_empty() {
                segment.text.clone().into_any()
            } else {
                let class = segment
                    .kinds
                    .iter()
                    .map(|k| format!("mark mark-{}", k.name()))
                    .collect::<Vec<_>>()
                    .join(" ");
                view! {
                    <span class=class title=segment.notes.join("\n") data-testid="mark">
                        {segment.text.clone()}
                    </span>
                }
                .into_any()
            }
        })
        .collect_view()
}
