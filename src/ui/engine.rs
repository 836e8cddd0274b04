//! The page's side of the engine's worker (`crate::engine`): starts the
//! worker on first use, sends it requests with the story file as body, and
//! routes its replies to each request's handler. Where no worker can run
//! (the one-file copy opened from disk, a browser without module workers,
//! a worker script that failed to load) [`send`] says so and the caller
//! builds on the page instead; a worker that dies tells every waiting
//! request [`EngineEvent::Lost`].

use std::cell::RefCell;
use std::collections::HashMap;

use js_sys::Array;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Event, MessageEvent, Worker, WorkerOptions, WorkerType};

use crate::engine::protocol::{Reply, Request, read_header, write_header};

/// The worker script `postbuild/postbuild.mjs` writes next to the page.
const WORKER_URL: &str = "./engine-worker.js";

/// What a request hears back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EngineEvent {
    Progress {
        done: usize,
        total: usize,
        aligning: bool,
    },
    /// The answer's body: the view-model or the export, as JSON.
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

type Handler = Box<dyn FnMut(EngineEvent)>;

struct Engine {
    worker: Worker,
    next_job: u32,
    waiting: HashMap<u32, Handler>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(Event)>,
}

enum State {
    NotStarted,
    Running(Engine),
    /// No worker can run here; builds happen on the page.
    Unavailable,
}

thread_local! {
    static STATE: RefCell<State> = const { RefCell::new(State::NotStarted) };
}

/// Sends `story_file` (JSON) to the worker for `ask`; `on_event` hears the
/// progress and the answer. `None` when no worker can run here (nothing
/// was sent).
pub fn send(
    ask: Ask,
    slug: &str,
    story_file: &str,
    on_event: impl FnMut(EngineEvent) + 'static,
) -> Option<u32> {
    STATE.with_borrow_mut(|state| {
        if matches!(state, State::NotStarted) {
            *state = start().map_or(State::Unavailable, State::Running);
        }
        let State::Running(engine) = state else {
            return None;
        };
        let job = engine.next_job;
        engine.next_job = engine.next_job.wrapping_add(1);
        let slug = slug.to_string();
        let header = write_header(&match ask {
            Ask::Build => Request::Build { job, slug },
            Ask::Annotations => Request::Annotations { job, slug },
        });
        let message = Array::of2(&JsValue::from_str(&header), &JsValue::from_str(story_file));
        engine.worker.post_message(&message).ok()?;
        engine.waiting.insert(job, Box::new(on_event));
        Some(job)
    })
}

/// Stops `job` if it is still running: the worker is terminated (a build
/// cannot be interrupted otherwise) and started afresh on the next
/// request; other waiting requests hear [`EngineEvent::Lost`].
pub fn cancel(job: u32) {
    let orphans = STATE.with_borrow_mut(|state| {
        let State::Running(engine) = state else {
            return Vec::new();
        };
        if engine.waiting.remove(&job).is_none() {
            return Vec::new();
        }
        engine.worker.terminate();
        let State::Running(engine) = std::mem::replace(state, State::NotStarted) else {
            return Vec::new();
        };
        engine.waiting.into_values().collect()
    });
    for mut handler in orphans {
        handler(EngineEvent::Lost);
    }
}

fn start() -> Option<Engine> {
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
    Some(Engine {
        worker,
        next_job: 1,
        waiting: HashMap::new(),
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// A reply reaches the handler of its request (outside the state's borrow,
/// so a handler may send the next request).
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
        Reply::Built { .. } | Reply::Annotations { .. } => (
            EngineEvent::Done(message.get(1).as_string().unwrap_or_default()),
            true,
        ),
        Reply::Failed { message, .. } => (EngineEvent::Failed(message), true),
    };
    let handler = STATE.with_borrow_mut(|state| match state {
        State::Running(engine) => engine.waiting.remove(&job),
        _ => None,
    });
    let Some(mut handler) = handler else {
        return;
    };
    handler(event);
    if !last {
        STATE.with_borrow_mut(|state| {
            if let State::Running(engine) = state {
                engine.waiting.insert(job, handler);
            }
        });
    }
}

/// The worker failed (its script did not load, or it crashed): no worker
/// from now on, and every waiting request is told.
fn lost() {
    let orphans = STATE.with_borrow_mut(|state| {
        match std::mem::replace(state, State::Unavailable) {
            State::Running(mut engine) => {
                engine.worker.terminate();
                let waiting = std::mem::take(&mut engine.waiting);
                // This runs inside the engine's own error handler, which
                // must not be freed while it runs; it happens once a page.
                std::mem::forget(engine);
                waiting.into_values().collect()
            }
            _ => Vec::new(),
        }
    });
    for mut handler in orphans {
        handler(EngineEvent::Lost);
    }
}
