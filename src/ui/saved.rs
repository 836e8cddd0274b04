//! The reader's own stories: story files (the core's versioned JSON) kept in
//! the device store ([`crate::ui::store`]) or carried in a story link. Turns
//! records into stories and list entries, gives new stories their ids,
//! saves, deletes and restores them, and makes and reads story links.

use parallax_core::corpus::bundled_stories;
use parallax_core::import::link::{MAX_LINK_CHARS, decode_payload, encode_payload};
use parallax_core::import::story_file::{EMBEDDED_ID, StoryFile, parse_story_file, to_json};

use crate::route::StoryRef;
use crate::ui::compress;
use crate::ui::store::{self, StoredStory, Unreadable};
use crate::ui::tasks::next_task;
use crate::ui::view_cache;

/// What the story list shows of one saved story.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub id: String,
    pub title: String,
    pub outlets: Vec<String>,
    pub articles: usize,
    /// Earliest and latest publication date (ISO), where the articles give one.
    pub dates: Option<(String, String)>,
    pub updated: f64,
    pub record: StoredStory,
}

impl Summary {
    fn of(record: StoredStory, file: &StoryFile) -> Summary {
        let mut outlets: Vec<String> = Vec::new();
        for article in &file.articles {
            if !outlets.contains(&article.outlet) {
                outlets.push(article.outlet.clone());
            }
        }
        let mut dates: Vec<&str> = file
            .articles
            .iter()
            .filter_map(|a| a.published.as_deref())
            .map(|d| d.get(..10).unwrap_or(d))
            .collect();
        dates.sort_unstable();
        Summary {
            id: record.id.clone(),
            title: file.title.clone(),
            outlets,
            articles: file.articles.len(),
            dates: dates
                .first()
                .zip(dates.last())
                .map(|(a, b)| (a.to_string(), b.to_string())),
            updated: record.updated,
            record,
        }
    }
}

/// Every saved story, newest change first, and what could not be read.
pub async fn summaries() -> Result<(Vec<Summary>, Vec<Unreadable>), String> {
    let (records, mut problems) = store::list().await.map_err(|e| e.0)?;
    let mut out = Vec::new();
    for record in records {
        match parse_story_file(&record.json) {
            Ok(file) => out.push(Summary::of(record, &file)),
            Err(error) => problems.push(Unreadable {
                message: format!(
                    "The saved story “{}” could not be read ({}). It is kept as it was; download it to keep a copy.",
                    record.id,
                    error.message()
                ),
                raw: record.json,
            }),
        }
    }
    out.sort_by(|a, b| b.updated.total_cmp(&a.updated));
    Ok((out, problems))
}

thread_local! {
    /// The story this page saved last, by id: opening it right after (an
    /// import, "Compare") needs neither the store nor a second reading of
    /// its JSON. Taken by the first [`load_file`] of that id.
    static JUST_SAVED: std::cell::RefCell<Option<(String, StoryFile)>> = const { std::cell::RefCell::new(None) };
}

/// A saved story's file, or why it cannot be opened.
pub async fn load_file(id: &str) -> Result<StoryFile, String> {
    let kept = JUST_SAVED.with_borrow_mut(|kept| {
        kept.take_if(|(kept_id, _)| kept_id == id)
            .map(|(_, file)| file)
    });
    if let Some(file) = kept {
        return Ok(file);
    }
    let record = store::get(id).await.map_err(|e| e.0)?;
    // Reading a big story's JSON is a task of its own.
    next_task().await;
    match record {
        Some(record) => parse_story_file(&record.json).map_err(|e| {
            format!(
                "The story saved as “{id}” could not be read: {}",
                e.message()
            )
        }),
        None => Err(format!(
            "This link is to a story (“{id}”) that is not saved on this device. Stories stay on the device they were made on: ask for the story file or a story link."
        )),
    }
}

/// The story file of any story: bundled, saved on this device, or in a link.
pub async fn story_file(story: &StoryRef) -> Result<StoryFile, String> {
    match story {
        StoryRef::Bundled => bundled_stories()
            .0
            .first()
            .map(StoryFile::from_story)
            .ok_or_else(|| "The bundled story is missing.".to_string()),
        StoryRef::Saved(id) => load_file(id).await,
        StoryRef::Link(payload) => open_link(payload).await,
        StoryRef::Embedded => embedded_story()
            .ok_or_else(|| "This page holds no embedded story.".to_string())?
            .map_err(|e| format!("The story in this file could not be read: {}", e.message())),
    }
}

/// The story embedded in this page (a one-file copy made with a story), if any.
pub fn embedded_story() -> Option<Result<StoryFile, parallax_core::import::ImportError>> {
    let element = web_sys::window()?
        .document()?
        .get_element_by_id(EMBEDDED_ID)?;
    Some(parse_story_file(
        &element.text_content().unwrap_or_default(),
    ))
}

/// The payload of a story link for `file`, or why the story is too large
/// for one.
pub async fn link_payload(file: &StoryFile) -> Result<String, String> {
    let compressed = compress::deflate(to_json(file).as_bytes()).await?;
    let payload = encode_payload(&compressed);
    if payload.len() > MAX_LINK_CHARS {
        return Err(format!(
            "This story is too large for a link: {} KB compressed, and a story link carries up to {} KB. Export it as a story file instead.",
            payload.len().div_ceil(1024),
            MAX_LINK_CHARS / 1024
        ));
    }
    Ok(payload)
}

/// The story file a story link carries.
pub async fn open_link(payload: &str) -> Result<StoryFile, String> {
    let compressed = decode_payload(payload).map_err(|e| e.message())?;
    let json = compress::inflate(&compressed).await?;
    let json = String::from_utf8(json)
        .map_err(|_| "This story link is damaged: its story is not text.".to_string())?;
    parse_story_file(&json).map_err(|e| {
        format!(
            "This story link holds no story Parallax can read: {}",
            e.message()
        )
    })
}

/// Saves `file` as story `id` (new or replaced), stamped now.
pub async fn save(id: &str, file: &StoryFile) -> Result<(), String> {
    let json = to_json(file);
    // Storing it (IndexedDB copies it on this thread) in a task of its own.
    next_task().await;
    store::put(&StoredStory {
        id: id.to_string(),
        updated: store::now(),
        json,
    })
    .await
    .map_err(|e| e.0)?;
    JUST_SAVED.set(Some((id.to_string(), file.clone())));
    Ok(())
}

/// Saves `file` as a new story and returns its id.
pub async fn save_new(file: &StoryFile) -> Result<String, String> {
    let id = new_id();
    save(&id, file).await.map(|()| id)
}

/// Saves a copy of any story as a new story of one's own ("… (copy)");
/// its id.
pub async fn duplicate(story: &StoryRef) -> Result<String, String> {
    let mut file = story_file(story).await?;
    file.title = format!("{} (copy)", file.title);
    save_new(&file).await
}

/// Puts a record back exactly as it was (undoing a delete).
pub async fn restore(record: &StoredStory) -> Result<(), String> {
    store::put(record).await.map_err(|e| e.0)
}

/// Deletes a story, and the view-model kept for it.
pub async fn delete(id: &str) -> Result<(), String> {
    JUST_SAVED.with_borrow_mut(|kept| kept.take_if(|(kept_id, _)| kept_id == id));
    store::delete(id).await.map_err(|e| e.0)?;
    view_cache::forget(&view_cache::slot(&StoryRef::Saved(id.to_string()))).await;
    Ok(())
}

/// A new story id: the time and a random part, in base 36 (`st-…`).
fn new_id() -> String {
    let time = store::now() as u64;
    let random = (js_sys::Math::random() * 36f64.powi(4)) as u64;
    format!("st-{}{}", base36(time), base36(random))
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}
