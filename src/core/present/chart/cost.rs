//! The cost chart: per phase, one-off costs and labor stacked in a column
//! (labor up to its maximum as an extension), the annual run-rate beside it,
//! and the cumulative total, minimum and maximum, as two lines across them.

use super::{clip, column, legend, line, nice_ceiling, text, Anchor, Chart, DataTable, MarkerShape, Point, Shape};
use crate::core::numbers::summary::{Bounds, Summary};
use crate::core::present::display;

/// Where 0 and the top of the money axis land.
pub const COST_AXIS: (f64, f64) = (270.0, 20.0);
const COST_X: (f64, f64) = (96.0, 620.0);

/// Per phase: one-off costs, then labor at its minimum and up to its maximum,
/// stacked; beside them the annual run-rate once the phase is done; across
/// them the cumulative total (minimum and maximum). `None` without phases.
pub fn cost(summary: &Summary, currency: &str) -> Option<Chart> {
    let phases = &summary.phases;
    if phases.is_empty() {
        return None;
    }
    let (zero, top) = COST_AXIS;
    let (x0, x1) = COST_X;
    let highest = phases
        .iter()
        .flat_map(|p| [p.total.map_or(p.one_off, |t| t.max), p.cumulative_total.map_or(0.0, |t| t.max), p.run_rate])
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
    // At most five round steps up to the highest amount.
    let step = nice_ceiling(highest / 5.0);
    let steps = (highest / step).ceil().max(1.0) as u32;
    let ceiling = step * f64::from(steps);
    let y = |amount: f64| zero - (zero - top) * (amount.max(0.0) / ceiling).min(1.0);
    let mut shapes = Vec::new();
    for i in 0..=steps {
        let amount = step * f64::from(i);
        shapes.push(line(x0, y(amount), x1, y(amount), "grid"));
        shapes.push(text(x0 - 6.0, y(amount) + 4.0, display::money(amount, currency), Anchor::End, "tick"));
    }
    let slot = (x1 - x0) / phases.len() as f64;
    let bar = (slot * 0.36).min(56.0);
    let centre = |i: usize| x0 + slot * (i as f64 + 0.5);
    let max_chars = ((slot / 7.0) as usize).max(4);
    for (i, p) in phases.iter().enumerate() {
        let left = centre(i) - bar * 0.75;
        shapes.push(column(left, bar, y(0.0), y(p.one_off), "cost-one-off"));
        // Labor nobody can price is not drawn: the data table says why.
        if let Some(total) = p.total {
            shapes.push(column(left, bar, y(p.one_off), y(total.min), "cost-labor"));
            if total.max > total.min {
                shapes.push(column(left, bar, y(total.min), y(total.max), "cost-labor-extension"));
            }
        }
        shapes.push(column(left + bar + 2.0, bar * 0.45, y(0.0), y(p.run_rate), "cost-run-rate"));
        shapes.push(text(centre(i), zero + 16.0, clip(&p.name, max_chars), Anchor::Middle, "label"));
    }
    // The cumulative total is known up to the first phase whose labor is not.
    let cumulative = |pick: fn(Bounds) -> f64| -> Vec<Point> {
        phases
            .iter()
            .enumerate()
            .map_while(|(i, p)| p.cumulative_total.map(|t| Point::new(centre(i), y(pick(t)))))
            .collect()
    };
    let (mins, maxes) = (cumulative(|t| t.min), cumulative(|t| t.max));
    shapes.push(Shape::Polyline { points: mins.clone(), class: "cumulative-min" });
    shapes.push(Shape::Polyline { points: maxes.clone(), class: "cumulative-max" });
    shapes.extend(mins.into_iter().map(|at| Shape::Marker { at, shape: MarkerShape::Square, class: "cumulative-min" }));
    shapes.extend(maxes.into_iter().map(|at| Shape::Marker {
        at,
        shape: MarkerShape::Circle,
        class: "cumulative-max",
    }));

    let money = |v: f64| display::money(v, currency);
    // The roles whose missing rate makes the cumulative total unknown so far.
    let mut unpriced: Vec<String> = Vec::new();
    let rows = phases
        .iter()
        .map(|p| {
            unpriced
                .extend(p.unknown_rates.iter().filter(|name| !unpriced.contains(name)).cloned().collect::<Vec<_>>());
            vec![
                p.name.clone(),
                display::money_or_unknown(p.labor, &p.unknown_rates, currency),
                money(p.one_off),
                display::money_or_unknown(p.total, &p.unknown_rates, currency),
                display::money_or_unknown(p.cumulative_total, &unpriced, currency),
                money(p.run_rate),
            ]
        })
        .collect();
    let head = ["Phase", "Labor", "One-off", "Phase total", "Cumulative total", "Annual run-rate after"];
    Some(Chart {
        title: "Cost by phase".to_string(),
        description: format!(
            "Stacked columns of one-off and labor costs for {} phases, with the cumulative total and the annual run-rate; the numbers are in the chart data.",
            phases.len()
        ),
        width: 640.0,
        height: zero + 26.0,
        shapes,
        legend: legend(&[
            ("cost-one-off", "One-off costs"),
            ("cost-labor", "Labor, minimum"),
            ("cost-labor-extension", "Labor, up to the maximum"),
            ("cost-run-rate", "Annual run-rate once done"),
            ("cumulative-max", "Cumulative total, maximum"),
            ("cumulative-min", "Cumulative total, minimum"),
        ]),
        table: DataTable { head: head.map(String::from).to_vec(), rows },
    })
}
