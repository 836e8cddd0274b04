//! Building a story's view-model without freezing the page: articles are
//! analysed in slices of a few milliseconds, one task each, with progress
//! after every slice; then the story is aligned. Dropping the build (the
//! reader cancelled, or left the story) stops it at the next slice. The
//! last story built is kept, so coming back to it is instant.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use parallax_core::compare::{StoryBuild, StoryView};
use parallax_core::corpus::Story;

use crate::route::StoryRef;

/// How long one task may analyse before the page gets a turn (the Long
/// Tasks API calls 50 ms long).
const SLICE_MS: f64 = 12.0;

/// Where a build is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    /// Every article is analysed; the outlets are being aligned.
    pub aligning: bool,
}

thread_local! {
    /// The last story built, with what it was built from.
    static BUILT: RefCell<Option<(StoryRef, Story, Arc<StoryView>)>> = const { RefCell::new(None) };
}

/// The view-model of `story` if it was the last one built.
fn cached(reference: &StoryRef, story: &Story) -> Option<Arc<StoryView>> {
    BUILT.with_borrow(|built| {
        built
            .as_ref()
            .filter(|(r, s, _)| r == reference && s == story)
            .map(|(_, _, view)| view.clone())
    })
}

/// Builds `story`'s view-model in slices, reporting to `progress`, and
/// hands it to `ready`. Returns the flag that stops it when set to false.
pub fn build_in_steps(
    reference: StoryRef,
    story: Story,
    progress: RwSignal<Option<Progress>>,
    ready: impl FnOnce(Arc<StoryView>) + 'static,
) -> Rc<Cell<bool>> {
    let alive = Rc::new(Cell::new(true));
    if let Some(view) = cached(&reference, &story) {
        ready(view);
        return alive;
    }
    mark("parallax-build-start");
    let build = StoryBuild::new(story.clone());
    progress.set(Some(Progress {
        done: 0,
        total: build.total(),
        aligning: false,
    }));
    let job = Rc::new(Job {
        reference,
        story,
        build: RefCell::new(Some(build)),
        progress,
        alive: alive.clone(),
        ready: RefCell::new(Some(Box::new(ready))),
    });
    // The first slice after the first paint.
    schedule(job);
    alive
}

type Ready = Box<dyn FnOnce(Arc<StoryView>)>;

struct Job {
    reference: StoryRef,
    story: Story,
    build: RefCell<Option<StoryBuild>>,
    progress: RwSignal<Option<Progress>>,
    alive: Rc<Cell<bool>>,
    ready: RefCell<Option<Ready>>,
}

fn schedule(job: Rc<Job>) {
    set_timeout(move || tick(job), Duration::ZERO);
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// A mark in the Performance timeline (read by the benchmarks).
fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

fn tick(job: Rc<Job>) {
    if !job.alive.get() {
        return;
    }
    let started = now();
    let mut slot = job.build.borrow_mut();
    let Some(build) = slot.as_mut() else {
        return;
    };
    let mut more = true;
    while more && now() - started < SLICE_MS {
        more = build.step();
    }
    let (done, total) = (build.done(), build.total());
    if more || done < total {
        drop(slot);
        job.progress.set(Some(Progress {
            done,
            total,
            aligning: false,
        }));
        return schedule(job);
    }
    if !job.progress.get_untracked().is_some_and(|p| p.aligning) {
        // Say "aligning" and let it paint before the alignment runs.
        drop(slot);
        job.progress.set(Some(Progress {
            done,
            total,
            aligning: true,
        }));
        return schedule(job);
    }
    let Some(build) = slot.take() else {
        return;
    };
    drop(slot);
    let view = Arc::new(build.finish());
    BUILT.set(Some((
        job.reference.clone(),
        job.story.clone(),
        view.clone(),
    )));
    job.progress.set(None);
    mark("parallax-built");
    if let Some(ready) = job.ready.borrow_mut().take() {
        ready(view);
    }
}
