//! The engine's host: answers the page's requests (`protocol`) by reading
//! each request's story file, building its view-model one article per step
//! — with a progress message at most every [`PROGRESS_MS`] — and sending it
//! back as JSON. It runs in one of two places, with the same messages:
//!
//! - in the engine's Web Worker ([`serve_worker`], called by
//!   `engine-worker.js`): a request runs to its end, the page cancels it by
//!   terminating the worker;
//! - on the page itself ([`serve_page`]), where no worker can run (the
//!   one-file copy opened from disk, a failed worker): work is done in
//!   slices of [`SLICE_MS`], one task each, and a `cancel` request stops a
//!   build at the next slice.
//!
//! A view-model goes back in JSON parts of about [`PART_BYTES`], which the
//! page reads one slice at a time. Requests are answered one at a time, in
//! order. The last view-model built
//! is kept, so an export asked for right after needs no second build; of
//! its story file only a fingerprint is kept ([`Fingerprint`]), so the
//! file's text is not held through the build beside the texts read from it.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use js_sys::{Array, Date, Function, Reflect};
use parallax_core::compare::parts::each_part;
use parallax_core::compare::{StoryBuild, StoryView};
use parallax_core::import::story_file::parse_story_file;
use parallax_core::synthetic::synthetic_story_of;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use super::protocol::{Reply, Request, read_header, write_header};

/// How often, at most, a build reports progress.
const PROGRESS_MS: f64 = 16.0;

/// How long one task may work on the page before it gives the page a turn
/// (the Long Tasks API calls 50 ms long).
const SLICE_MS: f64 = 12.0;

/// About how much JSON one part of a view-model holds: the page reads a
/// part in a few milliseconds (`compare::parts`).
const PART_BYTES: usize = 64 * 1024;
/// About how much of the view-model one message carries: the page copies a
/// message's contents in one task (a few milliseconds for this much).
const MESSAGE_BYTES: usize = 512 * 1024;

type Post = Rc<dyn Fn(&Array)>;

struct Host {
    post: Post,
    /// How long one task may work; `None`: to the end of the queue.
    slice_ms: Option<f64>,
    queue: VecDeque<(Request, String)>,
    current: Option<Current>,
    /// The last story built (its slug and story file's fingerprint) and
    /// its view-model.
    last: Option<(String, Fingerprint, Rc<StoryView>)>,
    /// A task is working through the queue (or is scheduled to).
    busy: bool,
}

/// A build under way.
struct Current {
    request: Request,
    slug: String,
    file: Fingerprint,
    build: StoryBuild,
    reported: f64,
    /// "Aligning" was said: the next turn finishes the build.
    aligning: bool,
}

/// A story file told apart from others without keeping its text (megabytes
/// for a large story): its length and a 64-bit SipHash of it.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Fingerprint(usize, u64);

impl Fingerprint {
    fn of(file: &str) -> Fingerprint {
        use std::hash::{DefaultHasher, Hash, Hasher};
        let mut hasher = DefaultHasher::new();
        file.hash(&mut hasher);
        Fingerprint(file.len(), hasher.finish())
    }
}

thread_local! {
    static HOST: RefCell<Option<Host>> = const { RefCell::new(None) };
}

/// Starts answering the page's messages in a Web Worker (called by
/// `engine-worker.js` once the wasm is instantiated).
pub fn serve_worker() {
    install(
        Rc::new(|message| {
            let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
            let _ = scope.post_message(message);
        }),
        None,
    );
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| {
        receive(&event.data());
    });
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    later(warm_up);
}

/// How many generated stories the warm-up builds, of how many articles of
/// about how many bytes (made from the bundled seeds: `synthetic`).
const WARM_UP_ROUNDS: u64 = 2;
const WARM_UP_ARTICLES: usize = 12;
const WARM_UP_BYTES: usize = 4 * 1024;

thread_local! {
    /// The warm-up under way: its round and build.
    static WARMING: RefCell<Option<(u64, StoryBuild)>> = const { RefCell::new(None) };
}

/// While the worker waits for its first request, builds (and writes out)
/// the view-models of a few small generated stories of many outlets, one
/// article per task. The browser runs new wasm in a baseline tier and
/// compiles code in its optimising tier only once it has run a while: a
/// first build of 100 articles took 0.6–1.0 s cold and 0.2–0.25 s after
/// this warm-up (`browser_bench`, 2026-12-06). The many outlets matter:
/// a two-outlet story leaves the code that groups and compares many
/// claims cold. A request stops the warm-up at the next article (it warms
/// the code itself), and none runs once a request has been served.
fn warm_up() {
    WARMING.set(warm_up_round(0));
    later(warm_up_step);
}

/// The build of warm-up round `round`, if there is one.
fn warm_up_round(round: u64) -> Option<(u64, StoryBuild)> {
    (round < WARM_UP_ROUNDS).then(|| {
        let story = synthetic_story_of(WARM_UP_ARTICLES, WARM_UP_BYTES, 1 + round);
        (round, StoryBuild::new(story))
    })
}

/// One article of the warm-up, or the end of a round; nothing once a
/// request is waiting or has been served.
fn warm_up_step() {
    let requested =
        HOST.with_borrow(|host| host.as_ref().is_none_or(|h| h.busy || h.last.is_some()));
    if requested {
        WARMING.set(None);
        return;
    }
    let more = WARMING.with_borrow_mut(|warming| {
        let Some((round, build)) = warming.as_mut() else {
            return false;
        };
        if build.step() {
            return true;
        }
        let next = *round + 1;
        if let Some((_, build)) = warming.take() {
            each_part(&build.finish(), PART_BYTES, drop);
        }
        *warming = warm_up_round(next);
        warming.is_some()
    });
    if more {
        later(warm_up_step);
    }
}

/// Starts answering on the page: `reply` hears every answer; the function
/// returned takes the page's requests.
pub fn serve_page(reply: Function) -> Function {
    install(
        Rc::new(move |message| {
            let _ = reply.call1(&JsValue::NULL, message);
        }),
        Some(SLICE_MS),
    );
    Closure::<dyn FnMut(JsValue)>::new(|message: JsValue| receive(&message))
        .into_js_value()
        .unchecked_into()
}

fn install(post: Post, slice_ms: Option<f64>) {
    HOST.set(Some(Host {
        post,
        slice_ms,
        queue: VecDeque::new(),
        current: None,
        last: None,
        busy: false,
    }));
}

/// One message from the page: a request is queued (and the queue worked
/// through, from the next task, unless that is under way), a cancel stops
/// its build.
fn receive(data: &JsValue) {
    let message = Array::from(data);
    let header = message.get(0).as_string().unwrap_or_default();
    // Not from the page: nothing to answer to.
    let Ok(request) = read_header::<Request>(&header) else {
        return;
    };
    let body = message.get(1).as_string().unwrap_or_default();
    let start = HOST.with_borrow_mut(|host| {
        let Some(host) = host else {
            return false;
        };
        if let Request::Cancel { job } = request {
            host.cancel(job);
            return false;
        }
        host.queue.push_back((request, body));
        !std::mem::replace(&mut host.busy, true)
    });
    // Never within the sender's call: like a worker's messages, answers
    // come in a later task.
    if start {
        later(work);
    }
}

/// Works through the queue until it is empty or, on the page, the slice is
/// used up (then again in a later task). Messages are posted outside the
/// host's borrow: on the page, an answer's handler may send the next
/// request at once.
fn work() {
    let started = Date::now();
    loop {
        let Some((messages, more, pause, post, sliced)) = HOST.with_borrow_mut(|host| {
            let host = host.as_mut()?;
            // On the page, the slice; in the worker, a turn per progress
            // message (each turn's messages are posted when it ends).
            let deadline = host
                .slice_ms
                .map_or(Date::now() + PROGRESS_MS, |ms| started + ms);
            let (messages, more, pause) = host.turn(deadline);
            if !more {
                host.busy = false;
            }
            Some((
                messages,
                more,
                pause,
                host.post.clone(),
                host.slice_ms.is_some(),
            ))
        }) else {
            return;
        };
        messages.iter().for_each(|message| post(message));
        if !more {
            return;
        }
        if sliced && (pause || Date::now() - started >= SLICE_MS) {
            return later(work);
        }
    }
}

/// Runs `f` in a later task of this global (page or worker).
fn later(f: fn()) {
    let global = js_sys::global();
    let set_timeout = Reflect::get(&global, &JsValue::from_str("setTimeout"))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok());
    if let Some(set_timeout) = set_timeout {
        let _ = set_timeout.call2(&global, &Closure::once_into_js(f), &JsValue::from(0));
    }
}

impl Host {
    fn cancel(&mut self, job: u32) {
        self.queue.retain(|(request, _)| request.job() != job);
        if self
            .current
            .as_ref()
            .is_some_and(|c| c.request.job() == job)
        {
            self.current = None;
        }
    }

    /// Some work until `deadline`: the messages to post, whether work is
    /// left, and whether the page should paint before the next turn.
    fn turn(&mut self, deadline: f64) -> (Vec<Array>, bool, bool) {
        let mut messages = Vec::new();
        let Some(current) = self.current.as_mut() else {
            let Some((request, file)) = self.queue.pop_front() else {
                return (messages, false, false);
            };
            self.begin(request, file, &mut messages);
            return (messages, true, false);
        };
        let job = current.request.job();
        let report = matches!(current.request, Request::Build { .. });
        if !current.aligning {
            let total = current.build.total();
            let mut more = true;
            while more && Date::now() < deadline {
                more = current.build.step();
            }
            if more {
                if report && Date::now() - current.reported >= PROGRESS_MS {
                    current.reported = Date::now();
                    let done = current.build.done();
                    messages.push(message(
                        &Reply::Progress {
                            job,
                            done,
                            total,
                            aligning: false,
                        },
                        None,
                    ));
                }
                return (messages, true, false);
            }
            current.aligning = true;
            if report {
                messages.push(message(
                    &Reply::Progress {
                        job,
                        done: total,
                        total,
                        aligning: true,
                    },
                    None,
                ));
            }
            // Let the page say "aligning" before the one long step.
            return (messages, true, true);
        }
        let Some(current) = self.current.take() else {
            return (messages, true, false);
        };
        let view = Rc::new(current.build.finish());
        self.last = Some((current.slug, current.file, view.clone()));
        messages.extend(answer(&current.request, &view));
        (messages, true, false)
    }

    /// Starts a request: answered at once from the last view-model when it
    /// is of the same story, else its build begins.
    fn begin(&mut self, request: Request, file: String, messages: &mut Vec<Array>) {
        let job = request.job();
        let slug = match &request {
            Request::Build { slug, .. } | Request::Annotations { slug, .. } => slug.clone(),
            Request::Cancel { .. } => return,
        };
        let fingerprint = Fingerprint::of(&file);
        let same = self
            .last
            .as_ref()
            .filter(|(s, f, _)| *s == slug && *f == fingerprint)
            .map(|(_, _, view)| view.clone());
        if let Some(view) = same {
            return messages.extend(answer(&request, &view));
        }
        let parsed = parse_story_file(&file);
        // Read: the texts live on in the story, the file is not needed.
        drop(file);
        match parsed {
            Ok(story) => {
                self.current = Some(Current {
                    build: StoryBuild::new(story.into_story(&slug)),
                    request,
                    slug,
                    file: fingerprint,
                    reported: Date::now(),
                    aligning: false,
                })
            }
            Err(error) => messages.push(message(
                &Reply::Failed {
                    job,
                    message: error.message(),
                },
                None,
            )),
        }
    }
}

/// The answer to `request` from its story's view-model: for a build, its
/// parts in messages of about [`MESSAGE_BYTES`] (`Parts`, then `Built`).
fn answer(request: &Request, view: &StoryView) -> Vec<Array> {
    let job = request.job();
    match request {
        Request::Build { .. } => {
            let mut messages = Vec::new();
            let mut run = Array::new();
            let mut bytes = 0;
            each_part(view, PART_BYTES, |part| {
                if bytes >= MESSAGE_BYTES {
                    messages.push(message(&Reply::Parts { job }, None).concat(&run));
                    run = Array::new();
                    bytes = 0;
                }
                bytes += part.len();
                run.push(&JsValue::from_str(&part));
            });
            // The last run goes with `Built`.
            let memory = super::wasm_memory_bytes();
            messages.push(message(&Reply::Built { job, memory }, None).concat(&run));
            messages
        }
        Request::Annotations { .. } | Request::Cancel { .. } => {
            vec![match view.web_annotations() {
                Some(json) => message(&Reply::Annotations { job }, Some(&json)),
                None => message(
                    &Reply::Failed {
                        job,
                        message: "The analyses were not kept.".to_string(),
                    },
                    None,
                ),
            }]
        }
    }
}

fn message(reply: &Reply, body: Option<&str>) -> Array {
    let message = Array::of1(&JsValue::from_str(&write_header(reply)));
    if let Some(body) = body {
        message.push(&JsValue::from_str(body));
    }
    message
}
