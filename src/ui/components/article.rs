//! One outlet's article as a column: outlet, headline, date, metadata, the
//! story as sentences that open their fact, and what was set apart from the
//! story. Hovering or focusing a sentence marks its counterparts in the
//! other columns and scrolls each into view inside its own column.

use std::sync::Arc;

use leptos::prelude::*;
use parallax_core::compare::{BlockView, Segment, StoryView};
use wasm_bindgen::JsCast;

use crate::route::{Route, sentence_dom_id};
use crate::ui::app::Link;
use crate::ui::pages::story::Selection;

#[component]
pub fn ArticleColumn(
    story: Arc<StoryView>,
    /// The article's index in the story.
    index: usize,
    selected: Memo<Selection>,
    /// DOM ids of the sentences linked to the hovered or focused one.
    linked: RwSignal<Vec<String>>,
) -> impl IntoView {
    let Some(article) = story.articles.get(index) else {
        return ().into_any();
    };
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
        .map(|block| render_block(&story, index, block, selected, linked))
        .collect_view();
    let apart = (!article.apart.is_empty()).then(|| {
        let items = article
            .apart
            .iter()
            .map(|a| {
                view! {
                    <li class="apart-item" title=a.rule.to_string()>
                        <span class="apart-label">{a.label.to_string()}</span>
                        <span class="apart-text">{a.text.clone()}</span>
                        <span class="apart-rule">{a.rule.to_string()}</span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <aside class="apart" aria-label=format!("Set apart from the story in {}", article.outlet) data-testid="apart">
                <h3>"Not part of the story"</h3>
                <ul>{items}</ul>
            </aside>
        }
    });

    view! {
        <article class="column" aria-labelledby=labelled_by data-testid="article" data-article=article.id.clone() id=format!("col-{}", article.id)>
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
    .into_any()
}

fn render_block(
    story: &Arc<StoryView>,
    index: usize,
    block: &BlockView,
    selected: Memo<Selection>,
    linked: RwSignal<Vec<String>>,
) -> AnyView {
    match block {
        BlockView::Caption { text, rule } => view! {
            <figure class="caption" data-testid="caption" title=rule.to_string()>
                <span class="caption-label">"Photo caption"</span>
                <figcaption>{text.clone()}</figcaption>
            </figure>
        }
        .into_any(),
        BlockView::Subheading { text } => {
            view! { <h3 class="subheading">{text.clone()}</h3> }.into_any()
        }
        BlockView::Paragraph { sentences } => {
            let article = story.articles[index].id.as_str();
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
                    // Selecting a sentence opens its fact; a sentence no
                    // other outlet reports still has its own one-outlet fact.
                    let href = match s.facts.first() {
                        Some(fact) => Route::Fact(fact.clone()).link(),
                        None => Route::Sentence {
                            article: article.to_string(),
                            number,
                        }
                        .link(),
                    };
                    let dom_id = sentence_dom_id(article, number);
                    let me = dom_id.clone();
                    let is_linked = move || linked.with(|l| l.contains(&me));
                    // The counterparts are listed when the sentence is
                    // pointed at (listed for every sentence, they grow with
                    // the square of a fact's outlets), and kept on the
                    // sentence as `data-counterparts`.
                    let lookup = story.clone();
                    let enter = move |target: Option<web_sys::EventTarget>| {
                        let counterparts: Vec<String> = lookup
                            .counterparts(index, number)
                            .iter()
                            .map(|(a, n)| sentence_dom_id(a, *n))
                            .collect();
                        if let Some(element) =
                            target.and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                        {
                            let _ =
                                element.set_attribute("data-counterparts", &counterparts.join(" "));
                        }
                        for id in &counterparts {
                            reveal_in_column(id);
                        }
                        linked.set(counterparts);
                    };
                    let enter_too = enter.clone();
                    let others = s.counterpart_count;
                    let title = match others {
                        0 => "Only this outlet reports this".to_string(),
                        1 => "1 sentence in another outlet reports the same fact".to_string(),
                        n => format!("{n} sentences in other outlets report the same fact"),
                    };
                    view! {
                        <a
                            class="sentence"
                            class:selected=is_selected.clone()
                            class:linked=is_linked
                            class:alone=others == 0
                            id=dom_id
                            href=href
                            title=title
                            data-testid="sentence"
                            data-claim=s.claim_id.clone()
                            aria-current=move || is_selected().then_some("true")
                            on:mouseenter=move |ev| enter(ev.current_target())
                            on:focus=move |ev| enter_too(ev.current_target())
                            on:mouseleave=move |_| linked.set(Vec::new())
                            on:blur=move |_| linked.set(Vec::new())
                        >
                            {render_segments(&story.segments(s))}
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

/// Scrolls a sentence into view inside its column when the column scrolls
/// on its own (wide screens) and the sentence is out of its view; stacked
/// columns (phones) are left alone.
fn reveal_in_column(id: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(element) = document
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let Some(column) = element.closest(".column").ok().flatten() else {
        return;
    };
    if column.scroll_height() <= column.client_height() + 1 {
        return;
    }
    let column_box = column.get_bounding_client_rect();
    let own = element.get_bounding_client_rect();
    if own.top() >= column_box.top() && own.bottom() <= column_box.bottom() {
        return;
    }
    let offset = own.top() - column_box.top() + f64::from(column.scroll_top());
    let target = offset - f64::from(column.client_height()) / 3.0;
    column.set_scroll_top(target.max(0.0) as i32);
}
