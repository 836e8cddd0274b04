//! Giving the page a turn: long work on the main thread (reading a
//! view-model's parts, writing it to the cache, drawing a long list) is cut
//! into tasks, each well under the 50 ms the Long Tasks API calls long.

use js_sys::Promise;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use web_sys::MessageChannel;

/// Resolves in a new task, after the browser has had its turn (a
/// `MessageChannel` message: not clamped like a nested `setTimeout`).
pub async fn next_task() {
    let Ok(channel) = MessageChannel::new() else {
        return;
    };
    let promise = Promise::new(&mut |resolve, _| {
        channel.port1().set_onmessage(Some(&resolve));
        let _ = channel.port2().post_message(&JsValue::NULL);
    });
    let _ = JsFuture::from(promise).await;
    // The channel lives until its message has arrived.
    channel.port1().set_onmessage(None);
}

/// Milliseconds since the page opened (`performance.now()`).
pub fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// A mark in the Performance timeline (read by the benchmarks).
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}
