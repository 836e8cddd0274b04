//! A sentence with the words the other outlet's sentence lacks marked:
//! highlighted and underlined (not colour alone), each run announced as
//! "differs" to screen readers.

use leptos::prelude::*;
use parallax_core::compare::facts::DiffPiece;

pub fn word_diff(pieces: &[DiffPiece]) -> impl IntoView + use<> {
    pieces
        .iter()
        .map(|piece| {
            if piece.changed {
                view! {
                    <mark class="diff" data-testid="diff-changed">
                        <span class="visually-hidden">"[differs: "</span>
                        {piece.text.clone()}
                        <span class="visually-hidden">"]"</span>
                    </mark>
                }
                .into_any()
            } else {
                piece.text.clone().into_any()
            }
        })
        .collect_view()
}
