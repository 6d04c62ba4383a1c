//! The report's appendix: how the numbers are computed, with this
//! assessment's settings.

use leptos::prelude::*;

use super::layout::section;
use crate::app::chunks::assessment::figures::money_or_unknown;
use crate::core::model::{Assessment, Priority};
use crate::core::numbers::summary::Summary;
use crate::core::present::display::{self, money};

/// How the numbers are computed, with this assessment's settings.
pub(super) fn appendix(a: &Assessment, s: &Summary) -> impl IntoView {
    let settings = &a.settings;
    let c = a.currency.as_str();
    let weights = Priority::ALL
        .iter()
        .map(|&p| format!("{} {}", p.as_str(), display::number(settings.priority_weights.get(p))))
        .collect::<Vec<_>>()
        .join(", ");
    let mut levels: Vec<(f64, String)> = settings.levels.iter().map(|l| (l.min, l.label.clone())).collect();
    levels.sort_by(|x, y| y.0.total_cmp(&x.0));
    let levels = levels
        .into_iter()
        .map(|(min, label)| format!("{label} from {}", display::number(min)))
        .collect::<Vec<_>>()
        .join("; ");
    let daily_rate =
        s.daily_rate.map_or_else(|| money_or_unknown(None, &s.bottom_up_unknown_rates, c), |r| money(r, c));
    let daily = if s.daily_rate_is_blended {
        format!("the blended daily rate from the settings, {daily_rate}")
    } else {
        format!("the mean of the roles' weekly rates ÷ days per week, {daily_rate}")
    };
    let rate = |r: &crate::core::model::Role| r.weekly_rate.map_or_else(|| "unknown".to_string(), |w| money(w, c));
    let roles = a.roles.iter().map(|r| format!("{} {} a week", r.name, rate(r))).collect::<Vec<_>>().join("; ");
    let body = view! {
        <h3>"Scores"</h3>
        <ul>
            <li>
                "A gap counts when it is missing, partial or done; accepted and not-applicable gaps do not. Its credit is 1 when done, 0 when missing, and when partial the share of its checklist that is done, or "
                <strong>{display::number(settings.partial_credit)}</strong>
                " (the partial credit) when it has no checklist."
            </li>
            <li>
                "A category's computed score is 100 × Σ(priority weight × credit) ÷ Σ priority weight over its counted gaps. Priority weights: "
                <strong>{weights}</strong>
                ". A manual score, where set, replaces the computed one."
            </li>
            <li>"The overall score is the mean of the category scores weighted by category weight, over the categories that have a score."</li>
            <li>"Levels: " <strong>{levels}</strong> ". The level is the highest one whose minimum the overall score reaches."</li>
            <li>
                "The system is production-ready when the overall score is at least "
                <strong>{display::number(s.ready_threshold)}</strong>
                " and no P0 gap is missing or partial."
            </li>
            <li>"The score after a phase is the overall score once every counted gap of that phase and the phases before it is done."</li>
        </ul>
        <h3>"Costs"</h3>
        <ul>
            <li>
                "Effort is counted in person-days: hours ÷ "
                <strong>{display::number(settings.hours_per_day)}</strong>
                " hours per day, weeks × "
                <strong>{display::number(settings.days_per_week)}</strong>
                " days per week."
            </li>
            <li>
                "A phase's labor is Σ FTE × weekly rate × duration in weeks over its team, minima with minima and maxima with maxima. Weekly rates: "
                <strong>{if roles.is_empty() { "no roles".to_string() } else { roles }}</strong>
                "."
            </li>
            <li>"A phase's total is its labor plus its one-off costs; annual costs add to the run-rate once the roadmap is done."</li>
            <li>
                "Capacity is Σ FTE × weeks × days per week; demand is the remaining effort of the phase's open gaps. "
                "Over capacity: even the smallest demand exceeds the largest capacity; at risk: the largest demand exceeds the smallest capacity."
            </li>
            <li>
                "The bottom-up estimate is the remaining effort × " {daily} ": "
                <strong>{money_or_unknown(s.bottom_up, &s.bottom_up_unknown_rates, c)}</strong>
                "."
            </li>
            <li>"A phase starts at its start week, or when the previous one ends; amounts are in " {c.to_string()} ", rounded to whole units."</li>
        </ul>
    };
    section("appendix", "Appendix: how the numbers are computed", body)
}
