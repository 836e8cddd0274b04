//! Lowercasing done by the browser (`String.prototype.toLowerCase`, the
//! same Unicode case mapping as `str::to_lowercase`), so that Unicode's
//! case tables (~12 KB) stay out of the page's first download.

/// `text` in lower case.
pub fn lowercase(text: &str) -> String {
    String::from(js_sys::JsString::from(text).to_lower_case())
}
