//! Decoding: a parsed JSON value → an [`Assessment`], with every problem found
//! on the way.
//!
//! Serde's derived `Deserialize` stops at the first error; a person fixing a
//! file by hand wants all of them, each at its path. So the decoder walks the
//! value itself: a missing or mistyped field is reported and replaced by its
//! default, and decoding goes on. Keys the format does not know are kept in
//! each object's `extra`, so nothing a newer tool wrote is lost.
//!
//! The value has already been migrated to the current version (`format`).

use serde_json::{Map, Value};

use crate::core::format;
use crate::core::model::*;
use crate::core::validate::{Path, Problem};

/// Decodes a current-version document; `problems` collects what does not fit.
pub fn assessment(value: &Value, problems: &mut Vec<Problem>) -> Assessment {
    let mut d = Decoder { problems };
    let root = Path::root();
    let Some(mut o) = d.object(value, &root) else {
        return Assessment::new("", "");
    };
    // `format` and `version` were checked before migration; they only need marking as known.
    o.get("format");
    o.get("version");
    Assessment {
        format: FormatTag,
        version: VersionTag,
        id: d.required_text(&mut o, "id"),
        title: d.required_text(&mut o, "title"),
        system: d.text(&mut o, "system"),
        assessed_on: d.optional_text(&mut o, "assessed_on"),
        assessors: d.texts(&mut o, "assessors"),
        summary: d.text(&mut o, "summary"),
        stated_overall: d.optional_number(&mut o, "stated_overall"),
        currency: d.optional_text(&mut o, "currency").unwrap_or_else(|| DEFAULT_CURRENCY.to_string()),
        settings: match o.get("settings") {
            None => Settings::default(),
            Some(v) => d.settings(v, &root.key("settings")),
        },
        categories: d.list(&mut o, "categories", Decoder::category),
        gaps: d.list(&mut o, "gaps", Decoder::gap),
        roles: d.list(&mut o, "roles", Decoder::role),
        phases: d.list(&mut o, "phases", Decoder::phase),
        kpis: d.list(&mut o, "kpis", Decoder::kpi),
        risks: d.list(&mut o, "risks", Decoder::risk),
        extra: o.rest(),
    }
}

/// The keys of one JSON object, and which of them have been read.
struct Object<'v> {
    map: &'v Map<String, Value>,
    path: Path,
    known: Vec<&'static str>,
}

impl<'v> Object<'v> {
    /// The value at `key`, marking the key as known; `null` reads as absent.
    fn get(&mut self, key: &'static str) -> Option<&'v Value> {
        self.known.push(key);
        self.map.get(key).filter(|v| !v.is_null())
    }

    /// Whether the object has `key` with a non-null value, without marking it.
    fn has(&self, key: &str) -> bool {
        self.map.get(key).is_some_and(|v| !v.is_null())
    }

    /// Every key that was never read: kept as it was, for the round trip.
    fn rest(self) -> Extra {
        self.map
            .iter()
            .filter(|(key, _)| !self.known.contains(&key.as_str()))
            .map(|(key, value)| (key.clone(), as_saved(value)))
            .collect()
    }
}

/// `value` as it reads back once saved: saving writes a whole float as an
/// integer (`2.0` as `2`), which reads back as an integer, so it is read as one
/// now. Without this, `load(save(x)) != x` for a file with `"x-ratio": 2.0`.
fn as_saved(value: &Value) -> Value {
    match value {
        Value::Number(n) if n.is_f64() => match n.as_f64() {
            Some(f) if format::is_written_as_integer(f) => Value::from(f as i64),
            _ => value.clone(),
        },
        Value::Array(items) => Value::Array(items.iter().map(as_saved).collect()),
        Value::Object(map) => Value::Object(map.iter().map(|(k, v)| (k.clone(), as_saved(v))).collect()),
        other => other.clone(),
    }
}

struct Decoder<'p> {
    problems: &'p mut Vec<Problem>,
}

/// How a JSON value is named in messages.
fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

impl Decoder<'_> {
    fn report(&mut self, path: Path, message: impl Into<String>) {
        self.problems.push(Problem::new(path, message));
    }

    fn object<'v>(&mut self, value: &'v Value, path: &Path) -> Option<Object<'v>> {
        match value {
            Value::Object(map) => Some(Object { map, path: path.clone(), known: Vec::new() }),
            other => {
                self.report(path.clone(), format!("Expected an object here, found {}.", kind_of(other)));
                None
            }
        }
    }

    fn expect_text(&mut self, value: &Value, path: Path) -> Option<String> {
        match value {
            Value::String(text) => Some(text.clone()),
            other => {
                self.report(path, format!("Expected text here, found {}.", kind_of(other)));
                None
            }
        }
    }

    fn expect_number(&mut self, value: &Value, path: Path) -> Option<f64> {
        match value.as_f64() {
            Some(number) if value.is_number() => Some(number),
            _ => {
                self.report(path, format!("Expected a number here, found {}.", kind_of(value)));
                None
            }
        }
    }

    fn missing(&mut self, o: &Object, key: &str) {
        self.report(o.path.key(key), format!("The field \"{key}\" is required but missing."));
    }

    /// Text that must be present; whether it may be empty is for validation to say.
    fn required_text(&mut self, o: &mut Object, key: &'static str) -> String {
        if !o.has(key) {
            self.missing(o, key);
        }
        self.text(o, key)
    }

    /// Text that may be absent, read as empty.
    fn text(&mut self, o: &mut Object, key: &'static str) -> String {
        self.optional_text(o, key).unwrap_or_default()
    }

    fn optional_text(&mut self, o: &mut Object, key: &'static str) -> Option<String> {
        let value = o.get(key)?;
        self.expect_text(value, o.path.key(key))
    }

    fn texts(&mut self, o: &mut Object, key: &'static str) -> Vec<String> {
        let path = o.path.key(key);
        self.array(o, key).iter().enumerate().filter_map(|(i, value)| self.expect_text(value, path.index(i))).collect()
    }

    fn number(&mut self, o: &mut Object, key: &'static str, default: f64) -> f64 {
        self.optional_number(o, key).unwrap_or(default)
    }

    fn required_number(&mut self, o: &mut Object, key: &'static str) -> f64 {
        if !o.has(key) {
            self.missing(o, key);
        }
        self.optional_number(o, key).unwrap_or(0.0)
    }

    fn optional_number(&mut self, o: &mut Object, key: &'static str) -> Option<f64> {
        let value = o.get(key)?;
        self.expect_number(value, o.path.key(key))
    }

    fn boolean(&mut self, o: &mut Object, key: &'static str) -> bool {
        match o.get(key) {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(other) => {
                self.report(o.path.key(key), format!("Expected true or false here, found {}.", kind_of(other)));
                false
            }
        }
    }

    /// One of a closed set of words; absent reads as `None`, a word outside the set is reported.
    fn optional_keyword<T: Keyword>(&mut self, o: &mut Object, key: &'static str) -> Option<T> {
        let value = o.get(key)?;
        let text = self.expect_text(value, o.path.key(key))?;
        let word = T::parse(&text);
        if word.is_none() {
            let expected: Vec<&str> = T::ALL.iter().map(|w| w.as_str()).collect();
            self.report(
                o.path.key(key),
                format!("\"{text}\" is not a valid {key}; use one of: {}.", expected.join(", ")),
            );
        }
        word
    }

    /// One of a closed set of words, `default` when absent or wrong.
    fn keyword<T: Keyword>(&mut self, o: &mut Object, key: &'static str, default: T) -> T {
        self.optional_keyword(o, key).unwrap_or(default)
    }

    /// One of a closed set of words that must be present; `fallback` stands in when it is not.
    fn required_keyword<T: Keyword>(&mut self, o: &mut Object, key: &'static str, fallback: T) -> T {
        if !o.has(key) {
            self.missing(o, key);
        }
        self.keyword(o, key, fallback)
    }

    fn array<'v>(&mut self, o: &mut Object<'v>, key: &'static str) -> &'v [Value] {
        match o.get(key) {
            None => &[],
            Some(Value::Array(items)) => items,
            Some(other) => {
                self.report(o.path.key(key), format!("Expected a list here, found {}.", kind_of(other)));
                &[]
            }
        }
    }

    /// Decodes each element of the list at `key`; an element that is not an object is reported and skipped.
    fn list<T>(&mut self, o: &mut Object, key: &'static str, each: fn(&mut Self, Object) -> T) -> Vec<T> {
        let path = o.path.key(key);
        let items = self.array(o, key);
        let mut decoded = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            if let Some(object) = self.object(item, &path.index(i)) {
                decoded.push(each(self, object));
            }
        }
        decoded
    }

    fn range(&mut self, o: &mut Object, key: &'static str) -> Option<Range> {
        let Some(value) = o.get(key) else {
            self.missing(o, key);
            return None;
        };
        let mut r = self.object(value, &o.path.key(key))?;
        Some(Range {
            min: self.required_number(&mut r, "min"),
            max: self.required_number(&mut r, "max"),
            extra: r.rest(),
        })
    }

    fn settings(&mut self, value: &Value, path: &Path) -> Settings {
        let defaults = Settings::default();
        let Some(mut o) = self.object(value, path) else {
            return defaults;
        };
        let priority_weights = match o.get("priority_weights") {
            None => defaults.priority_weights,
            Some(value) => match self.object(value, &path.key("priority_weights")) {
                None => defaults.priority_weights,
                Some(mut w) => {
                    let d = PriorityWeights::default();
                    PriorityWeights {
                        p0: self.number(&mut w, "P0", d.p0),
                        p1: self.number(&mut w, "P1", d.p1),
                        p2: self.number(&mut w, "P2", d.p2),
                        p3: self.number(&mut w, "P3", d.p3),
                        extra: w.rest(),
                    }
                }
            },
        };
        let levels = if o.has("levels") { self.list(&mut o, "levels", Decoder::level) } else { defaults.levels };
        Settings {
            priority_weights,
            partial_credit: self.number(&mut o, "partial_credit", defaults.partial_credit),
            levels,
            ready_threshold: self.number(&mut o, "ready_threshold", defaults.ready_threshold),
            hours_per_day: self.number(&mut o, "hours_per_day", defaults.hours_per_day),
            days_per_week: self.number(&mut o, "days_per_week", defaults.days_per_week),
            blended_daily_rate: self.optional_number(&mut o, "blended_daily_rate"),
            extra: o.rest(),
        }
    }

    fn level(&mut self, mut o: Object) -> Level {
        Level { min: self.required_number(&mut o, "min"), label: self.required_text(&mut o, "label"), extra: o.rest() }
    }

    fn category(&mut self, mut o: Object) -> Category {
        Category {
            id: self.required_text(&mut o, "id"),
            name: self.required_text(&mut o, "name"),
            weight: self.number(&mut o, "weight", 1.0),
            manual_score: self.optional_number(&mut o, "manual_score"),
            target_score: self.optional_number(&mut o, "target_score"),
            notes: self.text(&mut o, "notes"),
            extra: o.rest(),
        }
    }

    fn gap(&mut self, mut o: Object) -> Gap {
        let id = self.required_text(&mut o, "id");
        let category = self.required_text(&mut o, "category");
        let title = self.required_text(&mut o, "title");
        let description = self.text(&mut o, "description");
        let status = self.keyword(&mut o, "status", Status::Missing);
        let priority = self.keyword(&mut o, "priority", Priority::P2);
        let severity = self.optional_keyword(&mut o, "severity");
        let effort = match o.get("effort") {
            None => None,
            Some(value) => self.object(value, &o.path.key("effort")).map(|mut e| Effort {
                min: self.required_number(&mut e, "min"),
                max: self.required_number(&mut e, "max"),
                unit: self.required_keyword(&mut e, "unit", EffortUnit::Days),
                extra: e.rest(),
            }),
        };
        Gap {
            id,
            category,
            title,
            description,
            status,
            priority,
            severity,
            effort,
            owner: self.text(&mut o, "owner"),
            evidence: self.text(&mut o, "evidence"),
            phase: self.optional_text(&mut o, "phase"),
            items: self.list(&mut o, "items", Decoder::item),
            tags: self.texts(&mut o, "tags"),
            extra: o.rest(),
        }
    }

    fn item(&mut self, mut o: Object) -> Item {
        Item { text: self.text(&mut o, "text"), done: self.boolean(&mut o, "done"), extra: o.rest() }
    }

    fn role(&mut self, mut o: Object) -> Role {
        Role {
            id: self.required_text(&mut o, "id"),
            name: self.required_text(&mut o, "name"),
            weekly_rate: self.required_number(&mut o, "weekly_rate"),
            extra: o.rest(),
        }
    }

    fn phase(&mut self, mut o: Object) -> Phase {
        Phase {
            id: self.required_text(&mut o, "id"),
            name: self.required_text(&mut o, "name"),
            goal: self.text(&mut o, "goal"),
            start_week: self.optional_number(&mut o, "start_week"),
            duration_weeks: self.range(&mut o, "duration_weeks").unwrap_or_else(|| Range::new(0.0, 0.0)),
            team: self.list(&mut o, "team", Decoder::team_member),
            costs: self.list(&mut o, "costs", Decoder::cost),
            exit_criteria: self.texts(&mut o, "exit_criteria"),
            extra: o.rest(),
        }
    }

    fn team_member(&mut self, mut o: Object) -> TeamMember {
        TeamMember {
            role: self.required_text(&mut o, "role"),
            fte: self.range(&mut o, "fte").unwrap_or_else(|| Range::new(0.0, 0.0)),
            extra: o.rest(),
        }
    }

    fn cost(&mut self, mut o: Object) -> Cost {
        Cost {
            name: self.required_text(&mut o, "name"),
            amount: self.required_number(&mut o, "amount"),
            kind: self.keyword(&mut o, "kind", CostKind::OneOff),
            extra: o.rest(),
        }
    }

    fn kpi(&mut self, mut o: Object) -> Kpi {
        Kpi {
            id: self.required_text(&mut o, "id"),
            name: self.required_text(&mut o, "name"),
            unit: self.text(&mut o, "unit"),
            current: self.optional_number(&mut o, "current"),
            better: self.keyword(&mut o, "better", Better::Higher),
            targets: self.list(&mut o, "targets", Decoder::kpi_target),
            extra: o.rest(),
        }
    }

    fn kpi_target(&mut self, mut o: Object) -> KpiTarget {
        KpiTarget {
            phase: self.required_text(&mut o, "phase"),
            value: self.required_number(&mut o, "value"),
            extra: o.rest(),
        }
    }

    fn risk(&mut self, mut o: Object) -> Risk {
        Risk {
            id: self.required_text(&mut o, "id"),
            title: self.required_text(&mut o, "title"),
            probability: self.keyword(&mut o, "probability", Probability::Medium),
            impact: self.keyword(&mut o, "impact", Impact::Medium),
            mitigation: self.text(&mut o, "mitigation"),
            gaps: self.texts(&mut o, "gaps"),
            extra: o.rest(),
        }
    }
}
