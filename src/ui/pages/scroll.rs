//! Scrolling a linked item into view (shared by the pages that select one).

/// Height of the sticky top bar.
pub const STICKY_BAR_PX: f64 = 70.0;
/// Height of the sticky top bar and the reading view's selection notice.
pub const STICKY_BARS_PX: f64 = 110.0;

/// Brings the element with `id` to the middle of the screen, unless it is
/// already fully visible below the sticky bar.
pub fn scroll_into_view(id: &str) {
    scroll_into_view_below(id, STICKY_BAR_PX);
}

/// Brings the element with `id` to the middle of the screen, unless it is
/// already fully visible below the top `covered` pixels (then the text stays
/// where the reader clicked it).
pub fn scroll_into_view_below(id: &str, covered: f64) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(element) = window.document().and_then(|d| d.get_element_by_id(id)) else {
        return;
    };
    let rect = element.get_bounding_client_rect();
    let viewport = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    if rect.top() >= covered && rect.bottom() <= viewport {
        return;
    }
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_behavior(web_sys::ScrollBehavior::Smooth);
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    element.scroll_into_view_with_scroll_into_view_options(&options);
}
