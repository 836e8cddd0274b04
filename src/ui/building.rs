//! Getting a story's view-model without freezing the page, from the first
//! of: the last one built (kept in memory); the one kept on this device for
//! exactly this story and build (`view_cache`); the engine's worker
//! (`ui::engine`), which builds it and sends it back as JSON with progress
//! on the way, for stories of [`WORKER_FROM_BYTES`] or more; the page
//! itself, in slices of a few milliseconds, one task each, with progress
//! after every slice (small stories, and wherever no worker runs or it was
//! lost). Cancelling (the reader pressed Cancel, or left the story)
//! terminates the worker or stops at the next slice. A new build is kept
//! on the device for the next visit.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use parallax_core::compare::{StoryBuild, StoryView};
use parallax_core::corpus::Story;
use parallax_core::import::story_file::{StoryFile, to_json};

use crate::route::StoryRef;
use crate::ui::engine::{self, Ask, EngineEvent};
use crate::ui::view_cache;

/// How long one task may analyse before the page gets a turn (the Long
/// Tasks API calls 50 ms long).
const SLICE_MS: f64 = 12.0;

/// Stories with less article text than this are built on the page: starting
/// the worker (a second instance of the wasm) costs more than the whole
/// build, and the one step that cannot be sliced — aligning and deriving
/// the views — stays short (the bundled story, 7 KB: no task over 50 ms;
/// ten 5 KB articles on the page: a 196 ms task, in the worker: none over
/// 100 ms). Measured in the README ("How fast").
const WORKER_FROM_BYTES: usize = 16 * 1024;

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

/// A build under way; [`Building::cancel`] stops it.
#[derive(Clone, Debug, Default)]
pub struct Building {
    alive: Rc<Cell<bool>>,
    job: Rc<Cell<Option<u32>>>,
}

impl Building {
    pub fn cancel(&self) {
        self.alive.set(false);
        if let Some(job) = self.job.take() {
            engine::cancel(job);
        }
    }
}

/// Builds `story`'s view-model — in the engine's worker where one runs,
/// else on the page in slices — reporting to `progress`, and hands it to
/// `ready`.
pub fn build(
    reference: StoryRef,
    story: Story,
    progress: RwSignal<Option<Progress>>,
    ready: impl FnOnce(Arc<StoryView>) + 'static,
) -> Building {
    let building = Building {
        alive: Rc::new(Cell::new(true)),
        job: Rc::new(Cell::new(None)),
    };
    if let Some(view) = cached(&reference, &story) {
        mark("parallax-cached");
        ready(view);
        return building;
    }
    mark("parallax-build-start");
    progress.set(Some(Progress {
        done: 0,
        total: story.articles.len(),
        aligning: false,
    }));
    let file = to_json(&StoryFile::from_story(&story));
    let job = Rc::new(Job {
        slot: view_cache::slot(&reference),
        stamp: view_cache::stamp(&file),
        reference,
        story,
        build: RefCell::new(None),
        progress,
        alive: building.alive.clone(),
        ready: RefCell::new(Some(Box::new(ready))),
    });
    let started = building.clone();
    leptos::task::spawn_local(async move {
        // A view-model kept from an earlier visit, if it reads back.
        let kept = view_cache::get(&job.slot, &job.stamp).await;
        if !job.alive.get() {
            return;
        }
        if let Some(view) = kept.and_then(|json| serde_json::from_str::<StoryView>(&json).ok()) {
            mark("parallax-view-cached");
            return finished(&job, Arc::new(view), Kept::OnDevice);
        }
        start(job, &file, &started);
    });
    building
}

/// Builds in the worker when the story is big enough and a worker runs,
/// else on the page.
fn start(job: Rc<Job>, file: &str, building: &Building) {
    let in_worker = match preference().as_deref() {
        Some("page") => false,
        Some("worker") => true,
        _ => job.bytes() >= WORKER_FROM_BYTES,
    };
    if !in_worker {
        return on_page(job);
    }
    let in_worker = job.clone();
    let sent = engine::send(Ask::Build, &job.story.slug, file, move |event| {
        on_engine_event(&in_worker, event)
    });
    match sent {
        Some(id) => {
            mark("parallax-build-worker");
            building.job.set(Some(id));
        }
        None => on_page(job),
    }
}

/// Where builds run, when set in `localStorage["parallax-engine"]`
/// (`page` or `worker`; for benchmarks and tests), instead of by size.
fn preference() -> Option<String> {
    web_sys::window()?
        .local_storage()
        .ok()??
        .get_item("parallax-engine")
        .ok()?
}

fn on_engine_event(job: &Rc<Job>, event: EngineEvent) {
    if !job.alive.get() {
        return;
    }
    match event {
        EngineEvent::Progress {
            done,
            total,
            aligning,
        } => job.progress.set(Some(Progress {
            done,
            total,
            aligning,
        })),
        EngineEvent::Done(json) => match serde_json::from_str::<StoryView>(&json) {
            Ok(view) => finished(job, Arc::new(view), Kept::Written(json)),
            // Never show what could not be read: build it here instead.
            Err(_) => on_page(job.clone()),
        },
        EngineEvent::Failed(_) | EngineEvent::Lost => on_page(job.clone()),
    }
}

/// Builds on the page, in slices (no worker here, or it was lost).
fn on_page(job: Rc<Job>) {
    mark("parallax-build-page");
    *job.build.borrow_mut() = Some(StoryBuild::new(job.story.clone()));
    // The first slice after the first paint.
    schedule(job);
}

/// Whether a finished view-model is on this device already.
enum Kept {
    /// It came from the cache.
    OnDevice,
    /// Its JSON, as the worker sent it.
    Written(String),
    /// Built on the page: written out after it is shown, if small.
    NotYet,
}

/// Keeps the view-model for a return to the story (in memory, and on this
/// device) and shows it.
fn finished(job: &Job, view: Arc<StoryView>, kept: Kept) {
    BUILT.set(Some((
        job.reference.clone(),
        job.story.clone(),
        view.clone(),
    )));
    job.progress.set(None);
    mark("parallax-built");
    if let Some(ready) = job.ready.borrow_mut().take() {
        ready(view.clone());
    }
    let (slot, stamp) = (job.slot.clone(), job.stamp.clone());
    match kept {
        Kept::OnDevice => {}
        Kept::Written(json) => {
            leptos::task::spawn_local(async move { view_cache::put(&slot, &stamp, &json).await });
        }
        // Writing a big story's view-model out would hold the page up
        // (it is built here only where no worker runs).
        Kept::NotYet if job.bytes() <= 4 * WORKER_FROM_BYTES => set_timeout(
            move || {
                if let Ok(json) = serde_json::to_string(&*view) {
                    leptos::task::spawn_local(async move {
                        view_cache::put(&slot, &stamp, &json).await;
                    });
                }
            },
            Duration::ZERO,
        ),
        Kept::NotYet => {}
    }
}

type Ready = Box<dyn FnOnce(Arc<StoryView>)>;

struct Job {
    /// Where its view-model is kept on this device, and for what.
    slot: String,
    stamp: String,
    reference: StoryRef,
    story: Story,
    build: RefCell<Option<StoryBuild>>,
    progress: RwSignal<Option<Progress>>,
    alive: Rc<Cell<bool>>,
    ready: RefCell<Option<Ready>>,
}

impl Job {
    /// The story's article text, in bytes.
    fn bytes(&self) -> usize {
        self.story.articles.iter().map(|a| a.raw.len()).sum()
    }
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
    finished(&job, view, Kept::NotYet);
}

/// Every claim of `view`'s story as W3C Web Annotations, handed to `done`:
/// from the view-model itself when it was built on the page, else from the
/// engine's worker (which keeps its analyses); if the worker is lost, the
/// story is analysed again here.
pub fn web_annotations(view: &Arc<StoryView>, done: impl FnOnce(Result<String, String>) + 'static) {
    if let Some(json) = view.web_annotations() {
        return done(Ok(json));
    }
    let story = BUILT.with_borrow(|built| {
        built
            .as_ref()
            .filter(|(_, _, built)| Arc::ptr_eq(built, view))
            .map(|(_, story, _)| story.clone())
    });
    let Some(story) = story else {
        return done(Err(
            "This story is no longer open; open it again to export it.".to_string(),
        ));
    };
    let file = to_json(&StoryFile::from_story(&story));
    let done = Rc::new(RefCell::new(Some(done)));
    let answer = done.clone();
    let on_page = move || {
        StoryView::build(&story)
            .web_annotations()
            .ok_or_else(String::new)
    };
    let fallback = on_page.clone();
    let sent = engine::send(Ask::Annotations, &view.slug, &file, move |event| {
        let result = match event {
            EngineEvent::Progress { .. } => return,
            EngineEvent::Done(json) => Ok(json),
            EngineEvent::Failed(_) | EngineEvent::Lost => fallback(),
        };
        if let Some(done) = answer.borrow_mut().take() {
            done(result);
        }
    });
    if sent.is_none()
        && let Some(done) = done.borrow_mut().take()
    {
        done(on_page());
    }
}
