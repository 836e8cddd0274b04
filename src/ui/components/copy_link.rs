//! "Copy link": copies an absolute share link with the Clipboard API and
//! says so; where the clipboard is not available (no permission, insecure
//! context) it shows the link in a field, selected, to copy by hand.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::app::page_base;

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Idle,
    Copied,
    Manual,
}

#[component]
pub fn CopyLink(
    /// The fragment to share (`#/fact/…`).
    #[prop(into)]
    href: Signal<String>,
    /// What the button says.
    #[prop(default = "Copy link")]
    label: &'static str,
    /// Says what is copied, for screen readers ("Copy link to this fact").
    #[prop(default = "Copy a link to this")]
    description: &'static str,
) -> impl IntoView {
    let state = RwSignal::new(State::Idle);
    let field = NodeRef::<leptos::html::Input>::new();
    let url = StoredValue::new(String::new());
    let copy = move |_| {
        let absolute = format!("{}{}", page_base(), href.get_untracked());
        url.set_value(absolute.clone());
        let clipboard = web_sys::window().map(|w| w.navigator().clipboard());
        match clipboard {
            Some(clipboard) => {
                let promise = clipboard.write_text(&absolute);
                leptos::task::spawn_local(async move {
                    let copied = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
                    state.set(if copied { State::Copied } else { State::Manual });
                    if !copied {
                        request_animation_frame(move || select(field));
                    }
                });
            }
            None => {
                state.set(State::Manual);
                request_animation_frame(move || select(field));
            }
        }
    };
    view! {
        <span class="copy-link" data-testid="copy-link">
            <button type="button" class="button" on:click=copy data-href=move || href.get()>
                {label}
                <span class="visually-hidden">" (" {description} ")"</span>
            </button>
            <span class="copy-status" role="status" data-testid="copy-status">
                {move || match state.get() {
                    State::Idle => ().into_any(),
                    State::Copied => view! { <span class="copied">"✓ Link copied"</span> }.into_any(),
                    State::Manual => view! {
                        <label class="manual-copy">
                            <span>"Copy this link:"</span>
                            <input
                                node_ref=field
                                type="text"
                                readonly
                                prop:value=move || url.get_value()
                                data-testid="copy-field"
                            />
                        </label>
                    }
                    .into_any(),
                }}
            </span>
        </span>
    }
}

fn select(field: NodeRef<leptos::html::Input>) {
    if let Some(input) = field.get_untracked() {
        let input: web_sys::HtmlInputElement = input.unchecked_into();
        let _ = input.focus();
        input.select();
    }
}
