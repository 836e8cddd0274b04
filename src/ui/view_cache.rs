//! Built view-models kept on this device, so that returning to a story shows
//! its matrix without analysing it again. IndexedDB database
//! `parallax-cache`, object store `views`, one record per story slot (the
//! bundled story, a saved story's id, the last story link, the embedded
//! story): `{ stamp, parts }`, the view-model's JSON parts
//! (`compare::parts`, read back one slice at a time) and the stamp it was
//! built for — this build's id (`<meta name="parallax-build">`, which
//! changes with the engine) and a hash of the story file. A record with
//! another stamp is stale; one that does not read back is ignored (and
//! overwritten by the next build). The cache only ever saves work: every
//! failure here means "build it", never an error for the reader.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::IdbTransactionMode;

use crate::route::StoryRef;
use crate::ui::store::{committed, finished, open_database};

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
/// read: `compare::parts`), if there is one.
pub async fn get(slot: &str, stamp: &str) -> Option<Array> {
    let db = open_database(DATABASE, VERSION, STORE).await.ok()?;
    let transaction = db
        .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readonly)
        .ok()?;
    let request = transaction
        .object_store(STORE)
        .ok()?
        .get(&JsValue::from_str(slot))
        .ok()?;
    let record = finished(&request).await.ok();
    db.close();
    let record = record?;
    let field = |name: &str| Reflect::get(&record, &JsValue::from_str(name)).ok();
    if field("stamp")?.as_string()? != stamp {
        return None;
    }
    field("parts")?.dyn_into::<Array>().ok()
}

/// Keeps a view-model (its JSON parts) in `slot` for `stamp`, replacing
/// what was there. Failures (storage full, storage off) are ignored: the
/// cache is optional.
pub async fn put(slot: &str, stamp: &str, parts: &Array) {
    let _ = write(slot, Some((stamp, parts))).await;
}

/// Forgets what `slot` holds (a deleted story).
pub async fn forget(slot: &str) {
    let _ = write(slot, None).await;
}

async fn write(slot: &str, record: Option<(&str, &Array)>) -> Result<(), JsValue> {
    let db = open_database(DATABASE, VERSION, STORE).await?;
    let transaction = db.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)?;
    let store = transaction.object_store(STORE)?;
    let key = JsValue::from_str(slot);
    match record {
        Some((stamp, parts)) => {
            let value = Object::new();
            Reflect::set(&value, &"stamp".into(), &stamp.into())?;
            Reflect::set(&value, &"parts".into(), parts)?;
            store.put_with_key(&value, &key)?;
        }
        None => {
            store.delete(&key)?;
        }
    }
    let done = committed(&transaction).await;
    db.close();
    done
}
