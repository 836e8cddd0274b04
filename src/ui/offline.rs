//! Where the app runs and its service worker.
//!
//! The post-build step (`postbuild/postbuild.mjs`) stamps the build id into
//! `<meta name="parallax-build">`, marks the one-file copy with
//! `<meta name="parallax-variant" content="offline-file">` and writes `sw.js`
//! next to `index.html`. This module registers that worker (only over http
//! or https, never from `file://` or in the one-file copy), says when a new
//! build is installed and waiting, and hands over to it only when the reader
//! asks: never silently.

use std::cell::{Cell, RefCell};

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{
    ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
};

thread_local! {
    static REGISTRATION: RefCell<Option<ServiceWorkerRegistration>> = const { RefCell::new(None) };
    /// Set when the reader asked for the new version: the next controller
    /// change reloads the page.
    static RELOAD_ON_CHANGE: Cell<bool> = const { Cell::new(false) };
}

/// The `content` of `<meta name="{name}">`, if there is one.
fn meta(name: &str) -> Option<String> {
    web_sys::window()?
        .document()?
        .query_selector(&format!("meta[name=\"{name}\"]"))
        .ok()??
        .get_attribute("content")
}

/// The build id the post-build step stamped into the page.
pub fn build_id() -> Option<String> {
    meta("parallax-build")
}

/// Is this the one-file offline copy (`parallax-offline.html`)?
pub fn is_offline_file() -> bool {
    meta("parallax-variant").as_deref() == Some("offline-file")
}

/// Is the page served over http(s), where a service worker can run?
fn served_over_http() -> bool {
    web_sys::window()
        .and_then(|w| w.location().protocol().ok())
        .is_some_and(|p| p == "http:" || p == "https:")
}

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Absent in insecure contexts and some private modes.
    js_sys::Reflect::has(&navigator, &"serviceWorker".into())
        .unwrap_or(false)
        .then(|| navigator.service_worker())
}

/// Registers `sw.js` once the page has loaded (so installing the offline
/// copy never competes with the first paint) and sets `update_ready` when
/// a newer build is installed and waiting.
pub fn register_service_worker(update_ready: RwSignal<bool>) {
    if is_offline_file()
        || !served_over_http()
        || build_id().is_some_and(|id| id.starts_with("dev-"))
    {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(container) = container() else {
        return;
    };

    let on_change = Closure::<dyn FnMut()>::new(|| {
        if RELOAD_ON_CHANGE.with(Cell::get) {
            reload();
        }
    });
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();

    let start = move || {
        let promise = container.register("sw.js");
        leptos::task::spawn_local(async move {
            let Ok(registration) = wasm_bindgen_futures::JsFuture::from(promise).await else {
                return;
            };
            let registration: ServiceWorkerRegistration = registration.unchecked_into();
            watch(&registration, update_ready);
            REGISTRATION.with(|r| *r.borrow_mut() = Some(registration));
            claim_when_active().await;
        });
    };
    let complete = window
        .document()
        .is_some_and(|d| d.ready_state() == "complete");
    if complete {
        start();
    } else {
        let once = Closure::once(start);
        let _ = window.add_event_listener_with_callback("load", once.as_ref().unchecked_ref());
        once.forget();
    }
}

/// Once a worker is active, asks it to control this page if none does.
///
/// A worker claims the open pages when it activates, but a page that was
/// loading at that moment (a reload while the offline copy installs) is
/// missed and would stay uncontrolled, so not offline-ready, until the next
/// visit.
async fn claim_when_active() {
    let Some(ready) = container().and_then(|c| c.ready().ok()) else {
        return;
    };
    let Ok(registration) = wasm_bindgen_futures::JsFuture::from(ready).await else {
        return;
    };
    let registration: ServiceWorkerRegistration = registration.unchecked_into();
    if !has_controller()
        && let Some(active) = registration.active()
    {
        let _ = active.post_message(&"claim".into());
    }
}

/// Is there a controlling worker, i.e. is a waiting one an update rather
/// than the first install?
fn has_controller() -> bool {
    container().is_some_and(|c| c.controller().is_some())
}

fn watch(registration: &ServiceWorkerRegistration, update_ready: RwSignal<bool>) {
    if registration.waiting().is_some() && has_controller() {
        update_ready.set(true);
    }
    // An update may already be installing when the page registers.
    if let Some(worker) = registration.installing() {
        track(worker, update_ready);
    }
    let found = registration.clone();
    let on_update_found = Closure::<dyn FnMut()>::new(move || {
        if let Some(worker) = found.installing() {
            track(worker, update_ready);
        }
    });
    registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
    on_update_found.forget();
}

/// Sets `update_ready` when `worker` is installed while an older version
/// controls the page (on the first install there is none).
fn track(worker: ServiceWorker, update_ready: RwSignal<bool>) {
    let installing = worker.clone();
    let on_state = Closure::<dyn FnMut()>::new(move || {
        if installing.state() == ServiceWorkerState::Installed && has_controller() {
            update_ready.set(true);
        }
    });
    worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
    on_state.forget();
}

/// The reader asked for the new version: the waiting worker takes over and
/// the page reloads when it controls the page.
pub fn apply_update() {
    let waiting = REGISTRATION.with(|r| r.borrow().as_ref().and_then(|r| r.waiting()));
    match waiting {
        Some(worker) => {
            RELOAD_ON_CHANGE.with(|r| r.set(true));
            if worker.post_message(&"skip-waiting".into()).is_err() {
                reload();
            }
        }
        None => reload(),
    }
}

fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}
