//! What Gapmap keeps in local storage, as text: one envelope per assessment
//! and a small index of them. Pure: no browser here, so it is tested natively.
//!
//! An envelope wraps an assessment's canonical file text with the storage
//! format version, a revision number that every save raises by one, and the
//! save time. The index lists each assessment with the numbers the library
//! shows, so the library opens without reading every assessment; it is a
//! cache, and can always be rebuilt from the envelopes. Each line of the
//! index also keeps the assessment's portfolio line ([`PortfolioLine`]),
//! so that the portfolio of the whole library is built from the index
//! alone; the library's first screen reads past it without decoding it.
//! A line's numbers are as of the day the caller gives (the app's today
//! when it saves or rebuilds the index), the acceptances expired by then
//! counting as missing: this file reads no clock.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::core::numbers::portfolio::{day_of_millis, PortfolioEntry};
use crate::core::{self, format, summarize_as_of, Assessment, Summary};

/// The version of the storage layout (not of the file format, which the
/// assessment inside carries itself).
pub const STORAGE_VERSION: u32 = 1;

/// Every key Gapmap writes starts with this.
pub const PREFIX: &str = "gapmap:";

/// The key of the library index.
pub const INDEX_KEY: &str = "gapmap:index";

/// The prefix of each assessment's key; the assessment id follows it.
pub const ASSESSMENT_PREFIX: &str = "gapmap:assessment:";

/// The key under which the assessment with this id is stored.
pub fn assessment_key(id: &str) -> String {
    format!("{ASSESSMENT_PREFIX}{id}")
}

/// The envelope's header, as read back.
#[derive(Deserialize)]
struct EnvelopeIn<'a> {
    storage: u32,
    revision: u64,
    saved_at: f64,
    #[serde(borrow)]
    assessment: &'a RawValue,
}

/// An assessment read back from storage.
#[derive(Clone, Debug, PartialEq)]
pub struct Stored {
    pub assessment: Assessment,
    pub revision: u64,
    /// Milliseconds since the Unix epoch.
    pub saved_at: f64,
}

/// Why a stored entry cannot be opened for editing.
#[derive(Clone, Debug, PartialEq)]
pub enum Unreadable {
    /// Written by a newer Gapmap: shown read-only, never overwritten.
    TooNew { message: String, revision: u64 },
    /// Not an envelope, or an assessment with problems: never overwritten.
    Damaged { message: String },
}

/// Wraps an assessment for storage.
pub fn seal(assessment: &Assessment, revision: u64, saved_at: f64) -> String {
    seal_text(&format::save(assessment), revision, saved_at)
}

/// Wraps an assessment's canonical file text for storage, without reading
/// it: for a text known to be canonical (the built-in example, which
/// seeding stores without the core), `seal_text(&format::save(a), ..)` is
/// `seal(a, ..)`.
pub fn seal_text(canonical: &str, revision: u64, saved_at: f64) -> String {
    format!(
        "{{\"storage\":{STORAGE_VERSION},\"revision\":{revision},\"saved_at\":{saved_at},\"assessment\":{}}}",
        canonical.trim_end()
    )
}

/// The few fields of an assessment file that the library lists, read
/// without the core (no decoding, no checks): unknown fields are skipped.
#[derive(Deserialize)]
struct QuickFile {
    #[serde(default)]
    id: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    system: String,
    #[serde(default)]
    assessed_on: Option<String>,
}

/// An envelope read as far as the library's quick line needs.
#[derive(Deserialize)]
struct QuickEnvelope {
    storage: u32,
    revision: u64,
    saved_at: f64,
    assessment: QuickFile,
}

/// The id of an assessment file, read without the core.
pub fn file_id(text: &str) -> Option<String> {
    serde_json::from_str::<QuickFile>(text).ok().map(|file| file.id).filter(|id| !id.is_empty())
}

/// The title of the assessment in an envelope, read without the core.
pub fn quick_title(text: &str) -> Option<String> {
    serde_json::from_str::<QuickEnvelope>(text).ok().map(|envelope| envelope.assessment.title)
}

/// Reads the revision of an envelope without decoding the assessment.
pub fn revision_of(text: &str) -> Option<u64> {
    stamp_of(text).map(|(revision, _)| revision)
}

/// Reads the revision and the save time of an envelope without decoding the
/// assessment. Two tabs that save the same revision at the same moment write
/// the same revision number; the save time tells their saves apart.
pub fn stamp_of(text: &str) -> Option<(u64, f64)> {
    serde_json::from_str::<EnvelopeIn>(text).ok().map(|e| (e.revision, e.saved_at))
}

/// Opens an envelope.
pub fn open(text: &str) -> Result<Stored, Unreadable> {
    let envelope: EnvelopeIn = serde_json::from_str(text).map_err(not_an_envelope)?;
    if envelope.storage > STORAGE_VERSION {
        return Err(newer_storage(envelope.storage, envelope.revision));
    }
    // Only what cannot be read makes an entry unreadable. An assessment saved
    // mid-edit may well have validation problems (a cost not named yet): the
    // overview lists them to fix, and refusing the entry would lock the user
    // out of their own work.
    match format::read(envelope.assessment.get().as_bytes()) {
        Ok((assessment, _problems)) => {
            Ok(Stored { assessment, revision: envelope.revision, saved_at: envelope.saved_at })
        }
        Err(core::LoadError { kind: core::LoadErrorKind::TooNew { version }, .. }) => Err(Unreadable::TooNew {
            message: format!(
                "Saved by a newer Gapmap (format version {version}); this one reads up to {}.",
                core::model::VERSION
            ),
            revision: envelope.revision,
        }),
        Err(error) => Err(Unreadable::Damaged { message: error.to_string() }),
    }
}

/// Why a text that is no envelope cannot be opened.
fn not_an_envelope(error: serde_json::Error) -> Unreadable {
    Unreadable::Damaged { message: format!("The saved entry is not readable: {error}.") }
}

/// Why an envelope of a newer storage version is only shown.
fn newer_storage(storage: u32, revision: u64) -> Unreadable {
    Unreadable::TooNew {
        message: format!(
            "Saved by a newer Gapmap (storage version {storage}); this one reads up to {STORAGE_VERSION}."
        ),
        revision,
    }
}

/// Opens an entry written by a newer Gapmap as far as this one understands
/// it, to be shown read-only (never saved: what this version does not know
/// would be lost). `None` when even that is impossible.
pub fn open_read_only(text: &str) -> Option<Stored> {
    let envelope: EnvelopeIn = serde_json::from_str(text).ok()?;
    let assessment = format::read_newer(envelope.assessment.get().as_bytes())?;
    Some(Stored { assessment, revision: envelope.revision, saved_at: envelope.saved_at })
}

/// The assessment's file inside an envelope, byte for byte as it was stored
/// (with a final newline, as saved files end). A read-only assessment is
/// exported this way: decoding and saving it again would drop, or reset to
/// defaults, what only the newer Gapmap that wrote it knows. `None` when the
/// text is not an envelope.
pub fn stored_file(text: &str) -> Option<String> {
    let envelope: EnvelopeIn = serde_json::from_str(text).ok()?;
    Some(format!("{}\n", envelope.assessment.get()))
}

/// The numbers of a library line (see [`Entry`]), worked out ahead of time.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Figures {
    pub overall: Option<f64>,
    pub level: Option<&'static str>,
    pub blockers: usize,
}

/// One assessment as the library lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub system: String,
    #[serde(default)]
    pub assessed_on: Option<String>,
    #[serde(default)]
    pub overall: Option<f64>,
    #[serde(default)]
    pub level: Option<String>,
    #[serde(default)]
    pub blockers: usize,
    #[serde(default)]
    pub revision: u64,
    /// Milliseconds since the Unix epoch.
    #[serde(default)]
    pub saved_at: f64,
    /// Set when the stored entry cannot be edited: why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unreadable: Option<String>,
    /// The entry can be shown but not changed (written by a newer Gapmap).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub read_only: bool,
    /// Its portfolio line; `None` in lines written before the portfolio
    /// existed, and in lines made without the core, until the portfolio
    /// fills it in (`storage::local::portfolio_entries`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub portfolio: Option<PortfolioLine>,
    /// A quick line ([`Entry::quick`]): overall, level and blockers are not
    /// computed yet. Never in the index.
    #[serde(skip)]
    pub pending: bool,
}

impl Entry {
    /// The library's line for an assessment just saved, its numbers as of
    /// the day `as_of` (`YYYY-MM-DD`).
    pub fn of(assessment: &Assessment, revision: u64, saved_at: f64, as_of: &str) -> Self {
        Entry::of_summary(assessment, &summarize_as_of(assessment, as_of), revision, saved_at)
    }

    /// The index's line for an assessment just saved: [`Entry::of`] with its
    /// portfolio line, both as of the day `as_of`.
    pub fn indexed(assessment: &Assessment, revision: u64, saved_at: f64, as_of: &str) -> Self {
        let summary = summarize_as_of(assessment, as_of);
        let line = PortfolioEntry::from_summary(assessment, &summary, day_of_millis(saved_at));
        Entry { portfolio: PortfolioLine::of(&line), ..Entry::of_summary(assessment, &summary, revision, saved_at) }
    }

    /// The index's line for a stored entry, as of the day `as_of`:
    /// [`Entry::from_stored`] with its portfolio line when the entry can be read.
    pub fn indexed_from_stored(id: &str, text: &str, as_of: &str) -> Self {
        match open(text) {
            Ok(stored) => Entry::indexed(&stored.assessment, stored.revision, stored.saved_at, as_of),
            Err(_) => Entry::from_stored(id, text, as_of),
        }
    }

    fn of_summary(assessment: &Assessment, summary: &Summary, revision: u64, saved_at: f64) -> Self {
        Entry {
            id: assessment.id.clone(),
            title: assessment.title.clone(),
            system: assessment.system.clone(),
            assessed_on: assessment.assessed_on.clone(),
            overall: summary.overall,
            level: summary.level.clone(),
            blockers: summary.blockers.len(),
            revision,
            saved_at,
            unreadable: None,
            read_only: false,
            portfolio: None,
            pending: false,
        }
    }

    /// The library's line for a stored entry, read without the core: what
    /// the envelope says (title, system, date, revision, save time), with
    /// the numbers left to [`Entry::from_stored`] (`pending`). An envelope
    /// that is no JSON, or written by a newer storage version, is listed as
    /// `from_stored` lists it; what only decoding finds is left to that.
    pub fn quick(id: &str, text: &str) -> Self {
        let unknown = |title: String, revision: u64, saved_at: f64| Entry {
            pending: true,
            ..Entry::bare(id, title, revision, saved_at)
        };
        // One parse for the usual envelope; the header alone only when that fails.
        if let Ok(envelope) = serde_json::from_str::<QuickEnvelope>(text) {
            if envelope.storage > STORAGE_VERSION {
                let why = newer_storage(envelope.storage, envelope.revision);
                return Entry::unreadable(id, envelope.assessment.title, why);
            }
            return Entry {
                system: envelope.assessment.system,
                assessed_on: envelope.assessment.assessed_on,
                ..unknown(envelope.assessment.title, envelope.revision, envelope.saved_at)
            };
        }
        match serde_json::from_str::<EnvelopeIn>(text) {
            Err(error) => Entry::unreadable(id, id.to_string(), not_an_envelope(error)),
            Ok(header) if header.storage > STORAGE_VERSION => {
                Entry::unreadable(id, id.to_string(), newer_storage(header.storage, header.revision))
            }
            // A field of an unexpected type: the full reading says what is wrong.
            Ok(header) => unknown(id.to_string(), header.revision, header.saved_at),
        }
    }

    /// The library's line for a stored entry, read from its text, its
    /// numbers as of the day `as_of`.
    pub fn from_stored(id: &str, text: &str, as_of: &str) -> Self {
        match open(text) {
            Ok(stored) => Entry::of(&stored.assessment, stored.revision, stored.saved_at, as_of),
            Err(unreadable) => {
                // A newer entry can still show its title; a damaged one shows its id.
                let readable = match unreadable {
                    Unreadable::TooNew { .. } => open_read_only(text),
                    Unreadable::Damaged { .. } => None,
                };
                Entry::unreadable(id, readable.map_or_else(|| id.to_string(), |s| s.assessment.title), unreadable)
            }
        }
    }

    /// The line of an entry that cannot be edited, under `title`.
    fn unreadable(id: &str, title: String, why: Unreadable) -> Self {
        let (message, read_only, revision) = match why {
            Unreadable::TooNew { message, revision } => (message, true, revision),
            Unreadable::Damaged { message } => (message, false, 0),
        };
        Entry { unreadable: Some(message), read_only, ..Entry::bare(id, title, revision, 0.0) }
    }

    /// A line with a title and nothing else known.
    fn bare(id: &str, title: String, revision: u64, saved_at: f64) -> Self {
        Entry {
            id: id.to_string(),
            title,
            system: String::new(),
            assessed_on: None,
            overall: None,
            level: None,
            blockers: 0,
            revision,
            saved_at,
            unreadable: None,
            read_only: false,
            portfolio: None,
            pending: false,
        }
    }
}

/// An assessment's [`PortfolioEntry`] as kept in the index: its JSON, as a
/// string, read back only by the portfolio. A string, not raw JSON, because
/// the library's first screen reads and writes the index: strings it
/// handles already, where raw JSON would add code to the first load.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PortfolioLine(String);

impl PortfolioLine {
    /// The line of `entry`; `None` if it cannot be written (it always can).
    pub fn of(entry: &PortfolioEntry) -> Option<Self> {
        serde_json::to_string(entry).ok().map(PortfolioLine)
    }

    /// The portfolio entry; `None` for a line this version cannot read (an
    /// index written by another version), which is then made again.
    pub fn read(&self) -> Option<PortfolioEntry> {
        serde_json::from_str(&self.0).ok()
    }
}

#[derive(Serialize, Deserialize)]
struct Index {
    storage: u32,
    entries: Vec<Entry>,
}

/// The index's text.
pub fn seal_index(entries: &[Entry]) -> String {
    serde_json::to_string(&Index { storage: STORAGE_VERSION, entries: entries.to_vec() }).unwrap_or_default()
}

/// Reads the index; `None` when it is missing, damaged or too new (then it is rebuilt).
pub fn open_index(text: &str) -> Option<Vec<Entry>> {
    let index: Index = serde_json::from_str(text).ok()?;
    (index.storage <= STORAGE_VERSION).then_some(index.entries)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Category;

    /// How a saved file of this version states its version.
    const CURRENT: &str = "\"version\": 2";

    /// The day the lines' numbers are for (nothing in these samples expires).
    const DAY: &str = "2025-01-01";

    #[test]
    fn current_is_the_version_saved() {
        assert!(format::save(&sample()).contains(CURRENT));
    }

    fn sample() -> Assessment {
        let mut a = Assessment::new("a1", "Payments API");
        a.categories.push(Category::new("sec", "Security"));
        a
    }

    #[test]
    fn an_envelope_opens_to_what_was_sealed() {
        let text = seal(&sample(), 7, 1_700_000_000_000.0);
        let stored = open(&text).expect("opens");
        assert_eq!(stored.assessment, sample());
        assert_eq!(stored.revision, 7);
        assert_eq!(stored.saved_at, 1_700_000_000_000.0);
        assert_eq!(revision_of(&text), Some(7));
        assert_eq!(stamp_of(&text), Some((7, 1_700_000_000_000.0)));
        assert_eq!(stamp_of("{\"revision\": 7}"), None);
    }

    #[test]
    fn an_assessment_with_validation_problems_still_opens() {
        // Regression: an unnamed cost, saved mid-edit, locked the assessment.
        let mut a = sample();
        a.categories[0].name = String::new();
        let stored = open(&seal(&a, 2, 0.0)).expect("opens despite its problems");
        assert_eq!(stored.assessment, a);
    }

    #[test]
    fn garbage_is_damaged_not_a_panic() {
        for text in
            ["", "{", "null", "{\"storage\":1}", "{\"storage\":1,\"revision\":1,\"saved_at\":0,\"assessment\":{}}"]
        {
            assert!(matches!(open(text), Err(Unreadable::Damaged { .. })), "{text}");
        }
    }

    #[test]
    fn newer_storage_or_format_is_too_new() {
        let newer_storage = seal(&sample(), 1, 0.0).replacen("\"storage\":1", "\"storage\":2", 1);
        assert!(matches!(open(&newer_storage), Err(Unreadable::TooNew { .. })));
        let newer_format = seal(&sample(), 1, 0.0).replacen(CURRENT, "\"version\": 9", 1);
        assert!(matches!(open(&newer_format), Err(Unreadable::TooNew { .. })));
        let entry = Entry::from_stored("a1", &newer_format, DAY);
        assert!(entry.read_only && entry.unreadable.is_some());
        assert_eq!(entry.title, "Payments API");
    }

    #[test]
    fn a_newer_entry_opens_read_only_with_what_this_version_knows() {
        // A future version adds a field and bumps the format version.
        let newer = seal(&sample(), 4, 9.0).replacen(CURRENT, "\"version\": 9", 1).replacen(
            "\"title\"",
            "\"x-future\": {\"deep\": [1, 2]},\n  \"title\"",
            1,
        );
        assert!(matches!(open(&newer), Err(Unreadable::TooNew { .. })));
        let stored = open_read_only(&newer).expect("readable as far as known");
        assert_eq!(stored.assessment.title, "Payments API");
        assert_eq!(stored.assessment.categories, sample().categories);
        assert_eq!(stored.revision, 4);
        let newer_storage = seal(&sample(), 2, 0.0).replacen("\"storage\":1", "\"storage\":5", 1);
        assert_eq!(open_read_only(&newer_storage).map(|s| s.assessment), Some(sample()));
        for garbage in ["", "{", "{\"storage\":9,\"revision\":1,\"saved_at\":0,\"assessment\":[]}"] {
            assert_eq!(open_read_only(garbage), None, "{garbage}");
        }
    }

    #[test]
    fn a_newer_entry_exports_its_file_byte_for_byte() {
        // Regression: a read-only assessment was exported as this version
        // decoded it, with the newer fields dropped and version 1 written.
        let newer = seal(&sample(), 4, 9.0).replacen(CURRENT, "\"version\": 9", 1).replacen(
            "\"title\"",
            "\"x-future\": {\"deep\": [1, 2]},\n  \"title\"",
            1,
        );
        let file = stored_file(&newer).expect("an envelope");
        let inner = format::save(&sample()).replacen(CURRENT, "\"version\": 9", 1).replacen(
            "\"title\"",
            "\"x-future\": {\"deep\": [1, 2]},\n  \"title\"",
            1,
        );
        assert_eq!(file, inner);
        assert!(file.contains("\"x-future\": {\"deep\": [1, 2]}") && file.contains("\"version\": 9"));
        // A current entry gives its canonical file.
        assert_eq!(stored_file(&seal(&sample(), 1, 0.0)), Some(format::save(&sample())));
        for garbage in ["", "{", "{\"storage\":1}"] {
            assert_eq!(stored_file(garbage), None, "{garbage}");
        }
    }

    #[test]
    fn seal_text_of_the_canonical_text_is_seal() {
        let canonical = format::save(&sample());
        assert_eq!(seal_text(&canonical, 3, 1.5), seal(&sample(), 3, 1.5));
        assert_eq!(file_id(&canonical).as_deref(), Some("a1"));
        assert_eq!(file_id("{\"title\": \"no id\"}"), None);
        assert_eq!(file_id("not json"), None);
    }

    #[test]
    fn a_quick_entry_lists_the_envelope_without_its_numbers() {
        let mut a = sample();
        a.system = "payments".into();
        a.assessed_on = Some("2026-01-02".into());
        let text = seal(&a, 5, 42.0);
        let quick = Entry::quick("a1", &text);
        let full = Entry::from_stored("a1", &text, DAY);
        assert!(quick.pending && !full.pending);
        assert_eq!((quick.overall, quick.level.as_deref(), quick.blockers), (None, None, 0));
        // Everything else is what the full reading lists.
        assert_eq!(Entry { overall: full.overall, level: full.level.clone(), pending: false, ..quick.clone() }, full);
        assert_eq!(quick_title(&text).as_deref(), Some("Payments API"));
        // Never written into the index: a quick line read back is no longer pending.
        let back = open_index(&seal_index(&[quick])).expect("an index");
        assert!(!back[0].pending);
    }

    #[test]
    fn a_quick_entry_of_what_cannot_be_read_is_listed_as_the_full_reading_lists_it() {
        let newer_storage = seal(&sample(), 2, 0.0).replacen("\"storage\":1", "\"storage\":5", 1);
        for text in ["", "{", "null", "{\"storage\":1}", newer_storage.as_str()] {
            let quick = Entry::quick("x", text);
            assert_eq!(quick, Entry::from_stored("x", text, DAY), "{text}");
            assert!(quick.unreadable.is_some() && !quick.pending, "{text}");
        }
        // What only decoding finds (a newer format, a missing title) waits for the full reading.
        let newer_format = seal(&sample(), 1, 0.0).replacen(CURRENT, "\"version\": 9", 1);
        let quick = Entry::quick("a1", &newer_format);
        assert!(quick.pending && quick.unreadable.is_none());
        assert_eq!(quick.title, "Payments API");
        let odd = "{\"storage\":1,\"revision\":3,\"saved_at\":7,\"assessment\":{\"title\":[1]}}";
        let quick = Entry::quick("odd", odd);
        assert!(quick.pending);
        assert_eq!((quick.title.as_str(), quick.revision, quick.saved_at), ("odd", 3, 7.0));
        assert!(Entry::from_stored("odd", odd, DAY).unreadable.is_some());
    }

    #[test]
    fn the_index_round_trips_and_rejects_garbage() {
        let entries = vec![Entry::of(&sample(), 3, 5.0, DAY)];
        assert_eq!(open_index(&seal_index(&entries)), Some(entries));
        assert_eq!(open_index("not json"), None);
        assert_eq!(open_index("{\"storage\":99,\"entries\":[]}"), None);
    }
}
