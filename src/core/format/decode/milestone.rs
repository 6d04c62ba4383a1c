//! Decoding milestones: each one's id, name and date, and the state it froze
//! (`model::Snapshot`), read with the same rules as the assessment itself so
//! that a problem in a milestone is reported at its own path
//! (`milestones[0].state.gaps[3].status`).

use super::{kind_of, Decoder, Object, Place};
use crate::core::format::json::Json;
use crate::core::model::*;

impl Decoder<'_, '_> {
    pub(super) fn milestone(&mut self, mut o: Object) -> Milestone {
        let id = self.required_text(&mut o, "id");
        let name = self.required_text(&mut o, "name");
        let saved_on = self.required_text(&mut o, "saved_on");
        let state = match self.required(&mut o, "state") {
            Some(value) => self.snapshot(value, Place::Key(&o.place, "state")),
            None => Snapshot::default(),
        };
        Milestone { id, name, saved_on, state, extra: o.rest() }
    }

    fn snapshot(&mut self, value: &Json, place: Place) -> Snapshot {
        let Some(mut o) = self.object(value, place) else {
            return Snapshot::default();
        };
        let id = self.required_text(&mut o, "id");
        let title = self.required_text(&mut o, "title");
        let stated_overall = self.optional_number(&mut o, "stated_overall");
        let stated_total = self.optional_range(&mut o, "stated_total");
        let currency = self.optional_text(&mut o, "currency").unwrap_or_else(default_currency);
        let settings = match o.get("settings") {
            None => Settings::default(),
            Some(v) => self.settings(v, Place::Key(&o.place, "settings")),
        };
        let categories = self.list(&mut o, "categories", Decoder::category_record);
        let mut gaps = self.list(&mut o, "gaps", Decoder::gap_record);
        let roles = self.list(&mut o, "roles", Decoder::role);
        let start_date = self.optional_text(&mut o, "start_date");
        let phases = self.list(&mut o, "phases", Decoder::phase_record);
        let kpis = self.list(&mut o, "kpis", Decoder::kpi);
        // Each counted item becomes an item when the snapshot is turned back
        // into an assessment: a count past the cap is refused here, before
        // it can cost that memory.
        let items: u64 = gaps.iter().filter_map(|g| g.checklist.as_ref()).map(|c| u64::from(c.total)).sum();
        if items > MAX_SNAPSHOT_ITEMS {
            self.report(
                Place::Key(&o.place, "gaps"),
                format!(
                    "The checklists here count {items} items in all; a milestone records at most {MAX_SNAPSHOT_ITEMS}. They are read as empty."
                ),
            );
            for gap in &mut gaps {
                gap.checklist = None;
            }
        }
        Snapshot {
            id,
            title,
            stated_overall,
            stated_total,
            currency,
            settings,
            categories,
            gaps,
            roles,
            start_date,
            phases,
            kpis,
            extra: o.rest(),
        }
    }

    fn category_record(&mut self, mut o: Object) -> CategoryRecord {
        CategoryRecord {
            id: self.required_text(&mut o, "id"),
            name: self.required_text(&mut o, "name"),
            weight: self.number(&mut o, "weight", default_weight()),
            manual_score: self.optional_number(&mut o, "manual_score"),
            target_score: self.optional_number(&mut o, "target_score"),
            extra: o.rest(),
        }
    }

    fn gap_record(&mut self, mut o: Object) -> GapRecord {
        let id = self.required_text(&mut o, "id");
        let category = self.required_text(&mut o, "category");
        let title = self.required_text(&mut o, "title");
        let status = self.keyword(&mut o, "status", Status::default());
        let priority = self.keyword(&mut o, "priority", Priority::default());
        let effort = self.effort(&mut o);
        let owner = self.text(&mut o, "owner");
        let phase = self.optional_text(&mut o, "phase");
        // A checklist with a count that cannot be read is read as none, so
        // that its other count is not held against a stand-in.
        let checklist = match o.get("checklist") {
            None => None,
            Some(value) => self.object(value, Place::Key(&o.place, "checklist")).and_then(|mut c| {
                let (done, total) = (self.count(&mut c, "done"), self.count(&mut c, "total"));
                Some(Checklist { done: done?, total: total?, extra: c.rest() })
            }),
        };
        GapRecord {
            id,
            category,
            title,
            status,
            priority,
            effort,
            owner,
            phase,
            checklist,
            due: self.optional_text(&mut o, "due"),
            depends_on: self.texts(&mut o, "depends_on"),
            accepted_until: self.optional_text(&mut o, "accepted_until"),
            extra: o.rest(),
        }
    }

    fn phase_record(&mut self, mut o: Object) -> PhaseRecord {
        PhaseRecord {
            id: self.required_text(&mut o, "id"),
            name: self.required_text(&mut o, "name"),
            start_week: self.optional_number(&mut o, "start_week"),
            duration_weeks: self.range(&mut o, "duration_weeks").unwrap_or_else(|| Range::new(0.0, 0.0)),
            team: self.list(&mut o, "team", Decoder::team_member),
            costs: self.list(&mut o, "costs", Decoder::cost),
            stated_cost: self.optional_range(&mut o, "stated_cost"),
            after: o.get("after").map(|_| self.texts(&mut o, "after")),
            extra: o.rest(),
        }
    }

    /// A whole number from 0 up that must be present; `None` (reported)
    /// when it is not one.
    fn count(&mut self, o: &mut Object, key: &'static str) -> Option<u32> {
        let value = self.required(o, key)?;
        let place = Place::Key(&o.place, key);
        match value {
            Json::Number(n) => match n.as_f64() {
                Some(f) if f.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&f) => Some(f as u32),
                _ => {
                    self.report(place, format!("A count must be a whole number from 0 to {}; it is {n}.", u32::MAX));
                    None
                }
            },
            other => {
                self.report(place, format!("Expected a whole number here, found {}.", kind_of(other)));
                None
            }
        }
    }
}
