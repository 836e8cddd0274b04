//! Stories saved on this device, in IndexedDB (database `parallax`, object
//! store `stories`, keyed by story id). A record is `{ id, updated, story }`:
//! `updated` in milliseconds since 1970, `story` the story file's JSON (the
//! same text "Export story" writes), so a record that this build cannot read
//! is still there, and still exportable, byte for byte.
//!
//! Every call opens the database, runs one transaction and waits for it to
//! commit; failures come back as a [`StoreError`] with a message for people.

use js_sys::{Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbOpenDbRequest, IdbRequest, IdbTransaction, IdbTransactionMode};

const DATABASE: &str = "parallax";
const VERSION: u32 = 1;
const STORE: &str = "stories";

/// One stored story, as read back.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredStory {
    pub id: String,
    /// Milliseconds since 1970-01-01 UTC.
    pub updated: f64,
    /// The story file's JSON.
    pub json: String,
}

/// Why the store could not do what was asked, in words for the reader.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoreError(pub String);

impl StoreError {
    fn from_js(doing: &str, error: JsValue) -> StoreError {
        let name = error
            .dyn_ref::<web_sys::DomException>()
            .map(|e| e.name())
            .unwrap_or_default();
        let detail = match name.as_str() {
            "QuotaExceededError" => {
                "this device's storage for the page is full. The story is still open here: export it as a file to keep it.".to_string()
            }
            "" => "the browser's storage is not available (private mode or storage turned off?).".to_string(),
            other => format!("the browser's storage reported {other}."),
        };
        StoreError(format!("Could not {doing}: {detail}"))
    }
}

/// Waits for an IndexedDB request: its result, or its error.
pub(super) async fn finished(request: &IdbRequest) -> Result<JsValue, JsValue> {
    let promise = Promise::new(&mut |resolve, reject| {
        let done = request.clone();
        request.set_onsuccess(Some(
            &wasm_bindgen::closure::Closure::once_into_js(move |_: web_sys::Event| {
                let _ = resolve.call1(&JsValue::NULL, &done.result().unwrap_or(JsValue::UNDEFINED));
            })
            .unchecked_into(),
        ));
        let failed = request.clone();
        request.set_onerror(Some(
            &wasm_bindgen::closure::Closure::once_into_js(move |_: web_sys::Event| {
                let error = failed
                    .error()
                    .ok()
                    .flatten()
                    .map_or(JsValue::NULL, JsValue::from);
                let _ = reject.call1(&JsValue::NULL, &error);
            })
            .unchecked_into(),
        ));
    });
    JsFuture::from(promise).await
}

/// Waits until a transaction has committed (or failed, or was aborted).
pub(super) async fn committed(transaction: &IdbTransaction) -> Result<(), JsValue> {
    let promise = Promise::new(&mut |resolve, reject| {
        transaction.set_oncomplete(Some(
            &wasm_bindgen::closure::Closure::once_into_js(move |_: web_sys::Event| {
                let _ = resolve.call0(&JsValue::NULL);
            })
            .unchecked_into(),
        ));
        let failed = transaction.clone();
        let reject_abort = reject.clone();
        let aborted = transaction.clone();
        transaction.set_onerror(Some(
            &wasm_bindgen::closure::Closure::once_into_js(move |_: web_sys::Event| {
                let error = failed.error().map_or(JsValue::NULL, JsValue::from);
                let _ = reject.call1(&JsValue::NULL, &error);
            })
            .unchecked_into(),
        ));
        transaction.set_onabort(Some(
            &wasm_bindgen::closure::Closure::once_into_js(move |_: web_sys::Event| {
                let error = aborted.error().map_or(JsValue::NULL, JsValue::from);
                let _ = reject_abort.call1(&JsValue::NULL, &error);
            })
            .unchecked_into(),
        ));
    });
    JsFuture::from(promise).await.map(|_| ())
}

async fn open(doing: &str) -> Result<IdbDatabase, StoreError> {
    open_database(DATABASE, VERSION, STORE)
        .await
        .map_err(|e| StoreError::from_js(doing, e))
}

/// Opens database `name` at `version`, creating object store `store` (keys
/// given by the caller) if it is not there yet.
pub(super) async fn open_database(
    name: &str,
    version: u32,
    store: &'static str,
) -> Result<IdbDatabase, JsValue> {
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or(JsValue::NULL)?;
    let request: IdbOpenDbRequest = factory.open_with_u32(name, version)?;
    let upgrading = request.clone();
    request.set_onupgradeneeded(Some(
        &wasm_bindgen::closure::Closure::once_into_js(move |_: web_sys::Event| {
            if let Ok(result) = upgrading.result() {
                let db: IdbDatabase = result.unchecked_into();
                if !db.object_store_names().contains(store) {
                    let _ = db.create_object_store(store);
                }
            }
        })
        .unchecked_into(),
    ));
    Ok(finished(&request).await?.unchecked_into())
}

fn transaction(
    db: &IdbDatabase,
    mode: IdbTransactionMode,
    doing: &str,
) -> Result<(IdbTransaction, web_sys::IdbObjectStore), StoreError> {
    let transaction = db
        .transaction_with_str_and_mode(STORE, mode)
        .map_err(|e| StoreError::from_js(doing, e))?;
    let store = transaction
        .object_store(STORE)
        .map_err(|e| StoreError::from_js(doing, e))?;
    Ok((transaction, store))
}

/// A stored record this build cannot read: what to tell the reader, and the
/// record as JSON text, to export (it stays in the store untouched).
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable {
    pub message: String,
    pub raw: String,
}

/// Every stored story, and the records that are not stories this build can
/// read (left in the store as they are).
pub async fn list() -> Result<(Vec<StoredStory>, Vec<Unreadable>), StoreError> {
    let doing = "read the stories saved on this device";
    let db = open(doing).await?;
    let (_, store) = transaction(&db, IdbTransactionMode::Readonly, doing)?;
    let request = store.get_all().map_err(|e| StoreError::from_js(doing, e))?;
    let values = finished(&request)
        .await
        .map_err(|e| StoreError::from_js(doing, e))?;
    db.close();
    let mut stories = Vec::new();
    let mut problems = Vec::new();
    for value in js_sys::Array::from(&values).iter() {
        match record(&value) {
            Some(story) => stories.push(story),
            None => problems.push(Unreadable {
                message: "A saved record is not a story this version of Parallax can read; it was left as it is.".to_string(),
                raw: js_sys::JSON::stringify(&value)
                    .ok()
                    .and_then(|s| s.as_string())
                    .unwrap_or_default(),
            }),
        }
    }
    Ok((stories, problems))
}

/// One story by id, if this device has it.
pub async fn get(id: &str) -> Result<Option<StoredStory>, StoreError> {
    let doing = "open the story saved on this device";
    let db = open(doing).await?;
    let (_, store) = transaction(&db, IdbTransactionMode::Readonly, doing)?;
    let request = store
        .get(&JsValue::from_str(id))
        .map_err(|e| StoreError::from_js(doing, e))?;
    let value = finished(&request)
        .await
        .map_err(|e| StoreError::from_js(doing, e))?;
    db.close();
    if value.is_undefined() {
        return Ok(None);
    }
    record(&value).map(Some).ok_or_else(|| {
        StoreError(format!(
            "The saved story “{id}” is damaged or from an unknown version; it was left as it is."
        ))
    })
}

/// Saves (adds or replaces) a story and waits until it is on disk.
pub async fn put(story: &StoredStory) -> Result<(), StoreError> {
    let doing = "save the story on this device";
    let db = open(doing).await?;
    let (transaction, store) = transaction(&db, IdbTransactionMode::Readwrite, doing)?;
    let value = Object::new();
    let _ = Reflect::set(&value, &"id".into(), &JsValue::from_str(&story.id));
    let _ = Reflect::set(&value, &"updated".into(), &JsValue::from_f64(story.updated));
    let _ = Reflect::set(&value, &"story".into(), &JsValue::from_str(&story.json));
    store
        .put_with_key(&value, &JsValue::from_str(&story.id))
        .map_err(|e| StoreError::from_js(doing, e))?;
    commit(db, &transaction, doing).await
}

/// Deletes a story and waits until it is gone.
pub async fn delete(id: &str) -> Result<(), StoreError> {
    let doing = "delete the story";
    let db = open(doing).await?;
    let (transaction, store) = transaction(&db, IdbTransactionMode::Readwrite, doing)?;
    store
        .delete(&JsValue::from_str(id))
        .map_err(|e| StoreError::from_js(doing, e))?;
    commit(db, &transaction, doing).await
}

/// Waits for a write to reach the disk, then closes the database.
async fn commit(
    db: IdbDatabase,
    transaction: &IdbTransaction,
    doing: &str,
) -> Result<(), StoreError> {
    let result = committed(transaction)
        .await
        .map_err(|e| StoreError::from_js(doing, e));
    db.close();
    result
}

fn record(value: &JsValue) -> Option<StoredStory> {
    let field = |name: &str| Reflect::get(value, &name.into()).ok();
    Some(StoredStory {
        id: field("id")?.as_string()?,
        updated: field("updated")?.as_f64()?,
        json: field("story")?.as_string()?,
    })
}

/// Now, in milliseconds since 1970 (for `updated`).
pub fn now() -> f64 {
    js_sys::Date::now()
}
