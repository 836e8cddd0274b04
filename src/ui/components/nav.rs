//! The view tabs: plain links (each view has its own URL), the current one
//! marked with `aria-current="page"` and an underline, not colour alone.

use leptos::prelude::*;

use crate::route::{Route, View};
use crate::ui::app::Link;

#[component]
pub fn ViewNav(route: RwSignal<Route>) -> impl IntoView {
    let tabs = [
        (View::Facts, Route::home(), "Facts"),
        (View::Read, Route::Read(None), "Read side by side"),
        (View::Quotes, Route::Quotes(None), "Quotes"),
        (View::Timeline, Route::Timeline(None), "Timeline"),
        (View::Entities, Route::Entities(None), "Entities"),
    ];
    let items = tabs
        .into_iter()
        .map(|(view, target, label)| {
            // The fact view belongs to the facts tab.
            let current = move || {
                let now = route.with(Route::view);
                now == view || (view == View::Facts && now == View::Fact)
            };
            view! {
                <li>
                    <a
                        class="tab"
                        class:current=current
                        href=target.link()
                        aria-current=move || current().then_some("page")
                        data-testid=format!("tab-{}", label.split(' ').next().unwrap_or(label).to_ascii_lowercase())
                    >
                        {label}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="views" aria-label="Views">
            <ul>{items}</ul>
        </nav>
    }
}
