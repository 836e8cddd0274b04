//! A long list drawn a batch a task: the first batch at once, each next one
//! after the browser has had a turn, so a list of a thousand entries never
//! holds the page for long (and the first rows paint sooner). Each batch is
//! drawn once; leaving the page (or redrawing the list) stops the rest.

use std::sync::Arc;

use leptos::prelude::*;

use crate::ui::tasks::next_task;

/// Draws `item(0)`, …, `item(count - 1)`, `per_task` of them a task;
/// `busy` is true until the last batch is drawn (for `aria-busy`, and for
/// tests that wait for the whole list).
pub fn progressive(
    count: usize,
    per_task: usize,
    busy: RwSignal<bool>,
    item: impl Fn(usize) -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    let per_task = per_task.max(1);
    let drawn = RwSignal::new(per_task.min(count));
    busy.set(count > per_task);
    if count > per_task {
        leptos::task::spawn_local(async move {
            loop {
                next_task().await;
                // None once the list is gone.
                let Some(more) = drawn.try_update(|d| {
                    *d = (*d + per_task).min(count);
                    *d < count
                }) else {
                    break;
                };
                if !more {
                    busy.set(false);
                    break;
                }
            }
        });
    }
    let item = Arc::new(item);
    (0..count.div_ceil(per_task))
        .map(|batch| {
            let start = batch * per_task;
            let end = (start + per_task).min(count);
            let shown = Memo::new(move |_| drawn.get() > start);
            let item = item.clone();
            move || {
                shown
                    .get()
                    .then(|| (start..end).map(|i| item(i)).collect_view())
            }
        })
        .collect_view()
}
