//! The worker's side of the engine: each request's story file is read, its
//! view-model built one article per step — with a progress message at most
//! every [`PROGRESS_MS`] — and sent back as JSON. The last view-model built
//! is kept, so an export asked for right after needs no second build.
//! Requests are handled one at a time; the page cancels a build by
//! terminating the worker.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Date};
use parallax_core::compare::{StoryBuild, StoryView};
use parallax_core::import::story_file::parse_story_file;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use super::protocol::{Reply, Request, read_header, write_header};

/// How often, at most, a build reports progress.
const PROGRESS_MS: f64 = 16.0;

thread_local! {
    /// The last story built (its slug and story file) and its view-model.
    static LAST: RefCell<Option<(String, String, Rc<StoryView>)>> = const { RefCell::new(None) };
}

/// Starts answering the page's messages (called by `engine-worker.js` once
/// the wasm is instantiated).
pub fn start() {
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| {
        handle(&event.data());
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn post(reply: &Reply, body: Option<&str>) {
    let message = Array::of1(&JsValue::from_str(&write_header(reply)));
    if let Some(body) = body {
        message.push(&JsValue::from_str(body));
    }
    let _ = scope().post_message(&message);
}

fn handle(data: &JsValue) {
    let message = Array::from(data);
    let header = message.get(0).as_string().unwrap_or_default();
    let body = message.get(1).as_string().unwrap_or_default();
    let request: Request = match read_header(&header) {
        Ok(request) => request,
        // Not from the page: nothing to answer to.
        Err(_) => return,
    };
    let job = request.job();
    let slug = match &request {
        Request::Build { slug, .. } | Request::Annotations { slug, .. } => slug.clone(),
    };
    let reply =
        view_of(job, &slug, &body, matches!(request, Request::Build { .. })).and_then(|view| {
            match request {
                Request::Build { .. } => serde_json::to_string(&*view)
                    .map(|json| (Reply::Built { job }, json))
                    .map_err(|e| format!("The view-model could not be written: {e}")),
                Request::Annotations { .. } => view
                    .web_annotations()
                    .map(|json| (Reply::Annotations { job }, json))
                    .ok_or_else(|| "The analyses were not kept.".to_string()),
            }
        });
    match reply {
        Ok((reply, body)) => post(&reply, Some(&body)),
        Err(message) => post(&Reply::Failed { job, message }, None),
    }
}

/// The view-model of a story file: the last one if it is the same story,
/// else built now (with progress when `report`).
fn view_of(job: u32, slug: &str, file: &str, report: bool) -> Result<Rc<StoryView>, String> {
    let same = LAST.with_borrow(|last| {
        last.as_ref()
            .filter(|(s, f, _)| s == slug && f == file)
            .map(|(_, _, view)| view.clone())
    });
    if let Some(view) = same {
        return Ok(view);
    }
    let story = parse_story_file(file)
        .map_err(|e| e.message())?
        .into_story(slug);
    let mut build = StoryBuild::new(story);
    let total = build.total();
    let mut reported = Date::now();
    while build.step() {
        if report && Date::now() - reported >= PROGRESS_MS {
            reported = Date::now();
            let done = build.done();
            post(
                &Reply::Progress {
                    job,
                    done,
                    total,
                    aligning: false,
                },
                None,
            );
        }
    }
    if report {
        post(
            &Reply::Progress {
                job,
                done: total,
                total,
                aligning: true,
            },
            None,
        );
    }
    let view = Rc::new(build.finish());
    LAST.set(Some((slug.to_string(), file.to_string(), view.clone())));
    Ok(view)
}
