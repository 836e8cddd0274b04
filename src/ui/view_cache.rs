//! Built view-models kept on this device, so that returning to a story shows
//! its matrix without analysing it again. IndexedDB database
//! `parallax-cache`, object store `views`, one record per story slot (the
//! bundled story, a saved story's id, the last story link, the embedded
//! story): `{ stamp, count }`, the stamp the view-model was built for and
//! how many JSON parts it has (`compare::parts`, read back one slice at a
//! time), each part a record of its own keyed `<slot>\0<index>`. The stamp
//! is this build's id (`<meta name="parallax-build">`, which
//! changes with the engine) and a hash of the story file. A record with
//! another stamp is stale; one that does not read back is ignored (and
//! overwritten by the next build). The cache only ever saves work: every
//! failure here means "build it", never an error for the reader.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{IdbDatabase, IdbKeyRange, IdbTransactionMode};

use crate::route::StoryRef;
use crate::ui::store::{committed, finished, open_database};
use crate::ui::tasks;

const DATABASE: &str = "parallax-cache";
const VERSION: u32 = 1;
const STORE: &str = "views";

/// Where a story's view-model is kept.
pub fn slot(story: &StoryRef) -> String {
    match story {
        StoryRef::Bundled => "bundled".to_string(),
        StoryRef::Saved(id) => format!("saved:{id}"),
        StoryRef::Link(_) => "link".to_string(),
        StoryRef::Embedded => "embedded".to_string(),
    }
}

/// What a view-model was built for: this build, and the story file (its
/// exact bytes, by 64-bit FNV-1a, and its length).
pub fn stamp(story_file: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in story_file.bytes() {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{}:{hash:016x}:{}", build_id(), story_file.len())
}

/// This build's id, from the page.
fn build_id() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("meta[name=parallax-build]").ok().flatten())
        .and_then(|m| m.get_attribute("content"))
        .unwrap_or_default()
}

/// The view-model kept in `slot` for `stamp` (its JSON parts, not yet
/// read: `compare::parts`), if there is one, whole.
pub async fn get(slot: &str, stamp: &str) -> Option<Array> {
    let db = open_database(DATABASE, VERSION, STORE).await.ok()?;
    let parts = read(&db, slot, stamp).await;
    db.close();
    parts
}

async fn read(db: &IdbDatabase, slot: &str, stamp: &str) -> Option<Array> {
    let transaction = db
        .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readonly)
        .ok()?;
    let store = transaction.object_store(STORE).ok()?;
    let head = finished(&store.get(&JsValue::from_str(slot)).ok()?)
        .await
        .ok()?;
    let field = |name: &str| Reflect::get(&head, &JsValue::from_str(name)).ok();
    if field("stamp")?.as_string()? != stamp {
        return None;
    }
    let count = field("count")?.as_f64()? as u32;
    let parts = finished(&store.get_all_with_key(&part_range(slot)?).ok()?)
        .await
        .ok()?
        .dyn_into::<Array>()
        .ok()?;
    (parts.length() == count).then_some(parts)
}

/// Keeps a view-model (its JSON parts) in `slot` for `stamp`, replacing
/// what was there. Failures (storage full, storage off) are ignored: the
/// cache is optional.
///
/// The parts are written a batch a task (a story of a thousand articles has
/// tens of megabytes of them, which IndexedDB copies on the page's thread),
/// and the record naming them last: a write cut short leaves no record, so
/// nothing half-written is ever read.
pub async fn put(slot: &str, stamp: &str, parts: &Array) {
    let _ = write(slot, stamp, parts).await;
}

/// Forgets what `slot` holds (a deleted story).
pub async fn forget(slot: &str) {
    let _ = clear(slot).await;
}

/// Bytes of parts written in one task.
const BATCH_BYTES: usize = 512 * 1024;

async fn write(slot: &str, stamp: &str, parts: &Array) -> Result<(), JsValue> {
    let db = open_database(DATABASE, VERSION, STORE).await?;
    let mut index = 0;
    let result = async {
        clear_in(&db, slot).await?;
        while index < parts.length() {
            tasks::next_task().await;
            let transaction =
                db.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)?;
            let store = transaction.object_store(STORE)?;
            let mut bytes = 0;
            while index < parts.length() && bytes < BATCH_BYTES {
                let part = parts.get(index);
                bytes += part.as_string().map_or(0, |p| p.len());
                store.put_with_key(&part, &JsValue::from_str(&part_key(slot, index)))?;
                index += 1;
            }
            committed(&transaction).await?;
        }
        let transaction = db.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)?;
        let head = Object::new();
        Reflect::set(&head, &"stamp".into(), &stamp.into())?;
        Reflect::set(&head, &"count".into(), &parts.length().into())?;
        transaction
            .object_store(STORE)?
            .put_with_key(&head, &JsValue::from_str(slot))?;
        committed(&transaction).await
    }
    .await;
    db.close();
    result
}

/// Removes `slot`'s record and its parts.
async fn clear(slot: &str) -> Result<(), JsValue> {
    let db = open_database(DATABASE, VERSION, STORE).await?;
    let result = clear_in(&db, slot).await;
    db.close();
    result
}

async fn clear_in(db: &IdbDatabase, slot: &str) -> Result<(), JsValue> {
    let transaction = db.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)?;
    let store = transaction.object_store(STORE)?;
    store.delete(&JsValue::from_str(slot))?;
    if let Some(range) = part_range(slot) {
        store.delete(&range)?;
    }
    committed(&transaction).await
}

/// A part's key: the slot, a NUL and its zero-padded index, so that keys
/// sort in part order and no slot's parts fall inside another's range.
fn part_key(slot: &str, index: u32) -> String {
    format!("{slot}\u{0}{index:08}")
}

/// Every part key of `slot`.
fn part_range(slot: &str) -> Option<JsValue> {
    IdbKeyRange::bound(
        &JsValue::from_str(&format!("{slot}\u{0}")),
        &JsValue::from_str(&format!("{slot}\u{1}")),
    )
    .ok()
    .map(Into::into)
}
