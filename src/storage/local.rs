//! The layer over `window.localStorage`: availability, reads, verified
//! writes, revisions, the index, and quota errors in every browser's spelling.
//! What writes the index's lines takes the day their numbers are for from
//! its caller (the app's today), as `envelope` does.

use gloo_storage::{LocalStorage, Storage as _};
use wasm_bindgen::JsCast;

use super::envelope::{self, assessment_key, Entry, Figures, Stored, Unreadable, ASSESSMENT_PREFIX, INDEX_KEY, PREFIX};
use super::StorageError;
use crate::core::Assessment;

/// Where entries live: the browser's local storage, or, when the browser
/// gives none, a map in memory that lasts as long as the page.
enum Backend {
    Browser(web_sys::Storage),
    Memory,
}

thread_local! {
    static MEMORY: std::cell::RefCell<std::collections::BTreeMap<String, String>> = Default::default();
}

/// The browser's storage, if it gives one. gloo-storage panics when
/// `localStorage` is missing, so every use goes through here.
fn browser_storage() -> Option<web_sys::Storage> {
    let window = web_sys::window()?;
    // Reading the property itself throws in some sandboxed and file:// pages.
    match window.local_storage() {
        Ok(Some(_)) => Some(LocalStorage::raw()),
        _ => None,
    }
}

/// The browser's storage whenever it gives one, even a full one: what is
/// in it must stay readable and exportable; writes then fail with
/// `QuotaExceeded`. Memory only when there is no storage at all.
fn backend() -> Backend {
    match browser_storage() {
        Some(storage) => Backend::Browser(storage),
        None => Backend::Memory,
    }
}

/// Whether local storage works here: present, and accepting a write. When it
/// does not, entries are kept in memory only. Checked once per page.
pub fn is_available() -> bool {
    thread_local! {
        static AVAILABLE: bool = browser_storage().is_some_and(|storage| {
            let probe = format!("{PREFIX}probe");
            let ok = storage.set_item(&probe, "1").is_ok();
            let _ = storage.remove_item(&probe);
            ok
        });
    }
    AVAILABLE.with(|available| *available)
}

/// Maps a browser's refusal of a write to an error: quota exceeded in every
/// browser's spelling, or anything else as a failure.
fn write_error(error: wasm_bindgen::JsValue) -> StorageError {
    if let Some(exception) = error.dyn_ref::<web_sys::DomException>() {
        let name = exception.name();
        if super::is_quota_error(&name, exception.code()) {
            return StorageError::QuotaExceeded;
        }
        return StorageError::Failed(format!("{name}: {}", exception.message()));
    }
    StorageError::Failed(format!("{error:?}"))
}

fn get(key: &str) -> Result<Option<String>, StorageError> {
    match backend() {
        Backend::Browser(storage) => storage.get_item(key).map_err(|e| StorageError::Failed(format!("{e:?}"))),
        Backend::Memory => Ok(MEMORY.with(|m| m.borrow().get(key).cloned())),
    }
}

/// Writes `text` under `key` and reads it back. A write that does not read
/// back as written (the storage kept a damaged or partial copy) puts the
/// text the key held before back, so that the last good save survives it.
fn put(key: &str, text: &str) -> Result<(), StorageError> {
    match backend() {
        Backend::Browser(storage) => {
            let before = storage.get_item(key).ok().flatten();
            storage.set_item(key, text).map_err(write_error)?;
            match storage.get_item(key) {
                Ok(Some(back)) if back == text => Ok(()),
                _ => {
                    // Best effort: the storage just failed a write, and may
                    // fail this one too; the error below is said either way.
                    let _ = match &before {
                        Some(previous) => storage.set_item(key, previous),
                        None => storage.remove_item(key),
                    };
                    Err(StorageError::Failed("the saved text did not read back as written".to_string()))
                }
            }
        }
        Backend::Memory => {
            MEMORY.with(|m| m.borrow_mut().insert(key.to_string(), text.to_string()));
            Ok(())
        }
    }
}

fn delete(key: &str) -> Result<(), StorageError> {
    match backend() {
        Backend::Browser(storage) => storage.remove_item(key).map_err(|e| StorageError::Failed(format!("{e:?}"))),
        Backend::Memory => {
            MEMORY.with(|m| m.borrow_mut().remove(key));
            Ok(())
        }
    }
}

/// Every Gapmap key, without reading the texts.
fn keys() -> Vec<String> {
    match backend() {
        Backend::Browser(storage) => {
            let count = storage.length().unwrap_or(0);
            (0..count).filter_map(|i| storage.key(i).ok().flatten()).filter(|key| key.starts_with(PREFIX)).collect()
        }
        Backend::Memory => MEMORY.with(|m| m.borrow().keys().cloned().collect()),
    }
}

/// Every Gapmap key, with its text.
fn all() -> Vec<(String, String)> {
    match backend() {
        Backend::Browser(storage) => {
            let count = storage.length().unwrap_or(0);
            (0..count)
                .filter_map(|i| storage.key(i).ok().flatten())
                .filter(|key| key.starts_with(PREFIX))
                .filter_map(|key| storage.get_item(&key).ok().flatten().map(|value| (key, value)))
                .collect()
        }
        Backend::Memory => MEMORY.with(|m| m.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect()),
    }
}

/// The stored text of an assessment, exactly as it is (for "download raw").
pub fn raw(id: &str) -> Result<Option<String>, StorageError> {
    get(&assessment_key(id))
}

/// Opens a stored assessment.
pub fn open(id: &str) -> Result<Option<Result<Stored, Unreadable>>, StorageError> {
    Ok(get(&assessment_key(id))?.map(|text| envelope::open(&text)))
}

/// Saves an assessment that was opened at revision `base` (0 for a new one),
/// and returns its new revision; its line in the index has its numbers as of
/// the day `as_of`. Refuses to overwrite a newer revision saved by another
/// tab, or an entry that cannot be read.
pub fn save(assessment: &Assessment, base: u64, as_of: &str) -> Result<u64, StorageError> {
    save_over(assessment, base, None, as_of).map(|(revision, _)| revision)
}

/// Like [`save`], and stricter: when `base_saved_at` is given, the stored
/// entry must also carry that save time, or the save is refused as a
/// conflict. Local storage has no transactions: two tabs saving at the same
/// moment can both read revision 1 and both write revision 2, the second
/// over the first; the save time tells the two apart, so the tab whose save
/// was overwritten finds out (at its next save, or from the `storage` event)
/// instead of overwriting in turn. Returns the new revision and save time.
pub fn save_over(
    assessment: &Assessment,
    base: u64,
    base_saved_at: Option<f64>,
    as_of: &str,
) -> Result<(u64, f64), StorageError> {
    let key = assessment_key(&assessment.id);
    if let Some(existing) = get(&key)? {
        match envelope::stamp_of(&existing) {
            Some((stored, _)) if stored > base => return Err(StorageError::Conflict { stored, base }),
            Some((stored, saved_at)) if base_saved_at.is_some_and(|expected| expected != saved_at) => {
                return Err(StorageError::Conflict { stored, base })
            }
            Some(_) => {
                if let Err(unreadable) = envelope::open(&existing) {
                    return Err(StorageError::Protected(match unreadable {
                        Unreadable::TooNew { message, .. } | Unreadable::Damaged { message } => message,
                    }));
                }
            }
            None => return Err(StorageError::Protected("it is not a readable Gapmap entry".to_string())),
        }
    }
    let revision = base + 1;
    let now = js_sys::Date::now();
    // Read while it still matches the entries: after the write below, the
    // saved entry's revision would make it look stale.
    let index = indexed(&assessment_ids());
    put(&key, &envelope::seal(assessment, revision, now))?;
    // The entry is saved: that is what counts. The index is a cache; if it
    // cannot be written it is dropped, and rebuilt from the entries next time.
    let entries = match index {
        Ok(Some(entries)) => Ok(entries),
        _ => entries(as_of),
    };
    match entries {
        Ok(mut entries) => {
            let entry = Entry::indexed(assessment, revision, now, as_of);
            match entries.iter_mut().find(|e| e.id == entry.id) {
                Some(existing) => *existing = entry,
                None => entries.push(entry),
            }
            write_index(&entries);
        }
        Err(_) => {
            let _ = delete(INDEX_KEY);
        }
    }
    Ok((revision, now))
}

/// Writes the index; one that cannot be written is dropped, to be rebuilt
/// from the entries next time (it is a cache: the entries are what counts).
fn write_index(entries: &[Entry]) {
    if put(INDEX_KEY, &envelope::seal_index(entries)).is_err() {
        let _ = delete(INDEX_KEY);
    }
}

/// The revision and save time of a stored assessment, without decoding it.
pub fn stamp(id: &str) -> Option<(u64, f64)> {
    get(&assessment_key(id)).ok().flatten().and_then(|text| envelope::stamp_of(&text))
}

/// Removes an assessment, and its line from the index when the index is
/// trusted; an index that is not is left to its next rebuild. Once the
/// entry is gone the removal has happened (and may be undone): an index
/// that cannot be rewritten is dropped, to be rebuilt, not reported.
pub fn remove(id: &str) -> Result<(), StorageError> {
    let index = indexed(&assessment_ids())?;
    delete(&assessment_key(id))?;
    if let Some(mut entries) = index {
        entries.retain(|e| e.id != id);
        write_index(&entries);
    }
    Ok(())
}

/// Puts back, byte for byte, the stored text of an assessment removed a
/// moment ago (the undo of a delete), with its library line `entry` in the
/// index when both are trusted. `Ok(false)`, and nothing written, when
/// something was saved under the id since.
pub fn restore(id: &str, text: &str, entry: Option<Entry>) -> Result<bool, StorageError> {
    let key = assessment_key(id);
    if get(&key)?.is_some() {
        return Ok(false);
    }
    let index = indexed(&assessment_ids())?;
    put(&key, text)?;
    let entry = entry.filter(|e| e.id == id && !e.pending && Some(e.revision) == envelope::revision_of(text));
    if let (Some(mut entries), Some(entry)) = (index, entry) {
        entries.push(entry);
        write_index(&entries);
    }
    Ok(true)
}

/// Stores the built-in example on a first run: its canonical file text,
/// sealed as it is, at revision 1, and its line in the index with its
/// `figures` worked out ahead of time: no core is needed, and the library
/// lists it whole at once. Returns the example's id.
pub fn seed(canonical: &str, figures: Figures) -> Result<String, StorageError> {
    let id = envelope::file_id(canonical).ok_or_else(|| StorageError::Failed("the example has no id".to_string()))?;
    let index = indexed(&assessment_ids())?;
    let text = envelope::seal_text(canonical, 1, js_sys::Date::now());
    put(&assessment_key(&id), &text)?;
    let line = Entry {
        overall: figures.overall,
        level: figures.level.map(str::to_string),
        blockers: figures.blockers,
        pending: false,
        ..Entry::quick(&id, &text)
    };
    if let Some(mut entries) = index.filter(|entries| entries.iter().all(|e| e.id != id)) {
        entries.push(line);
        write_index(&entries);
    }
    Ok(id)
}

/// The stored title of an assessment, read without the core.
pub fn stored_title(id: &str) -> Option<String> {
    get(&assessment_key(id)).ok().flatten().and_then(|text| envelope::quick_title(&text))
}

/// The ids of every stored assessment.
fn assessment_ids() -> Vec<String> {
    keys().into_iter().filter_map(|key| key.strip_prefix(ASSESSMENT_PREFIX).map(str::to_string)).collect()
}

/// The index, when it lists exactly the stored entries `ids`, each at its
/// stored revision (a write that failed halfway leaves it behind).
fn indexed(ids: &[String]) -> Result<Option<Vec<Entry>>, StorageError> {
    let Some(entries) = get(INDEX_KEY)?.and_then(|text| envelope::open_index(&text)) else {
        return Ok(None);
    };
    let consistent = entries.len() == ids.len()
        && entries.iter().all(|e| {
            ids.contains(&e.id)
                && (e.unreadable.is_some()
                    || get(&assessment_key(&e.id)).ok().flatten().and_then(|t| envelope::revision_of(&t))
                        == Some(e.revision))
        });
    Ok(consistent.then_some(entries))
}

/// What the library shows at once, without the core.
#[derive(Clone, Debug, PartialEq)]
pub struct Listing {
    /// The index; or, when it does not match the stored entries, each
    /// entry's quick line ([`Entry::quick`]).
    pub entries: Vec<Entry>,
    /// The lines are quick ones: [`entries`] must rebuild the index.
    pub stale: bool,
}

/// The library as it can be listed without the core: the index when it
/// matches the stored entries, else quick lines and `stale`, for
/// [`entries`] to rebuild the index (the app does it behind a door, after
/// the first paint).
pub fn listing() -> Result<Listing, StorageError> {
    let ids = assessment_ids();
    if let Some(entries) = indexed(&ids)? {
        return Ok(Listing { entries, stale: false });
    }
    if ids.is_empty() {
        // Nothing to rebuild from: the empty index is written at once.
        let _ = put(INDEX_KEY, &envelope::seal_index(&[]));
        return Ok(Listing { entries: Vec::new(), stale: false });
    }
    let entries = ids
        .iter()
        .filter_map(|id| get(&assessment_key(id)).ok().flatten().map(|text| Entry::quick(id, &text)))
        .collect();
    Ok(Listing { entries, stale: true })
}

/// The library: every stored assessment, from the index when it matches the
/// stored entries, else rebuilt from them with the core, numbers as of the
/// day `as_of` (and the index rewritten).
pub fn entries(as_of: &str) -> Result<Vec<Entry>, StorageError> {
    let ids = assessment_ids();
    if let Some(entries) = indexed(&ids)? {
        return Ok(entries);
    }
    let entries: Vec<Entry> = ids
        .iter()
        .filter_map(|id| {
            get(&assessment_key(id)).ok().flatten().map(|text| Entry::indexed_from_stored(id, &text, as_of))
        })
        .collect();
    // A failure to rewrite the index is harmless: it is rebuilt next time.
    let _ = put(INDEX_KEY, &envelope::seal_index(&entries));
    Ok(entries)
}

/// The library for the portfolio: [`entries`], with the portfolio line of
/// each readable entry that lacks one (or has one this version cannot
/// read) made from its stored text, as of the day `as_of`, and written into
/// the index. Only those are decoded: an index kept by saves has every line
/// already.
pub fn portfolio_entries(as_of: &str) -> Result<Vec<Entry>, StorageError> {
    let mut entries = entries(as_of)?;
    let mut filled = false;
    for entry in &mut entries {
        let missing = entry.portfolio.as_ref().and_then(|line| line.read()).is_none();
        if missing && entry.unreadable.is_none() {
            if let Some(text) = get(&assessment_key(&entry.id))? {
                *entry = Entry::indexed_from_stored(&entry.id, &text, as_of);
                filled = true;
            }
        }
    }
    if filled {
        write_index(&entries);
    }
    Ok(entries)
}

/// How many bytes Gapmap's keys and values take (local storage counts UTF-16
/// code units, two bytes each).
pub fn used_bytes() -> usize {
    all().iter().map(|(key, value)| (key.encode_utf16().count() + value.encode_utf16().count()) * 2).sum()
}

/// What browsers give a site in local storage: about 5 MB (of UTF-16 text).
pub const BUDGET_BYTES: usize = 5 * 1024 * 1024;

/// Everything Gapmap keeps, as one JSON object of key → stored text: the
/// "download my data" of last resort.
pub fn dump() -> String {
    let map: serde_json::Map<String, serde_json::Value> =
        all().into_iter().map(|(key, value)| (key, value.into())).collect();
    serde_json::to_string_pretty(&map).unwrap_or_default()
}

/// Reads a small app setting (such as whether the example was seeded).
pub fn flag(name: &str) -> Option<String> {
    get(&format!("{PREFIX}{name}")).ok().flatten()
}

/// Writes a small app setting.
pub fn set_flag(name: &str, value: &str) -> Result<(), StorageError> {
    put(&format!("{PREFIX}{name}"), value)
}

/// Records that assessment `id` was exported just now (as its JSON file or
/// in a bundle), for the "last exported" line in Settings.
pub fn mark_exported(id: &str) -> Result<(), StorageError> {
    put(&super::durability::exported_key(id), &js_sys::Date::now().to_string())
}

/// When assessment `id` was last exported (milliseconds since 1970), if ever.
pub fn exported_at(id: &str) -> Option<f64> {
    get(&super::durability::exported_key(id)).ok().flatten().as_deref().and_then(super::durability::parse_exported)
}

/// Keeps `canonical`, the file of assessment `id` as it was just exported
/// or imported, as the base of a later merge. When keeping it would take
/// local storage past [`BUDGET_BYTES`], it is not kept and the base it
/// would have replaced is dropped (it no longer tells what the other copy
/// started from): `Ok(false)`, and a merge says there is no base.
pub fn set_base(id: &str, canonical: &str) -> Result<bool, StorageError> {
    let key = super::durability::base_key(id);
    let old = get(&key)?.map(|text| text.encode_utf16().count());
    let (key_units, new_units) = (key.encode_utf16().count(), canonical.encode_utf16().count());
    if !super::durability::base_fits(used_bytes(), key_units, old, new_units, BUDGET_BYTES) {
        delete(&key)?;
        return Ok(false);
    }
    match put(&key, canonical) {
        Ok(()) => Ok(true),
        // Full after all (the browser's budget is its own): no base.
        Err(StorageError::QuotaExceeded) => {
            delete(&key)?;
            Ok(false)
        }
        Err(error) => Err(error),
    }
}

/// The canonical file of assessment `id` as this browser last exported or
/// imported it, if it was kept (see [`set_base`]).
pub fn base(id: &str) -> Option<String> {
    get(&super::durability::base_key(id)).ok().flatten()
}

/// Deletes the merge bases of assessments no longer stored (deleted, or
/// replaced under another id): each is a whole copy of a file, counted
/// against the budget, that no merge can use any more. Returns how many
/// were deleted; best effort (a key that cannot be deleted stays).
pub fn forget_orphan_bases() -> usize {
    // Keys only: the library reads this at every refresh, and the texts
    // behind the keys (megabytes) are not needed to tell an orphan.
    let keys = keys();
    let stored: Vec<&str> = keys.iter().filter_map(|key| key.strip_prefix(ASSESSMENT_PREFIX)).collect();
    let base_prefix = super::durability::base_key("");
    keys.iter()
        .filter_map(|key| key.strip_prefix(&base_prefix))
        .filter(|id| !stored.contains(id))
        .filter(|id| delete(&super::durability::base_key(id)).is_ok())
        .count()
}
