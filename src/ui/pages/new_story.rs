//! A new story, or a saved one being edited: a title and one card per
//! article (its text, outlet, URL and publication date). Articles come in by
//! typing or pasting (a copied web page is read as HTML), by dropping or
//! choosing files (text, Markdown, saved pages; a story file is imported
//! whole), and a paste holding separator lines (`---`) becomes several
//! articles when the story is saved. Fields are prefilled from what the text
//! or the page says, never invented. The draft is kept in `localStorage` on
//! every change, so a reload or a failed save loses nothing.

use leptos::prelude::*;
use parallax_core::import::html::html_to_article;
use parallax_core::import::paste::split_articles;
use parallax_core::import::prefill::suggest;
use parallax_core::import::story_file::{StoryFile, StoryFileArticle, parse_story_file, to_json};
use wasm_bindgen::JsCast;

use crate::route::{Place, Route, StoryRef};
use crate::ui::app::go;
use crate::ui::download::{download, file_name};
use crate::ui::files::{Incoming, files_of, pasted_html, read};
use crate::ui::saved;

/// Where the unsaved draft lives (one per device; a story file's JSON).
const DRAFT_KEY: &str = "parallax-draft";

/// One article being added.
#[derive(Clone, Copy)]
struct Draft {
    key: usize,
    text: RwSignal<String>,
    outlet: RwSignal<String>,
    url: RwSignal<String>,
    /// ISO date (`YYYY-MM-DD`), as a date input gives it.
    date: RwSignal<String>,
    /// Where the text came from and what the reader should know about it.
    notes: RwSignal<Vec<String>>,
}

impl Draft {
    fn new(key: usize) -> Draft {
        Draft {
            key,
            text: RwSignal::new(String::new()),
            outlet: RwSignal::new(String::new()),
            url: RwSignal::new(String::new()),
            date: RwSignal::new(String::new()),
            notes: RwSignal::new(Vec::new()),
        }
    }

    /// Fills the fields the reader left empty from what the text (and the
    /// page, for HTML) says, and notes what is missing.
    fn prefill(&self, html: Option<&parallax_core::import::html::HtmlArticle>) {
        let text = self.text.get_untracked();
        let found = suggest(&text, html);
        if let Some(outlet) = found
            .outlet
            .filter(|_| self.outlet.with_untracked(String::is_empty))
        {
            self.outlet.set(outlet);
        }
        if let Some(url) = found
            .url
            .filter(|_| self.url.with_untracked(String::is_empty))
        {
            self.url.set(url);
        }
        if let Some(date) = found
            .published
            .filter(|_| self.date.with_untracked(String::is_empty))
        {
            self.date
                .set(date.iso().get(..10).unwrap_or_default().to_string());
        }
        self.notes.update(|notes| {
            for note in found.notes {
                if !notes.contains(&note) {
                    notes.push(note);
                }
            }
        });
    }
}

#[component]
pub fn NewStoryPage(editing: Option<String>) -> impl IntoView {
    let title = RwSignal::new(String::new());
    let drafts = RwSignal::new(Vec::<Draft>::new());
    let next_key = StoredValue::new(0usize);
    let messages = RwSignal::new(Vec::<String>::new());
    let saving = RwSignal::new(false);
    let loaded = RwSignal::new(editing.is_none());

    let add_draft = move || {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        let draft = Draft::new(key);
        drafts.update(|d| d.push(draft));
        draft
    };
    let fill_from = move |file: StoryFile| {
        title.set(file.title.clone());
        drafts.set(Vec::new());
        for article in file.articles {
            let draft = add_draft();
            draft.text.set(article.text);
            draft.outlet.set(article.outlet);
            draft.url.set(article.url.unwrap_or_default());
            draft.date.set(article.published.unwrap_or_default());
        }
    };

    // Start from the story being edited, else from the kept draft, else empty.
    match editing.clone() {
        Some(id) => leptos::task::spawn_local(async move {
            match saved::load_file(&id).await {
                Ok(file) => {
                    fill_from(file);
                    loaded.set(true);
                }
                Err(message) => messages.set(vec![message]),
            }
        }),
        None => match read_draft() {
            Some(file) if file.articles.iter().any(|a| !a.text.trim().is_empty()) => {
                fill_from(file);
                messages.set(vec![
                    "Your unsaved draft is back, as you left it.".to_string(),
                ]);
            }
            _ => {
                add_draft();
            }
        },
    }

    // The draft follows every change (new stories only; edits are saved explicitly).
    let keep_draft = editing.is_none();
    Effect::new(move |_| {
        let file = collect(&title.get(), &drafts.get(), false);
        if keep_draft {
            write_draft(Some(&file));
        }
    });

    let add_files = move |files: Vec<web_sys::File>| {
        leptos::task::spawn_local(async move {
            let mut found = Vec::new();
            for file in files {
                match read(file).await {
                    Incoming::Article {
                        name,
                        text,
                        html,
                        notes,
                    } => {
                        if text.trim().is_empty() {
                            found.push(format!("“{name}” holds no article text."));
                            continue;
                        }
                        if let Some(number) = duplicate_of(&drafts.get_untracked(), &text) {
                            let ask = format!(
                                "“{name}” has the same text as article {number}. Add it again anyway?"
                            );
                            if !confirm(&ask) {
                                found.push(format!(
                                    "“{name}” was not added again (same text as article {number})."
                                ));
                                continue;
                            }
                        }
                        let draft = empty_draft(drafts).unwrap_or_else(add_draft);
                        draft.text.set(text);
                        draft.notes.set(
                            std::iter::once(format!("From the file “{name}”."))
                                .chain(notes)
                                .collect(),
                        );
                        draft.prefill(html.as_ref());
                    }
                    Incoming::Story(story) => match saved::save_new(&story).await {
                        Ok(id) => {
                            go(&Place::Story(StoryRef::Saved(id), Route::home()));
                            return;
                        }
                        Err(message) => found.push(message),
                    },
                    Incoming::Refused(reason) => found.push(reason),
                }
            }
            messages.set(found);
        });
    };
    let on_pick = move |event: leptos::ev::Event| {
        let input: Option<web_sys::HtmlInputElement> =
            event.target().and_then(|t| t.dyn_into().ok());
        if let Some(input) = input {
            let files = files_of(input.files());
            input.set_value("");
            add_files(files);
        }
    };
    let dragging = RwSignal::new(false);
    let on_drop = move |event: leptos::ev::DragEvent| {
        event.prevent_default();
        dragging.set(false);
        add_files(files_of(event.data_transfer().and_then(|d| d.files())));
    };

    let heading = if editing.is_some() {
        "Edit story"
    } else {
        "New story"
    };
    let unsaved = RwSignal::new(false);
    let save = move |_| {
        if saving.get_untracked() {
            return;
        }
        let file = collect(&title.get_untracked(), &drafts.get_untracked(), true);
        if file.articles.is_empty() {
            messages.set(vec![
                "There is no article yet: paste one, or drop a file.".to_string(),
            ]);
            return;
        }
        saving.set(true);
        let editing = editing.clone();
        leptos::task::spawn_local(async move {
            let saved = match &editing {
                Some(id) => saved::save(id, &file).await.map(|()| id.clone()),
                None => saved::save_new(&file).await,
            };
            saving.set(false);
            match saved {
                Ok(id) => {
                    if editing.is_none() {
                        write_draft(None);
                    }
                    go(&Place::Story(StoryRef::Saved(id), Route::home()));
                }
                Err(message) => {
                    unsaved.set(true);
                    messages.set(vec![
                        message,
                        "Nothing you typed is lost: the draft is still here, and it can be downloaded as a story file.".to_string(),
                    ]);
                }
            }
        });
    };
    // When the device will not keep the story (storage full or off), it
    // can still leave as a story file.
    let download_draft = move |_| {
        let file = collect(&title.get_untracked(), &drafts.get_untracked(), true);
        download(
            &file_name(&file.title, "parallax.json"),
            "application/json",
            &to_json(&file),
        );
    };

    let suggested_title = move || {
        drafts.with(|d| {
            d.iter()
                .find_map(|d| suggest(&d.text.get(), None).headline)
                .unwrap_or_else(|| "A title for this story".to_string())
        })
    };
    let article_count = move || {
        drafts.with(|d| {
            d.iter()
                .filter(|d| !d.text.with(|t| t.trim().is_empty()))
                .count()
        })
    };

    view! {
        <section class="new-story" aria-labelledby="page-title" data-testid="new-story-page">
            <div class="section-head">
                <h1 id="page-title" tabindex="-1">{heading}</h1>
            </div>
            <p class="hint">
                "Paste each outlet's article into its own box (or several, with a line of “---” between them), or drop text, Markdown and saved web pages. "
                "Everything stays in this browser on this device."
            </p>
            <div class="messages" role="alert" data-testid="new-story-messages">
                {move || messages.get().into_iter().map(|m| view! { <p class="notice">{m}</p> }).collect_view()}
            </div>
            <label class="field">
                <span>"Title"</span>
                <input type="text" data-testid="story-title-input"
                    prop:value=move || title.get()
                    placeholder=suggested_title
                    on:input=move |ev| title.set(event_target_value(&ev)) />
            </label>
            <div
                class="drop-zone"
                class:dragging=move || dragging.get()
                data-testid="drop-zone"
                on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop
            >
                <p>"Drop files here (.txt, .md, .html, or a Parallax story file), or "</p>
                <label class="file-pick">
                    <span class="button">"Choose files…"</span>
                    <input type="file" multiple accept=".txt,.md,.markdown,.html,.htm,.json,text/plain,text/html,application/json"
                        class="visually-hidden" data-testid="add-files" on:change=on_pick />
                </label>
            </div>
            <ol class="drafts" data-testid="drafts">
                <For each=move || drafts.get() key=|d| d.key let:draft>
                    <DraftCard draft drafts />
                </For>
            </ol>
            <p class="story-actions">
                <button type="button" class="button" data-testid="add-article" on:click=move |_| { add_draft(); }>
                    "Add another article"
                </button>
                <button type="button" class="button button-primary" data-testid="save-story"
                    disabled=move || saving.get() || !loaded.get()
                    on:click=save>
                    {move || match article_count() {
                        0 | 1 => "Save and show".to_string(),
                        n => format!("Save and compare {n} articles"),
                    }}
                </button>
                {move || unsaved.get().then(|| view! {
                    <button type="button" class="button" data-testid="download-draft" on:click=download_draft>
                        "Download as a story file"
                    </button>
                })}
            </p>
        </section>
    }
}

#[component]
fn DraftCard(draft: Draft, drafts: RwSignal<Vec<Draft>>) -> impl IntoView {
    let number = move || {
        drafts.with(|d| {
            d.iter()
                .position(|x| x.key == draft.key)
                .map_or(0, |i| i + 1)
        })
    };
    let id = format!("draft-{}", draft.key);
    let on_paste = move |event: leptos::ev::ClipboardEvent| {
        let Some(html) = pasted_html(&event) else {
            return;
        };
        let page = html_to_article(&html);
        if page.text.trim().is_empty() {
            return; // let the browser paste the plain text
        }
        event.prevent_default();
        draft.text.update(|text| {
            if !text.trim().is_empty() {
                text.push_str("\n\n");
            }
            text.push_str(&page.text);
        });
        draft.notes.update(|n| {
            n.push(
                "Pasted from a web page: read as HTML (menus, scripts and buttons left out)."
                    .to_string(),
            )
        });
        draft.prefill(Some(&page));
    };
    let missing_date =
        move || draft.date.with(String::is_empty) && draft.text.with(|t| !t.trim().is_empty());
    let pieces = move || draft.text.with(|t| split_articles(t).len());
    view! {
        <li class="draft" data-testid="draft">
            <div class="draft-head">
                <h2>{move || format!("Article {}", number())}</h2>
                <button type="button" class="button" data-testid="remove-article"
                    on:click=move |_| drafts.update(|d| d.retain(|x| x.key != draft.key))>
                    "Remove"
                </button>
            </div>
            <label class="field" for=format!("{id}-text")>"Text (headline first, then the date line and the article)"</label>
            <textarea id=format!("{id}-text") rows="10" data-testid="article-text"
                prop:value=move || draft.text.get()
                on:input=move |ev| draft.text.set(event_target_value(&ev))
                on:change=move |_| draft.prefill(None)
                on:paste=on_paste
            ></textarea>
            {move || (pieces() > 1).then(|| view! {
                <p class="hint" data-testid="split-note">{format!("Separator lines split this box into {} articles when you save.", pieces())}</p>
            })}
            <div class="draft-fields">
                <label class="field">
                    <span>"Outlet"</span>
                    <input type="text" data-testid="article-outlet" placeholder="Which outlet published it"
                        prop:value=move || draft.outlet.get()
                        on:input=move |ev| draft.outlet.set(event_target_value(&ev)) />
                </label>
                <label class="field">
                    <span>"URL"</span>
                    <input type="url" data-testid="article-url" placeholder="https://…"
                        prop:value=move || draft.url.get()
                        on:input=move |ev| draft.url.set(event_target_value(&ev)) />
                </label>
                <label class="field">
                    <span>"Published"</span>
                    <input type="date" data-testid="article-date"
                        prop:value=move || draft.date.get()
                        on:input=move |ev| draft.date.set(event_target_value(&ev)) />
                </label>
            </div>
            {move || missing_date().then(|| view! {
                <p class="notice" data-testid="date-missing">
                    "No publication date found in the text: set one above. Words like “yesterday” are read against it."
                </p>
            })}
            <ul class="draft-notes">
                {move || draft.notes.get().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
            </ul>
        </li>
    }
}

/// A draft with no text yet, to fill before adding another.
fn empty_draft(drafts: RwSignal<Vec<Draft>>) -> Option<Draft> {
    drafts.with_untracked(|d| {
        d.iter()
            .find(|d| d.text.with_untracked(|t| t.trim().is_empty()))
            .copied()
    })
}

/// The 1-based number of the draft that already holds `text`.
fn duplicate_of(drafts: &[Draft], text: &str) -> Option<usize> {
    let text = text.trim();
    drafts
        .iter()
        .position(|d| d.text.with_untracked(|t| t.trim() == text))
        .map(|i| i + 1)
}

/// The story file for the drafts. `split` turns separator lines into
/// articles and drops empty ones (when saving); the kept draft keeps the
/// boxes as they are.
fn collect(title: &str, drafts: &[Draft], split: bool) -> StoryFile {
    let mut articles = Vec::new();
    for draft in drafts {
        let text = draft.text.get_untracked();
        let pieces: Vec<String> = if split {
            split_articles(&text)
        } else {
            vec![text]
        };
        for piece in pieces {
            let number = articles.len() + 1;
            let outlet = draft.outlet.get_untracked().trim().to_string();
            articles.push(StoryFileArticle {
                id: format!("a{number}"),
                outlet: if outlet.is_empty() && split {
                    format!("Outlet {number} (not named)")
                } else {
                    outlet
                },
                outlet_note: None,
                url: Some(draft.url.get_untracked().trim().to_string()).filter(|u| !u.is_empty()),
                published: Some(draft.date.get_untracked()).filter(|d| !d.is_empty()),
                text: piece,
            });
        }
    }
    let title = title.trim();
    let title = if title.is_empty() && split {
        articles
            .iter()
            .find_map(|a| suggest(&a.text, None).headline)
            .unwrap_or_else(|| "Untitled story".to_string())
    } else {
        title.to_string()
    };
    StoryFile::new(title, articles)
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn read_draft() -> Option<StoryFile> {
    let json = local_storage()?.get_item(DRAFT_KEY).ok()??;
    parse_story_file(&json).ok()
}

/// Keeps (or, with `None`, forgets) the draft. A full or refused storage
/// only means the draft is not kept; the page goes on.
fn write_draft(file: Option<&StoryFile>) {
    if let Some(storage) = local_storage() {
        let _ = match file {
            Some(file) => storage.set_item(DRAFT_KEY, &to_json(file)),
            None => storage.remove_item(DRAFT_KEY),
        };
    }
}

fn confirm(question: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(question).ok())
        .unwrap_or(false)
}
