//! The story list, the start page: the bundled story and every story saved
//! on this device (title, outlets, articles, dates, last change), with
//! open, edit, export, duplicate and delete (undone for a while), and
//! "New story" and "Import a story file".

use leptos::prelude::*;
use parallax_core::corpus::bundled_stories;
use parallax_core::import::story_file::{StoryFile, to_json};

use crate::route::{Place, Route, StoryRef};
use crate::ui::app::go;
use crate::ui::components::story_import::StoryImport;
use crate::ui::download::{download, file_name};
use crate::ui::saved::{self, Summary};
use crate::ui::store::{StoredStory, Unreadable};

/// How long a deleted story can be brought back.
const UNDO_SECONDS: u64 = 30;

#[derive(Clone, Debug, PartialEq)]
enum Listing {
    Loading,
    Ready(Vec<Summary>, Vec<Unreadable>),
    Failed(String),
}

#[component]
pub fn StoriesPage() -> impl IntoView {
    let listing = RwSignal::new(Listing::Loading);
    let deleted = RwSignal::new(None::<(String, StoredStory)>);
    let status = RwSignal::new(String::new());
    let refresh = move || {
        leptos::task::spawn_local(async move {
            listing.set(match saved::summaries().await {
                Ok((stories, problems)) => Listing::Ready(stories, problems),
                Err(message) => Listing::Failed(message),
            });
        });
    };
    refresh();

    let remove = move |summary: Summary| {
        leptos::task::spawn_local(async move {
            match saved::delete(&summary.id).await {
                Ok(()) => {
                    deleted.set(Some((summary.title.clone(), summary.record.clone())));
                    let id = summary.id.clone();
                    set_timeout(
                        move || {
                            if deleted
                                .with_untracked(|d| d.as_ref().is_some_and(|(_, r)| r.id == id))
                            {
                                deleted.set(None);
                            }
                        },
                        std::time::Duration::from_secs(UNDO_SECONDS),
                    );
                    refresh();
                }
                Err(message) => status.set(message),
            }
        });
    };
    let undo = move |_| {
        let Some((title, record)) = deleted.get_untracked() else {
            return;
        };
        leptos::task::spawn_local(async move {
            match saved::restore(&record).await {
                Ok(()) => {
                    deleted.set(None);
                    status.set(format!("“{title}” is back."));
                    refresh();
                }
                Err(message) => status.set(message),
            }
        });
    };
    let duplicate = move |story: StoryRef| {
        leptos::task::spawn_local(async move {
            match saved::duplicate(&story).await {
                Ok(id) => go(&Place::Edit(id)),
                Err(message) => status.set(message),
            }
        });
    };

    let bundled = bundled_stories().0.into_iter().next().map(|story| {
        let outlets = story
            .articles
            .iter()
            .map(|a| a.outlet.clone())
            .collect::<Vec<_>>()
            .join(", ");
        let count = story.articles.len();
        let title = story.title.clone();
        let export = StoryFile::from_story(&story);
        view! {
            <li class="story-card" data-testid="story-card" data-story="bundled">
                <h3><a href=StoryRef::Bundled.href(&Route::home())>{title}</a></h3>
                <p class="story-meta">
                    {format!("{count} articles · {outlets}")}
                    " · "<span class="badge">"bundled, read-only"</span>
                </p>
                <p class="story-actions">
                    <a class="button" href=StoryRef::Bundled.href(&Route::home())>"Open"</a>
                    <button type="button" class="button" data-testid="duplicate-story"
                        on:click=move |_| duplicate(StoryRef::Bundled)>"Duplicate to edit"</button>
                    <button type="button" class="button" data-testid="export-story"
                        on:click=move |_| { download(&file_name(&export.title, "parallax.json"), "application/json", &to_json(&export)); }>
                        "Export story"
                    </button>
                </p>
            </li>
        }
    });

    let saved_list = move || match listing.get() {
        Listing::Loading => {
            view! { <p role="status">"Reading the stories saved on this device…"</p> }.into_any()
        }
        Listing::Failed(message) => view! {
            <p class="notice notice-missing" role="alert" data-testid="store-error">{message}</p>
        }
        .into_any(),
        Listing::Ready(stories, problems) => {
            let problems = problems
                .into_iter()
                .enumerate()
                .map(|(i, problem)| {
                    let name = format!("unreadable-record-{}.json", i + 1);
                    let raw = problem.raw;
                    view! {
                        <p class="notice" role="alert" data-testid="store-problem">
                            {problem.message} " "
                            <button type="button" class="button" data-testid="download-unreadable"
                                on:click=move |_| { download(&name, "application/json", &raw); }>
                                "Download what was stored"
                            </button>
                        </p>
                    }
                })
                .collect_view();
            let empty = stories.is_empty().then(|| view! {
                <p class="hint" data-testid="no-saved-stories">
                    "No stories of your own yet. Start one with “New story”: paste articles, or drop text and HTML files."
                </p>
            });
            let cards = stories
                .into_iter()
                .map(|summary| story_card(summary, remove, duplicate))
                .collect_view();
            view! { {problems} {empty} <ul class="story-list" data-testid="saved-stories">{cards}</ul> }.into_any()
        }
    };

    view! {
        <section class="stories" aria-labelledby="page-title" data-testid="stories-page">
            <div class="section-head">
                <h1 id="page-title" tabindex="-1">"Stories"</h1>
                <a class="button button-primary" href=Place::NewStory.href() data-testid="new-story">"New story"</a>
            </div>
            <p class="hint">
                "Your stories are kept in this browser on this device only; nothing is sent anywhere. Export a story to keep a copy or share it."
            </p>
            <p class="copy-status" role="status" data-testid="stories-status">
                {move || status.get()}
                {move || deleted.get().map(|(title, _)| view! {
                    <span data-testid="deleted-notice">
                        {format!("Deleted “{title}”. ")}
                        <button type="button" class="button" on:click=undo data-testid="undo-delete">"Undo"</button>
                    </span>
                })}
            </p>
            <h2>"Bundled with Parallax"</h2>
            <ul class="story-list">{bundled}</ul>
            <h2>"Saved on this device"</h2>
            {saved_list}
            <StoryImport />
        </section>
    }
}

fn story_card(
    summary: Summary,
    remove: impl Fn(Summary) + Copy + 'static,
    duplicate: impl Fn(StoryRef) + Copy + 'static,
) -> impl IntoView {
    let open = StoryRef::Saved(summary.id.clone()).href(&Route::home());
    let edit = Place::Edit(summary.id.clone()).href();
    let dates = match &summary.dates {
        Some((first, last)) if first == last => format!(" · {first}"),
        Some((first, last)) => format!(" · {first} to {last}"),
        None => String::new(),
    };
    let changed = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(summary.updated))
        .to_locale_string("en-GB", &wasm_bindgen::JsValue::UNDEFINED)
        .as_string()
        .unwrap_or_default();
    let articles = summary.articles;
    let outlets = summary.outlets.join(", ");
    let record = summary.record.clone();
    let exported = record.json.clone();
    let title = summary.title.clone();
    let export_name = file_name(&title, "parallax.json");
    let id = summary.id.clone();
    let copy_of = StoryRef::Saved(summary.id.clone());
    view! {
        <li class="story-card" data-testid="story-card" data-story=id>
            <h3><a href=open.clone() data-testid="open-story">{summary.title.clone()}</a></h3>
            <p class="story-meta">
                {format!("{articles} article{} · {outlets}{dates}", if articles == 1 { "" } else { "s" })}
            </p>
            <p class="story-meta">"Last changed " {changed}</p>
            <p class="story-actions">
                <a class="button" href=open>"Open"</a>
                <a class="button" href=edit data-testid="edit-story">"Edit"</a>
                <button type="button" class="button" data-testid="export-story"
                    on:click=move |_| { download(&export_name, "application/json", &exported); }>"Export story"</button>
                <button type="button" class="button" data-testid="duplicate-story"
                    on:click=move |_| duplicate(copy_of.clone())>"Duplicate"</button>
                <button type="button" class="button button-danger" data-testid="delete-story"
                    on:click=move |_| remove(summary.clone())>"Delete"</button>
            </p>
        </li>
    }
}
