//! The file format: bytes → a checked [`Assessment`] with its problems, and an
//! assessment → its one canonical text.
//!
//! Reading goes in steps, each of which can only narrow what the next sees:
//! size cap → JSON syntax (with line and column) → is it a Gapmap file, and of
//! which version → migrate older versions to this one → decode every field →
//! validate. Steps up to the version check stop at the first failure, since
//! nothing after them can be trusted; from decoding on, every problem is
//! collected.
//!
//! Saving is canonical: fields in declaration order, unknown keys sorted after
//! them, two-space indentation, integral numbers without a fraction, and a
//! trailing newline; each entry of a milestone's lists is written on one line
//! ([`one_line_each`]). The same assessment therefore always gives the same
//! bytes, and a file kept in git diffs only where it changed.
//!
//! **Architecture Invariant**: `load(save(x)) == x` for every valid `x`, and
//! `save(load(f)) == f` for every canonical file `f`.

use std::collections::HashSet;
use std::fmt;

use serde::Serialize;
use serde_json::{Map, Value};

use self::json::{Document, Entry, Json};
use crate::core::format::validate::{validate, Path, Problem};
use crate::core::model::{Assessment, FORMAT, VERSION};

pub(in crate::core) mod decode;
pub(in crate::core) mod json;
mod migrate;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod share;
pub mod validate;

pub use migrate::{migrate, Migration, MIGRATIONS};

/// The largest file read, in bytes. Local storage holds about 5 MB a site, so
/// nothing real comes near it; it keeps a stray video from freezing the tab.
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;

/// Why a file could not be loaded.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadError {
    pub kind: LoadErrorKind,
    /// Every problem found; at least one.
    pub problems: Vec<Problem>,
}

/// What kind of failure a [`LoadError`] is, for callers that act on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoadErrorKind {
    /// Larger than [`MAX_FILE_BYTES`].
    TooLarge,
    /// Not JSON text, or nested deeper than a parser should follow.
    NotJson,
    /// JSON, but not a Gapmap file.
    NotGapmap,
    /// A Gapmap file of a version newer than this build knows.
    TooNew { version: u64 },
    /// A Gapmap file with problems in its content.
    Invalid,
}

impl LoadError {
    fn single(kind: LoadErrorKind, message: impl Into<String>) -> Self {
        LoadError { kind, problems: vec![Problem::new(Path::root(), message)] }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, problem) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}

/// Reads a file that must be entirely valid: any problem is an error.
pub fn load(bytes: &[u8]) -> Result<Assessment, LoadError> {
    let (assessment, problems) = read(bytes)?;
    if problems.is_empty() {
        Ok(assessment)
    } else {
        Err(LoadError { kind: LoadErrorKind::Invalid, problems })
    }
}

/// Reads a file as far as it can be read: the assessment with every problem
/// in it, or an error when the bytes are not a Gapmap file this build can read.
pub fn read(bytes: &[u8]) -> Result<(Assessment, Vec<Problem>), LoadError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(LoadError::single(
            LoadErrorKind::TooLarge,
            format!(
                "The file is {:.1} MB; Gapmap reads files up to {} MB.",
                bytes.len() as f64 / 1_048_576.0,
                MAX_FILE_BYTES / 1_048_576
            ),
        ));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let document = json::parse(bytes).map_err(json_error)?;
    let Json::Object(run) = document.root() else {
        return Err(LoadError::single(
            LoadErrorKind::NotGapmap,
            "This is JSON, but not a Gapmap file: a Gapmap file is one JSON object.",
        ));
    };
    let mut problems = Vec::new();
    let entries = document.entries(*run);
    let version = check_header(entries, &mut problems)?;
    // A file of the current version is decoded as parsed; an older one is
    // migrated as a `Value` first, the form migration steps are written for.
    let migrated;
    let document = if version < VERSION {
        let mut map: Map<String, Value> = entries.iter().map(|(k, v)| (k.to_string(), document.to_value(v))).collect();
        migrate(&mut map, version, MIGRATIONS)
            .map_err(|problem| LoadError { kind: LoadErrorKind::Invalid, problems: vec![problem] })?;
        migrated = Document::from_value(Value::Object(map));
        &migrated
    } else {
        &document
    };
    let assessment = decode::assessment(document, &mut problems);
    // A value that decoding found missing or mistyped was replaced by its
    // default; validation would only report that default again, at the same
    // path ("title is required" then "needs a title") or below it (a
    // milestone's missing state, then each field the state needs), so one
    // problem is enough.
    let decoded: HashSet<Path> = problems.iter().map(|p| p.path.clone()).collect();
    let reported = |path: &Path| (1..=path.0.len()).any(|n| decoded.contains(&Path(path.0[..n].to_vec())));
    problems.extend(validate(&assessment).into_iter().filter(|p| !reported(&p.path)));
    Ok((assessment, problems))
}

/// Reads a file written by a newer Gapmap as far as this version understands
/// it, so that it can be shown read-only. Fields this version does not know
/// are left out, so what comes back must never be saved over the original.
/// `None` when the bytes are not a Gapmap file at all.
pub fn read_newer(bytes: &[u8]) -> Option<Assessment> {
    if bytes.len() > MAX_FILE_BYTES {
        return None;
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let document = json::parse(bytes).ok()?;
    let Json::Object(run) = document.root() else { return None };
    if !matches!(Document::find(document.entries(*run), "format"), Some(Json::Text(format)) if format == FORMAT) {
        return None;
    }
    let mut problems = Vec::new();
    Some(decode::assessment(&document, &mut problems))
}

/// Turns serde_json's syntax error into a sentence with its line and column.
fn json_error(error: serde_json::Error) -> LoadError {
    let text = error.to_string();
    let message = text.rsplit_once(" at line ").map_or(text.as_str(), |(message, _)| message);
    if message.contains("recursion limit") {
        return LoadError::single(
            LoadErrorKind::NotJson,
            format!(
                "The JSON is nested too deeply to be an assessment (line {}, column {}).",
                error.line(),
                error.column()
            ),
        );
    }
    let message = match error.classify() {
        serde_json::error::Category::Eof => "the text ends in the middle of a value".to_string(),
        _ => message.to_string(),
    };
    LoadError::single(
        LoadErrorKind::NotJson,
        format!("This is not valid JSON: {message} (line {}, column {}).", error.line(), error.column()),
    )
}

/// Checks `format` and `version`; returns the version to migrate from.
fn check_header(document: &[Entry], problems: &mut Vec<Problem>) -> Result<u32, LoadError> {
    match Document::find(document, "format") {
        Some(Json::Text(format)) if format == FORMAT => {}
        Some(Json::Text(other)) => {
            return Err(LoadError::single(
                LoadErrorKind::NotGapmap,
                format!("This is not a Gapmap file: its \"format\" is \"{other}\", not \"{FORMAT}\"."),
            ))
        }
        _ => {
            return Err(LoadError::single(
                LoadErrorKind::NotGapmap,
                format!("This is not a Gapmap file: it has no \"format\": \"{FORMAT}\"."),
            ))
        }
    }
    let path = Path::root().key("version");
    match Document::find(document, "version") {
        None | Some(Json::Null) => {
            problems.push(Problem::new(
                path,
                format!("The field \"version\" is required but missing; read as version {VERSION}."),
            ));
            Ok(VERSION)
        }
        Some(Json::Number(n)) => match n.as_u64() {
            Some(v) if v > u64::from(VERSION) => Err(LoadError {
                kind: LoadErrorKind::TooNew { version: v },
                problems: vec![Problem::new(
                    path,
                    format!(
                        "This file was made by a newer Gapmap (format version {v}); this one reads versions up to {VERSION}. Update Gapmap to open it."
                    ),
                )],
            }),
            Some(v) if v >= 1 => Ok(v as u32),
            _ => Err(LoadError::single(
                LoadErrorKind::NotGapmap,
                format!("The version must be a whole number from 1 to {VERSION}; it is {n}."),
            )),
        },
        Some(_) => Err(LoadError::single(
            LoadErrorKind::NotGapmap,
            format!("The version must be a whole number from 1 to {VERSION}."),
        )),
    }
}

/// The canonical text of an assessment: what Gapmap writes to every file.
pub fn save(assessment: &Assessment) -> String {
    to_canonical_json(assessment)
}

/// Any serializable value in the canonical layout: used for files and for the
/// command line's JSON output alike.
pub fn to_canonical_json<T: Serialize + ?Sized>(value: &T) -> String {
    let mut out = Vec::with_capacity(4096);
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, CanonicalFormatter::default());
    // Cannot fail: the writer is a Vec, every map key is a string, and no
    // Serialize impl in the model returns an error. Should that ever change,
    // an empty text is caught by every save path's read-back check rather
    // than crashing the page.
    if value.serialize(&mut serializer).is_err() {
        return String::new();
    }
    out.push(b'\n');
    String::from_utf8(out).unwrap_or_default()
}

/// serde_json's pretty layout with two spaces, except that integral numbers are
/// written without a fraction (`4000`, not `4000.0`), as people write them.
struct CanonicalFormatter {
    pretty: serde_json::ser::PrettyFormatter<'static>,
}

impl Default for CanonicalFormatter {
    fn default() -> Self {
        CanonicalFormatter { pretty: serde_json::ser::PrettyFormatter::with_indent(b"  ") }
    }
}

/// Integers up to this size are exact in an f64 and written as integers.
const EXACT_INTEGER: f64 = 9_007_199_254_740_992.0;

/// Whether saving writes `value` as an integer, without a fraction.
pub(crate) fn is_written_as_integer(value: f64) -> bool {
    value.fract() == 0.0 && value.abs() < EXACT_INTEGER
}

/// A number as saving writes it: integral ones without a fraction.
fn write_number<W: ?Sized + std::io::Write>(writer: &mut W, value: f64) -> std::io::Result<()> {
    use serde_json::ser::Formatter;
    if is_written_as_integer(value) {
        // `-0.0` is written as `0`: the two are the same amount.
        write!(writer, "{}", value as i64)
    } else {
        // The shortest text that reads back as `value`, as serde_json writes it.
        serde_json::ser::CompactFormatter.write_f64(writer, value)
    }
}

impl serde_json::ser::Formatter for CanonicalFormatter {
    fn write_f64<W: ?Sized + std::io::Write>(&mut self, writer: &mut W, value: f64) -> std::io::Result<()> {
        write_number(writer, value)
    }

    fn begin_array<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.pretty.begin_array(writer)
    }

    fn end_array<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.pretty.end_array(writer)
    }

    fn begin_array_value<W: ?Sized + std::io::Write>(&mut self, writer: &mut W, first: bool) -> std::io::Result<()> {
        self.pretty.begin_array_value(writer, first)
    }

    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.pretty.end_array_value(writer)
    }

    fn begin_object<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.pretty.begin_object(writer)
    }

    fn end_object<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.pretty.end_object(writer)
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(&mut self, writer: &mut W, first: bool) -> std::io::Result<()> {
        self.pretty.begin_object_key(writer, first)
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.pretty.begin_object_value(writer)
    }

    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.pretty.end_object_value(writer)
    }
}

/// Serializes a list with each element on one line: `{"id": "g1", "title":
/// "…"}`, numbers written as everywhere else. For the lists of a milestone
/// (`model::Snapshot`): history that nobody edits by hand, where one line per
/// entry keeps the file small and a diff short. In the canonical layout the
/// list's lines are indented like any other; other serializers see plain
/// JSON values.
pub fn one_line_each<T: Serialize, S: serde::Serializer>(list: &[T], serializer: S) -> Result<S::Ok, S::Error> {
    use serde::ser::{Error, SerializeSeq};
    let mut seq = serializer.serialize_seq(Some(list.len()))?;
    let mut line = Vec::with_capacity(256);
    for element in list {
        line.clear();
        let mut one_line = serde_json::Serializer::with_formatter(&mut line, OneLineFormatter);
        element.serialize(&mut one_line).map_err(S::Error::custom)?;
        let text = String::from_utf8(std::mem::take(&mut line)).map_err(S::Error::custom)?;
        let raw = serde_json::value::RawValue::from_string(text).map_err(S::Error::custom)?;
        seq.serialize_element(&raw)?;
    }
    seq.end()
}

/// One line of JSON, with a space after each `:` and `,` for the reader, and
/// numbers as [`CanonicalFormatter`] writes them.
struct OneLineFormatter;

impl serde_json::ser::Formatter for OneLineFormatter {
    fn write_f64<W: ?Sized + std::io::Write>(&mut self, writer: &mut W, value: f64) -> std::io::Result<()> {
        write_number(writer, value)
    }

    fn begin_array_value<W: ?Sized + std::io::Write>(&mut self, writer: &mut W, first: bool) -> std::io::Result<()> {
        if first {
            Ok(())
        } else {
            writer.write_all(b", ")
        }
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(&mut self, writer: &mut W, first: bool) -> std::io::Result<()> {
        if first {
            Ok(())
        } else {
            writer.write_all(b", ")
        }
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        writer.write_all(b": ")
    }
}

/// The `format` of a file holding several assessments ("export all").
pub const BUNDLE_FORMAT: &str = "gapmap-bundle";

/// Several assessments in one file: `{"format": "gapmap-bundle", "version": 1,
/// "assessments": [...]}`, each entry a whole Gapmap file.
pub fn save_bundle(assessments: &[Assessment]) -> String {
    #[derive(Serialize)]
    struct Bundle<'a> {
        format: &'static str,
        version: u32,
        assessments: &'a [Assessment],
    }
    to_canonical_json(&Bundle { format: BUNDLE_FORMAT, version: VERSION, assessments })
}

/// Reads a Gapmap file or a bundle: every assessment in it, or the problems of
/// each one that is not valid (paths inside a bundle start with
/// `assessments[i]`). Nothing is returned unless everything is valid.
pub fn load_many(bytes: &[u8]) -> Result<Vec<Assessment>, LoadError> {
    let trimmed = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // Only a document whose `format` is the bundle's is read as one; anything
    // else gets the single-file reader's messages.
    #[derive(serde::Deserialize)]
    struct Header<'a> {
        #[serde(borrow)]
        format: Option<std::borrow::Cow<'a, str>>,
    }
    let is_bundle = bytes.len() <= MAX_FILE_BYTES
        && serde_json::from_slice::<Header>(trimmed).ok().and_then(|h| h.format).as_deref() == Some(BUNDLE_FORMAT);
    if !is_bundle {
        return load(bytes).map(|a| vec![a]);
    }
    let value: Value = serde_json::from_slice(trimmed).map_err(json_error)?;
    let Some(items) = value.get("assessments").and_then(Value::as_array) else {
        return Err(LoadError::single(LoadErrorKind::NotGapmap, "The bundle has no \"assessments\" list."));
    };
    let mut assessments = Vec::with_capacity(items.len());
    let mut problems = Vec::new();
    let mut kind = LoadErrorKind::Invalid;
    for (i, item) in items.iter().enumerate() {
        let text = serde_json::to_vec(item).unwrap_or_default();
        match load(&text) {
            Ok(assessment) => assessments.push(assessment),
            Err(error) => {
                if let LoadErrorKind::TooNew { .. } = error.kind {
                    kind = error.kind;
                }
                let prefix = Path::root().key("assessments").index(i);
                problems.extend(error.problems.into_iter().map(|p| {
                    let mut steps = prefix.0.clone();
                    steps.extend(p.path.0);
                    Problem::new(Path(steps), p.message)
                }));
            }
        }
    }
    if problems.is_empty() {
        Ok(assessments)
    } else {
        Err(LoadError { kind, problems })
    }
}
