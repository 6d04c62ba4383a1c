//! Decoding what plans are made of beyond phases: a gap's evidence entries,
//! a phase's exit criteria, the risk register (with owner, status and review
//! date) and the alternative roadmaps (`model::Scenario`), each problem at
//! its own path (`scenarios[0].phases[1].name`).

use super::{kind_of, Decoder, Object, Place};
use crate::core::model::*;

impl Decoder<'_, '_> {
    pub(super) fn evidence(&mut self, mut o: Object) -> Evidence {
        Evidence { text: self.text(&mut o, "text"), url: self.optional_text(&mut o, "url"), extra: o.rest() }
    }

    pub(super) fn criterion(&mut self, mut o: Object) -> Criterion {
        Criterion {
            text: self.text(&mut o, "text"),
            met: self.boolean(&mut o, "met"),
            evidence: self.optional_text(&mut o, "evidence"),
            extra: o.rest(),
        }
    }

    pub(super) fn risk(&mut self, mut o: Object) -> Risk {
        Risk {
            id: self.required_text(&mut o, "id"),
            title: self.required_text(&mut o, "title"),
            probability: self.keyword(&mut o, "probability", Probability::default()),
            impact: self.keyword(&mut o, "impact", Impact::default()),
            mitigation: self.text(&mut o, "mitigation"),
            gaps: self.texts(&mut o, "gaps"),
            owner: self.text(&mut o, "owner"),
            status: self.keyword(&mut o, "status", RiskStatus::default()),
            review_on: self.optional_text(&mut o, "review_on"),
            extra: o.rest(),
        }
    }

    pub(super) fn scenario(&mut self, mut o: Object) -> Scenario {
        let id = self.required_text(&mut o, "id");
        let name = self.required_text(&mut o, "name");
        let phases = self.list(&mut o, "phases", Decoder::phase);
        let mut assignments = std::collections::BTreeMap::new();
        if let Some(value) = o.get("assignments") {
            let place = Place::Key(&o.place, "assignments");
            if let Some(map) = self.object(value, place) {
                for (gap, phase) in map.entries {
                    match phase {
                        crate::core::format::json::Json::Text(phase) => {
                            assignments.insert(gap.to_string(), phase.to_string());
                        }
                        other => {
                            // The key is the user's gap id, which `Place`
                            // cannot hold (its keys are the format's own), so
                            // the problem sits at the map and names the gap.
                            self.report(
                                map.place,
                                format!(
                                    "The assignment of gap \"{gap}\" should be a phase id (text), not {}.",
                                    kind_of(other)
                                ),
                            );
                        }
                    }
                }
            }
        }
        Scenario { id, name, phases, assignments, extra: o.rest() }
    }
}
