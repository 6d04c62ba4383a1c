//! A parsed JSON document that borrows its text from the file's bytes: what
//! `format` parses a file into and `decode` reads.
//!
//! serde_json's `Value` owns every string and key, and keeps each object in a
//! `BTreeMap`; for a file of 10,000 gaps that is hundreds of thousands of small
//! allocations made, copied into the assessment, and freed again. A
//! [`Document`] borrows the texts that need no unescaping, and keeps the
//! elements of every list and the entries of every object in two arenas, each
//! list or object a contiguous run of one of them; so parsing allocates little
//! besides those two growing buffers, and reading a file costs about one
//! allocation per text field of the assessment. It is parsed by serde_json
//! itself, so syntax errors, their line and column, and the nesting limit are
//! serde_json's.
//!
//! An object may repeat a key; as with `Value`, the last one counts.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

use crate::core::format::is_written_as_integer;

/// One JSON value; lists and objects are runs of their [`Document`]'s arenas.
#[derive(Clone, Debug, PartialEq)]
pub enum Json<'a> {
    Null,
    Bool(bool),
    Number(Number),
    Text(Cow<'a, str>),
    /// Elements `start..end` of the document's items.
    List(Run),
    /// Entries `start..end` of the document's entries, in file order.
    Object(Run),
}

/// Where a list's elements or an object's entries sit in their arena.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Run {
    start: u32,
    end: u32,
}

impl Run {
    fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// One object entry: a key and its value.
pub type Entry<'a> = (Cow<'a, str>, Json<'a>);

/// A whole parsed file: its root value and the arenas its lists and objects live in.
#[derive(Clone, Debug)]
pub struct Document<'a> {
    root: Json<'a>,
    items: Vec<Json<'a>>,
    entries: Vec<Entry<'a>>,
}

impl<'a> Document<'a> {
    pub fn root(&self) -> &Json<'a> {
        &self.root
    }

    /// The elements of a list.
    pub fn items(&self, run: Run) -> &[Json<'a>] {
        &self.items[run.range()]
    }

    /// The entries of an object, in file order.
    pub fn entries(&self, run: Run) -> &[Entry<'a>] {
        &self.entries[run.range()]
    }

    /// The value of `key` among an object's entries: the last one when repeated.
    pub fn find<'e>(entries: &'e [Entry<'a>], key: &str) -> Option<&'e Json<'a>> {
        entries.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// `value` as a `serde_json::Value` that reads back the same once saved:
    /// a whole float (`2.0`) becomes the integer that saving writes (`2`).
    pub fn to_value(&self, value: &Json) -> Value {
        match value {
            Json::Null => Value::Null,
            Json::Bool(b) => Value::Bool(*b),
            Json::Number(n) => match n.as_f64() {
                Some(f) if n.is_f64() && is_written_as_integer(f) => Value::from(f as i64),
                _ => Value::Number(n.clone()),
            },
            Json::Text(text) => Value::String(text.to_string()),
            Json::List(run) => Value::Array(self.items(*run).iter().map(|v| self.to_value(v)).collect()),
            Json::Object(run) => {
                let mut map = Map::new();
                for (key, value) in self.entries(*run) {
                    map.insert(key.to_string(), self.to_value(value));
                }
                Value::Object(map)
            }
        }
    }

    /// A document of `value`, as migrations leave it.
    pub fn from_value(value: Value) -> Document<'static> {
        let mut scratch = Scratch::default();
        let root = scratch.add(value);
        Document { root, items: scratch.items, entries: scratch.entries }
    }
}

/// Parses one JSON document, borrowing its texts from `bytes`.
pub fn parse(bytes: &[u8]) -> Result<Document<'_>, serde_json::Error> {
    let mut scratch = Scratch::default();
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let root = Parse(&mut scratch).deserialize(&mut deserializer)?;
    deserializer.end()?;
    Ok(Document { root, items: scratch.items, entries: scratch.entries })
}

/// The arenas being filled, and below them the stacks of the lists and objects
/// still open: elements of an open list, entries of an open object, nested
/// ones above their parents'. When a list or object ends, its run is moved
/// from its stack to its arena, so that it is contiguous there.
#[derive(Default)]
struct Scratch<'a> {
    items: Vec<Json<'a>>,
    entries: Vec<Entry<'a>>,
    open_items: Vec<Json<'a>>,
    open_entries: Vec<Entry<'a>>,
}

impl<'a> Scratch<'a> {
    /// Moves the open list's elements from `start` on into the arena.
    fn close_list(&mut self, start: usize) -> Json<'a> {
        let run = Run { start: self.items.len() as u32, end: 0 };
        self.items.extend(self.open_items.drain(start..));
        Json::List(Run { end: self.items.len() as u32, ..run })
    }

    /// Moves the open object's entries from `start` on into the arena.
    fn close_object(&mut self, start: usize) -> Json<'a> {
        let run = Run { start: self.entries.len() as u32, end: 0 };
        self.entries.extend(self.open_entries.drain(start..));
        Json::Object(Run { end: self.entries.len() as u32, ..run })
    }

    /// Adds a `Value` and everything in it.
    fn add(&mut self, value: Value) -> Json<'a> {
        match value {
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(b),
            Value::Number(n) => Json::Number(n),
            Value::String(text) => Json::Text(Cow::Owned(text)),
            Value::Array(values) => {
                let start = self.open_items.len();
                for value in values {
                    let item = self.add(value);
                    self.open_items.push(item);
                }
                self.close_list(start)
            }
            Value::Object(map) => {
                let start = self.open_entries.len();
                for (key, value) in map {
                    let value = self.add(value);
                    self.open_entries.push((Cow::Owned(key), value));
                }
                self.close_object(start)
            }
        }
    }
}

/// Parses one value into the scratch's arenas.
struct Parse<'s, 'a>(&'s mut Scratch<'a>);

impl<'de> DeserializeSeed<'de> for Parse<'_, 'de> {
    type Value = Json<'de>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Json<'de>, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Parse<'_, 'de> {
    type Value = Json<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, b: bool) -> Result<Json<'de>, E> {
        Ok(Json::Bool(b))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Json<'de>, E> {
        Ok(Json::Number(n.into()))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Json<'de>, E> {
        Ok(Json::Number(n.into()))
    }

    fn visit_f64<E>(self, f: f64) -> Result<Json<'de>, E> {
        // As serde_json's `Value` does: a number it cannot hold reads as null.
        Ok(Number::from_f64(f).map_or(Json::Null, Json::Number))
    }

    fn visit_borrowed_str<E>(self, text: &'de str) -> Result<Json<'de>, E> {
        Ok(Json::Text(Cow::Borrowed(text)))
    }

    fn visit_str<E>(self, text: &str) -> Result<Json<'de>, E> {
        Ok(Json::Text(Cow::Owned(text.to_string())))
    }

    fn visit_string<E>(self, text: String) -> Result<Json<'de>, E> {
        Ok(Json::Text(Cow::Owned(text)))
    }

    fn visit_unit<E>(self) -> Result<Json<'de>, E> {
        Ok(Json::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json<'de>, A::Error> {
        let start = self.0.open_items.len();
        while let Some(item) = seq.next_element_seed(Parse(&mut *self.0))? {
            self.0.open_items.push(item);
        }
        Ok(self.0.close_list(start))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json<'de>, A::Error> {
        let start = self.0.open_entries.len();
        while let Some(key) = map.next_key_seed(Key)? {
            let value = map.next_value_seed(Parse(&mut *self.0))?;
            self.0.open_entries.push((key, value));
        }
        Ok(self.0.close_object(start))
    }
}

/// Parses an object's key, borrowed when it needs no unescaping.
struct Key;

impl<'de> DeserializeSeed<'de> for Key {
    type Value = Cow<'de, str>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Cow<'de, str>, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Key {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object key")
    }

    fn visit_borrowed_str<E>(self, text: &'de str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Borrowed(text))
    }

    fn visit_str<E>(self, text: &str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(text.to_string()))
    }

    fn visit_string<E>(self, text: String) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn object<'d, 'a>(document: &'d Document<'a>) -> &'d [Entry<'a>] {
        let Json::Object(run) = document.root() else { panic!("not an object") };
        document.entries(*run)
    }

    #[test]
    fn reads_as_serde_json_does() {
        for text in [
            r#"{"a": [1, -2, 3.5, 1e300, "x\"y", true, null, {}, [[], [1]]], "b": {"c": 18446744073709551615}}"#,
            r#"{"a": 1, "a": 2}"#,
            "[]",
            "\"\\u00e9t\\u00e9\"",
        ] {
            let value: Value = serde_json::from_str(text).unwrap();
            let document = parse(text.as_bytes()).unwrap();
            assert_eq!(document.to_value(document.root()), value, "{text}");
            let rebuilt = Document::from_value(value.clone());
            assert_eq!(rebuilt.to_value(rebuilt.root()), value, "{text}");
        }
    }

    #[test]
    fn errors_are_serde_jsons() {
        for text in ["{\"a\": }", "[1, 2", "{} x", "", "[1e999]"] {
            let ours = parse(text.as_bytes()).unwrap_err().to_string();
            let theirs = serde_json::from_str::<Value>(text).unwrap_err().to_string();
            assert_eq!(ours, theirs, "{text}");
        }
    }

    #[test]
    fn borrows_plain_text_and_unescapes_the_rest() {
        let document = parse(br#"{"plain": "abc", "escaped": "a\nb"}"#).unwrap();
        let entries = object(&document);
        assert!(matches!(Document::find(entries, "plain"), Some(Json::Text(Cow::Borrowed("abc")))));
        assert!(matches!(Document::find(entries, "escaped"), Some(Json::Text(Cow::Owned(t))) if t == "a\nb"));
    }

    #[test]
    fn the_last_of_a_repeated_key_counts() {
        let document = parse(br#"{"a": 1, "b": 2, "a": 3}"#).unwrap();
        assert_eq!(Document::find(object(&document), "a"), Some(&Json::Number(3.into())));
    }

    #[test]
    fn whole_floats_become_integers() {
        let document = parse(b"[2.0, -0.0, 2.5, 1e300]").unwrap();
        assert_eq!(document.to_value(document.root()), serde_json::json!([2, 0, 2.5, 1e300]));
    }
}
