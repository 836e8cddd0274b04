//! Scrolling a linked item into view (shared by the pages that select one).

use std::time::Duration;

use leptos::prelude::{request_animation_frame, set_timeout};

/// Height of the sticky top bar.
pub const STICKY_BAR_PX: f64 = 70.0;
/// Height of the sticky top bar and the reading view's selection notice.
pub const STICKY_BARS_PX: f64 = 110.0;

/// How long after a selection it is checked again: the browser restores a
/// history entry's scroll position after the route changes on Back and
/// Forward, and late layout moves the text; either may leave the item out
/// of view.
const SETTLE: Duration = Duration::from_millis(400);

/// Brings the element with `id` into view once it is drawn (see
/// [`scroll_into_view_below`]), and again once the page has settled.
pub fn bring_into_view(id: String, covered: f64) {
    let again = id.clone();
    request_animation_frame(move || scroll_into_view_below(&id, covered));
    set_timeout(move || scroll_into_view_below(&again, covered), SETTLE);
}

/// Brings the element with `id` to the middle of the screen, unless it is
/// already fully visible below the sticky bar.
pub fn scroll_into_view(id: String) {
    bring_into_view(id, STICKY_BAR_PX);
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
