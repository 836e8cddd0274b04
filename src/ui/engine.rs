//! The page's side of the engine (`crate::engine`, its own wasm): sends it
//! requests with the story file as body and routes its replies to each
//! request's handler. The engine runs in a Web Worker (`engine-worker.js`),
//! started on first use; where no worker can run — the one-file copy
//! opened from disk, a browser without module workers, a worker that
//! failed — it is loaded onto the page instead (`window.parallaxEngine`,
//! defined by `postbuild/postbuild.mjs` in both copies of the app), where it
//! works in slices. A worker that dies tells every waiting request
//! [`EngineEvent::Lost`]; the next request goes to the page.

use std::cell::RefCell;
use std::collections::HashMap;

use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Event, MessageEvent, Worker, WorkerOptions, WorkerType};

use crate::engine::protocol::{Reply, Request, read_header, write_header};

/// The worker script `postbuild/postbuild.mjs` writes next to the page.
const WORKER_URL: &str = "./engine-worker.js";

/// The page's loader of the engine (`postbuild/postbuild.mjs`): called with
/// the reply handler, it resolves to the function that takes requests.
const PAGE_LOADER: &str = "parallaxEngine";

/// What a request hears back.
#[derive(Clone, Debug)]
pub enum EngineEvent {
    Progress {
        done: usize,
        total: usize,
        aligning: bool,
    },
    /// The view-model, as JSON parts (`compare::parts`), not yet read, and
    /// the engine's wasm memory in bytes.
    Built(Array, u64),
    /// The answer's body: the export, as JSON.
    Done(String),
    Failed(String),
    /// The worker stopped (cancelled or crashed) before answering.
    Lost,
}

/// What to ask for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ask {
    Build,
    Annotations,
}

/// Where a request went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    Worker,
    Page,
}

type Handler = Box<dyn FnMut(EngineEvent)>;

struct InWorker {
    worker: Worker,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(Event)>,
}

enum Transport {
    NotStarted,
    Worker(InWorker),
    /// The engine is being loaded onto the page; messages wait for it.
    PageLoading(Vec<Array>),
    Page(Function),
    /// Not even the page could load it.
    Unavailable,
}

struct Engine {
    transport: Transport,
    /// A worker failed on this page: the page's engine from now on.
    no_worker: bool,
    next_job: u32,
    waiting: HashMap<u32, Handler>,
    /// The view-model parts of builds still arriving (`Reply::Parts`).
    arriving: HashMap<u32, Array>,
}

thread_local! {
    static ENGINE: RefCell<Engine> = RefCell::new(Engine {
        transport: Transport::NotStarted,
        no_worker: false,
        next_job: 1,
        waiting: HashMap::new(),
        arriving: HashMap::new(),
    });
}

/// Sends `story_file` (JSON) to the engine for `ask`; `on_event` hears the
/// progress and the answer. `None` when the engine cannot run here at all
/// (nothing was sent).
pub fn send(
    ask: Ask,
    slug: &str,
    story_file: &str,
    on_event: impl FnMut(EngineEvent) + 'static,
) -> Option<(u32, Place)> {
    ENGINE.with_borrow_mut(|engine| {
        if matches!(engine.transport, Transport::NotStarted) {
            engine.transport = start(engine.no_worker);
        }
        let job = engine.next_job;
        engine.next_job = engine.next_job.wrapping_add(1);
        let slug = slug.to_string();
        let header = write_header(&match ask {
            Ask::Build => Request::Build { job, slug },
            Ask::Annotations => Request::Annotations { job, slug },
        });
        let message = Array::of2(&JsValue::from_str(&header), &JsValue::from_str(story_file));
        let place = post(&mut engine.transport, message)?;
        engine.waiting.insert(job, Box::new(on_event));
        Some((job, place))
    })
}

/// Starts the engine's worker if none runs yet, so that the first request
/// does not wait for its wasm. Where no worker runs, nothing is loaded
/// before it is needed (the engine would compile on the page).
pub fn warm() {
    ENGINE.with_borrow_mut(|engine| {
        let on_page = engine.no_worker || preference().as_deref() == Some("page");
        if matches!(engine.transport, Transport::NotStarted)
            && !on_page
            && let Some(worker) = start_worker()
        {
            engine.transport = Transport::Worker(worker);
        }
    });
}

/// Posts one message by the engine's transport; where it went.
fn post(transport: &mut Transport, message: Array) -> Option<Place> {
    match transport {
        Transport::Worker(w) => w.worker.post_message(&message).ok().map(|_| Place::Worker),
        Transport::PageLoading(waiting) => {
            waiting.push(message);
            Some(Place::Page)
        }
        Transport::Page(post) => post
            .call1(&JsValue::NULL, &message)
            .ok()
            .map(|_| Place::Page),
        Transport::NotStarted | Transport::Unavailable => None,
    }
}

/// Stops `job` if it is still running. A worker is terminated (a build
/// cannot be interrupted otherwise) and started afresh on the next
/// request, and its other waiting requests hear [`EngineEvent::Lost`]; the
/// engine on the page is told to stop at its next slice.
pub fn cancel(job: u32) {
    let orphans = ENGINE.with_borrow_mut(|engine| {
        engine.arriving.remove(&job);
        if engine.waiting.remove(&job).is_none() {
            return Vec::new();
        }
        match &mut engine.transport {
            Transport::Worker(w) => {
                w.worker.terminate();
                engine.transport = Transport::NotStarted;
                engine.arriving.clear();
                engine.waiting.drain().map(|(_, handler)| handler).collect()
            }
            transport => {
                let header = write_header(&Request::Cancel { job });
                let _ = post(transport, Array::of1(&JsValue::from_str(&header)));
                Vec::new()
            }
        }
    });
    for mut handler in orphans {
        handler(EngineEvent::Lost);
    }
}

/// Where the engine should run, when set in
/// `localStorage["parallax-engine"]` (`page` or `worker`; for benchmarks
/// and tests). By default: a worker.
fn preference() -> Option<String> {
    web_sys::window()?
        .local_storage()
        .ok()??
        .get_item("parallax-engine")
        .ok()?
}

fn start(no_worker: bool) -> Transport {
    let on_page = no_worker || preference().as_deref() == Some("page");
    if !on_page && let Some(worker) = start_worker() {
        return Transport::Worker(worker);
    }
    start_on_page()
}

fn start_worker() -> Option<InWorker> {
    let window = web_sys::window()?;
    // Workers cannot be started from a page opened from disk.
    if window.location().protocol().ok()? == "file:" {
        return None;
    }
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    let worker = Worker::new_with_options(WORKER_URL, &options).ok()?;
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| {
        deliver(&event.data());
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    let on_error = Closure::<dyn FnMut(Event)>::new(|_: Event| lost());
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Some(InWorker {
        worker,
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// Loads the engine onto the page; requests wait until it is there.
fn start_on_page() -> Transport {
    let Some(window) = web_sys::window() else {
        return Transport::Unavailable;
    };
    let loader = Reflect::get(&window, &JsValue::from_str(PAGE_LOADER))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok());
    let reply = Closure::<dyn FnMut(JsValue)>::new(|message: JsValue| deliver(&message));
    let loading = loader
        .and_then(|load| load.call1(&JsValue::NULL, reply.as_ref()).ok())
        .and_then(|promise| promise.dyn_into::<Promise>().ok());
    let Some(loading) = loading else {
        return Transport::Unavailable;
    };
    // The handler lives as long as the page's engine.
    reply.forget();
    leptos::task::spawn_local(async move {
        let loaded = JsFuture::from(loading)
            .await
            .ok()
            .and_then(|post| post.dyn_into::<Function>().ok());
        let orphans = ENGINE.with_borrow_mut(|engine| {
            let waiting = match std::mem::replace(&mut engine.transport, Transport::Unavailable) {
                Transport::PageLoading(waiting) => waiting,
                other => {
                    engine.transport = other;
                    return Vec::new();
                }
            };
            match loaded {
                Some(post) => {
                    for message in &waiting {
                        let _ = post.call1(&JsValue::NULL, message);
                    }
                    engine.transport = Transport::Page(post);
                    Vec::new()
                }
                None => engine.waiting.drain().map(|(_, handler)| handler).collect(),
            }
        });
        for mut handler in orphans {
            handler(EngineEvent::Failed(
                "The analysis engine could not be loaded. Reload the page to try again."
                    .to_string(),
            ));
        }
    });
    Transport::PageLoading(Vec::new())
}

/// A reply reaches the handler of its request (outside the engine's
/// borrow, so a handler may send the next request).
fn deliver(data: &JsValue) {
    let message = Array::from(data);
    let Ok(reply) = read_header::<Reply>(&message.get(0).as_string().unwrap_or_default()) else {
        return;
    };
    let job = reply.job();
    let (event, last) = match reply {
        Reply::Progress {
            done,
            total,
            aligning,
            ..
        } => (
            EngineEvent::Progress {
                done,
                total,
                aligning,
            },
            false,
        ),
        Reply::Parts { .. } => {
            ENGINE.with_borrow_mut(|engine| {
                let parts = engine.arriving.entry(job).or_insert_with(Array::new);
                for part in message.iter().skip(1) {
                    parts.push(&part);
                }
            });
            return;
        }
        Reply::Built { memory, .. } => {
            let parts = ENGINE
                .with_borrow_mut(|engine| engine.arriving.remove(&job))
                .unwrap_or_default();
            for part in message.iter().skip(1) {
                parts.push(&part);
            }
            (EngineEvent::Built(parts, memory), true)
        }
        Reply::Annotations { .. } => (
            EngineEvent::Done(message.get(1).as_string().unwrap_or_default()),
            true,
        ),
        Reply::Failed { message, .. } => (EngineEvent::Failed(message), true),
    };
    let handler = ENGINE.with_borrow_mut(|engine| engine.waiting.remove(&job));
    let Some(mut handler) = handler else {
        return;
    };
    handler(event);
    if !last {
        ENGINE.with_borrow_mut(|engine| {
            engine.waiting.insert(job, handler);
        });
    }
}

/// The worker failed (its script did not load, or it crashed): the engine
/// runs on the page from now on, and every waiting request is told.
fn lost() {
    let orphans = ENGINE.with_borrow_mut(|engine| {
        engine.no_worker = true;
        match std::mem::replace(&mut engine.transport, Transport::NotStarted) {
            Transport::Worker(worker) => {
                worker.worker.terminate();
                // This runs inside the worker's own error handler, which
                // must not be freed while it runs; it happens once a page.
                std::mem::forget(worker);
                engine.arriving.clear();
                engine.waiting.drain().map(|(_, handler)| handler).collect()
            }
            other => {
                engine.transport = other;
                Vec::new()
            }
        }
    });
    for mut handler in orphans {
        handler(EngineEvent::Lost);
    }
}
