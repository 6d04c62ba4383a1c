//! Decoding: a parsed JSON document → an [`Assessment`], with every problem
//! found on the way.
//!
//! Serde's derived `Deserialize` stops at the first error; a person fixing a
//! file by hand wants all of them, each at its path. So the decoder walks the
//! document itself: a missing or mistyped field is reported and replaced by its
//! default, and decoding goes on. Keys the format does not know are kept in
//! each object's `extra`, so nothing a newer tool wrote is lost.
//!
//! The document has already been migrated to the current version (`format`).
//! Where a value sits is tracked as a [`Place`], a chain of borrowed steps
//! that costs nothing to extend; it becomes a [`Path`] only when a problem is
//! reported, so a valid file is read without building one.

use crate::core::format::json::{Document, Entry, Json};
use crate::core::format::validate::{Path, Problem, Step};
use crate::core::model::*;

mod acceptance;
mod milestone;
mod plans;

/// Decodes a current-version document; `problems` collects what does not fit.
pub fn assessment(document: &Document, problems: &mut Vec<Problem>) -> Assessment {
    let mut d = Decoder { problems, document };
    let Some(mut o) = d.object(document.root(), Place::Root) else {
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
        tags: d.texts(&mut o, "tags"),
        summary: d.text(&mut o, "summary"),
        stated_overall: d.optional_number(&mut o, "stated_overall"),
        stated_total: d.optional_range(&mut o, "stated_total"),
        currency: d.optional_text(&mut o, "currency").unwrap_or_else(default_currency),
        settings: match o.get("settings") {
            None => Settings::default(),
            Some(v) => d.settings(v, Place::Key(&o.place, "settings")),
        },
        categories: d.list(&mut o, "categories", Decoder::category),
        gaps: d.list(&mut o, "gaps", Decoder::gap),
        roles: d.list(&mut o, "roles", Decoder::role),
        start_date: d.optional_text(&mut o, "start_date"),
        phases: d.list(&mut o, "phases", Decoder::phase),
        kpis: d.list(&mut o, "kpis", Decoder::kpi),
        risks: d.list(&mut o, "risks", Decoder::risk),
        milestones: d.list(&mut o, "milestones", Decoder::milestone),
        scenario: d.optional_text(&mut o, "scenario"),
        scenarios: d.list(&mut o, "scenarios", Decoder::scenario),
        extra: o.rest(),
    }
}

/// Where a value sits: the root, or a step below another place.
#[derive(Clone, Copy)]
enum Place<'p> {
    Root,
    Key(&'p Place<'p>, &'static str),
    Index(&'p Place<'p>, usize),
}

impl Place<'_> {
    fn path(self) -> Path {
        fn push(place: Place, steps: &mut Vec<Step>) {
            match place {
                Place::Root => {}
                Place::Key(parent, key) => {
                    push(*parent, steps);
                    steps.push(Step::Key(key.to_string()));
                }
                Place::Index(parent, index) => {
                    push(*parent, steps);
                    steps.push(Step::Index(index));
                }
            }
        }
        let mut steps = Vec::new();
        push(self, &mut steps);
        Path(steps)
    }
}

/// The most keys any object of the format reads (the assessment's 18, and room to grow).
const MAX_KNOWN: usize = 24;

/// The entries of one JSON object, where it sits, and which keys have been read.
struct Object<'v, 'p> {
    document: &'v Document<'v>,
    entries: &'v [Entry<'v>],
    place: Place<'p>,
    /// The keys read so far, kept inline: one object per gap, item and range
    /// is read, and a heap allocation for each would be most of the cost.
    known: [&'static str; MAX_KNOWN],
    known_count: usize,
}

impl<'v> Object<'v, '_> {
    /// The value at `key`, marking the key as known; `null` reads as absent.
    fn get(&mut self, key: &'static str) -> Option<&'v Json<'v>> {
        debug_assert!(self.known_count < MAX_KNOWN, "raise MAX_KNOWN");
        if self.known_count < MAX_KNOWN && !self.known[..self.known_count].contains(&key) {
            self.known[self.known_count] = key;
            self.known_count += 1;
        }
        Document::find(self.entries, key).filter(|v| !matches!(v, Json::Null))
    }

    /// Every key that was never read: kept as it was, for the round trip.
    fn rest(self) -> Extra {
        let known = &self.known[..self.known_count];
        self.entries
            .iter()
            .filter(|(key, _)| !known.contains(&key.as_ref()))
            .map(|(key, value)| (key.to_string(), self.document.to_value(value)))
            .collect()
    }
}

struct Decoder<'p, 'v> {
    problems: &'p mut Vec<Problem>,
    document: &'v Document<'v>,
}

/// How a JSON value is named in messages.
fn kind_of(value: &Json) -> &'static str {
    match value {
        Json::Null => "null",
        Json::Bool(_) => "true or false",
        Json::Number(_) => "a number",
        Json::Text(_) => "text",
        Json::List(_) => "a list",
        Json::Object(_) => "an object",
    }
}

impl<'v> Decoder<'_, 'v> {
    fn report(&mut self, place: Place, message: impl Into<String>) {
        self.problems.push(Problem::new(place.path(), message));
    }

    fn object<'p>(&mut self, value: &Json, place: Place<'p>) -> Option<Object<'v, 'p>> {
        match value {
            Json::Object(run) => Some(Object {
                document: self.document,
                entries: self.document.entries(*run),
                place,
                known: [""; MAX_KNOWN],
                known_count: 0,
            }),
            other => {
                self.report(place, format!("Expected an object here, found {}.", kind_of(other)));
                None
            }
        }
    }

    fn expect_text(&mut self, value: &Json, place: Place) -> Option<String> {
        match value {
            Json::Text(text) => Some(text.to_string()),
            other => {
                self.report(place, format!("Expected text here, found {}.", kind_of(other)));
                None
            }
        }
    }

    fn expect_number(&mut self, value: &Json, place: Place) -> Option<f64> {
        match value {
            Json::Number(number) if number.as_f64().is_some() => number.as_f64(),
            other => {
                self.report(place, format!("Expected a number here, found {}.", kind_of(other)));
                None
            }
        }
    }

    /// The value at `key`, reporting it missing when it is absent or null.
    fn required<'o>(&mut self, o: &mut Object<'o, '_>, key: &'static str) -> Option<&'o Json<'o>> {
        let value = o.get(key);
        if value.is_none() {
            self.report(Place::Key(&o.place, key), format!("The field \"{key}\" is required but missing."));
        }
        value
    }

    /// Text that must be present; whether it may be empty is for validation to say.
    fn required_text(&mut self, o: &mut Object, key: &'static str) -> String {
        let value = self.required(o, key);
        value.and_then(|v| self.expect_text(v, Place::Key(&o.place, key))).unwrap_or_default()
    }

    /// Text that may be absent, read as empty.
    fn text(&mut self, o: &mut Object, key: &'static str) -> String {
        self.optional_text(o, key).unwrap_or_default()
    }

    fn optional_text(&mut self, o: &mut Object, key: &'static str) -> Option<String> {
        let value = o.get(key)?;
        self.expect_text(value, Place::Key(&o.place, key))
    }

    fn texts(&mut self, o: &mut Object, key: &'static str) -> Vec<String> {
        let items = self.array(o, key);
        let list = Place::Key(&o.place, key);
        items.iter().enumerate().filter_map(|(i, value)| self.expect_text(value, Place::Index(&list, i))).collect()
    }

    fn number(&mut self, o: &mut Object, key: &'static str, default: f64) -> f64 {
        self.optional_number(o, key).unwrap_or(default)
    }

    fn required_number(&mut self, o: &mut Object, key: &'static str) -> f64 {
        let value = self.required(o, key);
        value.and_then(|v| self.expect_number(v, Place::Key(&o.place, key))).unwrap_or(0.0)
    }

    fn optional_number(&mut self, o: &mut Object, key: &'static str) -> Option<f64> {
        let value = o.get(key)?;
        self.expect_number(value, Place::Key(&o.place, key))
    }

    fn boolean(&mut self, o: &mut Object, key: &'static str) -> bool {
        match o.get(key) {
            None => false,
            Some(Json::Bool(b)) => *b,
            Some(other) => {
                self.report(
                    Place::Key(&o.place, key),
                    format!("Expected true or false here, found {}.", kind_of(other)),
                );
                false
            }
        }
    }

    /// One of a closed set of words; absent reads as `None`, a word outside the set is reported.
    fn optional_keyword<T: Keyword>(&mut self, o: &mut Object, key: &'static str) -> Option<T> {
        let value = o.get(key)?;
        self.word(value, Place::Key(&o.place, key), key)
    }

    /// `value` read as a word of `T`; `what` names the word in the message.
    fn word<T: Keyword>(&mut self, value: &Json, place: Place, what: &str) -> Option<T> {
        let Json::Text(text) = value else {
            self.report(place, format!("Expected text here, found {}.", kind_of(value)));
            return None;
        };
        let word = T::parse(text);
        if word.is_none() {
            let expected: Vec<&str> = T::ALL.iter().map(|w| w.as_str()).collect();
            self.report(place, format!("\"{text}\" is not a valid {what}; use one of: {}.", expected.join(", ")));
        }
        word
    }

    /// One of a closed set of words, `default` when absent or wrong.
    fn keyword<T: Keyword>(&mut self, o: &mut Object, key: &'static str, default: T) -> T {
        self.optional_keyword(o, key).unwrap_or(default)
    }

    /// One of a closed set of words that must be present; `fallback` stands in when it is not.
    fn required_keyword<T: Keyword>(&mut self, o: &mut Object, key: &'static str, fallback: T) -> T {
        let value = self.required(o, key);
        value.and_then(|v| self.word(v, Place::Key(&o.place, key), key)).unwrap_or(fallback)
    }

    fn array(&mut self, o: &mut Object, key: &'static str) -> &'v [Json<'v>] {
        match o.get(key) {
            None => &[],
            Some(Json::List(run)) => self.document.items(*run),
            Some(other) => {
                self.report(Place::Key(&o.place, key), format!("Expected a list here, found {}.", kind_of(other)));
                &[]
            }
        }
    }

    /// Decodes each element of the list at `key`; an element that is not an object is reported and skipped.
    fn list<T>(&mut self, o: &mut Object, key: &'static str, each: fn(&mut Self, Object) -> T) -> Vec<T> {
        let items = self.array(o, key);
        let list = Place::Key(&o.place, key);
        let mut decoded = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            if let Some(object) = self.object(item, Place::Index(&list, i)) {
                decoded.push(each(self, object));
            }
        }
        decoded
    }

    fn range(&mut self, o: &mut Object, key: &'static str) -> Option<Range> {
        self.required(o, key)?;
        self.optional_range(o, key)
    }

    /// A range that may be absent (or null).
    fn optional_range(&mut self, o: &mut Object, key: &'static str) -> Option<Range> {
        let value = o.get(key)?;
        let mut r = self.object(value, Place::Key(&o.place, key))?;
        Some(Range {
            min: self.required_number(&mut r, "min"),
            max: self.required_number(&mut r, "max"),
            extra: r.rest(),
        })
    }

    fn settings(&mut self, value: &Json, place: Place) -> Settings {
        let defaults = Settings::default();
        let Some(mut o) = self.object(value, place) else {
            return defaults;
        };
        let priority_weights = match o.get("priority_weights") {
            None => defaults.priority_weights,
            Some(value) => match self.object(value, Place::Key(&o.place, "priority_weights")) {
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
        // `"levels": null` reads as the default levels, like a missing key.
        let levels = match o.get("levels") {
            None => defaults.levels,
            Some(_) => self.list(&mut o, "levels", Decoder::level),
        };
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
            weight: self.number(&mut o, "weight", default_weight()),
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
        let status = self.keyword(&mut o, "status", Status::default());
        let priority = self.keyword(&mut o, "priority", Priority::default());
        let severity = self.optional_keyword(&mut o, "severity");
        let effort = self.effort(&mut o);
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
            evidence: self.list(&mut o, "evidence", Decoder::evidence),
            phase: self.optional_text(&mut o, "phase"),
            items: self.list(&mut o, "items", Decoder::item),
            tags: self.texts(&mut o, "tags"),
            due: self.optional_text(&mut o, "due"),
            depends_on: self.texts(&mut o, "depends_on"),
            acceptance: self.acceptance(&mut o),
            extra: o.rest(),
        }
    }

    fn effort(&mut self, o: &mut Object) -> Option<Effort> {
        let value = o.get("effort")?;
        let mut e = self.object(value, Place::Key(&o.place, "effort"))?;
        Some(Effort {
            min: self.required_number(&mut e, "min"),
            max: self.required_number(&mut e, "max"),
            unit: self.required_keyword(&mut e, "unit", EffortUnit::Days),
            extra: e.rest(),
        })
    }

    fn item(&mut self, mut o: Object) -> Item {
        Item { text: self.text(&mut o, "text"), done: self.boolean(&mut o, "done"), extra: o.rest() }
    }

    fn role(&mut self, mut o: Object) -> Role {
        Role {
            id: self.required_text(&mut o, "id"),
            name: self.required_text(&mut o, "name"),
            weekly_rate: self.optional_number(&mut o, "weekly_rate"),
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
            exit_criteria: self.list(&mut o, "exit_criteria", Decoder::criterion),
            stated_cost: self.optional_range(&mut o, "stated_cost"),
            // Absent (or null) and empty differ: after the previous phase, or at the start.
            after: o.get("after").map(|_| self.texts(&mut o, "after")),
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
            kind: self.keyword(&mut o, "kind", CostKind::default()),
            extra: o.rest(),
        }
    }

    fn kpi(&mut self, mut o: Object) -> Kpi {
        Kpi {
            id: self.required_text(&mut o, "id"),
            name: self.required_text(&mut o, "name"),
            unit: self.text(&mut o, "unit"),
            current: match o.get("current") {
                None => None,
                Some(value) => self.kpi_value(value, Place::Key(&o.place, "current")),
            },
            better: self.keyword(&mut o, "better", Better::default()),
            targets: self.list(&mut o, "targets", Decoder::kpi_target),
            extra: o.rest(),
        }
    }

    fn kpi_target(&mut self, mut o: Object) -> KpiTarget {
        let phase = self.required_text(&mut o, "phase");
        let value = match self.required(&mut o, "value") {
            None => None,
            Some(value) => self.kpi_value(value, Place::Key(&o.place, "value")),
        };
        KpiTarget {
            phase,
            value: value.unwrap_or(KpiValue::Number(0.0)),
            met: self.boolean(&mut o, "met"),
            extra: o.rest(),
        }
    }

    /// A KPI's value: a number or text.
    fn kpi_value(&mut self, value: &Json, place: Place) -> Option<KpiValue> {
        match value {
            Json::Text(text) => Some(KpiValue::Text(text.to_string())),
            Json::Number(number) if number.as_f64().is_some() => number.as_f64().map(KpiValue::Number),
            other => {
                self.report(place, format!("Expected a number or text here, found {}.", kind_of(other)));
                None
            }
        }
    }
}
