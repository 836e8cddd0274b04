//! Raw deflate by the browser's own `CompressionStream` and
//! `DecompressionStream` (Chromium 80+, Firefox 113+, Safari 16.4+), for
//! story links: no compressor compiled into the app.

use js_sys::{Object, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    /// `CompressionStream` / `DecompressionStream`: both are a
    /// `{ readable, writable }` pair, which is all `pipeThrough` needs.
    #[wasm_bindgen(extends = Object)]
    type TransformPair;
    #[wasm_bindgen(catch, constructor, js_class = "CompressionStream")]
    fn compression(format: &str) -> Result<TransformPair, JsValue>;
    #[wasm_bindgen(catch, constructor, js_class = "DecompressionStream")]
    fn decompression(format: &str) -> Result<TransformPair, JsValue>;
}

/// Runs `bytes` through a transform stream and collects the output.
async fn through(bytes: &[u8], pair: TransformPair) -> Result<Vec<u8>, JsValue> {
    let parts = js_sys::Array::of1(&Uint8Array::from(bytes));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts)?;
    let pair: web_sys::ReadableWritablePair = pair.unchecked_into();
    let stream = blob.stream().pipe_through(&pair);
    let response = web_sys::Response::new_with_opt_readable_stream(Some(&stream))?;
    let buffer = JsFuture::from(response.array_buffer()?).await?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

pub async fn deflate(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let pair = TransformPair::compression("deflate-raw").map_err(|_| unsupported())?;
    through(bytes, pair)
        .await
        .map_err(|_| "The browser could not compress the story.".to_string())
}

pub async fn inflate(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let pair = TransformPair::decompression("deflate-raw").map_err(|_| unsupported())?;
    through(bytes, pair).await.map_err(|_| {
        "This story link is damaged or was cut off: ask for the link again, or for the story file."
            .to_string()
    })
}

fn unsupported() -> String {
    "This browser cannot read or make story links (it lacks CompressionStream); use a story file instead.".to_string()
}
