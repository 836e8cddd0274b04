//! Getting a story's view-model without freezing the page, from the first
//! of: the last one built (kept in memory); the one kept on this device for
//! exactly this story and build (`view_cache`); the engine (`ui::engine`:
//! its worker, or the page where none runs), which builds it and sends it
//! back as JSON with progress on the way. Cancelling (the reader pressed
//! Cancel, or left the story) stops the engine's build. A new build is kept
//! on the device for the next visit.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;

use js_sys::Array;
use leptos::prelude::*;
use parallax_core::compare::StoryView;
use parallax_core::compare::parts::ViewAssembler;
use parallax_core::corpus::Story;
use parallax_core::import::story_file::{StoryFile, to_json};
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;

use crate::route::StoryRef;
use crate::ui::deferred::{preload_decoder, read_part};
use crate::ui::engine::{self, Ask, EngineEvent, Place};
use crate::ui::tasks::{mark, next_task, now};
use crate::ui::view_cache;

/// How long one task may read a view-model's parts before the page gets a
/// turn (the Long Tasks API calls 50 ms long).
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

/// Builds `story`'s view-model — by the engine, in its worker where one
/// runs, else on the page in slices — reporting to `progress`, and hands
/// it (or why there is none) to `ready`.
pub fn build(
    reference: StoryRef,
    story: Story,
    progress: RwSignal<Option<Progress>>,
    ready: impl FnOnce(Result<Arc<StoryView>, String>) + 'static,
) -> Building {
    let building = Building {
        alive: Rc::new(Cell::new(true)),
        job: Rc::new(Cell::new(None)),
    };
    if let Some(view) = cached(&reference, &story) {
        mark("parallax-cached");
        ready(Ok(view));
        return building;
    }
    mark("parallax-build-start");
    // Its decoder is fetched while the story is read or built.
    preload_decoder();
    progress.set(Some(Progress {
        done: 0,
        total: story.articles.len(),
        aligning: false,
    }));
    let alive = building.alive.clone();
    let started = building.clone();
    leptos::task::spawn_local(async move {
        // Writing out a story of a thousand articles takes a while: not in
        // the task that asked for it.
        next_task().await;
        let file = to_json(&StoryFile::from_story(&story));
        let job = Rc::new(Job {
            slot: view_cache::slot(&reference),
            stamp: view_cache::stamp(&file),
            reference,
            story,
            progress,
            alive,
            ready: RefCell::new(Some(Box::new(ready))),
        });
        if !job.alive.get() {
            return;
        }
        // A view-model kept from an earlier visit, if it reads back.
        let kept = view_cache::get(&job.slot, &job.stamp).await;
        if !job.alive.get() {
            return;
        }
        if let Some(parts) = kept {
            let view = read_parts(&parts, &job.alive).await;
            if !job.alive.get() {
                return;
            }
            // One that does not read back is built again.
            if let Ok(view) = view {
                mark("parallax-view-cached");
                return finished(&job, Arc::new(view), None);
            }
        }
        start(job, &file, &started);
    });
    building
}

/// Sends the story to the engine (its worker, or the page where none
/// runs) and follows its progress.
fn start(job: Rc<Job>, file: &str, building: &Building) {
    let events = job.clone();
    let answer = building.clone();
    let resend = file.to_string();
    let sent = engine::send(Ask::Build, &job.story.slug, file, move |event| {
        on_engine_event(&events, &resend, &answer, event)
    });
    match sent {
        Some((id, place)) => {
            mark(match place {
                Place::Worker => "parallax-build-worker",
                Place::Page => "parallax-build-page",
            });
            building.job.set(Some(id));
        }
        None => failed(
            &job,
            "The analysis engine cannot run in this browser.".to_string(),
        ),
    }
}

fn on_engine_event(job: &Rc<Job>, file: &str, building: &Building, event: EngineEvent) {
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
        EngineEvent::Built(parts, memory) => {
            mark_with("parallax-engine-answered", memory as f64);
            let job = job.clone();
            leptos::task::spawn_local(async move {
                let view = read_parts(&parts, &job.alive).await;
                if !job.alive.get() {
                    return;
                }
                match view {
                    Ok(view) => finished(&job, Arc::new(view), Some(parts)),
                    Err(e) => failed(&job, format!("The analysis could not be read back: {e}")),
                }
            });
        }
        EngineEvent::Done(_) => failed(job, "The engine answered something else.".to_string()),
        EngineEvent::Failed(message) => failed(job, message),
        // The worker died: once more, on the page.
        EngineEvent::Lost => start(job.clone(), file, building),
    }
}

/// Reads a view-model's JSON parts (`compare::parts`), as many a task as
/// fit in [`SLICE_MS`], so that a large story never holds the page for
/// long. Stops early when the build is no longer wanted.
async fn read_parts(parts: &Array, alive: &Cell<bool>) -> Result<StoryView, String> {
    let mut assembler = ViewAssembler::new();
    let mut started = now();
    for part in parts.iter() {
        if now() - started >= SLICE_MS {
            next_task().await;
            if !alive.get() {
                return Err("cancelled".to_string());
            }
            started = now();
        }
        let part = part
            .as_string()
            .ok_or_else(|| "a part of the view-model is not text".to_string())?;
        read_part(&mut assembler, part).await?;
    }
    mark("parallax-parts-read");
    let view = assembler.finish();
    // It is drawn in a task of its own.
    next_task().await;
    view
}

/// Keeps the view-model for a return to the story (in memory, and on this
/// device, from `written`: its parts as the engine sent them) and shows it.
fn finished(job: &Job, view: Arc<StoryView>, written: Option<Array>) {
    BUILT.set(Some((
        job.reference.clone(),
        job.story.clone(),
        view.clone(),
    )));
    job.progress.set(None);
    mark_with("parallax-built", crate::engine::wasm_memory_bytes() as f64);
    if let Some(ready) = job.ready.borrow_mut().take() {
        ready(Ok(view));
    }
    if let Some(parts) = written {
        let (slot, stamp) = (job.slot.clone(), job.stamp.clone());
        leptos::task::spawn_local(async move { view_cache::put(&slot, &stamp, &parts).await });
    }
}

/// The build could not be carried out: the reader is told why.
fn failed(job: &Job, message: String) {
    job.progress.set(None);
    if let Some(ready) = job.ready.borrow_mut().take() {
        ready(Err(message));
    }
}

type Ready = Box<dyn FnOnce(Result<Arc<StoryView>, String>)>;

struct Job {
    /// Where its view-model is kept on this device, and for what.
    slot: String,
    stamp: String,
    reference: StoryRef,
    story: Story,
    progress: RwSignal<Option<Progress>>,
    alive: Rc<Cell<bool>>,
    ready: RefCell<Option<Ready>>,
}

/// A mark with a number as its `detail`: the engine's wasm memory when it
/// answered, the page's when the view-model is in (for the benchmarks).
fn mark_with(name: &str, detail: f64) {
    let Some(performance) = web_sys::window().and_then(|w| w.performance()) else {
        return;
    };
    // `performance.mark(name, { detail })` (web-sys has no binding for it).
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"detail".into(), &JsValue::from_f64(detail));
    if let Ok(mark) = js_sys::Reflect::get(&performance, &"mark".into())
        .and_then(|f| f.dyn_into::<js_sys::Function>())
    {
        let _ = mark.call2(&performance, &JsValue::from_str(name), &options);
    }
}

/// Every claim of `view`'s story as W3C Web Annotations, handed to `done`,
/// made by the engine (which keeps the analyses of its last build); if
/// its worker is lost, the engine on the page makes them.
pub fn web_annotations(view: &Arc<StoryView>, done: impl FnOnce(Result<String, String>) + 'static) {
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
    ask_annotations(view.slug.to_string(), file, Box::new(done));
}

type Answer = Box<dyn FnOnce(Result<String, String>)>;

fn ask_annotations(slug: String, file: String, done: Answer) {
    let done = Rc::new(RefCell::new(Some(done)));
    let answer = done.clone();
    let (again_slug, again_file) = (slug.clone(), file.clone());
    let sent = engine::send(Ask::Annotations, &slug, &file, move |event| {
        let result = match event {
            EngineEvent::Progress { .. } => return,
            EngineEvent::Done(json) => Ok(json),
            EngineEvent::Built(..) => Err("The engine answered something else.".to_string()),
            EngineEvent::Failed(message) => Err(message),
            EngineEvent::Lost => {
                if let Some(done) = answer.borrow_mut().take() {
                    ask_annotations(again_slug.clone(), again_file.clone(), done);
                }
                return;
            }
        };
        if let Some(done) = answer.borrow_mut().take() {
            done(result);
        }
    });
    if sent.is_none()
        && let Some(done) = done.borrow_mut().take()
    {
        done(Err(
            "The analysis engine cannot run in this browser.".to_string()
        ));
    }
}
