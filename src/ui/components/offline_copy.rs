//! The "Download offline copy" link: `parallax-offline.html`, the whole app
//! in one file that opens from disk. In that file itself, a short label
//! says what it is instead.

use leptos::prelude::*;

use crate::ui::offline::is_offline_file;

/// The one-file copy's name, next to `index.html` in the build.
pub const OFFLINE_FILE: &str = "parallax-offline.html";

#[component]
pub fn OfflineCopy() -> impl IntoView {
    if is_offline_file() {
        view! {
            <span class="offline-copy" data-testid="offline-label" title="This page is a single file: it needs no network and no server.">
                "Offline copy"
            </span>
        }
        .into_any()
    } else {
        view! {
            <a class="offline-copy" href=OFFLINE_FILE download=OFFLINE_FILE data-testid="offline-copy"
                title="The whole app in one HTML file that opens from disk, without a network.">
                "Download offline copy"
            </a>
        }
        .into_any()
    }
}
