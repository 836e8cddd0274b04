//! Saving text as a file the reader downloads (a story file, say): a Blob,
//! an object URL and a click on a temporary link; the URL is revoked after.

use wasm_bindgen::JsCast;

use crate::ui::text::lowercase;

/// What to tell the reader when [`download`] returns false.
pub const REFUSED: &str = "This browser refused the download.";

/// Offers `text` as a download named `name`. Returns false where the
/// browser refused (no document, or Blobs not allowed).
pub fn download(name: &str, mime: &str, text: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let Some(link) = document
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return false;
    };
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // Revoke once the click has been handled.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
    true
}

/// A file name for a story title: letters, digits and dashes.
pub fn file_name(title: &str, extension: &str) -> String {
    let mut name = String::new();
    for c in title.chars() {
        if c.is_alphanumeric() {
            name.push(c);
        } else if !name.ends_with('-') && !name.is_empty() {
            name.push('-');
        }
        if name.len() > 60 {
            break;
        }
    }
    let name = lowercase(name.trim_end_matches('-'));
    let name = if name.is_empty() { "story" } else { &name };
    format!("{name}.{extension}")
}
